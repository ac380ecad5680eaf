import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import Fastify, { type FastifyInstance } from 'fastify';
import crypto from 'node:crypto';
import { testApp } from '../helpers/server.ts';
import { DEMO } from '../helpers/auth.ts';

/**
 * OpenID Connect login against a small identity provider on 127.0.0.1 (discovery, authorize, token,
 * JWKS), so the whole flow runs offline: PKCE, state, nonce and the RS256-signed ID token are checked
 * by the real client library.
 */
const b64url = (data: Buffer | string) => Buffer.from(data).toString('base64url');

async function fakeIssuer(clientId: string, subjectEmail: () => string) {
  const { privateKey, publicKey } = crypto.generateKeyPairSync('rsa', { modulusLength: 2048 });
  const jwk = { ...publicKey.export({ format: 'jwk' }), kid: 'test', alg: 'RS256', use: 'sig' };
  const codes = new Map<string, { nonce: string; challenge: string; redirectUri: string }>();
  const idp: FastifyInstance = Fastify();
  idp.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string' }, (_req, body, done) => {
    done(null, Object.fromEntries(new URLSearchParams(body as string)));
  });
  // Routes first, address after listening: the handlers read it when they run.
  let url = '';
  idp.get('/.well-known/openid-configuration', async () => ({
    issuer: url,
    authorization_endpoint: `${url}/authorize`,
    token_endpoint: `${url}/token`,
    jwks_uri: `${url}/jwks`,
    response_types_supported: ['code'],
    subject_types_supported: ['public'],
    id_token_signing_alg_values_supported: ['RS256'],
    code_challenge_methods_supported: ['S256'],
    token_endpoint_auth_methods_supported: ['client_secret_post'],
  }));
  idp.get('/jwks', async () => ({ keys: [jwk] }));
  idp.get('/authorize', async (req, reply) => {
    const q = req.query as Record<string, string>;
    const code = crypto.randomBytes(8).toString('hex');
    codes.set(code, { nonce: q.nonce!, challenge: q.code_challenge!, redirectUri: q.redirect_uri! });
    return reply.redirect(`${q.redirect_uri}?code=${code}&state=${encodeURIComponent(q.state!)}`, 302);
  });
  idp.post('/token', async (req, reply) => {
    const body = req.body as Record<string, string>;
    const pending = codes.get(body.code!);
    const challenge = b64url(crypto.createHash('sha256').update(body.code_verifier ?? '').digest());
    if (!pending || challenge !== pending.challenge || body.client_secret !== 'geheim') return reply.code(400).send({ error: 'invalid_grant' });
    codes.delete(body.code!);
    const now = Math.floor(Date.now() / 1000);
    const header = b64url(JSON.stringify({ alg: 'RS256', kid: 'test', typ: 'JWT' }));
    const payload = b64url(JSON.stringify({ iss: url, sub: 'sso-123', aud: clientId, iat: now, exp: now + 300, nonce: pending.nonce, email: subjectEmail() }));
    const signature = b64url(crypto.sign('RSA-SHA256', Buffer.from(`${header}.${payload}`), privateKey));
    return { access_token: 'at', token_type: 'Bearer', expires_in: 300, id_token: `${header}.${payload}.${signature}` };
  });
  url = await idp.listen({ port: 0, host: '127.0.0.1' });
  return { idp, url };
}

describe('OpenID Connect login', () => {
  let t: Awaited<ReturnType<typeof testApp>>;
  let issuer: Awaited<ReturnType<typeof fakeIssuer>>;
  let email = DEMO.secretariaat as string;

  beforeAll(async () => {
    issuer = await fakeIssuer('regietafel', () => email);
    t = await testApp({
      demo: true,
      oidc: { issuer: issuer.url, clientId: 'regietafel', clientSecret: 'geheim', redirectUri: 'http://localhost:3000/api/v1/session/oidc/callback', allowHttp: true },
    });
  });
  afterAll(async () => {
    await t?.close();
    await issuer?.idp.close();
  });

  /** What the browser does between our redirect and the provider's redirect back. */
  async function roundTrip(query = '') {
    const start = await t.app.inject({ url: `/api/v1/session/oidc${query}` });
    expect(start.statusCode).toBe(302);
    const stateCookie = start.cookies.find((c) => c.name === 'regietafel_oidc')!;
    expect(stateCookie.httpOnly).toBe(true);
    const authorize = new URL(start.headers.location as string);
    expect(authorize.searchParams.get('code_challenge_method')).toBe('S256');
    const back = await fetch(authorize, { redirect: 'manual' });
    const callback = new URL(back.headers.get('location')!);
    return { stateCookie, path: `${callback.pathname}${callback.search}` };
  }

  it('logs in a known user and opens a session', async () => {
    const { stateCookie, path } = await roundTrip();
    const done = await t.app.inject({ url: path, headers: { cookie: `regietafel_oidc=${stateCookie.value}` } });
    expect(done.statusCode).toBe(302);
    expect(done.headers.location).toBe('/');
    const session = done.cookies.find((c) => c.name === 'regietafel_sessie')!;
    const me = await t.app.inject({ url: '/api/v1/session', headers: { cookie: `regietafel_sessie=${session.value}` } });
    expect(me.json().user.email).toBe(DEMO.secretariaat);
    const audit = await t.database.db.selectFrom('audit_log').selectAll().where('action', '=', 'login').orderBy('id', 'desc').executeTakeFirstOrThrow();
    expect(audit.after).toEqual({ method: 'openid-connect' });
  });

  it('returns to the page the login started from, but never to another site', async () => {
    for (const [terug, expected] of [['/beheer/audittrail?soort=gebruiker', '/beheer/audittrail?soort=gebruiker'], ['//kwaad.example/x', '/'], ['https://kwaad.example', '/']]) {
      const { stateCookie, path } = await roundTrip(`?terug=${encodeURIComponent(terug!)}`);
      const done = await t.app.inject({ url: path, headers: { cookie: `regietafel_oidc=${stateCookie.value}` } });
      expect(done.headers.location).toBe(expected);
    }
  });

  it('refuses a callback without the state cookie of the browser that started it', async () => {
    const { path } = await roundTrip();
    const done = await t.app.inject({ url: path });
    expect(done.headers.location).toBe('/inloggen?fout=oidc-state');
    expect(done.cookies.find((c) => c.name === 'regietafel_sessie')).toBeUndefined();
  });

  it('refuses someone the provider knows but Regietafel does not', async () => {
    email = 'onbekend@rijksoverheid.example';
    try {
      // The subject is now linked to the secretariat account: use a fresh provider subject by unlinking.
      await t.database.db.updateTable('app_user').set({ oidc_subject: null }).execute();
      const { stateCookie, path } = await roundTrip();
      const done = await t.app.inject({ url: path, headers: { cookie: `regietafel_oidc=${stateCookie.value}` } });
      expect(done.headers.location).toBe('/inloggen?fout=oidc-onbekend');
    } finally {
      email = DEMO.secretariaat;
    }
  });

  it('is off by default', async () => {
    const plain = await testApp();
    try {
      const r = await plain.app.inject({ url: '/api/v1/session/oidc' });
      expect(r.statusCode).toBe(404);
      expect(r.json().code).toBe('oidc-uit');
    } finally {
      await plain.close();
    }
  });
});
