/**
 * Every route with the policy it names and, for scoped policies, the owners a resource can have (a municipality in
 * Noord-Holland or elsewhere, a province, a national or provincial decision, draft or published, a token of one user
 * or another), each with the scope `authorize` is to be asked with. The authorization fuzz sends random principals to
 * random routes and owners and compares the answer with `authorize`; a route missing here fails that test.
 *
 * Requests are made so that nothing is written: a body carries an unknown field (the schema refuses it with 400 after
 * the policy has spoken), and a change that needs If-Match is sent without it (428).
 */
import type { Policy, ResourceScope } from '../../../src/domain/access/policies.ts';

export interface Owner {
  label: string;
  /** Values for the path parameters this owner decides. */
  params?: Record<string, string>;
  query?: string;
  /** Fields of the body that decide the scope (for policies scoped by the body). */
  body?: Record<string, unknown>;
  scope: ResourceScope;
}

export interface RouteCase {
  policy: Policy;
  owners?: Owner[];
  /** Values for the other path parameters. */
  params?: Record<string, string>;
  /** Whether to send a (refused) body. */
  body?: boolean;
}

/** Ids of the demo resources the owners refer to, found at set-up. */
export interface Fixtures {
  publishedDecision: number;
  nationalDraft: number;
  draftPV27: number;
  draftPV28: number;
  tokenOfCoa: number;
  tokenOfProvince: number;
  coaUserId: number;
  provinceUserId: number;
  throwawayUser: number;
}

const MUNICIPALITIES = [
  { code: 'GM0363', province: 'PV27' }, // Amsterdam, Noord-Holland
  { code: 'GM0518', province: 'PV28' }, // 's-Gravenhage, Zuid-Holland
  { code: 'GM0014', province: 'PV20' }, // Groningen
];
const PROVINCES = ['PV27', 'PV28'];

const byMunicipality = (scope: (m: (typeof MUNICIPALITIES)[number]) => ResourceScope): Owner[] =>
  MUNICIPALITIES.map((m) => ({ label: m.code, params: { code: m.code }, scope: scope(m) }));
const byProvince: Owner[] = PROVINCES.map((p) => ({ label: p, params: { province: p }, scope: { provinceCode: p } }));

export function routeCases(f: Fixtures): Record<string, RouteCase> {
  const decisions: Owner[] = [
    { label: 'gepubliceerd landelijk', params: { id: String(f.publishedDecision) }, scope: { tableScope: '', draft: false } },
    { label: 'concept landelijk', params: { id: String(f.nationalDraft) }, scope: { tableScope: '', draft: true } },
    { label: 'concept PV27', params: { id: String(f.draftPV27) }, scope: { tableScope: 'PV27', draft: true } },
    { label: 'concept PV28', params: { id: String(f.draftPV28) }, scope: { tableScope: 'PV28', draft: true } },
  ];
  const tokens: Owner[] = [
    { label: 'token van coa', params: { id: String(f.tokenOfCoa) }, scope: { ownerUserId: f.coaUserId } },
    { label: 'token van provincie', params: { id: String(f.tokenOfProvince) }, scope: { ownerUserId: f.provinceUserId } },
  ];
  const read = (policy: Policy, params?: Record<string, string>): RouteCase => ({ policy, ...(params ? { params } : {}) });
  const write = (policy: Policy, params?: Record<string, string>): RouteCase => ({ policy, body: true, ...(params ? { params } : {}) });
  const user = { id: String(f.throwawayUser) };
  return {
    'GET /health/live': read('public.read'),
    'GET /health/ready': read('public.read'),
    'GET /api/v1/openapi.json': read('public.read'),
    'GET /api/v1/regions/coverage': read('public.read'),
    'GET /api/v1/provinces': read('public.read'),
    'GET /api/v1/provinces/:code': read('public.read', { code: 'PV27' }),
    'GET /api/v1/municipalities': read('public.read'),
    'GET /api/v1/municipalities/:code': read('public.read', { code: 'GM0363' }),
    'GET /api/v1/reorganisations': read('public.read'),
    'GET /api/v1/population/:referenceDate': read('public.read', { referenceDate: '2020-01-01' }),
    'POST /api/v1/population/imports': write('population.import'),
    'GET /api/v1/municipalities/:code/population-set-by-province/:referenceDate': read('public.read', { code: 'GM0363', referenceDate: '2020-01-01' }),
    'PUT /api/v1/municipalities/:code/population-set-by-province/:referenceDate': {
      policy: 'population.set-by-province',
      body: true,
      params: { referenceDate: '2020-01-01' },
      owners: byMunicipality((m) => ({ provinceCode: m.province })),
    },
    'GET /api/v1/session': read('public.read'),
    'POST /api/v1/session': write('public.read'),
    'DELETE /api/v1/session': read('self'),
    'GET /api/v1/session/oidc': read('public.read'),
    'GET /api/v1/session/oidc/callback': read('public.read'),
    'GET /api/v1/users': read('users.read'),
    'POST /api/v1/users': write('users.manage'),
    'GET /api/v1/users/:id': read('users.read', user),
    'PATCH /api/v1/users/:id': write('users.manage', user),
    'POST /api/v1/users/:id/password': write('users.manage', user),
    'GET /api/v1/tokens': read('self'),
    'POST /api/v1/tokens': write('self'),
    'DELETE /api/v1/tokens/:id': { policy: 'tokens.manage', owners: tokens },
    'GET /api/v1/audit': read('audit.search'),
    'GET /api/v1/audit/export': read('audit.search'),
    'GET /api/v1/history/:resourceType/:resourceId': read('audit.history', { resourceType: 'gebruiker', resourceId: '1' }),
    'GET /api/v1/distributions': read('public.read'),
    'POST /api/v1/distributions/preview': write('distribution.preview'),
    'POST /api/v1/distributions': {
      policy: 'distribution.manage',
      body: true,
      owners: [
        { label: 'landelijk', body: { kind: 'verdeling', level: 'province' }, scope: { tableScope: '' } },
        ...PROVINCES.map((p) => ({ label: `gemeenten in ${p}`, body: { kind: 'verdeling', level: 'municipality', within: p.toLowerCase() }, scope: { tableScope: p } })),
      ],
    },
    'GET /api/v1/distributions/compare': {
      policy: 'distribution.read',
      owners: [
        { label: 'twee gepubliceerde', query: `a=${f.publishedDecision}&b=${f.publishedDecision}`, scope: { draft: false } },
        { label: 'met een concept', query: `a=${f.publishedDecision}&b=${f.nationalDraft}`, scope: { draft: true } },
      ],
    },
    'GET /api/v1/distributions/:id': { policy: 'distribution.read', owners: decisions },
    'PUT /api/v1/distributions/:id': { policy: 'distribution.manage', body: true, owners: decisions },
    'DELETE /api/v1/distributions/:id': { policy: 'distribution.manage', owners: decisions },
    'POST /api/v1/distributions/:id/publish': { policy: 'distribution.manage', owners: decisions },
    // Only the published one: a correction of a draft is refused, and a correction that is made changes nothing here.
    'POST /api/v1/distributions/:id/correction': { policy: 'distribution.manage', owners: decisions.slice(0, 1) },
    'GET /api/v1/distributions/:id/export': { policy: 'distribution.read', owners: decisions },
    'POST /api/v1/realisations/uploads': write('realisation.upload'),
    'POST /api/v1/realisations/uploads/tasks': write('realisation.upload'),
    'GET /api/v1/ledger': read('ledger.read'),
    'GET /api/v1/ledger/public-map': read('public.read'),
    'GET /api/v1/ledger/public-map/preview': read('ledger.read'),
    'POST /api/v1/ledger/public-map/publications': {
      policy: 'ledger.supervise',
      body: true,
      owners: PROVINCES.map((p) => ({ label: p, body: { provinceCode: p, period: '2022-I' }, scope: { provinceCode: p } })),
    },
    'GET /api/v1/ledger/:code': read('ledger.read', { code: 'GM0363' }),
    'POST /api/v1/ledger/:code/steps': { policy: 'ledger.supervise', body: true, owners: byMunicipality((m) => ({ provinceCode: m.province })) },
    'POST /api/v1/ledger/swaps': {
      policy: 'ledger.supervise',
      body: true,
      owners: MUNICIPALITIES.map((m) => ({ label: `van ${m.code}`, body: { from: m.code.toLowerCase() }, scope: { provinceCode: m.province } })),
    },
    'POST /api/v1/ledger/:code/excuses': { policy: 'ledger.supervise', body: true, owners: byMunicipality((m) => ({ provinceCode: m.province })) },
    'POST /api/v1/ledger/:code/realisations': { policy: 'realisation.record', body: true, owners: byMunicipality((m) => ({ municipalityCode: m.code })) },
    'GET /api/v1/reception': read('reception.read'),
    'GET /api/v1/reception/locations': read('reception.read'),
    'GET /api/v1/reception/locations/:code': read('reception.read', { code: 'TERAPEL' }),
    'GET /api/v1/reception/alerts': read('reception.read'),
    'POST /api/v1/reception/locations': write('reception.manage'),
    'POST /api/v1/reception/locations/:code/events': write('reception.manage', { code: 'BUDEL' }),
    'POST /api/v1/reception/locations/:code/occupancy': write('occupancy.upload', { code: 'BUDEL' }),
    'POST /api/v1/reception/occupancy/uploads': write('occupancy.upload'),
    'POST /api/v1/projections': write('projection.run'),
    'POST /api/v1/projections/compare': write('projection.run'),
    'POST /api/v1/projections/tasks': write('projection.run'),
    'POST /api/v1/reports/overview/tasks': write('agenda.read'),
    'GET /api/v1/tasks': read('tasks.read'),
    // A task that does not exist: its scope is empty (owned tasks are covered by the authorization matrix).
    'GET /api/v1/tasks/:id': read('tasks.read', { id: '2000000000' }),
    'GET /api/v1/tasks/:id/file': read('tasks.read', { id: '2000000000' }),
    'GET /api/v1/projections/scenarios': read('projection.run'),
    'GET /api/v1/projections/start-state': read('projection.run'),
    'POST /api/v1/projections/scenarios': write('projection.manage'),
    'GET /api/v1/programmes': read('agenda.read'),
    'POST /api/v1/programmes': write('agenda.manage'),
    'GET /api/v1/actions': read('agenda.read'),
    'GET /api/v1/actions/newly-overdue': read('agenda.read'),
    'GET /api/v1/actions/:id': read('agenda.read', { id: '1' }),
    'POST /api/v1/actions': write('agenda.manage'),
    'POST /api/v1/actions/:id/updates': write('agenda.manage', { id: '2' }),
    'GET /api/v1/escalation-ladder': read('agenda.read'),
    'PUT /api/v1/escalation-ladder': write('agenda.configure'),
    'GET /api/v1/inbox': read('self'),
    'POST /api/v1/inbox/:id/read': read('self', { id: '999999' }),
    'GET /api/v1/reports/status': read('agenda.read'),
    'GET /api/v1/reports/overview': read('agenda.read'),
    'GET /api/v1/reports/:province/:month': read('agenda.read', { province: 'PV27', month: '2022-08' }),
    'PUT /api/v1/reports/:province/:month': { policy: 'report.write', body: true, params: { month: '2030-01' }, owners: byProvince },
    'POST /api/v1/reports/:province/:month/submit': { policy: 'report.write', params: { month: '2030-01' }, owners: byProvince },
    'PUT /api/v1/reports/settings': write('agenda.configure'),
    'GET /api/v1/bodies': read('meetings.read'),
    'GET /api/v1/people': read('meetings.read'),
    'POST /api/v1/people': write('meetings.manage'),
    'GET /api/v1/meetings': read('meetings.read'),
    'POST /api/v1/meetings': write('meetings.manage'),
    'GET /api/v1/meetings/:id': read('meetings.read', { id: '1' }),
    'PUT /api/v1/meetings/:id/attendance': write('meetings.manage', { id: '1' }),
    'POST /api/v1/meetings/:id/minutes': write('meetings.manage', { id: '1' }),
    'GET /api/v1/minutes/:id': read('meetings.read', { id: '1' }),
    'PUT /api/v1/minutes/:id': write('meetings.manage', { id: '1' }),
    'POST /api/v1/minutes/:id/send': read('meetings.manage', { id: '1' }),
    'POST /api/v1/minutes/:id/approve': write('meetings.manage', { id: '1' }),
    'GET /api/v1/minutes/:id/document': read('meetings.read', { id: '1' }),
    'GET /api/v1/minutes/:id/woo/proposals': read('woo.publish', { id: '1' }),
    'POST /api/v1/minutes/:id/woo/reviews': write('woo.publish', { id: '1' }),
    'POST /api/v1/minutes/:id/woo/publications': write('woo.publish', { id: '1' }),
    'GET /api/v1/woo/publications': read('public.read'),
    'GET /api/v1/woo/publications/:id': read('public.read', { id: '1' }),
    'GET /api/v1/meetings/:id/document': { policy: 'meetings.read', owners: [{ label: 'agenda', params: { id: '1' }, query: 'kind=agenda', scope: {} }] },
    'GET /api/v1/pipeline/tracks': read('pipeline.read'),
    'POST /api/v1/pipeline/tracks': write('pipeline.configure'),
    'GET /api/v1/pipeline/projects': read('pipeline.read'),
    'POST /api/v1/pipeline/projects': {
      policy: 'pipeline.manage',
      body: true,
      owners: MUNICIPALITIES.map((m) => ({ label: m.code, body: { municipalityCode: m.code }, scope: { municipalityCode: m.code, provinceCode: m.province } })),
    },
    'GET /api/v1/pipeline/projects/:id': read('pipeline.read', { id: '1' }),
    // Demo projects 1 (Amsterdam), 14 ('s-Gravenhage) and 3 (Groningen): the scope is the project's municipality.
    'PATCH /api/v1/pipeline/projects/:id': {
      policy: 'pipeline.manage',
      body: true,
      owners: [
        { label: 'project in GM0363', params: { id: '1' }, scope: { municipalityCode: 'GM0363', provinceCode: 'PV27' } },
        { label: 'project in GM0518', params: { id: '14' }, scope: { municipalityCode: 'GM0518', provinceCode: 'PV28' } },
        { label: 'project in GM0014', params: { id: '3' }, scope: { municipalityCode: 'GM0014', provinceCode: 'PV20' } },
      ],
    },
    'POST /api/v1/pipeline/uploads': write('pipeline.upload'),
    'GET /api/v1/pipeline/overview': { policy: 'pipeline.read', owners: [{ label: '2022-II', query: 'period=2022-II&asOf=2022-07-08', scope: {} }] },
    'GET /api/v1/dashboard': { policy: 'dashboard.national', owners: [{ label: '8 juli 2022', query: 'asOf=2022-07-08', scope: {} }] },
    'GET /api/v1/dashboard/provinces/:code': {
      policy: 'dashboard.province',
      owners: PROVINCES.map((p) => ({ label: p, params: { code: p }, query: 'asOf=2022-07-08', scope: { provinceCode: p } })),
    },
  };
}
