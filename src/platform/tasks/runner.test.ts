import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { secondInstance, testDatabase, type TestDatabase } from '../../../test/helpers/db.ts';
import { inTransaction, type Database, type Db } from '../db/database.ts';
import { AppError } from '../http/errors.ts';
import { createScheduler } from '../jobs/scheduler.ts';
import { systemActor } from '../../features/audit/audit.ts';
import { INTERRUPTED, createTaskRunner, tasksJob, type TaskKind } from './runner.ts';

const actor = systemActor('test');
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function gate() {
  let open!: () => void;
  const opened = new Promise<void>((r) => (open = r));
  return { open, opened };
}

describe('tasks', () => {
  let database: TestDatabase;
  let second: Database;
  const runs: number[] = [];
  let held = gate();

  const kinds: TaskKind<never>[] = [
    {
      kind: 'test.count',
      async run(ctx) {
        runs.push(ctx.id);
        await sleep(50);
        return { result: { n: (ctx.input as { n: number }).n * 2 } };
      },
    },
    {
      kind: 'test.fail',
      async run() {
        throw new AppError(422, 'bestand-ongeldig', 'Niet verwerkt', 'Regel 3: inwoners ontbreekt.', [{ name: 'regel 3: inwoners', code: 'verplicht', reason: 'ontbreekt' }]);
      },
    },
    {
      kind: 'test.crash',
      async run() {
        throw new Error('geheime interne fout');
      },
    },
    {
      kind: 'test.held',
      async run(ctx) {
        ctx.progress(1, 4, 'een van vier');
        await held.opened;
        return { result: 'klaar', file: { data: Buffer.from('%PDF-1.4'), type: 'application/pdf', name: 'x.pdf' } };
      },
    },
    {
      // The work holds a transaction (PGlite's one connection) and reports progress all the while.
      kind: 'test.in-transaction',
      async run(ctx) {
        return {
          result: await inTransaction(ctx.db, async (trx) => {
            for (let i = 1; i <= 10; i++) {
              ctx.progress(i, 10, `stap ${i}`);
              await trx.selectFrom('task').select('id').where('id', '=', ctx.id).execute();
              await sleep(30);
            }
            return 'ok';
          }),
        };
      },
    },
  ];

  const row = (db: Db, id: number) => db.selectFrom('task').selectAll().where('id', '=', id).executeTakeFirstOrThrow();

  beforeAll(async () => {
    database = await testDatabase();
    second = await secondInstance(database);
  });
  afterAll(async () => {
    await second?.close();
    await database?.close();
  });

  it('runs a task once when two instances try to take it at the same moment', async () => {
    const a = createTaskRunner(database.db, kinds, { instance: 'A' });
    const b = createTaskRunner(second.db, kinds, { instance: 'B' });
    const id = await a.create(database.db, actor, 'test.count', { n: 21 });
    const audit = await database.db.selectFrom('audit_log').select(['action', 'actor']).where('resource_type', '=', 'task').where('resource_id', '=', String(id)).execute();
    expect(audit).toEqual([{ action: 'create', actor: 'test' }]);
    const taken = await Promise.all([a.start(id), b.start(id), a.start(id), b.start(id)]);
    expect(taken.filter(Boolean)).toHaveLength(1);
    await Promise.all([a.idle(), b.idle()]);
    expect(runs.filter((r) => r === id)).toEqual([id]);
    const done = await row(database.db, id);
    expect(done).toMatchObject({ status: 'done', progress: 1, result: { n: 42 }, error: null, lease_until: null });
    expect(done.instance === 'A' || done.instance === 'B').toBe(true);
    expect(done.finished_at).toBeInstanceOf(Date);
    // A finished task is not taken again.
    expect(await a.start(id)).toBe(false);
  });

  it('stores progress while the work runs, and the file it made', async () => {
    held = gate();
    const a = createTaskRunner(database.db, kinds, { instance: 'A', progressEveryMs: 0 });
    const id = await a.create(database.db, actor, 'test.held', {});
    expect(await a.start(id)).toBe(true);
    await expect.poll(async () => (await row(database.db, id)).progress_text).toBe('een van vier');
    const running = await row(second.db, id);
    expect(running).toMatchObject({ status: 'running', progress: 0.25, instance: 'A' });
    expect(running.lease_until!.getTime()).toBeGreaterThan(Date.now());
    held.open();
    await a.idle();
    const done = await row(database.db, id);
    expect(done).toMatchObject({ status: 'done', progress: 1, result: 'klaar', result_file_type: 'application/pdf', result_file_name: 'x.pdf' });
    expect(Buffer.from(done.result_file!).toString()).toBe('%PDF-1.4');
  });

  it('throttles progress and does not deadlock when the work holds a transaction (PGlite has one connection)', async () => {
    const a = createTaskRunner(database.db, kinds, { instance: 'A', progressEveryMs: 100 });
    const id = await a.create(database.db, actor, 'test.in-transaction', {});
    await a.start(id);
    const finished = await Promise.race([a.idle().then(() => 'idle'), sleep(10_000).then(() => 'hangs')]);
    expect(finished).toBe('idle');
    expect(await row(database.db, id)).toMatchObject({ status: 'done', result: 'ok', progress: 1 });
  });

  it('stores the problem of a failed task; an unexpected error without its internals', async () => {
    const a = createTaskRunner(database.db, kinds, { instance: 'A' });
    const bad = await a.create(database.db, actor, 'test.fail', {});
    const crash = await a.create(database.db, actor, 'test.crash', {});
    await a.start(bad);
    await a.start(crash);
    await a.idle();
    expect(await row(database.db, bad)).toMatchObject({
      status: 'failed',
      result: null,
      error: { status: 422, code: 'bestand-ongeldig', detail: 'Regel 3: inwoners ontbreekt.', instance: `/api/v1/tasks/${bad}`, invalidParams: [{ name: 'regel 3: inwoners' }] },
    });
    const crashed = await row(database.db, crash);
    expect(crashed).toMatchObject({ status: 'failed', error: { status: 500, code: 'taak-mislukt' } });
    expect(JSON.stringify(crashed.error)).not.toContain('geheime');
  });

  it('fails a task whose instance died (lease ran out), but not one this instance still runs', async () => {
    held = gate();
    const a = createTaskRunner(database.db, kinds, { instance: 'A' });
    const dead = await a.create(database.db, actor, 'test.count', { n: 1 });
    // Taken by an instance that then died: running, its lease in the past.
    await database.db.updateTable('task').set({ status: 'running', instance: 'dood', started_at: new Date(), lease_until: new Date(Date.now() - 1000) }).where('id', '=', dead).execute();
    const alive = await a.create(database.db, actor, 'test.held', {});
    await a.start(alive);
    await database.db.updateTable('task').set({ lease_until: new Date(Date.now() - 1000) }).where('id', '=', alive).execute();

    expect(await a.failExpired()).toBe(1);
    expect(await row(database.db, dead)).toMatchObject({ status: 'failed', error: { code: 'taak-onderbroken', detail: INTERRUPTED, instance: `/api/v1/tasks/${dead}` }, lease_until: null });
    expect((await row(database.db, alive)).status).toBe('running');
    held.open();
    await a.idle();
    expect((await row(database.db, alive)).status).toBe('done');
    // The dead task is not run afterwards by anyone.
    expect(await a.pickUp()).toBe(0);
    expect(runs).not.toContain(dead);
  });

  it('renews the lease while the work runs', async () => {
    held = gate();
    const a = createTaskRunner(database.db, kinds, { instance: 'A', leaseMs: 300 });
    const b = createTaskRunner(second.db, kinds, { instance: 'B' });
    const id = await a.create(database.db, actor, 'test.held', {});
    await a.start(id);
    await sleep(700);
    expect(await b.failExpired()).toBe(0);
    held.open();
    await a.idle();
    expect((await row(database.db, id)).status).toBe('done');
  });

  it('the scheduled job takes tasks still queued (their creator never started them), fails expired ones, deletes old ones', async () => {
    const b = createTaskRunner(second.db, kinds, { instance: 'B' });
    const id = await b.create(database.db, actor, 'test.count', { n: 5 });
    const dead = await b.create(database.db, actor, 'test.count', { n: 6 });
    await database.db.updateTable('task').set({ status: 'running', instance: 'dood', started_at: new Date(), lease_until: new Date(Date.now() - 1) }).where('id', '=', dead).execute();
    const day = 86_400_000;
    const old = await b.create(database.db, actor, 'test.count', { n: 7 });
    const recent = await b.create(database.db, actor, 'test.count', { n: 8 });
    for (const [task, age] of [[old, 31 * day], [recent, 29 * day]] as const) {
      await database.db.updateTable('task').set({ status: 'done', result: '1', finished_at: new Date(Date.now() - age) }).where('id', '=', task).execute();
    }
    const summary = await createScheduler(second.db, [tasksJob(b)], { instance: 'B' }).runNow('taken');
    expect(summary).toEqual({ failed: 1, purged: 1, started: 1 });
    expect(await database.db.selectFrom('task').select('id').where('id', 'in', [old, recent]).execute()).toEqual([{ id: recent }]);
    await b.idle();
    expect(await row(database.db, id)).toMatchObject({ status: 'done', result: { n: 10 }, instance: 'B' });
    expect((await row(database.db, dead)).status).toBe('failed');
  });
});
