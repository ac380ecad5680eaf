import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type, type TSchema } from '@sinclair/typebox';
import { ProblemRef } from '../../platform/http/schemas.ts';
import { BAND_SERIES, MAX_RUNS, SUMMARY_FIGURES } from '../../domain/projection/index.ts';
import * as projection from './service.ts';
import { TaskStarted, accepted } from '../tasks/routes.ts';
import { projectionTask, type ProjectionTaskInput } from './task.ts';

const tags = ['Ketenprognose'];
const errors = { 400: ProblemRef, 401: ProblemRef, 403: ProblemRef, 413: ProblemRef };
const Num = Type.Number();
const NumArr = Type.Array(Num);
const Nullable = <T extends TSchema>(t: T) => Type.Union([t, Type.Null()]);
const obj = (keys: readonly string[], schema: TSchema) => Type.Object(Object.fromEntries(keys.map((k) => [k, schema])));

const ScenarioJson = Type.Object({}, { additionalProperties: true, description: 'Een scenario als JSON (zie docs/PROJECTION.md); elk veld wordt gecontroleerd' });
const ScenarioRefFields = {
  scenario: Type.Optional(ScenarioJson),
  scenarioId: Type.Optional(Type.Integer({ minimum: 1, description: 'Een opgeslagen scenario in plaats van scenario' })),
};
const ScenarioRef = Type.Object(ScenarioRefFields, { additionalProperties: false });
// Runs are computed in the request (≈ 20 ms per 1,000 runs of 104 weeks); the CLI allows up to 100,000.
const RunOptions = {
  runs: Type.Optional(Type.Integer({ minimum: 1, maximum: 20_000, default: 10_000 })),
  seed: Type.Optional(Type.Integer({ minimum: 0, maximum: 4_294_967_295, default: 1 })),
  weeks: Type.Optional(Type.Integer({ minimum: 1, maximum: 520, description: 'Overschrijft de weken van het scenario' })),
};

const Distribution = Type.Object({ p10: Num, p50: Num, p90: Num, mean: Num });
const Band = Type.Object({ p10: NumArr, p50: NumArr, p90: NumArr });
const Projection = Type.Object({
  scenario: Type.String(),
  runs: Type.Integer(),
  seed: Type.Integer(),
  weeks: Type.Integer(),
  percentileDefinition: Type.Literal('nearest-rank'),
  weekStarts: Type.Array(Type.String({ format: 'date' })),
  capacity: NumArr,
  registrationCentreNorm: Type.Integer(),
  bands: obj(BAND_SERIES, Band),
  overNormShare: NumArr,
  summary: Type.Object({
    ...obj(SUMMARY_FIGURES, Distribution).properties,
    firstWeekOverNorm: Type.Object({ p10: Nullable(Num), p50: Nullable(Num), p90: Nullable(Num), shareOfRuns: Num }),
  }),
});
const Comparison = Type.Object({
  a: Projection,
  b: Projection,
  weekStarts: Type.Array(Type.String({ format: 'date' })),
  difference: Type.Object({
    p50: obj(BAND_SERIES, NumArr),
    overNormShare: NumArr,
    summary: Type.Object({
      ...obj(SUMMARY_FIGURES, Type.Object({ p50Difference: Num, paired: Distribution })).properties,
      firstWeekOverNorm: Type.Object({ p50Difference: Nullable(Num), shareOfRunsDifference: Num }),
    }),
  }),
});
const SavedScenario = Type.Object({
  id: Type.Integer(),
  name: Type.String(),
  description: Nullable(Type.String()),
  scenario: ScenarioJson,
  createdBy: Type.String(),
  createdAt: Type.String({ format: 'date-time' }),
});
const StartState = Type.Object({
  date: Type.String({ format: 'date' }),
  initial: Type.Object({ registrationCentre: Type.Integer(), awaitingDecision: Type.Integer(), permitHoldersWaiting: Type.Integer(), rejectedWaiting: Type.Integer() }),
  capacityBase: Type.Integer(),
  registrationCentreNorm: Nullable(Type.Integer()),
  housing: Type.Object({
    period: Type.String(),
    perHalfYear: Nullable(Type.Integer()),
    pace: Nullable(Type.Object({ period: Type.String(), months: Type.Integer(), realised: Type.Integer(), due: Num, factor: Nullable(Num) })),
  }),
  notes: Type.Array(Type.String()),
});

export const projectionRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const db = app.database.db;

  app.post('/projections', {
    config: { policy: 'projection.run' },
    schema: {
      tags,
      summary: 'Ketenprognose van één scenario: P10/P50/P90 per week voor elke fase, plaatsen tekort en weken boven de norm van Ter Apel',
      body: Type.Object({ ...ScenarioRefFields, ...RunOptions }, { additionalProperties: false }),
      response: { 200: Projection, ...errors, 404: ProblemRef },
    },
  }, async (req) => {
    const { runs, seed, weeks } = req.body;
    return projection.runProjection(db, projection.scenarioRef(req.body, 'scenario'), { runs, seed, weeks });
  });

  app.post('/projections/tasks', {
    config: { policy: 'projection.run' },
    schema: {
      tags,
      summary: 'Ketenprognose als taak op de achtergrond (tot 100.000 runs): 202 met Location; volg de voortgang met GET /api/v1/tasks/{id}',
      body: Type.Object({ ...ScenarioRefFields, ...RunOptions, runs: Type.Optional(Type.Integer({ minimum: 1, maximum: MAX_RUNS, default: 10_000 })) }, { additionalProperties: false }),
      response: { 202: TaskStarted, ...errors, 404: ProblemRef },
    },
  }, async (req, reply) => {
    const { runs, seed, weeks } = req.body;
    const ref = projection.scenarioRef(req.body, 'scenario');
    // Refuse what can be known now (a bad scenario, too many run-weeks) with a 400, not a failed task later.
    await projection.checkProjection(db, ref, { runs, seed, weeks });
    const input: ProjectionTaskInput = { ref, ...(runs !== undefined ? { runs } : {}), ...(seed !== undefined ? { seed } : {}), ...(weeks !== undefined ? { weeks } : {}) };
    return accepted(reply, await app.tasks.submit(req.actor(), projectionTask.kind, input));
  });

  app.post('/projections/compare', {
    config: { policy: 'projection.run' },
    schema: {
      tags,
      summary: "Twee scenario's vergelijken met dezelfde trekkingen (b − a), bijv. taakstelling 13.500 tegen 20.000",
      body: Type.Object({ a: ScenarioRef, b: ScenarioRef, ...RunOptions }, { additionalProperties: false }),
      response: { 200: Comparison, ...errors, 404: ProblemRef },
    },
  }, async (req) => projection.runComparison(db, projection.scenarioRef(req.body.a, 'a'), projection.scenarioRef(req.body.b, 'b'), { runs: req.body.runs, seed: req.body.seed, weeks: req.body.weeks }));

  app.get('/projections/scenarios', {
    config: { policy: 'projection.run' },
    schema: { tags, summary: "Opgeslagen scenario's", response: { 200: Type.Object({ items: Type.Array(SavedScenario) }), ...errors } },
  }, async () => ({ items: await projection.listScenarios(db) }));

  app.post('/projections/scenarios', {
    config: { policy: 'projection.manage' },
    schema: {
      tags,
      summary: 'Scenario opslaan (eerst geheel gecontroleerd; namen zijn uniek)',
      body: ScenarioJson,
      response: { 201: SavedScenario, ...errors, 409: ProblemRef },
    },
  }, async (req, reply) => reply.code(201).send(await projection.saveScenario(db, req.actor(), req.body)));

  app.get('/projections/start-state', {
    config: { policy: 'projection.run' },
    schema: {
      tags,
      summary: 'Beginstand voor een scenario uit de opvangcijfers en het grootboek op een dag (bezetting, statushouders, capaciteit, taakstelling, werkelijk tempo)',
      querystring: Type.Object({ date: Type.String({ format: 'date' }) }, { additionalProperties: false }),
      response: { 200: StartState, ...errors, 404: ProblemRef },
    },
  }, async (req) => projection.startState(db, req.query.date));
};
