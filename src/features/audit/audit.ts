import type { Db } from '../../platform/db/database.ts';
import type { AuditAction } from '../../platform/db/schema.ts';
import { actorLabel, type Principal } from '../../domain/access/policies.ts';

/** Who makes a change, and in which request: passed from the route (or CLI) into every service that writes. */
export interface Actor {
  principal: Principal;
  requestId?: string | undefined;
  ip?: string | undefined;
  onBehalfOf?: string | undefined;
}

export const systemActor = (label: string): Actor => ({ principal: { kind: 'system', label } });

export interface AuditEntry {
  action: AuditAction;
  resourceType: string;
  resourceId: string;
  before?: unknown;
  after?: unknown;
}

/**
 * Appends to the audit trail. Call it with the transaction of the change itself, so that a change
 * and its record are stored together or not at all.
 */
export async function recordAudit(db: Db, actor: Actor, entry: AuditEntry): Promise<void> {
  await db
    .insertInto('audit_log')
    .values({
      actor_user_id: actor.principal.kind === 'user' ? actor.principal.userId : null,
      actor: actorLabel(actor.principal),
      on_behalf_of: actor.onBehalfOf ?? null,
      action: entry.action,
      resource_type: entry.resourceType,
      resource_id: entry.resourceId,
      before: entry.before === undefined ? null : JSON.stringify(entry.before),
      after: entry.after === undefined ? null : JSON.stringify(entry.after),
      request_id: actor.requestId ?? null,
      ip: actor.ip ?? null,
    })
    .execute();
}
