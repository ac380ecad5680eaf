import { readFileSync } from 'node:fs';
import { compareScenarios, parseScenario, projectScenario, type Scenario } from '../src/domain/projection/index.ts';
import { medianMs, type BenchResult } from './measure.ts';

const load = (file: string): Scenario => parseScenario(JSON.parse(readFileSync(new URL(`../data/scenarios/${file}`, import.meta.url), 'utf8')));

/**
 * The chain projection of the demo scenario: 10,000 Monte Carlo runs × 104 weeks (target: under 1 s on two cores,
 * one thread), reported per run-week and against a native sort of as many doubles in the same run. The first call
 * is timed apart, because a command-line run pays for it: the code is not yet optimised by the JIT.
 */
export async function benchProjection(): Promise<BenchResult> {
  const a = load('taakstelling-13500.json');
  const b = load('taakstelling-20000.json');
  const runs = 10_000;
  const runWeeks = runs * a.weeks;

  const t = process.hrtime.bigint();
  projectScenario(a, { runs, seed: 1 });
  const tCold = Number(process.hrtime.bigint() - t) / 1e6;
  const tProject = medianMs(() => projectScenario(a, { runs, seed: 1 }), 9, 2);
  const tCompare = medianMs(() => compareScenarios(a, b, { runs, seed: 1 }), 5, 1);

  // The floor: sorting one double per run-week, natively, allocating almost nothing.
  let s = 1;
  const numbers = Float64Array.from({ length: runWeeks }, () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  });
  const tSort = medianMs(() => numbers.slice().sort(), 9, 2);

  const perRunWeek = (ms: number) => `${((ms * 1e6) / runWeeks).toFixed(0)} ns per run-week`;
  return {
    name: `Chain projection (${runs.toLocaleString('en')} runs × ${a.weeks} weeks, demo scenario taakstelling 13,500; one thread)`,
    lines: [
      `sort ${runWeeks.toLocaleString('en')} doubles (Float64Array): ${tSort.toFixed(1)} ms`,
      `projectScenario, first call in the process: ${tCold.toFixed(0)} ms (${perRunWeek(tCold)}, ${(tCold / tSort).toFixed(2)} × sort)`,
      `projectScenario, median: ${tProject.toFixed(0)} ms (${perRunWeek(tProject)}, ${(tProject / tSort).toFixed(2)} × sort)`,
      `compareScenarios 13,500 vs 20,000 (two projections), median: ${tCompare.toFixed(0)} ms (${(tCompare / tProject).toFixed(2)} × one projection)`,
    ],
  };
}
