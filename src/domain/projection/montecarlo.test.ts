import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ProjectionError } from './errors.ts';
import { modelParameters, runModel } from './model.ts';
import { BAND_SERIES, drawRun, projectScenario, projectWithRuns, projectionSteps } from './montecarlo.ts';
import { nearestRank } from './percentile.ts';
import { type Scenario, parseScenario } from './scenario.ts';

const demo = (file: string): Scenario => parseScenario(JSON.parse(readFileSync(new URL(`../../../data/scenarios/${file}`, import.meta.url), 'utf8')));

/** A short uncertain scenario: every uncertain input has an sd, and there is week-to-week noise. */
const uncertain = (over: Record<string, unknown> = {}): Scenario =>
  parseScenario({
    name: 'onzeker',
    startWeek: '2022-07-04',
    weeks: 30,
    initial: { registrationCentre: 2193, awaitingDecision: 20_000, permitHoldersWaiting: 7500, rejectedWaiting: 2000 },
    inflowPerWeek: { mean: 900, sd: 150, weeklySd: 100 },
    permitShare: { mean: 0.7, sd: 0.05 },
    registrationWeeks: 1.5,
    processingWeeks: { mean: 25, sd: 4 },
    rejectedLeaveWeeks: 12,
    housing: { perHalfYear: 13_500, paceFactor: { mean: 0.9, sd: 0.1 } },
    capacity: { base: 31_000, changes: [{ week: 10, change: 2000 }] },
    ...over,
  });

describe('projectScenario: reproducibility', () => {
  it('gives the identical result for the same seed and a different one for another seed', () => {
    const s = uncertain();
    const a = projectScenario(s, { runs: 500, seed: 42 });
    const b = projectScenario(s, { runs: 500, seed: 42 });
    expect(b).toEqual(a);
    const c = projectScenario(s, { runs: 500, seed: 43 });
    expect(c.bands.registrationCentre.p50).not.toEqual(a.bands.registrationCentre.p50);
    expect(c.summary.housedTotal.mean).not.toBe(a.summary.housedTotal.mean);
  });

  it('draws run r the same however many runs there are', () => {
    const s = uncertain();
    const few = projectWithRuns(s, { runs: 20, seed: 7 }).perRun;
    const many = projectWithRuns(s, { runs: 300, seed: 7 }).perRun;
    expect(Array.from(many.housedTotal.subarray(0, 20))).toEqual(Array.from(few.housedTotal));
    expect(Array.from(many.peakRegistrationCentre.subarray(0, 20))).toEqual(Array.from(few.peakRegistrationCentre));
  });

  it('is plain JSON (no typed arrays, no Infinity or NaN)', () => {
    const r = projectScenario(uncertain(), { runs: 50, seed: 1 });
    expect(JSON.parse(JSON.stringify(r))).toEqual(r);
  });
});

describe('projectScenario: bands are nearest-rank percentiles of the model runs', () => {
  it('matches percentiles taken by sorting the runs that drawRun and runModel give, week by week', () => {
    const s = uncertain();
    const runs = 37;
    const seed = 2022;
    const result = projectScenario(s, { runs, seed });
    const params = modelParameters(s);
    const models = Array.from({ length: runs }, (_, r) => runModel(params, drawRun(s, seed, r)));
    for (const k of BAND_SERIES) {
      for (let t = 0; t < s.weeks; t++) {
        const sorted = models.map((m) => m[k][t]!).sort((x, y) => x - y);
        // Ranks 4, 19 and 34 of 37.
        expect([result.bands[k].p10[t], result.bands[k].p50[t], result.bands[k].p90[t]]).toEqual([10, 50, 90].map((q) => sorted[nearestRank(q, runs) - 1]));
      }
    }
    const weeksOver = models.map((m) => m.overNorm.filter(Boolean).length).sort((x, y) => x - y);
    expect(result.summary.weeksOverNorm.p50).toBe(weeksOver[18]);
    const overShare = Array.from({ length: s.weeks }, (_, t) => models.filter((m) => m.overNorm[t]).length / runs);
    expect(result.overNormShare).toEqual(overShare);
    const housed = models.map((m) => m.housed.reduce((a, b) => a + b, 0));
    expect(result.summary.housedTotal.p90).toBe([...housed].sort((x, y) => x - y)[33]);
  });

  it('with no uncertainty has P10 = P50 = P90 = the one deterministic run', () => {
    const s = uncertain({ inflowPerWeek: 900, permitShare: 0.7, processingWeeks: 25, housing: { perHalfYear: 13_500 } });
    const r = projectScenario(s, { runs: 5, seed: 3 });
    const m = runModel(modelParameters(s), { inflow: new Array<number>(s.weeks).fill(900), permitShare: 0.7, processingWeeks: 25, paceFactor: 1 });
    for (const k of BAND_SERIES) {
      expect(r.bands[k].p10).toEqual(m[k]);
      expect(r.bands[k].p50).toEqual(m[k]);
      expect(r.bands[k].p90).toEqual(m[k]);
    }
    expect(r.summary.peakPlacesShort.p10).toBe(r.summary.peakPlacesShort.p90);
  });

  it('keeps P10 ≤ P50 ≤ P90 in every week', () => {
    const r = projectScenario(uncertain(), { runs: 200, seed: 9 });
    for (const k of BAND_SERIES) {
      r.bands[k].p50.forEach((p50, t) => {
        expect(r.bands[k].p10[t]!).toBeLessThanOrEqual(p50);
        expect(p50).toBeLessThanOrEqual(r.bands[k].p90[t]!);
      });
    }
  });
});

describe('sampling', () => {
  it('draws the inflow level with the given mean and sd, and keeps draws within their ranges', () => {
    const s = uncertain({ inflowPerWeek: { mean: 900, sd: 150 }, permitShare: { mean: 0.9, sd: 0.5 }, processingWeeks: { mean: 2, sd: 5 } });
    const n = 4000;
    const levels: number[] = [];
    let sharesAtOne = 0;
    for (let r = 0; r < n; r++) {
      const d = drawRun(s, 11, r);
      // Without weekly noise every week of a run has the same level.
      expect(new Set(d.inflow).size).toBe(1);
      levels.push(d.inflow[0]!);
      expect(d.permitShare).toBeGreaterThanOrEqual(0);
      expect(d.permitShare).toBeLessThanOrEqual(1);
      if (d.permitShare === 1) sharesAtOne++;
      expect(d.processingWeeks).toBeGreaterThanOrEqual(1);
    }
    const mean = levels.reduce((a, b) => a + b, 0) / n;
    const sd = Math.sqrt(levels.reduce((a, b) => a + (b - mean) ** 2, 0) / (n - 1));
    // Standard error of the mean 150/√4000 ≈ 2.4; of the sd about 1.7.
    expect(Math.abs(mean - 900)).toBeLessThan(10);
    expect(Math.abs(sd - 150)).toBeLessThan(8);
    // P(0.9 + 0.5·z > 1) = P(z > 0.2) ≈ 42 %: those are clamped to exactly 1.
    expect(sharesAtOne / n).toBeGreaterThan(0.38);
    expect(sharesAtOne / n).toBeLessThan(0.46);
  });

  it('never draws a negative inflow, whatever the noise', () => {
    const s = uncertain({ inflowPerWeek: { perWeek: [50, 100], sd: 200, weeklySd: 300 } });
    for (let r = 0; r < 200; r++) expect(drawRun(s, 5, r).inflow.every((x) => x >= 0)).toBe(true);
  });
});

describe('summaries', () => {
  // Reception exactly full and nobody leaving it: the registration centre gains 500 a week (see model.test.ts).
  const full = (weeks: number, capacity: number): Scenario =>
    parseScenario({
      name: 'vol',
      startWeek: '2022-07-04',
      weeks,
      initial: { registrationCentre: 0, awaitingDecision: 10_000, permitHoldersWaiting: 0 },
      inflowPerWeek: 500,
      permitShare: 1,
      registrationWeeks: 1,
      processingWeeks: 10,
      rejectedLeaveWeeks: 4,
      housing: { perHalfYear: 0 },
      capacity: { base: capacity },
    });

  it('counts weeks over the norm, the first such week and the peak shortage when reception is full', () => {
    const r = projectScenario(full(10, 10_000), { runs: 3, seed: 1 });
    expect(r.summary.weeksOverNorm).toEqual({ p10: 6, p50: 6, p90: 6, mean: 6 });
    expect(r.summary.firstWeekOverNorm).toEqual({ p10: 4, p50: 4, p90: 4, shareOfRuns: 1 });
    expect(r.summary.peakPlacesShort.p50).toBe(4500);
    expect(r.summary.peakRegistrationCentre.p50).toBe(5000);
    expect(r.overNormShare).toEqual([0, 0, 0, 0, 1, 1, 1, 1, 1, 1]);
  });

  it('reports null for the first week over the norm when runs never go over', () => {
    const r = projectScenario(full(10, 1e6), { runs: 3, seed: 1 });
    expect(r.summary.weeksOverNorm.p90).toBe(0);
    expect(r.summary.firstWeekOverNorm).toEqual({ p10: null, p50: null, p90: null, shareOfRuns: 0 });
  });

  it('has the week starts, capacity and norm alongside the bands', () => {
    const r = projectScenario(full(3, 10_000), { runs: 1 });
    expect(r.weekStarts).toEqual(['2022-07-04', '2022-07-11', '2022-07-18']);
    expect(r.capacity).toEqual([10_000, 10_000, 10_000]);
    expect(r.registrationCentreNorm).toBe(2000);
    expect([r.runs, r.seed, r.weeks, r.percentileDefinition]).toEqual([1, 1, 3, 'nearest-rank']);
  });
});

describe('the demo scenarios', () => {
  it('show Ter Apel over its norm in most runs at 13,500 and in few at 20,000', () => {
    const a = projectScenario(demo('taakstelling-13500.json'), { runs: 1000, seed: 1 });
    const b = projectScenario(demo('taakstelling-20000.json'), { runs: 1000, seed: 1 });
    expect(a.weeks).toBe(104);
    expect(a.overNormShare[103]!).toBeGreaterThan(0.5);
    expect(b.overNormShare[103]!).toBeLessThan(0.5);
    expect(b.summary.weeksOverNorm.p50).toBeLessThan(a.summary.weeksOverNorm.p50);
    expect(b.bands.permitHoldersWaiting.p50[103]!).toBeLessThan(a.bands.permitHoldersWaiting.p50[103]!);
  });
});

describe('options', () => {
  it.each([
    [{ runs: 0 }, 'runs'],
    [{ runs: 2.5 }, 'runs'],
    [{ runs: 100_001 }, 'runs'],
    [{ seed: -1 }, 'seed'],
    [{ seed: 2 ** 32 }, 'seed'],
    [{ seed: 1.5 }, 'seed'],
  ])('refuses %j', (options, field) => {
    try {
      projectScenario(uncertain(), options);
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(ProjectionError);
      expect((e as ProjectionError).code).toBe('opties-ongeldig');
      expect((e as ProjectionError).field).toBe(field);
      expect((e as ProjectionError).message).toMatch(/moet een geheel getal van/);
    }
  });

  it('refuses more run-weeks than it will hold in memory', () => {
    const long = uncertain({ weeks: 520, housing: { perHalfYear: 13_500 } });
    expect(() => projectScenario(long, { runs: 20_001 })).toThrow('20.001 runs van 520 weken is te veel: runs × weken mag hoogstens 10.400.000 zijn (bijvoorbeeld 20.000 runs van 520 weken).');
  });

  it('reports progress after every week', () => {
    const calls: [number, number][] = [];
    projectScenario(uncertain(), { runs: 10, onProgress: (done, total) => calls.push([done, total]) });
    expect(calls).toHaveLength(30);
    expect(calls[0]).toEqual([1, 30]);
    expect(calls[29]).toEqual([30, 30]);
  });

  it('steps week by week to the same projection (a caller may pause between weeks)', () => {
    const steps = projectionSteps(uncertain(), { runs: 50, seed: 7 });
    const seen: number[] = [];
    let step = steps.next();
    while (!step.done) {
      expect(step.value.total).toBe(30);
      seen.push(step.value.done);
      step = steps.next();
    }
    expect(seen).toEqual(Array.from({ length: 30 }, (_, i) => i + 1));
    expect(step.value.result).toEqual(projectScenario(uncertain(), { runs: 50, seed: 7 }));
  });

  it('checks a hand-built scenario too, instead of dividing by zero', () => {
    const s = { ...uncertain(), processingWeeks: { mean: 0, sd: 0 } };
    expect(() => projectScenario(s, { runs: 1 })).toThrow(ProjectionError);
  });
});
