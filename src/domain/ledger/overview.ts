/**
 * Summaries across municipalities: the province's supervisor view and the national totals of one half-year.
 */
import { Rational } from '../distribution/rational.ts';
import { LedgerError } from './errors.ts';
import { currentStep, stepRank, type LadderDecision, type LadderStep } from './ladder.ts';
import { standingOn, type LedgerPeriod, type MonthStatus, type MunicipalityLedger } from './ledger.ts';
import { checkDate } from './periods.ts';

export interface SupervisorRow {
  readonly code: string;
  readonly name?: string;
  /** Balance at the end of the latest ended half-year: + achterstand, − voorsprong; 0 when none has ended. */
  readonly backlog: number;
  readonly step: LadderStep;
  /** The latest ended half-year started without a backlog and ended with one. */
  readonly newlyOverdue: boolean;
}

export interface SupervisorRowDetail extends SupervisorRow {
  /** The latest ended half-year, if any. */
  readonly period: string | null;
  /** Status of the latest ended month of the running half-year, if any. */
  readonly currentStatus: MonthStatus | null;
}

/**
 * One row of the supervisor view from a ledger and its ladder history.
 * `supervisorRow(ledger, [], '2022-07-15')` → { code, backlog: 40, step: 'geen', newlyOverdue: true, period: '2022-I', … }
 */
export function supervisorRow(ledger: MunicipalityLedger, history: readonly LadderDecision[], asOf: string): SupervisorRowDetail {
  checkDate(asOf, 'asOf');
  const ended = ledger.periods.filter((p) => p.lastDay <= asOf);
  const last = ended[ended.length - 1];
  const running = ledger.periods.find((p) => p.firstDay <= asOf && asOf < p.lastDay);
  return {
    code: ledger.municipalityCode,
    ...(ledger.name !== undefined ? { name: ledger.name } : {}),
    backlog: last?.carriedOut ?? 0,
    step: currentStep(history).step,
    newlyOverdue: last !== undefined && last.carriedIn <= 0 && last.carriedOut > 0,
    period: last?.period ?? null,
    currentStatus: running ? (standingOn(running, asOf, ledger.excused)?.status ?? null) : null,
  };
}

/**
 * Orders rows for a supervisor: newly overdue first, then the largest backlog (an advance sorts below 0), then the
 * highest ladder step, then by code so the order is stable.
 * `sortForSupervisor([{ code: 'A', backlog: 5, step: 'geen', newlyOverdue: false }, { code: 'B', backlog: 1, step: 'geen', newlyOverdue: true }])`
 * → B, A
 */
export function sortForSupervisor<T extends SupervisorRow>(rows: readonly T[]): T[] {
  return [...rows].sort(
    (a, b) =>
      Number(b.newlyOverdue) - Number(a.newlyOverdue) ||
      b.backlog - a.backlog ||
      stepRank(b.step) - stepRank(a.step) ||
      (a.code < b.code ? -1 : a.code > b.code ? 1 : 0),
  );
}

export interface NationalTotals {
  readonly period: string;
  readonly municipalities: number;
  readonly taakstelling: number;
  /** Net of all swaps: 0 when every agreement is in (swaps move task between municipalities). */
  readonly swapsNet: number;
  /** Net balance carried in (backlogs minus advances). */
  readonly carriedIn: number;
  readonly corrected: number;
  readonly realised: number;
  /** Net balance carried out. */
  readonly carriedOut: number;
  /** Σ of the backlogs only (municipalities with an advance add 0). */
  readonly backlog: number;
  /** Σ of the advances only, as a positive number. */
  readonly advance: number;
  /** Municipalities whose latest ended month is `licht achter` or `achter` by pace, excused or not. */
  readonly behind: number;
  /** Municipalities whose latest ended month is excused. */
  readonly excused: number;
  /** behind / municipalities; null for no municipalities. */
  readonly shareBehind: Rational | null;
  /** Σ realised ≥ Σ taakstelling: the bare national task was met. */
  readonly bareTaskMet: boolean;
  /** Share of the net backlog carried in that was caught up: (carriedIn − carriedOut) / carriedIn; null without one. */
  readonly backlogCaughtUp: Rational | null;
}

/**
 * Adds up one half-year over municipalities (pass the periods of the municipalities to count, e.g. a province's).
 * `nationalTotals([a, b, c]).backlogCaughtUp` → 1/2 when 2.000 backlog came in and 1.000 went out
 */
export function nationalTotals(periods: readonly LedgerPeriod[]): NationalTotals {
  const label = periods[0]?.period ?? '';
  const other = periods.find((p) => p.period !== label);
  if (other) {
    throw new LedgerError('periode-ongeldig', `Totalen gaan over één halfjaar; ${other.municipalityCode} heeft ${other.period}, de eerste ${label}.`, {
      field: 'periods',
      municipalityCodes: [other.municipalityCode],
    });
  }
  let taakstelling = 0, swapsNet = 0, carriedIn = 0, corrected = 0, realised = 0, carriedOut = 0, backlog = 0, advance = 0, behind = 0, excused = 0;
  for (const p of periods) {
    taakstelling += p.taakstelling;
    swapsNet += p.swapsNet;
    carriedIn += p.carriedIn;
    corrected += p.corrected;
    realised += p.realised;
    carriedOut += p.carriedOut;
    if (p.carriedOut > 0) backlog += p.carriedOut;
    else advance -= p.carriedOut;
    const month = p.months.filter((m) => m.ended).at(-1);
    if (month && month.pace !== 'op schema') behind++;
    if (month?.excused) excused++;
  }
  const n = periods.length;
  return {
    period: label,
    municipalities: n,
    taakstelling,
    swapsNet,
    carriedIn,
    corrected,
    realised,
    carriedOut,
    backlog,
    advance,
    behind,
    excused,
    shareBehind: n > 0 ? Rational.of(BigInt(behind), BigInt(n)) : null,
    bareTaskMet: realised >= taakstelling,
    backlogCaughtUp: carriedIn > 0 ? Rational.of(BigInt(carriedIn - carriedOut), BigInt(carriedIn)) : null,
  };
}
