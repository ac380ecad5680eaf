import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type, type TSchema } from '@sinclair/typebox';
import { ProblemRef } from '../../platform/http/schemas.ts';
import { AppError } from '../../platform/http/errors.ts';
import { versionFrom } from '../../platform/http/versioning.ts';
import * as pipeline from './service.ts';
import { PROJECT_STATUSES } from '../../domain/pipeline/index.ts';
import { cachedJson } from '../../platform/db/read-cache.ts';

const tags = ['Woningbouwpijplijn'];
const errors = { 400: ProblemRef, 401: ProblemRef, 403: ProblemRef, 413: ProblemRef };
const Nullable = <T extends TSchema>(t: T) => Type.Union([t, Type.Null()]);
const Day = Type.String({ format: 'date' });
const Period = Type.String({ pattern: '^[0-9]{4}-(I|II)$', description: "Halfjaar, bijv. '2022-II'" });
const ProvinceCode = Type.String({ pattern: '^PV[0-9]{2}$' });
const MunicipalityCode = Type.String({ pattern: '^GM[0-9]{4}$' });
const TrackCode = Type.String({ pattern: '^[A-Z0-9][A-Z0-9-]{1,29}$' });
const Status = Type.Union(
  PROJECT_STATUSES.map((s) => Type.Literal(s)),
  { description: 'idee → planfase → vergund → in aanbouw → opgeleverd; vervallen kan tot de oplevering' },
);
const Cents = Type.Integer({ minimum: 1, maximum: 100_000_000_00, description: 'Kosten per woning in eurocent' });
const Id = Type.Object({ id: Type.Integer({ minimum: 1 }) });

const Track = Type.Object({
  code: Type.String(),
  name: Type.String(),
  provinceCode: Nullable(Type.String()),
  ownerOrganisation: Type.String(),
  description: Nullable(Type.String()),
  projects: Type.Integer(),
  units: Type.Integer({ description: 'Woningen in projecten die niet vervallen zijn' }),
  reservedUnits: Type.Integer({ description: 'Waarvan voor statushouders' }),
  version: Type.Integer(),
});
const Project = Type.Object({
  id: Type.Integer(),
  trackCode: Type.String(),
  reference: Type.String({ description: 'Projectcode van de partij, uniek binnen het spoor' }),
  name: Type.String(),
  municipalityCode: Type.String(),
  municipalityName: Type.String(),
  provinceCode: Type.String(),
  party: Type.String(),
  homeType: Type.String(),
  units: Type.Integer(),
  reservedUnits: Type.Integer(),
  expectedDelivery: Day,
  firstExpectedDelivery: Day,
  status: Status,
  costPerUnitCents: Nullable(Type.Integer()),
  version: Type.Integer(),
});
const DeliveryChange = Type.Object({ projectId: Type.Integer(), changedOn: Day, from: Day, to: Day, reason: Type.String(), recordedBy: Type.String() });
const ProjectDetail = Type.Composite([Project, Type.Object({ history: Type.Array(DeliveryChange) })]);
const Expected = { units: Type.Integer(), reservedUnits: Type.Integer(), projects: Type.Integer() };
const ExpectedMonth = Type.Object({ month: Type.String(), ...Expected });
const ExpectedHalfYear = Type.Object({ period: Type.String(), ...Expected });
const PricePoint = Type.Object({ group: Type.String(), period: Type.String(), meanCostPerUnitCents: Type.Integer(), projects: Type.Integer(), units: Type.Integer() });
const Overview = Type.Object({
  period: Type.String(),
  asOf: Day,
  province: Nullable(Type.String()),
  municipality: Nullable(Type.String()),
  personsPerHome: Type.String({ description: 'Personen per woning waarmee woningen in personen zijn omgerekend, bijv. 2,2' }),
  ledgerNote: Nullable(Type.String({ description: 'Waarom er niets verschuldigd is, als voor het halfjaar geen taakstelling is gepubliceerd' })),
  totals: Type.Object({
    due: Type.Integer({ description: 'Nog te huisvesten in het halfjaar: taakstelling plus achterstand min gerealiseerd (grootboek)' }),
    homesExpectedInPeriod: Type.Integer({ description: 'Woningen voor statushouders verwacht na de peildatum tot het einde van het halfjaar' }),
    homesExpectedLater: Type.Integer(),
    personsCovered: Type.Integer(),
    coveragePercent: Nullable(Type.Integer()),
    projects: Type.Integer(),
    slips: Type.Integer(),
  }),
  byMonth: Type.Array(ExpectedMonth),
  byHalfYear: Type.Array(ExpectedHalfYear),
  tracks: Type.Array(
    Type.Object({ code: Type.String(), name: Type.String(), ownerOrganisation: Type.String(), projects: Type.Integer(), homesExpectedInPeriod: Type.Integer(), homesExpectedLater: Type.Integer(), byMonth: Type.Array(ExpectedMonth) }),
  ),
  provinces: Type.Array(
    Type.Object({
      provinceCode: Type.String(),
      due: Type.Integer({ description: 'Som van wat de gemeenten nog verschuldigd zijn (een voorsprong telt als 0)' }),
      homesExpectedInPeriod: Type.Integer(),
      homesExpectedLater: Type.Integer(),
      personsCovered: Type.Integer(),
      coveragePercent: Nullable(Type.Integer()),
      projects: Type.Integer(),
      slips: Type.Integer(),
    }),
  ),
  municipalities: Type.Array(
    Type.Object({
      municipalityCode: Type.String(),
      name: Type.String(),
      provinceCode: Type.String(),
      due: Type.Integer(),
      homesExpectedInPeriod: Type.Integer(),
      homesExpectedLater: Type.Integer(),
      personsCovered: Type.Integer(),
      coveragePercent: Nullable(Type.Integer()),
      projects: Type.Integer(),
      slips: Type.Integer(),
    }),
  ),
  slips: Type.Array(
    Type.Object({
      projectId: Type.Integer(),
      name: Type.String(),
      trackCode: Type.String(),
      municipalityCode: Type.String(),
      municipalityName: Type.String(),
      status: Status,
      reservedUnits: Type.Integer(),
      firstExpectedDelivery: Day,
      expectedDelivery: Day,
      delayDays: Type.Integer(),
      moves: Type.Integer(),
      lastChangedOn: Nullable(Day),
      lastReason: Nullable(Type.String()),
    }),
  ),
  prices: Type.Object({ byTrack: Type.Array(PricePoint), byProvince: Type.Array(PricePoint) }),
});
const UploadResult = Type.Object({ uploadId: Type.Integer(), lines: Type.Integer(), created: Type.Integer(), changed: Type.Integer(), unchanged: Type.Integer() });

const text = (max: number) => Type.String({ minLength: 1, maxLength: max });
const ProjectBody = Type.Object(
  {
    trackCode: TrackCode,
    reference: text(60),
    name: text(200),
    municipalityCode: MunicipalityCode,
    party: text(200),
    homeType: text(100),
    units: Type.Integer({ minimum: 1, maximum: 100_000 }),
    reservedUnits: Type.Integer({ minimum: 0, maximum: 100_000 }),
    expectedDelivery: Day,
    status: Status,
    costPerUnitCents: Type.Optional(Nullable(Cents)),
  },
  { additionalProperties: false },
);
const ProjectPatch = Type.Object(
  {
    name: Type.Optional(text(200)),
    party: Type.Optional(text(200)),
    homeType: Type.Optional(text(100)),
    units: Type.Optional(Type.Integer({ minimum: 1, maximum: 100_000 })),
    reservedUnits: Type.Optional(Type.Integer({ minimum: 0, maximum: 100_000 })),
    status: Type.Optional(Status),
    costPerUnitCents: Type.Optional(Nullable(Cents)),
    expectedDelivery: Type.Optional(Day),
    reason: Type.Optional(Type.String({ maxLength: 1000, description: 'Verplicht als de opleverdatum verschuift' })),
  },
  { additionalProperties: false, minProperties: 1 },
);

export const pipelineRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const db = app.database.db;
  const withVersion = <T extends { version: number }>(reply: { header: (k: string, v: string) => unknown }, x: T) => {
    reply.header('ETag', `"${x.version}"`);
    return x;
  };

  app.get('/pipeline/tracks', {
    config: { policy: 'pipeline.read' },
    schema: { tags, summary: 'Sporen die woningen voor statushouders opleveren (flexwoningen, transformatie, reguliere toewijzing, gastgezinnen)', response: { 200: Type.Object({ items: Type.Array(Track) }), ...errors } },
  }, async () => ({ items: await pipeline.listTracks(db) }));

  app.post('/pipeline/tracks', {
    config: { policy: 'pipeline.configure' },
    schema: {
      tags,
      summary: 'Spoor vastleggen (secretariaat)',
      body: Type.Object(
        { code: TrackCode, name: text(200), provinceCode: Type.Optional(Nullable(ProvinceCode)), ownerOrganisation: text(200), description: Type.Optional(Nullable(Type.String({ maxLength: 2000 }))) },
        { additionalProperties: false },
      ),
      response: { 201: Track, ...errors, 409: ProblemRef },
    },
  }, async (req, reply) => reply.code(201).send(await pipeline.createTrack(db, req.actor(), req.body)));

  app.get('/pipeline/projects', {
    config: { policy: 'pipeline.read' },
    schema: {
      tags,
      summary: 'Projecten, op volgorde van verwachte oplevering',
      querystring: Type.Object({ province: Type.Optional(ProvinceCode), municipality: Type.Optional(MunicipalityCode), track: Type.Optional(TrackCode) }, { additionalProperties: false }),
      response: { 200: Type.Object({ items: Type.Array(Project) }), ...errors },
    },
  }, async (req) => ({ items: await pipeline.listProjects(db, req.query) }));

  app.post('/pipeline/projects', {
    config: {
      policy: 'pipeline.manage',
      // Runs before validation: the body is still raw.
      scope: async (req) => {
        const code = String((req.body as { municipalityCode?: unknown } | undefined)?.municipalityCode ?? '').toUpperCase();
        return /^GM\d{4}$/.test(code) ? { municipalityCode: code, provinceCode: await pipeline.provinceOf(db, code) } : {};
      },
    },
    schema: { tags, summary: 'Project vastleggen (binnen de eigen gemeente of provincie)', body: ProjectBody, response: { 201: ProjectDetail, ...errors, 409: ProblemRef } },
  }, async (req, reply) => reply.code(201).send(withVersion(reply, await pipeline.createProject(db, req.actor(), req.body))));

  app.get('/pipeline/projects/:id', {
    config: { policy: 'pipeline.read' },
    schema: { tags, summary: 'Een project met de geschiedenis van de opleverdatum', params: Id, response: { 200: ProjectDetail, ...errors, 404: ProblemRef } },
  }, async (req, reply) => withVersion(reply, await pipeline.getProject(db, req.params.id)));

  app.patch('/pipeline/projects/:id', {
    config: {
      policy: 'pipeline.manage',
      scope: async (req) => (await pipeline.projectScope(db, Number((req.params as { id?: string }).id))) ?? {},
    },
    schema: {
      tags,
      summary: 'Project bijwerken: status, aantallen, kosten, of een nieuwe opleverdatum met reden; If-Match verplicht',
      params: Id,
      body: ProjectPatch,
      response: { 200: ProjectDetail, ...errors, 404: ProblemRef, 412: ProblemRef, 428: ProblemRef },
    },
  }, async (req, reply) => withVersion(reply, await pipeline.updateProject(db, req.actor(), req.params.id, versionFrom(req, undefined), req.body)));

  app.post('/pipeline/uploads', {
    config: { policy: 'pipeline.upload' },
    bodyLimit: 15 * 1024 * 1024,
    schema: {
      tags,
      summary: 'Projecten in bulk (CSV of Excel): elke regel gecontroleerd, alles of niets; hetzelfde bestand twee keer verandert niets',
      body: Type.Object(
        {
          format: Type.Union([Type.Literal('csv'), Type.Literal('xlsx')]),
          content: Type.String({ minLength: 1, description: 'CSV-tekst, of bij xlsx de inhoud in base64' }),
          fileName: Type.Optional(Type.String({ maxLength: 255 })),
        },
        { additionalProperties: false },
      ),
      response: { 201: UploadResult, ...errors, 422: ProblemRef },
    },
  }, async (req, reply) => {
    const content = req.body.format === 'xlsx' ? Buffer.from(req.body.content, 'base64') : Buffer.from(req.body.content, 'utf8');
    if (req.body.format === 'xlsx' && content.length === 0) throw new AppError(400, 'bestand-onleesbaar', 'Ongeldige invoer', 'De Excel-inhoud is geen base64.');
    return reply.code(201).send(await pipeline.uploadProjects(db, req.actor(), { content, format: req.body.format, fileName: req.body.fileName }));
  });

  app.get('/pipeline/overview', {
    config: { policy: 'pipeline.read' },
    schema: {
      tags,
      summary: 'Pijplijn tegen wat verschuldigd is: dekking per gemeente, verwachte woningen per maand en halfjaar per spoor, verschoven projecten, prijs per woning',
      querystring: Type.Object(
        {
          period: Period,
          asOf: Type.Optional(Day),
          province: Type.Optional(ProvinceCode),
          municipality: Type.Optional(MunicipalityCode),
          personsPerHome: Type.Optional(Type.String({ pattern: '^[0-9]{1,2}([.,][0-9]{1,3})?$', description: "Personen per woning, bijv. '2,2' (standaard)" })),
        },
        { additionalProperties: false },
      ),
      response: { 200: Overview, ...errors, 404: ProblemRef },
    },
  }, async (req, reply) => cachedJson(reply, db, 'pipeline.overview', req.query, (trx) => pipeline.overview(trx, req.query)));
};
