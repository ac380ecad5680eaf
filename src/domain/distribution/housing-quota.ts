/**
 * The housing quota for permit holders (taakstelling, Huisvestingswet 2014 art. 28–30): per half-year every
 * municipality houses ⌈vg · iG / iN⌉ people, iG and iN being the populations on 1 January of the previous year.
 */
import { DistributionError, listCodes } from './errors.ts';
import { formatQuota, formatWhole } from './format.ts';
import { Rational } from './rational.ts';

export interface HalfYear {
  /** '2022-II' */
  readonly label: string;
  readonly year: number;
  readonly half: 1 | 2;
  /** First day of the half-year: the municipalities existing then get a quota. */
  readonly firstDay: string;
  readonly lastDay: string;
  /** 1 January of the year before: the date of iG and iN. */
  readonly referenceDate: string;
}

/** `parseHalfYear('2022-II')` → { year: 2022, half: 2, firstDay: '2022-07-01', lastDay: '2022-12-31', referenceDate: '2021-01-01' } */
export function parseHalfYear(text: string): HalfYear {
  const m = /^(\d{4})-(I|II)$/.exec(typeof text === 'string' ? text.trim() : '');
  const year = m ? Number(m[1]) : NaN;
  if (!m || year < 1901) {
    throw new DistributionError('periode-ongeldig', `'${String(text)}' is geen halfjaar; schrijf bijvoorbeeld 2022-I (januari–juni) of 2022-II (juli–december).`, {
      field: 'period',
    });
  }
  const half = m[2] === 'I' ? 1 : 2;
  const y = String(year);
  return {
    label: `${y}-${m[2]}`,
    year,
    half,
    firstDay: half === 1 ? `${y}-01-01` : `${y}-07-01`,
    lastDay: half === 1 ? `${y}-06-30` : `${y}-12-31`,
    referenceDate: `${String(year - 1)}-01-01`,
  };
}

export interface HousingQuotaMunicipality {
  readonly code: string;
  readonly name?: string;
  /** iG: population on the reference date in the boundaries of the half-year's first day (sum after a merger). */
  readonly inhabitants: number | null | undefined;
}

export interface HousingQuotaInput {
  /** 'YYYY-I' or 'YYYY-II'. */
  readonly period: string;
  /** vg: the national number set by the minister. */
  readonly nationalNumber: number;
  /** iN: the national population on the reference date, as published (not necessarily the sum of the iG). */
  readonly nationalPopulation: number;
  /** The municipalities existing on the first day of the half-year. */
  readonly municipalities: readonly HousingQuotaMunicipality[];
}

export interface HousingQuotaLine {
  readonly code: string;
  readonly name: string | undefined;
  readonly inhabitants: number;
  /** vg · iG / iN, exact. */
  readonly quota: Rational;
  readonly quotaDecimal: string;
  /** ⌈quota⌉ */
  readonly housingQuota: number;
  readonly explanation: string;
}

export interface HousingQuotaResult {
  readonly period: HalfYear;
  readonly referenceDate: string;
  readonly nationalNumber: number;
  readonly nationalPopulation: number;
  readonly municipalities: readonly HousingQuotaLine[];
  /** Sum of the taakstellingen: at least about vg, more through rounding up. */
  readonly total: number;
  /** total − vg. */
  readonly roundingExcess: number;
  readonly inhabitantsSum: number;
  /** Dutch remarks that do not stop the computation (e.g. Σ iG differs from iN). */
  readonly warnings: readonly string[];
}

/**
 * Computes every municipality's taakstelling for a half-year.
 * `housingQuota({ period: '2022-II', nationalNumber: 13500, nationalPopulation: 17475415,
 *   municipalities: [{ code: 'GM0363', inhabitants: 872779 }] }).municipalities[0].housingQuota` → 675
 */
export function housingQuota(input: HousingQuotaInput): HousingQuotaResult {
  const period = parseHalfYear(input.period);
  const vg = input.nationalNumber;
  const iN = input.nationalPopulation;
  if (!Number.isSafeInteger(vg) || vg < 0) {
    throw new DistributionError('landelijk-aantal-ongeldig', `Het landelijke aantal moet een geheel getal van 0 of meer zijn (niet ${String(vg)}).`, {
      field: 'nationalNumber',
    });
  }
  if (!Number.isSafeInteger(iN) || iN <= 0) {
    throw new DistributionError('landelijk-inwonertal-ongeldig', `Het landelijke inwonertal moet een geheel getal groter dan 0 zijn (niet ${String(iN)}).`, {
      field: 'nationalPopulation',
    });
  }
  const seen = new Set<string>();
  const missing: string[] = [];
  for (const m of input.municipalities) {
    if (seen.has(m.code)) throw new DistributionError('gebied-dubbel', `Gemeente ${m.code} komt meer dan eens voor.`, { field: 'municipalities', areaIds: [m.code] });
    seen.add(m.code);
    if (m.inhabitants === null || m.inhabitants === undefined) missing.push(m.code);
    else if (!Number.isSafeInteger(m.inhabitants) || m.inhabitants < 0) {
      throw new DistributionError('inwonertal-ongeldig', `Het inwonertal van ${m.code} moet een geheel getal van 0 of meer zijn (niet ${String(m.inhabitants)}).`, {
        field: 'municipalities.inhabitants',
        areaIds: [m.code],
      });
    }
  }
  if (missing.length > 0) {
    throw new DistributionError(
      'inwonertal-ontbreekt',
      `Voor ${missing.length} gemeente(n) ontbreekt het inwonertal op ${period.referenceDate}: ${listCodes(missing)}.`,
      { field: 'municipalities.inhabitants', areaIds: missing },
    );
  }
  const bigVg = BigInt(vg);
  const bigIN = BigInt(iN);
  let total = 0;
  let inhabitantsSum = 0;
  const lines = input.municipalities.map((m): HousingQuotaLine => {
    const iG = m.inhabitants!;
    const quota = Rational.of(bigVg * BigInt(iG), bigIN);
    const housing = Number(quota.ceil());
    total += housing;
    inhabitantsSum += iG;
    const q = formatQuota(quota);
    return {
      code: m.code,
      name: m.name,
      inhabitants: iG,
      quota,
      quotaDecimal: q,
      housingQuota: housing,
      explanation: `${formatWhole(vg)} × ${formatWhole(iG)} / ${formatWhole(iN)} = ${q} → ${formatWhole(housing)}${quota.isInteger() ? '' : ' (naar boven afgerond)'}`,
    };
  });
  const warnings: string[] = [];
  if (inhabitantsSum !== iN) {
    warnings.push(
      `De inwonertallen van de gemeenten tellen op tot ${formatWhole(inhabitantsSum)}, het landelijke inwonertal is ${formatWhole(iN)}; gerekend is met het landelijke inwonertal.`,
    );
  }
  return {
    period,
    referenceDate: period.referenceDate,
    nationalNumber: vg,
    nationalPopulation: iN,
    municipalities: lines,
    total,
    roundingExcess: total - vg,
    inhabitantsSum,
    warnings,
  };
}
