/**
 * Capacity realised per province against its share of the capacity decision (capaciteitsbesluit): COA fixes the
 * national need (51,000 places in July 2022), the LRT distributes it over the provinces, and places that already
 * exist count against a province's share. Figures are whole places, compared exactly; only the percentage is
 * rounded, for display: realised / share × 100 to one decimal, half away from zero (87,25 → 87,3), the rounding
 * `Rational.decimal` uses everywhere in the app. Pure: no I/O.
 */
import { Rational } from '../distribution/rational.ts';
import { ReceptionError } from './errors.ts';
import { capacityOn, type CapacityEvent } from './locations.ts';

export interface ProvinceShare {
  /** PV20 … PV31. */
  provinceCode: string;
  name?: string;
  /** Places assigned to the province by the published distribution of the capacity decision. */
  share: number;
}

export interface LocationCapacity {
  code: string;
  provinceCode: string;
  capacity: number;
}

export interface CapacityShareFigures {
  realised: number;
  share: number;
  /** realised − share: negative is still to be realised, positive is more than the share. */
  difference: number;
  /** The percentage in tenths, rounded as described above: 873 means 87,3 %. Null when the share is 0. */
  percentageTenths: number | null;
  /** The percentage for people, Dutch notation with one decimal: '87,3'. Null when the share is 0. */
  percentage: string | null;
}

export interface ProvinceCapacityRow extends CapacityShareFigures {
  provinceCode: string;
  name: string | null;
  /** Locations counted (with a capacity above 0). */
  locations: number;
}

export interface CapacityShareResult {
  /** One row per province, in the order of the shares given. */
  provinces: ProvinceCapacityRow[];
  /** The national figures: the sums of the rows. */
  total: CapacityShareFigures;
}

function figures(realised: number, share: number): CapacityShareFigures {
  if (share === 0) return { realised, share, difference: realised, percentageTenths: null, percentage: null };
  const [r, s] = [BigInt(realised), BigInt(share)];
  // Half up on tenths: floor((2·1000·r + s) / (2·s)); r and s are ≥ 0, so half up is half away from zero.
  const tenths = (2000n * r + s) / (2n * s);
  return { realised, share, difference: realised - share, percentageTenths: Number(tenths), percentage: Rational.decimal(100n * r, s, 1) };
}

function wholeAtLeastZero(value: number, code: 'aandeel-ongeldig' | 'plaatsen-ongeldig', message: string, field: string): void {
  if (!Number.isSafeInteger(value) || value < 0) throw new ReceptionError(code, message, { field });
}

/**
 * Realised capacity against the shares. Every location must lie in a province that has a share (a place the
 * decision does not know about would vanish from the national total otherwise).
 * `capacityShare([{ provinceCode: 'PV20', share: 2500 }], [{ code: 'TERAPEL', provinceCode: 'PV20', capacity: 2000 }])`
 * → PV20: realised 2000, share 2500, difference −500, percentage '80,0'
 */
export function capacityShare(shares: readonly ProvinceShare[], capacities: readonly LocationCapacity[]): CapacityShareResult {
  const rows = new Map<string, ProvinceCapacityRow>();
  shares.forEach((s, i) => {
    if (typeof s.provinceCode !== 'string' || !/^PV\d{2}$/.test(s.provinceCode)) {
      throw new ReceptionError('provincie-onbekend', `'${String(s.provinceCode)}' is geen provinciecode (PV gevolgd door twee cijfers).`, { field: `shares[${i}].provinceCode` });
    }
    if (rows.has(s.provinceCode)) throw new ReceptionError('provincie-dubbel', `${s.provinceCode} staat twee keer in de verdeling.`, { field: `shares[${i}].provinceCode` });
    wholeAtLeastZero(s.share, 'aandeel-ongeldig', `Het aandeel van ${s.provinceCode} moet een geheel aantal plaatsen van 0 of meer zijn (niet ${String(s.share)}).`, `shares[${i}].share`);
    rows.set(s.provinceCode, { provinceCode: s.provinceCode, name: s.name ?? null, locations: 0, ...figures(0, s.share) });
  });
  const realised = new Map<string, number>();
  const seen = new Set<string>();
  capacities.forEach((l, i) => {
    if (seen.has(l.code)) throw new ReceptionError('locatie-dubbel', `Locatie ${l.code} staat twee keer in de lijst.`, { field: `locations[${i}].code`, locationCodes: [l.code] });
    seen.add(l.code);
    const row = rows.get(l.provinceCode);
    if (!row) {
      throw new ReceptionError('provincie-onbekend', `Locatie ${l.code} ligt in ${String(l.provinceCode)}, dat geen aandeel in de verdeling heeft.`, {
        field: `locations[${i}].provinceCode`,
        locationCodes: [l.code],
      });
    }
    wholeAtLeastZero(l.capacity, 'plaatsen-ongeldig', `De capaciteit van ${l.code} moet een geheel aantal plaatsen van 0 of meer zijn (niet ${String(l.capacity)}).`, `locations[${i}].capacity`);
    realised.set(l.provinceCode, (realised.get(l.provinceCode) ?? 0) + l.capacity);
    if (l.capacity > 0) row.locations++;
  });
  const provinces = [...rows.values()].map((row) => ({ ...row, ...figures(realised.get(row.provinceCode) ?? 0, row.share) }));
  const total = figures(
    provinces.reduce((a, r) => a + r.realised, 0),
    provinces.reduce((a, r) => a + r.share, 0),
  );
  return { provinces, total };
}

/**
 * `capacityShare` with each location's capacity taken from its capacity events on `date`.
 * `capacityShareOn(shares, [{ code: 'TERAPEL', provinceCode: 'PV20', events }], '2022-07-08')`
 */
export function capacityShareOn(
  shares: readonly ProvinceShare[],
  locations: readonly { code: string; provinceCode: string; events: readonly CapacityEvent[] }[],
  date: string,
): CapacityShareResult {
  return capacityShare(
    shares,
    locations.map((l) => ({ code: l.code, provinceCode: l.provinceCode, capacity: capacityOn(l.events, date) })),
  );
}
