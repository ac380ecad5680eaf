/**
 * The pace rule (Opnieuw Thuis): after k months of a half-year a municipality should have housed at least k/6 of its
 * corrected taakstelling. Compared exactly: 6 · realised against k · corrected, never with floats.
 */
import { Rational } from '../distribution/rational.ts';
import { LedgerError } from './errors.ts';

export type PaceStatus = 'op schema' | 'licht achter' | 'achter';

/**
 * The one place the status thresholds are set, as a fraction of the pace k/6 × corrected taakstelling.
 * A month gets the first status (in this order) whose fraction the cumulative realisation reaches; below the
 * last one it is `achter`. So: `op schema` at 100 % of the pace or more, `licht achter` from 75 % up to 100 %,
 * `achter` under 75 %. Changing a number here changes every view, the map classes and the ladder alike.
 */
export const PACE_THRESHOLDS: readonly { readonly status: Exclude<PaceStatus, 'achter'>; readonly atLeast: Rational }[] = Object.freeze([
  Object.freeze({ status: 'op schema' as const, atLeast: Rational.ONE }),
  Object.freeze({ status: 'licht achter' as const, atLeast: Rational.of(3n, 4n) }),
]);

/** Rank for sorting and comparisons: higher is worse. `PACE_RANK['achter']` → 2 */
export const PACE_RANK: Readonly<Record<PaceStatus, number>> = Object.freeze({ 'op schema': 0, 'licht achter': 1, achter: 2 });

function checkIndex(k: number): void {
  if (!Number.isInteger(k) || k < 1 || k > 6) {
    throw new LedgerError('maandindex-ongeldig', `De maand binnen het halfjaar moet 1 tot en met 6 zijn (niet ${String(k)}).`, { field: 'month' });
  }
}

/** What is due after k months: k/6 × corrected, exact. `paceTarget(100, 3)` → 50; `paceTarget(10, 1)` → 5/3 */
export function paceTarget(corrected: number, k: number): Rational {
  checkIndex(k);
  return Rational.of(BigInt(k) * BigInt(corrected), 6n);
}

/**
 * Status after k months with `realised` persons housed (cumulative) against a corrected taakstelling. Nothing due
 * (corrected ≤ 0, an advance as large as the task) is always on schedule.
 * `paceStatus(40, 100, 3)` → 'licht achter' (pace 50, 75 % of it is 37,5); `paceStatus(30, 100, 3)` → 'achter'
 */
export function paceStatus(realised: number, corrected: number, k: number): PaceStatus {
  const target = paceTarget(corrected, k);
  if (target.sign() <= 0) return 'op schema';
  const done = Rational.of(BigInt(realised));
  for (const t of PACE_THRESHOLDS) {
    if (done.compare(target.mul(t.atLeast)) >= 0) return t.status;
  }
  return 'achter';
}

/** Share of the corrected taakstelling realised, for the map; null when nothing is due. `realisedShare(30, 40)` → 3/4 */
export function realisedShare(realised: number, corrected: number): Rational | null {
  return corrected > 0 ? Rational.of(BigInt(realised), BigInt(corrected)) : null;
}
