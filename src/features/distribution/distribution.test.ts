import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import ExcelJS from 'exceljs';
import { testApp } from '../../../test/helpers/server.ts';
import { DEMO, login } from '../../../test/helpers/auth.ts';

describe('distribution API', () => {
  let t: Awaited<ReturnType<typeof testApp>>;
  let secretariat: Record<string, string>;
  let province: Record<string, string>;
  beforeAll(async () => {
    t = await testApp({ demo: true });
    const s = await login(t.app, DEMO.secretariaat);
    secretariat = { cookie: s.cookie, 'x-csrf-token': s.csrf };
    const p = await login(t.app, DEMO.provincie);
    province = { cookie: p.cookie, 'x-csrf-token': p.csrf };
  });
  afterAll(async () => t?.close());

  const post = (url: string, headers: Record<string, string>, payload: object) => t.app.inject({ method: 'POST', url, headers, payload });
  const national = { kind: 'verdeling', level: 'province', total: 51_000, key: 'population', method: 'largest-remainder', referenceDate: '2021-01-01', boundaryDate: '2022-07-11' };

  it('divides 51,000 places over the 12 provinces exactly, marked unofficial, with an explanation per province', async () => {
    const r = await post('/api/v1/distributions/preview', secretariat, national);
    expect(r.statusCode).toBe(200);
    const v = r.json();
    expect(v.areas).toHaveLength(12);
    expect(v.assignedTotal).toBe(51_000);
    expect(v.areas.reduce((s: number, a: { assigned: number }) => s + a.assigned, 0)).toBe(51_000);
    expect(v.populationStatus).toBe('onofficieel');
    const zh = v.areas.find((a: { code: string }) => a.code === 'PV28');
    // 51,000 × 3,726,710 / 17,475,908 = 10,875.8… → 10,875 or 10,876
    expect([10_875, 10_876]).toContain(zh.assigned);
    expect(zh.explanation).toMatch(/10\.875,67 → 10\.87[56]/);
    expect(zh.populationStatus).toBe('onofficieel');
  });

  it('cascades national → province → municipality in one run, keeping every province’s total', async () => {
    const provinces = (await post('/api/v1/distributions/preview', secretariat, national)).json();
    const cascade = (await post('/api/v1/distributions/preview', secretariat, { ...national, level: 'municipality' })).json();
    expect(cascade.areas).toHaveLength(344); // 11 July 2022: Weesp is part of Amsterdam
    expect(cascade.assignedTotal).toBe(51_000);
    for (const p of provinces.areas) {
      const sum = cascade.areas.filter((a: { parentCode: string }) => a.parentCode === p.code).reduce((s: number, a: { assigned: number }) => s + a.assigned, 0);
      expect(sum, p.code).toBe(p.assigned);
    }
    expect(cascade.areas.find((a: { code: string }) => a.code === 'GM0363').explanation).toContain('provincie PV27');
  });

  it('computes the taakstelling 2022-II as ⌈vg · iG / iN⌉ with Weesp inside Amsterdam', async () => {
    const v = (await post('/api/v1/distributions/preview', province, { kind: 'taakstelling', period: '2022-II', national: 13_500 })).json();
    expect(v.referenceDate).toBe('2021-01-01');
    expect(v.boundaryDate).toBe('2022-07-01');
    expect(v.nationalPopulation).toBe(17_475_415);
    expect(v.areas).toHaveLength(344);
    const ams = v.areas.find((a: { code: string }) => a.code === 'GM0363');
    const iG = BigInt(ams.population);
    const expected = (13_500n * iG + 17_475_415n - 1n) / 17_475_415n;
    expect(BigInt(ams.assigned)).toBe(expected);
    expect(v.assignedTotal).toBeGreaterThanOrEqual(13_500);
    expect(v.assignedTotal - 13_500).toBeLessThan(344);
    expect(v.areas.some((a: { code: string }) => a.code === 'GM0457')).toBe(false);
  });

  it('answers bad input with 400 naming the field, and stores nothing', async () => {
    const count = async () => Number((await t.database.db.selectFrom('distribution_decision').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
    const before = await count();
    const negative = await post('/api/v1/distributions', secretariat, { ...national, total: -5 });
    expect(negative.statusCode).toBe(400);
    expect(negative.json().invalidParams[0].name).toBe('total');
    const unknown = await post('/api/v1/distributions', secretariat, { ...national, existing: { PV99: 3, GM0363: 4 } });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().detail).toContain('PV99');
    const noPopulation = await post('/api/v1/distributions', secretariat, { ...national, referenceDate: '2019-01-01', boundaryDate: '2020-07-01' });
    expect(noPopulation.statusCode).toBe(400);
    expect(noPopulation.json().code).toBe('peildatum-zonder-inwonertal');
    const zeroWeights = await post('/api/v1/distributions', secretariat, {
      ...national,
      key: { indicators: [{ name: 'gdp', weight: 1 }], values: Object.fromEntries(['PV20', 'PV21', 'PV22', 'PV23', 'PV24', 'PV25', 'PV26', 'PV27', 'PV28', 'PV29', 'PV30', 'PV31'].map((c) => [c, { gdp: 0 }])) },
    });
    expect(zeroWeights.statusCode).toBe(400);
    expect(zeroWeights.json().detail).toMatch(/0/);
    expect(await count()).toBe(before);
  });

  it('runs draft → publish → immutable → correction that supersedes', async () => {
    const draft = await post('/api/v1/distributions', secretariat, { ...national, title: 'Scenario A' });
    expect(draft.statusCode).toBe(201);
    const d = draft.json();
    expect(d.status).toBe('concept');
    const published = await t.app.inject({ method: 'POST', url: `/api/v1/distributions/${d.id}/publish`, headers: { ...secretariat, 'if-match': `"${d.version}"` } });
    expect(published.statusCode).toBe(200);
    const p = published.json();
    expect(p.status).toBe('gepubliceerd');
    expect(p.number).toMatch(/^V-\d{4}-\d{3}$/);
    // Neither the API nor the database itself lets a published decision change.
    const change = await t.app.inject({ method: 'PUT', url: `/api/v1/distributions/${d.id}`, headers: { ...secretariat, 'if-match': `"${p.version}"` }, payload: { ...national, total: 1 } });
    expect(change.statusCode).toBe(409);
    await expect(sql`update distribution_decision set total = 1 where id = ${d.id}`.execute(t.database.db)).rejects.toThrow(/onveranderlijk/);
    await expect(sql`delete from distribution_decision where id = ${d.id}`.execute(t.database.db)).rejects.toThrow(/niet worden verwijderd/);
    const correction = await post(`/api/v1/distributions/${d.id}/correction`, secretariat, {});
    expect(correction.statusCode).toBe(201);
    const c = correction.json();
    expect(c.supersedesId).toBe(d.id);
    const edited = await t.app.inject({ method: 'PUT', url: `/api/v1/distributions/${c.id}`, headers: { ...secretariat, 'if-match': `"${c.version}"` }, payload: { ...national, total: 51_500, title: 'Correctie' } });
    expect(edited.statusCode).toBe(200);
    const pc = await t.app.inject({ method: 'POST', url: `/api/v1/distributions/${c.id}/publish`, headers: secretariat, payload: { version: edited.json().version } });
    expect(pc.statusCode).toBe(200);
    const old = (await t.app.inject({ url: `/api/v1/distributions/${d.id}` })).json();
    expect(old).toMatchObject({ status: 'vervangen', supersededById: c.id, total: 51_000 });
    const history = (await t.app.inject({ url: `/api/v1/history/besluit/${d.id}`, headers: secretariat })).json();
    expect(history.items.map((i: { action: string }) => i.action)).toEqual(['update', 'publish', 'create']);
  });

  it('compares two scenarios per area', async () => {
    const a = (await post('/api/v1/distributions', secretariat, { ...national, title: 'A' })).json();
    const b = (await post('/api/v1/distributions', secretariat, { ...national, title: 'B', method: 'dhondt' })).json();
    const r = await t.app.inject({ url: `/api/v1/distributions/compare?a=${a.id}&b=${b.id}`, headers: secretariat });
    expect(r.statusCode).toBe(200);
    const cmp = r.json();
    expect(cmp.areas).toHaveLength(12);
    for (const row of cmp.areas) expect(row.difference).toBe(row.b - row.a);
    expect(cmp.totals).toEqual({ a: 51_000, b: 51_000, difference: 0 });
    // Drafts are not public.
    expect((await t.app.inject({ url: `/api/v1/distributions/compare?a=${a.id}&b=${b.id}` })).statusCode).toBe(401);
    expect((await t.app.inject({ url: `/api/v1/distributions/${a.id}` })).statusCode).toBe(401);
  });

  it('lets a province split its own share over its municipalities, and nobody else', async () => {
    const split = { kind: 'verdeling', level: 'municipality', within: 'PV27', total: 8_430, key: 'population', method: 'sainte-lague', referenceDate: '2021-01-01', boundaryDate: '2022-07-11' };
    const own = await post('/api/v1/distributions', province, split);
    expect(own.statusCode).toBe(201);
    expect(own.json().areas.every((a: { parentCode: string }) => a.parentCode === 'PV27')).toBe(true);
    expect(own.json().assignedTotal).toBe(8_430);
    expect((await post('/api/v1/distributions', province, { ...split, within: 'PV28' })).statusCode).toBe(403);
    expect((await post('/api/v1/distributions', province, national)).statusCode).toBe(403);
    expect((await post('/api/v1/distributions', secretariat, split)).statusCode).toBe(403);
  });

  it('exports CSV and XLSX with a header block naming key, method, reference date and totals', async () => {
    const list = (await t.app.inject({ url: '/api/v1/distributions?kind=taakstelling' })).json();
    const t2022ii = list.items.find((i: { period: string }) => i.period === '2022-II');
    expect(t2022ii.status).toBe('gepubliceerd');
    const csv = await t.app.inject({ url: `/api/v1/distributions/${t2022ii.id}/export?format=csv` });
    expect(csv.headers['content-type']).toMatch(/^text\/csv/);
    expect(csv.body).toContain('# Methode: round-up');
    expect(csv.body).toContain('# Peildatum inwonertallen: 2021-01-01');
    expect(csv.body).toContain('# Status inwonertallen: onofficieel');
    const xlsx = await t.app.inject({ url: `/api/v1/distributions/${t2022ii.id}/export?format=xlsx` });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const ws = wb.worksheets[0]!;
    expect(ws.getCell('A1').value).toBe('Besluit');
    const values = ws.getSheetValues().flat().map(String);
    expect(values).toContain('GM0363');
  });
});
