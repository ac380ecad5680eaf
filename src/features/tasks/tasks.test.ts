import { inflateSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApp } from '../../../test/helpers/server.ts';
import { DEMO, login } from '../../../test/helpers/auth.ts';
import { pdfText } from '../../../test/helpers/pdf-text.ts';

/** The PDF with its (deflated) content streams inflated, for pdfText. */
function inflated(pdf: Buffer): Buffer {
  const parts: Buffer[] = [];
  for (const m of pdf.toString('latin1').matchAll(/stream\r?\n([\s\S]*?)endstream/g)) {
    try {
      parts.push(inflateSync(Buffer.from(m[1]!, 'latin1')));
    } catch {
      // not a deflated stream
    }
  }
  return Buffer.concat(parts);
}

describe('background tasks over the API (projection, monthly overview PDF)', () => {
  let t: Awaited<ReturnType<typeof testApp>>;
  const as: Record<string, Record<string, string>> = {};
  beforeAll(async () => {
    t = await testApp({ demo: true });
    for (const role of ['secretariaat', 'lid', 'gemeente', 'coa'] as const) {
      const s = await login(t.app, DEMO[role]);
      as[role] = { cookie: s.cookie, 'x-csrf-token': s.csrf };
    }
  });
  afterAll(async () => t?.close());
  const get = (url: string, who = 'lid') => t.app.inject({ url, headers: as[who] });
  const post = (url: string, payload: unknown, who = 'lid') => t.app.inject({ method: 'POST', url, headers: as[who], payload: payload as object });
  const finished = async (id: number, who = 'lid') => {
    await expect.poll(async () => (await get(`/api/v1/tasks/${id}`, who)).json<{ status: string }>().status, { timeout: 20_000 }).toMatch(/^(done|failed)$/);
    return (await get(`/api/v1/tasks/${id}`, who)).json<Record<string, unknown>>();
  };

  it('runs a projection as a task: 202 + Location, then the same result as the synchronous call, audited', async () => {
    const body = { scenarioId: 1, runs: 500, seed: 3, weeks: 26 };
    const started = await post('/api/v1/projections/tasks', body);
    expect(started.statusCode, started.body).toBe(202);
    const { id, location } = started.json<{ id: number; location: string }>();
    expect(started.headers.location).toBe(`/api/v1/tasks/${id}`);
    expect(location).toBe(`/api/v1/tasks/${id}`);
    const task = await finished(id);
    expect(task).toMatchObject({ id, kind: 'projectie', status: 'done', progress: 1, error: null, createdBy: DEMO.lid, input: { ref: { scenarioId: 1 }, runs: 500, seed: 3, weeks: 26 } });
    const direct = await post('/api/v1/projections', body);
    expect(task.result).toEqual(direct.json());
    const audit = await t.database.db.selectFrom('audit_log').select(['action', 'actor']).where('resource_type', '=', 'task').where('resource_id', '=', String(id)).execute();
    expect(audit).toEqual([{ action: 'create', actor: DEMO.lid }]);
  });

  it('refuses a bad projection at once (400), without a task', async () => {
    const before = await t.database.db.selectFrom('task').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    const tooMany = await post('/api/v1/projections/tasks', { scenarioId: 1, runs: 100_000, weeks: 520 });
    expect(tooMany.statusCode).toBe(400);
    expect(tooMany.json<{ detail: string }>().detail).toContain('te veel');
    expect((await post('/api/v1/projections/tasks', { scenarioId: 99_999 })).statusCode).toBe(404);
    expect((await post('/api/v1/projections/tasks', { scenario: { name: 'leeg' } })).statusCode).toBe(400);
    const after = await t.database.db.selectFrom('task').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    expect(Number(after.n)).toBe(Number(before.n));
  });

  it('shows a task to its creator and the secretariat only; lists only one’s own tasks', async () => {
    const { id } = (await post('/api/v1/projections/tasks', { scenarioId: 1, runs: 20, weeks: 4 })).json<{ id: number }>();
    await finished(id);
    expect((await get(`/api/v1/tasks/${id}`, 'secretariaat')).statusCode).toBe(200);
    expect((await get(`/api/v1/tasks/${id}`, 'gemeente')).statusCode).toBe(403);
    expect((await get(`/api/v1/tasks/${id}`)).statusCode).toBe(200);
    expect((await get('/api/v1/tasks/2000000')).statusCode).toBe(404);
    const mine = (await get('/api/v1/tasks')).json<{ items: { id: number; result?: unknown }[] }>().items;
    expect(mine.map((x) => x.id)).toContain(id);
    expect(mine[0]!.id).toBeGreaterThanOrEqual(id);
    expect(mine[0]).not.toHaveProperty('result');
    const theirs = (await get('/api/v1/tasks', 'gemeente')).json<{ items: { id: number }[] }>().items;
    expect(theirs.map((x) => x.id)).not.toContain(id);
  });

  it('makes the monthly overview PDF as a task; the file is served from the task', async () => {
    const started = await post('/api/v1/reports/overview/tasks', { month: '2022-07' }, 'gemeente');
    expect(started.statusCode, started.body).toBe(202);
    const { id } = started.json<{ id: number }>();
    const task = await finished(id, 'gemeente');
    expect(task).toMatchObject({ status: 'done', file: { name: 'maandoverzicht-2022-07.pdf', type: 'application/pdf' }, result: { month: '2022-07', provinces: 12 } });
    const file = await get(`/api/v1/tasks/${id}/file`, 'gemeente');
    expect(file.statusCode).toBe(200);
    expect(file.headers['content-type']).toBe('application/pdf');
    expect(file.headers['content-disposition']).toBe('attachment; filename="maandoverzicht-2022-07.pdf"');
    expect(pdfText(inflated(file.rawPayload))).toContain('Maandoverzicht provinciale rapportages 2022-07');
    expect((await get(`/api/v1/tasks/${id}/file`, 'lid')).statusCode).toBe(403);
    expect((await post('/api/v1/reports/overview/tasks', { month: '2022-13' })).statusCode).toBe(400);
  });

  it('reads a realisation list as a task: all lines, or on a bad line none and the problem kept with the task', async () => {
    const lines = async () => Number((await t.database.db.selectFrom('realisation').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
    const before = await lines();
    const content = 'gemeentecode,datum,personen\nGM0363,2022-09-01,3\nGM0479,2022-09-02,4\n';
    const started = await post('/api/v1/realisations/uploads/tasks', { period: '2022-II', format: 'csv', content, fileName: 'lijst.csv' }, 'coa');
    expect(started.statusCode, started.body).toBe(202);
    const { id } = started.json<{ id: number }>();
    const task = await finished(id, 'coa');
    expect(task).toMatchObject({ kind: 'realisaties-upload', status: 'done', input: { period: '2022-II', format: 'csv', fileName: 'lijst.csv' }, result: { alreadyUploaded: false, lineCount: 2, newCount: 2 } });
    expect(await lines()).toBe(before + 2);
    // The file is not kept once the task has run.
    expect((await t.database.db.selectFrom('task').select('input_file').where('id', '=', id).executeTakeFirstOrThrow()).input_file).toBeNull();

    const bad = await post('/api/v1/realisations/uploads/tasks', { period: '2022-II', format: 'csv', content: 'gemeentecode,datum,personen\nGM0363,2022-09-03,5\nGM9999,2022-09-04,1\n' }, 'coa');
    const failed = await finished(bad.json<{ id: number }>().id, 'coa');
    expect(failed).toMatchObject({ status: 'failed', result: null, error: { status: 422, code: 'bestand-afgekeurd' } });
    expect((failed.error as { invalidParams: { name: string }[] }).invalidParams[0]!.name).toMatch(/^regel 3/);
    expect(await lines()).toBe(before + 2);
    expect((await post('/api/v1/realisations/uploads/tasks', { period: '2022-III', format: 'csv', content }, 'coa')).statusCode).toBe(400);
    expect((await post('/api/v1/realisations/uploads/tasks', { period: '2022-II', format: 'csv', content }, 'lid')).statusCode).toBe(403);
  });

  it('a projection task has no file', async () => {
    const { id } = (await post('/api/v1/projections/tasks', { scenarioId: 1, runs: 5, weeks: 2 })).json<{ id: number }>();
    await finished(id);
    const file = await get(`/api/v1/tasks/${id}/file`);
    expect(file.statusCode).toBe(404);
    expect(file.json<{ code: string }>().code).toBe('taak-geen-bestand');
  });
});
