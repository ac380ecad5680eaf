/**
 * Authorization fuzz: random principal (the demo roles by session or API token, users with other and several grants,
 * nobody) × random route × random owner of the resource (Noord-Holland or elsewhere, national or provincial, draft
 * or published, one's own token or another's). The HTTP answer is 401/403 exactly when `authorize` in
 * src/domain/access/policies.ts says no, with the route's policy and the owner's scope. See docs/RELIABILITY.md.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApp } from '../helpers/server.ts';
import { DEMO, login, type DemoRole } from '../helpers/auth.ts';
import { ANONYMOUS, authorize, type Principal, type RoleGrant } from '../../src/domain/access/policies.ts';
import { createToken, createUser, getUserByEmail } from '../../src/features/auth/service.ts';
import { systemActor } from '../../src/features/audit/audit.ts';
import { createDraft } from '../../src/features/distribution/service.ts';
import type { DecisionInput } from '../../src/features/distribution/schemas.ts';
import { routeCases, type Fixtures, type Owner, type RouteCase } from './support/routes.ts';

const RUNS = 400;
const NATIONAL: DecisionInput = { kind: 'verdeling', level: 'province', total: 100, key: 'population', method: 'largest-remainder', referenceDate: '2021-01-01', boundaryDate: '2022-07-11' };
const inProvince = (p: string): DecisionInput => ({ kind: 'verdeling', level: 'municipality', within: p, total: 100, key: 'population', method: 'largest-remainder', referenceDate: '2021-01-01', boundaryDate: '2022-07-11' });

/** Users beyond the demo accounts: other scopes and several grants at once. */
const EXTRA: { email: string; roles: RoleGrant[] }[] = [
  { email: 'zuid-holland@fuzz.nl', roles: [{ role: 'provincie', scope: 'PV28' }] },
  { email: 'den-haag@fuzz.nl', roles: [{ role: 'gemeente', scope: 'GM0518' }] },
  { email: 'prt-lid@fuzz.nl', roles: [{ role: 'lid', scope: 'PV27' }] },
  { email: 'coa-en-amsterdam@fuzz.nl', roles: [{ role: 'coa', scope: '' }, { role: 'gemeente', scope: 'GM0363' }] },
  { email: 'twee-provincies@fuzz.nl', roles: [{ role: 'provincie', scope: 'PV20' }, { role: 'provincie', scope: 'PV28' }] },
];

interface Caller {
  label: string;
  principal: Principal;
  /** Headers to send; a fresh session for routes that end it. */
  headers(route: string): Promise<Record<string, string>>;
}

// Hundreds of requests per test: 17 s alone, over 30 s beside another busy test file on two cores.
describe('authorization fuzz: the answer agrees with the policy table', { timeout: 120_000 }, () => {
  let t: Awaited<ReturnType<typeof testApp>>;
  let cases: Record<string, RouteCase> = {};
  const callers: Caller[] = [];

  beforeAll(async () => {
    t = await testApp({ demo: true });
    const db = t.database.db;
    const system = systemActor('test');
    const grantsOf = async (userId: number): Promise<RoleGrant[]> =>
      (await db.selectFrom('user_role').select(['role', 'scope']).where('user_id', '=', userId).execute()).map((r) => ({ role: r.role as RoleGrant['role'], scope: r.scope }));
    const principalOf = async (email: string, via: 'session' | 'token'): Promise<Principal> => {
      const u = await getUserByEmail(db, email);
      return { kind: 'user', userId: u.id, email: u.email, name: u.name, roles: await grantsOf(u.id), via };
    };
    const bearer = async (email: string) => ({ authorization: `Bearer ${(await createToken(db, system, { userId: (await getUserByEmail(db, email)).id, name: 'fuzz' })).token}` });

    callers.push({ label: 'anoniem', principal: ANONYMOUS, headers: async () => ({}) });
    for (const role of Object.keys(DEMO) as DemoRole[]) {
      const s = await login(t.app, DEMO[role]);
      const session = { cookie: s.cookie, 'x-csrf-token': s.csrf };
      callers.push({
        label: `${role} (sessie)`,
        principal: await principalOf(DEMO[role], 'session'),
        headers: async (route) => {
          if (route !== 'DELETE /api/v1/session') return session;
          const fresh = await login(t.app, DEMO[role]);
          return { cookie: fresh.cookie, 'x-csrf-token': fresh.csrf };
        },
      });
      const token = await bearer(DEMO[role]);
      callers.push({ label: `${role} (token)`, principal: await principalOf(DEMO[role], 'token'), headers: async () => token });
    }
    for (const extra of EXTRA) {
      await createUser(db, system, { email: extra.email, name: extra.email, organisation: 'Fuzz', roles: extra.roles });
      const token = await bearer(extra.email);
      callers.push({ label: extra.roles.map((r) => `${r.role} ${r.scope}`.trim()).join(' + '), principal: await principalOf(extra.email, 'token'), headers: async () => token });
    }

    const coa = await getUserByEmail(db, DEMO.coa);
    const province = await getUserByEmail(db, DEMO.provincie);
    const fixtures: Fixtures = {
      publishedDecision: (await db.selectFrom('distribution_decision').select('id').where('status', '=', 'gepubliceerd').orderBy('id').executeTakeFirstOrThrow()).id,
      nationalDraft: (await createDraft(db, system, NATIONAL)).id!,
      draftPV27: (await createDraft(db, system, inProvince('PV27'))).id!,
      draftPV28: (await createDraft(db, system, inProvince('PV28'))).id!,
      tokenOfCoa: (await createToken(db, system, { userId: coa.id, name: 'doel' })).item.id,
      tokenOfProvince: (await createToken(db, system, { userId: province.id, name: 'doel' })).item.id,
      coaUserId: coa.id,
      provinceUserId: province.id,
      throwawayUser: (await createUser(db, system, { email: 'doelwit@fuzz.nl', name: 'Doelwit', organisation: 'X', roles: [{ role: 'lid', scope: '' }] })).user.id,
    };
    cases = routeCases(fixtures);
  });
  afterAll(async () => t?.close());

  it('has a policy and owners for every route the app registers', () => {
    const routes = t.app.registeredRoutes.filter((r) => r.url.startsWith('/api/v1/') || r.url.startsWith('/health/')).map((r) => `${r.method} ${r.url}`);
    expect(routes.filter((r) => !(r in cases))).toEqual([]);
    expect(Object.keys(cases).filter((k) => !routes.includes(k))).toEqual([]);
  });

  /** The request for a route and owner: path and query filled in, a body the schema refuses after the policy spoke. */
  function requestFor(route: string, c: RouteCase, owner: Owner | undefined) {
    const [method, template] = route.split(' ') as [string, string];
    const params = { ...c.params, ...owner?.params };
    const path = template.replace(/:(\w+)/g, (_, name: string) => {
      const v = params[name];
      if (v === undefined) throw new Error(`${route}: geen waarde voor :${name}`);
      return encodeURIComponent(v);
    });
    const url = owner?.query ? `${path}?${owner.query}` : path;
    const body = c.body || owner?.body ? { ...owner?.body, onbekendVeldVanDeFuzz: true } : undefined;
    return { method: method as 'GET', url, body };
  }

  it(`answers 401/403 exactly when authorize says no (${RUNS} random principal × route × owner)`, async () => {
    const entries = Object.entries(cases);
    const tally = { allowed: 0, denied: 0 };
    await fc.assert(
      fc.asyncProperty(fc.nat(), fc.nat(), fc.nat(), async (w, r, o) => {
        const caller = callers[w % callers.length]!;
        const [route, c] = entries[r % entries.length]!;
        const owner = c.owners ? c.owners[o % c.owners.length] : undefined;
        const { method, url, body } = requestFor(route, c, owner);
        const response = await t.app.inject({ method, url, headers: await caller.headers(route), ...(body ? { payload: body } : {}) });
        const expected = authorize(caller.principal, c.policy, owner?.scope ?? {});
        const denied = response.statusCode === 401 || response.statusCode === 403;
        const said = `${caller.label} → ${route} [${owner?.label ?? '—'}] (${c.policy}): ${response.statusCode} ${response.body.slice(0, 200)}`;
        expect(response.statusCode, said).toBeLessThan(500);
        expect(denied ? 'geweigerd' : 'toegestaan', said).toBe(expected ? 'toegestaan' : 'geweigerd');
        if (denied) expect(response.statusCode, said).toBe(caller.principal.kind === 'anonymous' ? 401 : 403);
        tally[denied ? 'denied' : 'allowed']++;
      }),
      { numRuns: RUNS },
    );
    // Both outcomes occur often enough for the comparison to mean something.
    expect(Math.min(tally.allowed, tally.denied)).toBeGreaterThan(RUNS / 10);
  });

  it('agrees on every owner of every scoped route for every principal (exhaustive over the scoped routes)', async () => {
    const mismatches: string[] = [];
    for (const [route, c] of Object.entries(cases).filter(([, c]) => c.owners)) {
      for (const owner of c.owners!) {
        for (const caller of callers) {
          const { method, url, body } = requestFor(route, c, owner);
          const response = await t.app.inject({ method, url, headers: await caller.headers(route), ...(body ? { payload: body } : {}) });
          const denied = response.statusCode === 401 || response.statusCode === 403;
          if (denied === authorize(caller.principal, c.policy, owner.scope) || response.statusCode >= 500) {
            mismatches.push(`${caller.label} → ${route} [${owner.label}]: ${response.statusCode} ${response.body.slice(0, 160)}`);
          }
        }
      }
    }
    expect(mismatches).toEqual([]);
  });
});
