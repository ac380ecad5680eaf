import type { Db } from '../../platform/db/database.ts';
import { badRequest } from '../../platform/http/errors.ts';
import { toCsv } from '../../lib/csv.ts';
import * as repo from './repository.ts';

export interface AuditQuery {
  user?: number | undefined;
  actor?: string | undefined;
  resourceType?: string | undefined;
  resourceId?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
  before?: number | undefined;
  limit?: number | undefined;
}

export interface AuditItem {
  id: number;
  occurredAt: string;
  actor: string;
  actorUserId: number | null;
  onBehalfOf: string | null;
  action: string;
  resourceType: string;
  resourceId: string;
  before: unknown;
  after: unknown;
  requestId: string | null;
}

function toItem(r: Awaited<ReturnType<typeof repo.searchAudit>>[number]): AuditItem {
  return {
    id: Number(r.id),
    occurredAt: r.occurred_at.toISOString(),
    actor: r.actor,
    actorUserId: r.actor_user_id,
    onBehalfOf: r.on_behalf_of,
    action: r.action,
    resourceType: r.resource_type,
    resourceId: r.resource_id,
    before: r.before ?? null,
    after: r.after ?? null,
    requestId: r.request_id,
  };
}

export async function search(db: Db, q: AuditQuery) {
  if (q.from && q.to && q.from > q.to) {
    throw badRequest('periode-ongeldig', `De periode begint (${q.from}) na het einde (${q.to}).`, [
      { name: 'from', code: 'periode-ongeldig', reason: 'from ligt na to' },
    ]);
  }
  const limit = Math.min(q.limit ?? 100, 1000);
  const rows = await repo.searchAudit(db, { ...q, actorUserId: q.user, limit: limit + 1 });
  const items = rows.slice(0, limit).map(toItem);
  return { items, nextBefore: rows.length > limit ? items[items.length - 1]!.id : null };
}

/** All entries matching the filter (newest first) as CSV, for export to Excel. */
export async function exportCsv(db: Db, q: AuditQuery): Promise<string> {
  const rows: AuditItem[] = [];
  let before: number | undefined;
  for (;;) {
    const page = await search(db, { ...q, before, limit: 1000 });
    rows.push(...page.items);
    if (page.nextBefore === null) break;
    before = page.nextBefore;
  }
  return toCsv(
    ['id', 'tijdstip', 'wie', 'namens', 'actie', 'soort', 'sleutel', 'voor', 'na', 'verzoek'],
    rows.map((r) => [
      r.id,
      r.occurredAt,
      r.actor,
      r.onBehalfOf,
      r.action,
      r.resourceType,
      r.resourceId,
      r.before === null ? '' : JSON.stringify(r.before),
      r.after === null ? '' : JSON.stringify(r.after),
      r.requestId,
    ]),
  );
}
