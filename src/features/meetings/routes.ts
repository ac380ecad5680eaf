import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type, type TSchema } from '@sinclair/typebox';
import { ProblemRef } from '../../platform/http/schemas.ts';
import { versionFrom, withEtag } from '../../platform/http/versioning.ts';
import * as meetings from './service.ts';
import * as woo from './woo.ts';
import { dutchToday } from '../agenda/dates.ts';

const tags = ['Vergaderingen en Woo'];
const errors = { 400: ProblemRef, 401: ProblemRef, 403: ProblemRef, 413: ProblemRef };
const Nullable = <T extends TSchema>(t: T) => Type.Union([t, Type.Null()]);
const Day = Type.String({ format: 'date' });
const Id = Type.Object({ id: Type.Integer({ minimum: 1 }) });

const PersonBody = Type.Object(
  {
    title: Type.Optional(Nullable(Type.String({ maxLength: 20 }))),
    givenName: Type.Optional(Nullable(Type.String({ maxLength: 100 }))),
    initials: Type.Optional(Nullable(Type.String({ maxLength: 20 }))),
    tussenvoegsel: Type.Optional(Nullable(Type.String({ maxLength: 20 }))),
    surname: Type.String({ minLength: 1, maxLength: 100 }),
    organisation: Type.String({ minLength: 1, maxLength: 200 }),
    function: Type.Optional(Nullable(Type.String({ maxLength: 200 }))),
    publicOffice: Type.Boolean({ description: 'Politiek ambtsdrager of bestuurder wiens naam openbaar blijft' }),
  },
  { additionalProperties: false },
);
const MinutesAction = Type.Object(
  {
    description: Type.String({ minLength: 1, maxLength: 2000 }),
    holderOrganisation: Type.String({ minLength: 1, maxLength: 200 }),
    holderPerson: Type.Optional(Nullable(Type.String({ maxLength: 200 }))),
    deadline: Day,
    actionId: Type.Optional(Nullable(Type.Integer())),
  },
  { additionalProperties: false },
);
const MinutesItem = Type.Object(
  {
    number: Type.Integer({ minimum: 1 }),
    title: Type.String({ minLength: 1, maxLength: 500 }),
    points: Type.Array(Type.String({ maxLength: 10_000 }), { maxItems: 100 }),
    decisions: Type.Array(Type.String({ maxLength: 10_000 }), { maxItems: 100 }),
    actions: Type.Array(MinutesAction, { maxItems: 100 }),
  },
  { additionalProperties: false },
);
const MinutesStatus = Type.Union([Type.Literal('concept'), Type.Literal('verstuurd'), Type.Literal('vastgesteld')]);
const Minutes = Type.Object({
  id: Type.Integer(),
  meetingId: Type.Integer(),
  version: Type.Integer(),
  status: MinutesStatus,
  items: Type.Array(MinutesItem),
  sentAt: Nullable(Type.String({ format: 'date-time' })),
  approvedOn: Nullable(Day),
  approvedInMeetingId: Nullable(Type.Integer()),
  rowVersion: Type.Integer(),
});
const Person = Type.Object({
  id: Type.Integer(),
  title: Type.Optional(Type.String()),
  givenName: Type.Optional(Type.String()),
  initials: Type.Optional(Type.String()),
  tussenvoegsel: Type.Optional(Type.String()),
  surname: Type.String(),
  organisation: Type.String(),
  function: Type.Optional(Type.String()),
  publicOffice: Type.Boolean(),
  displayName: Type.String({ description: 'Naam zoals in het verslag: titel, voorletters of voornaam, tussenvoegsel, achternaam' }),
});
const Body = Type.Object({
  id: Type.Integer(),
  code: Type.String({ description: 'LRT, HLRT of PRT-<provinciecode>' }),
  name: Type.String(),
  kind: Type.String(),
  provinceCode: Nullable(Type.String()),
  members: Type.Array(Type.Object({ person: Person, role: Nullable(Type.String()), standingSubstituteId: Nullable(Type.Integer()) })),
});
const MeetingSummary = Type.Object({
  id: Type.Integer(),
  date: Day,
  place: Nullable(Type.String()),
  body: Type.Object({ code: Type.String(), name: Type.String() }),
  minutesStatus: Nullable(MinutesStatus),
});
const Document = Type.Object({ title: Type.String(), ref: Type.Optional(Nullable(Type.String())) });
const Meeting = Type.Object({
  id: Type.Integer(),
  body: Type.Object({ id: Type.Integer(), code: Type.String(), name: Type.String() }),
  date: Day,
  place: Nullable(Type.String()),
  version: Type.Integer(),
  agenda: Type.Array(Type.Object({ id: Type.Integer(), number: Type.Integer(), title: Type.String(), documents: Type.Array(Document) })),
  attendance: Type.Array(
    Type.Object({
      personId: Type.Integer(),
      name: Type.String(),
      organisation: Type.String(),
      status: Type.Union([Type.Literal('aanwezig'), Type.Literal('afwezig'), Type.Literal('vervangen'), Type.Literal('gast')]),
      substituteId: Nullable(Type.Integer()),
      substituteName: Nullable(Type.String()),
      note: Nullable(Type.String()),
    }),
  ),
  approvals: Type.Array(Type.Object({ minutesId: Type.Integer(), meetingDate: Day, line: Type.String({ description: '"Het verslag van 15 juni is vastgesteld."' }) })),
  minutes: Type.Array(Type.Object({ id: Type.Integer(), version: Type.Integer(), status: MinutesStatus, approvedOn: Nullable(Day), rowVersion: Type.Integer() })),
});
const Proposals = Type.Object({
  minutesId: Type.Integer(),
  ground: Type.String({ description: 'Weigeringsgrond, 5.1.2e Woo' }),
  items: Type.Array(
    Type.Object({
      key: Type.String(),
      field: Type.String(),
      start: Type.Integer(),
      end: Type.Integer(),
      text: Type.String(),
      reason: Type.Union([Type.Literal('bekende-persoon'), Type.Literal('mogelijke-naam')]),
      personId: Nullable(Type.Integer()),
      personOrganisation: Nullable(Type.String()),
      before: Type.String(),
      after: Type.String(),
    }),
  ),
});
const Review = Type.Object({ reviewId: Type.Integer(), minutesId: Type.Integer(), accepted: Type.Integer(), rejected: Type.Integer(), manual: Type.Integer(), reviewedAt: Type.String({ format: 'date-time' }) });
const PublicationMetadata = Type.Object(
  { title: Type.Optional(Type.String()), body: Type.Optional(Type.String()), meetingDate: Type.Optional(Day), documentType: Type.Optional(Type.String()), informationCategory: Type.Optional(Type.String()), publishedOn: Type.Optional(Day), ground: Type.Optional(Type.String()), redactions: Type.Optional(Type.Integer()), sha256: Type.Optional(Type.String()) },
  { additionalProperties: true },
);
const Publication = Type.Object({ id: Type.Integer(), title: Type.String(), publishedOn: Day, sha256: Type.String(), metadata: PublicationMetadata });
const withRowVersion = <T extends { rowVersion: number }>(reply: Parameters<typeof withEtag>[0], m: T) => {
  reply.header('ETag', `"${m.rowVersion}"`);
  return m;
};

export const meetingRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const db = app.database.db;

  app.get('/bodies', {
    config: { policy: 'meetings.read' },
    schema: { tags, summary: 'Overleggen (LRT, HLRT, PRT’s) met hun leden', response: { 200: Type.Object({ items: Type.Array(Body) }), ...errors } },
  }, async () => ({ items: await meetings.listBodies(db) }));

  app.get('/people', {
    config: { policy: 'meetings.read' },
    schema: { tags, summary: 'Personenregister (naam, organisatie, functie, ambtsdrager of niet)', response: { 200: Type.Object({ items: Type.Array(Person) }), ...errors } },
  }, async () => ({ items: await meetings.listPeople(db) }));

  app.post('/people', {
    config: { policy: 'meetings.manage' },
    schema: { tags, summary: 'Persoon aan het register toevoegen', body: PersonBody, response: { 201: Person, ...errors } },
  }, async (req, reply) => reply.code(201).send(await meetings.createPerson(db, req.actor(), req.body)));

  app.get('/meetings', {
    config: { policy: 'meetings.read' },
    schema: {
      tags,
      summary: 'Vergaderingen, nieuwste eerst',
      querystring: Type.Object({ bodyId: Type.Optional(Type.Integer({ minimum: 1 })) }, { additionalProperties: false }),
      response: { 200: Type.Object({ items: Type.Array(MeetingSummary) }), ...errors },
    },
  }, async (req) => ({ items: await meetings.listMeetings(db, req.query.bodyId) }));

  app.post('/meetings', {
    config: { policy: 'meetings.manage' },
    schema: {
      tags,
      summary: 'Vergadering met agenda vastleggen (voorstellen uit de escalatieladder komen op de agenda van het volgende LRT)',
      body: Type.Object(
        {
          bodyId: Type.Integer({ minimum: 1 }),
          date: Day,
          place: Type.Optional(Nullable(Type.String({ maxLength: 200 }))),
          items: Type.Array(Type.Object({ title: Type.String({ minLength: 1, maxLength: 500 }), documents: Type.Optional(Type.Array(Type.Object({ title: Type.String({ minLength: 1, maxLength: 300 }), ref: Type.Optional(Nullable(Type.String({ maxLength: 500 }))) }, { additionalProperties: false }), { maxItems: 50 })) }, { additionalProperties: false }), { maxItems: 50 }),
        },
        { additionalProperties: false },
      ),
      response: { 201: Meeting, ...errors },
    },
  }, async (req, reply) => reply.code(201).send(await meetings.createMeeting(db, req.actor(), req.body)));

  app.get('/meetings/:id', {
    config: { policy: 'meetings.read' },
    schema: { tags, summary: 'Een vergadering: agenda, aanwezigheid, vastgestelde verslagen, notulenversies', params: Id, response: { 200: Meeting, ...errors, 404: ProblemRef } },
  }, async (req) => meetings.getMeeting(db, req.params.id));

  app.put('/meetings/:id/attendance', {
    config: { policy: 'meetings.manage' },
    schema: {
      tags,
      summary: 'Aanwezigheid vastleggen: aanwezig, afwezig, vervangen door (één persoon kan meerdere leden vervangen), gasten',
      params: Id,
      body: Type.Object(
        {
          attendance: Type.Array(
            Type.Object(
              {
                personId: Type.Integer({ minimum: 1 }),
                status: Type.Union([Type.Literal('aanwezig'), Type.Literal('afwezig'), Type.Literal('vervangen'), Type.Literal('gast')]),
                substituteId: Type.Optional(Nullable(Type.Integer({ minimum: 1 }))),
                note: Type.Optional(Nullable(Type.String({ maxLength: 500 }))),
              },
              { additionalProperties: false },
            ),
            { maxItems: 200 },
          ),
        },
        { additionalProperties: false },
      ),
      response: { 200: Meeting, ...errors, 404: ProblemRef },
    },
  }, async (req) => meetings.recordAttendance(db, req.actor(), req.params.id, req.body.attendance));

  app.post('/meetings/:id/minutes', {
    config: { policy: 'meetings.manage' },
    schema: {
      tags,
      summary: 'Notulen beginnen (versie 1 naar de agenda) of een nieuwe versie als correctie van vastgestelde notulen',
      params: Id,
      body: Type.Object({ items: Type.Optional(Type.Array(MinutesItem, { maxItems: 50 })) }, { additionalProperties: false }),
      response: { 201: Minutes, ...errors, 404: ProblemRef, 409: ProblemRef },
    },
  }, async (req, reply) => reply.code(201).send(withRowVersion(reply, await meetings.createMinutes(db, req.actor(), req.params.id, req.body.items as meetings.MinutesItem[] | undefined))));

  app.get('/minutes/:id', {
    config: { policy: 'meetings.read' },
    schema: { tags, summary: 'Notulen', params: Id, response: { 200: Minutes, ...errors, 404: ProblemRef } },
  }, async (req, reply) => withRowVersion(reply, await meetings.getMinutes(db, req.params.id)));

  app.put('/minutes/:id', {
    config: { policy: 'meetings.manage' },
    schema: {
      tags,
      summary: 'Notulen bewerken (zolang niet vastgesteld); If-Match verplicht',
      params: Id,
      body: Type.Object({ items: Type.Array(MinutesItem, { maxItems: 50 }) }, { additionalProperties: false }),
      response: { 200: Minutes, ...errors, 404: ProblemRef, 409: ProblemRef, 412: ProblemRef, 428: ProblemRef },
    },
  }, async (req, reply) => withRowVersion(reply, await meetings.updateMinutes(db, req.actor(), req.params.id, versionFrom(req, undefined), req.body.items as meetings.MinutesItem[])));

  app.post('/minutes/:id/send', {
    config: { policy: 'meetings.manage' },
    schema: { tags, summary: 'Notulen naar de leden sturen; de acties erin komen op de actieagenda', params: Id, response: { 200: Minutes, ...errors, 404: ProblemRef, 409: ProblemRef, 412: ProblemRef, 428: ProblemRef } },
  }, async (req, reply) => withRowVersion(reply, await meetings.sendMinutes(db, req.actor(), req.params.id, versionFrom(req, undefined), dutchToday(new Date()))));

  app.post('/minutes/:id/approve', {
    config: { policy: 'meetings.manage' },
    schema: {
      tags,
      summary: 'Notulen vaststellen in een latere vergadering van hetzelfde overleg; daarna onveranderlijk',
      params: Id,
      body: Type.Object({ meetingId: Type.Integer({ minimum: 1 }) }, { additionalProperties: false }),
      response: { 200: Minutes, ...errors, 404: ProblemRef, 409: ProblemRef, 412: ProblemRef, 428: ProblemRef },
    },
  }, async (req, reply) => withRowVersion(reply, await meetings.approveMinutes(db, req.actor(), req.params.id, versionFrom(req, undefined), req.body.meetingId)));

  app.get('/meetings/:id/document', {
    config: { policy: 'meetings.read' },
    schema: {
      tags,
      summary: 'De agenda of de presentielijst van een vergadering als HTML of PDF',
      params: Id,
      querystring: Type.Object(
        { kind: Type.Union([Type.Literal('agenda'), Type.Literal('presentielijst')]), format: Type.Optional(Type.Union([Type.Literal('html'), Type.Literal('pdf')])) },
        { additionalProperties: false },
      ),
      produces: ['text/html', 'application/pdf'],
      response: { 200: Type.String(), ...errors, 404: ProblemRef },
    },
  }, async (req, reply) => {
    const format = req.query.format ?? 'html';
    const out = await woo.meetingDocument(db, req.params.id, req.query.kind, format);
    return format === 'pdf' ? reply.type('application/pdf').send(out) : reply.type('text/html; charset=utf-8').send(out);
  });

  app.get('/minutes/:id/document', {
    config: { policy: 'meetings.read' },
    schema: {
      tags,
      summary: 'Het verslag als HTML of PDF (niet weggelakt: voor de leden en het secretariaat)',
      params: Id,
      querystring: Type.Object({ format: Type.Optional(Type.Union([Type.Literal('html'), Type.Literal('pdf')])) }, { additionalProperties: false }),
      produces: ['text/html', 'application/pdf'],
      response: { 200: Type.String(), ...errors, 404: ProblemRef },
    },
  }, async (req, reply) => {
    const format = req.query.format ?? 'html';
    const out = await woo.sourceDocument(db, req.params.id, format);
    return format === 'pdf' ? reply.type('application/pdf').send(out) : reply.type('text/html; charset=utf-8').send(out);
  });

  app.get('/minutes/:id/woo/proposals', {
    config: { policy: 'woo.publish' },
    schema: { tags, summary: 'Voorgestelde weglakkingen (5.1.2e) in hun context', params: Id, response: { 200: Proposals, ...errors, 404: ProblemRef } },
  }, async (req) => woo.proposals(db, req.params.id));

  app.post('/minutes/:id/woo/reviews', {
    config: { policy: 'woo.publish' },
    schema: {
      tags,
      summary: 'Beoordeling vastleggen: elk voorstel geaccepteerd of afgewezen, plus handmatige weglakkingen',
      params: Id,
      body: Type.Object(
        {
          decisions: Type.Array(Type.Object({ key: Type.String({ maxLength: 200 }), accept: Type.Boolean() }, { additionalProperties: false }), { maxItems: 5000 }),
          manual: Type.Array(Type.Object({ field: Type.String({ maxLength: 100 }), start: Type.Integer({ minimum: 0 }), end: Type.Integer({ minimum: 1 }) }, { additionalProperties: false }), { maxItems: 1000 }),
        },
        { additionalProperties: false },
      ),
      response: { 201: Review, ...errors, 404: ProblemRef },
    },
  }, async (req, reply) => reply.code(201).send(await woo.review(db, req.actor(), req.params.id, req.body)));

  app.post('/minutes/:id/woo/publications', {
    config: { policy: 'woo.publish' },
    schema: {
      tags,
      summary: 'Vastgestelde notulen openbaar maken volgens een beoordeling (onveranderlijk, met hash en metadata)',
      params: Id,
      body: Type.Object({ reviewId: Type.Integer({ minimum: 1 }) }, { additionalProperties: false }),
      response: { 201: Type.Composite([Publication, Type.Object({ minutesId: Type.Integer() })]), ...errors, 404: ProblemRef, 409: ProblemRef },
    },
  }, async (req, reply) => reply.code(201).send(await woo.publish(db, req.actor(), req.params.id, req.body.reviewId, dutchToday(new Date()))));

  app.get('/woo/publications', {
    config: { policy: 'public.read' },
    schema: { tags, summary: 'Openbaar gemaakte verslagen (zonder inloggen)', response: { 200: Type.Object({ items: Type.Array(Publication) }), 400: ProblemRef } },
  }, async () => ({ items: await woo.listPublications(db) }));

  app.get('/woo/publications/:id', {
    config: { policy: 'public.read' },
    schema: {
      tags,
      summary: 'Een openbaar verslag: metadata (JSON), of het document als HTML of PDF',
      params: Id,
      querystring: Type.Object({ format: Type.Optional(Type.Union([Type.Literal('json'), Type.Literal('html'), Type.Literal('pdf')])) }, { additionalProperties: false }),
      produces: ['application/json', 'text/html', 'application/pdf'],
      response: { 200: Type.Unknown({ description: 'metadata (json), document (html) of pdf' }), 400: ProblemRef, 404: ProblemRef },
    },
  }, async (req, reply) => {
    const p = await woo.publication(db, req.params.id);
    const format = req.query.format ?? 'json';
    if (format === 'html') return reply.type('text/html; charset=utf-8').send(p.html);
    if (format === 'pdf') return reply.type('application/pdf').header('content-disposition', `inline; filename="verslag-${p.id}.pdf"`).send(p.pdf);
    return { id: p.id, title: p.title, publishedOn: p.published_on, sha256: p.sha256, metadata: p.metadata };
  });
};
