/**
 * The weekly stock-flow model of the chain, deterministic once the uncertain inputs are drawn. Stages:
 *
 *   inflow → registration centre (in procedure → ready for a place) → reception: awaiting decision
 *          → permit holders waiting → housed (out)        → rejected waiting → departed (out)
 *
 * People are continuous quantities. Every flow of a week is computed from the stocks at the start of that week
 * (explicit weekly steps), which makes each week's update move people between stages without creating or losing
 * any, and gives the closed-form steady states in docs/PROJECTION.md. Delays are first-order (a fixed share
 * 1/weeks of a stock leaves each week), not fixed pipelines: the mean stay is right and the state stays small,
 * at the cost of some people leaving early and some late.
 *
 * Runs are simulated side by side, week by week, on typed arrays (one entry per run), so the Monte Carlo can take
 * percentiles over all runs of a week as soon as the week is done, without keeping every run's history.
 */
import { type InitialStocks, type Scenario, WEEKS_PER_HALF_YEAR } from './scenario.ts';

/** What is the same in every run of a scenario. */
export interface ModelParameters {
  readonly weeks: number;
  readonly initial: InitialStocks;
  /** Mean weeks in the registration-centre procedure (≥ 1). */
  readonly registrationWeeks: number;
  /** Mean weeks a rejected applicant stays in reception (≥ 1). */
  readonly rejectedLeaveWeeks: number;
  readonly norm: number;
  /** Reception places in each week. */
  readonly capacity: Float64Array;
  /**
   * Housing pace per week at pace factor 1: the taakstelling of the week's half-year / 26, or, when the scenario
   * gives `housing.homesPerWeek`, that week's persons (0 beyond the list; the pace factor is then 1).
   */
  readonly quotaPace: Float64Array;
}

/** The drawn inputs of one run. */
export interface RunInputs {
  /** Persons arriving in each week (≥ 0), at least `weeks` values. */
  readonly inflow: ArrayLike<number>;
  /** Share of decisions that grant a permit, 0 … 1. */
  readonly permitShare: number;
  /** Mean weeks from arrival in reception to decision (≥ 1). */
  readonly processingWeeks: number;
  /** Actual housing pace relative to the taakstelling (≥ 0). */
  readonly paceFactor: number;
}

/** The drawn inputs of `runs` runs: run r at index r; inflow run-major (run r, week t at r · weeks + t). */
export interface BatchInputs {
  readonly runs: number;
  readonly inflow: Float64Array;
  readonly permitShare: Float64Array;
  readonly processingWeeks: Float64Array;
  readonly paceFactor: Float64Array;
}

/**
 * The state at the end of one week, one entry per run. Read it inside the `onWeek` callback only: the arrays
 * are reused for the next week.
 */
export interface WeekState {
  /** In the registration centre: in the procedure plus ready and waiting for a reception place. */
  readonly registrationCentre: Float64Array;
  /** Of those, ready for a reception place but held back because reception is full. */
  readonly registrationReady: Float64Array;
  readonly awaitingDecision: Float64Array;
  readonly permitHoldersWaiting: Float64Array;
  readonly rejectedWaiting: Float64Array;
  /** awaitingDecision + permitHoldersWaiting + rejectedWaiting. */
  readonly receptionOccupancy: Float64Array;
  /** Demand for reception places (occupancy + ready in the registration centre) above capacity, ≥ 0. */
  readonly placesShort: Float64Array;
  /** Flows during the week. */
  readonly inflow: Float64Array;
  readonly toReception: Float64Array;
  readonly decisions: Float64Array;
  readonly permitsGranted: Float64Array;
  readonly housed: Float64Array;
  readonly departed: Float64Array;
}

/** One run, week by week (index t = end of week t). */
export interface ModelRun {
  readonly registrationCentre: number[];
  readonly registrationReady: number[];
  readonly awaitingDecision: number[];
  readonly permitHoldersWaiting: number[];
  readonly rejectedWaiting: number[];
  readonly receptionOccupancy: number[];
  readonly placesShort: number[];
  readonly capacity: number[];
  /** Registration centre above its norm (strictly more than `norm` persons) at the end of the week. */
  readonly overNorm: boolean[];
  readonly inflow: number[];
  readonly toReception: number[];
  readonly decisions: number[];
  readonly permitsGranted: number[];
  readonly housed: number[];
  readonly departed: number[];
}

const WEEK_KEYS = [
  'registrationCentre',
  'registrationReady',
  'awaitingDecision',
  'permitHoldersWaiting',
  'rejectedWaiting',
  'receptionOccupancy',
  'placesShort',
  'inflow',
  'toReception',
  'decisions',
  'permitsGranted',
  'housed',
  'departed',
] as const satisfies readonly (keyof WeekState)[];

/**
 * The fixed part of a scenario as arrays per week. `modelParameters(s).capacity[t]` is `capacity.base` plus every
 * change whose week is ≤ t; `quotaPace[t]` is 13,500 / 26 ≈ 519.2 for a taakstelling of 13,500, or
 * `housing.homesPerWeek[t]` when the scenario takes its housing from the pipeline.
 */
export function modelParameters(s: Scenario): ModelParameters {
  const capacity = new Float64Array(s.weeks);
  const delta = new Float64Array(s.weeks);
  for (const c of s.capacity.changes) delta[c.week]! += c.change;
  let places = s.capacity.base;
  for (let t = 0; t < s.weeks; t++) {
    places += delta[t]!;
    capacity[t] = places;
  }
  const quotaPace = new Float64Array(s.weeks);
  const halfYears = s.housing.perHalfYear;
  const homes = s.housing.homesPerWeek;
  for (let t = 0; t < s.weeks; t++) {
    quotaPace[t] = homes ? (homes[t] ?? 0) : halfYears[Math.min(Math.floor(t / WEEKS_PER_HALF_YEAR), halfYears.length - 1)]! / WEEKS_PER_HALF_YEAR;
  }
  return {
    weeks: s.weeks,
    initial: s.initial,
    registrationWeeks: s.registrationWeeks,
    rejectedLeaveWeeks: s.rejectedLeaveWeeks,
    norm: s.registrationCentreNorm,
    capacity,
    quotaPace,
  };
}

/**
 * Simulates all runs of a batch side by side and calls `onWeek(t, state)` after each week t. The equations, per
 * run, with every flow taken from the stocks at the start of the week (Q = registration procedure, Y = ready for
 * a place, A = awaiting decision, P = permit holders waiting, J = rejected waiting):
 *
 *   f = Q / registrationWeeks           d = A / processingWeeks      g = permitShare · d
 *   h = min(P, quotaPace · paceFactor)  l = J / rejectedLeaveWeeks
 *   free = max(0, capacity − (A + P + J − h − l))      x = min(Y + f, free)
 *   Q' = Q − f + inflow   Y' = Y + f − x   A' = A + x − d   P' = P + g − h   J' = J + (d − g) − l
 *
 * `simulateBatch(p, inputs, (t, s) => console.log(t, s.registrationCentre[0]))`
 */
export function simulateBatch(params: ModelParameters, inputs: BatchInputs, onWeek: (week: number, state: WeekState) => void): void {
  for (const [t, state] of simulateWeeks(params, inputs)) onWeek(t, state);
}

/**
 * `simulateBatch` one week at a time: yields `[t, state]` after each week t (the state arrays are reused for the
 * next week). Lets a caller pause between weeks, e.g. to report progress, without the model knowing why.
 */
export function* simulateWeeks(params: ModelParameters, inputs: BatchInputs): Generator<[number, WeekState], void, undefined> {
  const { weeks, registrationWeeks, rejectedLeaveWeeks, capacity, quotaPace, initial } = params;
  const { runs, inflow, permitShare, processingWeeks, paceFactor } = inputs;
  if (inflow.length < runs * weeks || permitShare.length < runs || processingWeeks.length < runs || paceFactor.length < runs) {
    throw new RangeError('batch inputs shorter than runs × weeks');
  }
  const procedure = new Float64Array(runs).fill(initial.registrationCentre);
  const ready = new Float64Array(runs);
  const state = Object.fromEntries(WEEK_KEYS.map((k) => [k, new Float64Array(runs)])) as unknown as { [K in keyof WeekState]: Float64Array };
  state.awaitingDecision.fill(initial.awaitingDecision);
  state.permitHoldersWaiting.fill(initial.permitHoldersWaiting);
  state.rejectedWaiting.fill(initial.rejectedWaiting);
  const { registrationCentre, registrationReady, awaitingDecision, permitHoldersWaiting, rejectedWaiting, receptionOccupancy, placesShort } = state;
  const { toReception, decisions, permitsGranted, housed, departed } = state;
  const weekInflow = state.inflow;

  for (let t = 0; t < weeks; t++) {
    const places = capacity[t]!;
    const quota = quotaPace[t]!;
    for (let r = 0; r < runs; r++) {
      const q = procedure[r]!;
      const y = ready[r]!;
      const a = awaitingDecision[r]!;
      const p = permitHoldersWaiting[r]!;
      const j = rejectedWaiting[r]!;
      const arriving = inflow[r * weeks + t]!;

      const f = q / registrationWeeks;
      const d = a / processingWeeks[r]!;
      const g = permitShare[r]! * d;
      const h = Math.min(p, quota * paceFactor[r]!);
      const l = j / rejectedLeaveWeeks;
      // Places freed this week by housing and departures can be taken this week; decisions free none (the person
      // stays in reception with a new status).
      const free = places - (a + p + j - h - l);
      const waiting = y + f;
      const x = free > 0 ? Math.min(waiting, free) : 0;

      const y2 = waiting - x;
      const a2 = a + x - d;
      const p2 = p + g - h;
      const j2 = j + (d - g) - l;
      const q2 = q - f + arriving;
      procedure[r] = q2;
      ready[r] = y2;
      awaitingDecision[r] = a2;
      permitHoldersWaiting[r] = p2;
      rejectedWaiting[r] = j2;
      registrationCentre[r] = q2 + y2;
      registrationReady[r] = y2;
      const occupancy = a2 + p2 + j2;
      receptionOccupancy[r] = occupancy;
      const short = occupancy + y2 - places;
      placesShort[r] = short > 0 ? short : 0;
      weekInflow[r] = arriving;
      toReception[r] = x;
      decisions[r] = d;
      permitsGranted[r] = g;
      housed[r] = h;
      departed[r] = l;
    }
    yield [t, state];
  }
}

/**
 * One deterministic run, week by week: the same equations as `simulateBatch` with one run.
 * `runModel(modelParameters(s), { inflow: new Array(s.weeks).fill(900), permitShare: 0.7, processingWeeks: 26, paceFactor: 1 })`
 */
export function runModel(params: ModelParameters, run: RunInputs): ModelRun {
  const { weeks } = params;
  if (run.inflow.length < weeks) throw new RangeError(`inflow has ${run.inflow.length} weeks, the model needs ${weeks}`);
  const inputs: BatchInputs = {
    runs: 1,
    inflow: Float64Array.from({ length: weeks }, (_, t) => run.inflow[t]!),
    permitShare: Float64Array.of(run.permitShare),
    processingWeeks: Float64Array.of(run.processingWeeks),
    paceFactor: Float64Array.of(run.paceFactor),
  };
  const series = Object.fromEntries(WEEK_KEYS.map((k) => [k, [] as number[]])) as Record<(typeof WEEK_KEYS)[number], number[]>;
  const overNorm: boolean[] = [];
  simulateBatch(params, inputs, (_t, s) => {
    for (const k of WEEK_KEYS) series[k].push(s[k][0]!);
    overNorm.push(s.registrationCentre[0]! > params.norm);
  });
  return { ...series, capacity: Array.from(params.capacity), overNorm };
}
