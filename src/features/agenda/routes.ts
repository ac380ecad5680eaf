import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type, type TSchema } from '@sinclair/typebox';
import { ProblemRef } from '../../platform/http/schemas.ts';
import { versionFrom, withEtag } from '../../platform/http/versioning.ts';
import * as actions from './actions.ts';
import * as escalation from './escalation.ts';
import * as reports from './reports.ts';
import { TaskStarted, accepted } from '../tasks/routes.ts';
import { overviewPdfTask } from './overview-task.ts';
import type { EscalationLevel } from '../../domain/agenda/index.ts';
import { cachedJson } from '../../platform/db/read-cache.ts';

const tags = ['Actieagenda en rapportages'];
const errors = { 400: ProblemRef, 401: ProblemRef, 403: ProblemRef, 413: ProblemRef };
const Nullable = <T extends TSchema>(t: T) => Type.Union([t, Type.Null()]);
const Day = Type.String({ format: 'date' });
const Month = Type.String({ pattern: '^[0-9]{4}-(0[1-9]|1[0-2])$', examples: ['2022-07'] });
const Status = Type.Union(['open', 'loopt', 'gereed', 'vertraagd', 'vervallen'].map((s) => Type.Literal(s)));
const Kind = Type.Union(['herinnering-houder', 'prt-voorzitter', 'lrt-agenda', 'staatssecretaris', 'melding'].map((s) => Type.Literal(s)));
const ProvinceCode = Type.String({ pattern: '^PV[0-9]{2}$' });

const Programme = Type.Object({
  id: Type.Integer(),
  code: Type.String(),
  name: Type.String(),
  owner: Type.String(),
  measures: Type.Array(Type.Object({ id: Type.Integer(), number: Type.Integer(), title: Type.String() })),
});
const Action = Type.Object({
  id: Type.Integer(),
  programme: Type.Object({ code: Type.String(), name: Type.String() }),
  measure: Type.Object({ id: Type.Integer(), number: Type.Integer(), title: Type.String() }),
  description: Type.String(),
  holder: Type.Object({ organisation: Type.String(), person: Nullable(Type.String()), email: Nullable(Type.String()) }),
  provinceCode: Nullable(Type.String()),
  deadline: Day,
  status: Status,
  overdue: Type.Boolean(),
  origin: Nullable(Type.String()),
  createdBy: Type.String(),
  createdAt: Type.String({ format: 'date-time' }),
  version: Type.Integer(),
});
const Step = Type.Object({ level: Type.Integer(), kind: Kind, name: Type.String(), dueOn: Day, deadline: Day });
const ActionDetail = Type.Object({
  ...Action.properties,
  updates: Type.Array(
    Type.Object({
      id: Type.Integer(),
      date: Day,
      text: Type.String(),
      statusBefore: Nullable(Type.String()),
      statusAfter: Nullable(Type.String()),
      deadlineBefore: Nullable(Day),
      deadlineAfter: Nullable(Day),
      recordedBy: Type.String(),
      recordedAt: Type.String({ format: 'date-time' }),
    }),
  ),
  escalations: Type.Array(Type.Object({ level: Type.Integer(), kind: Type.String(), deadline: Day, dueOn: Day, firedAt: Type.String({ format: 'date-time' }) })),
  nextStep: Nullable(Step),
});
const Level = Type.Object(
  { level: Type.Integer({ minimum: 1 }), name: Type.String({ minLength: 1, maxLength: 200 }), afterDays: Type.Integer({ minimum: 0, maximum: 3650 }), graceDays: Type.Integer({ minimum: 0, maximum: 365 }), kind: Kind },
  { additionalProperties: false },
);
const Notification = Type.Object({
  id: Type.Integer(),
  subjectType: Type.String(),
  subjectId: Type.String(),
  title: Type.String(),
  body: Type.String(),
  link: Nullable(Type.String()),
  createdAt: Type.String({ format: 'date-time' }),
  read: Type.Boolean(),
});
const ReportContent = Type.Object({
  figures: Type.Object({}, { additionalProperties: true, description: 'De cijfers van de provincie in die maand (vooraf ingevuld)' }),
  bottlenecks: Type.String(),
  measures: Type.Array(Type.Object({ measure: Type.String(), progress: Type.String() })),
});
const Report = Type.Object({
  provinceCode: Type.String(),
  provinceName: Type.String(),
  month: Type.String(),
  status: Type.Union([Type.Literal('concept'), Type.Literal('ingediend')]),
  deadline: Day,
  submittedOn: Nullable(Day),
  submittedBy: Nullable(Type.String()),
  version: Type.Integer({ description: '0: nog niet opgeslagen' }),
  content: ReportContent,
  stored: Type.Boolean(),
});
const ReportParams = Type.Object({ province: ProvinceCode, month: Month });
const provinceScope = (req: { params: unknown }) => {
  const code = String((req.params as { province?: string }).province ?? '').toUpperCase();
  return /^PV\d{2}$/.test(code) ? { provinceCode: code } : {};
};

export const agendaRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const db = app.database.db;

  app.get('/programmes', {
    config: { policy: 'agenda.read' },
    schema: { tags, summary: 'Programma’s met hun genummerde maatregelen', response: { 200: Type.Object({ items: Type.Array(Programme) }), ...errors } },
  }, async () => ({ items: await actions.listProgrammes(db) }));

  app.post('/programmes', {
    config: { policy: 'agenda.manage' },
    schema: {
      tags,
      summary: 'Programma met maatregelen vastleggen',
      body: Type.Object(
        {
          code: Type.String({ pattern: '^[A-Z0-9-]{2,20}$' }),
          name: Type.String({ minLength: 1, maxLength: 300 }),
          owner: Type.String({ minLength: 1, maxLength: 300 }),
          measures: Type.Array(Type.Object({ number: Type.Integer({ minimum: 1 }), title: Type.String({ minLength: 1, maxLength: 300 }) }, { additionalProperties: false }), { maxItems: 200 }),
        },
        { additionalProperties: false },
      ),
      response: { 201: Programme, ...errors, 409: ProblemRef },
    },
  }, async (req, reply) => reply.code(201).send(await actions.createProgramme(db, req.actor(), req.body)));

  app.get('/actions', {
    config: { policy: 'agenda.read' },
    schema: {
      tags,
      summary: 'Acties, te filteren op programma, houder, provincie, status en over de termijn',
      querystring: Type.Object(
        { programme: Type.Optional(Type.String()), holder: Type.Optional(Type.String({ maxLength: 200 })), province: Type.Optional(ProvinceCode), status: Type.Optional(Status), overdue: Type.Optional(Type.Boolean()) },
        { additionalProperties: false },
      ),
      response: { 200: Type.Object({ today: Day, items: Type.Array(Action) }), ...errors },
    },
  }, async (req) => actions.listActions(db, req.query as actions.ActionFilters));

  app.get('/actions/newly-overdue', {
    config: { policy: 'agenda.read' },
    schema: {
      tags,
      summary: 'Acties die de laatste dagen over de termijn zijn geraakt (toezicht)',
      querystring: Type.Object({ days: Type.Optional(Type.Integer({ minimum: 1, maximum: 365, default: 14 })) }, { additionalProperties: false }),
      response: { 200: Type.Object({ today: Day, days: Type.Integer(), items: Type.Array(Action) }), ...errors },
    },
  }, async (req) => actions.newlyOverdueActions(db, req.query.days));

  app.post('/actions', {
    config: { policy: 'agenda.manage' },
    schema: {
      tags,
      summary: 'Actie vastleggen bij een maatregel, met houder en termijn',
      body: Type.Object(
        {
          measureId: Type.Integer({ minimum: 1 }),
          description: Type.String({ minLength: 1, maxLength: 4000 }),
          holderOrganisation: Type.String({ minLength: 1, maxLength: 300 }),
          holderPerson: Type.Optional(Nullable(Type.String({ maxLength: 300 }))),
          holderEmail: Type.Optional(Nullable(Type.String({ format: 'email' }))),
          provinceCode: Type.Optional(Nullable(ProvinceCode)),
          deadline: Day,
          origin: Type.Optional(Nullable(Type.String({ maxLength: 500, description: 'Besluit of overleg waaruit de actie komt' }))),
        },
        { additionalProperties: false },
      ),
      response: { 201: ActionDetail, ...errors },
    },
  }, async (req, reply) => {
    return reply.code(201).send(withEtag(reply, await actions.createAction(db, req.actor(), req.body)));
  });

  app.get('/actions/:id', {
    config: { policy: 'agenda.read' },
    schema: { tags, summary: 'Eén actie met voortgang, escalaties en de volgende stap van de ladder', params: Type.Object({ id: Type.Integer({ minimum: 1 }) }), response: { 200: ActionDetail, ...errors, 404: ProblemRef } },
  }, async (req, reply) => {
    return withEtag(reply, await actions.getAction(db, req.params.id));
  });

  app.post('/actions/:id/updates', {
    config: { policy: 'agenda.manage' },
    schema: {
      tags,
      summary: 'Voortgang melden, eventueel met nieuwe status of nieuwe termijn (met reden); If-Match verplicht',
      params: Type.Object({ id: Type.Integer({ minimum: 1 }) }),
      body: Type.Object(
        { date: Day, text: Type.String({ minLength: 1, maxLength: 4000 }), status: Type.Optional(Status), deadline: Type.Optional(Day), reopen: Type.Optional(Type.Boolean({ description: 'Een gereed of vervallen actie heropenen (met reden)' })) },
        { additionalProperties: false },
      ),
      response: { 200: ActionDetail, ...errors, 404: ProblemRef, 412: ProblemRef, 428: ProblemRef },
    },
  }, async (req, reply) => {
    return withEtag(reply, await actions.updateAction(db, req.actor(), req.params.id, versionFrom(req, undefined), req.body as Parameters<typeof actions.updateAction>[4]));
  });

  app.get('/escalation-ladder', {
    config: { policy: 'agenda.read' },
    schema: { tags, summary: 'De escalatieladder (niveaus als gegevens)', response: { 200: Type.Object({ levels: Type.Array(Level) }), ...errors } },
  }, async () => ({ levels: await escalation.getLadder(db) }));

  app.put('/escalation-ladder', {
    config: { policy: 'agenda.configure' },
    schema: {
      tags,
      summary: 'De escalatieladder vervangen (secretariaat); eerst geheel gecontroleerd',
      body: Type.Object({ levels: Type.Array(Level, { minItems: 1, maxItems: 20 }) }, { additionalProperties: false }),
      response: { 200: Type.Object({ levels: Type.Array(Level) }), ...errors },
    },
  }, async (req) => ({ levels: await escalation.setLadder(db, req.actor(), req.body.levels as EscalationLevel[]) }));

  app.get('/inbox', {
    config: { policy: 'self' },
    schema: {
      tags,
      summary: 'Meldingen voor de ingelogde gebruiker (ook via de rol en het bereik)',
      querystring: Type.Object({ unread: Type.Optional(Type.Boolean()) }, { additionalProperties: false }),
      response: { 200: Type.Object({ items: Type.Array(Notification), unread: Type.Integer() }), ...errors },
    },
  }, async (req) => {
    const items = await escalation.inbox(db, req.principal, { unreadOnly: req.query.unread ?? false });
    return { items, unread: items.filter((n) => !n.read).length };
  });

  app.post('/inbox/:id/read', {
    config: { policy: 'self' },
    schema: { tags, summary: 'Melding als gelezen markeren', params: Type.Object({ id: Type.Integer({ minimum: 1 }) }), response: { 200: Type.Object({ id: Type.Integer(), read: Type.Boolean() }), ...errors, 404: ProblemRef } },
  }, async (req) => escalation.markRead(db, req.principal, req.params.id));

  app.get('/reports/status', {
    config: { policy: 'agenda.read' },
    schema: {
      tags,
      summary: 'Volledigheid en tijdigheid van de maandrapportages per provincie (verwacht, ontvangen, op tijd)',
      querystring: Type.Object({ month: Type.Optional(Month) }, { additionalProperties: false }),
      response: { 200: Type.Object({}, { additionalProperties: true }), ...errors },
    },
  }, async (req, reply) => cachedJson(reply, db, 'reports.status', req.query.month ?? null, (trx) => reports.reportStatus(trx, { month: req.query.month })));

  app.get('/reports/overview', {
    config: { policy: 'agenda.read' },
    schema: {
      tags,
      summary: 'Landelijk maandoverzicht van alle provinciale rapportages als HTML of PDF',
      querystring: Type.Object({ month: Month, format: Type.Optional(Type.Union([Type.Literal('html'), Type.Literal('pdf')])) }, { additionalProperties: false }),
      produces: ['text/html', 'application/pdf'],
      response: { 200: Type.String({ description: 'HTML-document of PDF' }), ...errors },
    },
  }, async (req, reply) => {
    const o = await reports.monthlyOverview(db, req.query.month);
    if (req.query.format === 'pdf') {
      return reply
        .type('application/pdf')
        .header('content-disposition', `attachment; filename="maandoverzicht-${req.query.month}.pdf"`)
        .send(await reports.overviewPdf(o));
    }
    return reply.type('text/html; charset=utf-8').send(reports.overviewHtml(o));
  });

  app.post('/reports/overview/tasks', {
    config: { policy: 'agenda.read' },
    schema: {
      tags,
      summary: 'Het landelijke maandoverzicht als PDF op de achtergrond maken: 202 met Location; het bestand staat daarna onder GET /api/v1/tasks/{id}/file',
      body: Type.Object({ month: Month }, { additionalProperties: false }),
      response: { 202: TaskStarted, ...errors },
    },
  }, async (req, reply) => accepted(reply, await app.tasks.submit(req.actor(), overviewPdfTask.kind, { month: req.body.month })));

  app.get('/reports/:province/:month', {
    config: { policy: 'agenda.read' },
    schema: { tags, summary: 'De maandrapportage van een provincie (of een nieuw concept met de cijfers vooraf ingevuld)', params: ReportParams, response: { 200: Report, ...errors, 404: ProblemRef } },
  }, async (req, reply) => {
    return withEtag(reply, await reports.getReport(db, req.params.province, req.params.month));
  });

  app.put('/reports/:province/:month', {
    config: { policy: 'report.write', scope: provinceScope },
    schema: {
      tags,
      summary: 'Concept opslaan (provincie); If-Match met de versie (0 voor een nieuw concept)',
      params: ReportParams,
      body: Type.Object(
        {
          bottlenecks: Type.String({ maxLength: 20_000 }),
          measures: Type.Array(Type.Object({ measure: Type.String({ minLength: 1, maxLength: 300 }), progress: Type.String({ maxLength: 20_000 }) }, { additionalProperties: false }), { maxItems: 100 }),
        },
        { additionalProperties: false },
      ),
      response: { 200: Report, ...errors, 404: ProblemRef, 409: ProblemRef, 412: ProblemRef, 428: ProblemRef },
    },
  }, async (req, reply) => {
    return withEtag(reply, await reports.saveReport(db, req.actor(), req.params.province, req.params.month, { version: versionFrom(req, undefined), ...req.body }));
  });

  app.post('/reports/:province/:month/submit', {
    config: { policy: 'report.write', scope: provinceScope },
    schema: {
      tags,
      summary: 'Rapportage indienen (daarna niet meer te wijzigen); If-Match verplicht',
      params: ReportParams,
      response: { 200: Report, ...errors, 404: ProblemRef, 409: ProblemRef, 412: ProblemRef, 422: ProblemRef, 428: ProblemRef },
    },
  }, async (req, reply) => {
    return withEtag(reply, await reports.submitReport(db, req.actor(), req.params.province, req.params.month, versionFrom(req, undefined)));
  });

  app.put('/reports/settings', {
    config: { policy: 'agenda.configure' },
    schema: {
      tags,
      summary: 'Welke maanden rapportages verwacht worden en op welke werkdag van de volgende maand ze uiterlijk binnen zijn',
      body: Type.Object({ firstMonth: Nullable(Month), lastMonth: Nullable(Month), workingDay: Type.Integer({ minimum: 1, maximum: 20 }) }, { additionalProperties: false }),
      response: { 200: Type.Object({ firstMonth: Nullable(Type.String()), lastMonth: Nullable(Type.String()), workingDay: Type.Integer() }), ...errors },
    },
  }, async (req) => reports.setReportSettings(db, req.actor(), req.body));
};
