import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApp } from '../helpers/server.ts';
import { DEMO, login, tokenFor, type DemoRole } from '../helpers/auth.ts';
import { createToken, createUser, getUser, getUserByEmail } from '../../src/features/auth/service.ts';
import { systemActor } from '../../src/features/audit/audit.ts';
import { createDraft, get as getDecision } from '../../src/features/distribution/service.ts';
import type { DecisionInput } from '../../src/features/distribution/schemas.ts';

const NATIONAL: DecisionInput = { kind: 'verdeling', level: 'province', total: 100, key: 'population', method: 'largest-remainder', referenceDate: '2021-01-01', boundaryDate: '2022-07-11' };
const READS_DRAFTS: Who[] = ['secretariaat', 'lid', 'provincie', 'coa'];

/**
 * Every route × every role (and anonymous): allowed or denied, as this table says. The table is the
 * specification; a route that is not in it fails the test, so a new route needs a decision here.
 */
type Who = 'anonymous' | DemoRole;
const ALL: Who[] = ['anonymous', 'secretariaat', 'lid', 'provincie', 'gemeente', 'coa', 'corporatie'];
const SIGNED_IN: Who[] = ['secretariaat', 'lid', 'provincie', 'gemeente', 'coa', 'corporatie'];
/** Amsterdam (GM0363, Noord-Holland): the demo province, municipality and corporation all hold it. */
const AMSTERDAM_PIPELINE: Who[] = ['secretariaat', 'provincie', 'gemeente', 'corporatie'];

interface Case {
  allowed: Who[];
  /** Path with sample parameters filled in. */
  url: string | (() => Promise<string>);
  body?: () => Promise<unknown> | unknown;
  headers?: () => Promise<Record<string, string>> | Record<string, string>;
}

let throwawayUserId = 0;
let draftId = 0;
let publishedId = 0;
let matrixProject = 0;
let coaTaskId = 0;
const newTarget = async (db: Parameters<typeof createToken>[0]) =>
  (await createToken(db, systemActor('test'), { userId: (await getUserByEmail(db, DEMO.coa)).id, name: 'doel' })).item.id;

describe('authorization matrix', () => {
  let t: Awaited<ReturnType<typeof testApp>>;
  const credentials = new Map<Who, Record<string, string>>();
  const coaTask = async () => {
    if (!coaTaskId) {
      const coa = await getUserByEmail(t.database.db, DEMO.coa);
      const actor = { principal: { kind: 'user' as const, userId: coa.id, email: coa.email, name: coa.name, roles: [{ role: 'coa' as const, scope: '' }], via: 'session' as const } };
      coaTaskId = await t.app.tasks.create(t.database.db, actor, 'maandoverzicht-pdf', { month: '2022-07' });
    }
    return coaTaskId;
  };

  const MATRIX: Record<string, Case> = {
    'GET /health/live': { allowed: ALL, url: '/health/live' },
    'GET /health/ready': { allowed: ALL, url: '/health/ready' },
    'GET /api/v1/openapi.json': { allowed: ALL, url: '/api/v1/openapi.json' },
    'GET /api/v1/regions/coverage': { allowed: ALL, url: '/api/v1/regions/coverage' },
    'GET /api/v1/provinces': { allowed: ALL, url: '/api/v1/provinces?year=2022' },
    'GET /api/v1/provinces/:code': { allowed: ALL, url: '/api/v1/provinces/PV27?year=2022' },
    'GET /api/v1/municipalities': { allowed: ALL, url: '/api/v1/municipalities?year=2022' },
    'GET /api/v1/municipalities/:code': { allowed: ALL, url: '/api/v1/municipalities/GM0363?year=2022' },
    'GET /api/v1/reorganisations': { allowed: ALL, url: '/api/v1/reorganisations' },
    'GET /api/v1/population/:referenceDate': { allowed: ALL, url: '/api/v1/population/2020-01-01' },
    'POST /api/v1/population/imports': {
      allowed: ['secretariaat'],
      url: '/api/v1/population/imports',
      body: () => ({ content: 'gemeentecode,gemeentenaam,provinciecode,inwoners,peildatum\nGM0363,Amsterdam,PV27,872757,2021-01-01\n', status: 'onofficieel', source: 'matrix' }),
    },
    'GET /api/v1/municipalities/:code/population-set-by-province/:referenceDate': {
      allowed: ALL,
      url: '/api/v1/municipalities/GM0363/population-set-by-province/2021-01-01',
    },
    'PUT /api/v1/municipalities/:code/population-set-by-province/:referenceDate': {
      allowed: ['provincie'], // the demo province is Noord-Holland (PV27); Amsterdam lies in it
      url: '/api/v1/municipalities/GM0363/population-set-by-province/2020-01-01',
      body: () => ({ inhabitants: 1, reason: 'matrix' }),
    },
    'GET /api/v1/session': { allowed: ALL, url: '/api/v1/session' },
    'POST /api/v1/session': { allowed: ALL, url: '/api/v1/session', body: () => ({ email: DEMO.lid, password: 'Regietafel-demo-2022' }) },
    'DELETE /api/v1/session': { allowed: SIGNED_IN, url: '/api/v1/session' },
    // Not configured here: 404 for everyone (the flow itself is tested in oidc.test.ts).
    'GET /api/v1/session/oidc': { allowed: ALL, url: '/api/v1/session/oidc' },
    'GET /api/v1/session/oidc/callback': { allowed: ALL, url: '/api/v1/session/oidc/callback?code=x&state=y' },
    'GET /api/v1/users': { allowed: ['secretariaat'], url: '/api/v1/users' },
    'POST /api/v1/users': {
      allowed: ['secretariaat'],
      url: '/api/v1/users',
      body: () => ({ email: `matrix-${Math.random().toString(36).slice(2)}@x.nl`, name: 'M', organisation: 'X', roles: [{ role: 'lid', scope: '' }] }),
    },
    'GET /api/v1/users/:id': { allowed: ['secretariaat'], url: () => Promise.resolve(`/api/v1/users/${throwawayUserId}`) },
    'PATCH /api/v1/users/:id': {
      allowed: ['secretariaat'],
      url: () => Promise.resolve(`/api/v1/users/${throwawayUserId}`),
      body: async () => ({ name: `Naam ${Math.random()}`, version: (await getUser(t.database.db, throwawayUserId)).version }),
    },
    'POST /api/v1/users/:id/password': { allowed: ['secretariaat'], url: () => Promise.resolve(`/api/v1/users/${throwawayUserId}/password`), body: () => ({}) },
    'GET /api/v1/tokens': { allowed: SIGNED_IN, url: '/api/v1/tokens' },
    'POST /api/v1/tokens': { allowed: SIGNED_IN, url: '/api/v1/tokens', body: () => ({ name: 'matrix' }) },
    'DELETE /api/v1/tokens/:id': {
      allowed: ['secretariaat', 'coa'], // the owner (a COA token) and the secretariat
      url: async () => `/api/v1/tokens/${await newTarget(t.database.db)}`,
    },
    'GET /api/v1/audit': { allowed: ['secretariaat'], url: '/api/v1/audit' },
    'GET /api/v1/audit/export': { allowed: ['secretariaat'], url: '/api/v1/audit/export' },
    'GET /api/v1/history/:resourceType/:resourceId': { allowed: SIGNED_IN, url: '/api/v1/history/gebruiker/1' },
    'GET /api/v1/distributions': { allowed: ALL, url: '/api/v1/distributions' },
    'POST /api/v1/distributions/preview': { allowed: SIGNED_IN, url: '/api/v1/distributions/preview', body: () => NATIONAL },
    'POST /api/v1/distributions': { allowed: ['secretariaat'], url: '/api/v1/distributions', body: () => NATIONAL },
    'GET /api/v1/distributions/compare': { allowed: READS_DRAFTS, url: () => Promise.resolve(`/api/v1/distributions/compare?a=${draftId}&b=${publishedId}`) },
    'GET /api/v1/distributions/:id': { allowed: READS_DRAFTS, url: () => Promise.resolve(`/api/v1/distributions/${draftId}`) },
    'PUT /api/v1/distributions/:id': {
      allowed: ['secretariaat'],
      url: () => Promise.resolve(`/api/v1/distributions/${draftId}`),
      body: () => NATIONAL,
      headers: async () => ({ 'if-match': `"${(await getDecision(t.database.db, draftId)).version}"` }),
    },
    'DELETE /api/v1/distributions/:id': {
      allowed: ['secretariaat'],
      url: async () => `/api/v1/distributions/${(await createDraft(t.database.db, systemActor('test'), NATIONAL)).id}`,
      headers: () => ({ 'if-match': '"1"' }),
    },
    'POST /api/v1/distributions/:id/publish': {
      allowed: ['secretariaat'],
      url: async () => `/api/v1/distributions/${(await createDraft(t.database.db, systemActor('test'), NATIONAL)).id}/publish`,
      headers: () => ({ 'if-match': '"1"' }),
    },
    'POST /api/v1/distributions/:id/correction': { allowed: ['secretariaat'], url: () => Promise.resolve(`/api/v1/distributions/${publishedId}/correction`) },
    'POST /api/v1/realisations/uploads': {
      allowed: ['coa'],
      url: '/api/v1/realisations/uploads',
      body: () => ({ period: '2022-II', format: 'csv', content: `gemeentecode,datum,personen\nGM0363,2022-07-0${1 + Math.floor(Math.random() * 9)},${1 + Math.floor(Math.random() * 1000)}\n` }),
    },
    'POST /api/v1/realisations/uploads/tasks': {
      allowed: ['coa'],
      url: '/api/v1/realisations/uploads/tasks',
      body: () => ({ period: '2022-II', format: 'csv', content: `gemeentecode,datum,personen\nGM0363,2022-08-0${1 + Math.floor(Math.random() * 9)},${1 + Math.floor(Math.random() * 1000)}\n` }),
    },
    'GET /api/v1/ledger': { allowed: SIGNED_IN, url: '/api/v1/ledger?period=2022-I' },
    'GET /api/v1/ledger/public-map': { allowed: ALL, url: '/api/v1/ledger/public-map?period=2022-I' },
    'GET /api/v1/ledger/public-map/preview': { allowed: SIGNED_IN, url: '/api/v1/ledger/public-map/preview?period=2022-I' },
    'POST /api/v1/ledger/public-map/publications': { allowed: ['provincie'], url: '/api/v1/ledger/public-map/publications', body: () => ({ period: '2022-I', provinceCode: 'PV27' }) },
    'GET /api/v1/ledger/:code': { allowed: SIGNED_IN, url: '/api/v1/ledger/GM0363' },
    'POST /api/v1/ledger/:code/steps': { allowed: ['provincie'], url: '/api/v1/ledger/GM0363/steps', body: () => ({ step: 'geen', date: '2030-01-01', reason: 'matrix' }) },
    'POST /api/v1/ledger/swaps': { allowed: ['provincie'], url: '/api/v1/ledger/swaps', body: () => ({ period: '2022-II', from: 'GM0363', to: 'GM0361', amount: 1, reason: 'matrix' }) },
    'POST /api/v1/ledger/:code/excuses': { allowed: ['provincie'], url: '/api/v1/ledger/GM0363/excuses', body: () => ({ from: '2022-07-01', to: '2022-07-31', reason: 'matrix' }) },
    'POST /api/v1/ledger/:code/realisations': {
      allowed: ['gemeente'], // Amsterdam's own count, by Amsterdam
      url: '/api/v1/ledger/GM0363/realisations',
      body: () => ({ date: `2022-08-1${Math.floor(Math.random() * 9)}`, persons: 1 + Math.floor(Math.random() * 99) }),
    },
    'GET /api/v1/reception': { allowed: SIGNED_IN, url: '/api/v1/reception?asOf=2022-07-08' },
    'GET /api/v1/reception/locations': { allowed: SIGNED_IN, url: '/api/v1/reception/locations' },
    'GET /api/v1/reception/locations/:code': { allowed: SIGNED_IN, url: '/api/v1/reception/locations/TERAPEL' },
    'GET /api/v1/reception/alerts': { allowed: SIGNED_IN, url: '/api/v1/reception/alerts' },
    'POST /api/v1/reception/locations': {
      allowed: ['secretariaat', 'coa'],
      url: '/api/v1/reception/locations',
      body: () => ({ code: `MATRIX-${Math.floor(Math.random() * 1e9)}`, name: 'Matrix', type: 'azc', municipalityCode: 'GM0363', events: [] }),
    },
    'POST /api/v1/reception/locations/:code/events': {
      allowed: ['secretariaat', 'coa'],
      url: '/api/v1/reception/locations/BUDEL/events',
      body: () => ({ date: `2023-0${1 + Math.floor(Math.random() * 9)}-1${Math.floor(Math.random() * 9)}`, kind: 'uitbreiding', places: 1 }),
    },
    'POST /api/v1/reception/locations/:code/occupancy': {
      allowed: ['coa'],
      url: '/api/v1/reception/locations/BUDEL/occupancy',
      body: () => ({ date: `2023-0${1 + Math.floor(Math.random() * 9)}-1${Math.floor(Math.random() * 9)}`, occupancy: 1000, correction: true }),
    },
    'POST /api/v1/reception/occupancy/uploads': {
      allowed: ['coa'],
      url: '/api/v1/reception/occupancy/uploads',
      body: () => ({ format: 'csv', content: `locatiecode,datum,bezetting\nGILZE,2023-0${1 + Math.floor(Math.random() * 9)}-1${Math.floor(Math.random() * 9)},${Math.floor(Math.random() * 1000)}\n`, corrections: true }),
    },
    'POST /api/v1/projections': { allowed: SIGNED_IN, url: '/api/v1/projections', body: () => ({ scenarioId: 1, runs: 10, weeks: 4 }) },
    'POST /api/v1/projections/compare': { allowed: SIGNED_IN, url: '/api/v1/projections/compare', body: () => ({ a: { scenarioId: 1 }, b: { scenarioId: 2 }, runs: 10, weeks: 4 }) },
    'GET /api/v1/projections/scenarios': { allowed: SIGNED_IN, url: '/api/v1/projections/scenarios' },
    'POST /api/v1/projections/tasks': { allowed: SIGNED_IN, url: '/api/v1/projections/tasks', body: () => ({ scenarioId: 1, runs: 10, weeks: 4 }) },
    'POST /api/v1/reports/overview/tasks': { allowed: SIGNED_IN, url: '/api/v1/reports/overview/tasks', body: () => ({ month: '2022-07' }) },
    'GET /api/v1/tasks': { allowed: SIGNED_IN, url: '/api/v1/tasks' },
    // A task COA started: COA and the secretariat see it, nobody else.
    'GET /api/v1/tasks/:id': { allowed: ['secretariaat', 'coa'], url: async () => `/api/v1/tasks/${await coaTask()}` },
    'GET /api/v1/tasks/:id/file': { allowed: ['secretariaat', 'coa'], url: async () => `/api/v1/tasks/${await coaTask()}/file` },
    'GET /api/v1/projections/start-state': { allowed: SIGNED_IN, url: '/api/v1/projections/start-state?date=2022-07-08' },
    'POST /api/v1/projections/scenarios': {
      allowed: ['secretariaat', 'lid'],
      url: '/api/v1/projections/scenarios',
      body: async () => ({ ...((await t.database.db.selectFrom('projection_scenario').select('scenario').where('id', '=', 1).executeTakeFirstOrThrow()).scenario as object), name: `Matrix ${Math.random()}` }),
    },
    'GET /api/v1/programmes': { allowed: SIGNED_IN, url: '/api/v1/programmes' },
    'POST /api/v1/programmes': {
      allowed: ['secretariaat', 'provincie'],
      url: '/api/v1/programmes',
      body: () => ({ code: `M-${Math.floor(Math.random() * 1e9)}`, name: 'Matrix', owner: 'Matrix', measures: [{ number: 1, title: 'x' }] }),
    },
    'GET /api/v1/actions': { allowed: SIGNED_IN, url: '/api/v1/actions' },
    'GET /api/v1/actions/newly-overdue': { allowed: SIGNED_IN, url: '/api/v1/actions/newly-overdue' },
    'GET /api/v1/actions/:id': { allowed: SIGNED_IN, url: '/api/v1/actions/1' },
    'POST /api/v1/actions': {
      allowed: ['secretariaat', 'provincie'],
      url: '/api/v1/actions',
      body: () => ({ measureId: 1, description: 'matrix', holderOrganisation: 'Matrix', deadline: '2030-01-01' }),
    },
    'POST /api/v1/actions/:id/updates': {
      allowed: ['secretariaat', 'provincie'],
      url: '/api/v1/actions/2/updates',
      body: () => ({ date: '2022-08-01', text: 'matrix' }),
      headers: async () => ({ 'if-match': `"${(await t.database.db.selectFrom('action').select('version').where('id', '=', 2).executeTakeFirstOrThrow()).version}"` }),
    },
    'GET /api/v1/escalation-ladder': { allowed: SIGNED_IN, url: '/api/v1/escalation-ladder' },
    'PUT /api/v1/escalation-ladder': {
      allowed: ['secretariaat'],
      url: '/api/v1/escalation-ladder',
      body: () => ({ levels: [{ level: 1, name: 'Herinnering', afterDays: 1, graceDays: 0, kind: 'herinnering-houder' }] }),
    },
    'GET /api/v1/inbox': { allowed: SIGNED_IN, url: '/api/v1/inbox' },
    'POST /api/v1/inbox/:id/read': { allowed: SIGNED_IN, url: '/api/v1/inbox/999999/read' },
    'GET /api/v1/reports/status': { allowed: SIGNED_IN, url: '/api/v1/reports/status' },
    'GET /api/v1/reports/overview': { allowed: SIGNED_IN, url: '/api/v1/reports/overview?month=2022-07' },
    'GET /api/v1/reports/:province/:month': { allowed: SIGNED_IN, url: '/api/v1/reports/PV27/2022-08' },
    'PUT /api/v1/reports/:province/:month': {
      allowed: ['provincie'],
      url: '/api/v1/reports/PV27/2023-01',
      body: () => ({ bottlenecks: 'matrix', measures: [] }),
      headers: async () => ({ 'if-match': `"${(await t.database.db.selectFrom('provincial_report').select('version').where('province_code', '=', 'PV27').where('month', '=', '2023-01').executeTakeFirst())?.version ?? 0}"` }),
    },
    'POST /api/v1/reports/:province/:month/submit': { allowed: ['provincie'], url: '/api/v1/reports/PV27/2030-01/submit', headers: () => ({ 'if-match': '"1"' }) },
    'PUT /api/v1/reports/settings': {
      allowed: ['secretariaat'],
      url: '/api/v1/reports/settings',
      body: () => ({ firstMonth: '2022-07', lastMonth: '2022-09', workingDay: 5 }),
    },
    'GET /api/v1/bodies': { allowed: SIGNED_IN, url: '/api/v1/bodies' },
    'GET /api/v1/people': { allowed: SIGNED_IN, url: '/api/v1/people' },
    'POST /api/v1/people': { allowed: ['secretariaat'], url: '/api/v1/people', body: () => ({ surname: 'Matrix', organisation: 'X', publicOffice: false }) },
    'GET /api/v1/meetings': { allowed: SIGNED_IN, url: '/api/v1/meetings' },
    'POST /api/v1/meetings': { allowed: ['secretariaat'], url: '/api/v1/meetings', body: () => ({ bodyId: 2, date: '2030-01-01', items: [] }) },
    'GET /api/v1/meetings/:id': { allowed: SIGNED_IN, url: '/api/v1/meetings/1' },
    'PUT /api/v1/meetings/:id/attendance': { allowed: ['secretariaat'], url: '/api/v1/meetings/999999/attendance', body: () => ({ attendance: [] }) },
    'POST /api/v1/meetings/:id/minutes': { allowed: ['secretariaat'], url: '/api/v1/meetings/999999/minutes', body: () => ({}) },
    'GET /api/v1/minutes/:id': { allowed: SIGNED_IN, url: '/api/v1/minutes/1' },
    'PUT /api/v1/minutes/:id': { allowed: ['secretariaat'], url: '/api/v1/minutes/999999', body: () => ({ items: [] }), headers: () => ({ 'if-match': '"1"' }) },
    'POST /api/v1/minutes/:id/send': { allowed: ['secretariaat'], url: '/api/v1/minutes/999999/send', headers: () => ({ 'if-match': '"1"' }) },
    'POST /api/v1/minutes/:id/approve': { allowed: ['secretariaat'], url: '/api/v1/minutes/999999/approve', body: () => ({ meetingId: 1 }), headers: () => ({ 'if-match': '"1"' }) },
    'GET /api/v1/minutes/:id/document': { allowed: SIGNED_IN, url: '/api/v1/minutes/1/document' },
    'GET /api/v1/minutes/:id/woo/proposals': { allowed: ['secretariaat'], url: '/api/v1/minutes/1/woo/proposals' },
    'POST /api/v1/minutes/:id/woo/reviews': { allowed: ['secretariaat'], url: '/api/v1/minutes/999999/woo/reviews', body: () => ({ decisions: [], manual: [] }) },
    'POST /api/v1/minutes/:id/woo/publications': { allowed: ['secretariaat'], url: '/api/v1/minutes/999999/woo/publications', body: () => ({ reviewId: 1 }) },
    'GET /api/v1/woo/publications': { allowed: ALL, url: '/api/v1/woo/publications' },
    'GET /api/v1/woo/publications/:id': { allowed: ALL, url: '/api/v1/woo/publications/1' },
    'GET /api/v1/distributions/:id/export': { allowed: ALL, url: () => Promise.resolve(`/api/v1/distributions/${publishedId}/export?format=csv`) },
    'GET /api/v1/meetings/:id/document': { allowed: SIGNED_IN, url: '/api/v1/meetings/1/document?kind=agenda' },
    'GET /api/v1/pipeline/tracks': { allowed: SIGNED_IN, url: '/api/v1/pipeline/tracks' },
    'POST /api/v1/pipeline/tracks': { allowed: ['secretariaat'], url: '/api/v1/pipeline/tracks', body: () => ({ code: 'MATRIX', name: 'Matrix', ownerOrganisation: 'Test' }) },
    'GET /api/v1/pipeline/projects': { allowed: SIGNED_IN, url: '/api/v1/pipeline/projects?municipality=GM0363' },
    'POST /api/v1/pipeline/projects': {
      allowed: AMSTERDAM_PIPELINE,
      url: '/api/v1/pipeline/projects',
      body: () => ({ trackCode: 'FLEX-NL', reference: `MATRIX-${++matrixProject}`, name: 'Matrix', municipalityCode: 'GM0363', party: 'Test', homeType: 'flexwoning', units: 2, reservedUnits: 1, expectedDelivery: '2023-01-02', status: 'idee' }),
    },
    'GET /api/v1/pipeline/projects/:id': { allowed: SIGNED_IN, url: '/api/v1/pipeline/projects/1' },
    // Project 1 lies in Amsterdam; without If-Match an allowed caller gets 428.
    'PATCH /api/v1/pipeline/projects/:id': { allowed: AMSTERDAM_PIPELINE, url: '/api/v1/pipeline/projects/1', body: () => ({ name: 'Matrix' }) },
    'POST /api/v1/pipeline/uploads': {
      allowed: AMSTERDAM_PIPELINE,
      url: '/api/v1/pipeline/uploads',
      body: () => ({ format: 'csv', content: 'spoor;projectcode;gemeente;partij;type woning;aantal woningen;voor statushouders;verwachte oplevering;status\nFLEX-NL;MATRIX-UPLOAD;GM0363;Test;flexwoning;2;1;2-1-2023;idee\n' }),
    },
    'GET /api/v1/pipeline/overview': { allowed: SIGNED_IN, url: '/api/v1/pipeline/overview?period=2022-II&asOf=2022-07-08' },
    'GET /api/v1/dashboard': { allowed: ['secretariaat', 'lid', 'provincie', 'coa'], url: '/api/v1/dashboard?asOf=2022-07-08' },
    'GET /api/v1/dashboard/provinces/:code': { allowed: ['secretariaat', 'lid', 'provincie', 'coa'], url: '/api/v1/dashboard/provinces/PV27?asOf=2022-07-08' },
  };

  beforeAll(async () => {
    t = await testApp({ demo: true });
    throwawayUserId = (
      await createUser(t.database.db, systemActor('test'), { email: 'doelwit@x.nl', name: 'Doelwit', organisation: 'X', roles: [{ role: 'lid', scope: '' }] })
    ).user.id;
    draftId = (await createDraft(t.database.db, systemActor('test'), NATIONAL)).id!;
    publishedId = (await t.database.db.selectFrom('distribution_decision').select('id').where('status', '=', 'gepubliceerd').executeTakeFirstOrThrow()).id;
    credentials.set('anonymous', {});
    for (const role of Object.keys(DEMO) as DemoRole[]) {
      // A session per role (cookie + CSRF token), as the web app holds it.
      const s = await login(t.app, DEMO[role]);
      credentials.set(role, { cookie: s.cookie, 'x-csrf-token': s.csrf });
    }
  });
  afterAll(async () => t?.close());

  it('has a decision for every route the app registers', () => {
    const routes = t.app.registeredRoutes
      .filter((r) => r.url.startsWith('/api/v1/') || r.url.startsWith('/health/'))
      .map((r) => `${r.method} ${r.url}`);
    expect(routes.length).toBeGreaterThan(20);
    expect(routes.filter((r) => !(r in MATRIX))).toEqual([]);
    expect(Object.keys(MATRIX).filter((k) => !routes.includes(k))).toEqual([]);
  });

  for (const who of ALL) {
    it(`allows and denies as specified for ${who}`, async () => {
      const outcomes: string[] = [];
      const expected: string[] = [];
      for (const [route, c] of Object.entries(MATRIX)) {
        // Logging out would end the session used for the rest: use a fresh one for that route.
        const headers = route === 'DELETE /api/v1/session' && who !== 'anonymous' ? await freshSession(who) : credentials.get(who)!;
        const method = route.split(' ')[0] as 'GET';
        const url = typeof c.url === 'string' ? c.url : await c.url();
        const payload = c.body ? await c.body() : undefined;
        const extra = c.headers ? await c.headers() : {};
        const r = await t.app.inject({ method, url, headers: { ...headers, ...extra }, ...(payload !== undefined ? { payload: payload as object } : {}) });
        const denied = r.statusCode === 401 || r.statusCode === 403;
        outcomes.push(`${route}: ${denied ? 'geweigerd' : 'toegestaan'} (${r.statusCode})`.replace(/ \(\d+\)$/, ''));
        expected.push(`${route}: ${c.allowed.includes(who) ? 'toegestaan' : 'geweigerd'}`);
        if (denied) expect(r.statusCode, `${route} for ${who}`).toBe(who === 'anonymous' ? 401 : 403);
        else expect(r.statusCode, `${route} for ${who}: ${r.body.slice(0, 200)}`).toBeLessThan(500);
      }
      expect(outcomes).toEqual(expected);
    });
  }

  it('applies the scope: a province cannot set a figure for another province’s municipality', async () => {
    const r = await t.app.inject({
      method: 'PUT',
      url: '/api/v1/municipalities/GM0518/population-set-by-province/2020-01-01',
      headers: credentials.get('provincie')!,
      payload: { inhabitants: 1, reason: 'x' },
    });
    expect(r.statusCode).toBe(403);
  });

  it('treats an API token like the session of the same user', async () => {
    const token = await tokenFor(t.database.db, DEMO.coa);
    const users = await t.app.inject({ url: '/api/v1/users', headers: { authorization: `Bearer ${token}` } });
    expect(users.statusCode).toBe(403);
    const secretariatToken = await tokenFor(t.database.db, DEMO.secretariaat);
    const allowed = await t.app.inject({ url: '/api/v1/users', headers: { authorization: `Bearer ${secretariatToken}` } });
    expect(allowed.statusCode).toBe(200);
  });

  async function freshSession(who: DemoRole) {
    const s = await login(t.app, DEMO[who]);
    return { cookie: s.cookie, 'x-csrf-token': s.csrf };
  }
});
