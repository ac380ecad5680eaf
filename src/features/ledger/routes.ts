import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { ProblemRef } from '../../platform/http/schemas.ts';
import { AppError } from '../../platform/http/errors.ts';
import { periodRange, uploadRealisations } from './realisations.ts';
import { realisationUploadTask, type RealisationTaskInput } from './upload-task.ts';
import { TaskStarted, accepted } from '../tasks/routes.ts';
import * as ledger from './service.ts';
import { ExcuseRecorded, LadderStep, MunicipalityLedger, Overview, StepDecided, SwapRecorded } from './schemas.ts';
import { LedgerError, periodOf } from '../../domain/ledger/index.ts';
import { provinceOfMunicipality } from '../regions/service.ts';
import { cachedJson } from '../../platform/db/read-cache.ts';

const tags = ['Taakstelling en realisatie'];
const errors = { 400: ProblemRef, 401: ProblemRef, 403: ProblemRef, 413: ProblemRef, 422: ProblemRef };
const UploadResult = Type.Object({
  uploadId: Type.Union([Type.Integer(), Type.Null()]),
  alreadyUploaded: Type.Boolean({ description: 'Hetzelfde bestand was al ingelezen: er is niets gewijzigd' }),
  lineCount: Type.Integer(),
  newCount: Type.Integer(),
  skippedCount: Type.Integer({ description: 'Regels die al uit een eerder bestand bekend waren' }),
  period: Type.String(),
});

const UploadBody = Type.Object(
  {
    period: Type.String({ pattern: '^[0-9]{4}-(I|II)$', description: 'Halfjaar waarin alle datums moeten vallen' }),
    format: Type.Union([Type.Literal('csv'), Type.Literal('xlsx')]),
    content: Type.String({ minLength: 1, description: 'CSV-tekst, of bij xlsx de inhoud in base64' }),
    fileName: Type.Optional(Type.String({ maxLength: 255 })),
  },
  { additionalProperties: false },
);

export const ledgerRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const db = app.database.db;

  app.post('/realisations/uploads', {
    config: { policy: 'realisation.upload' },
    bodyLimit: 200 * 1024 * 1024,
    schema: {
      tags,
      summary: 'COA-realisatielijst inlezen (CSV of Excel, base64 bij Excel); elke regel gecontroleerd, alles of niets, tweemaal hetzelfde bestand verandert niets',
      body: UploadBody,
      response: { 201: UploadResult, 200: UploadResult, ...errors },
    },
  }, async (req, reply) => {
    const content = uploadedContent(req.body);
    const r = await uploadRealisations(db, req.actor(), { content, format: req.body.format, period: req.body.period, fileName: req.body.fileName, source: 'coa' });
    return reply.code(r.alreadyUploaded ? 200 : 201).send(r);
  });

  app.post('/realisations/uploads/tasks', {
    config: { policy: 'realisation.upload' },
    bodyLimit: 200 * 1024 * 1024,
    schema: {
      tags,
      summary: 'COA-realisatielijst op de achtergrond inlezen (zelfde controle en alles of niets): 202 met Location; volg de voortgang met GET /api/v1/tasks/{id}',
      body: UploadBody,
      response: { 202: TaskStarted, ...errors },
    },
  }, async (req, reply) => {
    const content = uploadedContent(req.body);
    // The half-year is checked now: a typing error is a 400 at once, not a failed task later.
    periodRange(req.body.period);
    const input: RealisationTaskInput = { period: req.body.period, format: req.body.format, ...(req.body.fileName ? { fileName: req.body.fileName } : {}) };
    return accepted(reply, await app.tasks.submit(req.actor(), realisationUploadTask.kind, input, { data: content, name: req.body.fileName ?? null }));
  });
};

function uploadedContent(body: { format: 'csv' | 'xlsx'; content: string }): Buffer {
  const content = body.format === 'xlsx' ? Buffer.from(body.content, 'base64') : Buffer.from(body.content, 'utf8');
  if (body.format === 'xlsx' && content.length === 0) throw new AppError(400, 'bestand-onleesbaar', 'Ongeldige invoer', 'De Excel-inhoud is geen base64.');
  return content;
}

const Period = Type.String({ pattern: '^[0-9]{4}-(I|II)$', examples: ['2022-II'] });
const Code = Type.Object({ code: Type.String({ pattern: '^GM[0-9]{4}$' }) });
const ProvinceCode = Type.String({ pattern: '^PV[0-9]{2}$', examples: ['PV27'] });
const MapClass = Type.Union([Type.Literal('behaald'), Type.Literal('bijna'), Type.Literal('achter'), Type.Literal('geen taak')]);
const Legend = Type.Array(Type.Object({ class: MapClass, label: Type.String() }));
const MapItem = Type.Object({
  code: Type.String(),
  name: Type.String(),
  provinceCode: Type.String(),
  corrected: Type.Integer({ description: 'Gecorrigeerde taakstelling' }),
  realised: Type.Integer({ description: 'Gerealiseerd (personen, COA-telling)' }),
  percentage: Type.Union([Type.Number(), Type.Null()], { description: 'Percentage gerealiseerd, één decimaal, half naar boven afgerond; null als er niets te doen was' }),
  class: MapClass,
});
const MapPreview = Type.Object({ period: Type.String(), asOf: Type.String({ format: 'date' }), legend: Legend, items: Type.Array(MapItem) });
const PublishedMap = Type.Object({
  period: Type.String(),
  legend: Legend,
  provinces: Type.Array(
    Type.Object({
      code: Type.String(),
      name: Type.String(),
      published: Type.Union([Type.Object({ version: Type.Integer(), asOf: Type.String({ format: 'date' }), publishedAt: Type.String({ format: 'date-time' }) }), Type.Null()], {
        description: 'null: deze provincie heeft de kaart van dit halfjaar nog niet gepubliceerd',
      }),
    }),
  ),
  items: Type.Array(MapItem, { description: 'Alleen gemeenten van provincies die publiceerden, met de cijfers van hun laatste publicatie' }),
});
const Publication = Type.Object({
  id: Type.Integer(),
  period: Type.String(),
  provinceCode: Type.String(),
  provinceName: Type.String(),
  version: Type.Integer(),
  asOf: Type.String({ format: 'date' }),
  publishedAt: Type.String({ format: 'date-time' }),
  municipalities: Type.Integer(),
});

export const ledgerReadRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const db = app.database.db;
  // Runs before validation: the code is still raw.
  const provinceOf = async (req: { params: unknown }) => {
    const code = String((req.params as { code?: string }).code ?? '').toUpperCase();
    return /^GM\d{4}$/.test(code) ? { provinceCode: await provinceOfMunicipality(db, code) } : {};
  };

  app.get('/ledger', {
    config: { policy: 'ledger.read' },
    schema: {
      tags,
      summary: 'Grootboeken van een halfjaar: per gemeente taakstelling, achterstand, gecorrigeerde taakstelling, realisatie, tempo en toezichtstap (nieuw achter eerst)',
      querystring: Type.Object({ period: Period, province: Type.Optional(Type.String({ pattern: '^PV[0-9]{2}$' })), asOf: Type.Optional(Type.String({ format: 'date' })) }, { additionalProperties: false }),
      response: { 200: Overview, ...errors, 404: ProblemRef },
    },
  }, async (req, reply) => cachedJson(reply, db, 'ledger.overview', req.query, (trx) => ledger.overview(trx, req.query)));

  app.get('/ledger/public-map', {
    config: { policy: 'public.read' },
    schema: {
      tags,
      summary: 'Openbare halfjaarkaart: per gemeente het percentage van de gecorrigeerde taakstelling dat is gerealiseerd, in drie klassen, zoals de provincie het publiceerde',
      querystring: Type.Object({ period: Period }, { additionalProperties: false }),
      response: { 200: PublishedMap, 400: ProblemRef, 404: ProblemRef },
    },
  }, async (req, reply) => cachedJson(reply, db, 'ledger.publishedMap', req.query.period, (trx) => ledger.publishedMap(trx, req.query.period)));

  app.get('/ledger/public-map/preview', {
    config: { policy: 'ledger.read' },
    schema: {
      tags,
      summary: 'Voorbeeld van de halfjaarkaart met de cijfers van nu (wat een publicatie zou vastleggen)',
      querystring: Type.Object({ period: Period, province: Type.Optional(ProvinceCode) }, { additionalProperties: false }),
      response: { 200: MapPreview, ...errors, 404: ProblemRef },
    },
  }, async (req) => ledger.mapFigures(db, req.query.period, req.query.province));

  app.post('/ledger/public-map/publications', {
    config: {
      policy: 'ledger.supervise',
      // Runs before validation: the body is still raw.
      scope: (req) => {
        const code = String((req.body as { provinceCode?: unknown } | undefined)?.provinceCode ?? '').toUpperCase();
        return /^PV\d{2}$/.test(code) ? { provinceCode: code } : {};
      },
    },
    schema: {
      tags,
      summary: 'De halfjaarkaart van een provincie publiceren (na afloop van het halfjaar): de cijfers worden vastgelegd als nieuwe versie',
      body: Type.Object({ period: Period, provinceCode: ProvinceCode }, { additionalProperties: false }),
      response: { 201: Publication, ...errors, 404: ProblemRef, 409: ProblemRef },
    },
  }, async (req, reply) => reply.code(201).send(await ledger.publishMap(db, req.actor(), req.body)));

  app.get('/ledger/:code', {
    config: { policy: 'ledger.read' },
    schema: {
      tags,
      summary: 'Het grootboek van één gemeente: halfjaren, maanden met tempo, toezichtladder met suggestie, COA-telling naast eigen telling',
      params: Code,
      querystring: Type.Object({ asOf: Type.Optional(Type.String({ format: 'date', description: 'De stand op deze datum (standaard vandaag)' })) }, { additionalProperties: false }),
      response: { 200: MunicipalityLedger, ...errors, 404: ProblemRef },
    },
  }, async (req) => ledger.municipalityLedger(db, req.params.code, req.query.asOf));

  app.post('/ledger/:code/steps', {
    config: { policy: 'ledger.supervise', scope: provinceOf },
    schema: {
      tags,
      summary: 'Toezichtstap vastleggen (provincie): één trede omhoog of terug, met datum en reden',
      params: Code,
      body: Type.Object(
        {
          step: LadderStep,
          date: Type.String({ format: 'date' }),
          reason: Type.String({ minLength: 1, maxLength: 2000 }),
          documents: Type.Optional(Type.Array(Type.String({ maxLength: 500 }), { maxItems: 20 })),
        },
        { additionalProperties: false },
      ),
      response: { 201: StepDecided, ...errors },
    },
  }, async (req, reply) => reply.code(201).send(await ledger.decideStep(db, req.actor(), req.params.code, req.body)));

  app.post('/ledger/swaps', {
    config: {
      policy: 'ledger.supervise',
      // Runs before validation: the province of the municipality that hands over part of its task.
      scope: async (req) => {
        const from = String((req.body as { from?: unknown } | undefined)?.from ?? '').toUpperCase();
        return /^GM\d{4}$/.test(from) ? { provinceCode: await provinceOfMunicipality(db, from) } : {};
      },
    },
    schema: {
      tags,
      summary: 'Ruil van taakstelling vastleggen (Huisvestingswet art. 29 lid 2): "to" neemt "amount" over van "from", binnen één provincie',
      body: Type.Object(
        {
          period: Period,
          from: Type.String({ pattern: '^GM[0-9]{4}$' }),
          to: Type.String({ pattern: '^GM[0-9]{4}$' }),
          amount: Type.Integer({ minimum: 1 }),
          reason: Type.String({ minLength: 1, maxLength: 2000 }),
        },
        { additionalProperties: false },
      ),
      response: { 201: SwapRecorded, ...errors, 404: ProblemRef },
    },
  }, async (req, reply) => reply.code(201).send(await ledger.recordSwap(db, req.actor(), req.body)));

  app.post('/ledger/:code/excuses', {
    config: { policy: 'ledger.supervise', scope: provinceOf },
    schema: {
      tags,
      summary: 'Vrijstelling voor een periode vastleggen (bevriest de toezichtstap), met reden',
      params: Code,
      body: Type.Object(
        { from: Type.String({ format: 'date' }), to: Type.String({ format: 'date' }), reason: Type.String({ minLength: 1, maxLength: 2000 }) },
        { additionalProperties: false },
      ),
      response: { 201: ExcuseRecorded, ...errors },
    },
  }, async (req, reply) => reply.code(201).send(await ledger.recordExcuse(db, req.actor(), req.params.code, req.body)));

  app.post('/ledger/:code/realisations', {
    config: {
      policy: 'realisation.record',
      scope: (req) => ({ municipalityCode: String((req.params as { code?: string }).code ?? '').toUpperCase() }),
    },
    schema: {
      tags,
      summary: 'Eigen telling van de gemeente: gehuisveste personen vastleggen (naast de COA-telling, niet eroverheen)',
      params: Code,
      body: Type.Object(
        {
          date: Type.String({ format: 'date' }),
          persons: Type.Integer({ minimum: 1, maximum: 100 }),
          householdSize: Type.Optional(Type.Integer({ minimum: 1, maximum: 100 })),
          coaNumber: Type.Optional(Type.String({ maxLength: 50 })),
        },
        { additionalProperties: false },
      ),
      response: { 201: UploadResult, 200: UploadResult, ...errors },
    },
  }, async (req, reply) => {
    const { date, persons, householdSize, coaNumber } = req.body;
    let period: string;
    try {
      period = periodOf(date);
    } catch (e) {
      if (e instanceof LedgerError) throw new AppError(400, e.code, 'Ongeldige invoer', e.message, [{ name: 'date', code: e.code, reason: e.message }]);
      throw e;
    }
    const csv = `gemeentecode,datum,personen,huishoudgrootte,coa_nummer\n${req.params.code},${date},${persons},${householdSize ?? ''},${(coaNumber ?? '').replace(/[",\n]/g, ' ')}\n`;
    const r = await uploadRealisations(db, req.actor(), { content: Buffer.from(csv), format: 'csv', period, source: 'gemeente', fileName: 'handmatig' });
    return reply.code(r.alreadyUploaded ? 200 : 201).send(r);
  });
};
