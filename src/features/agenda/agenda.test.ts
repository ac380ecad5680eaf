import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { testApp } from '../../../test/helpers/server.ts';
import { DEMO, login } from '../../../test/helpers/auth.ts';
import { createScheduler } from '../../platform/jobs/scheduler.ts';
import { escalationJob } from './escalation.ts';

describe('action agenda and monthly reports (API, demo data)', () => {
  let t: Awaited<ReturnType<typeof testApp>>;
  const as: Record<string, Record<string, string>> = {};
  beforeAll(async () => {
    t = await testApp({ demo: true });
    for (const role of ['secretariaat', 'lid', 'provincie', 'gemeente', 'coa'] as const) {
      const s = await login(t.app, DEMO[role]);
      as[role] = { cookie: s.cookie, 'x-csrf-token': s.csrf };
    }
  });
  afterAll(async () => t?.close());
  const get = (url: string, who = 'secretariaat') => t.app.inject({ url, headers: as[who] });
  const send = (method: 'POST' | 'PUT', url: string, who: string, payload?: unknown, headers: Record<string, string> = {}) =>
    t.app.inject({ method, url, headers: { ...as[who], ...headers }, ...(payload === undefined ? {} : { payload: payload as object }) });

  it('lists the seed’s measures 8 and 9 with their actions, filterable, overdue ones marked', async () => {
    const programmes = (await get('/api/v1/programmes', 'gemeente')).json().items;
    expect(programmes.find((p: { code: string }) => p.code === 'UFA').measures.map((m: { number: number }) => m.number)).toEqual([8, 9]);
    const all = (await get('/api/v1/actions?programme=UFA')).json().items;
    expect(all).toHaveLength(6);
    const nh = (await get('/api/v1/actions?programme=UFA&province=PV27')).json().items;
    expect(nh.every((a: { provinceCode: string }) => a.provinceCode === 'PV27')).toBe(true);
    const overdue = (await get('/api/v1/actions?programme=UFA&overdue=true')).json().items;
    // Today the demo's 2022 deadlines have all passed; finished actions are never overdue.
    expect(overdue.length).toBe(all.filter((a: { status: string }) => !['gereed', 'vervallen'].includes(a.status)).length);
    const coa = (await get('/api/v1/actions?programme=UFA&holder=coa')).json().items;
    expect(coa.map((a: { holder: { organisation: string } }) => a.holder.organisation)).toEqual(['COA']);
  });

  it('records progress with If-Match; an extended deadline needs a reason; a stale version is refused', async () => {
    const list = (await get('/api/v1/actions?status=open')).json().items;
    const a = list[0];
    const url = `/api/v1/actions/${a.id}/updates`;
    expect((await send('POST', url, 'provincie', { date: '2022-08-01', text: 'Gestart', status: 'loopt' })).statusCode).toBe(428);
    const ok = await send('POST', url, 'provincie', { date: '2022-08-01', text: 'Gestart', status: 'loopt' }, { 'if-match': `"${a.version}"` });
    expect(ok.statusCode).toBe(200);
    expect(ok.json().status).toBe('loopt');
    expect(ok.headers.etag).toBe(`"${a.version + 1}"`);
    const stale = await send('POST', url, 'provincie', { date: '2022-08-02', text: 'Nog eens' }, { 'if-match': `"${a.version}"` });
    expect(stale.statusCode).toBe(412);
    expect((await send('POST', url, 'gemeente', { date: '2022-08-02', text: 'x' }, { 'if-match': `"${a.version + 1}"` })).statusCode).toBe(403);
    const detail = (await get(`/api/v1/actions/${a.id}`)).json();
    expect(detail.updates.at(-1)).toMatchObject({ text: 'Gestart', statusBefore: 'open', statusAfter: 'loopt' });
  });

  it('lets the secretariat replace the ladder, checked whole', async () => {
    const ladder = (await get('/api/v1/escalation-ladder', 'lid')).json().levels;
    expect(ladder.map((l: { kind: string }) => l.kind)).toEqual(['herinnering-houder', 'prt-voorzitter', 'lrt-agenda', 'staatssecretaris']);
    const bad = await send('PUT', '/api/v1/escalation-ladder', 'secretariaat', { levels: [{ ...ladder[0] }, { ...ladder[1], afterDays: 0 }] });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().invalidParams[0].name).toMatch(/^levels\[1\]\./);
    expect((await send('PUT', '/api/v1/escalation-ladder', 'provincie', { levels: ladder })).statusCode).toBe(403);
    const ok = await send('PUT', '/api/v1/escalation-ladder', 'secretariaat', { levels: ladder });
    expect(ok.statusCode).toBe(200);
  });

  it('keeps a submitted report locked: the API refuses a change, and so does the database', async () => {
    const cell = (await get('/api/v1/reports/status')).json().cells.find((c: { province: string; received: boolean }) => c.province === 'PV27' && c.received);
    const url = `/api/v1/reports/PV27/${cell.month}`;
    const r = (await get(url, 'provincie')).json();
    expect(r.status).toBe('ingediend');
    const put = await send('PUT', url, 'provincie', { bottlenecks: 'anders', measures: [] }, { 'if-match': `"${r.version}"` });
    expect(put.statusCode).toBe(409);
    expect(put.json().code).toBe('rapportage-ingediend');
    const direct = await sql`update provincial_report set content = '{}' where province_code = 'PV27' and month = ${cell.month}`.execute(t.database.db).catch((e: unknown) => e);
    expect(direct).toBeInstanceOf(Error);
    expect((await get(url, 'provincie')).json().content.bottlenecks).toBe(r.content.bottlenecks);
  });

  it('takes a province’s draft pre-filled with its figures, refuses an incomplete submission, then submits once', async () => {
    // Noord-Holland skipped a month in the demo: find it.
    const status = (await get('/api/v1/reports/status')).json();
    const missing = status.cells.find((c: { province: string; received: boolean }) => c.province === 'PV27' && !c.received);
    expect(missing).toMatchObject({ expected: true, received: false, state: expect.any(String) });
    const month = missing.month;
    const fresh = (await get(`/api/v1/reports/PV27/${month}`, 'provincie')).json();
    expect(fresh).toMatchObject({ version: 0, stored: false, status: 'concept' });
    expect(fresh.content.figures.ledger.taakstelling).toBeGreaterThan(0);
    const url = `/api/v1/reports/PV27/${month}`;
    expect((await send('PUT', url, 'provincie', { bottlenecks: '', measures: [] }, { 'if-match': '"0"' })).statusCode).toBe(200);
    const incomplete = await send('POST', `${url}/submit`, 'provincie', undefined, { 'if-match': '"1"' });
    expect(incomplete.statusCode).toBe(422);
    const saved = await send('PUT', url, 'provincie', { bottlenecks: 'Te weinig woningen.', measures: [{ measure: 'Maatregel 8', progress: 'Twee locaties in voorbereiding.' }] }, { 'if-match': '"1"' });
    expect(saved.statusCode).toBe(200);
    expect((await send('PUT', '/api/v1/reports/PV26/2022-07', 'provincie', { bottlenecks: 'x', measures: [] }, { 'if-match': '"0"' })).statusCode).toBe(403);
    const submitted = await send('POST', `${url}/submit`, 'provincie', undefined, { 'if-match': '"2"' });
    expect(submitted.statusCode).toBe(200);
    expect(submitted.json()).toMatchObject({ status: 'ingediend' });
    // Submitted today, long after the 2022 deadline: it counts as received, not on time.
    const after = (await get(`/api/v1/reports/status?month=${month}`)).json();
    expect(after.cells.find((c: { province: string }) => c.province === 'PV27')).toMatchObject({ received: true, onTime: false });
  });

  it('shows completeness and timeliness per province, with late and missing reports', async () => {
    const s = (await get('/api/v1/reports/status', 'lid')).json();
    expect(s.months).toEqual(['2022-07', '2022-08', '2022-09']);
    const totals = s.provinces.reduce(
      (acc: number[], p: { expected: number; received: number; onTime: number }) => [acc[0]! + p.expected, acc[1]! + p.received, acc[2]! + p.onTime],
      [0, 0, 0],
    );
    expect(totals[0]).toBe(36);
    expect(totals[1]).toBeLessThan(36);
    expect(totals[2]).toBeLessThan(totals[1]);
  });

  it('gives the national monthly overview as HTML and as PDF', async () => {
    const html = await get('/api/v1/reports/overview?month=2022-07', 'lid');
    expect(html.statusCode).toBe(200);
    expect(html.headers['content-type']).toMatch(/text\/html/);
    expect(html.body).toContain('<html lang="nl">');
    expect(html.body).toContain('Noord-Holland');
    const pdf = await get('/api/v1/reports/overview?month=2022-07&format=pdf', 'lid');
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
  });

  it('escalates overdue actions and late reports into the inbox of those responsible', async () => {
    const s = createScheduler(t.database.db, [escalationJob({ mail: false })], { clock: () => new Date('2022-12-01T10:00:00Z') });
    const run = await s.runNow('escalatie');
    expect(run!.fired).toBeGreaterThan(0);
    const secretariat = (await get('/api/v1/inbox', 'secretariaat')).json();
    expect(secretariat.items.some((n: { title: string }) => /staatssecretaris/i.test(n.title))).toBe(true);
    const nh = (await get('/api/v1/inbox', 'provincie')).json();
    expect(nh.items.some((n: { subjectType: string }) => n.subjectType === 'actie')).toBe(true);
    const first = nh.items[0];
    expect((await send('POST', `/api/v1/inbox/${first.id}/read`, 'provincie')).json()).toEqual({ id: first.id, read: true });
    expect((await get('/api/v1/inbox?unread=true', 'provincie')).json().items.some((n: { id: number }) => n.id === first.id)).toBe(false);
    expect((await send('POST', `/api/v1/inbox/${first.id}/read`, 'gemeente')).statusCode).toBe(404);
    expect((await t.app.inject({ url: '/api/v1/inbox' })).statusCode).toBe(401);
  });
});
