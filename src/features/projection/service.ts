import type { Db } from '../../platform/db/database.ts';
import { inTransaction } from '../../platform/db/database.ts';
import { AppError, checkedBy, conflict, notFound } from '../../platform/http/errors.ts';
import { PipelineError, weeklyHomesForProjection } from '../../domain/pipeline/index.ts';
import { listProjects } from '../pipeline/service.ts';
import { actorLabel } from '../../domain/access/policies.ts';
import {
  ProjectionError,
  checkProjectionOptions,
  compareScenarios,
  projectionSteps,
  parseScenario,
  projectScenario,
  weekStart,
  type ProjectionOptions,
  type Scenario,
} from '../../domain/projection/index.ts';
import { monthsEnded, periodOf, previousPeriod } from '../../domain/ledger/index.ts';
import { Rational } from '../../domain/distribution/rational.ts';
import { recordAudit, type Actor } from '../audit/audit.ts';
import { nationalReception } from '../reception/service.ts';
import { overview } from '../ledger/service.ts';

/**
 * The chain projection over the API and the CLI: scenarios given inline or saved, projected or compared with the
 * pure model of src/domain/projection; a start state read from the reception figures and the ledger.
 */
function asProblem(e: unknown): never {
  if (e instanceof ProjectionError) {
    throw new AppError(400, e.code, 'Ongeldige invoer', e.message, [{ name: e.field ?? 'scenario', code: e.code, reason: e.message }]);
  }
  throw e;
}

export function checkScenario(json: unknown, field = 'scenario'): Scenario {
  try {
    return parseScenario(json);
  } catch (e) {
    if (e instanceof ProjectionError) asProblem(new ProjectionError(e.code, e.message, { field: e.field ? `${field}.${e.field}` : field }));
    throw e;
  }
}

export type ScenarioRef = { scenario: unknown } | { scenarioId: number };

/** Exactly one of `scenario` (inline JSON) and `scenarioId` (saved). */
export function scenarioRef(body: { scenario?: unknown; scenarioId?: number | undefined }, field: string): ScenarioRef {
  const inline = body.scenario !== undefined;
  const saved = body.scenarioId !== undefined;
  if (inline === saved) {
    const reason = inline ? 'geef scenario óf scenarioId, niet allebei' : 'scenario of scenarioId ontbreekt';
    throw new AppError(400, 'scenario-ontbreekt', 'Ongeldige invoer', `${field}: ${reason}.`, [{ name: field, code: 'scenario-ontbreekt', reason }]);
  }
  return inline ? { scenario: body.scenario } : { scenarioId: body.scenarioId! };
}

/**
 * A scenario may take its housing from the housing pipeline: `housing.fromPipeline` is `true` or
 * `{ "province": "PV27", "personsPerHome": 2.2 }`. The reserved homes the pipeline expects in the scenario's weeks,
 * times persons per home, then become `housing.homesPerWeek` (see weeklyHomesForProjection in src/domain/pipeline),
 * and `housing.paceFactor` is left out (the pipeline's homes are the expected number, not a target to be paced).
 * Returns the scenario without that field, and the option (null when absent).
 */
export function splitPipelineOption(json: unknown, field = 'scenario'): { json: unknown; pipeline: { province?: string; personsPerHome?: number | string } | null } {
  const housing = (json as { housing?: unknown } | null)?.housing;
  if (housing === null || typeof housing !== 'object' || !('fromPipeline' in housing)) return { json, pipeline: null };
  const { fromPipeline, ...rest } = housing as Record<string, unknown>;
  const f = `${field}.housing.fromPipeline`;
  const bad = (reason: string) => new AppError(400, 'veld-ongeldig', 'Ongeldige invoer', `Het veld ${f} ${reason}.`, [{ name: f, code: 'veld-ongeldig', reason }]);
  let pipeline: { province?: string; personsPerHome?: number | string } | null;
  if (fromPipeline === false) pipeline = null;
  else if (fromPipeline === true) pipeline = {};
  else if (fromPipeline !== null && typeof fromPipeline === 'object' && !Array.isArray(fromPipeline)) {
    const o = fromPipeline as Record<string, unknown>;
    const unknown = Object.keys(o).filter((k) => k !== 'province' && k !== 'personsPerHome');
    if (unknown.length > 0) throw bad(`kent alleen province en personsPerHome, niet ${unknown.join(', ')}`);
    if (o.province !== undefined && (typeof o.province !== 'string' || !/^PV\d{2}$/.test(o.province))) throw bad('moet bij province een provinciecode hebben zoals PV27');
    if (o.personsPerHome !== undefined && typeof o.personsPerHome !== 'number' && typeof o.personsPerHome !== 'string') throw bad('moet bij personsPerHome een getal hebben, bijv. 2.2');
    pipeline = { ...(o.province ? { province: o.province } : {}), ...(o.personsPerHome !== undefined ? { personsPerHome: o.personsPerHome as number | string } : {}) };
  } else throw bad('moet true, false of een object met province en/of personsPerHome zijn');
  if (pipeline && 'homesPerWeek' in rest) throw bad('kan niet samen met housing.homesPerWeek: kies één van beide');
  // The pipeline's homes are already the expected number: a pace factor on top would count the shortfall twice.
  const { paceFactor: _pace, ...withoutPace } = rest;
  return { json: { ...(json as object), housing: pipeline ? withoutPace : rest }, pipeline };
}

async function resolve(db: Db, ref: ScenarioRef, field: string, weeks?: number): Promise<Scenario> {
  let raw: unknown;
  if ('scenarioId' in ref) {
    const row = await db.selectFrom('projection_scenario').select('scenario').where('id', '=', ref.scenarioId).executeTakeFirst();
    if (!row) throw notFound('scenario-onbekend', `Scenario ${ref.scenarioId} bestaat niet.`);
    raw = row.scenario;
  } else raw = ref.scenario;
  const { json: base, pipeline } = splitPipelineOption(raw, field);
  let json = base;
  let s = checkScenario(json, field);
  if (weeks !== undefined && weeks !== s.weeks) {
    // A shorter horizon leaves out the capacity changes after it (the scenario itself would refuse them).
    const end = weekStart(s.startWeek, weeks);
    const changes = ((json as { capacity?: { changes?: { date?: string; week?: number }[] } }).capacity?.changes ?? []).filter((c) =>
      c.week !== undefined ? c.week < weeks : c.date === undefined || c.date < end,
    );
    const j = json as { capacity?: object };
    json = { ...(json as object), weeks, capacity: { ...j.capacity, changes } };
    s = checkScenario(json, field);
  }
  if (!pipeline) return s;
  const projects = await listProjects(db, { province: pipeline.province });
  const personsPerHome = typeof pipeline.personsPerHome === 'string' ? pipeline.personsPerHome.replace(',', '.') : pipeline.personsPerHome;
  const homesPerWeek = checkedBy([PipelineError], () => weeklyHomesForProjection(projects, s.startWeek, s.weeks, personsPerHome));
  const j = json as { housing: object };
  return checkScenario({ ...j, housing: { ...j.housing, homesPerWeek } }, field);
}

/** Whether a scenario needs the database (it takes its housing from the pipeline). */
export function usesPipeline(json: unknown): boolean {
  return splitPipelineOption(json).pipeline !== null;
}

export async function runProjection(db: Db, ref: ScenarioRef, opts: { weeks?: number | undefined } & ProjectionOptions = {}) {
  const scenario = await resolve(db, ref, 'scenario', opts.weeks);
  try {
    return projectScenario(scenario, opts);
  } catch (e) {
    return asProblem(e);
  }
}

/**
 * `runProjection` as a background task: the same projection, computed week by week with a pause for the event loop
 * every `pauseEveryMs` of computing, so the progress it reports can be written and requests are answered meanwhile.
 */
export async function runProjectionInSteps(
  db: Db,
  ref: ScenarioRef,
  opts: { weeks?: number | undefined; runs?: number | undefined; seed?: number | undefined },
  onProgress: (done: number, total: number) => void,
  pauseEveryMs = 50,
) {
  const scenario = await resolve(db, ref, 'scenario', opts.weeks);
  try {
    const steps = projectionSteps(scenario, { runs: opts.runs, seed: opts.seed });
    let since = Date.now();
    for (;;) {
      const step = steps.next();
      if (step.done) return step.value.result;
      onProgress(step.value.done, step.value.total);
      if (Date.now() - since >= pauseEveryMs) {
        await new Promise((resolve) => setImmediate(resolve));
        since = Date.now();
      }
    }
  } catch (e) {
    return asProblem(e);
  }
}

/** Checks a projection's input before it becomes a task (the task checks it again when it runs). */
export async function checkProjection(db: Db, ref: ScenarioRef, opts: { weeks?: number | undefined; runs?: number | undefined; seed?: number | undefined }) {
  const scenario = await resolve(db, ref, 'scenario', opts.weeks);
  try {
    checkProjectionOptions({ runs: opts.runs, seed: opts.seed }, scenario.weeks);
  } catch (e) {
    asProblem(e);
  }
}

export async function runComparison(db: Db, a: ScenarioRef, b: ScenarioRef, opts: { weeks?: number | undefined } & ProjectionOptions = {}) {
  const [sa, sb] = [await resolve(db, a, 'a', opts.weeks), await resolve(db, b, 'b', opts.weeks)];
  try {
    return compareScenarios(sa, sb, opts);
  } catch (e) {
    return asProblem(e);
  }
}

export async function listScenarios(db: Db) {
  const rows = await db.selectFrom('projection_scenario').select(['id', 'name', 'description', 'scenario', 'created_by', 'created_at']).orderBy('id').execute();
  return rows.map((r) => ({ id: r.id, name: r.name, description: r.description, scenario: r.scenario as Record<string, unknown>, createdBy: r.created_by, createdAt: r.created_at.toISOString() }));
}

/** Saves a scenario under its name (checked whole first; names are unique). */
export async function saveScenario(db: Db, actor: Actor, json: unknown) {
  const s = checkScenario(json);
  return inTransaction(db, async (trx) => {
    const taken = await trx.selectFrom('projection_scenario').select('id').where('name', '=', s.name).executeTakeFirst();
    if (taken) throw conflict('scenario-bestaat', `Er is al een scenario met de naam '${s.name}' (nummer ${taken.id}).`);
    const row = await trx
      .insertInto('projection_scenario')
      .values({ name: s.name, description: s.description ?? null, scenario: JSON.stringify(json), created_by: actorLabel(actor.principal) })
      .returning(['id', 'created_at'])
      .executeTakeFirstOrThrow();
    await recordAudit(trx, actor, { action: 'create', resourceType: 'scenario', resourceId: String(row.id), after: json });
    return { id: row.id, name: s.name, description: s.description ?? null, scenario: json as Record<string, unknown>, createdBy: actorLabel(actor.principal), createdAt: row.created_at.toISOString() };
  });
}

/**
 * A start state for a scenario from what Regietafel holds on a day: the registration centres' occupancy, the other
 * locations' occupancy split into permit holders and the rest, their capacity, the taakstelling of the half-year and
 * the ledger's actual pace (realised against k/6 of the corrected taakstelling after k ended months; the previous
 * half-year when none has ended yet). Rejected applicants in reception are not reported separately: counted as 0.
 */
export async function startState(db: Db, date: string) {
  const reception = await nationalReception(db, date);
  if (!reception.asOf) throw notFound('geen-opvangcijfers', `Er zijn geen opvangcijfers op of voor ${date}.`);
  const centres = reception.registrationCentres.reduce((s, c) => s + (c.occupancy ?? 0), 0);
  const centreCapacity = reception.byType.filter((t) => t.type === 'aanmeldcentrum').reduce((s, t) => s + t.capacity, 0);
  const period = periodOf(date);
  const ended = monthsEnded(period, date);
  const judged = ended > 0 ? { period, months: ended } : { period: previousPeriod(period), months: 6 };
  let pace: { period: string; months: number; realised: number; due: number; factor: number | null } | null = null;
  let taakstelling: number | null = null;
  try {
    const current = await overview(db, { period, asOf: date });
    taakstelling = current.totals.taakstelling;
    const o = judged.period === period ? current : await overview(db, { period: judged.period });
    const due = Rational.of(BigInt(o.totals.corrected) * BigInt(judged.months), 6n);
    pace = { period: judged.period, months: judged.months, realised: o.totals.realised, due: due.toNumber(), factor: due.sign() > 0 ? Rational.of(BigInt(o.totals.realised)).div(due).toNumber() : null };
  } catch (e) {
    if (!(e instanceof AppError && e.status === 404)) throw e;
  }
  const rest = reception.occupancy - centres;
  return {
    date: reception.asOf,
    initial: {
      registrationCentre: centres,
      awaitingDecision: Math.max(0, rest - reception.permitHolders),
      permitHoldersWaiting: reception.permitHolders,
      rejectedWaiting: 0,
    },
    capacityBase: reception.capacity - centreCapacity,
    registrationCentreNorm: reception.registrationCentres.reduce((s, c) => s + (c.norm ?? 0), 0) || null,
    housing: { period, perHalfYear: taakstelling, pace },
    notes: [
      'Afgewezen asielzoekers in de opvang worden niet apart gemeld: op 0 gezet.',
      `Tempo: gerealiseerd tegen ${pace ? `${pace.months}/6 van de gecorrigeerde taakstelling ${pace.period}` : 'onbekend (geen grootboek)'}.`,
    ],
  };
}

