import { Type } from '@sinclair/typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { ProblemRef } from '../../platform/http/schemas.ts';
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
} from './schemas.ts';

const tags = ['Regio’s'];

export const regionsRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const db = app.database.db;
  const yearOr = async (year: number | undefined) => year ?? (await service.coverage(db)).defaultYear;

  app.get('/regions/coverage', {
    schema: {
      tags,
      summary: 'Beschikbare jaren (gemeentelijke indeling) en peildata (inwonertallen)',
      response: { 200: CoverageResponse, 404: ProblemRef },
    },
  }, async () => service.coverage(db));

  app.get('/provinces', {
    schema: {
      tags,
      summary: 'De 12 provincies met hun aantal gemeenten en inwonertal',
      querystring: YearQuery,
      response: { 200: ProvincesResponse, 400: ProblemRef, 404: ProblemRef },
    },
  }, async (req) => service.provinces(db, await yearOr(req.query.year)));

  app.get('/provinces/:code', {
    schema: {
      tags,
      summary: 'Eén provincie met haar gemeenten',
      params: Type.Object({ code: ProvinceCode }),
      querystring: YearQuery,
      response: { 200: ProvinceResponse, 400: ProblemRef, 404: ProblemRef },
    },
  }, async (req) => service.province(db, req.params.code, await yearOr(req.query.year)));

  app.get('/municipalities', {
    schema: {
      tags,
      summary: 'De gemeenten op 1 januari van een jaar, met inwonertal, peildatum en status',
      querystring: MunicipalitiesQuery,
      response: { 200: MunicipalitiesResponse, 400: ProblemRef, 404: ProblemRef },
    },
  }, async (req) => service.municipalities(db, await yearOr(req.query.year), req.query.province));

  app.get('/municipalities/:code', {
    schema: {
      tags,
      summary: 'Eén gemeente',
      params: Type.Object({ code: MunicipalityCode }),
      querystring: YearQuery,
      response: { 200: MunicipalityResponse, 400: ProblemRef, 404: ProblemRef },
    },
  }, async (req) => service.municipality(db, req.params.code, await yearOr(req.query.year)));

  app.get('/reorganisations', {
    schema: {
      tags,
      summary: 'Gemeentelijke herindelingen (samenvoeging, toevoeging, opsplitsing) met ingangsdatum',
      querystring: Type.Object({ year: Type.Optional(Year) }, { additionalProperties: false }),
      response: { 200: ReorganisationsResponse, 400: ProblemRef },
    },
  }, async (req) => service.reorganisations(db, req.query.year));

  app.get('/population/:referenceDate', {
    schema: {
      tags,
      summary: 'Inwonertallen per gemeente op een peildatum, zoals vastgelegd (met status en bron)',
      params: Type.Object({ referenceDate: Type.String({ format: 'date' }) }),
      response: { 200: PopulationResponse, 400: ProblemRef, 404: ProblemRef },
    },
  }, async (req) => service.populationOn(db, req.params.referenceDate));
};
