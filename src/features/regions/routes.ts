import { Type } from '@sinclair/typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { ProblemRef } from '../../platform/http/schemas.ts';
import { optionalVersion, withEtag } from '../../platform/http/versioning.ts';
import * as service from './service.ts';
import {
  CoverageResponse,
  MunicipalitiesQuery,
  MunicipalitiesResponse,
  MunicipalityCode,
  MunicipalityResponse,
  PopulationResponse,
  ProvinceCode,
  ProvinceResponse,
  ProvincesResponse,
  ReorganisationsResponse,
  Year,
  YearQuery,
  ProvinceFigure,
  ProvinceFigureBody,
  ProvinceFigureParams,
  ImportBody,
  ImportResponse,
} from './schemas.ts';

const tags = ['Regio’s'];

export const regionsRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const db = app.database.db;
  const yearOr = async (year: number | undefined) => year ?? (await service.coverage(db)).defaultYear;

  app.get('/regions/coverage', {
    config: { policy: 'public.read' },
    schema: {
      tags,
      summary: 'Beschikbare jaren (gemeentelijke indeling) en peildata (inwonertallen)',
      response: { 200: CoverageResponse, 404: ProblemRef },
    },
  }, async () => service.coverage(db));

  app.get('/provinces', {
    config: { policy: 'public.read' },
    schema: {
      tags,
      summary: 'De 12 provincies met hun aantal gemeenten en inwonertal',
      querystring: YearQuery,
      response: { 200: ProvincesResponse, 400: ProblemRef, 404: ProblemRef },
    },
  }, async (req) => service.provinces(db, await yearOr(req.query.year)));

  app.get('/provinces/:code', {
    config: { policy: 'public.read' },
    schema: {
      tags,
      summary: 'Eén provincie met haar gemeenten',
      params: Type.Object({ code: ProvinceCode }),
      querystring: YearQuery,
      response: { 200: ProvinceResponse, 400: ProblemRef, 404: ProblemRef },
    },
  }, async (req) => service.province(db, req.params.code, await yearOr(req.query.year)));

  app.get('/municipalities', {
    config: { policy: 'public.read' },
    schema: {
      tags,
      summary: 'De gemeenten op 1 januari van een jaar, met inwonertal, peildatum en status',
      querystring: MunicipalitiesQuery,
      response: { 200: MunicipalitiesResponse, 400: ProblemRef, 404: ProblemRef },
    },
  }, async (req) => service.municipalities(db, await yearOr(req.query.year), req.query.province));

  app.get('/municipalities/:code', {
    config: { policy: 'public.read' },
    schema: {
      tags,
      summary: 'Eén gemeente',
      params: Type.Object({ code: MunicipalityCode }),
      querystring: YearQuery,
      response: { 200: MunicipalityResponse, 400: ProblemRef, 404: ProblemRef },
    },
  }, async (req) => service.municipality(db, req.params.code, await yearOr(req.query.year)));

  app.get('/reorganisations', {
    config: { policy: 'public.read' },
    schema: {
      tags,
      summary: 'Gemeentelijke herindelingen (samenvoeging, toevoeging, opsplitsing) met ingangsdatum',
      querystring: Type.Object({ year: Type.Optional(Year) }, { additionalProperties: false }),
      response: { 200: ReorganisationsResponse, 400: ProblemRef },
    },
  }, async (req) => service.reorganisations(db, req.query.year));

  app.get('/population/:referenceDate', {
    config: { policy: 'public.read' },
    schema: {
      tags,
      summary: 'Inwonertallen per gemeente op een peildatum, zoals vastgelegd (met status en bron)',
      params: Type.Object({ referenceDate: Type.String({ format: 'date' }) }),
      response: { 200: PopulationResponse, 400: ProblemRef, 404: ProblemRef },
    },
  }, async (req) => service.populationOn(db, req.params.referenceDate));

  const writeErrors = { 400: ProblemRef, 401: ProblemRef, 403: ProblemRef, 404: ProblemRef, 412: ProblemRef, 422: ProblemRef, 428: ProblemRef };

  app.post('/population/imports', {
    config: { policy: 'population.import' },
    bodyLimit: 20 * 1024 * 1024,
    schema: {
      tags,
      summary: 'Inwonertallen inlezen (eigen CSV of CBS StatLine-export); bij één foute regel wordt niets ingelezen',
      body: ImportBody,
      response: { 201: ImportResponse, ...writeErrors },
    },
  }, async (req, reply) => {
    const result = await service.importPopulation(db, req.actor(), {
      text: req.body.content,
      fileName: req.body.fileName,
      status: req.body.status,
      source: req.body.source,
    });
    return reply.code(201).send(result);
  });

  // Runs before validation: the code is still the raw text from the path.
  const scopeOfMunicipality = async (req: { params: unknown }) => {
    const code = String((req.params as { code: string }).code).toUpperCase();
    return /^GM\d{4}$/.test(code) ? { provinceCode: await service.provinceOfMunicipality(db, code) } : {};
  };

  app.get('/municipalities/:code/population-set-by-province/:referenceDate', {
    config: { policy: 'public.read' },
    schema: {
      tags,
      summary: 'Het inwonertal dat de provincie vaststelde (Huisvestingswet art. 30), met ETag',
      params: ProvinceFigureParams,
      response: { 200: ProvinceFigure, 400: ProblemRef, 404: ProblemRef },
    },
  }, async (req, reply) => withEtag(reply, await service.provinceFigure(db, req.params.code, req.params.referenceDate)));

  app.put('/municipalities/:code/population-set-by-province/:referenceDate', {
    config: { policy: 'population.set-by-province', scope: scopeOfMunicipality },
    schema: {
      tags,
      summary: 'Inwonertal vastleggen dat de provincie vaststelde; wijzigen vraagt If-Match (of version)',
      params: ProvinceFigureParams,
      body: ProvinceFigureBody,
      response: { 200: ProvinceFigure, 201: ProvinceFigure, ...writeErrors },
    },
  }, async (req, reply) => {
    // Creating needs no version; changing does (the service answers 428 without one).
    const expectedVersion = optionalVersion(req, req.body.version);
    const { created, ...figure } = await service.setPopulationByProvince(db, req.actor(), {
      municipalityCode: req.params.code,
      referenceDate: req.params.referenceDate,
      inhabitants: req.body.inhabitants,
      reason: req.body.reason,
      expectedVersion,
    });
    return reply.code(created ? 201 : 200).send(withEtag(reply, figure));
  });
};
