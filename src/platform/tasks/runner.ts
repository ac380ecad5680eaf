import crypto from 'node:crypto';
import os from 'node:os';
import { sql } from 'kysely';
import { inTransaction, type Db } from '../db/database.ts';
import { AppError, problemBody } from '../http/errors.ts';
import { recordAudit, type Actor } from '../../features/audit/audit.ts';
import { actorLabel } from '../../domain/access/policies.ts';
import type { Job } from '../jobs/scheduler.ts';

/**
 * Long operations as tasks in PostgreSQL (table `task`, migration 012).
 *
 * A request creates the task (audited, in its own transaction) and this instance starts it right away without the
 * request waiting. Taking a task is an UPDATE of a row chosen `FOR UPDATE SKIP LOCKED` while it is still queued, so
 * of several instances (or two runners in one) exactly one gets it. The taker holds a lease that a heartbeat renews;
 * the scheduler's job `taken` on every instance picks up tasks still queued (their creator died before starting
 * them) and marks a running task whose lease ran out as failed: its instance died, and since a task's real work is
 * one transaction of its own, nothing of it was applied.
 *
 * Progress and heartbeat are short statements of their own that the work never awaits: on PGlite (one connection)
 * they wait in line behind a transaction the work holds instead of deadlocking on it; on PostgreSQL they run on
 * another pool connection at once, so other instances see the progress.
 */
export interface TaskFile {
  data: Buffer;
  name: string | null;
}

export interface TaskContext<I = unknown> {
  /** The pool: the work opens its own transaction (all or nothing). */
  db: Db;
  id: number;
  input: I;
  file: TaskFile | null;
  /** Who started the task: the work audits in their name. */
  actor: Actor;
  /** Reports progress; cheap to call often (written at most every `progressEveryMs`). */
  progress(done: number, total: number, text?: string): void;
}

export interface TaskOutcome {
  result: unknown;
  file?: { data: Buffer; type: string; name: string };
}

export interface TaskKind<I = unknown> {
  kind: string;
  run(ctx: TaskContext<I>): Promise<TaskOutcome>;
}

export interface TaskRunnerOptions {
  instance?: string;
  /** How long a lease holds without a heartbeat (default 60 s; renewed every third of it). */
  leaseMs?: number;
  /** Progress is written at most this often (default 250 ms). */
  progressEveryMs?: number;
  log?: { error(obj: unknown, msg?: string): void };
}

export interface TaskRunner {
  instance: string;
  /** Creates a queued task inside `db` (a transaction of the caller, or the pool) and audits it. */
  create(db: Db, actor: Actor, kind: string, input: unknown, file?: TaskFile): Promise<number>;
  /**
   * Creates a task in a transaction of its own (audited) and starts it here without waiting for it; its id. A task
   * this instance cannot start now stays queued for the scheduled job of any instance.
   */
  submit(actor: Actor, kind: string, input: unknown, file?: TaskFile): Promise<number>;
  /** Takes task `id` if it is still queued and runs it in the background; false when someone else has it. */
  start(id: number): Promise<boolean>;
  /** Takes and starts up to `limit` queued tasks; how many. */
  pickUp(limit?: number): Promise<number>;
  /**
   * Marks running tasks whose lease ran out as failed (in `on`, e.g. the scheduler's transaction); how many. The
   * tasks this runner itself is running are left alone: on PGlite a heartbeat may wait behind the work's own
   * transaction past its lease.
   */
  failExpired(on?: Db): Promise<number>;
  /** Deletes tasks that finished more than `days` days ago (their results and files with them); how many. */
  purgeFinished(on?: Db, days?: number): Promise<number>;
  /** Resolves once every task this runner started has finished. */
  idle(): Promise<void>;
}

export const INTERRUPTED = 'onderbroken: de server is herstart; start opnieuw';
/** How long a finished task (its result, its file) is kept for "Mijn taken". */
export const KEEP_DAYS = 30;

/** The problem stored with a failed task: an AppError as the API would answer it, anything else as a 500. */
export function taskProblem(e: unknown, id: number): Record<string, unknown> {
  const error = e instanceof AppError ? e : new AppError(500, 'taak-mislukt', 'Taak mislukt', 'De taak is mislukt door een fout in de server. Probeer het opnieuw of meld het de beheerder.');
  return problemBody(error, `/api/v1/tasks/${id}`);
}

interface Claimed {
  id: number;
  kind: string;
  input: unknown;
  input_file: Buffer | null;
  input_file_name: string | null;
  actor: unknown;
}

export function createTaskRunner(db: Db, kinds: readonly TaskKind<never>[], options: TaskRunnerOptions = {}): TaskRunner {
  const instance = options.instance ?? `${os.hostname()}:${process.pid}:${crypto.randomBytes(3).toString('hex')}`;
  const leaseMs = options.leaseMs ?? 60_000;
  const progressEveryMs = options.progressEveryMs ?? 250;
  const running = new Map<number, Promise<void>>();
  const lease = sql`now() + ${`${leaseMs} milliseconds`}::interval`;

  async function claim(id?: number): Promise<Claimed | null> {
    const only = id === undefined ? sql`` : sql`and id = ${id}`;
    const got = await sql<Claimed>`
      update task set status = 'running', instance = ${instance}, started_at = now(), lease_until = ${lease}
      where id = (select id from task where status = 'queued' ${only} order by id limit 1 for update skip locked)
      returning id, kind, input, input_file, input_file_name, actor`.execute(db);
    return got.rows[0] ?? null;
  }

  function launch(row: Claimed): void {
    const p = execute(row).finally(() => running.delete(row.id));
    running.set(row.id, p);
  }

  async function execute(row: Claimed): Promise<void> {
    const mine = sql`id = ${row.id} and status = 'running' and instance = ${instance}`;
    // Statements beside the work: never awaited by it, one at a time, failures only logged.
    let beside: Promise<unknown> = Promise.resolve();
    let besideBusy = false;
    const besideWork = (q: () => Promise<unknown>) => {
      besideBusy = true;
      beside = beside
        .then(q)
        .catch((e: unknown) => options.log?.error({ err: e, task: row.id }, 'taakvoortgang niet opgeslagen'))
        .finally(() => (besideBusy = false));
    };
    const heartbeat = setInterval(() => {
      if (!besideBusy) besideWork(() => sql`update task set lease_until = ${lease} where ${mine}`.execute(db));
    }, Math.max(10, Math.floor(leaseMs / 3)));
    heartbeat.unref();
    let lastWrite = 0;
    const progress = (done: number, total: number, text?: string) => {
      const now = Date.now();
      if (besideBusy || now - lastWrite < progressEveryMs) return;
      lastWrite = now;
      const fraction = total > 0 ? Math.min(1, Math.max(0, done / total)) : 0;
      besideWork(() => sql`update task set progress = ${fraction}, progress_text = ${text ?? null} where ${mine}`.execute(db));
    };
    try {
      const kind = kinds.find((k) => k.kind === row.kind) as TaskKind | undefined;
      if (!kind) throw new AppError(500, 'taaksoort-onbekend', 'Taak mislukt', `Deze server kent taken van soort '${row.kind}' niet.`);
      const outcome = await kind.run({
        db,
        id: row.id,
        input: row.input,
        // PGlite hands bytea back as a Uint8Array, pg as a Buffer.
        file: row.input_file ? { data: Buffer.from(row.input_file), name: row.input_file_name } : null,
        actor: row.actor as Actor,
        progress,
      });
      clearInterval(heartbeat);
      await beside;
      const file = outcome.file;
      await db
        .updateTable('task')
        .set({
          status: 'done',
          progress: 1,
          result: JSON.stringify(outcome.result ?? null),
          result_file: file?.data ?? null,
          result_file_type: file?.type ?? null,
          result_file_name: file?.name ?? null,
          input_file: null,
          finished_at: sql<Date>`now()`,
          lease_until: null,
        })
        .where(sql<boolean>`${mine}`)
        .execute();
    } catch (e) {
      clearInterval(heartbeat);
      await beside;
      if (!(e instanceof AppError)) options.log?.error({ err: e, task: row.id }, 'taak mislukt');
      await db
        .updateTable('task')
        .set({ status: 'failed', error: JSON.stringify(taskProblem(e, row.id)), input_file: null, finished_at: sql<Date>`now()`, lease_until: null })
        .where(sql<boolean>`${mine}`)
        .execute()
        .catch((err: unknown) => options.log?.error({ err, task: row.id }, 'mislukte taak niet vastgelegd'));
    }
  }

  return {
    instance,
    async create(tdb, actor, kind, input, file) {
      if (!kinds.some((k) => k.kind === kind)) throw new Error(`Onbekende taaksoort ${kind}`);
      const row = await tdb
        .insertInto('task')
        .values({
          kind,
          input: JSON.stringify(input ?? {}),
          input_file: file?.data ?? null,
          input_file_name: file?.name ?? null,
          created_by: actorLabel(actor.principal),
          created_by_user_id: actor.principal.kind === 'user' ? actor.principal.userId : null,
          // The principal as it was when the task was asked for; the work acts in its name.
          actor: JSON.stringify(actor),
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      await recordAudit(tdb, actor, { action: 'create', resourceType: 'task', resourceId: String(row.id), after: { kind, input, file: file?.name ?? null } });
      return row.id;
    },
    async submit(actor, kind, input, file) {
      const id = await inTransaction(db, (trx) => this.create(trx, actor, kind, input, file));
      this.start(id).catch((e: unknown) => options.log?.error({ err: e, task: id }, 'taak niet gestart'));
      return id;
    },
    async start(id) {
      const row = await claim(id);
      if (!row) return false;
      launch(row);
      return true;
    },
    async pickUp(limit = 2) {
      let n = 0;
      for (; n < limit; n++) {
        const row = await claim();
        if (!row) break;
        launch(row);
      }
      return n;
    },
    async failExpired(on = db) {
      const problem = problemBody(new AppError(500, 'taak-onderbroken', 'Taak onderbroken', INTERRUPTED), '');
      const got = await sql<{ id: number }>`
        update task set status = 'failed', finished_at = now(), lease_until = null, input_file = null,
          error = jsonb_set(${JSON.stringify(problem)}::jsonb, '{instance}', to_jsonb('/api/v1/tasks/' || id))
        where status = 'running' and lease_until < now() and not (id = any(${[...running.keys()]}::int[]))
        returning id`.execute(on);
      return got.rows.length;
    },
    async purgeFinished(on = db, days = KEEP_DAYS) {
      const got = await sql<{ id: number }>`delete from task where finished_at < now() - ${`${days} days`}::interval returning id`.execute(on);
      return got.rows.length;
    },
    async idle() {
      while (running.size > 0) await Promise.allSettled([...running.values()]);
    },
  };
}

/**
 * The scheduled job behind the runner: fail the tasks of dead instances and delete those finished long ago (in the
 * job's transaction), then take what is still queued (outside it, so the claim commits before the work starts).
 */
export function tasksJob(runner: TaskRunner, everyMs = 5_000): Job<{ failed: number; purged: number }> {
  return {
    name: 'taken',
    everyMs,
    async run(ctx) {
      return { failed: await runner.failExpired(ctx.db), purged: await runner.purgeFinished(ctx.db) };
    },
    async outside() {
      return { started: await runner.pickUp() };
    },
  };
}
