/**
 * Property tests over random scenarios: no person appears or disappears (every week, every run), stocks and flows
 * stay non-negative, reception is never filled past its capacity by transfers, and parsing is idempotent.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { modelParameters, runModel } from './model.ts';
import { drawRun, projectScenario } from './montecarlo.ts';
import { parseScenario } from './scenario.ts';

const amount = (max: number) => fc.double({ min: 0, max, noNaN: true, noDefaultInfinity: true });
const uncertainArb = (min: number, max: number, maxSd: number) =>
  fc.oneof(fc.double({ min, max, noNaN: true }), fc.record({ mean: fc.double({ min, max, noNaN: true }), sd: amount(maxSd) }));

const scenarioArb = fc.integer({ min: 1, max: 80 }).chain((weeks) =>
  fc
    .record({
      base: amount(80_000),
      // Closings of at most a quarter of the base each, at most three of them: capacity stays ≥ 0.
      changes: fc.array(fc.record({ week: fc.integer({ min: 0, max: weeks - 1 }), change: fc.double({ min: -0.25, max: 1, noNaN: true }) }), { maxLength: 3 }),
      initial: fc.record({ registrationCentre: amount(20_000), awaitingDecision: amount(60_000), permitHoldersWaiting: amount(20_000), rejectedWaiting: amount(10_000) }),
      inflow: fc.oneof(
        fc.record({ mean: amount(3000), sd: amount(1000), weeklySd: amount(500) }),
        fc.record({ perWeek: fc.array(amount(3000), { minLength: 1, maxLength: weeks }), sd: amount(500) }),
      ),
      permitShare: uncertainArb(0, 1, 0.6),
      registrationWeeks: fc.double({ min: 1, max: 12, noNaN: true }),
      processingWeeks: uncertainArb(1, 80, 30),
      rejectedLeaveWeeks: fc.double({ min: 1, max: 52, noNaN: true }),
      perHalfYear: fc.array(amount(40_000), { minLength: 1, maxLength: Math.ceil(weeks / 26) }),
      paceFactor: uncertainArb(0, 2, 0.5),
      // Now and then the housing comes from the pipeline as persons per week (the pace factor is then neutral).
      homesPerWeek: fc.option(fc.array(amount(3000), { minLength: 1, maxLength: weeks }), { freq: 3 }),
      norm: amount(5000),
    })
    .map((v) => ({
      name: 'willekeurig',
      startWeek: '2022-07-04',
      weeks,
      initial: v.initial,
      inflowPerWeek: v.inflow,
      permitShare: v.permitShare,
      registrationWeeks: v.registrationWeeks,
      processingWeeks: v.processingWeeks,
      rejectedLeaveWeeks: v.rejectedLeaveWeeks,
      housing: v.homesPerWeek === null ? { perHalfYear: v.perHalfYear, paceFactor: v.paceFactor } : { perHalfYear: v.perHalfYear, homesPerWeek: v.homesPerWeek },
      capacity: { base: v.base, changes: v.changes.map((c) => ({ week: c.week, change: c.change * v.base })) },
      registrationCentreNorm: v.norm,
    })),
);

describe('conservation: no person appears or disappears', () => {
  it('holds every week of every run: stocks + housed + departed = initial + inflow so far', () => {
    fc.assert(
      fc.property(scenarioArb, fc.integer({ min: 0, max: 0xffffffff }), (json, seed) => {
        const s = parseScenario(json);
        const params = modelParameters(s);
        const initial = s.initial.registrationCentre + s.initial.awaitingDecision + s.initial.permitHoldersWaiting + s.initial.rejectedWaiting;
        for (let r = 0; r < 4; r++) {
          const m = runModel(params, drawRun(s, seed, r));
          let arrived = 0;
          let left = 0;
          for (let t = 0; t < s.weeks; t++) {
            arrived += m.inflow[t]!;
            left += m.housed[t]! + m.departed[t]!;
            const stocks = m.registrationCentre[t]! + m.awaitingDecision[t]! + m.permitHoldersWaiting[t]! + m.rejectedWaiting[t]!;
            // Floats: the rounding of one week's sums, accumulated; relative to the people involved.
            expect(Math.abs(stocks + left - (initial + arrived))).toBeLessThanOrEqual(1e-9 * Math.max(1, initial + arrived));
            expect(m.receptionOccupancy[t]).toBe(m.awaitingDecision[t]! + m.permitHoldersWaiting[t]! + m.rejectedWaiting[t]!);
          }
        }
      }),
      { numRuns: 150 },
    );
  });

  it('keeps stocks and flows non-negative, transfers within the free places, and the flags consistent', () => {
    fc.assert(
      fc.property(scenarioArb, fc.integer({ min: 0, max: 0xffffffff }), (json, seed) => {
        const s = parseScenario(json);
        const m = runModel(modelParameters(s), drawRun(s, seed, 0));
        for (let t = 0; t < s.weeks; t++) {
          for (const k of ['registrationCentre', 'registrationReady', 'awaitingDecision', 'permitHoldersWaiting', 'rejectedWaiting', 'placesShort', 'inflow', 'toReception', 'decisions', 'permitsGranted', 'housed', 'departed'] as const) {
            expect(m[k][t]!).toBeGreaterThanOrEqual(0);
          }
          expect(m.registrationReady[t]!).toBeLessThanOrEqual(m.registrationCentre[t]!);
          // Whoever was admitted this week found a place: occupancy is within capacity after admitting anyone.
          if (m.toReception[t]! > 0) expect(m.receptionOccupancy[t]!).toBeLessThanOrEqual(m.capacity[t]! * (1 + 1e-12) + 1e-9);
          // Nobody ready is held back while there is room.
          if (m.registrationReady[t]! > 1e-9) expect(m.receptionOccupancy[t]!).toBeGreaterThanOrEqual(m.capacity[t]! * (1 - 1e-12) - 1e-9);
          expect(m.overNorm[t]).toBe(m.registrationCentre[t]! > s.registrationCentreNorm);
          expect(m.placesShort[t]!).toBeCloseTo(Math.max(0, m.receptionOccupancy[t]! + m.registrationReady[t]! - m.capacity[t]!), 6);
        }
      }),
      { numRuns: 150 },
    );
  });
});

describe('Monte Carlo over random scenarios', () => {
  it('with one run gives bands equal to that run, so the checks above cover the projection', () => {
    fc.assert(
      fc.property(scenarioArb, fc.integer({ min: 0, max: 0xffffffff }), (json, seed) => {
        const s = parseScenario(json);
        const p = projectScenario(s, { runs: 1, seed });
        const m = runModel(modelParameters(s), drawRun(s, seed, 0));
        expect(p.bands.receptionOccupancy.p50).toEqual(m.receptionOccupancy);
        expect(p.bands.registrationCentre.p90).toEqual(m.registrationCentre);
        expect(p.summary.weeksOverNorm.p10).toBe(m.overNorm.filter(Boolean).length);
      }),
      { numRuns: 50 },
    );
  });
});

describe('parseScenario', () => {
  it('is idempotent: the normal form parses to itself', () => {
    fc.assert(
      fc.property(scenarioArb, (json) => {
        const once = parseScenario(json);
        expect(parseScenario(JSON.parse(JSON.stringify(once)))).toEqual(once);
      }),
    );
  });
});
