import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { testApp } from '../../../test/helpers/server.ts';
import { DEMO, login } from '../../../test/helpers/auth.ts';
import { demoOccupancyCsvWithBadLine } from '../../domain/reception/index.ts';
import * as service from './service.ts';

describe('reception API on the demo data', () => {
  let t: Awaited<ReturnType<typeof testApp>>;
  const as: Record<string, Record<string, string>> = {};
  beforeAll(async () => {
    t = await testApp({ demo: true });
    for (const role of ['secretariaat', 'provincie', 'gemeente', 'coa'] as const) {
      const s = await login(t.app, DEMO[role]);
      as[role] = { cookie: s.cookie, 'x-csrf-token': s.csrf };
    }
  });
  afterAll(async () => t?.close());
  const get = (url: string, who = 'secretariaat') => t.app.inject({ url, headers: as[who] });
  const post = (url: string, who: string, payload: unknown) => t.app.inject({ method: 'POST', url, headers: as[who], payload: payload as object });
  const count = async (table: 'occupancy' | 'reception_alert' | 'occupancy_upload') =>
    Number((await t.database.db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);

  it('shows Ter Apel on 8 July 2022 at 2,193 over its norm of 2,000, with its breach days, streak and forecast', async () => {
    const r = await get('/api/v1/reception/locations/TERAPEL?to=2022-07-08');
    expect(r.statusCode).toBe(200);
    const d = r.json();
    expect(d.summary.last).toEqual({ date: '2022-07-08', occupancy: 2193, norm: 2000, difference: 193 });
    expect(d.breachDays.length).toBeGreaterThan(5);
    expect(d.breachDays.every((b: { occupancy: number; norm: number }) => b.occupancy > b.norm)).toBe(true);
    expect(d.summary.currentStreak.to).toBe('2022-07-08');
    expect(d.forecast.method).toBe('holt');
    expect(d.forecast.backtest.mae).toBeGreaterThan(0);
    expect(d.forecast.description).toMatch(/Holt/);
    // The demo's penalty runs from 1 June: every breach day since then counts, in whole cents.
    const since = d.breachDays.filter((b: { date: string }) => b.date >= '2022-06-01').length;
    expect(d.penalties[0]).toMatchObject({ days: since, amountCents: 1_500_000, totalCents: since * 1_500_000 });
    expect(d).toEqual(JSON.parse(JSON.stringify(await service.locationDetail(t.database.db, 'TERAPEL', { to: '2022-07-08' }))));
  });

  it('gives the national picture: 7,500 permit holders waiting, capacity per province against the capacity decision', async () => {
    const r = (await get('/api/v1/reception?asOf=2022-07-08')).json();
    expect(r.permitHolders).toBe(7500);
    const terApel = r.registrationCentres.find((c: { code: string }) => c.code === 'TERAPEL');
    expect(terApel).toMatchObject({ occupancy: 2193, norm: 2000 });
    expect(r.byType.map((b: { type: string }) => b.type)).toEqual(expect.arrayContaining(['aanmeldcentrum', 'azc', 'noodopvang', 'crisisnoodopvang', 'flexibele opvang']));
    expect(r.occupancy).toBe(r.byType.reduce((s: number, b: { occupancy: number }) => s + b.occupancy, 0));
    expect(r.capacityShare.total.share).toBe(51_000);
    expect(r.capacityShare.provinces).toHaveLength(12);
    expect(r.capacityShare.total.realised).toBe(r.capacityShare.provinces.reduce((s: number, p: { realised: number }) => s + p.realised, 0));
    expect(r).toEqual(JSON.parse(JSON.stringify(await service.nationalReception(t.database.db, '2022-07-08'))));
  });

  it('raised one alert for the current breach streak, shown to those who follow Ter Apel only', async () => {
    const alerts = (await get('/api/v1/reception/alerts')).json().items;
    const terApel = alerts.filter((a: { locationCode: string }) => a.locationCode === 'TERAPEL');
    expect(terApel.length).toBeGreaterThan(0);
    expect(new Set(terApel.map((a: { streakStart: string }) => a.streakStart)).size).toBe(terApel.length);
    // Ter Apel is in Groningen (PV20): the Noord-Holland supervisor and Amsterdam do not follow it.
    expect((await get('/api/v1/reception/alerts', 'provincie')).json().items.some((a: { locationCode: string }) => a.locationCode === 'TERAPEL')).toBe(false);
    expect((await get('/api/v1/reception/alerts', 'gemeente')).json().items.some((a: { locationCode: string }) => a.locationCode === 'TERAPEL')).toBe(false);
    expect((await t.app.inject({ url: '/api/v1/reception/alerts' })).statusCode).toBe(401);
  });

  it('rejects an upload with one bad line whole, naming the line, and stores nothing', async () => {
    const before = [await count('occupancy'), await count('occupancy_upload'), await count('reception_alert')];
    const r = await post('/api/v1/reception/occupancy/uploads', 'coa', { format: 'csv', content: demoOccupancyCsvWithBadLine(), fileName: 'met-fout.csv' });
    expect(r.statusCode).toBe(422);
    expect(r.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(r.json().invalidParams).toHaveLength(1);
    expect(r.json().invalidParams[0].reason).toMatch(/^regel 2, datum:/);
    expect([await count('occupancy'), await count('occupancy_upload'), await count('reception_alert')]).toEqual(before);
    expect((await post('/api/v1/reception/occupancy/uploads', 'secretariaat', { format: 'csv', content: 'x' })).statusCode).toBe(403);
  });

  it('records a new day, raises a new streak’s alert once, and takes the same file twice as a no-op', async () => {
    const content = 'locatiecode,datum,bezetting,statushouders\nTERAPEL,2022-07-09,1990,150\nTERAPEL,2022-07-10,2050,151\n';
    const first = await post('/api/v1/reception/occupancy/uploads', 'coa', { format: 'csv', content });
    expect(first.statusCode).toBe(201);
    expect(first.json()).toMatchObject({ newCount: 2, correctedCount: 0, alerts: [{ locationCode: 'TERAPEL', date: '2022-07-10', streakStart: '2022-07-10' }] });
    const again = await post('/api/v1/reception/occupancy/uploads', 'coa', { format: 'csv', content });
    expect(again.statusCode).toBe(200);
    expect(again.json()).toMatchObject({ alreadyUploaded: true, newCount: 0, alerts: [] });
    // The same lines in another file: known days with the same figures change nothing and raise nothing.
    const overlap = await post('/api/v1/reception/occupancy/uploads', 'coa', { format: 'csv', content: `${content}\n` });
    expect(overlap.json()).toMatchObject({ alreadyUploaded: false, newCount: 0, unchangedCount: 2, alerts: [] });
  });

  it('refuses a different figure for a known day unless it is sent as a correction, and keeps the old figure in the audit trail', async () => {
    const refused = await post('/api/v1/reception/locations/TERAPEL/occupancy', 'coa', { date: '2022-07-09', occupancy: 1995, permitHolders: 150 });
    expect(refused.statusCode).toBe(422);
    expect(refused.json().invalidParams[0].reason).toMatch(/al 1990 vastgelegd/);
    const ok = await post('/api/v1/reception/locations/TERAPEL/occupancy', 'coa', { date: '2022-07-09', occupancy: 1995, permitHolders: 150, correction: true });
    expect(ok.statusCode).toBe(201);
    expect(ok.json().correctedCount).toBe(1);
    const audit = await t.database.db.selectFrom('audit_log').select(['before']).where('resource_type', '=', 'bezetting').orderBy('id', 'desc').executeTakeFirstOrThrow();
    expect(JSON.stringify(audit.before)).toContain('1990');
  });

  it('reads the same list from Excel', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Bezetting');
    ws.addRow(['locatiecode', 'datum', 'bezetting', 'statushouders']);
    ws.addRow(['TERAPEL', new Date(Date.UTC(2022, 6, 11)), 2010, 152]);
    const r = await post('/api/v1/reception/occupancy/uploads', 'coa', { format: 'xlsx', content: Buffer.from(await wb.xlsx.writeBuffer()).toString('base64') });
    expect(r.statusCode).toBe(201);
    expect(r.json().newCount).toBe(1);
    const bad = await post('/api/v1/reception/occupancy/uploads', 'coa', { format: 'xlsx', content: Buffer.from('geen excel').toString('base64') });
    expect(bad.statusCode).toBe(422);
  });

  it('registers a location and its capacity changes, checked against its history', async () => {
    const created = await post('/api/v1/reception/locations', 'coa', {
      code: 'DEMO-NIEUW', name: 'Noodopvang Sporthal', type: 'noodopvang', municipalityCode: 'GM0363', events: [{ date: '2022-07-01', kind: 'opening', places: 150 }],
    });
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({ code: 'DEMO-NIEUW', provinceCode: 'PV27' });
    const closeTooMuch = await post('/api/v1/reception/locations/DEMO-NIEUW/events', 'coa', { date: '2022-08-01', kind: 'sluiting', places: 200 });
    expect(closeTooMuch.statusCode).toBe(400);
    const grow = await post('/api/v1/reception/locations/DEMO-NIEUW/events', 'coa', { date: '2022-08-01', kind: 'uitbreiding', places: 50, reason: 'tweede hal' });
    expect(grow.statusCode).toBe(201);
    expect(grow.json().capacity).toBe(200);
    expect((await post('/api/v1/reception/locations', 'coa', { code: 'DEMO-NIEUW', name: 'x', type: 'azc', municipalityCode: 'GM0363', events: [] })).statusCode).toBe(409);
    expect((await post('/api/v1/reception/locations', 'provincie', { code: 'DEMO-X', name: 'x', type: 'azc', municipalityCode: 'GM0363', events: [] })).statusCode).toBe(403);
    const list = (await get('/api/v1/reception/locations?asOf=2022-08-02', 'gemeente')).json();
    expect(list.items.find((l: { code: string }) => l.code === 'DEMO-NIEUW').capacity).toBe(200);
  });
});
