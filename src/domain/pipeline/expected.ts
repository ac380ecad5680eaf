/**
 * Homes expected per month and per half-year, and how far the reserved homes cover what is due.
 *
 * Counting rules:
 * - A project counts in the month (half-year) of its `expectedDelivery`; an `opgeleverd` project in the month it
 *   was delivered (its `expectedDelivery` then is the delivery date).
 * - `vervallen` projects never count: those homes will not come.
 * - `units` are all homes of the projects, `reservedUnits` the homes reserved for permit holders; only the latter
 *   cover the taakstelling.
 */
import { Rational, type RationalInput } from '../distribution/rational.ts';
import { checkDate, monthsBetween, periodOfDate, periodsBetween } from './dates.ts';
import { PipelineError } from './errors.ts';
import { checkCount, checkPersonsPerHome, PERSONS_PER_HOME, roundHalfUp, type PipelineProject } from './projects.ts';

export interface ExpectedTotals {
  units: number;
  reservedUnits: number;
  /** Projects counted (not `vervallen`). */
  projects: number;
}

export interface ExpectedMonth extends ExpectedTotals {
  /** 'YYYY-MM' */
  month: string;
}

export interface ExpectedHalfYear extends ExpectedTotals {
  /** '2022-II' */
  period: string;
}

/** The projects that will bring homes (every status but `vervallen`). */
export function countingProjects(projects: readonly PipelineProject[]): PipelineProject[] {
  return projects.filter((p) => p.status !== 'vervallen');
}

function tally<K extends string>(keys: readonly K[], projects: readonly PipelineProject[], keyOf: (p: PipelineProject) => string): Map<string, ExpectedTotals> {
  const totals = new Map<string, ExpectedTotals>(keys.map((k) => [k, { units: 0, reservedUnits: 0, projects: 0 }]));
  for (const p of countingProjects(projects)) {
    const t = totals.get(keyOf(p));
    if (!t) continue;
    t.units += p.units;
    t.reservedUnits += p.reservedUnits;
    t.projects += 1;
  }
  return totals;
}

/**
 * Homes expected in each month from `fromMonth` to `toMonth` (both included; every month present, also with 0).
 * `expectedByMonth(projects, '2023-01', '2023-03')` → [{ month: '2023-01', units: 40, reservedUnits: 40, projects: 1 }, …]
 */
export function expectedByMonth(projects: readonly PipelineProject[], fromMonth: string, toMonth: string): ExpectedMonth[] {
  const months = monthsBetween(fromMonth, toMonth);
  const totals = tally(months, projects, (p) => checkDate(p.expectedDelivery, 'expectedDelivery').slice(0, 7));
  return months.map((month) => ({ month, ...totals.get(month)! }));
}

/**
 * Homes expected in each half-year from `fromPeriod` to `toPeriod` (the ledger's notation, both included).
 * `expectedByHalfYear(projects, '2022-II', '2023-I')` → [{ period: '2022-II', … }, { period: '2023-I', … }]
 */
export function expectedByHalfYear(projects: readonly PipelineProject[], fromPeriod: string, toPeriod: string): ExpectedHalfYear[] {
  const periods = periodsBetween(fromPeriod, toPeriod);
  const totals = tally(periods, projects, (p) => periodOfDate(p.expectedDelivery, 'expectedDelivery'));
  return periods.map((period) => ({ period, ...totals.get(period)! }));
}

export interface CoverageInput {
  /** Homes reserved for permit holders expected in the period (e.g. `reservedUnits` of `expectedByHalfYear`). */
  reservedHomesExpected: number;
  /**
   * PERSONS due in the period: the taakstelling plus the backlog carried in (the ledger's corrected taakstelling).
   * Named `dueUnits` in the agreed interface; it counts persons, not homes.
   */
  dueUnits: number;
  /** Default `PERSONS_PER_HOME` (2,2). */
  personsPerHome?: RationalInput;
}

export interface Coverage {
  reservedHomesExpected: number;
  personsPerHome: Rational;
  /** Persons the reserved homes can house, exactly (homes × persons per home). */
  personsCoveredExact: Rational;
  /** The same in whole persons, rounded half up, for display. */
  personsCovered: number;
  due: number;
  /** personsCoveredExact / due, exactly; null when nothing is due. */
  ratio: Rational | null;
  /** 100 · ratio rounded half up to a whole percent; null when nothing is due. May exceed 100. */
  percent: number | null;
  /** Why `percent` is null, in Dutch; null when there is a percentage. */
  reason: string | null;
}

/**
 * "The homes in the pipeline cover N % of what is due", exactly: persons = homes × persons per home, percent =
 * round half up (100 · persons / due). Nothing due (0, or an advance so large the corrected taakstelling is ≤ 0)
 * gives percent null with the reason.
 * `coverage({ reservedHomesExpected: 100, dueUnits: 440 })` → { personsCovered: 220, percent: 50, ratio: 1/2, … }
 */
export function coverage(input: CoverageInput): Coverage {
  const homes = checkCount(input.reservedHomesExpected, 'reservedHomesExpected');
  const due = input.dueUnits;
  if (!Number.isSafeInteger(due)) {
    throw new PipelineError('aantal-ongeldig', `dueUnits moet een geheel aantal personen zijn (gegeven: ${String(due)}).`, { field: 'dueUnits' });
  }
  const personsPerHome = checkPersonsPerHome(input.personsPerHome ?? PERSONS_PER_HOME);
  const personsCoveredExact = Rational.of(BigInt(homes)).mul(personsPerHome);
  const base = { reservedHomesExpected: homes, personsPerHome, personsCoveredExact, personsCovered: Number(roundHalfUp(personsCoveredExact)), due };
  if (due <= 0) {
    const reason =
      due === 0
        ? 'Er is niets verschuldigd (taakstelling en achterstand samen 0); een dekkingspercentage heeft dan geen betekenis.'
        : `Er is niets verschuldigd: de voorsprong (${-due}) is groter dan de taakstelling; een dekkingspercentage heeft dan geen betekenis.`;
    return { ...base, ratio: null, percent: null, reason };
  }
  const ratio = personsCoveredExact.div(Rational.of(BigInt(due)));
  return { ...base, ratio, percent: Number(roundHalfUp(ratio.mul(Rational.of(100n)))), reason: null };
}
