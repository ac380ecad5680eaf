import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { apportion, type ApportionmentMethod, type AreaWeight } from './apportion.ts';
import { Rational } from './rational.ts';

type Divisor = 'dhondt' | 'sainte-lague' | 'huntington-hill';
const DIVISORS: Divisor[] = ['dhondt', 'sainte-lague', 'huntington-hill'];
const ALL: ApportionmentMethod[] = ['round-up', 'largest-remainder', ...DIVISORS];

const asRational = (w: AreaWeight['weight']): Rational => (w instanceof Rational ? w : Rational.of(w));

/**
 * Naive reference, O(n · seats): hand out the seats one by one, each time scanning every area for the highest
 * priority w / g(k), with g(k) = k+1, k+½ or √(k(k+1)) compared exactly via squares; equal priorities go to the
 * larger weight, then the lower code. Floors are handed out first, caps stop an area.
 */
function referenceDivisor(total: number, areas: readonly AreaWeight[], method: Divisor, floors: Record<string, number> = {}, caps: Record<string, number> = {}) {
  const w = areas.map((a) => asRational(a.weight));
  const seats = areas.map((a) => floors[a.id] ?? 0);
  let left = total - seats.reduce((a, b) => a + b, 0);
  // priority² for Huntington–Hill, priority otherwise; null = ∞
  const priority = (i: number): Rational | null => {
    const k = BigInt(seats[i]!);
    if (method === 'dhondt') return w[i]!.div(Rational.of(k + 1n));
    if (method === 'sainte-lague') return w[i]!.div(Rational.of(2n * k + 1n, 2n));
    return k === 0n ? null : w[i]!.mul(w[i]!).div(Rational.of(k * (k + 1n)));
  };
  while (left > 0) {
    let best = -1;
    let bestP: Rational | null = null;
    for (let i = 0; i < areas.length; i++) {
      if (w[i]!.isZero() || seats[i]! >= (caps[areas[i]!.id] ?? Infinity)) continue;
      const p = priority(i);
      if (best < 0) {
        best = i;
        bestP = p;
        continue;
      }
      const cmp = p === null ? (bestP === null ? 0 : 1) : bestP === null ? -1 : p.compare(bestP);
      const better = cmp > 0 || (cmp === 0 && (w[i]!.compare(w[best]!) > 0 || (w[i]!.equals(w[best]!) && areas[i]!.id < areas[best]!.id)));
      if (better) {
        best = i;
        bestP = p;
      }
    }
    if (best < 0) throw new Error('reference: no room');
    seats[best]! += 1;
    left--;
  }
  return Object.fromEntries(areas.map((a, i) => [a.id, seats[i]!]));
}

/** Naive largest remainder: exact quotas, then a full sort of all areas by (remainder, weight, code). */
function referenceHamilton(total: number, areas: readonly AreaWeight[]) {
  const w = areas.map((a) => asRational(a.weight));
  const W = Rational.sum(w);
  const q = w.map((x) => Rational.of(BigInt(total)).mul(x).div(W));
  const seats = q.map((x) => Number(x.floor()));
  const rest = q.map((x) => x.sub(Rational.of(x.floor())));
  const k = total - seats.reduce((a, b) => a + b, 0);
  const order = areas
    .map((_, i) => i)
    .sort((a, b) => rest[b]!.compare(rest[a]!) || w[b]!.compare(w[a]!) || (areas[a]!.id < areas[b]!.id ? -1 : 1));
  for (const i of order.slice(0, k)) seats[i]! += 1;
  return Object.fromEntries(areas.map((a, i) => [a.id, seats[i]!]));
}

const toMap = (r: ReturnType<typeof apportion>) => Object.fromEntries(r.areas.map((a) => [a.id, a.assigned]));

// Short codes from a small alphabet and small weights: plenty of equal weights and equal priorities.
const smallWeight = fc.integer({ min: 0, max: 12 });
const anyWeight = fc.oneof(
  smallWeight,
  fc.integer({ min: 0, max: 1_000_000 }),
  // Near 2^45: the float path of Huntington–Hill must fall back to bigint on near-ties.
  fc.integer({ min: 2 ** 45 - 50, max: 2 ** 45 }),
  fc.bigInt({ min: 0n, max: 10n ** 25n }),
  fc.record({ n: fc.bigInt({ min: 0n, max: 50n }), d: fc.bigInt({ min: 1n, max: 12n }) }).map(({ n, d }) => Rational.of(n, d)),
);
const areasArb = (weight: fc.Arbitrary<AreaWeight['weight']>) =>
  fc
    .uniqueArray(fc.stringMatching(/^[A-E]{1,2}$/), { minLength: 1, maxLength: 10 })
    .chain((ids) => fc.tuple(...ids.map((id) => weight.map((w): AreaWeight => ({ id, weight: w })))));
const positive = (areas: readonly AreaWeight[]) => areas.some((a) => asRational(a.weight).sign() > 0);
const runs = { numRuns: 400 };

describe('every method (property)', () => {
  it.each(ALL)('%s: sums equal the total (round-up: 0 ≤ excess < areas with a fractional quota), weight 0 gets 0', (method) => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 80 }), areasArb(anyWeight), (total, areas) => {
        fc.pre(positive(areas));
        const r = apportion(total, areas, method);
        const sum = r.areas.reduce((s, a) => s + a.assigned, 0);
        expect(r.assignedTotal).toBe(sum);
        if (method === 'round-up') {
          const fractional = r.areas.filter((a) => !a.quota.isInteger()).length;
          expect(sum - total).toBeGreaterThanOrEqual(0);
          expect(sum - total).toBeLessThanOrEqual(Math.max(0, fractional - 1));
          for (const a of r.areas) expect(a.assigned).toBe(Number(a.quota.ceil()));
        } else {
          expect(sum).toBe(total);
        }
        for (const a of r.areas) if (a.weight.isZero()) expect(a.assigned).toBe(0);
      }),
      runs,
    );
  });

  it.each(ALL)('%s: permuting the input changes nothing', (method) => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 60 }),
        areasArb(anyWeight).chain((areas) => fc.tuple(fc.constant(areas), fc.shuffledSubarray(areas, { minLength: areas.length, maxLength: areas.length }))),
        (total, [areas, shuffled]) => {
          fc.pre(positive(areas));
          expect(toMap(apportion(total, shuffled, method))).toEqual(toMap(apportion(total, areas, method)));
        },
      ),
      runs,
    );
  });

  it.each(ALL)('%s: scaling all weights (float path vs bigint path vs fractions) changes nothing', (method) => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 60 }), areasArb(smallWeight), fc.bigInt({ min: 10n ** 16n, max: 10n ** 22n }), (total, areas, factor) => {
        fc.pre(positive(areas));
        const base = toMap(apportion(total, areas, method));
        const big = areas.map((a) => ({ id: a.id, weight: BigInt(a.weight as number) * factor }));
        const frac = areas.map((a) => ({ id: a.id, weight: Rational.of(BigInt(a.weight as number), 7n) }));
        expect(toMap(apportion(total, big, method))).toEqual(base);
        expect(toMap(apportion(total, frac, method))).toEqual(base);
      }),
      runs,
    );
  });
});

describe('largest remainder (property)', () => {
  it('equals the naive reference and stays within quota', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 80 }), areasArb(anyWeight), (total, areas) => {
        fc.pre(positive(areas));
        const r = apportion(total, areas, 'largest-remainder');
        expect(toMap(r)).toEqual(referenceHamilton(total, areas));
        for (const a of r.areas) {
          expect(BigInt(a.assigned)).toBeGreaterThanOrEqual(a.quota.floor());
          expect(BigInt(a.assigned)).toBeLessThanOrEqual(a.quota.ceil());
        }
      }),
      runs,
    );
  });

  it('equals the reference on thousands of areas with many equal remainders (selection, not sort)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 5000 }), fc.array(fc.integer({ min: 0, max: 9 }), { minLength: 500, maxLength: 3000 }), (total, ws) => {
        const areas = ws.map((w, i) => ({ id: `G${(i * 7919) % 10007}`, weight: w }));
        fc.pre(positive(areas));
        expect(toMap(apportion(total, areas, 'largest-remainder'))).toEqual(referenceHamilton(total, areas));
      }),
      { numRuns: 30 },
    );
  });
});

describe('divisor methods (property)', () => {
  it.each(DIVISORS)('%s: identical to the naive seat-by-seat reference, tie-breaks included', (method) => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 60 }), areasArb(anyWeight), (total, areas) => {
        fc.pre(positive(areas));
        expect(toMap(apportion(total, areas, method))).toEqual(referenceDivisor(total, areas, method));
      }),
      { numRuns: 600 },
    );
  });

  it.each(DIVISORS)('%s: the reported divisor reproduces every number (unless a tie decided)', (method) => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 60 }), areasArb(anyWeight), (total, areas) => {
        fc.pre(positive(areas));
        const r = apportion(total, areas, method);
        fc.pre(r.divisor !== null && !r.tie);
        const d = r.divisor!;
        for (const a of r.areas) {
          const q = a.weight.div(d);
          const f = q.floor();
          let rounded: bigint;
          if (method === 'dhondt') rounded = f;
          else if (method === 'sainte-lague') rounded = q.add(Rational.of(1n, 2n)).floor();
          else rounded = q.isZero() ? 0n : q.mul(q).compare(Rational.of(f * (f + 1n))) >= 0 ? f + 1n : f;
          expect(Number(rounded)).toBe(a.assigned);
        }
      }),
      runs,
    );
  });
});

// Hundreds of runs against an exhaustive reference: seconds alone, half a minute on a busy 2-core machine.
describe('floors and caps (property)', { timeout: 120_000 }, () => {
  const bounded = fc.integer({ min: 0, max: 40 }).chain((total) =>
    areasArb(fc.integer({ min: 0, max: 30 })).chain((areas) =>
      fc.tuple(
        fc.constant(total),
        fc.constant(areas),
        fc.tuple(...areas.map(() => fc.option(fc.integer({ min: 0, max: 8 }), { nil: undefined }))),
        fc.tuple(...areas.map(() => fc.option(fc.integer({ min: 0, max: 15 }), { nil: undefined }))),
      ),
    ),
  );
  const feasible = (total: number, areas: readonly AreaWeight[], lo: (number | undefined)[], hi: (number | undefined)[]) => {
    let floors = 0;
    let room = 0;
    for (let i = 0; i < areas.length; i++) {
      const l = lo[i] ?? 0;
      const h = hi[i] ?? Infinity;
      if (l > h) return false;
      floors += l;
      room += (areas[i]!.weight as number) > 0 ? h : l;
    }
    // Zero weights everywhere can only carry a total of 0 (then everyone gets 0).
    return floors <= total && room >= total && (positive(areas) || total === 0);
  };
  const record = (areas: readonly AreaWeight[], v: (number | undefined)[]) =>
    Object.fromEntries(areas.flatMap((a, i) => (v[i] === undefined ? [] : [[a.id, v[i]!]])));

  it.each(ALL)('%s: floors and caps are respected when feasible, and refused when not', (method) => {
    fc.assert(
      fc.property(bounded, ([total, areas, lo, hi]) => {
        const floors = record(areas, lo);
        const caps = record(areas, hi);
        if (!feasible(total, areas, lo, hi)) {
          if (!positive(areas) && total > 0) return;
          expect(() => apportion(total, areas, method, { floors, caps })).toThrow();
          return;
        }
        const r = apportion(total, areas, method, { floors, caps });
        r.areas.forEach((a, i) => {
          expect(a.assigned).toBeGreaterThanOrEqual(lo[i] ?? 0);
          expect(a.assigned).toBeLessThanOrEqual(hi[i] ?? Infinity);
        });
        if (method !== 'round-up') expect(r.assignedTotal).toBe(total);
        else expect(r.assignedTotal).toBeGreaterThanOrEqual(total);
      }),
      { numRuns: 500 },
    );
  });

  it.each(DIVISORS)('%s with floors and caps: identical to the reference', (method) => {
    fc.assert(
      fc.property(bounded, ([total, areas, lo, hi]) => {
        fc.pre(feasible(total, areas, lo, hi));
        const floors = record(areas, lo);
        const caps = record(areas, hi);
        expect(toMap(apportion(total, areas, method, { floors, caps }))).toEqual(referenceDivisor(total, areas, method, floors, caps));
      }),
      { numRuns: 300 },
    );
  });
});
