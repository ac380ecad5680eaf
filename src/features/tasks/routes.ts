import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type, type TSchema } from '@sinclair/typebox';
import type { FastifyReply } from 'fastify';
import { ProblemRef } from '../../platform/http/schemas.ts';
import * as tasks from './service.ts';

const tags = ['Taken'];
const errors = { 400: ProblemRef, 401: ProblemRef, 403: ProblemRef };
const Nullable = <T extends TSchema>(t: T) => Type.Union([t, Type.Null()]);
const Id = Type.Object({ id: Type.Integer({ minimum: 1 }) });

const TaskFields = {
  id: Type.Integer(),
  kind: Type.String({ description: "Soort taak, bijv. 'projectie' of 'maandoverzicht-pdf'" }),
  status: Type.Union([Type.Literal('queued'), Type.Literal('running'), Type.Literal('done'), Type.Literal('failed')]),
  progress: Type.Number({ minimum: 0, maximum: 1 }),
  progressText: Nullable(Type.String()),
  input: Type.Object({}, { additionalProperties: true }),
  file: Nullable(Type.Object({ name: Type.String(), type: Type.String() }, { description: 'Het bestand dat de taak maakte: GET /api/v1/tasks/{id}/file' })),
  error: Nullable(Type.Object({}, { additionalProperties: true, description: 'Het probleem (problem+json) van een mislukte taak' })),
  createdBy: Type.String(),
  createdAt: Type.String({ format: 'date-time' }),
  startedAt: Nullable(Type.String({ format: 'date-time' })),
  finishedAt: Nullable(Type.String({ format: 'date-time' })),
};
const TaskSummary = Type.Object(TaskFields);
const Task = Type.Object({ ...TaskFields, result: Type.Unknown({ description: 'Het resultaat zodra status done is, anders null' }) });

/** The answer of an endpoint that starts a task: 202 with Location to follow it. */
export const TaskStarted = Type.Object({ id: Type.Integer(), status: Type.String(), location: Type.String() });
export function accepted(reply: FastifyReply, id: number) {
  const location = `/api/v1/tasks/${id}`;
  return reply.code(202).header('location', location).send({ id, status: 'queued', location });
}

export const taskRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const db = app.database.db;
  const ownTask = {
    policy: 'tasks.read' as const,
    // Runs before validation: the id is still the raw text from the path. A task nobody owns (started from the
    // command line) is the secretariat's to see.
    scope: async (req: { params: unknown }) => {
      const id = Number((req.params as { id: string }).id);
      if (!Number.isInteger(id) || id < 1 || id > 2_147_483_647) return {};
      const owner = await tasks.taskOwner(db, id);
      return owner === undefined ? {} : { ownerUserId: owner ?? 0 };
    },
  };

  app.get('/tasks', {
    config: { policy: 'tasks.read' },
    schema: {
      tags,
      summary: 'Mijn taken: de taken die ik startte, nieuwste eerst (zonder resultaat)',
      response: { 200: Type.Object({ items: Type.Array(TaskSummary) }), ...errors },
    },
  }, async (req) => ({ items: await tasks.listTasks(db, req.principal) }));

  app.get('/tasks/:id', {
    config: ownTask,
    schema: {
      tags,
      summary: 'Een taak: status, voortgang (0 … 1 en tekst), resultaat of probleem',
      params: Id,
      response: { 200: Task, ...errors, 404: ProblemRef },
    },
  }, async (req, reply) => {
    const task = await tasks.getTask(db, req.params.id);
    // A finished task never changes again; a running one is asked for again soon.
    reply.header('cache-control', task.status === 'done' || task.status === 'failed' ? 'private, max-age=3600' : 'no-store');
    return task;
  });

  app.get('/tasks/:id/file', {
    config: ownTask,
    schema: {
      tags,
      summary: 'Het bestand dat een taak maakte (bijv. een PDF)',
      params: Id,
      produces: ['application/pdf'],
      response: { 200: Type.String({ description: 'Het bestand' }), ...errors, 404: ProblemRef },
    },
  }, async (req, reply) => {
    const file = await tasks.taskFile(db, req.params.id);
    return reply.type(file.type).header('content-disposition', `attachment; filename="${file.name.replace(/[^\w.-]/g, '_')}"`).send(file.data);
  });
};
