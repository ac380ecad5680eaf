import { sql } from 'kysely';
import type { Db } from '../../platform/db/database.ts';
import type { DB } from '../../platform/db/schema.ts';
import type { Insertable } from 'kysely';

export type DecisionRow = Awaited<ReturnType<typeof findDecision>> & {};

export async function findDecision(db: Db, id: number) {
  return db.selectFrom('distribution_decision').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function listDecisions(db: Db, filter: { kind?: string | undefined; status?: string | undefined }) {
  let q = db
    .selectFrom('distribution_decision')
    .select([
      'id', 'number', 'title', 'kind', 'level', 'parent_code', 'period', 'total', 'method', 'reference_date', 'boundary_date',
      'population_status', 'status', 'supersedes_id', 'superseded_by_id', 'created_by', 'created_at', 'published_by', 'published_at', 'version',
    ])
    .orderBy('id', 'desc');
  if (filter.kind) q = q.where('kind', '=', filter.kind as 'verdeling');
  if (filter.status) q = q.where('status', '=', filter.status as 'concept');
  return q.execute();
}

type NewDecision = Insertable<DB['distribution_decision']>;

export async function insertDecision(db: Db, d: NewDecision) {
  return db
    .insertInto('distribution_decision')
    .values({ ...d, key: JSON.stringify(d.key), inputs: JSON.stringify(d.inputs), result: JSON.stringify(d.result) })
    .returning('id')
    .executeTakeFirstOrThrow();
}

/** Replaces a draft's content when the version still matches; returns the new version or undefined. */
export async function updateDraft(db: Db, id: number, expectedVersion: number, d: Omit<NewDecision, 'created_by'>) {
  const row = await db
    .updateTable('distribution_decision')
    .set((eb) => ({
      ...d,
      key: JSON.stringify(d.key),
      inputs: JSON.stringify(d.inputs),
      result: JSON.stringify(d.result),
      version: eb('version', '+', 1),
    }))
    .where('id', '=', id)
    .where('version', '=', expectedVersion)
    .where('status', '=', 'concept')
    .returning('version')
    .executeTakeFirst();
  return row?.version;
}

export async function deleteDraft(db: Db, id: number) {
  await db.deleteFrom('distribution_decision').where('id', '=', id).where('status', '=', 'concept').execute();
}

/** The next number in a year's series, e.g. V-2022-003 (taakstelling: T-2022-001). */
export async function nextNumber(db: Db, prefix: string): Promise<string> {
  const row = await db
    .selectFrom('distribution_decision')
    .select(sql<number>`count(*)`.as('n'))
    .where('number', 'like', `${prefix}-%`)
    .executeTakeFirstOrThrow();
  return `${prefix}-${String(Number(row.n) + 1).padStart(3, '0')}`;
}

export async function publish(db: Db, id: number, expectedVersion: number, number: string, by: string, at: Date) {
  const row = await db
    .updateTable('distribution_decision')
    .set((eb) => ({ status: 'gepubliceerd' as const, number, published_by: by, published_at: at, version: eb('version', '+', 1) }))
    .where('id', '=', id)
    .where('version', '=', expectedVersion)
    .where('status', '=', 'concept')
    .returning('version')
    .executeTakeFirst();
  return row?.version;
}

export async function markSuperseded(db: Db, id: number, byId: number) {
  await db
    .updateTable('distribution_decision')
    .set((eb) => ({ status: 'vervangen' as const, superseded_by_id: byId, version: eb('version', '+', 1) }))
    .where('id', '=', id)
    .where('status', '=', 'gepubliceerd')
    .execute();
}
