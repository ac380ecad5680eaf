import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { testApp } from '../../../test/helpers/server.ts';
import { DEMO, login, tokenFor } from '../../../test/helpers/auth.ts';
import { MAX_FAILURES_PER_ACCOUNT, assertNoActiveDemoAccounts, createUser, getUserByEmail, resolveSession, resetPassword, updateUser } from './service.ts';
import { systemActor } from '../audit/audit.ts';
import { sha256 } from './passwords.ts';

describe('authentication', () => {
  let t: Awaited<ReturnType<typeof testApp>>;
  beforeAll(async () => {
    t = await testApp({ demo: true });
  });
  afterAll(async () => t?.close());

  it('logs in with a cookie that is HttpOnly and SameSite=Lax, Secure only over HTTPS', async () => {
    const { setCookie } = await login(t.app, DEMO.provincie);
    expect(setCookie).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/' });
    expect(setCookie.secure).toBeFalsy();
    const https = await t.app.inject({
      method: 'POST',
      url: '/api/v1/session',
      headers: { 'x-forwarded-proto': 'https' },
      payload: { email: DEMO.provincie, password: 'Regietafel-demo-2022' },
    });
    // Without TRUST_PROXY the forwarded protocol is not believed.
    expect(https.cookies[0]?.secure).toBeFalsy();
  });

  it('stores only a hash of the session and answers who is logged in', async () => {
    const { cookie, csrf } = await login(t.app, DEMO.gemeente);
    const value = cookie.split('=')[1]!;
    const stored = await t.database.db.selectFrom('user_session').select('id_hash').execute();
    expect(stored.map((s) => s.id_hash)).toContain(sha256(value));
    expect(stored.map((s) => s.id_hash)).not.toContain(value);
    const me = await t.app.inject({ url: '/api/v1/session', headers: { cookie } });
    expect(me.json()).toMatchObject({ user: { email: DEMO.gemeente, roles: [{ role: 'gemeente', scope: 'GM0363' }] }, csrfToken: csrf, via: 'cookie' });
  });

  it('gives the same answer for an unknown account and a wrong password, and audits the failure', async () => {
    const unknown = await t.app.inject({ method: 'POST', url: '/api/v1/session', payload: { email: 'niemand@x.nl', password: 'x' } });
    const wrong = await t.app.inject({ method: 'POST', url: '/api/v1/session', payload: { email: DEMO.lid, password: 'x' } });
    expect(unknown.statusCode).toBe(401);
    expect(wrong.statusCode).toBe(401);
    expect(unknown.json().detail).toBe(wrong.json().detail);
    const audit = await t.database.db.selectFrom('audit_log').selectAll().where('action', '=', 'login-failed').execute();
    expect(audit.map((a) => a.resource_id)).toEqual(expect.arrayContaining(['niemand@x.nl', DEMO.lid]));
  });

  it('rate-limits failed logins per account, also for the right password', async () => {
    const account = 'te.vaak@regietafel.demo';
    await createUser(t.database.db, systemActor('test'), { email: account, name: 'T', organisation: 'X', roles: [{ role: 'lid', scope: '' }], password: 'goed-wachtwoord-123' });
    for (let i = 0; i < MAX_FAILURES_PER_ACCOUNT; i++) {
      const r = await t.app.inject({ method: 'POST', url: '/api/v1/session', payload: { email: account, password: 'fout' } });
      expect(r.statusCode).toBe(401);
    }
    const blocked = await t.app.inject({ method: 'POST', url: '/api/v1/session', payload: { email: account, password: 'goed-wachtwoord-123' } });
    expect(blocked.statusCode).toBe(429);
    expect(Number(blocked.headers['retry-after'])).toBeGreaterThan(0);
    expect(blocked.json().code).toBe('te-veel-pogingen');
    expect(blocked.json().retryAfterSeconds).toBe(Number(blocked.headers['retry-after']));
  });

  it('requires the CSRF token on changes made with the cookie', async () => {
    const { cookie, csrf } = await login(t.app, DEMO.secretariaat);
    const body = { name: 'Zonder token', organisation: 'X', roles: [{ role: 'lid', scope: '' }], email: 'csrf@x.nl' };
    const without = await t.app.inject({ method: 'POST', url: '/api/v1/users', headers: { cookie }, payload: body });
    expect(without.statusCode).toBe(403);
    expect(without.json().code).toBe('csrf');
    expect(await t.database.db.selectFrom('app_user').select('id').where('email', '=', 'csrf@x.nl').executeTakeFirst()).toBeUndefined();
    const withToken = await t.app.inject({ method: 'POST', url: '/api/v1/users', headers: { cookie, 'x-csrf-token': csrf }, payload: body });
    expect(withToken.statusCode).toBe(201);
    expect(withToken.json().password).toMatch(/^[a-z0-9]{5}(-[a-z0-9]{5}){3}$/);
  });

  it('refuses a login started by another site', async () => {
    const r = await t.app.inject({ method: 'POST', url: '/api/v1/session', headers: { origin: 'https://kwaadwillend.example' }, payload: { email: DEMO.lid, password: 'Regietafel-demo-2022' } });
    expect(r.statusCode).toBe(403);
  });

  it('logs out: the session stops working', async () => {
    const { cookie, csrf } = await login(t.app, DEMO.lid);
    const out = await t.app.inject({ method: 'DELETE', url: '/api/v1/session', headers: { cookie, 'x-csrf-token': csrf } });
    expect(out.statusCode).toBe(204);
    const me = await t.app.inject({ url: '/api/v1/session', headers: { cookie } });
    expect(me.json().user).toBeNull();
  });

  it('expires idle and old sessions', async () => {
    const { cookie } = await login(t.app, DEMO.coa);
    const value = cookie.split('=')[1]!;
    const now = new Date();
    expect(await resolveSession(t.database.db, value, now)).not.toBeNull();
    expect(await resolveSession(t.database.db, value, new Date(now.getTime() + 3 * 3600_000))).toBeNull(); // idle > 2 h
    expect(await t.database.db.selectFrom('user_session').select('id_hash').where('id_hash', '=', sha256(value)).executeTakeFirst()).toBeUndefined();
  });

  it('accepts API tokens, shown once and stored hashed, until they are revoked', async () => {
    const token = await tokenFor(t.database.db, DEMO.coa);
    expect(token).toMatch(/^rt_[A-Za-z0-9]{8}_/);
    const rows = await t.database.db.selectFrom('api_token').select(['token_hash', 'id']).execute();
    expect(rows.some((r) => r.token_hash === sha256(token))).toBe(true);
    const me = await t.app.inject({ url: '/api/v1/session', headers: { authorization: `Bearer ${token}` } });
    expect(me.json()).toMatchObject({ user: { email: DEMO.coa }, via: 'token' });
    const id = rows.find((r) => r.token_hash === sha256(token))!.id;
    const revoke = await t.app.inject({ method: 'DELETE', url: `/api/v1/tokens/${id}`, headers: { authorization: `Bearer ${token}` } });
    expect(revoke.statusCode).toBe(200);
    const after = await t.app.inject({ url: '/api/v1/session', headers: { authorization: `Bearer ${token}` } });
    expect(after.statusCode).toBe(401);
    expect(after.json().code).toBe('token-ongeldig');
  });

  it('a token sees a change of roles and a disabled account on its very next call (the token cache keys on the snapshot)', async () => {
    const token = await tokenFor(t.database.db, DEMO.lid);
    const auth = { authorization: `Bearer ${token}` };
    const rolesNow = async () => (await t.app.inject({ url: '/api/v1/session', headers: auth })).json().user.roles.map((r: { role: string }) => r.role);
    expect(await rolesNow()).toEqual(['lid']);
    expect(await rolesNow()).toEqual(['lid']);
    const lid = await getUserByEmail(t.database.db, DEMO.lid);
    const changed = await updateUser(t.database.db, systemActor('test'), lid.id, lid.version, { roles: [{ role: 'coa', scope: '' }] });
    expect(await rolesNow()).toEqual(['coa']);
    const disabled = await updateUser(t.database.db, systemActor('test'), lid.id, changed.version, { disabled: true });
    const refused = await t.app.inject({ url: '/api/v1/session', headers: auth });
    expect(refused.statusCode).toBe(401);
    // Back as it was, for the tests after this one.
    await updateUser(t.database.db, systemActor('test'), lid.id, disabled.version, { disabled: false, roles: [{ role: 'lid', scope: '' }] });
    expect(await rolesNow()).toEqual(['lid']);
  });

  it('refuses a production start while a demo password is active, and allows it after a reset', async () => {
    await expect(assertNoActiveDemoAccounts(t.database.db)).rejects.toThrow(/Productiestart geweigerd: 6 demo-account/);
    for (const email of Object.values(DEMO)) {
      const u = await getUserByEmail(t.database.db, email);
      await resetPassword(t.database.db, systemActor('test'), u.id);
    }
    await expect(assertNoActiveDemoAccounts(t.database.db)).resolves.toBeUndefined();
  });
});

describe('audit trail', () => {
  let t: Awaited<ReturnType<typeof testApp>>;
  beforeAll(async () => {
    t = await testApp({ demo: true });
  });
  afterAll(async () => t?.close());

  it('is append-only in the database itself', async () => {
    const db = t.database.db;
    const before = await db.selectFrom('audit_log').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    expect(Number(before.n)).toBeGreaterThan(0);
    await expect(sql`update audit_log set actor = 'vervalst'`.execute(db)).rejects.toThrow(/alleen-toevoegen: UPDATE/);
    await expect(sql`delete from audit_log`.execute(db)).rejects.toThrow(/alleen-toevoegen: DELETE/);
    await expect(sql`truncate audit_log`.execute(db)).rejects.toThrow(/alleen-toevoegen: TRUNCATE/);
    const after = await db.selectFrom('audit_log').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    expect(after.n).toEqual(before.n);
    expect(await db.selectFrom('audit_log').select('id').where('actor', '=', 'vervalst').execute()).toEqual([]);
  });

  it('records who changed what with before and after, searchable and exportable by the secretariat', async () => {
    const { cookie, csrf } = await login(t.app, DEMO.secretariaat);
    const headers = { cookie, 'x-csrf-token': csrf };
    const lid = (await t.app.inject({ url: '/api/v1/users', headers })).json().items.find((u: { email: string }) => u.email === DEMO.lid);
    const patch = await t.app.inject({
      method: 'PATCH',
      url: `/api/v1/users/${lid.id}`,
      headers: { ...headers, 'if-match': `"${lid.version}"` },
      payload: { roles: [{ role: 'lid', scope: 'PV27' }] },
    });
    expect(patch.statusCode).toBe(200);
    expect(patch.headers.etag).toBe(`"${lid.version + 1}"`);
    const search = await t.app.inject({ url: `/api/v1/audit?resourceType=gebruiker&resourceId=${lid.id}&actor=secretariaat`, headers });
    const entry = search.json().items[0];
    expect(entry).toMatchObject({ action: 'permission-change', actor: DEMO.secretariaat, resourceType: 'gebruiker', resourceId: String(lid.id) });
    expect(entry.before.roles).toEqual([{ role: 'lid', scope: '' }]);
    expect(entry.after.roles).toEqual([{ role: 'lid', scope: 'PV27' }]);
    expect(entry.requestId).toBeTruthy();
    expect(JSON.stringify(search.json())).not.toMatch(/argon2/);

    const csv = await t.app.inject({ url: `/api/v1/audit/export?resourceType=gebruiker&resourceId=${lid.id}`, headers });
    expect(csv.headers['content-type']).toMatch(/^text\/csv/);
    expect(csv.body.split('\n')[0]).toBe('id,tijdstip,wie,namens,actie,soort,sleutel,voor,na,verzoek');
    expect(csv.body).toContain('permission-change');

    const history = await t.app.inject({ url: `/api/v1/history/gebruiker/${lid.id}`, headers });
    expect(history.json().items.map((i: { action: string }) => i.action)).toEqual(['permission-change', 'create']);
    const today = new Date().toISOString().slice(0, 10);
    const none = await t.app.inject({ url: `/api/v1/audit?from=2000-01-01&to=2000-12-31`, headers });
    expect(none.json().items).toEqual([]);
    const bad = await t.app.inject({ url: `/api/v1/audit?from=${today}&to=2000-01-01`, headers });
    expect(bad.statusCode).toBe(400);
  });

  it('answers a stale write with 412 and the current version, and changes nothing', async () => {
    const { cookie, csrf } = await login(t.app, DEMO.secretariaat);
    const headers = { cookie, 'x-csrf-token': csrf };
    const coa = (await t.app.inject({ url: '/api/v1/users', headers })).json().items.find((u: { email: string }) => u.email === DEMO.coa);
    const first = await t.app.inject({ method: 'PATCH', url: `/api/v1/users/${coa.id}`, headers: { ...headers, 'if-match': `"${coa.version}"` }, payload: { name: 'Eerste' } });
    expect(first.statusCode).toBe(200);
    const auditBefore = await t.database.db.selectFrom('audit_log').select('id').execute();
    const stale = await t.app.inject({ method: 'PATCH', url: `/api/v1/users/${coa.id}`, headers: { ...headers, 'if-match': `"${coa.version}"` }, payload: { name: 'Tweede' } });
    expect(stale.statusCode).toBe(412);
    expect(stale.json()).toMatchObject({ code: 'versie-verouderd', currentVersion: coa.version + 1 });
    expect(stale.headers.etag).toBe(`"${coa.version + 1}"`);
    const now = (await t.app.inject({ url: `/api/v1/users/${coa.id}`, headers })).json();
    expect(now.name).toBe('Eerste');
    expect(await t.database.db.selectFrom('audit_log').select('id').execute()).toHaveLength(auditBefore.length);
    const noVersion = await t.app.inject({ method: 'PATCH', url: `/api/v1/users/${coa.id}`, headers, payload: { name: 'Derde' } });
    expect(noVersion.statusCode).toBe(428);
  });

  it('lets a province set a figure for its own municipality with ETag/If-Match, and not for another province', async () => {
    const { cookie, csrf } = await login(t.app, DEMO.provincie);
    const headers = { cookie, 'x-csrf-token': csrf };
    const url = '/api/v1/municipalities/GM0363/population-set-by-province/2021-01-01';
    const created = await t.app.inject({ method: 'PUT', url, headers, payload: { inhabitants: 891_000, reason: 'GS-besluit 2022/7' } });
    expect(created.statusCode).toBe(201);
    expect(created.headers.etag).toBe('"1"');
    const again = await t.app.inject({ method: 'PUT', url, headers, payload: { inhabitants: 891_001, reason: 'correctie' } });
    expect(again.statusCode).toBe(428);
    const updated = await t.app.inject({ method: 'PUT', url, headers: { ...headers, 'if-match': '"1"' }, payload: { inhabitants: 891_001, reason: 'correctie' } });
    expect(updated.statusCode).toBe(200);
    const stale = await t.app.inject({ method: 'PUT', url, headers: { ...headers, 'if-match': '"1"' }, payload: { inhabitants: 5, reason: 'oud' } });
    expect(stale.statusCode).toBe(412);
    expect((await t.app.inject({ url })).json()).toMatchObject({ inhabitants: 891_001, version: 2 });
    const other = await t.app.inject({ method: 'PUT', url: '/api/v1/municipalities/GM0518/population-set-by-province/2021-01-01', headers, payload: { inhabitants: 1, reason: 'x' } });
    expect(other.statusCode).toBe(403);
    const history = (await t.app.inject({ url: '/api/v1/history/inwonertal-provincie/GM0363%2F2021-01-01', headers })).json();
    expect(history.items.map((i: { action: string; after: { inhabitants: number } }) => [i.action, i.after.inhabitants])).toEqual([
      ['update', 891_001],
      ['create', 891_000],
    ]);
  });

  it('rejects a bad upload through the API whole, naming the line, and writes nothing (not even an audit entry)', async () => {
    const { cookie, csrf } = await login(t.app, DEMO.secretariaat);
    const count = async (table: 'audit_log' | 'population' | 'population_import') =>
      Number((await t.database.db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
    const before = [await count('audit_log'), await count('population'), await count('population_import')];
    const r = await t.app.inject({
      method: 'POST',
      url: '/api/v1/population/imports',
      headers: { cookie, 'x-csrf-token': csrf },
      payload: { content: 'gemeentecode,gemeentenaam,provinciecode,inwoners,peildatum\nGM0363,Amsterdam,PV27,872757,2022-01-01\nGM0014,Groningen,PV20,-1,2022-01-01\n', status: 'officieel', source: 'CBS' },
    });
    expect(r.statusCode).toBe(422);
    expect(r.json().invalidParams).toEqual([expect.objectContaining({ name: 'regel 3: inwoners', line: 3 })]);
    expect([await count('audit_log'), await count('population'), await count('population_import')]).toEqual(before);
  });
});
