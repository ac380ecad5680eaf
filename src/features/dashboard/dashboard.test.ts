import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApp } from '../../../test/helpers/server.ts';
import { DEMO, login } from '../../../test/helpers/auth.ts';
import type { Capacity, Dashboard } from '../../web/dashboard/types.ts';

/** Every figure's and row's href in an answer. */
function hrefs(value: unknown): string[] {
  if (Array.isArray(value)) return value.flatMap(hrefs);
  if (value && typeof value === 'object') {
    return Object.entries(value).flatMap(([k, v]) => (k === 'href' && typeof v === 'string' ? [v] : hrefs(v)));
  }
  return [];
}

/** The web app's route patterns, as App.tsx declares them (`/opvang/:code` → a regular expression). */
function webRoutes(): RegExp[] {
  const app = fs.readFileSync(new URL('../../web/App.tsx', import.meta.url), 'utf8');
  const paths = [...app.matchAll(/<Route\s+path="([^"]+)"/g)].map((m) => m[1]!).filter((p) => p !== '*');
  return paths.map((p) => new RegExp(`^${p.replace(/:[a-zA-Z]+/g, '[^/?#]+')}$`));
}

describe('dashboards (API, demo data)', () => {
  let t: Awaited<ReturnType<typeof testApp>>;
  const as: Record<string, Record<string, string>> = {};
  let national: Dashboard;
  beforeAll(async () => {
    t = await testApp({ demo: true });
    for (const role of ['secretariaat', 'lid', 'provincie', 'gemeente', 'coa'] as const) {
      const s = await login(t.app, DEMO[role]);
      as[role] = { cookie: s.cookie, 'x-csrf-token': s.csrf };
    }
    national = (await get('/api/v1/dashboard?asOf=2022-07-08')).json();
  });
  afterAll(async () => t?.close());
  const get = (url: string, who = 'secretariaat') => t.app.inject({ url, headers: as[who] });
  const json = async <T>(url: string, who?: string): Promise<T> => {
    const r = await get(url, who);
    expect(r.statusCode, `${url}: ${r.body.slice(0, 300)}`).toBe(200);
    return r.json() as T;
  };

  it('shows the reception picture of the day as /reception gives it: Ter Apel against its norm, permit holders, capacity per province', async () => {
    const reception = await json<{
      asOf: string;
      permitHolders: number;
      occupancy: number;
      capacity: number;
      registrationCentres: { code: string; norm: number | null; occupancy: number | null; summary: { breachDays: number } }[];
      capacityShare: { decisionId: number; total: Capacity; provinces: (Capacity & { provinceCode: string })[] };
    }>('/api/v1/reception?asOf=2022-07-08');
    const r = national.reception!;
    expect(r.asOf).toBe('2022-07-08');
    expect(r.permitHolders).toMatchObject({ value: reception.permitHolders, asOf: '2022-07-08', source: expect.stringContaining('COA') });
    expect(r.occupancy.value).toBe(reception.occupancy);
    expect(r.capacity.value).toBe(reception.capacity);
    expect(r.registrationCentres.map((c) => [c.code, c.norm, c.occupancy.value, c.breachDays])).toEqual(
      reception.registrationCentres.map((c) => [c.code, c.norm, c.occupancy, c.summary.breachDays]),
    );
    const terApel = r.registrationCentres.find((c) => c.code === 'TERAPEL')!;
    expect(terApel.overNorm).toBe(terApel.occupancy.value! > terApel.norm!);
    expect(terApel.occupancy.href).toBe('/opvang/TERAPEL');
    expect(r.capacityShare!.decisionId).toBe(reception.capacityShare.decisionId);
    expect(r.capacityShare!.total.value).toEqual(reception.capacityShare.total);
    expect(r.capacityShare!.provinces.map(({ href: _href, ...p }) => p)).toEqual(reception.capacityShare.provinces);
  });

  it('shows the taakstelling of the half-year that contains the date, with the totals of the ledger overview', async () => {
    const overview = await json<{ asOf: string; totals: Record<string, number>; items: { provinceCode: string }[] }>('/api/v1/ledger?period=2022-II&asOf=2022-07-08');
    const l = national.ledger!;
    expect(l.period).toBe('2022-II');
    expect(l.asOf).toBe(overview.asOf);
    for (const key of ['municipalities', 'taakstelling', 'carriedIn', 'corrected', 'realised', 'behind'] as const) {
      expect(l[key], key).toMatchObject({ value: overview.totals[key], asOf: overview.asOf, source: 'gepubliceerde taakstelling 2022-II en COA-realisaties' });
    }
    expect(l.remaining.value).toBe(Math.max(0, overview.totals.corrected! - overview.totals.realised!));
    // The provinces' rows add up to the national totals.
    expect(l.provinces).toHaveLength(12);
    expect(l.provinces.reduce((s, p) => s + p.taakstelling, 0)).toBe(overview.totals.taakstelling);
    expect(l.provinces.reduce((s, p) => s + p.realised, 0)).toBe(overview.totals.realised);
    expect(l.taakstelling.href).toBe('/taakstelling/overzicht?periode=2022-II&provincie=alle&peildatum=2022-07-08');
  });

  it('reads a date after the last published half-year in that half-year (the latest figures that exist), and 2022-I inside 2022-I', async () => {
    const later = await json<Dashboard>('/api/v1/dashboard?asOf=2023-03-01');
    expect(later.ledger!.period).toBe('2022-II');
    const overview = await json<{ asOf: string; totals: { realised: number } }>('/api/v1/ledger?period=2022-II');
    expect(later.ledger!.asOf).toBe(overview.asOf);
    expect(later.ledger!.realised.value).toBe(overview.totals.realised);
    expect(later.reception!.asOf).toBe('2022-07-08');
    const earlier = await json<Dashboard>('/api/v1/dashboard?asOf=2022-05-02');
    expect(earlier.ledger!.period).toBe('2022-I');
    expect(earlier.reception!.asOf).toBe('2022-05-02');
  });

  it('without a date shows the latest figures that exist, not an empty today', async () => {
    const d = await json<Dashboard>('/api/v1/dashboard');
    expect(d.reception!.asOf).toBe('2022-07-08');
    expect(d.ledger!.period).toBe('2022-II');
    // No LRT meeting after today in the demo: the latest one held, said as such.
    expect(d.meeting).toMatchObject({ kind: 'laatste', date: '2022-08-26' });
    // Overdue today: what /actions?overdue=true says; late reports: what /reports/status says.
    const overdue = await json<{ items: { id: number }[] }>('/api/v1/actions?overdue=true');
    expect(d.actions.items.map((a) => a.id)).toEqual(overdue.items.map((a) => a.id));
    expect(d.actions.overdue.value).toBe(overdue.items.length);
    const status = await json<{ cells: { province: string; month: string; state: string }[] }>('/api/v1/reports/status');
    const late = status.cells.filter((c) => c.state === 'ontbreekt' || c.state === 'te-laat');
    expect(late.length).toBeGreaterThan(0);
    expect(d.reports.items.map((c) => `${c.provinceCode} ${c.month} ${c.state}`)).toEqual(late.map((c) => `${c.province} ${c.month} ${c.state}`));
    expect(d.reports.late.value).toBe(late.length);
  });

  it('counts actions as overdue on the date asked for', async () => {
    const d = await json<Dashboard>('/api/v1/dashboard?asOf=2022-07-22');
    const all = await json<{ items: { id: number; deadline: string; status: string }[] }>('/api/v1/actions');
    const expected = all.items.filter((a) => a.deadline < '2022-07-22' && a.status !== 'gereed' && a.status !== 'vervallen').map((a) => a.id);
    expect(expected.length).toBeGreaterThan(0);
    expect(d.actions.items.map((a) => a.id)).toEqual(expected);
    expect(d.actions.overdue).toMatchObject({ value: expected.length, asOf: '2022-07-22', href: '/acties?over-termijn=ja' });
  });

  it('names the next meeting on or after the date with its agenda', async () => {
    const meetings = await json<{ items: { id: number; date: string; body: { code: string } }[] }>('/api/v1/meetings');
    const lrt = meetings.items.filter((m) => m.body.code === 'LRT').sort((a, b) => a.date.localeCompare(b.date));
    const onTheDay = lrt.find((m) => m.date === '2022-07-08')!;
    expect(national.meeting).toMatchObject({ kind: 'volgende', id: onTheDay.id, date: '2022-07-08', href: `/vergaderingen/${onTheDay.id}` });
    const detail = await json<{ agenda: { number: number; title: string }[] }>(`/api/v1/meetings/${onTheDay.id}`);
    expect(national.meeting!.agenda).toEqual(detail.agenda.map((i) => ({ number: i.number, title: i.title })));
    expect(national.meeting!.agenda.length).toBeGreaterThan(0);
    const dayAfter = await json<Dashboard>('/api/v1/dashboard?asOf=2022-07-09');
    expect(dayAfter.meeting!.id).toBe(lrt.find((m) => m.date > '2022-07-08')!.id);
  });

  it('gives a province its own part: its locations, capacity against its share, its municipalities, actions and reports', async () => {
    const d = await json<Dashboard>('/api/v1/dashboard/provinces/pv27?asOf=2022-07-08');
    expect(d.province).toEqual({ code: 'PV27', name: 'Noord-Holland' });
    const locations = await json<{ items: { code: string; provinceCode: string; capacity: number; permitHolders: number | null; lastDay: string | null }[] }>(
      '/api/v1/reception/locations?asOf=2022-07-08',
    );
    const own = locations.items.filter((l) => l.provinceCode === 'PV27');
    expect(own.length).toBeGreaterThan(0);
    expect(d.reception!.locations.map((l) => l.code)).toEqual(own.map((l) => l.code));
    expect(d.reception!.capacity.value).toBe(own.reduce((s, l) => s + l.capacity, 0));
    const share = national.reception!.capacityShare!.provinces.find((p) => p.provinceCode === 'PV27')!;
    expect(d.reception!.capacityShare!.total.value).toEqual({ realised: share.realised, share: share.share, difference: share.difference, percentageTenths: share.percentageTenths, percentage: share.percentage });
    expect(d.reception!.registrationCentres.map((c) => c.code)).toEqual([]);
    const overview = await json<{ totals: Record<string, number>; items: { code: string }[] }>('/api/v1/ledger?period=2022-II&province=PV27&asOf=2022-07-08');
    expect(d.ledger!.taakstelling.value).toBe(overview.totals.taakstelling);
    expect(d.ledger!.realised.value).toBe(overview.totals.realised);
    expect(d.ledger!.municipalityList.map((m) => m.code).sort()).toEqual(overview.items.map((i) => i.code).sort());
    expect(d.ledger!.taakstelling.href).toBe('/taakstelling/overzicht?periode=2022-II&provincie=PV27&peildatum=2022-07-08');
    // Furthest behind: the largest amounts still to house, in order, from the province's own list.
    const remaining = d.ledger!.municipalityList.map((m) => m.remaining).filter((n) => n > 0).sort((a, b) => b - a);
    expect(d.ledger!.furthestBehind.map((m) => m.remaining)).toEqual(remaining.slice(0, 10));
    expect(national.ledger!.provinces.find((p) => p.provinceCode === 'PV27')).toMatchObject({ taakstelling: overview.totals.taakstelling, realised: overview.totals.realised });
    expect(d.actions.items.every((a) => a.provinceCode === 'PV27')).toBe(true);
    expect(d.actions.overdue.href).toBe('/acties?provincie=PV27&over-termijn=ja');
    expect(d.reports.months.every((c) => c.provinceCode === 'PV27')).toBe(true);
    // Noord-Holland's table has no meetings in the demo: the national table's next one.
    expect(d.meeting).toMatchObject({ kind: 'volgende', id: national.meeting!.id, body: { code: 'LRT' } });
  });

  it('adds the provinces up to the nation: permit holders, capacity and taakstelling', async () => {
    const provinces = await Promise.all(national.provinces.map((p) => json<Dashboard>(`/api/v1/dashboard/provinces/${p.code}?asOf=2022-07-08`)));
    expect(provinces).toHaveLength(12);
    expect(provinces.reduce((s, p) => s + p.reception!.permitHolders.value, 0)).toBe(national.reception!.permitHolders.value);
    expect(provinces.reduce((s, p) => s + p.reception!.capacity.value, 0)).toBe(national.reception!.capacity.value);
    expect(provinces.reduce((s, p) => s + p.ledger!.taakstelling.value, 0)).toBe(national.ledger!.taakstelling.value);
    expect(provinces.flatMap((p) => p.reception!.registrationCentres.map((c) => c.code))).toEqual(national.reception!.registrationCentres.map((c) => c.code));
  });

  it('links every figure to a page the web app has', async () => {
    const province = await json<Dashboard>('/api/v1/dashboard/provinces/PV20?asOf=2022-07-08');
    const later = await json<Dashboard>('/api/v1/dashboard');
    const routes = webRoutes();
    expect(routes.length).toBeGreaterThan(20);
    const all = [...new Set([...hrefs(national), ...hrefs(province), ...hrefs(later)])];
    expect(all.length).toBeGreaterThan(30);
    expect(all.filter((h) => !routes.some((r) => r.test(h.split('?')[0]!)))).toEqual([]);
    for (const f of [national.reception!.permitHolders, national.ledger!.realised, national.actions.overdue, national.reports.late]) {
      expect(f.source.trim()).not.toBe('');
    }
  });

  it('refuses an unknown province in Dutch, and a province reads its own dashboard only', async () => {
    const unknown = await get('/api/v1/dashboard/provinces/PV99');
    expect(unknown.statusCode).toBe(404);
    expect(unknown.headers['content-type']).toContain('application/problem+json');
    expect(unknown.json().detail).toContain('Provincie PV99 bestaat niet');
    expect((await get('/api/v1/dashboard/provinces/PV27?asOf=2022-07-08', 'provincie')).statusCode).toBe(200);
    expect((await get('/api/v1/dashboard/provinces/PV28?asOf=2022-07-08', 'provincie')).statusCode).toBe(403);
    expect((await get('/api/v1/dashboard?asOf=2022-07-08', 'provincie')).statusCode).toBe(200);
    expect((await get('/api/v1/dashboard?asOf=2022-07-08', 'gemeente')).statusCode).toBe(403);
    expect((await get('/api/v1/dashboard/provinces/PV28?asOf=2022-07-08', 'coa')).statusCode).toBe(200);
  });
});
