import { distribute, presetKey, type AreaData, type DistributionKey, type PresetName } from '../../domain/distribution/key.ts';
import { DistributionError } from '../../domain/distribution/errors.ts';
import { housingQuota, parseHalfYear } from '../../domain/distribution/housing-quota.ts';
import { cascade } from '../../domain/distribution/cascade.ts';
import { Rational } from '../../domain/distribution/rational.ts';
import type { ApportionmentMethod } from '../../domain/distribution/apportion.ts';
import type { PopulationStatus } from '../../domain/regions/population.ts';
import { formatDate, formatInteger } from '../../lib/dutch.ts';
import { AppError, badRequest } from '../../platform/http/errors.ts';
import type { DecisionInput, DecisionViewT, KeySpec } from './schemas.ts';

/**
 * The seam between the stored decisions and the pure distribution engine (src/domain/distribution):
 * turns request data into the engine's key and areas, and the engine's result into what is stored and
 * shown. Domain errors become 400 problems that name the field.
 */
export interface EngineArea {
  code: string;
  name: string;
  parentCode: string | null;
  population: number | null;
  populationStatus: PopulationStatus | null;
  missing: string | null;
}

export interface EngineResult {
  areas: DecisionViewT['areas'];
  assignedTotal: number;
  methodNote: string;
}

/** One area of a result, as stored and shown, from the engine's numbers for it. */
function areaResult(
  a: EngineArea,
  x: { quota: Rational; quotaDecimal: string; assigned: number; existing: number | null; toRealise: number | null; explanation: string },
): DecisionViewT['areas'][number] {
  return {
    code: a.code,
    name: a.name,
    parentCode: a.parentCode,
    population: a.population,
    populationStatus: a.populationStatus,
    quota: `${x.quota.num}/${x.quota.den}`,
    quotaDecimal: x.quotaDecimal,
    assigned: x.assigned,
    existing: x.existing,
    toRealise: x.toRealise,
    explanation: x.explanation,
  };
}

export function asProblem(e: unknown): never {
  if (e instanceof DistributionError) {
    throw new AppError(400, e.code, 'Ongeldige invoer', e.message, [
      { name: e.field ?? 'invoer', code: e.code, reason: e.areaIds.length > 0 ? `${e.message} (${e.areaIds.slice(0, 10).join(', ')})` : e.message },
    ]);
  }
  throw e;
}

function toKey(spec: KeySpec | PresetName): DistributionKey {
  if (typeof spec === 'string') return presetKey(spec);
  const extra = {
    corrections: spec.corrections,
    exemptions: spec.exemptions?.map((e) => ({ areaId: e.code, reason: e.reason })),
    floors: spec.floors,
    caps: spec.caps,
  };
  if (spec.preset && spec.indicators) {
    throw badRequest('sleutel-dubbel', 'Geef óf een ingebouwde sleutel (preset) óf eigen indicatoren, niet allebei.', [
      { name: 'key', code: 'sleutel-dubbel', reason: 'preset en indicators samen' },
    ]);
  }
  const base: DistributionKey = spec.preset
    ? presetKey(spec.preset, extra)
    : {
        name: 'eigen sleutel',
        indicators: (spec.indicators ?? []).map((i) => ({ indicator: i.name, weight: i.weight, mode: i.mode ?? 'share' })),
        ...Object.fromEntries(Object.entries(extra).filter(([, v]) => v !== undefined)),
      };
  if (!spec.exemptTwiceAverageExisting) return base;
  return {
    ...base,
    exemptionRules: [
      ...(base.exemptionRules ?? []),
      { kind: 'at-least-multiple-of-average', indicator: 'existingPlaces', multiple: 2, reason: 'minstens twee keer het gemiddelde aantal bestaande plaatsen' },
    ],
  };
}

function missingPopulation(areas: EngineArea[]): never {
  const missing = areas.filter((a) => a.population === null);
  throw badRequest(
    'inwonertal-ontbreekt',
    `Geen inwonertal voor ${missing.slice(0, 5).map((a) => `${a.name} (${a.code}): ${a.missing ?? 'onbekend'}`).join('; ')}${missing.length > 5 ? ` en ${missing.length - 5} meer` : ''}`,
    missing.slice(0, 50).map((a) => ({ name: a.code, code: 'inwonertal-ontbreekt', reason: a.missing ?? 'geen inwonertal' })),
  );
}

export function runDistribution(args: {
  total: number;
  method: NonNullable<DecisionInput['method']>;
  key: KeySpec | PresetName;
  areas: EngineArea[];
  existing: Record<string, number>;
}): EngineResult {
  try {
    const key = toKey(args.key);
    const values = typeof args.key === 'string' ? {} : (args.key.values ?? {});
    const usesPopulation = key.indicators.some((i) => i.indicator === 'population');
    if (usesPopulation && args.areas.some((a) => a.population === null && values[a.code]?.population === undefined)) missingPopulation(args.areas);
    const unknown = Object.keys(values).filter((code) => !args.areas.some((a) => a.code === code));
    if (unknown.length > 0) {
      throw badRequest('gebied-onbekend', `Indicatorwaarden voor gebieden die niet meedoen: ${unknown.slice(0, 10).join(', ')}.`, unknown.map((c) => ({ name: `key.values.${c}`, code: 'gebied-onbekend', reason: `${c} hoort niet bij deze verdeling` })));
    }
    const data: AreaData[] = args.areas.map((a) => ({
      id: a.code,
      values: {
        ...(a.population !== null ? { population: a.population } : {}),
        ...(args.existing[a.code] !== undefined ? { existingPlaces: args.existing[a.code]! } : {}),
        ...values[a.code],
      },
      existing: args.existing[a.code] ?? 0,
    }));
    const d = distribute(args.total, data, key, args.method as ApportionmentMethod);
    const byCode = new Map(args.areas.map((a) => [a.code, a]));
    const hasExisting = Object.keys(args.existing).length > 0;
    return {
      areas: d.areas.map((x) =>
        areaResult(byCode.get(x.id)!, {
          ...x,
          assigned: x.share,
          existing: hasExisting ? x.existing : null,
          toRealise: hasExisting ? x.toRealise : null,
        }),
      ),
      assignedTotal: d.assignedTotal,
      methodNote: d.explanation,
    };
  } catch (e) {
    return asProblem(e);
  }
}

/** The first day of a half-year (its municipalities) and the reference date of its populations. */
export function halfYearDates(period: string): { boundaryDate: string; referenceDate: string } {
  try {
    const h = parseHalfYear(period);
    return { boundaryDate: h.firstDay, referenceDate: h.referenceDate };
  } catch (e) {
    return asProblem(e);
  }
}

export function runTaakstelling(args: { period: string; national: number; nationalPopulation: number; areas: EngineArea[] }): EngineResult {
  if (args.areas.some((a) => a.population === null)) missingPopulation(args.areas);
  try {
    const r = housingQuota({
      period: args.period,
      nationalNumber: args.national,
      nationalPopulation: args.nationalPopulation,
      municipalities: args.areas.map((a) => ({ code: a.code, name: a.name, inhabitants: a.population })),
    });
    const byCode = new Map(args.areas.map((a) => [a.code, a]));
    return {
      areas: r.municipalities.map((m) => areaResult(byCode.get(m.code)!, { ...m, assigned: m.housingQuota, existing: null, toRealise: null })),
      assignedTotal: r.total,
      methodNote:
        `⌈${formatInteger(args.national)} · iG / ${formatInteger(args.nationalPopulation)}⌉ per gemeente (Huisvestingswet art. 29), iG en iN op ${formatDate(r.referenceDate)}; ` +
        `som ${formatInteger(r.total)} (${formatInteger(r.roundingExcess)} meer door naar boven afronden)${r.warnings.length > 0 ? `. ${r.warnings.join(' ')}` : ''}`,
    };
  } catch (e) {
    return asProblem(e);
  }
}

/**
 * National → province → municipality in one run: the total over the provinces, each province's whole
 * number over its own municipalities, with the same key and method at both levels. A province's
 * indicator values are the sums of its municipalities' (plus any given for the province itself).
 */
export function runCascade(args: {
  total: number;
  method: NonNullable<DecisionInput['method']>;
  key: KeySpec | PresetName;
  areas: EngineArea[];
  provinces: { code: string; name: string }[];
  existing: Record<string, number>;
}): EngineResult {
  try {
    const key = toKey(args.key);
    const values = typeof args.key === 'string' ? {} : (args.key.values ?? {});
    if (key.indicators.some((i) => i.indicator === 'population') && args.areas.some((a) => a.population === null && values[a.code]?.population === undefined)) {
      missingPopulation(args.areas);
    }
    const leafValues = (a: EngineArea): Record<string, string | number> => ({
      ...(a.population !== null ? { population: a.population } : {}),
      ...(args.existing[a.code] !== undefined ? { existingPlaces: args.existing[a.code]! } : {}),
      ...values[a.code],
    });
    const sumValues = (members: EngineArea[]) => {
      const sums: Record<string, string> = {};
      for (const name of key.indicators.map((i) => i.indicator)) {
        let sum = 0n;
        let den = 1n;
        for (const m of members) {
          const v = leafValues(m)[name];
          if (v === undefined) continue;
          const r = Rational.from(v);
          sum = sum * r.den + r.num * den;
          den *= r.den;
        }
        sums[name] = `${sum}/${den}`;
      }
      return sums;
    };
    const tree = {
      id: 'NL',
      children: args.provinces.map((p) => {
        const members = args.areas.filter((a) => a.parentCode === p.code);
        return {
          id: p.code,
          values: { ...sumValues(members), ...values[p.code] },
          children: members.map((m) => ({ id: m.code, values: leafValues(m), existing: args.existing[m.code] ?? 0 })),
        };
      }),
    };
    const outcome = cascade(args.total, tree, args.method as ApportionmentMethod, key);
    const byCode = new Map(args.areas.map((a) => [a.code, a]));
    const quotaOf = new Map<string, { quota: Rational; quotaDecimal: string; provinceExplanation: string }>();
    for (const province of outcome.root.children) {
      for (const d of province.distribution?.areas ?? []) {
        quotaOf.set(d.id, { quota: d.quota, quotaDecimal: d.quotaDecimal, provinceExplanation: `${province.id}: ${province.explanation}` });
      }
    }
    const hasExisting = Object.keys(args.existing).length > 0;
    return {
      areas: outcome.leaves.map((leaf) => {
        const q = quotaOf.get(leaf.id)!;
        return areaResult(byCode.get(leaf.id)!, {
          quota: q.quota,
          quotaDecimal: q.quotaDecimal,
          assigned: leaf.assigned,
          existing: hasExisting ? leaf.existing : null,
          toRealise: hasExisting ? leaf.toRealise : null,
          explanation: `${leaf.explanation}; provincie ${q.provinceExplanation}`,
        });
      }),
      assignedTotal: outcome.leaves.reduce((s, l) => s + l.assigned, 0),
      methodNote: `Getrapt: eerst over de provincies, dan per provincie over haar gemeenten; sleutel ${key.name}, methode ${args.method}.`,
    };
  } catch (e) {
    return asProblem(e);
  }
}
