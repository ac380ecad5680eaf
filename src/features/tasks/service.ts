import type { Db } from '../../platform/db/database.ts';
import { notFound } from '../../platform/http/errors.ts';
import type { Principal } from '../../domain/access/policies.ts';

/**
 * Reading tasks (platform/tasks runs them): one task with its progress, result or problem; the caller's recent
 * tasks; the file a task made.
 */
const SUMMARY = ['id', 'kind', 'status', 'progress', 'progress_text', 'input', 'result_file_name', 'result_file_type', 'error', 'created_by', 'created_at', 'started_at', 'finished_at'] as const;

type SummaryRow = {
  id: number;
  kind: string;
  status: 'queued' | 'running' | 'done' | 'failed';
  progress: number;
  progress_text: string | null;
  input: unknown;
  result_file_name: string | null;
  result_file_type: string | null;
  error: unknown;
  created_by: string;
  created_at: Date;
  started_at: Date | null;
  finished_at: Date | null;
};

function summary(r: SummaryRow) {
  return {
    id: r.id,
    kind: r.kind,
    status: r.status,
    progress: r.progress,
    progressText: r.progress_text,
    input: (r.input ?? {}) as Record<string, unknown>,
    file: r.result_file_name && r.result_file_type ? { name: r.result_file_name, type: r.result_file_type } : null,
    error: (r.error ?? null) as Record<string, unknown> | null,
    createdBy: r.created_by,
    createdAt: r.created_at.toISOString(),
    startedAt: r.started_at?.toISOString() ?? null,
    finishedAt: r.finished_at?.toISOString() ?? null,
  };
}

/** Who started a task (null: the command line), for the policy; undefined when there is no such task. */
export async function taskOwner(db: Db, id: number): Promise<number | null | undefined> {
  const row = await db.selectFrom('task').select('created_by_user_id').where('id', '=', id).executeTakeFirst();
  return row ? row.created_by_user_id : undefined;
}

export async function getTask(db: Db, id: number) {
  const row = await db.selectFrom('task').select([...SUMMARY, 'result']).where('id', '=', id).executeTakeFirst();
  if (!row) throw notFound('taak-onbekend', `Taak ${id} bestaat niet.`);
  return { ...summary(row), result: row.status === 'done' ? (row.result ?? null) : null };
}

/** The caller's tasks, newest first (at most `limit`). */
export async function listTasks(db: Db, principal: Principal, limit = 50) {
  if (principal.kind !== 'user') return [];
  const rows = await db.selectFrom('task').select(SUMMARY).where('created_by_user_id', '=', principal.userId).orderBy('id', 'desc').limit(limit).execute();
  return rows.map(summary);
}

export async function taskFile(db: Db, id: number) {
  const row = await db.selectFrom('task').select(['status', 'result_file', 'result_file_type', 'result_file_name']).where('id', '=', id).executeTakeFirst();
  if (!row) throw notFound('taak-onbekend', `Taak ${id} bestaat niet.`);
  if (row.status !== 'done' || !row.result_file || !row.result_file_type) throw notFound('taak-geen-bestand', `Taak ${id} heeft (nog) geen bestand.`);
  return { data: Buffer.from(row.result_file), type: row.result_file_type, name: row.result_file_name ?? `taak-${id}` };
}
