import { Type } from '@sinclair/typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { databaseAnswers } from '../../platform/db/database.ts';
import { pendingMigrations } from '../../platform/db/migrate.ts';
import { referenceDataLoaded } from '../regions/reference-data.ts';

const Health = Type.Object({
  status: Type.Union([Type.Literal('ok'), Type.Literal('niet gereed')]),
  checks: Type.Optional(Type.Record(Type.String(), Type.String())),
});

/** Liveness: the process answers. Readiness: the database answers and is fully migrated and loaded. */
export const healthRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get('/health/live', { config: { policy: 'public.read' }, schema: { tags: ['Beheer'], response: { 200: Health } } }, async () => ({ status: 'ok' as const }));

  app.get('/health/ready', { config: { policy: 'public.read' }, schema: { tags: ['Beheer'], response: { 200: Health, 503: Health } } }, async (_req, reply) => {
    const db = app.database.db;
    const checks: Record<string, string> = {};
    const answers = await databaseAnswers(db);
    checks.database = answers ? 'ok' : 'geen verbinding';
    if (answers) {
      const pending = await pendingMigrations(db);
      checks.migrations = pending.length === 0 ? 'ok' : `${pending.length} niet uitgevoerd`;
      checks.referenceData = pending.length === 0 && (await referenceDataLoaded(db)) ? 'ok' : 'niet geladen';
    }
    const ready = Object.values(checks).every((v) => v === 'ok');
    return reply.code(ready ? 200 : 503).send({ status: ready ? 'ok' : 'niet gereed', checks });
  });
};
