/**
 * Two scenarios side by side, e.g. taakstelling 13,500 against 20,000 for 2022-II. Both are projected with the
 * same seed, so run r of A and run r of B draw the same inflow, permit share, processing time and pace factor
 * (common random numbers): what differs between the two runs is the scenario, not luck. That is what makes the
 * paired differences (B − A per run) narrow and meaningful even with few runs.
 */
import { ProjectionError } from './errors.ts';
import {
  BAND_SERIES,
  type BandSeries,
  type Distribution,
  PERCENTILES,
  type ProjectionOptions,
  type ProjectionResult,
  projectWithRuns,
  SUMMARY_FIGURES,
  type SummaryFigure,
} from './montecarlo.ts';
import { percentilesInPlace } from './percentile.ts';
import { type Scenario, parseScenario } from './scenario.ts';

export interface FigureDifference {
  /** b's P50 − a's P50. */
  readonly p50Difference: number;
  /** Percentiles and mean of (b − a) per run: the effect of the scenario with the luck held equal. */
  readonly paired: Distribution;
}

export interface ScenarioComparison {
  readonly a: ProjectionResult;
  readonly b: ProjectionResult;
  readonly weekStarts: string[];
  readonly difference: {
    /** b's P50 − a's P50 per week, per band series. */
    readonly p50: Record<BandSeries, number[]>;
    /** b − a of the share of runs over the norm, per week. */
    readonly overNormShare: number[];
    readonly summary: Record<SummaryFigure, FigureDifference> & {
      readonly firstWeekOverNorm: { readonly p50Difference: number | null; readonly shareOfRunsDifference: number };
    };
  };
}

/**
 * Projects `a` and `b` with the same runs and seed and returns both with their differences (always b − a).
 * The scenarios must cover the same weeks. `compareScenarios(s13500, s20000, { runs: 10_000, seed: 1 })
 * .difference.summary.weeksOverNorm.p50Difference` → negative when housing faster relieves Ter Apel.
 */
export function compareScenarios(a: Scenario, b: Scenario, options: ProjectionOptions = {}): ScenarioComparison {
  const sa = parseScenario(a);
  const sb = parseScenario(b);
  if (sa.startWeek !== sb.startWeek || sa.weeks !== sb.weeks) {
    throw new ProjectionError(
      'scenarios-onvergelijkbaar',
      `De scenario's '${sa.name}' en '${sb.name}' beslaan niet dezelfde weken (${sa.startWeek}, ${sa.weeks} weken tegen ${sb.startWeek}, ${sb.weeks} weken); vergelijk alleen scenario's met dezelfde startWeek en weeks.`,
      { field: sa.startWeek !== sb.startWeek ? 'startWeek' : 'weeks' },
    );
  }
  // Progress runs over both projections: the first half for a, the second for b.
  const progress = options.onProgress;
  const pa = projectWithRuns(sa, { ...options, onProgress: progress && ((done, total) => progress(done, 2 * total)) });
  const pb = projectWithRuns(sb, { ...options, onProgress: progress && ((done, total) => progress(total + done, 2 * total)) });
  const ra = pa.result;
  const rb = pb.result;

  const p50 = Object.fromEntries(BAND_SERIES.map((k) => [k, rb.bands[k].p50.map((v, t) => v - ra.bands[k].p50[t]!)])) as Record<BandSeries, number[]>;
  const runs = ra.runs;
  const diff = new Float64Array(runs);
  const paired = (k: SummaryFigure): Distribution => {
    let sum = 0;
    for (let r = 0; r < runs; r++) {
      diff[r] = pb.perRun[k][r]! - pa.perRun[k][r]!;
      sum += diff[r]!;
    }
    const [p10, p50v, p90] = percentilesInPlace(diff, PERCENTILES);
    return { p10: p10!, p50: p50v!, p90: p90!, mean: sum / runs };
  };
  const summary = Object.fromEntries(
    SUMMARY_FIGURES.map((k) => [k, { p50Difference: rb.summary[k].p50 - ra.summary[k].p50, paired: paired(k) }]),
  ) as Record<SummaryFigure, FigureDifference>;
  const fa = ra.summary.firstWeekOverNorm;
  const fb = rb.summary.firstWeekOverNorm;
  return {
    a: ra,
    b: rb,
    weekStarts: ra.weekStarts,
    difference: {
      p50,
      overNormShare: rb.overNormShare.map((v, t) => v - ra.overNormShare[t]!),
      summary: {
        ...summary,
        firstWeekOverNorm: {
          p50Difference: fa.p50 === null || fb.p50 === null ? null : fb.p50 - fa.p50,
          shareOfRunsDifference: fb.shareOfRuns - fa.shareOfRuns,
        },
      },
    },
  };
}
