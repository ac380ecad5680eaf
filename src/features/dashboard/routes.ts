import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { ProblemRef } from '../../platform/http/schemas.ts';
import { cachedJson } from '../../platform/db/read-cache.ts';
import * as dashboard from './service.ts';
import { Dashboard, DashboardQuery, ProvinceParams } from './schemas.ts';

const tags = ['Dashboard'];
const errors = { 400: ProblemRef, 401: ProblemRef, 403: ProblemRef };
// Runs before validation: the code is still raw.
const provinceScope = (req: { params: unknown }) => {
  const code = String((req.params as { code?: string }).code ?? '').toUpperCase();
  return /^PV\d{2}$/.test(code) ? { provinceCode: code } : {};
};

export const dashboardRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const db = app.database.db;

  app.get('/dashboard', {
    config: { policy: 'dashboard.national' },
    schema: {
      tags,
      summary:
        'Landelijk dashboard (LRT): aanmeldcentra tegen hun norm, wachtende statushouders, capaciteit per provincie tegen het capaciteitsbesluit, voortgang en achterstand van de taakstelling, acties over de termijn, te late rapportages en de volgende vergadering; elk cijfer met zijn datum, bron en detailpagina',
      querystring: DashboardQuery,
      response: { 200: Dashboard, ...errors },
    },
  }, async (req, reply) => cachedJson(reply, db, 'dashboard.national', req.query.asOf ?? dashboard.defaultAsOf(), (trx) => dashboard.nationalDashboard(trx, req.query)));

  app.get('/dashboard/provinces/:code', {
    config: { policy: 'dashboard.province', scope: provinceScope },
    schema: {
      tags,
      summary: 'Provinciedashboard (PRT): dezelfde cijfers voor één provincie, met haar opvanglocaties, haar gemeenten (wie het verst achter ligt eerst genoemd), haar acties en haar rapportages',
      params: ProvinceParams,
      querystring: DashboardQuery,
      response: { 200: Dashboard, ...errors, 404: ProblemRef },
    },
  }, async (req, reply) => {
    const code = req.params.code.toUpperCase();
    return cachedJson(reply, db, 'dashboard.province', [code, req.query.asOf ?? dashboard.defaultAsOf()], (trx) => dashboard.provinceDashboard(trx, code, req.query));
  });
};
