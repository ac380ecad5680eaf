import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApp } from '../../../test/helpers/server.ts';
import { DEMO, login } from '../../../test/helpers/auth.ts';
import { compareScenarios, parseScenario, projectScenario } from '../../domain/projection/index.ts';
import { DEMO_PIPELINE, weeklyHomesForProjection } from '../../domain/pipeline/index.ts';
import * as service from './service.ts';

describe('projection API', () => {
  let t: Awaited<ReturnType<typeof testApp>>;
  const as: Record<string, Record<string, string>> = {};
  beforeAll(async () => {
    t = await testApp({ demo: true });
    for (const role of ['secretariaat', 'gemeente'] as const) {
      const s = await login(t.app, DEMO[role]);
      as[role] = { cookie: s.cookie, 'x-csrf-token': s.csrf };
    }
  });
  afterAll(async () => t?.close());
  const post = (url: string, payload: unknown, who = 'secretariaat') => t.app.inject({ method: 'POST', url, headers: as[who], payload: payload as object });

  it('lists the demo scenarios and compares 13,500 with 20,000 exactly as the model does', async () => {
    const list = (await t.app.inject({ url: '/api/v1/projections/scenarios', headers: as.gemeente })).json().items;
    expect(list.map((s: { name: string }) => s.name)).toEqual(['Taakstelling 13.500 per halfjaar', 'Taakstelling 20.000 per halfjaar']);
    const r = await post('/api/v1/projections/compare', { a: { scenarioId: list[0].id }, b: { scenarioId: list[1].id }, runs: 500, seed: 7 }, 'gemeente');
    expect(r.statusCode).toBe(200);
    const body = r.json();
    const expected = compareScenarios(parseScenario(list[0].scenario), parseScenario(list[1].scenario), { runs: 500, seed: 7 });
    expect(body).toEqual(JSON.parse(JSON.stringify(expected)));
    // Housing faster relieves Ter Apel.
    expect(body.difference.summary.weeksOverNorm.p50Difference).toBeLessThan(0);
  });

  it('projects an inline scenario, reproducibly for a seed', async () => {
    const scenario = (await service.listScenarios(t.database.db))[0]!.scenario;
    const one = await post('/api/v1/projections', { scenario, runs: 200, seed: 3, weeks: 20 });
    expect(one.statusCode, one.body).toBe(200);
    expect(one.json().weekStarts).toHaveLength(20);
    expect((await post('/api/v1/projections', { scenario, runs: 200, seed: 3, weeks: 20 })).json()).toEqual(one.json());
    expect((await post('/api/v1/projections', { scenario, runs: 200, seed: 4, weeks: 20 })).json()).not.toEqual(one.json());
  });

  it('rejects a bad scenario naming the field, in Dutch', async () => {
    const scenario = (await service.listScenarios(t.database.db))[0]!.scenario;
    const r = await post('/api/v1/projections', { scenario: { ...scenario, permitShare: { mean: 1.7, sd: 0 } } });
    expect(r.statusCode).toBe(400);
    expect(r.json().invalidParams[0].name).toMatch(/^scenario\.permitShare/);
    expect((await post('/api/v1/projections', { scenarioId: 999 })).statusCode).toBe(404);
    expect((await post('/api/v1/projections', { runs: 10 })).json().code).toBe('scenario-ontbreekt');
    expect((await post('/api/v1/projections', { scenario, scenarioId: 1 })).statusCode).toBe(400);
    expect((await post('/api/v1/projections', { scenario, runs: 50_000 })).statusCode).toBe(400);
  });

  it('takes the housing from the pipeline when the scenario asks, exactly as the model does with those homes', async () => {
    const saved = (await service.listScenarios(t.database.db))[0]!.scenario as { housing: Record<string, unknown>; startWeek: string };
    const scenario = { ...saved, housing: { ...saved.housing, fromPipeline: true } };
    const r = await post('/api/v1/projections', { scenario, runs: 200, seed: 5, weeks: 52 });
    expect(r.statusCode, r.body).toBe(200);
    // Independently: the demo projects' reserved homes × 2.2 per week, with no pace factor.
    const { paceFactor: _pace, ...housing } = saved.housing;
    const homesPerWeek = weeklyHomesForProjection(DEMO_PIPELINE, saved.startWeek, 52);
    expect(homesPerWeek.reduce((a, b) => a + b, 0)).toBeGreaterThan(0);
    const expected = projectScenario(parseScenario({ ...saved, weeks: 52, housing: { ...housing, homesPerWeek } }), { runs: 200, seed: 5 });
    expect(r.json()).toEqual(JSON.parse(JSON.stringify(expected)));
    // The pipeline's few hundred homes house far fewer than a taakstelling of 13,500: more permit holders wait.
    const usual = (await post('/api/v1/projections', { scenario: saved, runs: 200, seed: 5, weeks: 52 })).json();
    expect(r.json().bands.permitHoldersWaiting.p50.at(-1)).toBeGreaterThan(usual.bands.permitHoldersWaiting.p50.at(-1));
    // One province only: Zuid-Holland's projects.
    const zh = await post('/api/v1/projections', { scenario: { ...saved, housing: { ...saved.housing, fromPipeline: { province: 'PV28', personsPerHome: '2,5' } } }, runs: 50, seed: 5, weeks: 52 });
    expect(zh.statusCode, zh.body).toBe(200);
    const bad = await post('/api/v1/projections', { scenario: { ...saved, housing: { ...saved.housing, fromPipeline: { province: 'Zuid-Holland' } } } });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().invalidParams[0].name).toBe('scenario.housing.fromPipeline');
  });

  it('saves a scenario once under its name, for the secretariat and members only', async () => {
    const scenario = { ...(await service.listScenarios(t.database.db))[0]!.scenario, name: 'Eigen scenario' };
    expect((await post('/api/v1/projections/scenarios', scenario, 'gemeente')).statusCode).toBe(403);
    const saved = await post('/api/v1/projections/scenarios', scenario);
    expect(saved.statusCode).toBe(201);
    expect((await post('/api/v1/projections/scenarios', scenario)).statusCode).toBe(409);
    expect((await post('/api/v1/projections/scenarios', { ...scenario, name: 'Kapot', weeks: 0 })).statusCode).toBe(400);
  });

  it('reads a start state from the reception figures and the ledger', async () => {
    const r = await t.app.inject({ url: '/api/v1/projections/start-state?date=2022-07-08', headers: as.secretariaat });
    expect(r.statusCode).toBe(200);
    const s = r.json();
    expect(s.initial.registrationCentre).toBe(2193);
    expect(s.initial.permitHoldersWaiting).toBe(7500);
    expect(s.registrationCentreNorm).toBe(2000);
    // The municipal taakstellingen of 2022-II (13,500 nationally, rounded up per municipality).
    const ledger = (await t.app.inject({ url: '/api/v1/ledger?period=2022-II&asOf=2022-07-08', headers: as.secretariaat })).json();
    expect(s.housing.perHalfYear).toBe(ledger.totals.taakstelling);
    expect(s.housing.perHalfYear).toBeGreaterThanOrEqual(13_500);
    // On 8 July no month of 2022-II has ended: the pace of 2022-I is used (bare task plus half the backlog realised).
    expect(s.housing.pace.period).toBe('2022-I');
    expect(s.housing.pace.factor).toBeGreaterThan(0.8);
    // The start state makes a valid scenario.
    const scenario = (await service.listScenarios(t.database.db))[0]!.scenario;
    const own = { ...scenario, name: 'Uit de cijfers', initial: s.initial, capacity: { base: s.capacityBase, changes: [] } };
    expect((await post('/api/v1/projections', { scenario: own, runs: 100 })).statusCode).toBe(200);
  });
});
