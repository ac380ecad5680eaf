/**
 * Distribution keys (verdeelsleutels) as data: indicators per area with weights and a mode, corrections,
 * exemptions, floors and caps. A key yields one exact weight per area; `apportion` turns those into whole numbers.
 */
import { apportion, type Apportionment, type ApportionmentMethod, METHOD_NAMES } from './apportion.ts';
import { DistributionError, listCodes } from './errors.ts';
import { formatQuota, formatWhole } from './format.ts';
import { lcm, Rational, type RationalInput } from './rational.ts';

/** Indicator names used by the presets; a key may use any other name its areas carry. */
export type IndicatorName =
  | 'population'
  | 'taxRevenue'
  | 'gdp'
  | 'sesScore'
  | 'existingPlaces'
  | 'unemployment'
  | 'socialAssistance'
  | 'pastApplications'
  | 'taxableIncome';

/** `share`: value / sum of values. `inverse-share`: (1/value) / sum of (1/value) — a higher value gives less. */
export type IndicatorMode = 'share' | 'inverse-share';

export interface KeyIndicator {
  readonly indicator: IndicatorName | (string & {});
  /** Exact: '0.35', 0.35 and '7/20' are all 7/20. All weights of a key add up to exactly 1. */
  readonly weight: RationalInput;
  readonly mode: IndicatorMode;
}

export interface Exemption {
  readonly areaId: string;
  /** Dutch, shown in the explanation. */
  readonly reason: string;
}

/** Exempts areas whose value of `indicator` is at least `multiple` × the average over all areas (Fedasil: 2). */
export interface ExemptionRule {
  readonly kind: 'at-least-multiple-of-average';
  readonly indicator: string;
  readonly multiple: RationalInput;
  readonly reason?: string;
}

export interface DistributionKey {
  /** Short name, e.g. 'koenigstein'. */
  readonly name: string;
  /** Dutch description for people. */
  readonly description?: string;
  readonly indicators: readonly KeyIndicator[];
  /** Multiplicative factor ≥ 0 per area id (default 1), e.g. an SES correction. */
  readonly corrections?: Readonly<Record<string, RationalInput>>;
  readonly exemptions?: readonly Exemption[];
  readonly exemptionRules?: readonly ExemptionRule[];
  readonly floors?: Readonly<Record<string, number>>;
  readonly caps?: Readonly<Record<string, number>>;
}

export interface AreaData {
  readonly id: string;
  /** Indicator values (≥ 0), e.g. `{ population: 872779 }`. */
  readonly values: Readonly<Record<string, RationalInput>>;
  /** Places that already exist and count against the share (whole number ≥ 0, default 0). */
  readonly existing?: number;
}

export interface KeyWeight {
  readonly id: string;
  /** Integer weight, proportional to the area's share of the key (0 when exempt). */
  readonly weight: bigint;
  readonly correction: Rational;
  /** Why the area is exempt, or null. */
  readonly exemption: string | null;
}

export interface KeyWeights {
  readonly areas: readonly KeyWeight[];
  readonly weightSum: bigint;
}

export interface DistributedArea {
  readonly id: string;
  /** The area's share of the key (0 … 1), exact. */
  readonly keyShare: Rational;
  /** e.g. '4,9944 %' */
  readonly keySharePercent: string;
  readonly quota: Rational;
  readonly quotaDecimal: string;
  /** The whole number assigned (aandeel). */
  readonly share: number;
  readonly existing: number;
  /** max(0, share − existing). */
  readonly toRealise: number;
  readonly exemption: string | null;
  readonly bound: 'minimum' | 'maximum' | null;
  readonly explanation: string;
}

export interface Distribution {
  readonly key: string;
  readonly method: ApportionmentMethod;
  readonly total: number;
  readonly assignedTotal: number;
  readonly existingTotal: number;
  readonly toRealiseTotal: number;
  readonly apportionment: Apportionment;
  /** In input order. */
  readonly areas: readonly DistributedArea[];
  readonly explanation: string;
}

const MODE_NAMES: Record<IndicatorMode, string> = { share: 'aandeel', 'inverse-share': 'omgekeerd aandeel' };

function parseRational(value: RationalInput | undefined): Rational | null {
  if (value === undefined || value === null) return null;
  return Rational.tryFrom(value);
}

/**
 * Checks a key's own structure: at least one indicator, no indicator twice, weights ≥ 0 adding up to exactly 1.
 * `validateKey(presetKey('koenigstein'))` passes; weights 0.5 and 0.4 throw `sleutelgewichten-niet-een`.
 */
export function validateKey(key: DistributionKey): Rational[] {
  if (key.indicators.length === 0) {
    throw new DistributionError('sleutel-leeg', `Verdeelsleutel '${key.name}' heeft geen indicatoren.`, { field: 'key.indicators' });
  }
  const seen = new Set<string>();
  const weights = key.indicators.map((ind, k) => {
    const field = `key.indicators[${k}]`;
    if (seen.has(ind.indicator)) {
      throw new DistributionError('indicator-dubbel', `Indicator '${ind.indicator}' staat meer dan eens in de verdeelsleutel.`, { field });
    }
    seen.add(ind.indicator);
    if (ind.mode !== 'share' && ind.mode !== 'inverse-share') {
      throw new DistributionError('sleutel-leeg', `Indicator '${ind.indicator}' heeft een onbekende wijze '${String(ind.mode)}' (aandeel of omgekeerd aandeel).`, {
        field: `${field}.mode`,
      });
    }
    const w = parseRational(ind.weight);
    if (w === null || w.sign() < 0) {
      throw new DistributionError('sleutelgewicht-ongeldig', `Het gewicht van indicator '${ind.indicator}' is geen getal van 0 of meer (${String(ind.weight)}).`, {
        field: `${field}.weight`,
      });
    }
    return w;
  });
  const sum = Rational.sum(weights);
  if (!sum.equals(Rational.ONE)) {
    throw new DistributionError(
      'sleutelgewichten-niet-een',
      `De gewichten van verdeelsleutel '${key.name}' tellen op tot ${formatQuota(sum)} in plaats van precies 1.`,
      { field: 'key.indicators' },
    );
  }
  return weights;
}

function valueOf(area: AreaData, indicator: string, field: string): Rational {
  const raw = area.values[indicator];
  if (raw === undefined || raw === null) {
    throw new DistributionError('indicator-ontbreekt', `Gebied ${area.id} heeft geen waarde voor indicator '${indicator}'.`, {
      field,
      areaIds: [area.id],
    });
  }
  const v = Rational.tryFrom(raw);
  if (v === null || v.sign() < 0) {
    throw new DistributionError('indicatorwaarde-ongeldig', `De waarde van '${indicator}' voor ${area.id} is geen getal van 0 of meer (${String(raw)}).`, {
      field,
      areaIds: [area.id],
    });
  }
  return v;
}

/**
 * Areas whose `indicator` is at least `multiple` × the average over all given areas (Fedasil's rule: twice the
 * average number of existing reception places). `exemptAtMultipleOfAverage(areas, 'existingPlaces', 2)`.
 */
export function exemptAtMultipleOfAverage(
  areas: readonly AreaData[],
  indicator: string,
  multiple: RationalInput = 2,
  reason?: string,
): Exemption[] {
  const m = parseRational(multiple);
  if (m === null || m.sign() < 0) {
    throw new DistributionError('sleutel-leeg', `De factor van de vrijstellingsregel is geen getal van 0 of meer (${String(multiple)}).`, {
      field: 'key.exemptionRules',
    });
  }
  if (areas.length === 0) return [];
  const values = areas.map((a) => valueOf(a, indicator, `areas.values.${indicator}`));
  const sum = Rational.sum(values);
  const n = Rational.of(areas.length);
  const average = sum.div(n);
  const threshold = average.mul(m);
  const text = reason ?? `${indicator} is ten minste ${formatQuota(m)} × het gemiddelde (${formatQuota(average)})`;
  return areas.flatMap((a, i) => (sum.sign() > 0 && values[i]!.compare(threshold) >= 0 ? [{ areaId: a.id, reason: text }] : []));
}

function checkIds(areas: readonly AreaData[]): Map<string, number> {
  const index = new Map<string, number>();
  areas.forEach((a, i) => {
    if (typeof a.id !== 'string' || a.id === '') {
      throw new DistributionError('gebied-ongeldig', 'Elk gebied heeft een code nodig (een niet-lege tekst).', { field: 'areas' });
    }
    if (index.has(a.id)) throw new DistributionError('gebied-dubbel', `Gebied ${a.id} komt meer dan eens voor.`, { field: 'areas', areaIds: [a.id] });
    index.set(a.id, i);
  });
  return index;
}

function unknownArea(index: ReadonlyMap<string, number>, id: string, field: string, what: string): void {
  if (!index.has(id)) {
    throw new DistributionError('gebied-onbekend', `Er is een ${what} opgegeven voor ${id}, maar dat gebied doet niet mee.`, { field, areaIds: [id] });
  }
}

function exemptionsOf(key: DistributionKey, areas: readonly AreaData[], index: ReadonlyMap<string, number>): Map<string, string> {
  const exempt = new Map<string, string>();
  for (const e of key.exemptions ?? []) {
    unknownArea(index, e.areaId, 'key.exemptions', 'vrijstelling');
    exempt.set(e.areaId, e.reason);
  }
  for (const rule of key.exemptionRules ?? []) {
    for (const e of exemptAtMultipleOfAverage(areas, rule.indicator, rule.multiple, rule.reason)) {
      if (!exempt.has(e.areaId)) exempt.set(e.areaId, e.reason);
    }
  }
  return exempt;
}

/**
 * The key's exact weight per area, as integers proportional to
 * correction × Σ_k weight_k × (value / Σ values) — or (1/value) / Σ (1/value) in `inverse-share` mode — computed
 * over the areas that are not exempt. No fraction is ever normalised on the way, so keys with inverse shares
 * (whose common denominator grows with the number of areas) stay fast.
 * `keyWeights(presetKey('population'), [{ id: 'A', values: { population: 3 } }, { id: 'B', values: { population: 1 } }])`
 * → weights 3n and 1n.
 */
export function keyWeights(key: DistributionKey, areas: readonly AreaData[]): KeyWeights {
  const lambdas = validateKey(key);
  const index = checkIds(areas);
  const exempt = exemptionsOf(key, areas, index);
  const active = areas.map((a) => !exempt.has(a.id));
  const n = areas.length;

  const corrections = areas.map(() => Rational.ONE);
  for (const [id, raw] of Object.entries(key.corrections ?? {})) {
    unknownArea(index, id, 'key.corrections', 'correctie');
    const c = parseRational(raw);
    if (c === null || c.sign() < 0) {
      throw new DistributionError('correctie-ongeldig', `De correctiefactor van ${id} is geen getal van 0 of meer (${String(raw)}).`, {
        field: 'key.corrections',
        areaIds: [id],
      });
    }
    corrections[index.get(id)!] = c;
  }

  const u: bigint[] = new Array<bigint>(n).fill(0n);
  const parts: { alpha: Rational; y: bigint[] }[] = [];
  key.indicators.forEach((ind, k) => {
    const lambda = lambdas[k]!;
    if (lambda.isZero()) return;
    const field = `areas.values.${ind.indicator}`;
    const values = areas.map((a, i) => (active[i] ? valueOf(a, ind.indicator, field) : Rational.ZERO));
    const y = new Array<bigint>(n).fill(0n);
    if (ind.mode === 'share') {
      let d = 1n;
      for (const v of new Set(values.map((v) => v.den))) d = lcm(d, v);
      values.forEach((v, i) => (y[i] = v.num * (d / v.den)));
    } else {
      const zero = areas.filter((a, i) => active[i] && values[i]!.isZero()).map((a) => a.id);
      if (zero.length > 0) {
        throw new DistributionError(
          'inverse-waarde-nul',
          `Indicator '${ind.indicator}' telt omgekeerd mee, maar is 0 voor ${listCodes(zero)}; deel door 0 kan niet.`,
          { field, areaIds: zero },
        );
      }
      let l = 1n;
      for (const v of new Set(values.filter((_, i) => active[i]).map((v) => v.num))) l = lcm(l, v);
      values.forEach((v, i) => (y[i] = active[i] ? v.den * (l / v.num) : 0n));
    }
    const Y = y.reduce((a, b) => a + b, 0n);
    if (Y === 0n) {
      if (active.some(Boolean)) {
        throw new DistributionError('indicator-som-nul', `Indicator '${ind.indicator}' is 0 voor alle deelnemende gebieden; het aandeel is niet te bepalen.`, {
          field,
        });
      }
      return;
    }
    parts.push({ alpha: lambda.div(Rational.of(Y)), y });
  });
  let D = 1n;
  for (const p of parts) D = lcm(D, p.alpha.den);
  for (const p of parts) {
    const factor = p.alpha.num * (D / p.alpha.den);
    for (let i = 0; i < n; i++) u[i]! += factor * p.y[i]!;
  }
  let Q = 1n;
  for (const c of new Set(corrections.map((c) => c.den))) Q = lcm(Q, c);
  const weights = u.map((x, i) => (active[i] ? x * corrections[i]!.num * (Q / corrections[i]!.den) : 0n));
  return {
    areas: areas.map((a, i) => ({ id: a.id, weight: weights[i]!, correction: corrections[i]!, exemption: exempt.get(a.id) ?? null })),
    weightSum: weights.reduce((a, b) => a + b, 0n),
  };
}

/**
 * Divides `total` over the areas with a key and a method: exempt areas get 0, floors and caps are respected
 * (infeasible combinations are refused with a Dutch error), and existing places are counted against the share.
 * `distribute(51000, provinces, presetKey('population'), 'largest-remainder').areas[0].toRealise`
 */
export function distribute(total: number, areas: readonly AreaData[], key: DistributionKey, method: ApportionmentMethod): Distribution {
  const kw = keyWeights(key, areas);
  const index = new Map(areas.map((a, i) => [a.id, i]));
  const floors: Record<string, number> = {};
  const caps: Record<string, number> = {};
  for (const [id, v] of Object.entries(key.floors ?? {})) {
    unknownArea(index, id, 'key.floors', 'minimum');
    floors[id] = v;
  }
  for (const [id, v] of Object.entries(key.caps ?? {})) {
    unknownArea(index, id, 'key.caps', 'maximum');
    caps[id] = v;
  }
  for (const a of kw.areas) {
    if (a.exemption === null) continue;
    if ((floors[a.id] ?? 0) > 0) {
      throw new DistributionError('vrijstelling-met-minimum', `Gebied ${a.id} is vrijgesteld maar heeft een minimum van ${formatWhole(floors[a.id]!)}.`, {
        field: 'key.floors',
        areaIds: [a.id],
      });
    }
    caps[a.id] = 0;
  }
  const existing = areas.map((a) => {
    const e = a.existing ?? 0;
    if (!Number.isSafeInteger(e) || e < 0) {
      throw new DistributionError('bestaand-ongeldig', `Het aantal bestaande plaatsen van ${a.id} moet een geheel getal van 0 of meer zijn (niet ${String(e)}).`, {
        field: 'areas.existing',
        areaIds: [a.id],
      });
    }
    return e;
  });
  const result = apportion(
    total,
    kw.areas.map((a) => ({ id: a.id, weight: a.weight })),
    method,
    { floors, caps, divisorUnit: 'quota' },
  );
  const W = kw.weightSum;
  let existingTotal = 0;
  let toRealiseTotal = 0;
  const out = result.areas.map((r, i): DistributedArea => {
    const k = kw.areas[i]!;
    // Percent straight from the unreduced fraction: inverse-share keys carry numbers of thousands of digits.
    const percent = `${Rational.decimal(k.weight * 100n, W === 0n ? 1n : W, 4)} %`;
    const ex = existing[i]!;
    const toRealise = Math.max(0, r.assigned - ex);
    existingTotal += ex;
    toRealiseTotal += toRealise;
    let explanation = k.exemption !== null ? `vrijgesteld: ${k.exemption} → 0` : `aandeel ${percent}; ${r.explanation}`;
    if (!k.correction.equals(Rational.ONE) && k.exemption === null) explanation += `; correctiefactor ${formatQuota(k.correction)}`;
    if (ex > 0) explanation += `; bestaand ${formatWhole(ex)}, nog te realiseren ${formatWhole(toRealise)}`;
    return {
      id: r.id,
      get keyShare() {
        return W === 0n ? Rational.ZERO : Rational.of(k.weight, W);
      },
      keySharePercent: percent,
      get quota() {
        return r.quota;
      },
      quotaDecimal: r.quotaDecimal,
      share: r.assigned,
      existing: ex,
      toRealise,
      exemption: k.exemption,
      bound: k.exemption !== null ? null : r.bound,
      explanation,
    };
  });
  const parts = key.indicators.map((ind) => `${ind.indicator} ${formatQuota(Rational.from(ind.weight).mul(Rational.of(100n)))} % (${MODE_NAMES[ind.mode]})`);
  const exemptCount = kw.areas.filter((a) => a.exemption !== null).length;
  const explanation =
    `Verdeelsleutel '${key.name}': ${parts.join(', ')}; methode ${METHOD_NAMES[method]}. ${result.explanation}` +
    (exemptCount > 0 ? ` ${exemptCount} gebied(en) vrijgesteld.` : '') +
    (existingTotal > 0 ? ` Bestaand ${formatWhole(existingTotal)}, nog te realiseren ${formatWhole(toRealiseTotal)}.` : '');
  return {
    key: key.name,
    method,
    total,
    assignedTotal: result.assignedTotal,
    existingTotal,
    toRealiseTotal,
    apportionment: result,
    areas: out,
    explanation,
  };
}

// ---------------------------------------------------------------------------------------------------------------
// Presets

export type PresetName = 'population' | 'population-ses' | 'koenigstein' | 'eu-relocation-2015' | 'fedasil';
export const PRESET_NAMES: readonly PresetName[] = ['population', 'population-ses', 'koenigstein', 'eu-relocation-2015', 'fedasil'];

export interface PresetOptions {
  /** Required for 'population-ses': the SES correction factor per area. */
  readonly corrections?: Readonly<Record<string, RationalInput>>;
  readonly exemptions?: readonly Exemption[];
  readonly floors?: Readonly<Record<string, number>>;
  readonly caps?: Readonly<Record<string, number>>;
}

/**
 * The built-in keys, as data that can be inspected and changed:
 *
 * - `population`: population share.
 * - `population-ses`: population share × a correction factor per area (Spreidingswet: SES-WOA score); the
 *   factors are input (`options.corrections`), not derived here.
 * - `koenigstein`: 2/3 tax revenue share, 1/3 population share (Königsteiner Schlüssel).
 * - `eu-relocation-2015`: population 40 %, GDP 40 %, past asylum applications 10 %, unemployment 10 %. In the
 *   Commission's key the last two are corrections that lower a country's share; here they are `inverse-share`
 *   indicators (a higher per-capita application count or unemployment rate gives a smaller part of those 10 %),
 *   without the Commission's 30 % cap on their effect. Areas need `pastApplications` and `unemployment` > 0.
 * - `fedasil`: population 35 %, existing reception places 30 %, taxable income 20 %, people on social assistance
 *   15 %, all as shares, and areas with at least twice the average number of existing places exempt (Belgian
 *   spreidingsplan 2016). Our reading: distribute the total capacity and give areas `existing` places, so that
 *   `toRealise` is what each must still add; the published sources give the weights but not the direction.
 *
 * `presetKey('koenigstein').indicators` → taxRevenue 2/3, population 1/3.
 */
export function presetKey(name: PresetName, options: PresetOptions = {}): DistributionKey {
  const clean = (key: DistributionKey): DistributionKey => ({
    ...key,
    ...(options.corrections ? { corrections: options.corrections } : {}),
    ...(options.exemptions ? { exemptions: options.exemptions } : {}),
    ...(options.floors ? { floors: options.floors } : {}),
    ...(options.caps ? { caps: options.caps } : {}),
  });
  switch (name) {
    case 'population':
      return clean({ name, description: 'Naar rato van het aantal inwoners.', indicators: [{ indicator: 'population', weight: 1, mode: 'share' }] });
    case 'population-ses':
      if (!options.corrections) {
        throw new DistributionError('correctie-ongeldig', "Verdeelsleutel 'population-ses' heeft de SES-correctiefactor per gebied nodig.", {
          field: 'key.corrections',
        });
      }
      return clean({
        name,
        description: 'Naar rato van het aantal inwoners, gecorrigeerd met de sociaaleconomische status (Spreidingswet).',
        indicators: [{ indicator: 'population', weight: 1, mode: 'share' }],
        corrections: options.corrections,
      });
    case 'koenigstein':
      return clean({
        name,
        description: 'Königsteiner Schlüssel: 2/3 belastingopbrengst, 1/3 inwoners.',
        indicators: [
          { indicator: 'taxRevenue', weight: '2/3', mode: 'share' },
          { indicator: 'population', weight: '1/3', mode: 'share' },
        ],
      });
    case 'eu-relocation-2015':
      return clean({
        name,
        description: 'EU-herplaatsingssleutel 2015: inwoners 40 %, bbp 40 %, eerdere asielaanvragen 10 % en werkloosheid 10 % (omgekeerd).',
        indicators: [
          { indicator: 'population', weight: '0.4', mode: 'share' },
          { indicator: 'gdp', weight: '0.4', mode: 'share' },
          { indicator: 'pastApplications', weight: '0.1', mode: 'inverse-share' },
          { indicator: 'unemployment', weight: '0.1', mode: 'inverse-share' },
        ],
      });
    case 'fedasil':
      return {
        ...clean({
          name,
          description: 'Fedasil-spreidingsplan: inwoners 35 %, bestaande opvangplaatsen 30 %, belastbaar inkomen 20 %, leefloners 15 %.',
          indicators: [
            { indicator: 'population', weight: '0.35', mode: 'share' },
            { indicator: 'existingPlaces', weight: '0.30', mode: 'share' },
            { indicator: 'taxableIncome', weight: '0.20', mode: 'share' },
            { indicator: 'socialAssistance', weight: '0.15', mode: 'share' },
          ],
        }),
        exemptionRules: [
          { kind: 'at-least-multiple-of-average', indicator: 'existingPlaces', multiple: 2, reason: 'ten minste twee keer het gemiddelde aantal opvangplaatsen' },
        ],
      };
    default:
      throw new DistributionError('sleutel-leeg', `Onbekende standaardsleutel '${String(name)}'; kies uit ${PRESET_NAMES.join(', ')}.`, { field: 'key' });
  }
}
