import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { ProblemRef } from '../../platform/http/schemas.ts';
import * as service from './service.ts';

const AuditItem = Type.Object(
  {
    id: Type.Integer(),
    occurredAt: Type.String({ format: 'date-time' }),
    actor: Type.String(),
    actorUserId: Type.Union([Type.Integer(), Type.Null()]),
    onBehalfOf: Type.Union([Type.String(), Type.Null()]),
    action: Type.String(),
    resourceType: Type.String(),
    resourceId: Type.String(),
    before: Type.Unknown(),
    after: Type.Unknown(),
    requestId: Type.Union([Type.String(), Type.Null()]),
  },
  { $id: 'AuditItem' },
);
export const auditSchemas = [AuditItem];

const Filter = Type.Object(
  {
    user: Type.Optional(Type.Integer({ minimum: 1, description: 'Gebruikers-id van wie de wijziging deed' })),
    actor: Type.Optional(Type.String({ maxLength: 200, description: 'Deel van de naam of het e-mailadres van wie de wijziging deed' })),
    resourceType: Type.Optional(Type.String({ maxLength: 100 })),
    resourceId: Type.Optional(Type.String({ maxLength: 200 })),
    from: Type.Optional(Type.String({ format: 'date' })),
    to: Type.Optional(Type.String({ format: 'date' })),
    before: Type.Optional(Type.Integer({ minimum: 1, description: 'Volgende pagina: de nextBefore van de vorige' })),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 1000 })),
  },
  { additionalProperties: false },
);
const Page = Type.Object({ items: Type.Array(Type.Ref('AuditItem')), nextBefore: Type.Union([Type.Integer(), Type.Null()]) });
const errors = { 400: ProblemRef, 401: ProblemRef, 403: ProblemRef };
const History = Type.Object({ resourceType: Type.String({ maxLength: 100 }), resourceId: Type.String({ maxLength: 200 }) });

export const auditRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const db = app.database.db;

  app.get('/audit', {
    config: { policy: 'audit.search' },
    schema: { tags: ['Audit'], summary: 'Audittrail doorzoeken op gebruiker, soort, sleutel en periode (nieuwste eerst)', querystring: Filter, response: { 200: Page, ...errors } },
  }, async (req) => service.search(db, req.query));

  app.get('/audit/export', {
    config: { policy: 'audit.search' },
    schema: {
      tags: ['Audit'],
      summary: 'Audittrail als CSV (zelfde filters)',
      querystring: Filter,
      produces: ['text/csv'],
      response: { 200: Type.String(), ...errors },
    },
  }, async (req, reply) => {
    reply.type('text/csv; charset=utf-8').header('Content-Disposition', 'attachment; filename="audittrail.csv"');
    return service.exportCsv(db, req.query);
  });

  app.get('/history/:resourceType/:resourceId', {
    config: { policy: 'audit.history' },
    schema: { tags: ['Audit'], summary: 'Geschiedenis van één record', params: History, querystring: Type.Object({ format: Type.Optional(Type.Union([Type.Literal('json'), Type.Literal('csv')])) }, { additionalProperties: false }), response: { 200: Type.Union([Page, Type.String()]), ...errors } },
  }, async (req, reply) => {
    const filter = { resourceType: req.params.resourceType, resourceId: req.params.resourceId };
    if (req.query.format === 'csv') {
      reply.type('text/csv; charset=utf-8').header('Content-Disposition', `attachment; filename="geschiedenis-${req.params.resourceType}-${req.params.resourceId}.csv"`);
      return service.exportCsv(db, filter);
    }
    return service.search(db, { ...filter, limit: 1000 });
  });
};
