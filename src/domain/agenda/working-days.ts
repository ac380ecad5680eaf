/**
 * Working days in the Netherlands, for report deadlines such as "the 5th working day of the next month".
 *
 * Which days are not working days follows the Algemene termijnenwet (art. 1 and 3), the law that also moves
 * statutory deadlines off weekends and holidays: Saturdays, Sundays and the "algemeen erkende feestdagen" it lists:
 * Nieuwjaarsdag, Tweede Paasdag, Hemelvaartsdag, Tweede Pinksterdag, Eerste en Tweede Kerstdag, the day the King's
 * birthday is celebrated (Koningsdag) and 5 May (Bevrijdingsdag, every year under this law, unlike many collective
 * labour agreements that free it once in five years). Eerste Paasdag and Eerste Pinksterdag are listed too for a
 * complete holiday calendar; they are Sundays anyway. Goede Vrijdag is NOT a holiday under this law (most
 * government offices work), so it counts as a working day.
 *
 * Koningsdag is 27 April, or 26 April when the 27th is a Sunday (Wet vaststelling Koningsdag, from 2014). From 1980
 * to 2013 it was Koninginnedag on 30 April, or 29 April when that was a Sunday. Years before 1980 are refused rather
 * than guessed.
 */
import { addDays, checkDate, checkMonth, daysInMonth, isoWeekday, nextMonth } from './dates.ts';
import { AgendaError } from './errors.ts';

export interface Holiday {
  readonly date: string;
  /** Dutch name, e.g. 'Tweede Paasdag'. */
  readonly name: string;
}

const FIRST_YEAR = 1980;
const LAST_YEAR = 9999;
const MONTH_NAMES = ['januari', 'februari', 'maart', 'april', 'mei', 'juni', 'juli', 'augustus', 'september', 'oktober', 'november', 'december'];

/** The working day of the next month a monthly report is due on, unless configured otherwise. */
export const DEFAULT_REPORT_WORKING_DAY = 5;

function checkYear(year: number): number {
  if (!Number.isInteger(year) || year < FIRST_YEAR || year > LAST_YEAR) {
    throw new AgendaError('jaar-ongeldig', `year: kies een jaar van ${FIRST_YEAR} tot en met ${LAST_YEAR} (niet ${String(year)}).`, { field: 'year' });
  }
  return year;
}

function ymd(year: number, month: number, day: number): string {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/**
 * Easter Sunday in the Gregorian calendar, by the anonymous algorithm (Meeus/Jones/Butcher), in integer arithmetic.
 * `easterSunday(2022)` → '2022-04-17'; `easterSunday(2024)` → '2024-03-31'
 */
export function easterSunday(year: number): string {
  checkYear(year);
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return ymd(year, month, day);
}

function kingsDay(year: number): Holiday {
  if (year >= 2014) {
    const d27 = ymd(year, 4, 27);
    return { date: isoWeekday(d27) === 7 ? ymd(year, 4, 26) : d27, name: 'Koningsdag' };
  }
  const d30 = ymd(year, 4, 30);
  return { date: isoWeekday(d30) === 7 ? ymd(year, 4, 29) : d30, name: 'Koninginnedag' };
}

const cache = new Map<number, readonly Holiday[]>();

/**
 * The holidays of the Algemene termijnenwet in a year, in date order. Two holidays can share a day (Hemelvaartsdag
 * was 5 May in 2016); both are listed.
 * `dutchHolidays(2022)[0]` → { date: '2022-01-01', name: 'Nieuwjaarsdag' }
 */
export function dutchHolidays(year: number): readonly Holiday[] {
  checkYear(year);
  const known = cache.get(year);
  if (known) return known;
  const easter = easterSunday(year);
  const list: Holiday[] = [
    { date: ymd(year, 1, 1), name: 'Nieuwjaarsdag' },
    { date: easter, name: 'Eerste Paasdag' },
    { date: addDays(easter, 1), name: 'Tweede Paasdag' },
    kingsDay(year),
    { date: ymd(year, 5, 5), name: 'Bevrijdingsdag' },
    { date: addDays(easter, 39), name: 'Hemelvaartsdag' },
    { date: addDays(easter, 49), name: 'Eerste Pinksterdag' },
    { date: addDays(easter, 50), name: 'Tweede Pinksterdag' },
    { date: ymd(year, 12, 25), name: 'Eerste Kerstdag' },
    { date: ymd(year, 12, 26), name: 'Tweede Kerstdag' },
  ];
  // Stable sort keeps the order above for two holidays on one day.
  const sorted = Object.freeze(list.sort((x, y) => (x.date < y.date ? -1 : x.date > y.date ? 1 : 0)).map((h) => Object.freeze(h)));
  cache.set(year, sorted);
  return sorted;
}

/** The holidays on a date (usually none). `holidaysOn('2016-05-05')` → Bevrijdingsdag and Hemelvaartsdag */
export function holidaysOn(date: string): Holiday[] {
  checkDate(date);
  return dutchHolidays(Number(date.slice(0, 4))).filter((h) => h.date === date);
}

/**
 * Monday to Friday and not a holiday of the Algemene termijnenwet.
 * `isWorkingDay('2022-05-05')` → false (Bevrijdingsdag); `isWorkingDay('2023-04-07')` → true (Goede Vrijdag)
 */
export function isWorkingDay(date: string): boolean {
  checkDate(date);
  return isoWeekday(date) <= 5 && holidaysOn(date).length === 0;
}

/** The working days of a month, in order. `workingDaysIn('2022-08').length` → 23 */
export function workingDaysIn(month: string): string[] {
  checkMonth(month);
  const out: string[] = [];
  for (let d = 1; d <= daysInMonth(month); d++) {
    const date = `${month}-${String(d).padStart(2, '0')}`;
    if (isWorkingDay(date)) out.push(date);
  }
  return out;
}

function monthName(month: string): string {
  return `${MONTH_NAMES[Number(month.slice(5, 7)) - 1] ?? month} ${month.slice(0, 4)}`;
}

/**
 * The n-th working day of a month (n from 1). Asking for more working days than the month has is an error rather
 * than a day in the next month, so a misconfigured deadline shows up at once.
 * `nthWorkingDay('2023-01', 5)` → '2023-01-06' (1 January is a Sunday, so the 2nd is the first working day)
 */
export function nthWorkingDay(month: string, n: number, field = 'workingDay'): string {
  checkMonth(month);
  if (!Number.isInteger(n) || n < 1) {
    throw new AgendaError('werkdag-ongeldig', `${field}: de hoeveelste werkdag moet een geheel getal van 1 of meer zijn (niet ${String(n)}).`, { field });
  }
  const days = workingDaysIn(month);
  const day = days[n - 1];
  if (day === undefined) {
    throw new AgendaError('werkdag-ongeldig', `${field}: ${monthName(month)} heeft ${days.length} werkdagen; werkdag ${n} bestaat niet.`, { field });
  }
  return day;
}

/**
 * The deadline of the monthly report for `month`: the n-th working day of the NEXT month (default the 5th).
 * `reportDeadline('2022-07')` → '2022-08-05'; `reportDeadline('2022-04')` → '2022-05-09' (5 May is Bevrijdingsdag)
 */
export function reportDeadline(month: string, options: { readonly workingDay?: number } = {}): string {
  checkMonth(month);
  return nthWorkingDay(nextMonth(month), options.workingDay ?? DEFAULT_REPORT_WORKING_DAY);
}

/**
 * Moves `n` working days from a date: forward for n > 0, back for n < 0; n = 0 gives the date itself. For reminders
 * before a report deadline, e.g. two working days before it.
 * `addWorkingDays('2022-05-09', -2)` → '2022-05-04' (skips the weekend and Bevrijdingsdag)
 */
export function addWorkingDays(date: string, n: number): string {
  checkDate(date);
  if (!Number.isInteger(n) || Math.abs(n) > 3650) {
    throw new AgendaError('werkdag-ongeldig', `n: het aantal werkdagen moet een geheel getal tussen -3650 en 3650 zijn (niet ${String(n)}).`, { field: 'n' });
  }
  const step = n < 0 ? -1 : 1;
  let d = date;
  for (let left = Math.abs(n); left > 0; ) {
    d = addDays(d, step);
    if (isWorkingDay(d)) left--;
  }
  return d;
}
