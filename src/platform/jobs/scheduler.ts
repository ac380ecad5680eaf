import crypto from 'node:crypto';
import os from 'node:os';
import { sql } from 'kysely';
import type { Db } from '../db/database.ts';

/**
 * Scheduled work that is safe with several server instances against one PostgreSQL.
 *
 * Every instance wakes each job on a timer, but the timer only asks; the database decides. A run takes a
 * transaction-level advisory lock named after the job (`pg_try_advisory_xact_lock`): while one instance runs a job
 * the others skip it (fields of a summary starting with `_` are handed to `outside` but not recorded). The work itself must be idempotent against the database (escalation steps are unique per
 * subject, deadline and level; mail is claimed row by row), so even without the lock — or after a crash halfway, or
 * a restart — nothing happens twice: the lock only saves the wasted effort. The clock is injectable for tests.
 */
export interface JobContext {
  db: Db;
  now: Date;
  /** This instance's name, recorded with what it did. */
  instance: string;
}

export interface Job<T extends Record<string, unknown> = Record<string, unknown>> {
  name: string;
  /** How often each instance asks to run it. */
  everyMs: number;
  /** Runs in one transaction holding the job's advisory lock; returns a summary (and what `outside` needs). */
  run(ctx: JobContext): Promise<T>;
  /**
   * Work that must not hold a transaction or a connection open (talking to a mail server): runs after `run`
   * committed, on the pool. It must be safe on its own, e.g. on rows `run` claimed with a lease.
   */
  outside?: (ctx: JobContext, claimed: T) => Promise<Record<string, unknown>>;
}

export interface SchedulerOptions {
  clock?: () => Date;
  instance?: string;
  log?: { error(obj: unknown, msg?: string): void; debug?(obj: unknown, msg?: string): void };
}

export interface Scheduler {
  instance: string;
  /** Runs one job now (if no other instance holds it); resolves to its summary, or null when it was skipped. */
  runNow(name: string): Promise<Record<string, unknown> | null>;
  start(): void;
  stop(): Promise<void>;
}

/** The advisory lock key of a job: a stable 63-bit number from its name. */
export function jobLockKey(name: string): bigint {
  return crypto.createHash('sha256').update(`regietafel-job:${name}`).digest().readBigInt64BE(0);
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- each job's summary type is its own; the scheduler only passes it through
export function createScheduler(db: Db, jobs: readonly Job<any>[], options: SchedulerOptions = {}): Scheduler {
  const clock = options.clock ?? (() => new Date());
  const instance = options.instance ?? `${os.hostname()}:${process.pid}:${crypto.randomBytes(3).toString('hex')}`;
  const timers = new Map<string, NodeJS.Timeout>();
  const running = new Set<Promise<unknown>>();
  let stopped = true;

  async function runNow(name: string): Promise<Record<string, unknown> | null> {
    const job = jobs.find((j) => j.name === name);
    if (!job) throw new Error(`Onbekende taak ${name}`);
    const key = jobLockKey(name).toString();
    const started = clock();
    let result: Record<string, unknown> | null = null;
    let error: string | null = null;
    try {
      result = await db.transaction().execute(async (trx) => {
        const got = await sql<{ ok: boolean }>`select pg_try_advisory_xact_lock(${key}::bigint) as ok`.execute(trx);
        if (!got.rows[0]?.ok) return null;
        return job.run({ db: trx, now: started, instance });
      });
      if (result === null) return null;
      if (job.outside) result = { ...result, ...(await job.outside({ db, now: started, instance }, result)) };
    } catch (e) {
      error = (e as Error).message;
      options.log?.error({ err: e, job: name }, 'geplande taak mislukt');
    }
    const summary = JSON.stringify(Object.fromEntries(Object.entries(result ?? {}).filter(([k]) => !k.startsWith('_'))));
    await db
      .insertInto('job_run')
      .values({ name, instance, started_at: started, finished_at: clock(), result: summary, error })
      .onConflict((oc) => oc.column('name').doUpdateSet({ instance, started_at: started, finished_at: clock(), result: summary, error }))
      .execute();
    return error ? { error } : result;
  }

  function schedule(job: Job<Record<string, unknown>>) {
    if (stopped) return;
    const t = setTimeout(() => {
      const p = runNow(job.name)
        .catch((e: unknown) => options.log?.error({ err: e, job: job.name }, 'geplande taak kon niet starten'))
        .finally(() => {
          running.delete(p);
          schedule(job);
        });
      running.add(p);
    }, job.everyMs);
    t.unref();
    timers.set(job.name, t);
  }

  return {
    instance,
    runNow,
    start() {
      if (!stopped) return;
      stopped = false;
      for (const job of jobs) schedule(job);
    },
    async stop() {
      stopped = true;
      for (const t of timers.values()) clearTimeout(t);
      timers.clear();
      await Promise.allSettled([...running]);
    },
  };
}
