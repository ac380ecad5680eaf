import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { compareScenarios } from './compare.ts';
import { ProjectionError } from './errors.ts';
import { BAND_SERIES, SUMMARY_FIGURES, projectScenario } from './montecarlo.ts';
import { type Scenario, parseScenario } from './scenario.ts';

const demo = (file: string): Scenario => parseScenario(JSON.parse(readFileSync(new URL(`../../../data/scenarios/${file}`, import.meta.url), 'utf8')));

describe('compareScenarios', () => {
  const a = demo('taakstelling-13500.json');
  const b = demo('taakstelling-20000.json');
  const c = compareScenarios(a, b, { runs: 400, seed: 5 });

  it('returns both projections as projectScenario gives them with the same runs and seed', () => {
    expect(c.a).toEqual(projectScenario(a, { runs: 400, seed: 5 }));
    expect(c.b).toEqual(projectScenario(b, { runs: 400, seed: 5 }));
    expect(c.weekStarts).toEqual(c.a.weekStarts);
  });

  it('takes differences as b − a of the P50 lines and of the summaries', () => {
    for (const k of BAND_SERIES) {
      expect(c.difference.p50[k]).toEqual(c.b.bands[k].p50.map((v, t) => v - c.a.bands[k].p50[t]!));
    }
    expect(c.difference.overNormShare[50]).toBe(c.b.overNormShare[50]! - c.a.overNormShare[50]!);
    for (const k of SUMMARY_FIGURES) expect(c.difference.summary[k].p50Difference).toBe(c.b.summary[k].p50 - c.a.summary[k].p50);
  });

  it('shows the faster housing task relieving reception, run by run (common random numbers)', () => {
    const d = c.difference.summary;
    // The same luck in both runs, so every run houses more and keeps fewer permit holders waiting.
    expect(d.housedTotal.paired.p10).toBeGreaterThan(0);
    expect(d.permitHoldersWaitingAtEnd.paired.p90).toBeLessThan(0);
    expect(d.weeksOverNorm.paired.p90).toBeLessThanOrEqual(0);
    expect(d.weeksOverNorm.p50Difference).toBeLessThan(0);
    expect(c.difference.p50.permitHoldersWaiting[103]!).toBeLessThan(0);
    // The inflow is the same draw in both: its P50 line does not differ.
    expect(c.difference.p50.inflow.every((v) => v === 0)).toBe(true);
  });

  it('finds no difference at all between a scenario and itself', () => {
    const same = compareScenarios(a, { ...a, name: 'kopie' }, { runs: 100, seed: 2 });
    for (const k of SUMMARY_FIGURES) expect(same.difference.summary[k].paired).toEqual({ p10: 0, p50: 0, p90: 0, mean: 0 });
    for (const k of BAND_SERIES) expect(same.difference.p50[k].every((v) => v === 0)).toBe(true);
    expect(same.difference.summary.firstWeekOverNorm.shareOfRunsDifference).toBe(0);
  });

  it('reports progress over both projections', () => {
    const calls: number[] = [];
    compareScenarios(a, b, { runs: 5, onProgress: (done, total) => calls.push(done / total) });
    expect(calls).toHaveLength(208);
    expect(calls[103]).toBe(0.5);
    expect(calls[207]).toBe(1);
  });

  it('refuses scenarios over different weeks', () => {
    try {
      compareScenarios(a, { ...b, weeks: 52 }, { runs: 5 });
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(ProjectionError);
      expect((e as ProjectionError).code).toBe('scenarios-onvergelijkbaar');
      expect((e as ProjectionError).field).toBe('weeks');
      expect((e as ProjectionError).message).toContain('niet dezelfde weken');
    }
  });
});
