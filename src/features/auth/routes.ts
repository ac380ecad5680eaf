import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { ProblemRef } from '../../platform/http/schemas.ts';
import { AppError } from '../../platform/http/errors.ts';
import { SESSION_COOKIE } from '../../platform/http/auth.ts';
import { versionFrom, withEtag } from '../../platform/http/versioning.ts';
import * as service from './service.ts';
import type { FastifyRequest } from 'fastify';
import { OIDC_STATE_COOKIE, type OidcLogin } from './oidc.ts';
import {
  CreatedTokenResponse,
  CreatedUserResponse,
  LoginBody,
  NewTokenBody,
  NewUserBody,
  PasswordBody,
  SessionResponse,
  TokensResponse,
  UserId,
  UserPatchBody,
  UsersResponse,
} from './schemas.ts';

const errors = { 400: ProblemRef, 401: ProblemRef, 403: ProblemRef, 404: ProblemRef, 409: ProblemRef, 412: ProblemRef, 428: ProblemRef, 429: ProblemRef };

export interface AuthRouteOptions {
  cookieOptions: (req: FastifyRequest, expires: Date) => object;
  oidc: OidcLogin | undefined;
}

export const authRoutes: FastifyPluginAsyncTypebox<AuthRouteOptions> = async (
  app,
  opts,
) => {
  const db = app.database.db;

  app.get('/session', {
    config: { policy: 'public.read' },
    schema: { tags: ['Inloggen'], summary: 'Wie is ingelogd (met het CSRF-token voor wijzigingen)', response: { 200: SessionResponse } },
  }, async (req) => ({
    user: req.principal.kind === 'user' ? await service.getUser(db, req.principal.userId) : null,
    csrfToken: req.csrfToken,
    via: req.authVia,
    oidcEnabled: opts.oidc !== undefined,
  }));

  app.post('/session', {
    config: { policy: 'public.read' },
    schema: { tags: ['Inloggen'], summary: 'Inloggen met e-mailadres en wachtwoord', body: LoginBody, response: { 200: SessionResponse, ...errors } },
  }, async (req, reply) => {
    try {
      const s = await service.login(db, {
        email: req.body.email,
        password: req.body.password,
        ip: req.ip,
        userAgent: req.headers['user-agent'] ?? null,
        requestId: req.id,
      });
      reply.setCookie(SESSION_COOKIE, s.cookieValue, opts.cookieOptions(req, s.expiresAt));
      return { user: s.user, csrfToken: s.csrfToken, via: 'cookie' as const, oidcEnabled: opts.oidc !== undefined };
    } catch (e) {
      if (e instanceof service.TooManyAttempts) reply.header('Retry-After', String(e.retryAfterSeconds));
      throw e;
    }
  });

  app.delete('/session', {
    config: { policy: 'self' },
    schema: { tags: ['Inloggen'], summary: 'Uitloggen', response: { 204: Type.Null(), ...errors } },
  }, async (req, reply) => {
    const value = req.cookies[SESSION_COOKIE];
    if (value) await service.logout(db, req.actor(), value);
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
    return reply.code(204).send(null);
  });

  app.get('/session/oidc', {
    config: { policy: 'public.read' },
    schema: {
      tags: ['Inloggen'],
      summary: 'Inloggen via OpenID Connect (overheids-SSO): stuurt door naar de inlogdienst; 404 als dat niet is ingesteld',
      querystring: Type.Object({ terug: Type.Optional(Type.String({ maxLength: 500, description: 'Pad op deze site om na het inloggen naartoe te gaan' })) }, { additionalProperties: false }),
      response: { 302: Type.Null(), 404: ProblemRef, 502: ProblemRef },
    },
  }, async (req, reply) => {
    if (!opts.oidc) throw new AppError(404, 'oidc-uit', 'Niet ingesteld', 'Inloggen via OpenID Connect is op deze server niet ingesteld.');
    const { url, state } = await opts.oidc.start(db, req.query.terug);
    reply.setCookie(OIDC_STATE_COOKIE, state, { ...opts.cookieOptions(req, new Date(Date.now() + 10 * 60 * 1000)), path: '/api/v1/session/oidc' });
    return reply.redirect(url, 302);
  });

  app.get('/session/oidc/callback', {
    config: { policy: 'public.read' },
    schema: {
      tags: ['Inloggen'],
      summary: 'Terugkeer van de inlogdienst; opent een sessie en stuurt door naar de webapp (bij een fout naar /inloggen?fout=code)',
      querystring: Type.Object({}, { additionalProperties: true }),
      response: { 302: Type.Null(), 404: ProblemRef },
    },
  }, async (req, reply) => {
    if (!opts.oidc) throw new AppError(404, 'oidc-uit', 'Niet ingesteld', 'Inloggen via OpenID Connect is op deze server niet ingesteld.');
    reply.clearCookie(OIDC_STATE_COOKIE, { path: '/api/v1/session/oidc' });
    try {
      const query = req.url.includes('?') ? req.url.slice(req.url.indexOf('?')) : '';
      const s = await opts.oidc.finish(db, query, req.cookies[OIDC_STATE_COOKIE], { ip: req.ip, userAgent: req.headers['user-agent'] ?? null, requestId: req.id });
      reply.setCookie(SESSION_COOKIE, s.cookieValue, opts.cookieOptions(req, s.expiresAt));
      return reply.redirect(s.returnTo, 302);
    } catch (e) {
      if (!(e instanceof AppError)) throw e;
      req.log.warn({ code: e.code, detail: e.detail }, 'OpenID Connect login refused');
      return reply.redirect(`/inloggen?fout=${encodeURIComponent(e.code)}`, 302);
    }
  });

  app.get('/users', {
    config: { policy: 'users.read' },
    schema: { tags: ['Gebruikers'], summary: 'Alle gebruikers met hun rollen', response: { 200: UsersResponse, ...errors } },
  }, async () => service.listUsers(db));

  app.post('/users', {
    config: { policy: 'users.manage' },
    schema: { tags: ['Gebruikers'], summary: 'Gebruiker toevoegen (het wachtwoord wordt eenmalig getoond)', body: NewUserBody, response: { 201: CreatedUserResponse, ...errors } },
  }, async (req, reply) => {
    const created = await service.createUser(db, req.actor(), req.body);
    reply.header('ETag', `"${created.user.version}"`).header('Location', `/api/v1/users/${created.user.id}`);
    return reply.code(201).send(created);
  });

  app.get('/users/:id', {
    config: { policy: 'users.read' },
    schema: { tags: ['Gebruikers'], summary: 'Eén gebruiker (met ETag)', params: UserId, response: { 200: Type.Ref('User'), ...errors } },
  }, async (req, reply) => withEtag(reply, await service.getUser(db, req.params.id)));

  app.patch('/users/:id', {
    config: { policy: 'users.manage' },
    schema: {
      tags: ['Gebruikers'],
      summary: 'Naam, rollen of uitgeschakeld wijzigen; vraagt If-Match (of version) en antwoordt 412 op een verouderde versie',
      params: UserId,
      body: UserPatchBody,
      response: { 200: Type.Ref('User'), ...errors },
    },
  }, async (req, reply) => {
    const version = versionFrom(req, req.body.version);
    const { version: _v, ...changes } = req.body;
    return withEtag(reply, await service.updateUser(db, req.actor(), req.params.id, version, changes));
  });

  app.post('/users/:id/password', {
    config: { policy: 'users.manage' },
    schema: { tags: ['Gebruikers'], summary: 'Nieuw wachtwoord instellen (gegeven of gegenereerd, eenmalig getoond)', params: UserId, body: PasswordBody, response: { 200: CreatedUserResponse, ...errors } },
  }, async (req) => service.resetPassword(db, req.actor(), req.params.id, req.body.password));

  app.get('/tokens', {
    config: { policy: 'self' },
    schema: { tags: ['API-tokens'], summary: 'Mijn API-tokens (nooit de tokens zelf)', response: { 200: TokensResponse, ...errors } },
  }, async (req) => service.listTokens(db, req.principal.kind === 'user' ? req.principal.userId : undefined));

  app.post('/tokens', {
    config: { policy: 'self' },
    schema: { tags: ['API-tokens'], summary: 'API-token maken voor mijzelf (eenmalig getoond)', body: NewTokenBody, response: { 201: CreatedTokenResponse, ...errors } },
  }, async (req, reply) => {
    if (req.principal.kind !== 'user') throw new AppError(401, 'inloggen-vereist', 'Niet ingelogd', 'Log in om een token te maken.');
    if (req.authVia === 'token') throw new AppError(403, 'geen-toegang', 'Geen toegang', 'Een API-token kan geen nieuwe tokens maken; log in.');
    const created = await service.createToken(db, req.actor(), { userId: req.principal.userId, ...req.body });
    return reply.code(201).send(created);
  });

  app.delete('/tokens/:id', {
    config: {
      policy: 'tokens.manage',
      // Runs before validation: the id is still the raw text from the path.
      scope: async (req) => {
        const id = Number((req.params as { id: string }).id);
        return Number.isInteger(id) && id > 0 ? { ownerUserId: await service.tokenOwner(db, id) } : {};
      },
    },
    schema: { tags: ['API-tokens'], summary: 'API-token intrekken', params: UserId, response: { 200: Type.Ref('Token'), ...errors } },
  }, async (req) => service.revokeToken(db, req.actor(), req.params.id));
};
