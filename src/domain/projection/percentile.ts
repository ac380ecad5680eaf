/**
 * Percentiles over Monte Carlo runs, by the nearest-rank definition: of n values sorted ascending, the q-th
 * percentile is the value at rank ⌈q·n/100⌉ (1-based). It is always one of the values (no interpolation), so a
 * band never shows a number no run produced, and P50 of an even count is the lower middle value.
 */

/** Rank (1-based) of the q-th percentile (q whole, 0 … 100) among n values. `nearestRank(10, 10)` → 1; `nearestRank(90, 7)` → 7 */
export function nearestRank(q: number, n: number): number {
  // q·n is a whole number for whole q, so the ceiling is exact (no 0.1-style float error at multiples of 100).
  return Math.max(1, Math.ceil((q * n) / 100));
}

/**
 * Puts the k-th smallest (0-based) value of a[lo..hi] at index k, smaller-or-equal ones before it and
 * greater-or-equal ones after it, and returns it. Floyd–Rivest selection (1975): on a large range it first selects
 * within a small sample around where k should fall, so the pivot lands close to k and one pass over the range
 * nearly finishes the job (about n + min(k, n − k) comparisons instead of quickselect's 2n–3.4n).
 */
export function selectInPlace(a: Float64Array, k: number, lo = 0, hi = a.length - 1): number {
  while (hi > lo) {
    if (hi - lo > 600) {
      const n = hi - lo + 1;
      const m = k - lo + 1;
      const z = Math.log(n);
      const s = 0.5 * Math.exp((2 * z) / 3);
      const sd = 0.5 * Math.sqrt((z * s * (n - s)) / n) * (m - n / 2 < 0 ? -1 : 1);
      selectInPlace(a, k, Math.max(lo, Math.floor(k - (m * s) / n + sd)), Math.min(hi, Math.floor(k + ((n - m) * s) / n + sd)));
    }
    const t = a[k]!;
    let i = lo;
    let j = hi;
    swap(a, lo, k);
    if (a[hi]! > t) swap(a, lo, hi);
    while (i < j) {
      swap(a, i, j);
      i++;
      j--;
      while (a[i]! < t) i++;
      while (a[j]! > t) j--;
    }
    // The pivot t sits at lo or hi; put it at j, its final place.
    if (a[lo] === t) swap(a, lo, j);
    else {
      j++;
      swap(a, j, hi);
    }
    if (j <= k) lo = j + 1;
    if (k <= j) hi = j - 1;
  }
  return a[k]!;
}

function swap(a: Float64Array, i: number, j: number): void {
  const t = a[i]!;
  a[i] = a[j]!;
  a[j] = t;
}

/**
 * Nearest-rank percentiles of `values` for `qs` in ascending order, reordering `values` (pass a copy to keep the order).
 * Each selection works only in the part the previous one left above it.
 * `percentilesInPlace(Float64Array.of(5, 1, 4, 2, 3), [10, 50, 90])` → [1, 3, 5]
 */
export function percentilesInPlace(values: Float64Array, qs: readonly number[]): number[] {
  const n = values.length;
  if (n === 0) throw new RangeError('percentiles of no values');
  const out: number[] = [];
  let lo = 0;
  for (const q of qs) {
    const k = nearestRank(q, n) - 1;
    if (k < lo) throw new RangeError('percentiles must be asked in ascending order');
    out.push(selectInPlace(values, k, lo, n - 1));
    // Values before k are ≤ a[k], so the next (higher) percentile lies at k or after.
    lo = k;
  }
  return out;
}

/** Nearest-rank percentile of a plain list, not modifying it. `percentile([3, 1, 2], 50)` → 2 */
export function percentile(values: readonly number[], q: number): number {
  return percentilesInPlace(Float64Array.from(values), [q])[0]!;
}
