/**
 * Fuzzed requests to every upload route of the running app (app.inject, a session per role as the web app holds it):
 * random JSON shapes after the route's schema, wrong types, huge strings, wrong formats and base64, fuzzed file
 * contents (CSV and Excel). Every answer is 2xx or a 4xx problem+json with a Dutch detail, never 5xx, and after every
 * refused request the tables the route writes are exactly as before (row count and a hash of every row).
 * See docs/RELIABILITY.md.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApp } from '../helpers/server.ts';
import { DEMO, login, type DemoRole } from '../helpers/auth.ts';
import { openPeriods, isOpenOn, type CapacityEvent } from '../../src/domain/reception/locations.ts';
import { anyText, countText, dateText, daysWhere, hostileCell, hostileCsvText, renderCsv, dialect } from './support/files.ts';
import { sheetSpec, workbook, type SheetSpec } from './support/xlsx.ts';
import { expectSaneAnswer, fingerprint } from './support/api.ts';

const RUNS = 30;
const HUGE = 'GM0363,2022-07-01,1\n'.repeat(150_000); // 3 MB

const wrongType = fc.oneof(fc.integer(), fc.double(), fc.boolean(), fc.constant(null), fc.array(fc.string({ maxLength: 3 }), { maxLength: 2 }), fc.dictionary(fc.string({ maxLength: 4 }), fc.string({ maxLength: 4 }), { maxKeys: 2 }));
const fileName = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom('lijst.csv', 'x'.repeat(256), '../../etc/passwd', '<script>.xlsx', '\ud83d\ude00.csv', 'bestand\u0001\u001f.csv', '', 'lijst\u0000.csv', 'lijst\ud800.csv') },
  { weight: 2, arbitrary: fc.string({ maxLength: 20 }) },
  { weight: 1, arbitrary: wrongType },
);

/** A request as sent: the body as JSON text (or not JSON at all) with its content type. */
interface Sent {
  payload: string;
  contentType: string;
  /** What the body was, for a failure message. */
  label: string;
}

/** Wraps body objects into requests, and adds bodies that are not the object the route expects at all. */
function asRequests(body: fc.Arbitrary<Record<string, unknown>>): fc.Arbitrary<Sent> {
  return fc.oneof(
    { weight: 16, arbitrary: body.map((b) => ({ payload: JSON.stringify(b), contentType: 'application/json', label: 'object' })) },
    { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 2 }).map((v) => ({ payload: JSON.stringify(v) ?? 'null', contentType: 'application/json', label: 'json value' })) },
    { weight: 1, arbitrary: fc.constantFrom('{', '{"content":', '', '{"__proto__":{"x":1},"content":"a"}', '{"constructor":{"prototype":{"x":1}}}', '\u0000').map((p) => ({ payload: p, contentType: 'application/json', label: 'broken json' })) },
    { weight: 1, arbitrary: body.map((b) => ({ payload: JSON.stringify(b), contentType: fc.sample(fc.constantFrom('text/plain', 'text/csv', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', 'application/json; charset=latin1'), 1)[0]!, label: 'wrong content type' })) },
  );
}

/** Adds optional fields, a wrong type in place of a field, or an unknown field. */
function spoil(body: fc.Arbitrary<Record<string, unknown>>): fc.Arbitrary<Record<string, unknown>> {
  return fc.tuple(body, fc.nat(), wrongType, fc.constantFrom('none', 'none', 'none', 'none', 'none', 'none', 'wrong-type', 'extra', 'missing')).map(([b, at, wrong, how]) => {
    const keys = Object.keys(b);
    const key = keys[at % Math.max(1, keys.length)];
    if (how === 'none' || key === undefined) return b;
    const copy: Record<string, unknown> = { ...b };
    if (how === 'wrong-type') copy[key] = wrong;
    else if (how === 'extra') copy[`extra${at % 3}`] = wrong;
    else delete copy[key];
    return copy;
  });
}

describe('upload routes under fuzzed requests', () => {
  let t: Awaited<ReturnType<typeof testApp>>;
  const as = {} as Record<DemoRole, Record<string, string>>;
  let municipalities2022: string[] = [];
  let openOn: { code: string; days: string[] }[] = [];

  beforeAll(async () => {
    t = await testApp({ demo: true });
    for (const role of ['secretariaat', 'coa'] as const) {
      const s = await login(t.app, DEMO[role]);
      as[role] = { cookie: s.cookie, 'x-csrf-token': s.csrf };
    }
    municipalities2022 = (await t.database.db.selectFrom('municipality').select('code').where((eb) => eb.or([eb('valid_to', 'is', null), eb('valid_to', '>', '2022-12-31')])).execute()).map((m) => m.code).slice(0, 40);
    const events = await t.database.db.selectFrom('reception_capacity_event').select(['location_code', 'event_date', 'kind', 'places']).orderBy('event_date').orderBy('id').execute();
    const byLocation = new Map<string, CapacityEvent[]>();
    for (const e of events) byLocation.set(e.location_code, [...(byLocation.get(e.location_code) ?? []), { date: String(e.event_date), kind: e.kind as CapacityEvent['kind'], places: e.places }]);
    openOn = [...byLocation].map(([code, evs]) => {
      const open = openPeriods(evs);
      return { code, days: daysWhere('2023-01-01', '2023-12-31', (d) => isOpenOn(open, d)) };
    }).filter((l) => l.days.length > 0);
    expect(municipalities2022.length).toBeGreaterThan(10);
    expect(openOn.length).toBeGreaterThan(0);
  });
  afterAll(async () => t?.close());

  /** Sends each generated request as `who`; refused ones must leave `tables` untouched. */
  async function fuzzRoute(url: fc.Arbitrary<string>, request: fc.Arbitrary<Sent>, who: DemoRole, tables: readonly string[]) {
    const seen: Record<string, number> = {};
    await fc.assert(
      fc.asyncProperty(url, request, async (path, sent) => {
        const before = await fingerprint(t.database.db, tables);
        const r = await t.app.inject({ method: 'POST', url: path, headers: { ...as[who], 'content-type': sent.contentType }, payload: sent.payload });
        const said = expectSaneAnswer(r, `${sent.label} ${path} ${sent.payload.slice(0, 300)}`);
        seen[String(r.statusCode)] = (seen[String(r.statusCode)] ?? 0) + 1;
        if (r.statusCode >= 400) expect(await fingerprint(t.database.db, tables), `a refused request changed data: ${said}`).toEqual(before);
      }),
      { numRuns: RUNS },
    );
    return seen;
  }

  it('POST /api/v1/realisations/uploads (CSV and Excel)', async () => {
    const good = <T>(valid: fc.Arbitrary<T>) => fc.oneof({ weight: 6, arbitrary: valid }, { weight: 1, arbitrary: hostileCell });
    const line = fc.record({
      code: good(fc.constantFrom(...municipalities2022)),
      day: good(fc.integer({ min: 1, max: 28 }).map((d) => `2022-0${7 + (d % 3)}-${String(d).padStart(2, '0')}`)),
      persons: good(fc.integer({ min: 1, max: 40 }).chain(countText)),
      coa: fc.oneof(fc.stringMatching(/^[A-Z0-9]{4,8}$/), hostileCell),
    });
    const csv = fc.oneof(
      { weight: 3, arbitrary: fc.tuple(fc.array(line, { minLength: 1, maxLength: 8 }), dialect).map(([ls, d]) => renderCsv([['gemeentecode', 'datum', 'personen', 'coa_nummer'], ...ls.map((l) => [l.code, l.day, l.persons, l.coa])], d).text) },
      { weight: 2, arbitrary: fc.oneof(anyText, hostileCsvText) },
      { weight: 1, arbitrary: fc.constantFrom('', HUGE, `gemeentecode,datum,personen\n${HUGE}`) },
    );
    type Excel = { sheets: SheetSpec[] } | { base64: string };
    const xlsx: fc.Arbitrary<Excel> = fc.oneof(
      fc.array(sheetSpec, { maxLength: 2 }).map((s): Excel => ({ sheets: s })),
      fc.array(line, { minLength: 1, maxLength: 5 }).map((ls): Excel => ({ sheets: [{ name: 'R', rows: [['gemeentecode', 'datum', 'personen', 'coa_nummer'], ...ls.map((l) => [l.code, l.day, l.persons, l.coa])], merges: [] }] })),
      fc.uint8Array({ maxLength: 500 }).map((b): Excel => ({ base64: Buffer.from(b).toString('base64') })),
      fc.constantFrom('!!!', 'geen base64', '====', 'UEsDBA==').map((s): Excel => ({ base64: s })),
    );
    const body = fc.record({
      format: fc.oneof({ weight: 8, arbitrary: fc.constantFrom('csv', 'xlsx') }, { weight: 1, arbitrary: fc.constantFrom('XLSX', 'pdf') }),
      period: fc.oneof({ weight: 6, arbitrary: fc.constant<unknown>('2022-II') }, { weight: 1, arbitrary: fc.constantFrom('2022-I', '2022-III', ' 2022-II', '0000-I', '1900-II', '9999-II') }, { weight: 1, arbitrary: wrongType }),
      fileName: fc.option(fileName, { nil: undefined }),
      csv,
      xlsx,
    });
    // exceljs writes asynchronously: build the workbooks first, then fuzz with them.
    const samples = await Promise.all(
      fc.sample(body, { numRuns: RUNS * 2, seed: 1 }).map(async ({ csv: c, xlsx: x, ...rest }) => {
        if (rest.format !== 'xlsx') return { ...rest, content: c };
        return { ...rest, content: 'base64' in x ? x.base64 : (await workbook(x.sheets)).toString('base64') };
      }),
    );
    const seen = await fuzzRoute(fc.constant('/api/v1/realisations/uploads'), asRequests(spoil(fc.constantFrom(...samples))), 'coa', ['realisation', 'realisation_upload', 'audit_log']);
    expect(Object.keys(seen).some((s) => s.startsWith('4'))).toBe(true);
  });

  it('POST /api/v1/reception/occupancy/uploads (CSV and Excel)', async () => {
    const line = fc.record({
      loc: fc.constantFrom(...openOn),
      day: fc.nat(),
      count: fc.oneof({ weight: 6, arbitrary: fc.integer({ min: 10, max: 3000 }).chain(countText) }, { weight: 1, arbitrary: hostileCell }),
      permit: fc.oneof({ weight: 6, arbitrary: fc.constantFrom('', '0', '3', '10') }, { weight: 1, arbitrary: hostileCell }),
    }).map((l) => ({ code: l.loc.code, date: l.loc.days[l.day % l.loc.days.length]!, count: l.count, permit: l.permit }));
    const csv = fc.oneof(
      { weight: 3, arbitrary: fc.tuple(fc.array(line, { minLength: 1, maxLength: 8 }), dialect, fc.integer()).map(([ls, d, s]) => renderCsv([['locatiecode', 'datum', 'bezetting', 'statushouders'], ...ls.map((l, i) => [l.code, fc.sample(dateText(l.date), { numRuns: 1, seed: s + i })[0]!, l.count, l.permit])], d).text) },
      { weight: 2, arbitrary: fc.oneof(anyText, hostileCsvText) },
    );
    const samples = await Promise.all(
      fc.sample(fc.record({ format: fc.constantFrom('csv', 'csv', 'csv', 'xlsx', 'ods'), csv, lines: fc.array(line, { minLength: 1, maxLength: 5 }), sheets: fc.array(sheetSpec, { maxLength: 2 }), typed: fc.boolean(), corrections: fc.option(fc.oneof(fc.boolean(), fc.boolean(), wrongType), { nil: undefined }), fileName: fc.option(fileName, { nil: undefined }) }), { numRuns: RUNS * 2, seed: 2 }).map(async ({ csv: c, lines, sheets, typed, ...b }) => ({
        ...b,
        content: b.format !== 'xlsx' ? c : (await workbook(typed ? [{ name: 'B', rows: [['Locatie code', 'Datum', 'Bezetting'], ...lines.map((l) => [l.code, new Date(`${l.date}T00:00:00Z`), l.count])], merges: [] }] : sheets)).toString('base64'),
      })),
    );
    const seen = await fuzzRoute(fc.constant('/api/v1/reception/occupancy/uploads'), asRequests(spoil(fc.constantFrom(...samples))), 'coa', ['occupancy', 'occupancy_upload', 'reception_alert', 'notification', 'email_outbox', 'audit_log']);
    expect(Object.keys(seen).some((s) => s.startsWith('4'))).toBe(true);
  });

  it('POST /api/v1/reception/locations/:code/occupancy (one figure)', async () => {
    const url = fc
      .oneof({ weight: 6, arbitrary: fc.constantFrom(...openOn.map((l) => l.code), 'budel') }, { weight: 1, arbitrary: fc.constantFrom('ONBEKEND', 'GM0363', '\u0000', '..', 'x'.repeat(100)) }, { weight: 1, arbitrary: fc.string({ maxLength: 40 }) })
      .map((c) => `/api/v1/reception/locations/${encodeURIComponent(c)}/occupancy`);
    const often = <T, U>(valid: fc.Arbitrary<T>, bad: fc.Arbitrary<U>) => fc.oneof({ weight: 5, arbitrary: valid }, { weight: 1, arbitrary: bad }, { weight: 1, arbitrary: wrongType });
    const body = fc.record(
      {
        date: often(fc.constantFrom(...openOn.flatMap((l) => l.days.slice(0, 5))), fc.constantFrom('2022-02-30', '2099-01-01', '8-7-2022', '')),
        occupancy: often(fc.integer({ min: 0, max: 3000 }), fc.constantFrom(-1, 100_001, 1e300, 0.5, '12', '1.000')),
        permitHolders: often(fc.integer({ min: 0, max: 20 }), fc.constantFrom(-1, 100_001, 5000)),
        correction: often(fc.boolean(), fc.constantFrom('ja', 'true', 1)),
      },
      { requiredKeys: ['date', 'occupancy'] },
    );
    await fuzzRoute(url, asRequests(spoil(body)), 'coa', ['occupancy', 'occupancy_upload', 'reception_alert', 'audit_log']);
  });

  it('POST /api/v1/population/imports', async () => {
    const good = <T>(valid: fc.Arbitrary<T>) => fc.oneof({ weight: 8, arbitrary: valid }, { weight: 1, arbitrary: hostileCell });
    const line = fc.record({ code: good(fc.constantFrom(...municipalities2022)), count: good(fc.integer({ min: 0, max: 900_000 }).chain(countText)), date: good(fc.constantFrom('2022-01-01', '1-1-2022')) });
    const csv = fc.oneof(
      {
        weight: 3,
        arbitrary: fc.tuple(fc.uniqueArray(line, { minLength: 1, maxLength: 8, selector: (l) => l.code }), dialect, fc.oneof({ weight: 4, arbitrary: fc.constantFrom('CBS', 'CBS StatLine') }, { weight: 1, arbitrary: hostileCell }), fc.boolean()).map(([ls, d, source, withSource]) =>
          renderCsv([['gemeentecode', 'inwoners', 'peildatum', ...(withSource ? ['bron'] : [])], ...ls.map((l) => [l.code, l.count, l.date, ...(withSource ? [source] : [])])], d).text,
        ),
      },
      { weight: 2, arbitrary: fc.oneof(anyText, hostileCsvText) },
      { weight: 1, arbitrary: fc.constantFrom('RegioS;Perioden;Bevolking\n"GM0363";"2022JJ00";"900000"\n', HUGE) },
    );
    const body = fc.record(
      {
        content: fc.oneof({ weight: 8, arbitrary: csv }, { weight: 1, arbitrary: wrongType }),
        status: fc.oneof({ weight: 6, arbitrary: fc.constantFrom('officieel', 'voorlopig', 'onofficieel') }, { weight: 1, arbitrary: fc.constantFrom('Officieel', '') }, { weight: 1, arbitrary: wrongType }),
        source: fc.oneof({ weight: 3, arbitrary: fc.string({ maxLength: 30 }) }, { weight: 1, arbitrary: fc.constantFrom('CBS\u0000', 'x'.repeat(501), '   ', 'CBS\u0007') }, { weight: 1, arbitrary: wrongType }),
        fileName,
      },
      { requiredKeys: ['content', 'status'] },
    );
    await fuzzRoute(fc.constant('/api/v1/population/imports'), asRequests(spoil(body)), 'secretariaat', ['population', 'population_import', 'audit_log']);
  });

  /** One request that must be refused (4xx problem+json) without changing the tables. */
  async function expectRefusedUnchanged(url: string, who: DemoRole, body: object, tables: readonly string[]) {
    const before = await fingerprint(t.database.db, tables);
    const r = await t.app.inject({ method: 'POST', url, headers: as[who], payload: body });
    const said = expectSaneAnswer(r, `${url} ${JSON.stringify(body).slice(0, 200)}`);
    expect(r.statusCode, said).toBeGreaterThanOrEqual(400);
    expect(await fingerprint(t.database.db, tables), said).toEqual(before);
    return r.json() as { invalidParams?: { name: string; line?: number }[] };
  }

  it('refuses a NUL character in a file’s free text (coa_nummer, bron) naming the line and field, not with a 500', async () => {
    const r = await expectRefusedUnchanged('/api/v1/realisations/uploads', 'coa', { period: '2022-II', format: 'csv', content: 'gemeentecode,datum,personen,coa_nummer\nGM0363,2022-07-03,2,A\u0000B\n' }, ['realisation', 'realisation_upload', 'audit_log']);
    expect(r.invalidParams).toEqual([expect.objectContaining({ name: 'regel 2: coa_nummer', line: 2 })]);
    const p = await expectRefusedUnchanged('/api/v1/population/imports', 'secretariaat', { content: 'gemeentecode,inwoners,peildatum,bron\nGM0363,5,2022-01-01,CBS\u0000\n', status: 'onofficieel' }, ['population', 'population_import', 'audit_log']);
    expect(p.invalidParams).toEqual([expect.objectContaining({ name: 'bron' })]);
    await expectRefusedUnchanged('/api/v1/population/imports', 'secretariaat', { content: 'gemeentecode,inwoners,peildatum\nGM0363,5,2022-01-01\n', status: 'onofficieel', source: 'CBS\u0000' }, ['population', 'population_import', 'audit_log']);
  });

  // Was a 500: PostgreSQL cannot store U+0000 in text or jsonb, nor a lone surrogate in jsonb. Now every JSON string is
  // checked before the handler (platform/http/text-input.ts) and refused with 400 naming the field.
  for (const bad of ['lijst\u0000.csv', 'lijst\ud800.csv']) {
    for (const [url, who, body, tables] of [
      ['/api/v1/realisations/uploads', 'coa', { period: '2022-II', format: 'csv', content: 'gemeentecode,datum,personen\nGM0363,2022-07-04,2\n' }, ['realisation', 'realisation_upload', 'audit_log']],
      ['/api/v1/reception/occupancy/uploads', 'coa', { format: 'csv', content: 'locatiecode,datum,bezetting\nTERAPEL,2022-07-01,1990\n', corrections: true }, ['occupancy', 'occupancy_upload', 'audit_log']],
      ['/api/v1/population/imports', 'secretariaat', { content: 'gemeentecode,inwoners,peildatum\nGM0363,5,2019-01-01\n', status: 'onofficieel', source: 'CBS' }, ['population', 'population_import', 'audit_log']],
    ] as const) {
      it(`refuses ${JSON.stringify(bad)} as fileName with a 4xx, not a 500: ${url}`, async () => {
        const r = await expectRefusedUnchanged(url, who, { ...body, fileName: bad }, tables);
        expect(r.invalidParams).toEqual([expect.objectContaining({ name: 'fileName' })]);
      });
    }
  }

  // Known bug (docs/RELIABILITY.md): errors Fastify raises before routing are answered in its own English JSON, not as
  // problem+json. Flip to `it` when fixed.
  for (const url of ['/api/v1/reception/locations/%zz/occupancy', `/api/v1/reception/locations/${'X'.repeat(101)}/occupancy`]) {
    it(`answers a malformed or overlong path with a problem+json 4xx: ${url.slice(0, 50)}…`, async () => {
      await expectRefusedUnchanged(url, 'coa', { date: '2023-01-01', occupancy: 1 }, ['occupancy']);
    });
  }

  it('refuses a body over the route’s limit with 413 problem+json and changes nothing', async () => {
    const tables = ['population', 'population_import', 'audit_log'];
    const before = await fingerprint(t.database.db, tables);
    const r = await t.app.inject({ method: 'POST', url: '/api/v1/population/imports', headers: { ...as.secretariaat, 'content-type': 'application/json' }, payload: JSON.stringify({ content: 'x'.repeat(21 * 1024 * 1024) }) });
    expectSaneAnswer(r, 'population import of 21 MB');
    expect(r.statusCode).toBe(413);
    expect(await fingerprint(t.database.db, tables)).toEqual(before);
  });
});
