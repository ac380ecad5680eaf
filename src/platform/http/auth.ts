import type { FastifyInstance, FastifyRequest } from 'fastify';
import cookie from '@fastify/cookie';
import { ANONYMOUS, OPEN_TO_ANONYMOUS, authorize, isPolicy, type Policy, type Principal, type ResourceScope } from '../../domain/access/policies.ts';
import type { Actor } from '../../features/audit/audit.ts';
import { resolveSession, resolveToken } from '../../features/auth/service.ts';
import { AppError } from './errors.ts';

/**
 * Authentication (session cookie or API token) and authorization (the route's policy) for every
 * request, in one place. A route declares `config: { policy, scope? }`; a route without a policy
 * cannot be registered.
 */
declare module 'fastify' {
  interface FastifyContextConfig {
    policy?: Policy;
    /** Resolves what the resource is about (e.g. its province) for scoped policies. */
    scope?: (request: FastifyRequest) => Promise<ResourceScope> | ResourceScope;
  }
  interface FastifyRequest {
    principal: Principal;
    csrfToken: string | null;
    authVia: 'anonymous' | 'cookie' | 'token';
    actor(): Actor;
  }
}

export const SESSION_COOKIE = 'regietafel_sessie';
export const CSRF_HEADER = 'x-csrf-token';
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

// Our own routes live under these prefixes and must name a policy. Everything else is added by
// plugins we do not write ourselves (the built web app's files, the API documentation) and is public.
const POLICED_PREFIXES = ['/api/v1/', '/health/'];

export async function registerAuth(app: FastifyInstance, opts: { secureCookies: 'auto' | boolean }) {
  await app.register(cookie);

  app.addHook('onRoute', (route) => {
    const policy = route.config?.policy;
    if (policy !== undefined) {
      if (!isPolicy(policy)) throw new Error(`Route ${route.method} ${route.url}: onbekende policy '${String(policy)}'`);
      return;
    }
    if (!POLICED_PREFIXES.some((prefix) => route.url.startsWith(prefix))) {
      route.config = { ...route.config, policy: 'public.read' };
      return;
    }
    throw new Error(`Route ${String(route.method)} ${route.url} heeft geen policy: elke route moet zeggen wie haar mag gebruiken.`);
  });

  app.decorateRequest('principal', null as unknown as { getter: () => Principal });
  app.decorateRequest('csrfToken', null);
  app.decorateRequest('authVia', 'anonymous');
  app.decorateRequest('actor', function (this: FastifyRequest): Actor {
    return { principal: this.principal, requestId: this.id, ip: this.ip };
  });

  app.addHook('onRequest', async (request) => {
    const db = app.database.db;
    request.principal = ANONYMOUS;
    // Static files and documentation need no identity; spare them the session lookup.
    if (!request.url.startsWith('/api/v1/')) return;
    const header = request.headers.authorization;
    if (header !== undefined) {
      const match = /^Bearer\s+(\S+)$/i.exec(header);
      const principal = match ? await resolveToken(db, match[1]!) : null;
      if (!principal) throw new AppError(401, 'token-ongeldig', 'Niet ingelogd', 'Het API-token is onbekend, verlopen of ingetrokken.');
      request.principal = principal;
      request.authVia = 'token';
      return;
    }
    const value = request.cookies[SESSION_COOKIE];
    if (value) {
      const session = await resolveSession(db, value);
      if (session) {
        request.principal = session.principal;
        request.csrfToken = session.csrfToken;
        request.authVia = 'cookie';
      }
    }
  });

  // Before validation: someone without access learns nothing about what a valid request looks like.
  app.addHook('preValidation', async (request) => {
    const config = request.routeOptions.config;
    const policy = config.policy ?? 'public.read';
    if (!SAFE_METHODS.has(request.method)) checkCsrf(request);
    const anonymous = request.principal.kind === 'anonymous';
    const needsLogin = () => new AppError(401, 'inloggen-vereist', 'Niet ingelogd', 'Log in om dit te doen.');
    // Without a login, most routes are closed whatever the resource: say so before looking it up.
    if (anonymous && !OPEN_TO_ANONYMOUS.has(policy)) throw needsLogin();
    const scope = config.scope ? await config.scope(request) : {};
    if (!authorize(request.principal, policy, scope)) {
      if (anonymous) throw needsLogin();
      throw new AppError(403, 'geen-toegang', 'Geen toegang', 'U heeft geen rol die dit toestaat.');
    }
  });

  return {
    cookieOptions(request: FastifyRequest, expires: Date) {
      const secure = opts.secureCookies === 'auto' ? request.protocol === 'https' : opts.secureCookies;
      return { httpOnly: true, sameSite: 'lax' as const, secure, path: '/', expires };
    },
  };
}

/**
 * A request made with the session cookie must carry the session's CSRF token in a header, which a
 * page of another site cannot read or set. Token-authenticated requests carry no ambient credentials.
 */
function checkCsrf(request: FastifyRequest) {
  if (request.authVia === 'token') return;
  if (request.authVia === 'cookie') {
    if (request.headers[CSRF_HEADER] !== request.csrfToken) {
      throw new AppError(403, 'csrf', 'Geen toegang', 'Het verzoek mist het CSRF-token van uw sessie. Laad de pagina opnieuw.');
    }
    return;
  }
  // Without a session (e.g. the login itself), refuse requests that another site's page started.
  const origin = request.headers.origin;
  if (origin !== undefined && origin !== 'null') {
    const host = request.headers.host;
    let sameHost = false;
    try {
      sameHost = new URL(origin).host === host;
    } catch {
      sameHost = false;
    }
    if (!sameHost) throw new AppError(403, 'csrf', 'Geen toegang', 'Verzoeken van een andere website worden geweigerd.');
  }
}
