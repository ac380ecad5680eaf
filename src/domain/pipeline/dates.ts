/**
 * Dates, months and half-years as the pipeline uses them: ISO dates ('YYYY-MM-DD') and months ('YYYY-MM') sort as
 * text in calendar order. The ledger's half-year notation ('2022-II') and its functions are reused, with the
 * pipeline's error type, so the API answers one family of codes for pipeline input.
 */
import { dayNumber, fromDayNumber } from '../reception/dates.ts';
import { LedgerError } from '../ledger/errors.ts';
import { checkDate as ledgerCheckDate, checkMonth as ledgerCheckMonth, nextPeriod, period, periodOf as ledgerPeriodOf, periodOrdinal } from '../ledger/periods.ts';
import { PipelineError } from './errors.ts';

export { dayNumber, fromDayNumber };

function asPipelineError<T>(code: 'datum-ongeldig' | 'maand-ongeldig' | 'periode-ongeldig', field: string, f: () => T): T {
  try {
    return f();
  } catch (e) {
    if (e instanceof LedgerError) throw new PipelineError(code, e.message, { field });
    throw e;
  }
}

/** A real calendar date in ISO form. `checkDate('2023-02-29')` throws 'datum-ongeldig'. */
export function checkDate(text: string, field = 'date'): string {
  return asPipelineError('datum-ongeldig', field, () => ledgerCheckDate(text, field));
}

/** `checkMonth('2022-13')` throws 'maand-ongeldig'. */
export function checkMonth(text: string, field = 'month'): string {
  return asPipelineError('maand-ongeldig', field, () => ledgerCheckMonth(text, field));
}

/** A half-year label, normalised. `checkPeriod('2022-II')` → '2022-II'; '2022-III' throws 'periode-ongeldig'. */
export function checkPeriod(label: string, field = 'period'): string {
  return asPipelineError('periode-ongeldig', field, () => period(label, field).label);
}

/** The half-year of a date: `periodOfDate('2022-07-01')` → '2022-II' */
export function periodOfDate(date: string, field = 'date'): string {
  checkDate(date, field);
  return ledgerPeriodOf(date);
}

/** The half-years from `from` to `to`, both included. `periodsBetween('2022-II', '2023-II')` → ['2022-II', '2023-I', '2023-II'] */
export function periodsBetween(from: string, to: string, limit = 200): string[] {
  const first = checkPeriod(from, 'fromPeriod');
  const last = checkPeriod(to, 'toPeriod');
  const n = periodOrdinal(last) - periodOrdinal(first) + 1;
  if (n < 1) throw new PipelineError('periode-ongeldig', `Het halfjaar ${last} ligt vóór ${first}.`, { field: 'toPeriod' });
  if (n > limit) throw new PipelineError('periode-ongeldig', `Van ${first} tot en met ${last} is meer dan ${limit} halfjaren.`, { field: 'toPeriod' });
  const out = [first];
  while (out.length < n) out.push(nextPeriod(out[out.length - 1]!));
  return out;
}

/** `nextMonth('2022-12')` → '2023-01' */
export function nextMonth(month: string): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return m === 12 ? `${String(y + 1).padStart(4, '0')}-01` : `${String(y).padStart(4, '0')}-${String(m + 1).padStart(2, '0')}`;
}

/** The months from `from` to `to`, both included. `monthsBetween('2022-11', '2023-01')` → ['2022-11', '2022-12', '2023-01'] */
export function monthsBetween(from: string, to: string, limit = 1200): string[] {
  const first = checkMonth(from, 'fromMonth');
  const last = checkMonth(to, 'toMonth');
  if (last < first) throw new PipelineError('maand-ongeldig', `De maand ${last} ligt vóór ${first}.`, { field: 'toMonth' });
  const out = [first];
  while (out[out.length - 1] !== last) {
    if (out.length >= limit) throw new PipelineError('maand-ongeldig', `Van ${first} tot en met ${last} is meer dan ${limit} maanden.`, { field: 'toMonth' });
    out.push(nextMonth(out[out.length - 1]!));
  }
  return out;
}

/** Whole days from `from` to `to` (negative when `to` is earlier). `daysBetween('2023-03-01', '2023-05-01')` → 61 */
export function daysBetween(from: string, to: string): number {
  return dayNumber(to) - dayNumber(from);
}

/** 1970-01-01 was a Thursday, so Mondays are the day numbers ≡ 4 (mod 7). `isMonday('2022-07-04')` → true */
export function isMonday(date: string): boolean {
  return (((dayNumber(checkDate(date)) - 4) % 7) + 7) % 7 === 0;
}
