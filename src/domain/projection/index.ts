/**
 * The chain projection: a weekly stock-flow model of inflow → registration centre → reception → decision →
 * permit holders waiting → housed, with Monte Carlo bands and scenario comparison. Pure, deterministic for a
 * seed; no I/O. The model and its equations: docs/PROJECTION.md.
 */
export { ProjectionError, type ProjectionErrorCode } from './errors.ts';
export {
  parseScenario,
  weekStart,
  DEFAULT_WEEKS,
  MAX_WEEKS,
  DEFAULT_REGISTRATION_CENTRE_NORM,
  WEEKS_PER_HALF_YEAR,
  type Scenario,
  type Uncertain,
  type InflowSpec,
  type InitialStocks,
  type CapacityChange,
} from './scenario.ts';
export {
  modelParameters,
  simulateBatch,
  simulateWeeks,
  runModel,
  type ModelParameters,
  type RunInputs,
  type BatchInputs,
  type WeekState,
  type ModelRun,
} from './model.ts';
export {
  projectScenario,
  projectWithRuns,
  projectionSteps,
  checkOptions as checkProjectionOptions,
  drawRun,
  DEFAULT_RUNS,
  DEFAULT_SEED,
  MAX_RUNS,
  MAX_RUN_WEEKS,
  PERCENTILES,
  BAND_SERIES,
  SUMMARY_FIGURES,
  type DrawnRun,
  type ProjectionOptions,
  type ProjectionResult,
  type ProjectionWithRuns,
  type ProjectionSummary,
  type Band,
  type BandSeries,
  type Distribution,
  type SummaryFigure,
} from './montecarlo.ts';
export { compareScenarios, type ScenarioComparison, type FigureDifference } from './compare.ts';
export { nearestRank, percentile, percentilesInPlace } from './percentile.ts';
export { RunRandom } from './random.ts';
