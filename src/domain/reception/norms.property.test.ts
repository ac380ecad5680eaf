/**
 * Property tests over random series with gaps and random norms: breach days are exactly the known days over the norm,
 * runs partition them, a run is never longer than the breach days, alerts are the runs' first days, and the penalty
 * counter is days × amount.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays } from './dates.ts';
import { capacityOn, capacitySeries, checkCapacityEvents, type CapacityEvent } from './locations.ts';
import { breachCountsPerPeriod, breachDays, breachStreaks, currentStreak, longestStreak, newBreachAlerts, penaltyCounter, type NormPeriod } from './norms.ts';

const START = '2022-01-01';

/** A series over up to 120 days: each day missing (null) or an occupancy around the norm. */
const seriesArb = fc.array(fc.option(fc.integer({ min: 1900, max: 2100 }), { nil: null, freq: 4 }), { maxLength: 120 }).map((values) => {
  const m = new Map<string, number>();
  values.forEach((v, i) => {
    if (v !== null) m.set(addDays(START, i), v);
  });
  return m;
});

/** Up to three consecutive norm periods with gaps between them. */
const normsArb = fc.array(fc.record({ gap: fc.nat(20), length: fc.integer({ min: 1, max: 60 }), max: fc.integer({ min: 1950, max: 2050 }) }), { maxLength: 3 }).map((parts) => {
  const out: NormPeriod[] = [];
  let day = 0;
  for (const p of parts) {
    const from = addDays(START, day + p.gap);
    day += p.gap + p.length;
    out.push({ from, to: addDays(START, day - 1), max: p.max });
  }
  return out;
});

const normAt = (norms: readonly NormPeriod[], date: string) => norms.find((n) => n.from <= date && (n.to === null || date <= n.to))?.max ?? null;

describe('norm breaches (properties)', () => {
  it('counts exactly the known days over the norm in force', () => {
    fc.assert(
      fc.property(seriesArb, normsArb, (series, norms) => {
        const expected = [...series.entries()].filter(([d, v]) => {
          const n = normAt(norms, d);
          return n !== null && v > n;
        });
        expect(breachDays(series, norms).map((b) => b.date)).toEqual(expected.map(([d]) => d).sort());
        expect(breachCountsPerPeriod(series, norms).reduce((a, p) => a + p.breachDays, 0)).toBe(expected.length);
      }),
    );
  });

  it('splits the breach days into runs none longer than all breach days, with one alert per run', () => {
    fc.assert(
      fc.property(seriesArb, normsArb, (series, norms) => {
        const days = breachDays(series, norms);
        const runs = breachStreaks(series, norms);
        expect(runs.reduce((a, r) => a + r.breachDays, 0)).toBe(days.length);
        for (const r of runs) {
          expect(r.breachDays).toBeLessThanOrEqual(days.length);
          expect(r.breachDays).toBeLessThanOrEqual(r.calendarDays);
          // Inside a run every known day is a breach day.
          for (const [d, v] of series) if (d >= r.from && d <= r.to) expect(v).toBeGreaterThan(normAt(norms, d)!);
        }
        const current = currentStreak(series, norms);
        expect(current?.breachDays ?? 0).toBeLessThanOrEqual(longestStreak(series, norms)?.breachDays ?? 0);
        const lastDay = [...series.keys()].sort().pop();
        expect(current !== null).toBe(lastDay !== undefined && days.some((b) => b.date === lastDay));
        expect(newBreachAlerts('X', series, norms).map((a) => a.date)).toEqual(runs.map((r) => r.from));
      }),
    );
  });

  it('charges exactly days × amount from the start date', () => {
    fc.assert(
      fc.property(seriesArb, normsArb, fc.nat(120), fc.nat(1_000_000), (series, norms, offset, amountCents) => {
        const from = addDays(START, offset);
        const p = penaltyCounter(series, norms, { amountCents, from });
        expect(p.days).toBe(breachDays(series, norms).filter((b) => b.date >= from).length);
        expect(p.totalCents).toBe(p.days * amountCents);
      }),
    );
  });
});

describe('capacity (properties)', () => {
  const eventsArb = fc
    .array(fc.record({ gap: fc.integer({ min: 1, max: 30 }), kind: fc.constantFrom<CapacityEvent['kind']>('opening', 'uitbreiding', 'inkrimping', 'sluiting'), places: fc.integer({ min: 1, max: 500 }) }), {
      maxLength: 12,
    })
    .map((steps) => {
      // Build only valid sequences: the rules decide which kind is possible next.
      const out: CapacityEvent[] = [];
      const after: number[] = [];
      let open = false;
      let capacity = 0;
      let day = 0;
      for (const s of steps) {
        day += s.gap;
        const date = addDays(START, day);
        if (!open) {
          out.push({ date, kind: 'opening', places: s.places });
          [open, capacity] = [true, s.places];
        } else if (s.kind === 'sluiting' || s.kind === 'opening') {
          out.push({ date, kind: 'sluiting', places: capacity });
          [open, capacity] = [false, 0];
        } else if (s.kind === 'inkrimping') {
          const places = Math.min(s.places, capacity);
          if (places === 0) continue;
          out.push({ date, kind: 'inkrimping', places });
          capacity -= places;
        } else {
          out.push({ date, kind: 'uitbreiding', places: s.places });
          capacity += s.places;
        }
        after[out.length - 1] = capacity;
      }
      return { events: out, after };
    });

  it('never goes negative after valid events, is 0 exactly while closed, and follows every event', () => {
    fc.assert(
      fc.property(eventsArb, ({ events, after }) => {
        expect(checkCapacityEvents(events)).toHaveLength(events.length);
        const series = capacitySeries(events, START, addDays(START, 400));
        const byDate = new Map(series.map((d) => [d.date, d]));
        for (const d of series) {
          expect(d.capacity).toBeGreaterThanOrEqual(0);
          if (!d.open) expect(d.capacity).toBe(0);
        }
        events.forEach((e, i) => {
          expect(byDate.get(e.date)?.capacity).toBe(after[i]);
          expect(capacityOn(events, e.date)).toBe(after[i]);
        });
      }),
    );
  });
});
