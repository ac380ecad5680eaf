/**
 * Calendar days as ISO strings ('YYYY-MM-DD'), which sort as dates. Day arithmetic goes through UTC day numbers so
 * that no time zone or daylight-saving change can shift a day.
 */
import { ReceptionError } from './errors.ts';

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const MS_PER_DAY = 86_400_000;

/**
 * Checks that a text is a real calendar date in ISO form ('2022-02-30' is not) and returns it.
 * `checkIsoDate('2022-07-08')` → '2022-07-08'
 */
export function checkIsoDate(text: unknown, field = 'date'): string {
  const m = DATE.exec(typeof text === 'string' ? text : '');
  if (m) {
    const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
    // Date.UTC rolls an impossible day over into the next month; comparing back catches that.
    const t = new Date(Date.UTC(y, mo - 1, d));
    if (t.getUTCFullYear() === y && t.getUTCMonth() === mo - 1 && t.getUTCDate() === d) return text as string;
  }
  throw new ReceptionError('datum-ongeldig', `'${String(text)}' is geen geldige datum; schrijf bijvoorbeeld 2022-07-08.`, { field });
}

/** Days since 1970-01-01 of a checked ISO date. `dayNumber('1970-01-02')` → 1 */
export function dayNumber(date: string): number {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return Date.UTC(y, m - 1, d) / MS_PER_DAY;
}

/** The ISO date of a day number. `fromDayNumber(1)` → '1970-01-02' */
export function fromDayNumber(n: number): string {
  return new Date(n * MS_PER_DAY).toISOString().slice(0, 10);
}

/** `addDays('2022-06-30', 8)` → '2022-07-08'; negative counts go back. */
export function addDays(date: string, days: number): string {
  return fromDayNumber(dayNumber(date) + days);
}

/** Whole days from `from` to `to` (negative when `to` is earlier). `daysBetween('2022-07-01', '2022-07-08')` → 7 */
export function daysBetween(from: string, to: string): number {
  return dayNumber(to) - dayNumber(from);
}

/** Every day from `from` to `to`, both included; empty when `to` is before `from`. */
export function eachDay(from: string, to: string): string[] {
  const out: string[] = [];
  for (let n = dayNumber(from), end = dayNumber(to); n <= end; n++) out.push(fromDayNumber(n));
  return out;
}
