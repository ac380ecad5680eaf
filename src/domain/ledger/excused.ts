/**
 * Excused periods (vrijstelling): for a date range with a reason (e.g. COA could not supply permit holders) a
 * municipality's months show `vrijgesteld` and its supervision step is frozen. Realisation still counts and the
 * backlog still carries over: an excuse pauses supervision, it does not write off the task.
 */
import { LedgerError } from './errors.ts';
import { checkDate, lastDayOfMonth } from './periods.ts';

export interface ExcusedPeriod {
  /** First day, inclusive. */
  readonly from: string;
  /** Last day, inclusive. */
  readonly to: string;
  /** Dutch reason shown with the months, e.g. 'COA kon geen vergunninghouders koppelen'. */
  readonly reason: string;
}

/**
 * Refuses (in Dutch) a range with a bad date, an end before its start, or no reason.
 * `checkExcused([{ from: '2022-07-01', to: '2022-09-30', reason: 'COA kon niet leveren' }])` → the same list
 */
export function checkExcused(list: readonly ExcusedPeriod[]): readonly ExcusedPeriod[] {
  list.forEach((e, i) => {
    const field = `excused[${String(i)}]`;
    checkDate(e.from, `${field}.from`);
    checkDate(e.to, `${field}.to`);
    if (e.to < e.from) {
      throw new LedgerError('vrijstelling-ongeldig', `Vrijstelling ${String(i + 1)}: de einddatum ${e.to} ligt voor de begindatum ${e.from}.`, { field });
    }
    if (typeof e.reason !== 'string' || e.reason.trim() === '') {
      throw new LedgerError('vrijstelling-ongeldig', `Vrijstelling ${String(i + 1)}: geef een reden op.`, { field: `${field}.reason` });
    }
  });
  return list;
}

/** The excuse covering a date, if any. `excusedOn([{ from: '2022-07-01', to: '2022-09-30', reason: 'x' }], '2022-08-01')?.reason` → 'x' */
export function excusedOn(list: readonly ExcusedPeriod[], date: string): ExcusedPeriod | null {
  return list.find((e) => e.from <= date && date <= e.to) ?? null;
}

/**
 * The excuse touching a month, if any. A month counts as excused when any of its days is: COA supplies in batches,
 * and a municipality that could not house for part of a month cannot be expected to keep the month's pace.
 * `excusedInMonth([{ from: '2022-08-20', to: '2022-09-05', reason: 'x' }], '2022-09')?.reason` → 'x'
 */
export function excusedInMonth(list: readonly ExcusedPeriod[], month: string): ExcusedPeriod | null {
  const first = `${month}-01`;
  const last = lastDayOfMonth(month);
  return list.find((e) => e.from <= last && first <= e.to) ?? null;
}
