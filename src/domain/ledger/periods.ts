/**
 * Half-years (`2022-I` = January–June, `2022-II` = July–December) and their months, as the ledger counts them.
 * Dates are ISO strings ('YYYY-MM-DD'), months 'YYYY-MM'; both sort as text in calendar order.
 */
import { DistributionError } from '../distribution/errors.ts';
import { parseHalfYear, type HalfYear } from '../distribution/housing-quota.ts';
import { LedgerError } from './errors.ts';

export type { HalfYear };

/** Month index within a half-year: after k months, k/6 of the corrected taakstelling is due. */
export type MonthIndex = 1 | 2 | 3 | 4 | 5 | 6;

/**
 * `parseHalfYear` with the ledger's error type, so the API answers one family of codes for ledger input.
 * `period('2022-II').firstDay` → '2022-07-01'
 */
export function period(label: string, field = 'period'): HalfYear {
  try {
    return parseHalfYear(label);
  } catch (e) {
    if (e instanceof DistributionError) throw new LedgerError('periode-ongeldig', e.message, { field });
    throw e;
  }
}

/** Position on one line of half-years, so that consecutive periods differ by exactly 1. `periodOrdinal('2022-II')` → 4045 */
export function periodOrdinal(label: string): number {
  const p = period(label);
  return p.year * 2 + (p.half - 1);
}

function fromOrdinal(n: number): string {
  const year = Math.floor(n / 2);
  return period(`${String(year)}-${n % 2 === 0 ? 'I' : 'II'}`).label;
}

/** `nextPeriod('2022-II')` → '2023-I' */
export function nextPeriod(label: string): string {
  return fromOrdinal(periodOrdinal(label) + 1);
}

/** `previousPeriod('2023-I')` → '2022-II' */
export function previousPeriod(label: string): string {
  return fromOrdinal(periodOrdinal(label) - 1);
}

/** Sort order of half-years: `['2023-I', '2022-II'].sort(comparePeriods)` → ['2022-II', '2023-I'] */
export function comparePeriods(a: string, b: string): number {
  return periodOrdinal(a) - periodOrdinal(b);
}

/** `periodMonths('2022-II')` → ['2022-07', '2022-08', '2022-09', '2022-10', '2022-11', '2022-12'] */
export function periodMonths(label: string): string[] {
  const p = period(label);
  const first = p.half === 1 ? 1 : 7;
  return [0, 1, 2, 3, 4, 5].map((i) => `${String(p.year)}-${String(first + i).padStart(2, '0')}`);
}

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const MONTH = /^(\d{4})-(\d{2})$/;

/**
 * Checks that a text is a real calendar date ('2022-02-30' is not) and returns it.
 * `checkDate('2022-03-24')` → '2022-03-24'
 */
export function checkDate(text: string, field = 'date'): string {
  const m = DATE.exec(typeof text === 'string' ? text : '');
  if (m) {
    const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
    // Date.UTC rolls an impossible day over into the next month; comparing back catches that.
    const t = new Date(Date.UTC(y, mo - 1, d));
    if (t.getUTCFullYear() === y && t.getUTCMonth() === mo - 1 && t.getUTCDate() === d) return text;
  }
  throw new LedgerError('datum-ongeldig', `'${String(text)}' is geen geldige datum; schrijf bijvoorbeeld 2022-03-24.`, { field });
}

/** Checks a month 'YYYY-MM'. `checkMonth('2022-07')` → '2022-07' */
export function checkMonth(text: string, field = 'month'): string {
  const m = MONTH.exec(typeof text === 'string' ? text : '');
  const month = m ? Number(m[2]) : 0;
  if (!m || month < 1 || month > 12) {
    throw new LedgerError('maand-ongeldig', `'${String(text)}' is geen geldige maand; schrijf bijvoorbeeld 2022-07.`, { field });
  }
  return text;
}

/** `lastDayOfMonth('2024-02')` → '2024-02-29' */
export function lastDayOfMonth(month: string): string {
  checkMonth(month);
  const [y, m] = month.split('-').map(Number) as [number, number];
  const t = new Date(Date.UTC(y, m, 0));
  return `${month}-${String(t.getUTCDate()).padStart(2, '0')}`;
}

/** `dayBefore('2022-01-01')` → '2021-12-31' */
export function dayBefore(date: string): string {
  checkDate(date);
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d - 1)).toISOString().slice(0, 10);
}

/** The half-year a date or month falls in. `periodOf('2022-03-24')` → '2022-I'; `periodOf('2022-07')` → '2022-II' */
export function periodOf(dateOrMonth: string): string {
  const month = dateOrMonth.length === 7 ? checkMonth(dateOrMonth) : checkDate(dateOrMonth).slice(0, 7);
  const [y, m] = month.split('-').map(Number) as [number, number];
  return period(`${String(y)}-${m <= 6 ? 'I' : 'II'}`).label;
}

/**
 * Where a date or month sits in its half-year: k = 1 for January and July, 6 for June and December.
 * `monthIndex('2022-09-15')` → { period: '2022-II', month: '2022-09', index: 3 }
 */
export function monthIndex(dateOrMonth: string): { period: string; month: string; index: MonthIndex } {
  const label = periodOf(dateOrMonth);
  const month = dateOrMonth.slice(0, 7);
  const m = Number(month.slice(5, 7));
  return { period: label, month, index: (((m - 1) % 6) + 1) as MonthIndex };
}

/**
 * How many whole months of a half-year have ended on a date: 0 before the end of its first month, 6 on or after
 * its last day. `monthsEnded('2022-II', '2022-09-30')` → 3; `monthsEnded('2022-II', '2022-09-29')` → 2
 */
export function monthsEnded(label: string, asOf: string): number {
  checkDate(asOf, 'asOf');
  return periodMonths(label).filter((m) => lastDayOfMonth(m) <= asOf).length;
}
