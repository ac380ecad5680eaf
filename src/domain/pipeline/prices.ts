/**
 * The price signal: the cost per home over time, per track or per province. Aedes warned the LRT (8 July 2022,
 * item 5) that buying flexwoningen in a hurry drives prices up; this series shows whether it does.
 *
 * Per group and half-year of `expectedDelivery`: the mean cost per home weighted by the homes of each project
 * (Σ cost · units / Σ units, so a project of 200 homes weighs 200 times one of a single home), in whole cents rounded
 * half up with exact integer arithmetic. Projects without a known cost are left out, and so are dropped
 * (`vervallen`) projects: their cost was an estimate that was never paid.
 */
import { Rational } from '../distribution/rational.ts';
import { areaKey } from './aggregate.ts';
import { periodOfDate } from './dates.ts';
import { PipelineError } from './errors.ts';
import { roundHalfUp, type PipelineProject } from './projects.ts';
import { comparePeriods } from '../ledger/periods.ts';

export type PriceGroup = 'track' | 'province';

export interface PricePoint {
  /** Track code or province code. */
  group: string;
  /** Half-year of the projects' expected delivery, '2023-I'. */
  period: string;
  /** Unit-weighted mean cost per home in euro cents, rounded half up. */
  meanCostPerUnitCents: number;
  /** Projects with a known cost in the group and half-year. */
  projects: number;
  /** Their homes (the weights). */
  units: number;
}

/**
 * `priceSeries(projects, 'track')` → [{ group: 'FLEX-NL', period: '2022-II', meanCostPerUnitCents: 11_500_000, projects: 3, units: 180 }, …],
 * sorted by group, then half-year.
 */
export function priceSeries(projects: readonly PipelineProject[], groupBy: PriceGroup, provinceOf?: (municipalityCode: string) => string): PricePoint[] {
  if (groupBy !== 'track' && groupBy !== 'province') {
    throw new PipelineError('groepering-ongeldig', `'${String(groupBy)}' is geen groepering; kies track of province.`, { field: 'groupBy' });
  }
  const sums = new Map<string, { group: string; period: string; cost: bigint; units: number; projects: number }>();
  for (const p of projects) {
    if (p.costPerUnitCents === null || p.status === 'vervallen' || p.units <= 0) continue;
    const group = groupBy === 'track' ? p.trackCode : areaKey(p, 'province', provinceOf);
    const period = periodOfDate(p.expectedDelivery, 'expectedDelivery');
    const key = `${group}\u0000${period}`;
    let s = sums.get(key);
    if (!s) sums.set(key, (s = { group, period, cost: 0n, units: 0, projects: 0 }));
    s.cost += BigInt(p.costPerUnitCents) * BigInt(p.units);
    s.units += p.units;
    s.projects += 1;
  }
  return [...sums.values()]
    .sort((a, b) => (a.group < b.group ? -1 : a.group > b.group ? 1 : comparePeriods(a.period, b.period)))
    .map((s) => ({
      group: s.group,
      period: s.period,
      meanCostPerUnitCents: Number(roundHalfUp(Rational.of(s.cost, BigInt(s.units)))),
      projects: s.projects,
      units: s.units,
    }));
}
