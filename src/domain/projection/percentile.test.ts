import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { nearestRank, percentile, percentilesInPlace, selectInPlace } from './percentile.ts';

describe('nearest-rank percentiles', () => {
  it('gives the textbook values on known small samples', () => {
    // The two worked examples of the nearest-rank method (Wikipedia, "Percentile").
    const five = [15, 20, 35, 40, 50];
    expect([5, 30, 40, 50, 100].map((q) => percentile(five, q))).toEqual([15, 20, 20, 35, 50]);
    const ten = [3, 6, 7, 8, 8, 10, 13, 15, 16, 20];
    expect([25, 50, 75, 100].map((q) => percentile(ten, q))).toEqual([7, 8, 15, 20]);
    // P10/P50/P90 of 1 … 10 in any order: ranks 1, 5 and 9 (the lower middle for P50, no interpolation).
    expect(percentilesInPlace(Float64Array.of(7, 2, 9, 4, 1, 10, 3, 8, 6, 5), [10, 50, 90])).toEqual([1, 5, 9]);
  });

  it('computes the rank exactly at multiples of 100', () => {
    expect(nearestRank(10, 10)).toBe(1);
    expect(nearestRank(10, 11)).toBe(2);
    expect(nearestRank(90, 10)).toBe(9);
    expect(nearestRank(90, 7)).toBe(7);
    expect(nearestRank(50, 10_000)).toBe(5000);
    expect(nearestRank(10, 1)).toBe(1);
    expect(nearestRank(0, 5)).toBe(1);
  });

  it('handles many equal values and a single value', () => {
    const zeros = new Float64Array(1000);
    zeros[999] = 5;
    expect(percentilesInPlace(zeros, [10, 50, 90])).toEqual([0, 0, 0]);
    expect(percentilesInPlace(Float64Array.of(4), [10, 50, 90])).toEqual([4, 4, 4]);
    expect(percentilesInPlace(Float64Array.of(1, Infinity, Infinity), [10, 50, 90])).toEqual([1, Infinity, Infinity]);
  });

  it('refuses percentiles out of order and an empty sample', () => {
    expect(() => percentilesInPlace(Float64Array.of(1, 2, 3), [90, 10])).toThrow(RangeError);
    expect(() => percentilesInPlace(new Float64Array(0), [50])).toThrow(RangeError);
  });

  it('agrees with sorting, for any sample and any percentiles', () => {
    fc.assert(
      fc.property(
        fc.array(fc.oneof(fc.integer({ min: -5, max: 5 }), // + 0 turns −0 into 0: the two compare equal, so sorting and selecting may pick either.
          fc.double({ min: -1e6, max: 1e6, noNaN: true }).map((x) => x + 0)), { minLength: 1, maxLength: 300 }),
        fc.uniqueArray(fc.integer({ min: 0, max: 100 }), { minLength: 1, maxLength: 5 }),
        (values, qsRaw) => {
          const qs = [...qsRaw].sort((a, b) => a - b);
          const sorted = [...values].sort((a, b) => a - b);
          const expected = qs.map((q) => sorted[nearestRank(q, values.length) - 1]);
          expect(percentilesInPlace(Float64Array.from(values), qs)).toEqual(expected);
        },
      ),
    );
  });

  it('agrees with sorting on samples large enough for the sampling step (over 600 values), ties included', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 601, max: 5000 }),
        fc.integer({ min: 1, max: 1_000_000 }),
        fc.nat(),
        fc.uniqueArray(fc.integer({ min: 0, max: 100 }), { minLength: 1, maxLength: 5 }),
        (n, distinct, seed, qsRaw) => {
          // Few distinct values (many ties, like weeks without a shortage) up to all distinct.
          let x = seed >>> 0;
          const values = Array.from({ length: n }, () => {
            x = (Math.imul(x, 1664525) + 1013904223) >>> 0;
            return x % distinct;
          });
          const qs = [...qsRaw].sort((a, b) => a - b);
          const sorted = [...values].sort((a, b) => a - b);
          expect(percentilesInPlace(Float64Array.from(values), qs)).toEqual(qs.map((q) => sorted[nearestRank(q, n) - 1]));
        },
      ),
      { numRuns: 60 },
    );
    // Already sorted and reversed input, the classic bad cases for a naive pivot.
    const up = Float64Array.from({ length: 10_000 }, (_, i) => i);
    expect(percentilesInPlace(up.slice(), [10, 50, 90])).toEqual([999, 4999, 8999]);
    expect(percentilesInPlace(up.slice().reverse(), [10, 50, 90])).toEqual([999, 4999, 8999]);
  });

  it('partitions around the selected value', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 20 }), { minLength: 1, maxLength: 2000 }), fc.nat(), (values, kRaw) => {
        const a = Float64Array.from(values);
        const k = kRaw % a.length;
        const v = selectInPlace(a, k);
        expect(v).toBe([...values].sort((x, y) => x - y)[k]);
        for (let i = 0; i < k; i++) expect(a[i]!).toBeLessThanOrEqual(v);
        for (let i = k; i < a.length; i++) expect(a[i]!).toBeGreaterThanOrEqual(v);
        expect([...a].sort((x, y) => x - y)).toEqual([...values].sort((x, y) => x - y));
      }),
    );
  });
});
