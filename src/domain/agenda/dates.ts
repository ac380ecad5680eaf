/**
 * Calendar arithmetic on ISO strings ('YYYY-MM-DD' dates, 'YYYY-MM' months). Deadlines are calendar days in the
 * Netherlands, so there is no time of day and no time zone here: adapters turn "now" into a Dutch date first and
 * hand it in. Both forms sort as text in calendar order, which the rules use for comparisons.
 */
import { AgendaError } from './errors.ts';

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const MONTH = /^(\d{4})-(\d{2})$/;
const DAY_MS = 86_400_000;

function utc(date: string): number {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return Date.UTC(y, m - 1, d);
}

function iso(t: number): string {
  return new Date(t).toISOString().slice(0, 10);
}

/** True for a real calendar date ('2022-02-30' is not). `isDate('2024-02-29')` → true */
export function isDate(text: unknown): text is string {
  const m = DATE.exec(typeof text === 'string' ? text : '');
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  // Date.UTC rolls an impossible day over into the next month; comparing back catches that.
  const t = new Date(Date.UTC(y, mo - 1, d));
  return t.getUTCFullYear() === y && t.getUTCMonth() === mo - 1 && t.getUTCDate() === d;
}

/** Checks a date and returns it. `checkDate('2022-08-15', 'deadline')` → '2022-08-15'; '2022-02-30' throws. */
export function checkDate(text: string, field = 'date'): string {
  if (isDate(text)) return text;
  throw new AgendaError('datum-ongeldig', `${field}: '${String(text)}' is geen geldige datum; schrijf bijvoorbeeld 2022-08-15.`, { field });
}

/** Checks a month 'YYYY-MM' and returns it. `checkMonth('2022-07')` → '2022-07' */
export function checkMonth(text: string, field = 'month'): string {
  const m = MONTH.exec(typeof text === 'string' ? text : '');
  const month = m ? Number(m[2]) : 0;
  if (!m || month < 1 || month > 12) {
    throw new AgendaError('maand-ongeldig', `${field}: '${String(text)}' is geen geldige maand; schrijf bijvoorbeeld 2022-07.`, { field });
  }
  return text;
}

/** `addDays('2022-07-31', 1)` → '2022-08-01'; `addDays('2022-03-01', -1)` → '2022-02-28' */
export function addDays(date: string, days: number): string {
  checkDate(date);
  if (!Number.isSafeInteger(days)) throw new AgendaError('getal-ongeldig', `Een aantal dagen moet een geheel getal zijn (niet ${String(days)}).`, { field: 'days' });
  return iso(utc(date) + days * DAY_MS);
}

/** Days from `from` to `to`, negative when `to` is earlier. `daysBetween('2022-07-31', '2022-08-14')` → 14 */
export function daysBetween(from: string, to: string): number {
  checkDate(from, 'from');
  checkDate(to, 'to');
  // Both are UTC midnights, so the difference is a whole number of days (no daylight saving in UTC).
  return (utc(to) - utc(from)) / DAY_MS;
}

/** ISO weekday: 1 = Monday … 7 = Sunday. `isoWeekday('2022-08-01')` → 1 */
export function isoWeekday(date: string): number {
  checkDate(date);
  const d = new Date(utc(date)).getUTCDay();
  return d === 0 ? 7 : d;
}

/** `nextMonth('2022-12')` → '2023-01' */
export function nextMonth(month: string): string {
  checkMonth(month);
  const [y, m] = month.split('-').map(Number) as [number, number];
  return m === 12 ? `${String(y + 1).padStart(4, '0')}-01` : `${month.slice(0, 4)}-${String(m + 1).padStart(2, '0')}`;
}

/** `daysInMonth('2024-02')` → 29 */
export function daysInMonth(month: string): number {
  checkMonth(month);
  const [y, m] = month.split('-').map(Number) as [number, number];
  return new Date(Date.UTC(y, m, 0)).getUTCDate();
}
