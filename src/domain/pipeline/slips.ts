/**
 * Slips: projects whose expected delivery date is now later than when they were first recorded. The delay is the
 * net one (current − first, in days), so a project that moved earlier and then later counts only by how much later
 * it ends up; one that ends up on or before its first date is no slip, however often it moved.
 */
import { checkDate, daysBetween } from './dates.ts';
import { isFinalStatus } from './statuses.ts';
import type { DeliveryChange, PipelineProject } from './projects.ts';

export interface Slip {
  projectId: number;
  project: PipelineProject;
  firstExpectedDelivery: string;
  expectedDelivery: string;
  /** Net delay in days, > 0. */
  delayDays: number;
  /** Recorded changes of the delivery date (earlier and later alike). */
  moves: number;
  /** The last recorded change, if any. */
  lastChangedOn: string | null;
  lastReason: string | null;
}

export interface SlipOptions {
  /**
   * Include delivered (`opgeleverd`) and dropped (`vervallen`) projects. Default false: a slip matters while homes
   * are still expected; afterwards it is history.
   */
  includeFinal?: boolean;
}

/** Whether a project's expected delivery is later than its first expected delivery. */
export function isSlipped(p: PipelineProject): boolean {
  return checkDate(p.expectedDelivery, 'expectedDelivery') > checkDate(p.firstExpectedDelivery, 'firstExpectedDelivery');
}

/**
 * The slipped projects, longest delay first (then by id). `history` may hold changes of any project; the changes of
 * each slipped project are counted as its moves.
 * `slips([{ id: 7, firstExpectedDelivery: '2023-03-01', expectedDelivery: '2023-05-01', … }], history)`
 * → [{ projectId: 7, delayDays: 61, moves: 2, … }]
 */
export function slips(projects: readonly PipelineProject[], history: readonly DeliveryChange[], options: SlipOptions = {}): Slip[] {
  const changes = new Map<number, DeliveryChange[]>();
  for (const c of history) {
    const list = changes.get(c.projectId);
    if (list) list.push(c);
    else changes.set(c.projectId, [c]);
  }
  const out: Slip[] = [];
  for (const p of projects) {
    if (!options.includeFinal && isFinalStatus(p.status)) continue;
    if (!isSlipped(p)) continue;
    const own = [...(changes.get(p.id) ?? [])].sort((a, b) => (a.changedOn < b.changedOn ? -1 : a.changedOn > b.changedOn ? 1 : 0));
    const last = own[own.length - 1];
    out.push({
      projectId: p.id,
      project: p,
      firstExpectedDelivery: p.firstExpectedDelivery,
      expectedDelivery: p.expectedDelivery,
      delayDays: daysBetween(p.firstExpectedDelivery, p.expectedDelivery),
      moves: own.length,
      lastChangedOn: last?.changedOn ?? null,
      lastReason: last?.reason ?? null,
    });
  }
  return out.sort((a, b) => b.delayDays - a.delayDays || a.projectId - b.projectId);
}
