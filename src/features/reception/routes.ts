import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { ProblemRef } from '../../platform/http/schemas.ts';
import { AppError } from '../../platform/http/errors.ts';
import * as reception from './service.ts';
import { Alerts, CapacityEvent, LocationBody, LocationCode, LocationDetail, LocationList, LocationSummary, NationalReception, OccupancyUploadResult } from './schemas.ts';
import { cachedJson } from '../../platform/db/read-cache.ts';

const tags = ['Opvang'];
const errors = { 400: ProblemRef, 401: ProblemRef, 403: ProblemRef, 413: ProblemRef, 422: ProblemRef };
const Code = Type.Object({ code: LocationCode });

export const receptionRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const db = app.database.db;

  app.get('/reception', {
    config: { policy: 'reception.read' },
    schema: {
      tags,
      summary: 'Landelijk beeld van de opvang op een dag: bezetting tegen capaciteit per soort, aanmeldcentra tegen hun norm, wachtende statushouders, capaciteit per provincie tegen het capaciteitsbesluit',
      querystring: Type.Object({ asOf: Type.Optional(Type.String({ format: 'date', description: 'Standaard de laatste dag met cijfers' })) }, { additionalProperties: false }),
      response: { 200: NationalReception, ...errors },
    },
  }, async (req, reply) => cachedJson(reply, db, 'reception.national', req.query.asOf ?? null, (trx) => reception.nationalReception(trx, req.query.asOf)));

  app.get('/reception/locations', {
    config: { policy: 'reception.read' },
    schema: {
      tags,
      summary: 'Opvanglocaties met capaciteit, norm en het laatste cijfer op of voor een dag',
      querystring: Type.Object({ asOf: Type.Optional(Type.String({ format: 'date' })) }, { additionalProperties: false }),
      response: { 200: LocationList, ...errors },
    },
  }, async (req) => reception.listLocations(db, req.query.asOf));

  app.post('/reception/locations', {
    config: { policy: 'reception.manage' },
    schema: {
      tags,
      summary: 'Opvanglocatie vastleggen met capaciteitsgebeurtenissen en normen',
      body: LocationBody,
      response: { 201: LocationSummary, ...errors, 409: ProblemRef },
    },
  }, async (req, reply) => reply.code(201).send(await reception.createLocation(db, req.actor(), { ...req.body, code: req.body.code.toUpperCase() } as reception.LocationInput)));

  app.get('/reception/locations/:code', {
    config: { policy: 'reception.read' },
    schema: {
      tags,
      summary: 'Eén opvanglocatie: bezetting per dag naast capaciteit en norm, dagen boven de norm, reeksen, voorspelling van de volgende overschrijding met haar fout, boeteteller',
      params: Code,
      querystring: Type.Object({ from: Type.Optional(Type.String({ format: 'date' })), to: Type.Optional(Type.String({ format: 'date' })) }, { additionalProperties: false }),
      response: { 200: LocationDetail, ...errors, 404: ProblemRef },
    },
  }, async (req) => reception.locationDetail(db, req.params.code.toUpperCase(), req.query));

  app.post('/reception/locations/:code/events', {
    config: { policy: 'reception.manage' },
    schema: {
      tags,
      summary: 'Capaciteit wijzigen: opening, uitbreiding, inkrimping of sluiting',
      params: Code,
      body: Type.Object({ ...CapacityEvent.properties, reason: Type.Optional(Type.String({ maxLength: 2000 })) }, { additionalProperties: false }),
      response: {
        201: Type.Object({ id: Type.Integer(), locationCode: Type.String(), date: Type.String({ format: 'date' }), kind: Type.String(), places: Type.Integer(), reason: Type.Union([Type.String(), Type.Null()]), capacity: Type.Integer() }),
        ...errors,
        404: ProblemRef,
      },
    },
  }, async (req, reply) => reply.code(201).send(await reception.addCapacityEvent(db, req.actor(), req.params.code.toUpperCase(), req.body as Parameters<typeof reception.addCapacityEvent>[3])));

  app.post('/reception/locations/:code/occupancy', {
    config: { policy: 'occupancy.upload' },
    schema: {
      tags,
      summary: 'Bezetting van één locatie op één dag (COA); een afwijkend cijfer voor een dag die al bekend is alleen met correction: true',
      params: Code,
      body: Type.Object(
        {
          date: Type.String({ format: 'date' }),
          occupancy: Type.Integer({ minimum: 0, maximum: 100_000 }),
          permitHolders: Type.Optional(Type.Integer({ minimum: 0, maximum: 100_000 })),
          correction: Type.Optional(Type.Boolean()),
        },
        { additionalProperties: false },
      ),
      response: { 201: OccupancyUploadResult, 200: OccupancyUploadResult, ...errors },
    },
  }, async (req, reply) => {
    const r = await reception.recordOccupancy(db, req.actor(), req.params.code.toUpperCase(), req.body);
    return reply.code(r.newCount + r.correctedCount > 0 ? 201 : 200).send(r);
  });

  app.post('/reception/occupancy/uploads', {
    config: { policy: 'occupancy.upload' },
    bodyLimit: 100 * 1024 * 1024,
    schema: {
      tags,
      summary: 'COA-bezettingslijst inlezen (locatiecode,datum,bezetting[,statushouders]; CSV of Excel in base64): elke regel gecontroleerd, alles of niets, tweemaal hetzelfde bestand verandert niets',
      body: Type.Object(
        {
          format: Type.Union([Type.Literal('csv'), Type.Literal('xlsx')]),
          content: Type.String({ minLength: 1, description: 'CSV-tekst, of bij xlsx de inhoud in base64' }),
          fileName: Type.Optional(Type.String({ maxLength: 255 })),
          corrections: Type.Optional(Type.Boolean({ description: 'Afwijkende cijfers voor bekende dagen vervangen (de oude blijven in de audittrail)' })),
        },
        { additionalProperties: false },
      ),
      response: { 201: OccupancyUploadResult, 200: OccupancyUploadResult, ...errors },
    },
  }, async (req, reply) => {
    const content = req.body.format === 'xlsx' ? Buffer.from(req.body.content, 'base64') : Buffer.from(req.body.content, 'utf8');
    if (req.body.format === 'xlsx' && content.length === 0) throw new AppError(400, 'bestand-onleesbaar', 'Ongeldige invoer', 'De Excel-inhoud is geen base64.');
    const r = await reception.uploadOccupancy(db, req.actor(), { content, format: req.body.format, fileName: req.body.fileName, corrections: req.body.corrections ?? false });
    return reply.code(r.alreadyUploaded ? 200 : 201).send(r);
  });

  app.get('/reception/alerts', {
    config: { policy: 'reception.read' },
    schema: {
      tags,
      summary: 'Meldingen van normoverschrijdingen voor wie de locatie volgt (landelijke rollen, de provincie en de gemeente van de locatie)',
      querystring: Type.Object({ limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500 })) }, { additionalProperties: false }),
      response: { 200: Alerts, ...errors },
    },
  }, async (req) => ({ items: await reception.listAlerts(db, req.principal, { limit: req.query.limit }) }));
};
