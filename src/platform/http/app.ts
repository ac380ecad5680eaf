import Fastify, { type FastifyInstance, type FastifyReply } from 'fastify';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import fastifyStatic from '@fastify/static';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Database } from '../db/database.ts';
import { AppError, registerErrorHandling, problemBody } from './errors.ts';
import { Problem } from './schemas.ts';
import { Population, Municipality } from '../../features/regions/schemas.ts';
import helmet from '@fastify/helmet';
import { regionsRoutes } from '../../features/regions/routes.ts';
import { healthRoutes } from '../../features/health/routes.ts';
import { authRoutes } from '../../features/auth/routes.ts';
import { auditRoutes, auditSchemas } from '../../features/audit/routes.ts';
import { distributionRoutes } from '../../features/distribution/routes.ts';
import { ledgerReadRoutes, ledgerRoutes } from '../../features/ledger/routes.ts';
import { receptionRoutes } from '../../features/reception/routes.ts';
import { projectionRoutes } from '../../features/projection/routes.ts';
import { agendaRoutes } from '../../features/agenda/routes.ts';
import { meetingRoutes } from '../../features/meetings/routes.ts';
import { pipelineRoutes } from '../../features/pipeline/routes.ts';
import { dashboardRoutes } from '../../features/dashboard/routes.ts';
import { taskRoutes } from '../../features/tasks/routes.ts';
import { TASK_KINDS } from '../../features/tasks/kinds.ts';
import { createTaskRunner, type TaskRunner, type TaskRunnerOptions } from '../tasks/runner.ts';
import { User, Token } from '../../features/auth/schemas.ts';
import { registerAuth } from './auth.ts';
import { registerTextInputChecks } from './text-input.ts';
import { OidcLogin } from '../../features/auth/oidc.ts';
import type { OidcConfig } from '../config.ts';

export const API_VERSION = '1.0.0';

declare module 'fastify' {
  interface FastifyInstance {
    database: Database;
    /** Every route as registered, for the checks that walk all routes (OpenAPI coverage, authorization). */
    registeredRoutes: { method: string; url: string; hidden: boolean }[];
    /** Long operations as background tasks (platform/tasks). */
    tasks: TaskRunner;
  }
}

export interface AppOptions {
  database: Database;
  /** Folder with the built web app (index.html); null serves the API only. */
  webRoot?: string | null;
  logger?: boolean | { level: string };
  /** Largest request body in bytes for ordinary requests (uploads set their own, larger limit). */
  bodyLimit?: number;
  /** Secure cookies: 'auto' sets them when the request came over HTTPS. */
  secureCookies?: 'auto' | boolean;
  /** Behind a reverse proxy: trust X-Forwarded-For/-Proto for the client address and protocol. */
  trustProxy?: boolean;
  /** OpenID Connect login; off when undefined. */
  oidc?: OidcConfig | undefined;
  /** Background tasks (lease, progress interval, instance name). */
  tasks?: TaskRunnerOptions;
}

export async function buildApp(options: AppOptions): Promise<FastifyInstance> {
  const app = Fastify({
    logger: options.logger ?? false,
    bodyLimit: options.bodyLimit ?? 1024 * 1024,
    trustProxy: options.trustProxy ?? false,
    // Never write credentials to the logs.
    ...(options.logger && typeof options.logger === 'object'
      ? { logger: { ...options.logger, redact: ['req.headers.authorization', 'req.headers.cookie', 'req.headers["x-csrf-token"]', 'res.headers["set-cookie"]'] } }
      : {}),
    genReqId: (req) => {
      const given = req.headers['x-request-id'];
      return typeof given === 'string' && /^[\w-]{1,64}$/.test(given) ? given : crypto.randomUUID();
    },
    ajv: { customOptions: { allErrors: true, coerceTypes: true, removeAdditional: false } },
    // Errors the router raises before any route (a malformed %-escape in the path) answer as problem+json too.
    frameworkErrors: (error, request, reply) => {
      const status = error.statusCode && error.statusCode < 500 ? error.statusCode : 400;
      const problem = new AppError(status, 'ongeldig-adres', 'Ongeldig verzoek', 'Het adres van het verzoek is ongeldig (bijvoorbeeld een verkeerd %-teken).');
      void (reply as unknown as FastifyReply).code(status).type('application/problem+json').send(problemBody(problem, request.url));
    },
  }).withTypeProvider<TypeBoxTypeProvider>();

  app.decorate('database', options.database);
  const tasks = createTaskRunner(options.database.db, TASK_KINDS, { log: app.log, ...options.tasks });
  app.decorate('tasks', tasks);
  // Closing waits for the tasks started here: their work finishes (or fails) before the database closes.
  app.addHook('onClose', () => tasks.idle());
  const registeredRoutes: FastifyInstance['registeredRoutes'] = [];
  app.decorate('registeredRoutes', registeredRoutes);
  app.addHook('onRoute', (route) => {
    const methods = Array.isArray(route.method) ? route.method : [route.method];
    for (const method of methods) {
      if (method !== 'HEAD') registeredRoutes.push({ method, url: route.url, hidden: Boolean(route.schema?.hide) });
    }
  });
  registerErrorHandling(app);
  for (const schema of [Problem, Population, Municipality, User, Token, ...auditSchemas]) app.addSchema(schema);

  await app.register(helmet, {
    // The policy the web app actually runs under: only our own scripts, styles and data; nothing framed.
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        // React and d3 set style attributes on SVG elements.
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        fontSrc: ["'self'"],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
        upgradeInsecureRequests: null,
      },
    },
    hsts: false,
  });
  const auth = await registerAuth(app, { secureCookies: options.secureCookies ?? 'auto' });
  registerTextInputChecks(app);

  app.addHook('onSend', async (request, reply) => {
    reply.header('API-Version', API_VERSION);
    reply.header('X-Request-Id', request.id);
  });

  await app.register(swagger, {
    openapi: {
      openapi: '3.0.3',
      info: {
        title: 'Regietafel API',
        version: API_VERSION,
        description:
          'API van Regietafel: regio’s, inwonertallen, verdeling en taakstelling voor de Landelijke en Provinciale Regietafels. ' +
          'Fouten volgen application/problem+json (RFC 9457) met een stabiele `code`.',
      },
      servers: [{ url: '/' }],
    },
    refResolver: { buildLocalReference: (json, _base, _frag, i) => (json.$id as string) ?? `def-${i}` },
  });

  await app.register(
    async (api) => {
      await api.register(regionsRoutes);
      await api.register(authRoutes, { cookieOptions: auth.cookieOptions, oidc: options.oidc ? new OidcLogin(options.oidc) : undefined });
      await api.register(auditRoutes);
      await api.register(distributionRoutes);
      await api.register(ledgerRoutes);
      await api.register(ledgerReadRoutes);
      await api.register(receptionRoutes);
      await api.register(projectionRoutes);
      await api.register(agendaRoutes);
      await api.register(meetingRoutes);
      await api.register(pipelineRoutes);
      await api.register(dashboardRoutes);
      await api.register(taskRoutes);
      api.get('/openapi.json', { config: { policy: 'public.read' }, schema: { hide: true } }, async () => app.swagger());
    },
    { prefix: '/api/v1' },
  );
  await app.register(healthRoutes);
  await app.register(swaggerUi, { routePrefix: '/api/docs', uiConfig: { docExpansion: 'list' }, staticCSP: true });

  const webRoot = options.webRoot;
  const hasWeb = webRoot ? fs.existsSync(path.join(webRoot, 'index.html')) : false;
  if (webRoot && hasWeb) {
    await app.register(fastifyStatic, { root: webRoot, wildcard: false, index: ['index.html'] });
  }
  app.setNotFoundHandler((request, reply) => {
    const isApi = request.url.startsWith('/api/') || request.url.startsWith('/health/');
    if (!isApi && hasWeb && (request.method === 'GET' || request.method === 'HEAD')) {
      // The web app routes on the client: every other path is the app itself.
      return reply.type('text/html; charset=utf-8').sendFile('index.html');
    }
    const error = new AppError(404, 'niet-gevonden', 'Niet gevonden', `${request.method} ${request.url.split('?')[0]} bestaat niet.`);
    return reply.code(404).type('application/problem+json').send(problemBody(error, request.url));
  });
  return app;
}
