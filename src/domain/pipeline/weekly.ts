/**
 * "Homes expected" from the pipeline as the chain projection's housing capacity: persons per week that the reserved
 * homes can house.
 *
 * Rule chosen: each month's reserved homes are spread evenly over the weeks of the window whose Monday falls in
 * that month. Delivery dates are month-level plans in practice, and homes are let to permit holders over the weeks
 * after delivery rather than all on the day, so spreading matches the ledger (which counts per month) better than
 * a spike in the delivery week would. It also suits the model, whose weekly housing is min(waiting, capacity): a
 * spike in a week with few people waiting would lose homes that in reality stay available.
 * - Homes count when their `expectedDelivery` lies in the window (the Monday of the first week up to, not
 *   including, the Monday after the last week); `vervallen` never counts, `opgeleverd` counts at its delivery date.
 * - A month whose Mondays all lie after the window can still have homes in it (delivered in the last days of the
 *   window, say Thursday 1 September in a last week that started on Monday 29 August): those go to the week
 *   containing their delivery date, so no home in the window is lost.
 * - So the total over the weeks is exactly (reserved homes in the window) × persons per home.
 */
import { Rational, type RationalInput } from '../distribution/rational.ts';
import { checkDate, dayNumber, fromDayNumber, isMonday } from './dates.ts';
import { PipelineError } from './errors.ts';
import { checkPersonsPerHome, PERSONS_PER_HOME, type PipelineProject } from './projects.ts';

/** The longest window accepted, as in the projection (10 years). */
export const MAX_PROJECTION_WEEKS = 520;

function window(startWeekMonday: string, weeks: number): { start: number; end: number } {
  checkDate(startWeekMonday, 'startWeekMonday');
  if (!isMonday(startWeekMonday)) {
    throw new PipelineError('datum-ongeldig', `De eerste week moet op een maandag beginnen (gegeven: ${startWeekMonday}).`, { field: 'startWeekMonday' });
  }
  if (!Number.isInteger(weeks) || weeks < 1 || weeks > MAX_PROJECTION_WEEKS) {
    throw new PipelineError('weken-ongeldig', `Het aantal weken moet een geheel getal van 1 tot en met ${MAX_PROJECTION_WEEKS} zijn (gegeven: ${String(weeks)}).`, {
      field: 'weeks',
    });
  }
  const start = dayNumber(startWeekMonday);
  return { start, end: start + 7 * weeks };
}

/** Reserved homes of the projects that count in the window (`vervallen` left out). */
export function reservedHomesInWindow(projects: readonly PipelineProject[], startWeekMonday: string, weeks: number): number {
  const { start, end } = window(startWeekMonday, weeks);
  let homes = 0;
  for (const p of projects) {
    if (p.status === 'vervallen') continue;
    const d = dayNumber(checkDate(p.expectedDelivery, 'expectedDelivery'));
    if (d >= start && d < end) homes += p.reservedUnits;
  }
  return homes;
}

/**
 * Persons per week, exactly (see the module comment for the rule).
 * `weeklyPersonsExact(projects, '2023-01-02', 5)` with 10 reserved homes expected on 2023-01-20 → [22/5, 22/5, 22/5, 22/5, 22/5]
 * (January 2023 has the Mondays 2, 9, 16, 23 and 30).
 */
export function weeklyPersonsExact(projects: readonly PipelineProject[], startWeekMonday: string, weeks: number, personsPerHome: RationalInput = PERSONS_PER_HOME): Rational[] {
  const { start, end } = window(startWeekMonday, weeks);
  const perHome = checkPersonsPerHome(personsPerHome);
  const weeksOfMonth = new Map<string, number[]>();
  for (let w = 0; w < weeks; w++) {
    const month = fromDayNumber(start + 7 * w).slice(0, 7);
    const list = weeksOfMonth.get(month);
    if (list) list.push(w);
    else weeksOfMonth.set(month, [w]);
  }
  const homesOfMonth = new Map<string, number>();
  const out = Array.from({ length: weeks }, () => Rational.ZERO);
  for (const p of projects) {
    if (p.status === 'vervallen' || p.reservedUnits === 0) continue;
    const d = dayNumber(checkDate(p.expectedDelivery, 'expectedDelivery'));
    if (d < start || d >= end) continue;
    const month = p.expectedDelivery.slice(0, 7);
    if (weeksOfMonth.has(month)) homesOfMonth.set(month, (homesOfMonth.get(month) ?? 0) + p.reservedUnits);
    else {
      const w = Math.floor((d - start) / 7);
      out[w] = out[w]!.add(Rational.of(BigInt(p.reservedUnits)).mul(perHome));
    }
  }
  for (const [month, homes] of homesOfMonth) {
    const ws = weeksOfMonth.get(month)!;
    const share = Rational.of(BigInt(homes)).mul(perHome).div(Rational.of(BigInt(ws.length)));
    for (const w of ws) out[w] = out[w]!.add(share);
  }
  return out;
}

/**
 * Persons per week that the reserved homes can house, as the projection's `housing.homesPerWeek`.
 * `weeklyHomesForProjection(projects, '2023-01-02', 5)` → [4.4, 4.4, 4.4, 4.4, 4.4] for 10 reserved homes in January 2023.
 */
export function weeklyHomesForProjection(
  projects: readonly PipelineProject[],
  startWeekMonday: string,
  weeks: number,
  personsPerHome: RationalInput = PERSONS_PER_HOME,
): number[] {
  return weeklyPersonsExact(projects, startWeekMonday, weeks, personsPerHome).map((r) => r.toNumber());
}
