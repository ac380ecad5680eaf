/**
 * Every POST/PUT/PATCH route of the OpenAPI document (GET /api/v1/openapi.json) gets bodies its schema refuses and
 * bodies that fit it with hostile text, as the secretariat (an API token, so no write can end the session), on its
 * own test database. A refused body is answered 400/403/404/413/415 problem+json before any handler runs; nothing is
 * ever a 5xx. See docs/RELIABILITY.md.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApp } from '../helpers/server.ts';
import { DEMO, tokenFor } from '../helpers/auth.ts';
import { createUser } from '../../src/features/auth/service.ts';
import { systemActor } from '../../src/features/audit/audit.ts';
import { expectSaneAnswer } from './support/api.ts';
import { fitting, mapFreeText, refused, type JsonSchema } from './support/schema.ts';

const INVALID_RUNS = 10;
const FITTING_RUNS = 4;
/** What a body the schema refuses may get: validation (400), the policy before it (403), a scope lookup (404), size and media type. */
const REFUSED = [400, 403, 404, 413, 415];
/** Everything else a write may answer besides 2xx. */
const HANDLED = [400, 403, 404, 409, 412, 413, 415, 422, 428];
const LOGIN_EXTRA = [401, 429];

/**
 * Known 500s (docs/RELIABILITY.md), so that the fuzz fails only on a new one. Text of only spaces, U+0000 and lone
 * surrogates are refused for every route in platform/http/text-input.ts, and an action's unknown province is refused
 * by the service: none left. Add an entry (and a line in RELIABILITY.md) only for a bug found and not yet fixed.
 */
function knownCause(_route: string, _body: unknown): string | null {
  return null;
}

/**
 * Write routes that answer 500 when the free text of a body that fits the schema (6 fixed samples per route) holds
 * U+0000, a lone surrogate, or only spaces. A lower bound: a sample refused for another reason first does not count.
 * Shrink this list as they are fixed (docs/RELIABILITY.md).
 */
const KNOWN_TEXT_500: string[] = [];

interface Operation {
  method: 'POST' | 'PUT' | 'PATCH';
  path: string;
  body: JsonSchema | null;
  params: { name: string; schema: JsonSchema }[];
}

// Every write route many times over: well within 30 s alone, not always beside another busy test file.
describe('request schemas of every write route under fuzzed bodies', { timeout: 120_000 }, () => {
  let t: Awaited<ReturnType<typeof testApp>>;
  let headers: Record<string, string>;
  let operations: Operation[] = [];
  let throwawayUser = 0;

  beforeAll(async () => {
    t = await testApp({ demo: true });
    headers = { authorization: `Bearer ${await tokenFor(t.database.db, DEMO.secretariaat)}` };
    throwawayUser = (await createUser(t.database.db, systemActor('test'), { email: 'fuzz-doel@x.nl', name: 'Doel', organisation: 'X', roles: [{ role: 'lid', scope: '' }] })).user.id;
    const doc = (await t.app.inject({ url: '/api/v1/openapi.json' })).json() as {
      paths: Record<string, Record<string, { requestBody?: { content: Record<string, { schema: JsonSchema }> }; parameters?: { name: string; in: string; schema: JsonSchema }[] }>>;
    };
    for (const [path, ops] of Object.entries(doc.paths)) {
      for (const [method, op] of Object.entries(ops)) {
        if (!['post', 'put', 'patch'].includes(method)) continue;
        operations.push({
          method: method.toUpperCase() as Operation['method'],
          path,
          body: op.requestBody?.content['application/json']?.schema ?? null,
          params: (op.parameters ?? []).filter((p) => p.in === 'path').map((p) => ({ name: p.name, schema: p.schema })),
        });
      }
    }
    operations = operations.sort((a, b) => `${a.path} ${a.method}`.localeCompare(`${b.path} ${b.method}`));
  });
  afterAll(async () => t?.close());

  /** A path with its parameters filled in: an existing resource of the demo data or one that does not exist. */
  function url(op: Operation, existing: boolean): string {
    return op.path.replace(/\{(\w+)\}/g, (_, name: string) => {
      const s = op.params.find((p) => p.name === name)?.schema ?? {};
      if (op.path.startsWith('/api/v1/users/')) return String(existing ? throwawayUser : 999_999);
      if (s.type === 'integer') return existing ? '1' : '999999';
      if (s.format === 'date') return '2020-01-01';
      if (s.pattern?.startsWith('^GM')) return existing ? 'GM0363' : 'GM9999';
      if (s.pattern?.startsWith('^PV')) return existing ? 'PV27' : 'PV99';
      if (s.pattern?.includes('(0[1-9]|1[0-2])')) return '2030-01';
      return existing ? 'BUDEL' : 'ONBEKEND';
    });
  }

  it('finds every write route the app registers in the OpenAPI document', () => {
    const documented = new Set(operations.map((o) => `${o.method} ${o.path.replace(/\{(\w+)\}/g, ':$1')}`));
    const registered = t.app.registeredRoutes.filter((r) => ['POST', 'PUT', 'PATCH'].includes(r.method) && r.url.startsWith('/api/v1/') && !r.hidden).map((r) => `${r.method} ${r.url}`);
    expect(registered.length).toBeGreaterThan(30);
    expect(registered.filter((r) => !documented.has(r))).toEqual([]);
  });

  it('refuses bodies the schema refuses (missing, wrong type, unknown field, too long, no object) before any handler, with a Dutch problem', async () => {
    const answers: Record<string, number> = {};
    for (const op of operations.filter((o) => o.body?.type === 'object')) {
      await fc.assert(
        fc.asyncProperty(refused(op.body!), fc.boolean(), async ({ body, how }, existing) => {
          const path = url(op, existing);
          const r = await t.app.inject({ method: op.method, url: path, headers: { ...headers, 'if-match': '"1"', 'content-type': 'application/json' }, payload: JSON.stringify(body) });
          const said = expectSaneAnswer(r, `${op.method} ${path} (${how}) ${JSON.stringify(body).slice(0, 300)}`);
          expect(REFUSED, said).toContain(r.statusCode);
          answers[r.statusCode] = (answers[r.statusCode] ?? 0) + 1;
        }),
        { numRuns: INVALID_RUNS },
      );
    }
    // The secretariat may call most write routes: most refusals come from validation, not from the policy.
    expect(answers[400]).toBeGreaterThan((answers[403] ?? 0) * 2);
  });

  it('knows exactly which write routes answer 500 on U+0000, a lone surrogate or text of only spaces (a ratchet)', async () => {
    const found = new Set<string>();
    for (const op of operations.filter((o) => o.body?.type === 'object')) {
      const key = `${op.method} ${op.path}`;
      for (const [variant, change] of [['nul', (x: string) => `${x}\u0000`], ['surrogaat', (x: string) => `${x}\ud800`], ['spaties', () => '   ']] as const) {
        for (const sample of fc.sample(fitting(op.body!), { numRuns: 6, seed: 7 })) {
          const r = await t.app.inject({ method: op.method, url: url(op, true), headers: { ...headers, 'if-match': '"1"', 'content-type': 'application/json' }, payload: JSON.stringify(mapFreeText(op.body!, sample, change)) });
          if (r.statusCode >= 500) found.add(`${variant} ${key}`);
        }
      }
    }
    expect([...found].sort()).toEqual(KNOWN_TEXT_500);
  });

  it('answers bodies that fit the schema, with hostile text in every string, with 2xx or a Dutch 4xx problem, never an unknown 5xx', async () => {
    for (const op of operations) {
      const login = op.path === '/api/v1/session';
      const route = `${op.method} ${op.path}`;
      await fc.assert(
        fc.asyncProperty(op.body ? fitting(op.body) : fc.constant(undefined), fc.boolean(), async (body, existing) => {
          const path = url(op, existing);
          const r = await t.app.inject({ method: op.method, url: path, headers: { ...headers, 'if-match': '"1"', 'content-type': 'application/json' }, ...(body === undefined ? {} : { payload: JSON.stringify(body) }) });
          if (r.statusCode >= 500 && knownCause(route, body)) return;
          const said = expectSaneAnswer(r, `${op.method} ${path} ${JSON.stringify(body)?.slice(0, 300)}`);
          if (r.statusCode >= 300) expect([...HANDLED, ...(login ? LOGIN_EXTRA : [])], said).toContain(r.statusCode);
        }),
        { numRuns: FITTING_RUNS },
      );
    }
  });

  // Was a 500 (the foreign key answered); now the service checks the province first.
  it('answers an action for a province that does not exist (PV55) with a 4xx, not a 500', async () => {
    const r = await t.app.inject({ method: 'POST', url: '/api/v1/actions', headers, payload: { measureId: 1, description: 'x', holderOrganisation: 'x', provinceCode: 'PV55', deadline: '2030-01-01' } });
    expectSaneAnswer(r, 'POST /api/v1/actions PV55');
    expect(r.statusCode).toBe(400);
    expect(r.json().invalidParams[0].name).toBe('provinceCode');
  });

  // Was a 500 (a name of only spaces passed minLength but not the table's check); now the schema refuses it.
  it('answers a programme, person or meeting item named with only spaces with a 4xx, not a 500', async () => {
    const r = await t.app.inject({ method: 'POST', url: '/api/v1/people', headers, payload: { surname: '   ', organisation: 'X', publicOffice: false } });
    expectSaneAnswer(r, 'POST /api/v1/people surname "   "');
    expect(r.statusCode).toBe(400);
    expect(r.json().invalidParams[0].name).toBe('surname');
    const nul = await t.app.inject({ method: 'POST', url: '/api/v1/people', headers, payload: { surname: 'Jan\u0000sen', organisation: 'X', publicOffice: false } });
    expect(nul.statusCode).toBe(400);
    expect(nul.json().invalidParams[0].name).toBe('surname');
  });

  it('refuses a body that is not JSON, or JSON with a prototype key, on every write route', async () => {
    for (const op of operations.filter((o) => o.body !== null)) {
      for (const [payload, type] of [
        ['{"a":', 'application/json'],
        ['{"__proto__":{"isAdmin":true}}', 'application/json'],
        ['{"constructor":{"prototype":{"isAdmin":true}}}', 'application/json'],
        ['a=1&b=2', 'application/x-www-form-urlencoded'],
        ['<xml/>', 'application/xml'],
        [`{"a":${'['.repeat(5000)}${']'.repeat(5000)}}`, 'application/json'],
      ] as const) {
        const path = url(op, true);
        const r = await t.app.inject({ method: op.method, url: path, headers: { ...headers, 'content-type': type }, payload });
        const said = expectSaneAnswer(r, `${op.method} ${path} ${type} ${payload.slice(0, 60)}`);
        expect(REFUSED, said).toContain(r.statusCode);
      }
    }
  });
});
