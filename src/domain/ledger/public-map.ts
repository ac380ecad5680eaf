/**
 * The public half-year map: per municipality the share of its corrected taakstelling realised, in classes.
 * At the end of a half-year the pace target is the whole corrected taakstelling (k = 6), so the map's classes
 * are the pace statuses of PACE_THRESHOLDS: one place sets the thresholds for the map, the views and the ladder.
 */
import { Rational } from '../distribution/rational.ts';
import { PACE_THRESHOLDS, type PaceStatus } from './pace.ts';

export type MapClass = 'behaald' | 'bijna' | 'achter' | 'geen taak';

const CLASS_OF_STATUS: Readonly<Record<PaceStatus, MapClass>> = { 'op schema': 'behaald', 'licht achter': 'bijna', achter: 'achter' };

/** `mapClass(75, 100)` → 'bijna'; `mapClass(5, 0)` → 'geen taak' (nothing due) */
export function mapClass(realised: number, corrected: number): MapClass {
  if (corrected <= 0) return 'geen taak';
  const share = Rational.of(BigInt(realised), BigInt(corrected));
  for (const t of PACE_THRESHOLDS) if (share.compare(t.atLeast) >= 0) return CLASS_OF_STATUS[t.status];
  return 'achter';
}

/**
 * Percentage realised with one decimal, rounded half up in whole numbers (no float error on the published
 * figure); null when nothing is due. `percentageRealised(1, 8)` → 12.5; `percentageRealised(2, 3)` → 66.7
 */
export function percentageRealised(realised: number, corrected: number): number | null {
  if (corrected <= 0) return null;
  const tenths = (2n * 1000n * BigInt(realised) + BigInt(corrected)) / (2n * BigInt(corrected));
  return Number(tenths) / 10;
}

/** The legend, with the bounds read from PACE_THRESHOLDS: `mapLegend()[1]` → { class: 'bijna', label: '75 % tot 100 %' } */
export function mapLegend(): { class: MapClass; label: string }[] {
  const pct = (r: Rational) => r.mul(Rational.of(100n)).toDecimalString(1, { trimZeros: true }).replace('.', ',');
  const [full, light] = PACE_THRESHOLDS;
  return [
    { class: 'behaald', label: `${pct(full!.atLeast)} % of meer van de gecorrigeerde taakstelling gerealiseerd` },
    { class: 'bijna', label: `${pct(light!.atLeast)} % tot ${pct(full!.atLeast)} %` },
    { class: 'achter', label: `minder dan ${pct(light!.atLeast)} %` },
    { class: 'geen taak', label: 'geen openstaande taak (gecorrigeerde taakstelling 0 of minder)' },
  ];
}
