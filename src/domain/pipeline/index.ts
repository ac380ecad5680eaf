/**
 * The housing supply pipeline: tracks (sporen) and their projects, homes expected per month and half-year against what
 * is due, slips, the price signal, the weekly housing capacity for the chain projection, and the bulk upload. Pure
 * rules, no I/O.
 */
export { PipelineError, type PipelineErrorCode } from './errors.ts';
export {
  PROJECT_STATUSES,
  PROJECT_STATUS_LABELS,
  FINAL_STATUSES,
  STATUS_TRANSITIONS,
  isProjectStatus,
  checkProjectStatus,
  isFinalStatus,
  isAllowedStatusChange,
  checkStatusChange,
  type ProjectStatus,
} from './statuses.ts';
export {
  PERSONS_PER_HOME,
  MAX_PERSONS_PER_HOME,
  checkPersonsPerHome,
  personsForHomes,
  reservedFromShare,
  roundHalfUp,
  checkCount,
  checkTrackCode,
  checkMunicipalityCode,
  checkTrack,
  checkProject,
  type Track,
  type PipelineProject,
  type DeliveryChange,
} from './projects.ts';
export { checkDate, checkMonth, checkPeriod, monthsBetween, periodsBetween, periodOfDate, isMonday } from './dates.ts';
export {
  countingProjects,
  expectedByMonth,
  expectedByHalfYear,
  coverage,
  type ExpectedTotals,
  type ExpectedMonth,
  type ExpectedHalfYear,
  type CoverageInput,
  type Coverage,
} from './expected.ts';
export { aggregate, areaKey, NATION_KEY, type AggregateLevel, type AggregateRow, type StatusTotals } from './aggregate.ts';
export { slips, isSlipped, type Slip, type SlipOptions } from './slips.ts';
export { priceSeries, type PriceGroup, type PricePoint } from './prices.ts';
export { weeklyHomesForProjection, weeklyPersonsExact, reservedHomesInWindow, MAX_PROJECTION_WEEKS } from './weekly.ts';
export {
  PIPELINE_COLUMNS,
  FIRST_DATE,
  LAST_DATE,
  MAX_COST_PER_UNIT_CENTS,
  pipelineKey,
  readDeliveryDate,
  readEuroCents,
  readSharePercent,
  checkPipelineRows,
  checkPipelineCsv,
  planPipelineUpload,
  type KnownMunicipality,
  type PipelineRowsInput,
  type PipelineLine,
  type PipelineCheck,
  type PlannedUpdate,
  type UploadPlan,
  type LineError,
  type Row,
} from './pipeline-file.ts';
export { DEMO_AS_OF, DEMO_TRACKS, DEMO_MUNICIPALITIES, DEMO_PIPELINE, DEMO_DELIVERY_CHANGES, demoPipelineCsv } from './demo.ts';
