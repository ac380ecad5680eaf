import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import type { FastifyRequest } from 'fastify';
import { ProblemRef } from '../../platform/http/schemas.ts';
import { versionFrom, withEtag } from '../../platform/http/versioning.ts';
import { authorize } from '../../domain/access/policies.ts';
import * as service from './service.ts';
import { toDecisionCsv, toDecisionXlsx } from './export.ts';
import { Comparison, DecisionInput, DecisionSummary, DecisionView } from './schemas.ts';

const tags = ['Verdeling'];
const errors = { 400: ProblemRef, 401: ProblemRef, 403: ProblemRef, 404: ProblemRef, 409: ProblemRef, 412: ProblemRef, 428: ProblemRef };
const Id = Type.Object({ id: Type.Integer({ minimum: 1 }) });

export const distributionRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const db = app.database.db;
  // These run before validation: ids and bodies are still raw.
  const rawId = (req: FastifyRequest) => Number((req.params as { id?: string }).id);
  const storedScope = async (req: FastifyRequest) => {
    const id = rawId(req);
    return Number.isInteger(id) && id > 0 ? service.accessScope(db, id) : {};
  };
  const bodyScope = (req: FastifyRequest) => ({ tableScope: service.tableScopeOf((req.body ?? {}) as Record<string, unknown>) });

  app.get('/distributions', {
    config: { policy: 'public.read' },
    schema: {
      tags,
      summary: 'Besluiten (gepubliceerd; concepten alleen voor wie ze mag zien)',
      querystring: Type.Object(
        {
          kind: Type.Optional(Type.Union([Type.Literal('verdeling'), Type.Literal('taakstelling')])),
          status: Type.Optional(Type.Union([Type.Literal('concept'), Type.Literal('gepubliceerd'), Type.Literal('vervangen')])),
        },
        { additionalProperties: false },
      ),
      response: { 200: Type.Object({ items: Type.Array(DecisionSummary) }), ...errors },
    },
  }, async (req) => service.list(db, { ...req.query, includeDrafts: authorize(req.principal, 'distribution.read-drafts') }));

  app.post('/distributions/preview', {
    config: { policy: 'distribution.preview' },
    schema: { tags, summary: 'Een verdeling of taakstelling berekenen zonder op te slaan', body: DecisionInput, response: { 200: DecisionView, ...errors } },
  }, async (req) => service.previewView(await service.compute(db, req.body)));

  app.post('/distributions', {
    config: { policy: 'distribution.manage', scope: bodyScope },
    schema: { tags, summary: 'Concept maken (landelijk: secretariaat; gemeenten van een provincie: die provincie)', body: DecisionInput, response: { 201: DecisionView, ...errors } },
  }, async (req, reply) => {
    const v = await service.createDraft(db, req.actor(), req.body);
    reply.header('Location', `/api/v1/distributions/${v.id}`);
    return reply.code(201).send(withEtag(reply, v));
  });

  app.get('/distributions/compare', {
    config: {
      policy: 'distribution.read',
      scope: async (req) => {
        const q = req.query as { a?: string; b?: string };
        const ids = [Number(q.a), Number(q.b)].filter((n) => Number.isInteger(n) && n > 0);
        const scopes = await Promise.all(ids.map((id) => service.accessScope(db, id)));
        return { draft: scopes.some((s) => s.draft) };
      },
    },
    schema: {
      tags,
      summary: 'Twee besluiten of scenario’s naast elkaar: per gebied A, B en het verschil',
      querystring: Type.Object({ a: Type.Integer({ minimum: 1 }), b: Type.Integer({ minimum: 1 }) }, { additionalProperties: false }),
      response: { 200: Comparison, ...errors },
    },
  }, async (req) => service.compare(db, req.query.a, req.query.b));

  app.get('/distributions/:id', {
    config: { policy: 'distribution.read', scope: storedScope },
    schema: { tags, summary: 'Eén besluit met de uitkomst per gebied en de toelichting (ETag)', params: Id, response: { 200: DecisionView, ...errors } },
  }, async (req, reply) => withEtag(reply, await service.get(db, req.params.id)));

  app.put('/distributions/:id', {
    config: { policy: 'distribution.manage', scope: storedScope },
    schema: { tags, summary: 'Concept wijzigen (opnieuw berekend); vraagt If-Match', params: Id, body: DecisionInput, response: { 200: DecisionView, ...errors } },
  }, async (req, reply) => withEtag(reply, await service.updateDraft(db, req.actor(), req.params.id, versionFrom(req, undefined), req.body)));

  app.delete('/distributions/:id', {
    config: { policy: 'distribution.manage', scope: storedScope },
    schema: { tags, summary: 'Concept verwijderen (gepubliceerde besluiten blijven); vraagt If-Match', params: Id, response: { 204: Type.Null(), ...errors } },
  }, async (req, reply) => {
    await service.deleteDraft(db, req.actor(), req.params.id, versionFrom(req, undefined));
    return reply.code(204).send(null);
  });

  app.post('/distributions/:id/publish', {
    config: { policy: 'distribution.manage', scope: storedScope },
    // The version comes from If-Match or an optional JSON body {"version": n}; an empty POST is fine.
    schema: { tags, summary: 'Concept publiceren: krijgt een nummer en verandert daarna nooit meer (If-Match of {"version": n})', params: Id, response: { 200: DecisionView, ...errors } },
  }, async (req, reply) => {
    const body = req.body as { version?: unknown } | undefined;
    const bodyVersion = body && Number.isInteger(body.version) ? (body.version as number) : undefined;
    return withEtag(reply, await service.publish(db, req.actor(), req.params.id, versionFrom(req, bodyVersion)));
  });

  app.post('/distributions/:id/correction', {
    config: { policy: 'distribution.manage', scope: storedScope },
    schema: { tags, summary: 'Correctiebesluit starten: een concept dat het gepubliceerde besluit bij publicatie vervangt', params: Id, response: { 201: DecisionView, ...errors } },
  }, async (req, reply) => reply.code(201).send(withEtag(reply, await service.startCorrection(db, req.actor(), req.params.id))));

  app.get('/distributions/:id/export', {
    config: { policy: 'distribution.read', scope: storedScope },
    schema: {
      tags,
      summary: 'Exporteren als CSV of Excel, met een kopblok (sleutel, methode, peildatum, totalen, status)',
      params: Id,
      querystring: Type.Object({ format: Type.Union([Type.Literal('csv'), Type.Literal('xlsx')]) }, { additionalProperties: false }),
      produces: ['text/csv', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
      response: { 200: Type.Unknown(), ...errors },
    },
  }, async (req, reply) => {
    const v = await service.get(db, req.params.id);
    const name = `${v.number ?? `concept-${v.id}`}`;
    if (req.query.format === 'csv') {
      return reply.type('text/csv; charset=utf-8').header('Content-Disposition', `attachment; filename="${name}.csv"`).send(toDecisionCsv(v));
    }
    return reply
      .type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
      .header('Content-Disposition', `attachment; filename="${name}.xlsx"`)
      .send(await toDecisionXlsx(v));
  });
};

