/** The housing-quota ledger and its supervision: pure rules, no I/O. See each module for the rules chosen. */
export { LedgerError, type LedgerErrorCode } from './errors.ts';
export {
  period,
  periodOrdinal,
  nextPeriod,
  previousPeriod,
  comparePeriods,
  periodMonths,
  periodOf,
  monthIndex,
  monthsEnded,
  checkDate,
  checkMonth,
  lastDayOfMonth,
  dayBefore,
  type HalfYear,
  type MonthIndex,
} from './periods.ts';
export { PACE_THRESHOLDS, PACE_RANK, paceStatus, paceTarget, realisedShare, type PaceStatus } from './pace.ts';
export { checkExcused, excusedOn, excusedInMonth, type ExcusedPeriod } from './excused.ts';
export {
  ledgerPeriod,
  runLedger,
  standingOn,
  swapEntriesFor,
  periodIn,
  byPeriod,
  describeBalance,
  type LedgerSwap,
  type MonthlyRealisation,
  type LedgerPeriodInput,
  type LedgerPeriodContext,
  type LedgerPeriod,
  type LedgerMonth,
  type MonthStatus,
  type TransferIn,
  type LedgerHistoryInput,
  type LedgerClosure,
  type MunicipalityLedger,
  type RunLedgerOptions,
  type PeriodStanding,
} from './ledger.ts';
export { runLedgers, lastPeriodBefore, receivingPeriod, type SplitShare, type BalanceTransfer, type LedgersInput, type LedgersResult } from './reorganisations.ts';
export {
  LADDER_STEPS,
  stepRank,
  isLadderStep,
  currentStep,
  suggestStep,
  validateStepChange,
  type LadderStep,
  type LadderDecision,
  type LadderSuggestionInput,
  type LadderSuggestion,
  type StepProposal,
  type StepValidation,
} from './ladder.ts';
export { supervisorRow, sortForSupervisor, nationalTotals, type SupervisorRow, type SupervisorRowDetail, type NationalTotals } from './overview.ts';
export { mapClass, mapLegend, percentageRealised, type MapClass } from './public-map.ts';
