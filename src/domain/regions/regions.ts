/**
 * Municipal boundaries over time. Pure: no I/O. Dates are ISO strings ('YYYY-MM-DD'), which sort as dates.
 */
export type ReorganisationKind = 'samenvoeging' | 'toevoeging' | 'opsplitsing';

export interface MunicipalityPeriod {
  code: string;
  name: string;
  provinceCode: string;
  /** First day of existence; null when it existed before the data begins. */
  validFrom: string | null;
  /** First day it no longer exists (exclusive); null while it exists. */
  validTo: string | null;
}

export interface Reorganisation {
  effectiveDate: string;
  oldCode: string;
  newCode: string;
  kind: ReorganisationKind;
}

/** Whether a municipality exists on a date. `existsOn({validFrom: null, validTo: '2022-03-24'}, '2022-01-01')` → true. */
export function existsOn(m: Pick<MunicipalityPeriod, 'validFrom' | 'validTo'>, date: string): boolean {
  return (m.validFrom === null || m.validFrom <= date) && (m.validTo === null || date < m.validTo);
}

export function municipalitiesOn<M extends MunicipalityPeriod>(all: readonly M[], date: string): M[] {
  return all.filter((m) => existsOn(m, date));
}

/** 1 January of a calendar year: the day a year's municipal classification refers to. */
export function firstOfJanuary(year: number): string {
  return `${String(year).padStart(4, '0')}-01-01`;
}

export interface Trace {
  /** Codes whose figures on the reference date add up to the municipality in its later boundaries. */
  codes: string[];
  /** Municipalities split up in between, part of which went to this one: their share is unknown. */
  splitFrom: { oldCode: string; effectiveDate: string }[];
}

/**
 * Follows reorganisations backwards from a municipality's boundaries on `boundaryDate` to the
 * boundaries on `referenceDate` (figures on a date are in the boundaries valid on that date, so
 * reorganisations effective after the reference date and up to the boundary date count).
 *
 * `traceToReferenceDate('GM1982', '2022-07-01', '2021-01-01', reorgs)` → the five codes that formed Land van Cuijk.
 */
export function traceToReferenceDate(
  code: string,
  boundaryDate: string,
  referenceDate: string,
  reorganisations: readonly Reorganisation[],
): Trace {
  if (referenceDate > boundaryDate) {
    throw new RangeError(`peildatum ${referenceDate} ligt na de indelingsdatum ${boundaryDate}`);
  }
  const relevant = reorganisations
    .filter((r) => r.effectiveDate > referenceDate && r.effectiveDate <= boundaryDate)
    .sort((a, b) => (a.effectiveDate < b.effectiveDate ? 1 : a.effectiveDate > b.effectiveDate ? -1 : 0));
  const codes = new Set([code]);
  const splitFrom: Trace['splitFrom'] = [];
  const dates = [...new Set(relevant.map((r) => r.effectiveDate))];
  for (const date of dates) {
    const onDate = relevant.filter((r) => r.effectiveDate === date);
    for (const current of [...codes]) {
      const incoming = onDate.filter((r) => r.newCode === current);
      if (incoming.length === 0) continue;
      // A merger creates a new municipality; an addition or split enlarges one that already existed.
      if (incoming.some((r) => r.kind === 'samenvoeging')) codes.delete(current);
      for (const r of incoming) {
        if (r.kind === 'opsplitsing') splitFrom.push({ oldCode: r.oldCode, effectiveDate: r.effectiveDate });
        else codes.add(r.oldCode);
      }
    }
  }
  return { codes: [...codes].sort(), splitFrom };
}
