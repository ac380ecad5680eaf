/**
 * Property tests over random projects and windows: the weekly series preserves the total exactly (reserved homes in the
 * window × persons per home), is never negative, puts nothing in a week whose month has no homes, and the float
 * version the projection takes agrees with the exact one.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Rational } from '../distribution/rational.ts';
import { addDays } from '../reception/dates.ts';
import { PROJECT_STATUSES } from './statuses.ts';
import { project } from './test-helpers.ts';
import { reservedHomesInWindow, weeklyHomesForProjection, weeklyPersonsExact } from './weekly.ts';

const FIRST_MONDAY = '2022-01-03';

type Case = { startWeek: number; weeks: number; personsPerHome: string | number; projects: { day: { fromEnd: boolean; d: number }; reserved: number; status: (typeof PROJECT_STATUSES)[number] }[] };

function build(c: Case) {
  const start = addDays(FIRST_MONDAY, 7 * c.startWeek);
  const end = addDays(start, 7 * c.weeks);
  const projects = c.projects.map((p) =>
    project({ units: Math.max(1, p.reserved), reservedUnits: p.reserved, expectedDelivery: addDays(p.day.fromEnd ? end : start, p.day.d), status: p.status }),
  );
  return { start, end, projects };
}

const caseArb = fc.record({
  startWeek: fc.integer({ min: 0, max: 150 }),
  weeks: fc.integer({ min: 1, max: 120 }),
  personsPerHome: fc.constantFrom<string | number>('2,2', 1, 2, '3/2', '2,75', 4),
  projects: fc.array(
    fc.record({
      // Days from the window's start, or (often enough to matter) from its end, where a month may have no Monday left.
      day: fc.oneof(fc.integer({ min: -60, max: 900 }).map((d) => ({ fromEnd: false, d })), fc.integer({ min: -10, max: 2 }).map((d) => ({ fromEnd: true, d }))),
      reserved: fc.integer({ min: 0, max: 300 }),
      status: fc.constantFrom(...PROJECT_STATUSES),
    }),
    { maxLength: 25 },
  ),
});

describe('weekly homes for the projection (properties)', () => {
  it('preserves the total exactly: the sum over the weeks is the reserved homes in the window × persons per home', () => {
    fc.assert(
      fc.property(caseArb, (c) => {
        const { start, projects } = build(c);
        const exact = weeklyPersonsExact(projects, start, c.weeks, c.personsPerHome);
        expect(exact).toHaveLength(c.weeks);
        const homes = reservedHomesInWindow(projects, start, c.weeks);
        expect(Rational.sum(exact).equals(Rational.of(BigInt(homes)).mul(Rational.from(c.personsPerHome)))).toBe(true);
        for (const w of exact) expect(w.sign()).toBeGreaterThanOrEqual(0);

        const floats = weeklyHomesForProjection(projects, start, c.weeks, c.personsPerHome);
        const total = floats.reduce((a, b) => a + b, 0);
        expect(Math.abs(total - Rational.sum(exact).toNumber())).toBeLessThanOrEqual(1e-9 * Math.max(1, total));
      }),
    );
  });

  it('gives a week homes only when its month (or, in the last week, its own days) has reserved homes', () => {
    fc.assert(
      fc.property(caseArb, (c) => {
        const { start, end, projects } = build(c);
        const counting = projects.filter((p) => p.status !== 'vervallen' && p.reservedUnits > 0 && p.expectedDelivery >= start && p.expectedDelivery < end);
        const months = new Set(counting.map((p) => p.expectedDelivery.slice(0, 7)));
        weeklyPersonsExact(projects, start, c.weeks, c.personsPerHome).forEach((w, i) => {
          const monday = addDays(start, 7 * i);
          const ownDays = counting.some((p) => p.expectedDelivery >= monday && p.expectedDelivery < addDays(monday, 7));
          if (!months.has(monday.slice(0, 7)) && !(i === c.weeks - 1 && ownDays)) expect(w.isZero()).toBe(true);
        });
      }),
    );
  });
});
