/**
 * Monte Carlo over the uncertain inputs of a scenario: N runs of the weekly model, summarised as P10/P50/P90
 * bands per week and as distributions of per-run figures (weeks over the Ter Apel norm, peak shortage, …).
 *
 * Deterministic: run r draws only from its own stream (seed, r), in a fixed order, so a result depends on the
 * scenario, the number of runs and the seed and on nothing else; run r is the same whether there are 10 runs or
 * 10,000. Percentiles are nearest-rank (see percentile.ts). The result is plain JSON.
 */
import { formatInteger } from '../../lib/dutch.ts';
import { ProjectionError } from './errors.ts';
import { type BatchInputs, type RunInputs, type WeekState, modelParameters, simulateWeeks } from './model.ts';
import { percentilesInPlace } from './percentile.ts';
import { RunRandom } from './random.ts';
import { type Scenario, parseScenario, weekStart } from './scenario.ts';

export const DEFAULT_RUNS = 10_000;
export const DEFAULT_SEED = 1;
export const MAX_RUNS = 100_000;
/** Runs × weeks at most: the drawn inflow is held as one double per run-week (here 83 MB). */
export const MAX_RUN_WEEKS = 10_400_000;
/** The percentiles every band and distribution reports. */
export const PERCENTILES = [10, 50, 90] as const;

export interface ProjectionOptions {
  /** Number of runs, 1 … 100,000, and runs × weeks at most 10,400,000 (default 10,000). */
  readonly runs?: number;
  /** Whole number 0 … 2³² − 1 (default 1). */
  readonly seed?: number;
  /** Called after each simulated week with (weeks done, weeks in total). */
  readonly onProgress?: (done: number, total: number) => void;
}

/** Nearest-rank percentiles over the runs, one value per week. */
export interface Band {
  readonly p10: number[];
  readonly p50: number[];
  readonly p90: number[];
}

/** Nearest-rank percentiles and the mean of one figure per run. */
export interface Distribution {
  readonly p10: number;
  readonly p50: number;
  readonly p90: number;
  readonly mean: number;
}

/** The series that get a band. Stocks are at the end of the week; inflow and housed are flows during the week. */
export const BAND_SERIES = [
  'registrationCentre',
  'awaitingDecision',
  'permitHoldersWaiting',
  'rejectedWaiting',
  'receptionOccupancy',
  'placesShort',
  'inflow',
  'housed',
] as const satisfies readonly (keyof WeekState)[];
export type BandSeries = (typeof BAND_SERIES)[number];

/** Per-run figures summarised as distributions. */
export const SUMMARY_FIGURES = ['weeksOverNorm', 'peakPlacesShort', 'peakRegistrationCentre', 'housedTotal', 'permitHoldersWaitingAtEnd'] as const;
export type SummaryFigure = (typeof SUMMARY_FIGURES)[number];

export interface ProjectionSummary extends Record<SummaryFigure, Distribution> {
  /**
   * First week (0 = the start week) in which the registration centre is over its norm. A run that never is counts
   * as later than any week, so a percentile is null when at least that share of runs never goes over.
   */
  readonly firstWeekOverNorm: { readonly p10: number | null; readonly p50: number | null; readonly p90: number | null; readonly shareOfRuns: number };
}

export interface ProjectionResult {
  readonly scenario: string;
  readonly runs: number;
  readonly seed: number;
  readonly weeks: number;
  readonly percentileDefinition: 'nearest-rank';
  /** Monday of each week. */
  readonly weekStarts: string[];
  readonly capacity: number[];
  readonly registrationCentreNorm: number;
  readonly bands: Record<BandSeries, Band>;
  /** Share of runs with the registration centre over its norm at the end of each week. */
  readonly overNormShare: number[];
  readonly summary: ProjectionSummary;
}

/** A projection together with the per-run figures behind its summary (indexed by run), for paired comparisons. */
export interface ProjectionWithRuns {
  readonly result: ProjectionResult;
  readonly perRun: Record<SummaryFigure | 'firstWeekOverNorm', Float64Array>;
}

/** Checks the runs and seed for a scenario of `weeks` weeks (throws ProjectionError); the runs and seed to use. */
export function checkOptions(options: ProjectionOptions, weeks: number): { runs: number; seed: number } {
  const runs = options.runs ?? DEFAULT_RUNS;
  const seed = options.seed ?? DEFAULT_SEED;
  if (!Number.isInteger(runs) || runs < 1 || runs > MAX_RUNS) {
    throw new ProjectionError('opties-ongeldig', `Het aantal runs moet een geheel getal van 1 tot en met ${formatInteger(MAX_RUNS)} zijn (gegeven: ${String(runs)}).`, {
      field: 'runs',
    });
  }
  if (runs * weeks > MAX_RUN_WEEKS) {
    throw new ProjectionError(
      'opties-ongeldig',
      `${formatInteger(runs)} runs van ${weeks} weken is te veel: runs × weken mag hoogstens ${formatInteger(MAX_RUN_WEEKS)} zijn (bijvoorbeeld ${formatInteger(Math.floor(MAX_RUN_WEEKS / weeks))} runs van ${weeks} weken).`,
      { field: 'runs' },
    );
  }
  if (!Number.isInteger(seed) || seed < 0 || seed > 0xffffffff) {
    throw new ProjectionError('opties-ongeldig', `Het zaadgetal (seed) moet een geheel getal van 0 tot en met 4294967295 zijn (gegeven: ${String(seed)}).`, {
      field: 'seed',
    });
  }
  return { runs, seed };
}

const clamp = (x: number, lo: number, hi: number): number => (x < lo ? lo : x > hi ? hi : x);

/**
 * Draws run `run`'s inputs into the batch arrays at index `at`, in a fixed order: level of the inflow, permit
 * share, processing weeks, pace factor (each drawn even when its sd is 0, which multiplies the draw away, so a
 * scenario that fixes one input still shares the others' draws with one that does not), then, only when
 * `weeklySd` > 0, one normal per week for the week-to-week noise.
 */
function drawInto(s: Scenario, seed: number, run: number, batch: BatchInputs, at: number): void {
  const rnd = new RunRandom(seed, run);
  const level = s.inflowPerWeek.sd * rnd.normal();
  batch.permitShare[at] = clamp(s.permitShare.mean + s.permitShare.sd * rnd.normal(), 0, 1);
  batch.processingWeeks[at] = Math.max(1, s.processingWeeks.mean + s.processingWeeks.sd * rnd.normal());
  batch.paceFactor[at] = Math.max(0, s.housing.paceFactor.mean + s.housing.paceFactor.sd * rnd.normal());
  const { perWeek, weeklySd } = s.inflowPerWeek;
  const last = perWeek.length - 1;
  const base = at * s.weeks;
  for (let t = 0; t < s.weeks; t++) {
    const noise = weeklySd > 0 ? weeklySd * rnd.normal() : 0;
    batch.inflow[base + t] = Math.max(0, perWeek[t < last ? t : last]! + level + noise);
  }
}

function emptyBatch(runs: number, weeks: number): BatchInputs {
  return {
    runs,
    inflow: new Float64Array(runs * weeks),
    permitShare: new Float64Array(runs),
    processingWeeks: new Float64Array(runs),
    paceFactor: new Float64Array(runs),
  };
}

/** One run's drawn inputs as plain JSON. */
export interface DrawnRun extends RunInputs {
  readonly inflow: number[];
}

/**
 * The inputs run `run` draws for a scenario and seed (the same the Monte Carlo uses), for inspecting one run
 * with `runModel`. `runModel(modelParameters(s), drawRun(s, 1, 0))` is run 0 of `projectScenario(s, { seed: 1 })`.
 */
export function drawRun(scenario: Scenario, seed: number, run: number): DrawnRun {
  const batch = emptyBatch(1, scenario.weeks);
  drawInto(scenario, seed, run, batch, 0);
  return { inflow: Array.from(batch.inflow), permitShare: batch.permitShare[0]!, processingWeeks: batch.processingWeeks[0]!, paceFactor: batch.paceFactor[0]! };
}

function distribution(values: Float64Array, scratch: Float64Array): Distribution {
  let sum = 0;
  for (let i = 0; i < values.length; i++) sum += values[i]!;
  scratch.set(values);
  const [p10, p50, p90] = percentilesInPlace(scratch, PERCENTILES);
  return { p10: p10!, p50: p50!, p90: p90!, mean: sum / values.length };
}

/**
 * `projectScenario`, also returning the per-run figures behind the summary. Used by `compareScenarios` for
 * paired differences.
 */
export function projectWithRuns(scenario: Scenario, options: ProjectionOptions = {}): ProjectionWithRuns {
  const steps = projectionSteps(scenario, options);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
    options.onProgress?.(step.value.done, step.value.total);
  }
}

/**
 * `projectWithRuns` one simulated week at a time: yields `{ done, total }` weeks after each week and returns the
 * projection. A caller that must stay responsive (a background task reporting progress) can pause between steps;
 * the result is the same as `projectWithRuns`.
 */
export function* projectionSteps(scenario: Scenario, options: Omit<ProjectionOptions, 'onProgress'> = {}): Generator<{ done: number; total: number }, ProjectionWithRuns, undefined> {
  const s = parseScenario(scenario);
  const { runs, seed } = checkOptions(options, s.weeks);
  const params = modelParameters(s);
  const { weeks, norm } = params;

  const batch = emptyBatch(runs, weeks);
  for (let r = 0; r < runs; r++) drawInto(s, seed, r, batch, r);

  const bands = Object.fromEntries(BAND_SERIES.map((k) => [k, { p10: new Array<number>(weeks), p50: new Array<number>(weeks), p90: new Array<number>(weeks) }])) as Record<
    BandSeries,
    Band
  >;
  const overNormShare = new Array<number>(weeks);
  const weeksOverNorm = new Float64Array(runs);
  const firstWeekOverNorm = new Float64Array(runs).fill(Infinity);
  const peakPlacesShort = new Float64Array(runs);
  const peakRegistrationCentre = new Float64Array(runs);
  const housedTotal = new Float64Array(runs);
  const permitHoldersWaitingAtEnd = new Float64Array(runs);
  const scratch = new Float64Array(runs);

  for (const [t, state] of simulateWeeks(params, batch)) {
    const centre = state.registrationCentre;
    const short = state.placesShort;
    const housed = state.housed;
    let over = 0;
    for (let r = 0; r < runs; r++) {
      const c = centre[r]!;
      if (c > norm) {
        over++;
        weeksOverNorm[r]!++;
        if (firstWeekOverNorm[r] === Infinity) firstWeekOverNorm[r] = t;
      }
      if (c > peakRegistrationCentre[r]!) peakRegistrationCentre[r] = c;
      if (short[r]! > peakPlacesShort[r]!) peakPlacesShort[r] = short[r]!;
      housedTotal[r]! += housed[r]!;
    }
    overNormShare[t] = over / runs;
    for (const k of BAND_SERIES) {
      scratch.set(state[k]);
      const [p10, p50, p90] = percentilesInPlace(scratch, PERCENTILES);
      bands[k].p10[t] = p10!;
      bands[k].p50[t] = p50!;
      bands[k].p90[t] = p90!;
    }
    if (t === weeks - 1) permitHoldersWaitingAtEnd.set(state.permitHoldersWaiting);
    yield { done: t + 1, total: weeks };
  }

  scratch.set(firstWeekOverNorm);
  const firsts = percentilesInPlace(scratch, PERCENTILES).map((w) => (w === Infinity ? null : w));
  let ever = 0;
  for (let r = 0; r < runs; r++) if (firstWeekOverNorm[r] !== Infinity) ever++;

  const perRun = { weeksOverNorm, peakPlacesShort, peakRegistrationCentre, housedTotal, permitHoldersWaitingAtEnd, firstWeekOverNorm };
  const summary = {
    ...(Object.fromEntries(SUMMARY_FIGURES.map((k) => [k, distribution(perRun[k], scratch)])) as Record<SummaryFigure, Distribution>),
    firstWeekOverNorm: { p10: firsts[0]!, p50: firsts[1]!, p90: firsts[2]!, shareOfRuns: ever / runs },
  };
  const result: ProjectionResult = {
    scenario: s.name,
    runs,
    seed,
    weeks,
    percentileDefinition: 'nearest-rank',
    weekStarts: Array.from({ length: weeks }, (_, t) => weekStart(s.startWeek, t)),
    capacity: Array.from(params.capacity),
    registrationCentreNorm: norm,
    bands,
    overNormShare,
    summary,
  };
  return { result, perRun };
}

/**
 * Projects a scenario: `runs` Monte Carlo runs with `seed`, P10/P50/P90 per week and per-run summaries.
 * `projectScenario(parseScenario(json), { runs: 10_000, seed: 1 }).summary.weeksOverNorm.p50` → e.g. 37
 */
export function projectScenario(scenario: Scenario, options: ProjectionOptions = {}): ProjectionResult {
  return projectWithRuns(scenario, options).result;
}
