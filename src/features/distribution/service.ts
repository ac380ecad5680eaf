import type { Db } from '../../platform/db/database.ts';
import { inTransaction } from '../../platform/db/database.ts';
import { AppError, badRequest, conflict, notFound, staleVersion } from '../../platform/http/errors.ts';
import { weakestStatus, type PopulationStatus } from '../../domain/regions/population.ts';
import { formatDate, formatInteger } from '../../lib/dutch.ts';
import { actorLabel } from '../../domain/access/policies.ts';
import { recordAudit, type Actor } from '../audit/audit.ts';
import { populationAt, latestBoundaryDate } from '../regions/service.ts';
import * as repo from './repository.ts';
import { halfYearDates, runCascade, runDistribution, runTaakstelling, type EngineArea } from './engine.ts';
import type { DecisionInput, DecisionViewT, KeySpec } from './schemas.ts';

/**
 * Distribution decisions: compute (also for the CLI, without storing), drafts, publication (numbered,
 * immutable), corrections that supersede, and comparison of scenarios.
 */
export const METHOD_LABELS: Record<string, string> = {
  'round-up': 'naar boven afronden (Huisvestingswet)',
  'largest-remainder': 'grootste overschotten (Hamilton)',
  dhondt: "D'Hondt",
  'sainte-lague': 'Sainte-Laguë',
  'huntington-hill': 'Huntington–Hill',
};

interface Computed {
  kind: 'verdeling' | 'taakstelling';
  level: 'province' | 'municipality';
  parentCode: string | null;
  period: string | null;
  total: number;
  method: string;
  key: KeySpec | string;
  referenceDate: string;
  boundaryDate: string;
  populationStatus: PopulationStatus;
  nationalPopulation: number | null;
  title: string;
  inputs: { areas: EngineArea[]; existing: Record<string, number>; nationalPopulation: number | null };
  result: { areas: DecisionViewT['areas']; assignedTotal: number; methodNote: string };
}

const param = (name: string, reason: string) => ({ name, code: 'ongeldig', reason });

/** Who may manage a decision: '' the national table (secretariat), 'PVxx' that province. */
export function tableScopeOf(input: { kind?: unknown; level?: unknown; within?: unknown; parentCode?: unknown }): string {
  if (input.kind === 'verdeling' && input.level === 'municipality') {
    const p = (input.within ?? input.parentCode) as unknown;
    return typeof p === 'string' ? p.toUpperCase() : '';
  }
  return '';
}

export async function compute(db: Db, input: DecisionInput): Promise<Computed> {
  return input.kind === 'taakstelling' ? computeTaakstelling(db, input) : computeDistribution(db, input);
}

async function computeDistribution(db: Db, input: DecisionInput): Promise<Computed> {
  const problems = [];
  if (input.total === undefined) problems.push(param('total', 'total (het te verdelen aantal) is verplicht'));
  else if (input.total < 0) problems.push(param('total', 'total mag niet negatief zijn'));
  if (!input.level) problems.push(param('level', 'level is verplicht: province of municipality'));
  if (!input.method) problems.push(param('method', 'method is verplicht'));
  if (!input.referenceDate) problems.push(param('referenceDate', 'referenceDate (peildatum) is verplicht'));
  if (input.period !== undefined || input.national !== undefined) problems.push(param('period', 'period en national horen bij een taakstelling, niet bij een verdeling'));
  if (input.level === 'province' && input.within) problems.push(param('within', 'within hoort bij level municipality'));
  if (problems.length > 0) throw badRequest('ongeldige-invoer', problems.map((p) => p.reason).join('; '), problems);
  const boundaryDate = input.boundaryDate ?? (await latestBoundaryDate(db));
  const pop = await populationAt(db, boundaryDate, input.referenceDate!);
  const within = input.within?.toUpperCase();
  if (within && !pop.provinces.some((p) => p.code === within)) {
    throw badRequest('gebied-onbekend', `Provincie ${within} bestaat niet (PV20 t/m PV31).`, [param('within', `onbekende provincie ${within}`)]);
  }
  const areas: EngineArea[] =
    input.level === 'province'
      ? pop.provinces.map((p) => ({ code: p.code, name: p.name, parentCode: null, population: p.population.inhabitants, populationStatus: p.population.status, missing: p.population.missing }))
      : pop.municipalities
          .filter((m) => !within || m.provinceCode === within)
          .map((m) => ({ code: m.code, name: m.name, parentCode: m.provinceCode, population: m.population.inhabitants, populationStatus: m.population.status, missing: m.population.missing }));
  const existing = input.existing ?? {};
  const unknown = Object.keys(existing).filter((code) => !areas.some((a) => a.code === code));
  if (unknown.length > 0) {
    throw badRequest('gebied-onbekend', `Bestaande plaatsen voor onbekende gebieden: ${unknown.slice(0, 10).join(', ')}.`, unknown.map((c) => param(`existing.${c}`, `${c} hoort niet bij deze verdeling`)));
  }
  const key = input.key ?? 'population';
  // Municipalities nationwide go through the provinces first (a cascade), so every province's total holds.
  const result =
    input.level === 'municipality' && !within
      ? runCascade({ total: input.total!, method: input.method!, key, areas, provinces: pop.provinces, existing })
      : runDistribution({ total: input.total!, method: input.method!, key, areas, existing });
  const statuses = usedStatuses(areas, key);
  return {
    kind: 'verdeling',
    level: input.level!,
    parentCode: within ?? null,
    period: null,
    total: input.total!,
    method: input.method!,
    key,
    referenceDate: input.referenceDate!,
    boundaryDate,
    populationStatus: statuses.length > 0 ? weakestStatus(statuses) : 'officieel',
    nationalPopulation: null,
    title:
      input.title ??
      `Verdeling van ${formatInteger(input.total!)} over ${
        input.level === 'province' ? 'de provincies' : within ? `de gemeenten van ${pop.provinces.find((p) => p.code === within)?.name ?? within}` : 'de provincies en hun gemeenten (getrapt)'
      }`,
    inputs: { areas, existing, nationalPopulation: null },
    result,
  };
}

function usedStatuses(areas: EngineArea[], key: KeySpec | string): PopulationStatus[] {
  const usesPopulation =
    typeof key === 'string' || !key.indicators || key.indicators.some((i) => i.name === 'population') || key.preset !== undefined;
  return usesPopulation ? areas.flatMap((a) => (a.populationStatus ? [a.populationStatus] : [])) : [];
}

async function computeTaakstelling(db: Db, input: DecisionInput): Promise<Computed> {
  const problems = [];
  if (!input.period) problems.push(param('period', 'period (halfjaar, bijv. 2022-II) is verplicht'));
  if (input.national === undefined) problems.push(param('national', 'national (het landelijke aantal) is verplicht'));
  else if (input.national < 0) problems.push(param('national', 'national mag niet negatief zijn'));
  for (const f of ['level', 'within', 'total', 'key', 'referenceDate', 'boundaryDate', 'existing'] as const) {
    if (input[f] !== undefined) problems.push(param(f, `${f} hoort niet bij een taakstelling: die volgt uit de wet (art. 29)`));
  }
  if (input.method !== undefined && input.method !== 'round-up') problems.push(param('method', 'een taakstelling wordt altijd naar boven afgerond (round-up)'));
  if (problems.length > 0) throw badRequest('ongeldige-invoer', problems.map((p) => p.reason).join('; '), problems);
  const { boundaryDate, referenceDate } = halfYearDates(input.period!);
  const national = await db.selectFrom('national_population').selectAll().where('reference_date', '=', referenceDate).executeTakeFirst();
  if (!national) {
    throw badRequest('landelijk-inwonertal-ontbreekt', `Het inwonertal van Nederland op ${formatDate(referenceDate)} is niet bekend.`, [param('period', `geen landelijk inwonertal op ${referenceDate}`)]);
  }
  const pop = await populationAt(db, boundaryDate, referenceDate);
  const areas: EngineArea[] = pop.municipalities.map((m) => ({
    code: m.code,
    name: m.name,
    parentCode: m.provinceCode,
    population: m.population.inhabitants,
    populationStatus: m.population.status,
    missing: m.population.missing,
  }));
  const result = runTaakstelling({ period: input.period!, national: input.national!, nationalPopulation: national.inhabitants, areas });
  const statuses = [...areas.flatMap((a) => (a.populationStatus ? [a.populationStatus] : [])), national.status];
  return {
    kind: 'taakstelling',
    level: 'municipality',
    parentCode: null,
    period: input.period!,
    total: input.national!,
    method: 'round-up',
    key: 'population',
    referenceDate,
    boundaryDate,
    populationStatus: weakestStatus(statuses),
    nationalPopulation: national.inhabitants,
    title: input.title ?? `Taakstelling huisvesting vergunninghouders ${input.period}`,
    inputs: { areas, existing: {}, nationalPopulation: national.inhabitants },
    result,
  };
}

/** A computed (unsaved) decision as the API and CLI show it. */
export function previewView(c: Computed): DecisionViewT {
  return {
    id: null,
    number: null,
    title: c.title,
    kind: c.kind,
    level: c.level,
    parentCode: c.parentCode,
    period: c.period,
    total: c.total,
    method: c.method,
    key: c.key,
    referenceDate: c.referenceDate,
    boundaryDate: c.boundaryDate,
    populationStatus: c.populationStatus,
    nationalPopulation: c.nationalPopulation,
    status: 'berekening',
    supersedesId: null,
    supersededById: null,
    createdBy: null,
    createdAt: null,
    publishedBy: null,
    publishedAt: null,
    version: 0,
    assignedTotal: c.result.assignedTotal,
    methodNote: c.result.methodNote,
    areas: c.result.areas,
  };
}

type Row = NonNullable<Awaited<ReturnType<typeof repo.findDecision>>>;

function rowView(r: Row): DecisionViewT {
  const result = r.result as Computed['result'];
  const inputs = r.inputs as Computed['inputs'];
  return {
    id: r.id,
    number: r.number,
    title: r.title,
    kind: r.kind,
    level: r.level,
    parentCode: r.parent_code,
    period: r.period,
    total: r.total,
    method: r.method,
    key: r.key,
    referenceDate: r.reference_date,
    boundaryDate: r.boundary_date,
    populationStatus: r.population_status,
    nationalPopulation: inputs.nationalPopulation ?? null,
    status: r.status,
    supersedesId: r.supersedes_id,
    supersededById: r.superseded_by_id,
    createdBy: r.created_by,
    createdAt: r.created_at.toISOString(),
    publishedBy: r.published_by,
    publishedAt: r.published_at?.toISOString() ?? null,
    version: r.version,
    assignedTotal: result.assignedTotal,
    methodNote: result.methodNote,
    areas: result.areas,
  };
}

export async function get(db: Db, id: number): Promise<DecisionViewT> {
  const r = await repo.findDecision(db, id);
  if (!r) throw notFound('besluit-onbekend', `Besluit ${id} bestaat niet.`);
  return rowView(r);
}

/** What access to a stored decision depends on: its table and whether it is still a draft. */
export async function accessScope(db: Db, id: number) {
  const r = await repo.findDecision(db, id);
  if (!r) throw notFound('besluit-onbekend', `Besluit ${id} bestaat niet.`);
  return { tableScope: tableScopeOf({ kind: r.kind, level: r.level, parentCode: r.parent_code }), draft: r.status === 'concept' };
}

export async function list(db: Db, filter: { kind?: string | undefined; status?: string | undefined; includeDrafts: boolean }) {
  const rows = await repo.listDecisions(db, filter);
  return {
    items: rows
      .filter((r) => filter.includeDrafts || r.status !== 'concept')
      .map((r) => ({
        id: r.id,
        number: r.number,
        title: r.title,
        kind: r.kind,
        level: r.level,
        parentCode: r.parent_code,
        period: r.period,
        total: r.total,
        method: r.method,
        referenceDate: r.reference_date,
        populationStatus: r.population_status,
        status: r.status,
        publishedAt: r.published_at?.toISOString() ?? null,
        supersededById: r.superseded_by_id,
        version: r.version,
      })),
  };
}

function storable(c: Computed) {
  return {
    title: c.title,
    kind: c.kind,
    level: c.level,
    parent_code: c.parentCode,
    period: c.period,
    total: c.total,
    method: c.method,
    key: c.key,
    reference_date: c.referenceDate,
    boundary_date: c.boundaryDate,
    inputs: c.inputs,
    result: c.result,
    population_status: c.populationStatus,
  };
}

const auditSummary = (v: DecisionViewT) => ({
  number: v.number,
  title: v.title,
  status: v.status,
  total: v.total,
  method: v.method,
  key: v.key,
  referenceDate: v.referenceDate,
  assigned: Object.fromEntries(v.areas.map((a) => [a.code, a.assigned])),
});

export async function createDraft(db: Db, actor: Actor, input: DecisionInput, supersedesId: number | null = null): Promise<DecisionViewT> {
  const c = await compute(db, input);
  return inTransaction(db, async (trx) => {
    const { id } = await repo.insertDecision(trx, { ...storable(c), supersedes_id: supersedesId, created_by: actorLabel(actor.principal) });
    const view = await get(trx, id);
    await recordAudit(trx, actor, { action: 'create', resourceType: 'besluit', resourceId: String(id), after: auditSummary(view) });
    return view;
  });
}

async function draftFor(trx: Db, id: number, expectedVersion: number) {
  const before = await get(trx, id);
  if (before.status !== 'concept') {
    throw conflict('besluit-gepubliceerd', `Besluit ${before.number} is gepubliceerd en verandert niet meer; maak een correctiebesluit.`);
  }
  if (before.version !== expectedVersion) throw staleVersion('dit concept', before.version);
  return before;
}

export async function updateDraft(db: Db, actor: Actor, id: number, expectedVersion: number, input: DecisionInput): Promise<DecisionViewT> {
  const current = await get(db, id);
  if (tableScopeOf(input) !== tableScopeOf({ kind: current.kind, level: current.level, parentCode: current.parentCode })) {
    throw badRequest('niveau-gewijzigd', 'Een concept blijft bij dezelfde tafel (landelijk of dezelfde provincie); maak een nieuw concept.', [param('within', 'andere tafel')]);
  }
  const c = await compute(db, input);
  return inTransaction(db, async (trx) => {
    const before = await draftFor(trx, id, expectedVersion);
    const version = await repo.updateDraft(trx, id, expectedVersion, storable(c));
    if (version === undefined) throw staleVersion('dit concept', (await get(trx, id)).version);
    const after = await get(trx, id);
    await recordAudit(trx, actor, { action: 'update', resourceType: 'besluit', resourceId: String(id), before: auditSummary(before), after: auditSummary(after) });
    return after;
  });
}

export async function deleteDraft(db: Db, actor: Actor, id: number, expectedVersion: number) {
  await inTransaction(db, async (trx) => {
    const before = await draftFor(trx, id, expectedVersion);
    await repo.deleteDraft(trx, id);
    await recordAudit(trx, actor, { action: 'delete', resourceType: 'besluit', resourceId: String(id), before: auditSummary(before) });
  });
}

/** Publishes a draft: it gets a number and never changes again; a correction marks the one it corrects as superseded. */
export async function publish(db: Db, actor: Actor, id: number, expectedVersion: number, now = new Date()): Promise<DecisionViewT> {
  return inTransaction(db, async (trx) => {
    const before = await draftFor(trx, id, expectedVersion);
    const prefix = `${before.kind === 'taakstelling' ? 'T' : 'V'}-${now.getUTCFullYear()}`;
    const number = await repo.nextNumber(trx, prefix);
    const version = await repo.publish(trx, id, expectedVersion, number, actorLabel(actor.principal), now);
    if (version === undefined) throw staleVersion('dit concept', (await get(trx, id)).version);
    if (before.supersedesId !== null) {
      const old = await get(trx, before.supersedesId);
      if (old.status !== 'gepubliceerd') {
        throw conflict('al-vervangen', `Besluit ${old.number ?? old.id} is al vervangen of niet gepubliceerd; dit correctiebesluit kan het niet vervangen.`);
      }
      await repo.markSuperseded(trx, before.supersedesId, id);
      await recordAudit(trx, actor, { action: 'update', resourceType: 'besluit', resourceId: String(before.supersedesId), before: { status: 'gepubliceerd' }, after: { status: 'vervangen', supersededBy: number } });
    }
    const after = await get(trx, id);
    await recordAudit(trx, actor, { action: 'publish', resourceType: 'besluit', resourceId: String(id), before: auditSummary(before), after: auditSummary(after) });
    return after;
  });
}

/** Starts a correction of a published decision: a new draft with the same inputs that will supersede it. */
export async function startCorrection(db: Db, actor: Actor, id: number): Promise<DecisionViewT> {
  const original = await get(db, id);
  if (original.status !== 'gepubliceerd') {
    throw conflict('niet-gepubliceerd', original.status === 'concept' ? 'Een concept corrigeert u door het te wijzigen.' : `Besluit ${original.number} is al vervangen.`);
  }
  return createDraft(db, actor, inputOf(original), id);
}

/** The input that reproduces a decision (for corrections and scenarios). */
export function inputOf(v: DecisionViewT): DecisionInput {
  if (v.kind === 'taakstelling') return { kind: 'taakstelling', title: v.title, period: v.period!, national: v.total };
  return {
    kind: 'verdeling',
    title: v.title,
    level: v.level,
    ...(v.parentCode ? { within: v.parentCode } : {}),
    total: v.total,
    method: v.method as DecisionInput['method'],
    key: v.key as DecisionInput['key'],
    referenceDate: v.referenceDate,
    boundaryDate: v.boundaryDate,
    existing: Object.fromEntries(v.areas.filter((a) => a.existing !== null && a.existing > 0).map((a) => [a.code, a.existing!])),
  };
}

/** Two decisions side by side, per area: A, B and B − A. */
export async function compare(db: Db, a: number, b: number) {
  const [da, dbv] = [await get(db, a), await get(db, b)];
  const codes = [...new Set([...da.areas.map((x) => x.code), ...dbv.areas.map((x) => x.code)])].sort();
  const byCode = (v: DecisionViewT) => new Map(v.areas.map((x) => [x.code, x]));
  const [ma, mb] = [byCode(da), byCode(dbv)];
  const summary = (v: DecisionViewT) => ({
    id: v.id!,
    number: v.number,
    title: v.title,
    kind: v.kind,
    level: v.level,
    parentCode: v.parentCode,
    period: v.period,
    total: v.total,
    method: v.method,
    referenceDate: v.referenceDate,
    populationStatus: v.populationStatus,
    status: v.status,
    publishedAt: v.publishedAt,
    supersededById: v.supersededById,
    version: v.version,
  });
  return {
    a: summary(da),
    b: summary(dbv),
    areas: codes.map((code) => {
      const x = ma.get(code)?.assigned ?? null;
      const y = mb.get(code)?.assigned ?? null;
      return { code, name: (ma.get(code) ?? mb.get(code))!.name, a: x, b: y, difference: x !== null && y !== null ? y - x : null };
    }),
    totals: { a: da.assignedTotal, b: dbv.assignedTotal, difference: dbv.assignedTotal - da.assignedTotal },
  };
}

export { AppError };
