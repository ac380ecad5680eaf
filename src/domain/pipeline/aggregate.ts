/**
 * Totals of the pipeline per municipality, per province or for the nation, split by status, with the number of
 * slipped projects to highlight.
 */
import { PipelineError } from './errors.ts';
import type { PipelineProject } from './projects.ts';
import { isSlipped } from './slips.ts';
import { isFinalStatus, PROJECT_STATUSES, type ProjectStatus } from './statuses.ts';

export type AggregateLevel = 'municipality' | 'province' | 'nation';

/** The key of the national total. */
export const NATION_KEY = 'NL';

export interface StatusTotals {
  projects: number;
  units: number;
  reservedUnits: number;
}

export interface AggregateRow {
  /** GMxxxx, PVxx or 'NL'. */
  key: string;
  /** Totals over every status except `vervallen` (homes that will not come). */
  projects: number;
  units: number;
  reservedUnits: number;
  /** Every status, `vervallen` too; each status present, also with 0. */
  byStatus: Record<ProjectStatus, StatusTotals>;
  /** Projects still open (not delivered, not dropped) whose delivery date moved later than first expected. */
  slipped: number;
}

const emptyByStatus = (): Record<ProjectStatus, StatusTotals> =>
  Object.fromEntries(PROJECT_STATUSES.map((s) => [s, { projects: 0, units: 0, reservedUnits: 0 }])) as Record<ProjectStatus, StatusTotals>;

/** The key of a project at a level; `provinceOf` must know every municipality of the projects. */
export function areaKey(p: PipelineProject, by: AggregateLevel, provinceOf?: (municipalityCode: string) => string): string {
  if (by === 'municipality') return p.municipalityCode;
  if (by === 'nation') return NATION_KEY;
  if (by !== 'province') throw new PipelineError('groepering-ongeldig', `'${String(by)}' is geen niveau; kies municipality, province of nation.`, { field: 'by' });
  if (!provinceOf) throw new PipelineError('groepering-ongeldig', 'Voor totalen per provincie is de provincie van elke gemeente nodig.', { field: 'provinceOf' });
  const province = provinceOf(p.municipalityCode);
  if (!province) {
    throw new PipelineError('gemeente-onbekend', `De provincie van gemeente ${p.municipalityCode} (project ${p.id}) is onbekend.`, { field: 'municipalityCode' });
  }
  return province;
}

/**
 * Totals per area, sorted by key. `aggregate(projects, 'province', (gm) => provinces.get(gm)!)`
 * → [{ key: 'PV20', projects: 3, units: 160, reservedUnits: 120, byStatus: { idee: …, … }, slipped: 1 }, …]
 */
export function aggregate(projects: readonly PipelineProject[], by: AggregateLevel, provinceOf?: (municipalityCode: string) => string): AggregateRow[] {
  const rows = new Map<string, AggregateRow>();
  for (const p of projects) {
    const key = areaKey(p, by, provinceOf);
    let row = rows.get(key);
    if (!row) rows.set(key, (row = { key, projects: 0, units: 0, reservedUnits: 0, byStatus: emptyByStatus(), slipped: 0 }));
    const s = row.byStatus[p.status];
    s.projects += 1;
    s.units += p.units;
    s.reservedUnits += p.reservedUnits;
    if (p.status !== 'vervallen') {
      row.projects += 1;
      row.units += p.units;
      row.reservedUnits += p.reservedUnits;
    }
    if (!isFinalStatus(p.status) && isSlipped(p)) row.slipped += 1;
  }
  return [...rows.values()].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}
