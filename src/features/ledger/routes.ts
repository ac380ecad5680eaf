import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { ProblemRef } from '../../platform/http/schemas.ts';
import { AppError } from '../../platform/http/errors.ts';
import { uploadRealisations } from './realisations.ts';

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

export const ledgerRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const db = app.database.db;

  app.post('/realisations/uploads', {
    config: { policy: 'realisation.upload' },
    bodyLimit: 200 * 1024 * 1024,
    schema: {
      tags,
      summary: 'COA-realisatielijst inlezen (CSV of Excel, base64 bij Excel); elke regel gecontroleerd, alles of niets, tweemaal hetzelfde bestand verandert niets',
      body: Type.Object(
        {
          period: Type.String({ pattern: '^[0-9]{4}-(I|II)$', description: 'Halfjaar waarin alle datums moeten vallen' }),
          format: Type.Union([Type.Literal('csv'), Type.Literal('xlsx')]),
          content: Type.String({ minLength: 1, description: 'CSV-tekst, of bij xlsx de inhoud in base64' }),
          fileName: Type.Optional(Type.String({ maxLength: 255 })),
        },
        { additionalProperties: false },
      ),
      response: { 201: UploadResult, 200: UploadResult, ...errors },
    },
  }, async (req, reply) => {
    const content = req.body.format === 'xlsx' ? Buffer.from(req.body.content, 'base64') : Buffer.from(req.body.content, 'utf8');
    if (req.body.format === 'xlsx' && content.length === 0) throw new AppError(400, 'bestand-onleesbaar', 'Ongeldige invoer', 'De Excel-inhoud is geen base64.');
    const r = await uploadRealisations(db, req.actor(), { content, format: req.body.format, period: req.body.period, fileName: req.body.fileName, source: 'coa' });
    return reply.code(r.alreadyUploaded ? 200 : 201).send(r);
  });
};
