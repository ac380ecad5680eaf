/**
 * Norm breaches of a reception location: a norm is a maximum occupancy (Ter Apel: 2,000) in force over a range of
 * days; a day is a breach day when its known occupancy is strictly over the norm in force that day (2,000 at a norm
 * of 2,000 is not a breach).
 *
 * Gaps: occupancy comes per day and days may be missing. A missing day is unknown, not zero: it is never a breach
 * day, never counted, and it breaks nothing: a streak of breach days continues across it when the known days on both
 * sides are breach days (a weekend without figures does not end Ter Apel's overcrowding). A streak ends only at a
 * known day that is not a breach day, including a known day without any norm in force. Pure: no I/O.
 */
import { checkIsoDate, daysBetween } from './dates.ts';
import { ReceptionError } from './errors.ts';

/** Occupancy per day: ISO date → persons. A Map or a plain object. */
export type DailySeries = ReadonlyMap<string, number> | Readonly<Record<string, number>>;

export interface OccupancyDay {
  date: string;
  occupancy: number;
}

/** A maximum in force from `from` to `to` (both included; `to` null while in force). */
export interface NormPeriod {
  from: string;
  to: string | null;
  max: number;
}

export interface BreachDay {
  date: string;
  occupancy: number;
  norm: number;
  /** Persons over the norm: occupancy − norm, at least 1. */
  excess: number;
}

/** A run of breach days with no known non-breach day in between (see the gap rule above). */
export interface Streak {
  from: string;
  to: string;
  /** Breach days in the run (known days only). */
  breachDays: number;
  /** Calendar days from `from` to `to`, both included; more than `breachDays` when the run spans gaps. */
  calendarDays: number;
  /** Highest occupancy in the run. */
  peak: number;
}

/** Days a new run of breach days began: the alert for the roles that follow the location. */
export interface BreachAlert {
  locationCode: string;
  /** The day the alert is about: the first day of the run, so the same as `streakStart`. */
  date: string;
  occupancy: number;
  norm: number;
  streakStart: string;
}

/**
 * Checks a daily series and returns it in date order. Dates must be ISO dates and occupancy whole and ≥ 0.
 * `checkSeries({ '2022-07-08': 2193, '2022-07-07': 2150 })` → `[{ date: '2022-07-07', occupancy: 2150 }, …]`
 */
export function checkSeries(series: DailySeries, field = 'series'): OccupancyDay[] {
  const entries: [string, number][] = series instanceof Map ? [...series.entries()] : Object.entries(series as Record<string, number>);
  const out = entries.map(([date, occupancy]) => {
    checkIsoDate(date, `${field}.${String(date)}`);
    if (!Number.isSafeInteger(occupancy) || occupancy < 0) {
      throw new ReceptionError('bezetting-ongeldig', `De bezetting op ${date} moet een geheel aantal van 0 of meer zijn (niet ${String(occupancy)}).`, {
        field: `${field}.${date}`,
      });
    }
    return { date, occupancy };
  });
  return out.sort((a, b) => (a.date < b.date ? -1 : 1));
}

/**
 * Checks norm periods: ISO dates, `to` not before `from`, a whole maximum ≥ 1, and no two periods covering one day
 * (which maximum would hold?). Returns them in date order.
 * `checkNorms([{ from: '2022-01-01', to: null, max: 2000 }])`
 */
export function checkNorms(norms: readonly NormPeriod[], field = 'norms'): NormPeriod[] {
  const checked = norms.map((n, i) => {
    const from = checkIsoDate(n?.from, `${field}[${i}].from`);
    const to = n.to === null || n.to === undefined ? null : checkIsoDate(n.to, `${field}[${i}].to`);
    if (to !== null && to < from) throw new ReceptionError('periode-ongeldig', `De norm van ${from} t/m ${to} eindigt voor ze begint.`, { field: `${field}[${i}].to` });
    if (!Number.isSafeInteger(n.max) || n.max < 1) {
      throw new ReceptionError('norm-ongeldig', `De norm moet een geheel aantal van 1 of meer zijn (niet ${String(n.max)}).`, { field: `${field}[${i}].max` });
    }
    return { from, to, max: n.max };
  });
  checked.sort((a, b) => (a.from < b.from ? -1 : a.from > b.from ? 1 : 0));
  for (let i = 1; i < checked.length; i++) {
    const [a, b] = [checked[i - 1]!, checked[i]!];
    if (a.to === null || a.to >= b.from) {
      throw new ReceptionError('normen-overlappen', `De norm vanaf ${a.from} (${a.max}) en die vanaf ${b.from} (${b.max}) gelden allebei op ${b.from}.`, { field });
    }
  }
  return checked;
}

/** The maximum in force on a day, or null. `normOn([{ from: '2022-01-01', to: null, max: 2000 }], '2022-07-08')` → 2000 */
export function normOn(norms: readonly NormPeriod[], date: string): number | null {
  for (const n of norms) if (n.from <= date && (n.to === null || date <= n.to)) return n.max;
  return null;
}

interface KnownDay {
  date: string;
  occupancy: number;
  norm: number | null;
  breach: boolean;
}

/** Known days in date order with the norm in force, checked once; the base of everything below. */
function annotate(series: DailySeries, norms: readonly NormPeriod[]): KnownDay[] {
  const checkedNorms = checkNorms(norms);
  return checkSeries(series).map((d) => {
    const norm = normOn(checkedNorms, d.date);
    return { ...d, norm, breach: norm !== null && d.occupancy > norm };
  });
}

function streaksOf(days: readonly KnownDay[]): Streak[] {
  const out: Streak[] = [];
  let current: Streak | null = null;
  for (const d of days) {
    if (!d.breach) {
      current = null;
      continue;
    }
    if (current === null) {
      current = { from: d.date, to: d.date, breachDays: 0, calendarDays: 0, peak: d.occupancy };
      out.push(current);
    }
    current.to = d.date;
    current.breachDays++;
    current.calendarDays = daysBetween(current.from, d.date) + 1;
    current.peak = Math.max(current.peak, d.occupancy);
  }
  return out;
}

function currentOf(days: readonly KnownDay[], streaks: readonly Streak[]): Streak | null {
  return days[days.length - 1]?.breach ? streaks[streaks.length - 1]! : null;
}

function longestOf(streaks: readonly Streak[]): Streak | null {
  let best: Streak | null = null;
  for (const s of streaks) if (best === null || s.breachDays > best.breachDays) best = s;
  return best;
}

/**
 * Every breach day in date order.
 * `breachDays({ '2022-07-07': 2000, '2022-07-08': 2193 }, [{ from: '2022-01-01', to: null, max: 2000 }])`
 * → `[{ date: '2022-07-08', occupancy: 2193, norm: 2000, excess: 193 }]`
 */
export function breachDays(series: DailySeries, norms: readonly NormPeriod[]): BreachDay[] {
  return annotate(series, norms)
    .filter((d) => d.breach)
    .map((d) => ({ date: d.date, occupancy: d.occupancy, norm: d.norm!, excess: d.occupancy - d.norm! }));
}

/**
 * All runs of breach days in date order. A run continues across missing days and ends at a known day that is not a
 * breach day. `breachStreaks({ '2022-07-06': 2100, '2022-07-08': 2193 }, norms)` → one run of 2 breach days over 3 days
 */
export function breachStreaks(series: DailySeries, norms: readonly NormPeriod[]): Streak[] {
  return streaksOf(annotate(series, norms));
}

/** The run that ends at the last known day, or null when that day is no breach day (or there is no data). */
export function currentStreak(series: DailySeries, norms: readonly NormPeriod[]): Streak | null {
  const days = annotate(series, norms);
  return currentOf(days, streaksOf(days));
}

/** The run with the most breach days; of equal runs the earliest. Null without breach days. */
export function longestStreak(series: DailySeries, norms: readonly NormPeriod[]): Streak | null {
  return longestOf(breachStreaks(series, norms));
}

export type CountPeriod = 'maand' | 'kwartaal' | 'halfjaar' | 'jaar';

export interface PeriodCount {
  /** '2022-07' (maand), '2022-K3' (kwartaal), '2022-II' (halfjaar, as in the ledger) or '2022' (jaar). */
  period: string;
  /** Days with a known occupancy. */
  knownDays: number;
  /** Known days with a norm in force. */
  normDays: number;
  breachDays: number;
}

/** The label of the period a date falls in. `periodLabel('2022-07-08', 'kwartaal')` → '2022-K3' */
export function periodLabel(date: string, per: CountPeriod): string {
  const year = date.slice(0, 4);
  const month = Number(date.slice(5, 7));
  switch (per) {
    case 'maand':
      return date.slice(0, 7);
    case 'kwartaal':
      return `${year}-K${Math.ceil(month / 3)}`;
    case 'halfjaar':
      return `${year}-${month <= 6 ? 'I' : 'II'}`;
    case 'jaar':
      return year;
  }
}

/**
 * Days over the norm per period, for periods with at least one known day, in date order.
 * `breachCountsPerPeriod(series, norms, 'maand')` → `[{ period: '2022-04', knownDays: 30, normDays: 30, breachDays: 2 }, …]`
 */
export function breachCountsPerPeriod(series: DailySeries, norms: readonly NormPeriod[], per: CountPeriod = 'maand'): PeriodCount[] {
  if (!['maand', 'kwartaal', 'halfjaar', 'jaar'].includes(per)) {
    throw new ReceptionError('parameter-ongeldig', `'${String(per)}' is geen periode; kies maand, kwartaal, halfjaar of jaar.`, { field: 'per' });
  }
  const out: PeriodCount[] = [];
  for (const d of annotate(series, norms)) {
    const period = periodLabel(d.date, per);
    let row = out[out.length - 1];
    if (row?.period !== period) out.push((row = { period, knownDays: 0, normDays: 0, breachDays: 0 }));
    row.knownDays++;
    if (d.norm !== null) row.normDays++;
    if (d.breach) row.breachDays++;
  }
  return out;
}

/** A penalty per breach day, in euro cents, counted from `from` (and up to `to`, both included, when given). */
export interface PenaltyRule {
  amountCents: number;
  from: string;
  to?: string | null;
}

export interface PenaltyCount {
  /** Breach days counted. */
  days: number;
  amountCents: number;
  /** days × amountCents, exact. */
  totalCents: number;
  from: string;
  to: string | null;
}

/**
 * The penalty counter: breach days from the rule's start times the amount per day, in whole cents (no floats).
 * `penaltyCounter(series, norms, { amountCents: 15_000_00, from: '2022-07-01' })` → `{ days: 8, totalCents: 120_000_00, … }`
 */
export function penaltyCounter(series: DailySeries, norms: readonly NormPeriod[], rule: PenaltyRule): PenaltyCount {
  const from = checkIsoDate(rule.from, 'penalty.from');
  const to = rule.to === null || rule.to === undefined ? null : checkIsoDate(rule.to, 'penalty.to');
  if (to !== null && to < from) throw new ReceptionError('periode-ongeldig', `De boeteperiode ${from} t/m ${to} eindigt voor ze begint.`, { field: 'penalty.to' });
  if (!Number.isSafeInteger(rule.amountCents) || rule.amountCents < 0) {
    throw new ReceptionError('boete-ongeldig', `Het boetebedrag per dag moet een geheel aantal eurocent van 0 of meer zijn (niet ${String(rule.amountCents)}).`, {
      field: 'penalty.amountCents',
    });
  }
  const days = breachDays(series, norms).filter((d) => d.date >= from && (to === null || d.date <= to)).length;
  const totalCents = days * rule.amountCents;
  // Beyond 2^53 a product of two numbers is no longer exact; refuse rather than show a rounded amount.
  if (!Number.isSafeInteger(totalCents)) {
    throw new ReceptionError('boete-te-groot', `${days} dagen × ${rule.amountCents} cent is te groot om exact te tellen.`, { field: 'penalty.amountCents' });
  }
  return { days, amountCents: rule.amountCents, totalCents, from, to };
}

/**
 * One alert per run of breach days, on its first day. With `after` (the last day already handled, e.g. by
 * yesterday's job) only runs that begin later are returned, so the same breach never alerts twice.
 * `newBreachAlerts('TERAPEL', series, norms, { after: '2022-07-07' })`
 */
export function newBreachAlerts(locationCode: string, series: DailySeries, norms: readonly NormPeriod[], options: { after?: string } = {}): BreachAlert[] {
  const after = options.after === undefined ? null : checkIsoDate(options.after, 'after');
  const days = annotate(series, norms);
  const byDate = new Map(days.map((d) => [d.date, d]));
  return streaksOf(days)
    .filter((s) => after === null || s.from > after)
    .map((s) => {
      const first = byDate.get(s.from)!;
      return { locationCode, date: s.from, occupancy: first.occupancy, norm: first.norm!, streakStart: s.from };
    });
}

export interface BreachSummary {
  /** The last known day, or null without data; `difference` is occupancy − norm (negative: room left). */
  last: { date: string; occupancy: number; norm: number | null; difference: number | null } | null;
  breachDays: number;
  currentStreak: Streak | null;
  longestStreak: Streak | null;
}

/**
 * What the location page shows at a glance. For Ter Apel up to 8 July 2022:
 * `last` → `{ date: '2022-07-08', occupancy: 2193, norm: 2000, difference: 193 }`
 */
export function breachSummary(series: DailySeries, norms: readonly NormPeriod[]): BreachSummary {
  const days = annotate(series, norms);
  const streaks = streaksOf(days);
  const last = days[days.length - 1];
  return {
    last: last ? { date: last.date, occupancy: last.occupancy, norm: last.norm, difference: last.norm === null ? null : last.occupancy - last.norm } : null,
    breachDays: days.filter((d) => d.breach).length,
    currentStreak: currentOf(days, streaks),
    longestStreak: longestOf(streaks),
  };
}
