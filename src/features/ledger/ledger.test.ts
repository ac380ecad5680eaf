import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApp } from '../../../test/helpers/server.ts';
import { DEMO, login } from '../../../test/helpers/auth.ts';
import * as service from './service.ts';

describe('ledger API on the demo data', () => {
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

  it('matches the seed: the bare task of 2022-I met and half of the backlog caught up', async () => {
    const r = await get('/api/v1/ledger?period=2022-I');
    expect(r.statusCode).toBe(200);
    const { totals, items } = r.json();
    expect(totals.bareTaskMet).toBe(true);
    expect(totals.backlogCaughtUp).toBe(0.5);
    expect(totals.realised).toBe(totals.taakstelling + totals.carriedIn / 2);
    expect(items.length).toBe(345);
  });

  it('carries every balance into the next half-year, Weesp’s into Amsterdam', async () => {
    const ams = (await get('/api/v1/ledger/GM0363')).json();
    const [first, second] = ams.ledger.periods;
    expect(first.period).toBe('2022-I');
    const weesp = (await get('/api/v1/ledger/GM0457')).json();
    expect(weesp.ledger.closed.successors[0].code).toBe('GM0363');
    const fromWeesp = second.transfersIn.find((x: { fromCode: string }) => x.fromCode === 'GM0457');
    expect(fromWeesp.amount).toBe(weesp.ledger.periods[0].carriedOut);
    expect(second.carriedIn).toBe(first.carriedOut + fromWeesp.amount);
    expect(second.corrected).toBe(second.taakstelling + second.carriedIn + second.swapsNet);
  });

  it('lists a province’s municipalities for supervision, newly overdue first, with a suggested step', async () => {
    const r = (await get('/api/v1/ledger?period=2022-II&province=PV27&asOf=2022-09-30', 'provincie')).json();
    expect(r.items.every((i: { provinceCode: string }) => i.provinceCode === 'PV27')).toBe(true);
    const flags = r.items.map((i: { newlyOverdue: boolean }) => i.newlyOverdue);
    expect(flags).toEqual([...flags].sort((a, b) => Number(b) - Number(a)));
    expect(r.items.some((i: { monthStatus: string }) => i.monthStatus === 'achter' || i.monthStatus === 'licht achter')).toBe(true);
  });

  it('lets the province step a municipality up the ladder one step at a time, and only its own', async () => {
    const url = '/api/v1/ledger/GM0358/steps';
    const skip = await t.app.inject({ method: 'POST', url, headers: as.provincie, payload: { step: 'schriftelijke aanmaning', date: '2022-11-01', reason: 'te snel' } });
    expect(skip.statusCode).toBe(400);
    const ok = await t.app.inject({ method: 'POST', url, headers: as.provincie, payload: { step: 'signaleren', date: '2022-11-01', reason: 'achterstand na 2022-I' } });
    expect(ok.statusCode).toBe(201);
    const ledger = (await get('/api/v1/ledger/GM0358', 'provincie')).json();
    expect(ledger.ladder.current.step).toBe('signaleren');
    const other = await t.app.inject({ method: 'POST', url: '/api/v1/ledger/GM0518/steps', headers: as.provincie, payload: { step: 'signaleren', date: '2022-11-01', reason: 'x' } });
    expect(other.statusCode).toBe(403);
    expect((await t.app.inject({ method: 'POST', url, headers: as.secretariaat, payload: { step: 'geen', date: '2022-12-01', reason: 'x' } })).statusCode).toBe(403);
  });

  it('shows the municipality’s own count beside COA’s, never over it', async () => {
    const r = await t.app.inject({ method: 'POST', url: '/api/v1/ledger/GM0363/realisations', headers: as.gemeente, payload: { date: '2022-07-20', persons: 4 } });
    expect(r.statusCode).toBe(201);
    expect((await t.app.inject({ method: 'POST', url: '/api/v1/ledger/GM0014/realisations', headers: as.gemeente, payload: { date: '2022-07-20', persons: 4 } })).statusCode).toBe(403);
    const ancient = await t.app.inject({ method: 'POST', url: '/api/v1/ledger/GM0363/realisations', headers: as.gemeente, payload: { date: '1900-05-01', persons: 1 } });
    expect(ancient.statusCode).toBe(400);
    expect(ancient.json().invalidParams[0].name).toBe('date');
    const ams = (await get('/api/v1/ledger/GM0363', 'gemeente')).json();
    const july = ams.reconciliation.find((m: { month: string }) => m.month === '2022-07');
    expect(july.municipality).toBe(4);
    expect(july.coa).toBeGreaterThan(0);
    expect(july.difference).toBe(4 - july.coa);
    // The ledger counts COA's registrations only.
    expect(ams.ledger.periods[1].months[0].realised).toBe(july.coa);
  });

  it('shows the published half-year map without login: percentage realised in three classes', async () => {
    const r = await t.app.inject({ url: '/api/v1/ledger/public-map?period=2022-I' });
    expect(r.statusCode).toBe(200);
    const body = r.json();
    expect(body.items).toHaveLength(345);
    expect(body.provinces.every((p: { published: unknown }) => p.published !== null)).toBe(true);
    expect(new Set(body.items.map((i: { class: string }) => i.class))).toEqual(new Set(['behaald', 'bijna', 'achter']));
    // One decimal, within half a tenth of the exact share.
    for (const i of body.items) expect(Math.abs(Math.round(i.percentage * 10) * i.corrected - i.realised * 1000)).toBeLessThanOrEqual(i.corrected / 2);
    expect((await t.app.inject({ url: '/api/v1/ledger?period=2022-I' })).statusCode).toBe(401);
    expect((await t.app.inject({ url: '/api/v1/ledger/public-map/preview?period=2022-I' })).statusCode).toBe(401);
  });

  it('shows the province’s figures on the public map only once it publishes, frozen until it publishes again', async () => {
    const publicMap = async () => (await t.app.inject({ url: '/api/v1/ledger/public-map?period=2022-II' })).json();
    const before = await publicMap();
    expect(before.items).toEqual([]);
    expect(before.provinces.find((p: { code: string }) => p.code === 'PV27').published).toBeNull();
    const preview = (await get('/api/v1/ledger/public-map/preview?period=2022-II&province=PV27', 'provincie')).json();
    expect(preview.items.length).toBeGreaterThan(30);

    const publish = (who: string, provinceCode: string) =>
      t.app.inject({ method: 'POST', url: '/api/v1/ledger/public-map/publications', headers: as[who], payload: { period: '2022-II', provinceCode } });
    expect((await publish('provincie', 'PV26')).statusCode).toBe(403);
    expect((await publish('secretariaat', 'PV27')).statusCode).toBe(403);
    const first = await publish('provincie', 'PV27');
    expect(first.statusCode).toBe(201);
    expect(first.json()).toMatchObject({ version: 1, provinceCode: 'PV27', municipalities: preview.items.length });
    const after = await publicMap();
    expect(after.items).toEqual(preview.items);
    expect(after.provinces.find((p: { code: string }) => p.code === 'PV27').published.version).toBe(1);

    // New realisations change the ledger, not the published map, until the province publishes again.
    const zaandam = preview.items.find((i: { code: string }) => i.code === 'GM0479');
    const upload = await t.app.inject({
      method: 'POST', url: '/api/v1/realisations/uploads', headers: as.coa,
      payload: { period: '2022-II', format: 'csv', content: 'gemeentecode,datum,personen\nGM0479,2022-11-10,7\n' },
    });
    expect(upload.statusCode).toBe(201);
    expect((await publicMap()).items.find((i: { code: string }) => i.code === 'GM0479').realised).toBe(zaandam.realised);
    expect((await publish('provincie', 'PV27')).json().version).toBe(2);
    expect((await publicMap()).items.find((i: { code: string }) => i.code === 'GM0479').realised).toBe(zaandam.realised + 7);
    const audit = await t.database.db.selectFrom('audit_log').select(['action', 'resource_id']).where('resource_type', '=', 'halfjaarkaart').where('resource_id', '=', '2022-II/PV27').execute();
    expect(audit).toHaveLength(2);
  });

  it('records a swap within a province (art. 29(2)) that moves task between two ledgers, and refuses one across provinces', async () => {
    const before = (await get('/api/v1/ledger?period=2022-II&province=PV27', 'provincie')).json().items;
    const corrected = (code: string, items: { code: string; corrected: number }[]) => items.find((i) => i.code === code)!.corrected;
    const r = await t.app.inject({ method: 'POST', url: '/api/v1/ledger/swaps', headers: as.provincie, payload: { period: '2022-II', from: 'GM0363', to: 'GM0361', amount: 10, reason: 'afspraak Amsterdam–Alkmaar' } });
    expect(r.statusCode).toBe(201);
    const after = (await get('/api/v1/ledger?period=2022-II&province=PV27', 'provincie')).json().items;
    expect(corrected('GM0363', after)).toBe(corrected('GM0363', before) - 10);
    expect(corrected('GM0361', after)).toBe(corrected('GM0361', before) + 10);
    const across = await t.app.inject({ method: 'POST', url: '/api/v1/ledger/swaps', headers: as.provincie, payload: { period: '2022-II', from: 'GM0363', to: 'GM0518', amount: 1, reason: 'x' } });
    expect(across.statusCode).toBe(400);
    expect(across.json().code).toBe('ruil-andere-ouder');
    const tooMuch = await t.app.inject({ method: 'POST', url: '/api/v1/ledger/swaps', headers: as.provincie, payload: { period: '2022-II', from: 'GM0358', to: 'GM0361', amount: 100_000, reason: 'x' } });
    expect(tooMuch.statusCode).toBe(400);
    expect((await t.app.inject({ method: 'POST', url: '/api/v1/ledger/swaps', headers: as.provincie, payload: { period: '2022-II', from: 'GM0518', to: 'GM0599', amount: 1, reason: 'x' } })).statusCode).toBe(403);
  });

  it('answers exactly what the service computes: the response schemas drop no field', async () => {
    const plain = (v: unknown) => JSON.parse(JSON.stringify(v)) as unknown;
    const step = await t.app.inject({ method: 'POST', url: '/api/v1/ledger/GM0361/steps', headers: as.provincie, payload: { step: 'signaleren', date: '2022-11-02', reason: 'achterstand', documents: ['brief 2022-11-02'] } });
    expect(step.statusCode).toBe(201);
    for (const code of ['GM0363', 'GM0457', 'GM0361']) {
      expect((await get(`/api/v1/ledger/${code}?asOf=2022-12-31`)).json()).toEqual(plain(await service.municipalityLedger(t.database.db, code, '2022-12-31')));
    }
    expect((await get('/api/v1/ledger/GM0361')).json().ladder.history.at(-1).documents).toEqual(['brief 2022-11-02']);
    expect((await get('/api/v1/ledger?period=2022-II&asOf=2022-10-31')).json()).toEqual(plain(await service.overview(t.database.db, { period: '2022-II', asOf: '2022-10-31' })));
  });
});
