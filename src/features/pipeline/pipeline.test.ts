import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { testApp } from '../../../test/helpers/server.ts';
import { DEMO, login } from '../../../test/helpers/auth.ts';
import { fingerprint } from '../../../test/fuzz/support/api.ts';
import { DEMO_PIPELINE } from '../../domain/pipeline/index.ts';

const HEADER = 'spoor;projectcode;projectnaam;gemeente;partij;type woning;aantal woningen;voor statushouders;verwachte oplevering;status;kosten per woning';
const TABLES = ['pipeline_project', 'pipeline_delivery_change', 'pipeline_upload', 'audit_log'];

interface MunicipalityRow {
  municipalityCode: string;
  provinceCode: string;
  due: number;
  homesExpectedInPeriod: number;
  homesExpectedLater: number;
  personsCovered: number;
  coveragePercent: number | null;
  projects: number;
}

describe('housing pipeline (API, demo data)', () => {
  let t: Awaited<ReturnType<typeof testApp>>;
  const as: Record<string, Record<string, string>> = {};
  beforeAll(async () => {
    t = await testApp({ demo: true });
    for (const role of ['secretariaat', 'lid', 'provincie', 'gemeente', 'corporatie'] as const) {
      const s = await login(t.app, DEMO[role]);
      as[role] = { cookie: s.cookie, 'x-csrf-token': s.csrf };
    }
  });
  afterAll(async () => t?.close());
  const get = (url: string, who = 'lid') => t.app.inject({ url, headers: as[who] });
  const send = (method: 'POST' | 'PATCH', url: string, who: string, payload: unknown, headers: Record<string, string> = {}) =>
    t.app.inject({ method, url, headers: { ...as[who], ...headers }, payload: payload as object });
  const newProject = (over: Record<string, unknown> = {}) => ({
    trackCode: 'FLEX-NL',
    reference: `T-${Math.random().toString(36).slice(2, 9)}`,
    name: 'Testproject',
    municipalityCode: 'GM0363',
    party: 'Woonstichting Amstelland',
    homeType: 'flexwoning',
    units: 10,
    reservedUnits: 5,
    expectedDelivery: '2022-10-03',
    status: 'vergund',
    ...over,
  });

  it('holds the demo: a national flexwoningen track and regular tracks, projects in several provinces', async () => {
    const tracks = (await get('/api/v1/pipeline/tracks')).json().items;
    expect(tracks.map((x: { code: string }) => x.code)).toEqual(['FLEX-NL', 'GASTGEZIN', 'SOCIAAL', 'TRANSFORMATIE']);
    expect(tracks.find((x: { code: string }) => x.code === 'FLEX-NL')).toMatchObject({ provinceCode: null, ownerOrganisation: 'BZK', projects: 13 });
    expect(tracks.find((x: { code: string }) => x.code === 'TRANSFORMATIE').provinceCode).toBe('PV28');
    const projects = (await get('/api/v1/pipeline/projects')).json().items;
    expect(projects).toHaveLength(DEMO_PIPELINE.length);
    expect(new Set(projects.map((p: { provinceCode: string }) => p.provinceCode)).size).toBe(12);
  });

  it('computes the overview as the ledger and the projects say: coverage per municipality, province and nation', async () => {
    const r = await get('/api/v1/pipeline/overview?period=2022-II&asOf=2022-07-08');
    expect(r.statusCode).toBe(200);
    const o = r.json();
    // Independently: what is due is max(0, corrected − realised) from the ledger's own answer on the same day.
    const ledger = (await get('/api/v1/ledger?period=2022-II&asOf=2022-07-08')).json().items as { code: string; corrected: number; realised: number }[];
    const due = new Map(ledger.map((l) => [l.code, Math.max(0, l.corrected - l.realised)]));
    // Homes expected in the rest of the half-year: reserved homes of live projects delivering 9 July … 31 December.
    const live = DEMO_PIPELINE.filter((p) => p.status !== 'opgeleverd' && p.status !== 'vervallen');
    const inRest = live.filter((p) => p.expectedDelivery >= '2022-07-09' && p.expectedDelivery <= '2022-12-31');
    const homes = inRest.reduce((n, p) => n + p.reservedUnits, 0);
    const totalDue = [...due.values()].reduce((a, b) => a + b, 0);
    expect(o.totals).toMatchObject({ due: totalDue, homesExpectedInPeriod: homes, projects: DEMO_PIPELINE.length });
    expect(o.totals.homesExpectedLater).toBe(live.filter((p) => p.expectedDelivery > '2022-12-31').reduce((n, p) => n + p.reservedUnits, 0));
    // 2.2 persons per home, rounded half up; percent of what is due, rounded half up.
    expect(o.totals.personsCovered).toBe(Math.round((homes * 22) / 10));
    expect(o.totals.coveragePercent).toBe(Math.round((100 * homes * 2.2) / totalDue));

    const rotterdam = o.municipalities.find((m: MunicipalityRow) => m.municipalityCode === 'GM0599') as MunicipalityRow;
    const rdmHomes = inRest.filter((p) => p.municipalityCode === 'GM0599').reduce((n, p) => n + p.reservedUnits, 0);
    expect(rdmHomes).toBeGreaterThan(0);
    expect(rotterdam).toMatchObject({ provinceCode: 'PV28', due: due.get('GM0599'), homesExpectedInPeriod: rdmHomes, personsCovered: Math.round(rdmHomes * 2.2) });
    expect(rotterdam.coveragePercent).toBe(Math.round((100 * rdmHomes * 22) / (10 * due.get('GM0599')!)));
    // Worst covered first.
    const percents = o.municipalities.map((m: MunicipalityRow) => m.coveragePercent ?? Infinity);
    expect(percents).toEqual([...percents].sort((a: number, b: number) => a - b));
    // A province is the sum of its municipalities; the nation is the sum of the provinces.
    const zh = o.provinces.find((p: { provinceCode: string }) => p.provinceCode === 'PV28');
    const zhRows = o.municipalities.filter((m: MunicipalityRow) => m.provinceCode === 'PV28');
    expect(zh.due).toBe(zhRows.reduce((n: number, m: MunicipalityRow) => n + m.due, 0));
    expect(o.provinces.reduce((n: number, p: { homesExpectedInPeriod: number }) => n + p.homesExpectedInPeriod, 0)).toBe(homes);
    // Per track and month the deliveries add up to the total per month.
    for (const month of o.byMonth) {
      const perTrack = o.tracks.reduce((n: number, tr: { byMonth: { month: string; reservedUnits: number }[] }) => n + (tr.byMonth.find((m) => m.month === month.month)?.reservedUnits ?? 0), 0);
      expect(perTrack, month.month).toBe(month.reservedUnits);
    }
    // A different number of persons per home scales the persons covered.
    const three = (await get('/api/v1/pipeline/overview?period=2022-II&asOf=2022-07-08&personsPerHome=3')).json();
    expect(three.totals.personsCovered).toBe(homes * 3);
    expect(three.personsPerHome).toBe('3');
  });

  it('still shows the pipeline of a half-year without a taakstelling, saying why nothing is due', async () => {
    const r = await get('/api/v1/pipeline/overview?period=2024-I');
    expect(r.statusCode).toBe(200);
    const o = r.json();
    expect(o.ledgerNote).toMatch(/taakstelling/);
    const homes = DEMO_PIPELINE.filter((p) => p.status !== 'opgeleverd' && p.status !== 'vervallen' && p.expectedDelivery > '2024-01-01' && p.expectedDelivery <= '2024-06-30').reduce((n, p) => n + p.reservedUnits, 0);
    expect(homes).toBeGreaterThan(0);
    expect(o.totals).toMatchObject({ due: 0, homesExpectedInPeriod: homes, coveragePercent: null });
    expect((await get('/api/v1/pipeline/overview?period=2022-II&asOf=2023-01-01')).statusCode).toBe(400);
  });

  it('lists the slipped live projects, longest delay first, with their last reason', async () => {
    const o = (await get('/api/v1/pipeline/overview?period=2022-II&asOf=2022-07-08')).json();
    const expected = DEMO_PIPELINE.filter((p) => p.status !== 'opgeleverd' && p.status !== 'vervallen' && p.expectedDelivery > p.firstExpectedDelivery);
    expect(o.slips.map((s: { name: string }) => s.name).sort()).toEqual(expected.map((p) => p.name).sort());
    const delays = o.slips.map((s: { delayDays: number }) => s.delayDays);
    expect(delays).toEqual([...delays].sort((a: number, b: number) => b - a));
    expect(o.slips[0]).toMatchObject({ name: 'Kempenhof', delayDays: 215, moves: 1, lastReason: 'Aanvullend stikstofonderzoek' });
  });

  it('shows flexwoningen getting dearer per half-year (the price signal)', async () => {
    const o = (await get('/api/v1/pipeline/overview?period=2022-II&asOf=2022-07-08')).json();
    const flex = o.prices.byTrack.filter((p: { group: string }) => p.group === 'FLEX-NL').map((p: { meanCostPerUnitCents: number }) => p.meanCostPerUnitCents);
    expect(flex.length).toBeGreaterThan(3);
    expect(flex).toEqual([...flex].sort((a: number, b: number) => a - b));
  });

  it('lets each role enter projects only within its scope', async () => {
    expect((await send('POST', '/api/v1/pipeline/projects', 'corporatie', newProject())).statusCode).toBe(201);
    expect((await send('POST', '/api/v1/pipeline/projects', 'corporatie', newProject({ municipalityCode: 'GM0518' }))).statusCode).toBe(403);
    expect((await send('POST', '/api/v1/pipeline/projects', 'provincie', newProject({ municipalityCode: 'GM0361' }))).statusCode).toBe(201); // Alkmaar, Noord-Holland
    expect((await send('POST', '/api/v1/pipeline/projects', 'provincie', newProject({ municipalityCode: 'GM0599' }))).statusCode).toBe(403);
    expect((await send('POST', '/api/v1/pipeline/projects', 'lid', newProject())).statusCode).toBe(403);
    const rotterdam = (await get('/api/v1/pipeline/projects?municipality=GM0599')).json().items[0];
    expect((await send('PATCH', `/api/v1/pipeline/projects/${rotterdam.id}`, 'gemeente', { name: 'x' }, { 'if-match': `"${rotterdam.version}"` })).statusCode).toBe(403);
    const dup = await send('POST', '/api/v1/pipeline/projects', 'secretariaat', newProject({ reference: 'flex-ams-01' }));
    expect(dup.statusCode).toBe(409);
    const tooMany = await send('POST', '/api/v1/pipeline/projects', 'secretariaat', newProject({ reservedUnits: 11 }));
    expect(tooMany.statusCode).toBe(400);
    expect(tooMany.json().invalidParams[0].name).toBe('reservedUnits');
  });

  it('keeps the history of delivery dates: a move needs a reason and If-Match; a final status stays final', async () => {
    const created = (await send('POST', '/api/v1/pipeline/projects', 'gemeente', newProject())).json();
    const url = `/api/v1/pipeline/projects/${created.id}`;
    const before = await fingerprint(t.database.db, TABLES);
    const noReason = await send('PATCH', url, 'gemeente', { expectedDelivery: '2023-01-02' }, { 'if-match': `"${created.version}"` });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json().invalidParams[0].name).toBe('reason');
    expect((await send('PATCH', url, 'gemeente', { expectedDelivery: '2023-01-02', reason: 'x' })).statusCode).toBe(428);
    expect(await fingerprint(t.database.db, TABLES)).toEqual(before);

    const moved = await send('PATCH', url, 'gemeente', { expectedDelivery: '2023-01-02', reason: 'Netaansluiting later' }, { 'if-match': `"${created.version}"` });
    expect(moved.statusCode).toBe(200);
    expect(moved.headers.etag).toBe(`"${created.version + 1}"`);
    expect(moved.json()).toMatchObject({ expectedDelivery: '2023-01-02', firstExpectedDelivery: '2022-10-03' });
    expect(moved.json().history).toEqual([expect.objectContaining({ from: '2022-10-03', to: '2023-01-02', reason: 'Netaansluiting later', recordedBy: DEMO.gemeente })]);
    expect((await send('PATCH', url, 'gemeente', { units: 12 }, { 'if-match': `"${created.version}"` })).statusCode).toBe(412);

    const o = (await get('/api/v1/pipeline/overview?period=2022-II&asOf=2022-07-08&municipality=GM0363')).json();
    expect(o.slips.map((s: { projectId: number }) => s.projectId)).toContain(created.id);

    const done = await send('PATCH', url, 'gemeente', { status: 'opgeleverd' }, { 'if-match': `"${created.version + 1}"` });
    expect(done.statusCode).toBe(200);
    const back = await send('PATCH', url, 'gemeente', { status: 'in aanbouw' }, { 'if-match': `"${created.version + 2}"` });
    expect(back.statusCode).toBe(400);
    expect(back.json().invalidParams[0].name).toBe('status');

    const history = (await get(`/api/v1/history/project/${created.id}`, 'secretariaat')).json().items;
    expect(history.map((h: { action: string }) => h.action).sort()).toEqual(['create', 'update', 'update']);
  });

  it('takes an upload whole or not at all, and the same file twice changes nothing', async () => {
    const lines = [
      'FLEX-NL;UPL-AMS-1;Flexwoningen Sloterdijk;GM0363;Woonstichting Amstelland;flexwoning;40;20;1-11-2022;vergund;125.000',
      'SOCIAAL;UPL-AMS-2;Hof van Osdorp;GM0363;Woonstichting Amstelland;appartement;30;6;15-3-2023;planfase;',
    ];
    const csv = `${HEADER}\n${lines.join('\n')}\n`;
    const before = await fingerprint(t.database.db, TABLES);
    // One bad line (a municipality outside the corporation's scope) refuses the whole file, naming the line.
    const bad = await send('POST', '/api/v1/pipeline/uploads', 'corporatie', { format: 'csv', fileName: 'fout.csv', content: `${csv}FLEX-NL;UPL-RTM-1;Elders;GM0599;X;flexwoning;4;2;1-12-2022;idee;\n` });
    expect(bad.statusCode).toBe(422);
    expect(bad.json().invalidParams.map((p: { line?: number }) => p.line)).toEqual([4]);
    expect(await fingerprint(t.database.db, TABLES)).toEqual(before);
    const unknownMunicipality = await send('POST', '/api/v1/pipeline/uploads', 'secretariaat', { format: 'csv', content: `${HEADER}\n${lines[0]}\nFLEX-NL;UPL-X;X;GM9999;X;flexwoning;4;2;1-12-2022;idee;\n` });
    expect(unknownMunicipality.statusCode).toBe(422);
    expect(unknownMunicipality.json().invalidParams[0]).toMatchObject({ line: 3 });
    expect(await fingerprint(t.database.db, TABLES)).toEqual(before);

    const first = await send('POST', '/api/v1/pipeline/uploads', 'corporatie', { format: 'csv', fileName: 'pijplijn.csv', content: csv });
    expect(first.statusCode).toBe(201);
    expect(first.json()).toMatchObject({ lines: 2, created: 2, changed: 0, unchanged: 0 });
    const p1 = (await get('/api/v1/pipeline/projects?municipality=GM0363')).json().items.find((p: { reference: string }) => p.reference === 'UPL-AMS-1');
    expect(p1).toMatchObject({ units: 40, reservedUnits: 20, expectedDelivery: '2022-11-01', costPerUnitCents: 12_500_000, status: 'vergund' });
    const afterFirst = await fingerprint(t.database.db, ['pipeline_project', 'pipeline_delivery_change']);
    // The same file again, even with the projectcodes in lower case, changes nothing.
    const again = await send('POST', '/api/v1/pipeline/uploads', 'corporatie', { format: 'csv', fileName: 'pijplijn.csv', content: csv.replace(/UPL-AMS-/g, 'upl-ams-') });
    expect(again.json()).toMatchObject({ created: 0, changed: 0, unchanged: 2 });
    expect(await fingerprint(t.database.db, ['pipeline_project', 'pipeline_delivery_change'])).toEqual(afterFirst);

    // A file without the cost column keeps the known costs: nothing changes.
    const noCost = csv.split('\n').map((l) => l.split(';').slice(0, 10).join(';')).join('\n');
    expect((await send('POST', '/api/v1/pipeline/uploads', 'corporatie', { format: 'csv', content: noCost })).json()).toMatchObject({ created: 0, changed: 0, unchanged: 2 });
    expect(await fingerprint(t.database.db, ['pipeline_project', 'pipeline_delivery_change'])).toEqual(afterFirst);

    // A later file with a new date updates the project and keeps the move in its history, the file as its reason.
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Projecten');
    ws.addRow(HEADER.split(';'));
    ws.addRow(['FLEX-NL', 'UPL-AMS-1', 'Flexwoningen Sloterdijk', 'GM0363', 'Woonstichting Amstelland', 'flexwoning', 40, 20, new Date(Date.UTC(2023, 1, 1)), 'in aanbouw', 125000]);
    const content = Buffer.from(await wb.xlsx.writeBuffer()).toString('base64');
    const xlsx = await send('POST', '/api/v1/pipeline/uploads', 'corporatie', { format: 'xlsx', fileName: 'update.xlsx', content });
    expect(xlsx.statusCode).toBe(201);
    expect(xlsx.json()).toMatchObject({ created: 0, changed: 1 });
    const detail = (await get(`/api/v1/pipeline/projects/${p1.id}`)).json();
    expect(detail).toMatchObject({ expectedDelivery: '2023-02-01', status: 'in aanbouw', firstExpectedDelivery: '2022-11-01' });
    expect(detail.history).toEqual([expect.objectContaining({ from: '2022-11-01', to: '2023-02-01', reason: 'Bijgewerkt met upload update.xlsx' })]);
    const audit = await t.database.db.selectFrom('audit_log').select('action').where('resource_type', '=', 'projecten-upload').execute();
    expect(audit).toHaveLength(4);
  });

  it('refuses a status going back through an upload, whole', async () => {
    const before = await fingerprint(t.database.db, TABLES);
    // FLEX-AMS-01 is delivered in the demo; a file that sets it back to planfase changes nothing at all.
    const line = 'FLEX-NL;FLEX-AMS-01;Flexwoningen Noorderpark;GM0363;Amstelstad Wonen;flexwoning;120;60;20-6-2022;planfase;98.000';
    const r = await send('POST', '/api/v1/pipeline/uploads', 'gemeente', { format: 'csv', content: `${HEADER}\nFLEX-NL;UPL-AMS-9;Nieuw;GM0363;X;flexwoning;4;2;1-12-2022;idee;\n${line}\n` });
    expect(r.statusCode).toBe(422);
    expect(r.json().invalidParams[0]).toMatchObject({ line: 3 });
    expect(await fingerprint(t.database.db, TABLES)).toEqual(before);
  });
});
