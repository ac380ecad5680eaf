import type { Db } from '../../platform/db/database.ts';

export interface AuditFilter {
  actorUserId?: number | undefined;
  actor?: string | undefined;
  resourceType?: string | undefined;
  resourceId?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
  /** Only entries with an id below this (paging backwards through time). */
  before?: number | undefined;
  limit: number;
}

export async function searchAudit(db: Db, f: AuditFilter) {
  let q = db.selectFrom('audit_log').selectAll();
  if (f.actorUserId !== undefined) q = q.where('actor_user_id', '=', f.actorUserId);
  if (f.actor) q = q.where('actor', 'ilike', `%${f.actor.replace(/[%_\\]/g, (c) => `\\${c}`)}%`);
  if (f.resourceType) q = q.where('resource_type', '=', f.resourceType);
  if (f.resourceId) q = q.where('resource_id', '=', f.resourceId);
  if (f.from) q = q.where('occurred_at', '>=', new Date(`${f.from}T00:00:00Z`));
  if (f.to) q = q.where('occurred_at', '<', new Date(new Date(`${f.to}T00:00:00Z`).getTime() + 86_400_000));
  if (f.before !== undefined) q = q.where('id', '<', f.before);
  return q.orderBy('id', 'desc').limit(f.limit).execute();
}
