/**
 * The housing supply pipeline: tracks and their projects, entry within scope, bulk upload (all or nothing, the same
 * file twice changes nothing), and the overview the LRT asked for: homes expected per month and half-year against
 * what is due in the ledger, slips, and the cost per home over time.
 */
import crypto from 'node:crypto';
import { sql } from 'kysely';
import type { Db } from '../../platform/db/database.ts';
import { inTransaction } from '../../platform/db/database.ts';
import { AppError, badRequest, checkedBy, conflict, notFound, staleVersion, unprocessable } from '../../platform/http/errors.ts';
import { actorLabel, authorize, type Principal } from '../../domain/access/policies.ts';
import {
  PipelineError,
  checkPersonsPerHome,
  checkStatusChange,
  checkPipelineCsv,
  checkPipelineRows,
  coverage,
  expectedByHalfYear,
  expectedByMonth,
  isAllowedStatusChange,
  pipelineKey,
  priceSeries,
  slips,
  type PipelineProject,
  type ProjectStatus,
} from '../../domain/pipeline/index.ts';
import { LedgerError, period, periodOf } from '../../domain/ledger/index.ts';
import { formatDecimal } from '../../domain/distribution/format.ts';
import { recordAudit, type Actor } from '../audit/audit.ts';
import { lineErrorsToParams } from '../regions/service.ts';
import { listMunicipalities } from '../regions/repository.ts';
import { xlsxRowsOrProblem } from '../ledger/realisations.ts';
import { overview as ledgerOverview, today } from '../ledger/service.ts';

const domain = <T>(fn: () => T): T => checkedBy([PipelineError, LedgerError], fn);
/** Pipeline writes take this transaction-level advisory lock, so two uploads never race on a project's reference. */
const PIPELINE_LOCK_KEY = 7_305_011;

type ProjectRow = {
  id: number;
  track_code: string;
  reference: string;
  name: string;
  municipality_code: string;
  party: string;
  home_type: string;
  units: number;
  reserved_units: number;
  expected_delivery: string;
  first_expected_delivery: string;
  status: ProjectStatus;
  cost_per_unit_cents: number | null;
  version: number;
};

export interface ProjectView extends PipelineProject {
  reference: string;
  name: string;
  municipalityName: string;
  provinceCode: string;
  version: number;
}

interface Places {
  name: (gm: string) => string;
  provinceOf: (gm: string) => string;
  current: Map<string, { name: string; provinceCode: string }>;
}

async function places(db: Db): Promise<Places> {
  const all = await listMunicipalities(db);
  const byCode = new Map<string, { name: string; provinceCode: string }>();
  // The latest period of each code wins: a code keeps its province, and its current name is the one shown.
  for (const m of all) {
    const seen = byCode.get(m.code);
    if (!seen || m.validTo === null) byCode.set(m.code, { name: m.name, provinceCode: m.provinceCode });
  }
  const current = new Map(all.filter((m) => m.validTo === null).map((m) => [m.code, { name: m.name, provinceCode: m.provinceCode }]));
  return { name: (gm) => byCode.get(gm)?.name ?? gm, provinceOf: (gm) => byCode.get(gm)?.provinceCode ?? '', current };
}

function toProject(r: ProjectRow, p: Places): ProjectView {
  return {
    id: r.id,
    trackCode: r.track_code,
    reference: r.reference,
    name: r.name,
    municipalityCode: r.municipality_code,
    municipalityName: p.name(r.municipality_code),
    provinceCode: p.provinceOf(r.municipality_code),
    party: r.party,
    homeType: r.home_type,
    units: r.units,
    reservedUnits: r.reserved_units,
    expectedDelivery: r.expected_delivery,
    firstExpectedDelivery: r.first_expected_delivery,
    status: r.status,
    costPerUnitCents: r.cost_per_unit_cents === null ? null : Number(r.cost_per_unit_cents),
    version: r.version,
  };
}

export interface ProjectFilter {
  province?: string | undefined;
  municipality?: string | undefined;
  track?: string | undefined;
}

async function loadProjects(db: Db, filter: ProjectFilter, p: Places): Promise<ProjectView[]> {
  let q = db.selectFrom('pipeline_project').selectAll().orderBy('expected_delivery').orderBy('id');
  if (filter.municipality) q = q.where('municipality_code', '=', filter.municipality);
  if (filter.track) q = q.where('track_code', '=', filter.track);
  const rows = (await q.execute()) as ProjectRow[];
  return rows.map((r) => toProject(r, p)).filter((x) => !filter.province || x.provinceCode === filter.province);
}

async function loadHistory(db: Db, projectIds: readonly number[]) {
  if (projectIds.length === 0) return [];
  const rows = await db.selectFrom('pipeline_delivery_change').selectAll().where('project_id', 'in', projectIds).orderBy('changed_on').orderBy('id').execute();
  return rows.map((r) => ({ projectId: r.project_id, changedOn: r.changed_on, from: r.from_date, to: r.to_date, reason: r.reason, recordedBy: r.recorded_by }));
}

// ---------------------------------------------------------------------------------------------------------------
// Tracks

export interface TrackInput {
  code: string;
  name: string;
  provinceCode?: string | null | undefined;
  ownerOrganisation: string;
  description?: string | null | undefined;
}

export async function listTracks(db: Db) {
  const tracks = await db.selectFrom('pipeline_track').selectAll().orderBy('code').execute();
  const counts = await db
    .selectFrom('pipeline_project')
    .select(['track_code', 'status'])
    .select((eb) => [eb.fn.countAll<number>().as('projects'), eb.fn.sum<number>('units').as('units'), eb.fn.sum<number>('reserved_units').as('reserved')])
    .groupBy(['track_code', 'status'])
    .execute();
  return tracks.map((t) => {
    const mine = counts.filter((c) => c.track_code === t.code);
    const active = mine.filter((c) => c.status !== 'vervallen');
    return {
      code: t.code,
      name: t.name,
      provinceCode: t.province_code,
      ownerOrganisation: t.owner_organisation,
      description: t.description,
      projects: mine.reduce((n, c) => n + Number(c.projects), 0),
      units: active.reduce((n, c) => n + Number(c.units), 0),
      reservedUnits: active.reduce((n, c) => n + Number(c.reserved), 0),
      version: t.version,
    };
  });
}

export async function createTrack(db: Db, actor: Actor, input: TrackInput) {
  return inTransaction(db, async (trx) => {
    const code = input.code.trim().toUpperCase();
    if (await trx.selectFrom('pipeline_track').select('code').where('code', '=', code).executeTakeFirst()) {
      throw conflict('spoor-bestaat', `Spoor ${code} bestaat al.`);
    }
    if (input.provinceCode && !(await trx.selectFrom('province').select('code').where('code', '=', input.provinceCode).executeTakeFirst())) {
      throw badRequest('provincie-onbekend', `Provincie ${input.provinceCode} bestaat niet.`, [{ name: 'provinceCode', code: 'provincie-onbekend', reason: 'onbekend' }]);
    }
    await trx
      .insertInto('pipeline_track')
      .values({ code, name: input.name.trim(), province_code: input.provinceCode ?? null, owner_organisation: input.ownerOrganisation.trim(), description: input.description?.trim() || null, recorded_by: actorLabel(actor.principal) })
      .execute();
    await recordAudit(trx, actor, { action: 'create', resourceType: 'spoor', resourceId: code, after: { ...input, code } });
    return (await listTracks(trx)).find((t) => t.code === code)!;
  });
}

// ---------------------------------------------------------------------------------------------------------------
// Projects

export async function listProjects(db: Db, filter: ProjectFilter) {
  return loadProjects(db, filter, await places(db));
}

export async function getProject(db: Db, id: number) {
  const row = (await db.selectFrom('pipeline_project').selectAll().where('id', '=', id).executeTakeFirst()) as ProjectRow | undefined;
  if (!row) throw notFound('project-onbekend', `Project ${id} bestaat niet.`);
  return { ...toProject(row, await places(db)), history: await loadHistory(db, [id]) };
}

export async function provinceOf(db: Db, municipalityCode: string) {
  return (await places(db)).provinceOf(municipalityCode);
}

/** The municipality a project lies in, for the scoped policy (null when there is no such project). */
export async function projectScope(db: Db, id: number) {
  const row = await db.selectFrom('pipeline_project').select('municipality_code').where('id', '=', id).executeTakeFirst();
  if (!row) return null;
  return { municipalityCode: row.municipality_code, provinceCode: (await places(db)).provinceOf(row.municipality_code) };
}

export interface ProjectInput {
  trackCode: string;
  reference: string;
  name: string;
  municipalityCode: string;
  party: string;
  homeType: string;
  units: number;
  reservedUnits: number;
  expectedDelivery: string;
  status: ProjectStatus;
  costPerUnitCents?: number | null | undefined;
}

function checkProject(input: Pick<ProjectInput, 'units' | 'reservedUnits'>) {
  if (input.reservedUnits > input.units) {
    throw badRequest('aantal-ongeldig', `Voor statushouders (${input.reservedUnits}) kan niet meer zijn dan het aantal woningen (${input.units}).`, [
      { name: 'reservedUnits', code: 'aantal-ongeldig', reason: 'groter dan het aantal woningen' },
    ]);
  }
}

export async function createProject(db: Db, actor: Actor, input: ProjectInput) {
  checkProject(input);
  return inTransaction(db, async (trx) => {
    await sql`select pg_advisory_xact_lock(${PIPELINE_LOCK_KEY})`.execute(trx);
    const p = await places(trx);
    if (!(await trx.selectFrom('pipeline_track').select('code').where('code', '=', input.trackCode).executeTakeFirst())) {
      throw badRequest('spoor-onbekend', `Spoor ${input.trackCode} bestaat niet.`, [{ name: 'trackCode', code: 'spoor-onbekend', reason: 'onbekend' }]);
    }
    if (!p.current.has(input.municipalityCode)) {
      throw badRequest('gemeente-onbekend', `Gemeente ${input.municipalityCode} bestaat niet (meer).`, [{ name: 'municipalityCode', code: 'gemeente-onbekend', reason: 'onbekend' }]);
    }
    const taken = await trx
      .selectFrom('pipeline_project')
      .select('id')
      .where('track_code', '=', input.trackCode)
      .where(sql<string>`upper(reference)`, '=', input.reference.trim().toUpperCase())
      .executeTakeFirst();
    if (taken) throw conflict('projectcode-bestaat', `In spoor ${input.trackCode} bestaat al een project met projectcode ${input.reference.trim()} (project ${taken.id}).`);
    const { id } = await trx
      .insertInto('pipeline_project')
      .values({
        track_code: input.trackCode,
        reference: input.reference.trim(),
        name: input.name.trim(),
        municipality_code: input.municipalityCode,
        party: input.party.trim(),
        home_type: input.homeType.trim(),
        units: input.units,
        reserved_units: input.reservedUnits,
        expected_delivery: input.expectedDelivery,
        first_expected_delivery: input.expectedDelivery,
        status: input.status,
        cost_per_unit_cents: input.costPerUnitCents ?? null,
        recorded_by: actorLabel(actor.principal),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await recordAudit(trx, actor, { action: 'create', resourceType: 'project', resourceId: String(id), after: input });
    return getProject(trx, id);
  });
}

export interface ProjectChange {
  name?: string | undefined;
  party?: string | undefined;
  homeType?: string | undefined;
  units?: number | undefined;
  reservedUnits?: number | undefined;
  status?: ProjectStatus | undefined;
  costPerUnitCents?: number | null | undefined;
  expectedDelivery?: string | undefined;
  /** Required when the expected delivery moves: why (it stays in the project's history). */
  reason?: string | undefined;
}

async function applyChange(trx: Db, actor: Actor, old: ProjectRow, change: ProjectChange, changedOn: string) {
  const units = change.units ?? old.units;
  const reservedUnits = change.reservedUnits ?? old.reserved_units;
  checkProject({ units, reservedUnits });
  const status = change.status ?? old.status;
  domain(() => checkStatusChange(old.status, status));
  const delivery = change.expectedDelivery ?? old.expected_delivery;
  if (delivery !== old.expected_delivery) {
    if (!change.reason?.trim()) {
      throw badRequest('reden-verplicht', 'Geef een reden voor de nieuwe opleverdatum: die blijft in de geschiedenis van het project staan.', [{ name: 'reason', code: 'verplicht', reason: 'reden ontbreekt' }]);
    }
    await trx
      .insertInto('pipeline_delivery_change')
      .values({ project_id: old.id, changed_on: changedOn, from_date: old.expected_delivery, to_date: delivery, reason: change.reason.trim(), recorded_by: actorLabel(actor.principal) })
      .execute();
  }
  const next = {
    name: change.name?.trim() ?? old.name,
    party: change.party?.trim() ?? old.party,
    home_type: change.homeType?.trim() ?? old.home_type,
    units,
    reserved_units: reservedUnits,
    status,
    cost_per_unit_cents: change.costPerUnitCents === undefined ? old.cost_per_unit_cents : change.costPerUnitCents,
    expected_delivery: delivery,
  };
  await trx.updateTable('pipeline_project').set({ ...next, version: old.version + 1 }).where('id', '=', old.id).execute();
  const before = { name: old.name, party: old.party, home_type: old.home_type, units: old.units, reserved_units: old.reserved_units, status: old.status, cost_per_unit_cents: old.cost_per_unit_cents, expected_delivery: old.expected_delivery };
  await recordAudit(trx, actor, { action: 'update', resourceType: 'project', resourceId: String(old.id), before, after: { ...next, reason: change.reason ?? null } });
}

export async function updateProject(db: Db, actor: Actor, id: number, version: number, change: ProjectChange, changedOn = today()) {
  return inTransaction(db, async (trx) => {
    const old = (await trx.selectFrom('pipeline_project').selectAll().where('id', '=', id).forUpdate().executeTakeFirst()) as ProjectRow | undefined;
    if (!old) throw notFound('project-onbekend', `Project ${id} bestaat niet.`);
    if (old.version !== version) throw staleVersion(`project ${id}`, old.version);
    await applyChange(trx, actor, old, change, changedOn);
    return getProject(trx, id);
  });
}

// ---------------------------------------------------------------------------------------------------------------
// Upload

/** The municipalities a principal may enter projects for; null = all (national). */
export async function uploadScope(db: Db, principal: Principal): Promise<Set<string> | null> {
  if (principal.kind === 'system' || authorize(principal, 'pipeline.manage', {})) return null;
  if (principal.kind !== 'user') return new Set();
  const p = await places(db);
  const out = new Set<string>();
  for (const [code, m] of p.current) {
    if (authorize(principal, 'pipeline.manage', { municipalityCode: code, provinceCode: m.provinceCode })) out.add(code);
  }
  return out;
}

export interface UploadInput {
  content: Buffer;
  format: 'csv' | 'xlsx';
  fileName?: string | undefined;
}

export interface UploadResult {
  uploadId: number;
  lines: number;
  created: number;
  changed: number;
  unchanged: number;
}

/**
 * Projects in bulk: every line checked first (within the uploader's scope), then all written in one transaction or
 * none. A line names its project by track and projectcode: a new one is added, a known one with other figures is
 * updated (a new delivery date goes into the history with the file as its reason), a known one with the same
 * figures is left alone, so the same file twice changes nothing. An empty name or cost keeps the known one (the domain's
 * rule in planPipelineUpload): a file without costs must not erase them.
 */
export async function uploadProjects(db: Db, actor: Actor, input: UploadInput, changedOn = today()): Promise<UploadResult> {
  const p = await places(db);
  const tracks = (await db.selectFrom('pipeline_track').select('code').execute()).map((t) => t.code);
  const opts = {
    knownTracks: tracks,
    knownMunicipalities: p.current,
    scopeMunicipalities: await uploadScope(db, actor.principal),
    today: changedOn,
  };
  const parsed = input.format === 'xlsx' ? checkPipelineRows({ ...opts, rows: await xlsxRowsOrProblem(input.content) }) : checkPipelineCsv(input.content.toString('utf8'), opts);
  if (!parsed.ok) {
    throw unprocessable('bestand-afgekeurd', `Het bestand is niet ingelezen: ${parsed.errors.length} fout(en). Er is niets gewijzigd.`, lineErrorsToParams(parsed.errors));
  }
  const sha = crypto.createHash('sha256').update(input.content).digest('hex');
  const reason = `Bijgewerkt met upload ${input.fileName ?? sha.slice(0, 12)}`;
  return inTransaction(db, async (trx) => {
    await sql`select pg_advisory_xact_lock(${PIPELINE_LOCK_KEY})`.execute(trx);
    const existing = (await trx.selectFrom('pipeline_project').selectAll().execute()) as ProjectRow[];
    const byRef = new Map(existing.map((r) => [pipelineKey(r.track_code, r.reference), r]));
    let created = 0;
    let changed = 0;
    let unchanged = 0;
    const refused: { line: number; field: string | null; message: string }[] = [];
    for (const row of parsed.rows) {
      const old = byRef.get(row.key);
      if (!old) {
        await trx
          .insertInto('pipeline_project')
          .values({
            track_code: row.trackCode,
            reference: row.reference,
            name: row.name ?? row.reference,
            municipality_code: row.municipalityCode,
            party: row.party,
            home_type: row.homeType,
            units: row.units,
            reserved_units: row.reservedUnits,
            expected_delivery: row.expectedDelivery,
            first_expected_delivery: row.expectedDelivery,
            status: row.status,
            cost_per_unit_cents: row.costPerUnitCents,
            recorded_by: actorLabel(actor.principal),
          })
          .execute();
        created++;
        continue;
      }
      if (old.municipality_code !== row.municipalityCode) {
        refused.push({ line: row.line, field: 'gemeente', message: `project ${row.reference} van spoor ${row.trackCode} ligt in ${old.municipality_code}; een project verhuist niet naar een andere gemeente.` });
        continue;
      }
      const same =
        old.name === (row.name ?? old.name) &&
        old.party === row.party &&
        old.home_type === row.homeType &&
        old.units === row.units &&
        old.reserved_units === row.reservedUnits &&
        old.expected_delivery === row.expectedDelivery &&
        old.status === row.status &&
        (row.costPerUnitCents === null || (old.cost_per_unit_cents === null ? null : Number(old.cost_per_unit_cents)) === row.costPerUnitCents);
      if (same) {
        unchanged++;
        continue;
      }
      if (old.status !== row.status && !isAllowedStatusChange(old.status, row.status)) {
        refused.push({ line: row.line, field: 'status', message: `project ${row.reference} heeft status '${old.status}' en kan niet naar '${row.status}'.` });
        continue;
      }
      await applyChange(trx, actor, old, { name: row.name ?? undefined, party: row.party, homeType: row.homeType, units: row.units, reservedUnits: row.reservedUnits, status: row.status, costPerUnitCents: row.costPerUnitCents ?? undefined, expectedDelivery: row.expectedDelivery, reason }, changedOn);
      changed++;
    }
    if (refused.length > 0) {
      // Thrown inside the transaction: everything written above is rolled back.
      throw unprocessable('bestand-afgekeurd', `Het bestand is niet ingelezen: ${refused.length} regel(s) botsen met wat al is vastgelegd. Er is niets gewijzigd.`, lineErrorsToParams(refused.slice(0, 200)));
    }
    const by = actorLabel(actor.principal);
    const { id } = await trx
      .insertInto('pipeline_upload')
      .values({ file_name: input.fileName ?? null, sha256: sha, lines: parsed.rows.length, created, changed, unchanged, uploaded_by: by })
      .returning('id')
      .executeTakeFirstOrThrow();
    await recordAudit(trx, actor, { action: 'import', resourceType: 'projecten-upload', resourceId: String(id), after: { fileName: input.fileName ?? null, sha256: sha, lines: parsed.rows.length, created, changed, unchanged } });
    return { uploadId: id, lines: parsed.rows.length, created, changed, unchanged };
  });
}

// ---------------------------------------------------------------------------------------------------------------
// Overview

export interface OverviewQuery {
  period: string;
  asOf?: string | undefined;
  province?: string | undefined;
  municipality?: string | undefined;
  /** Persons per home, '2,2' or '2.2'; the domain's default when absent. */
  personsPerHome?: string | undefined;
}

const addMonths = (month: string, n: number) => {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const t = y * 12 + (m - 1) + n;
  return `${Math.floor(t / 12)}-${String((t % 12) + 1).padStart(2, '0')}`;
};
const nextDay = (date: string) => new Date(Date.parse(`${date}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);

/**
 * What the LRT asked for in one answer: per municipality (and in total) what is still due in the half-year
 * (taakstelling plus backlog minus what is realised, from the ledger), the homes for permit holders expected in the
 * rest of the half-year and later, and how much of what is due they cover; the expected homes per month and per
 * half-year; the slips; and the cost per home over time per track and per province.
 */
export async function overview(db: Db, q: OverviewQuery) {
  const half = domain(() => period(q.period));
  const range = { from: half.firstDay, to: half.lastDay };
  const asOf = q.asOf ?? range.from;
  if (asOf < range.from || asOf > range.to) {
    throw badRequest('peildatum-buiten-periode', `De peildatum ${asOf} ligt niet in ${q.period} (${range.from} t/m ${range.to}).`, [{ name: 'asOf', code: 'buiten-periode', reason: `kies een datum in ${q.period}` }]);
  }
  const personsPerHome = domain(() => checkPersonsPerHome(q.personsPerHome?.replace(',', '.') ?? undefined));
  const p = await places(db);
  const projects = await loadProjects(db, q, p);
  const history = await loadHistory(db, projects.map((x) => x.id));
  // Without a published taakstelling for the half-year the pipeline is still shown; nothing is due then, and the
  // answer says why (coverage percentages are null).
  let ledgerNote: string | null = null;
  const ledger = await ledgerOverview(db, { period: q.period, province: q.province ?? (q.municipality ? p.provinceOf(q.municipality) : undefined), asOf }).catch((e: unknown) => {
    if (e instanceof AppError && e.status === 404) {
      ledgerNote = e.detail;
      return { items: [] };
    }
    throw e;
  });
  const ledgerRows = ledger.items.filter((r) => !q.municipality || r.code === q.municipality);

  const after = nextDay(asOf);
  const inRest = (x: PipelineProject) => x.status !== 'vervallen' && x.status !== 'opgeleverd' && x.expectedDelivery >= after && x.expectedDelivery <= range.to;
  const later = (x: PipelineProject) => x.status !== 'vervallen' && x.status !== 'opgeleverd' && x.expectedDelivery > range.to;
  const sum = (xs: readonly PipelineProject[]) => xs.reduce((n, x) => n + x.reservedUnits, 0);

  const byMunicipality = new Map<string, ProjectView[]>();
  for (const x of projects) byMunicipality.set(x.municipalityCode, [...(byMunicipality.get(x.municipalityCode) ?? []), x]);
  const slipList = slips(projects, history);
  const slipsBy = new Map<string, number>();
  for (const s of slipList) {
    const code = projects.find((x) => x.id === s.projectId)?.municipalityCode;
    if (code) slipsBy.set(code, (slipsBy.get(code) ?? 0) + 1);
  }
  const codes = new Set([...ledgerRows.map((r) => r.code), ...byMunicipality.keys()]);
  const rows = [...codes].map((code) => {
    const mine = byMunicipality.get(code) ?? [];
    const l = ledgerRows.find((r) => r.code === code);
    const due = l ? Math.max(0, l.corrected - l.realised) : 0;
    const homesInPeriod = sum(mine.filter(inRest));
    const c = coverage({ reservedHomesExpected: homesInPeriod, dueUnits: due, personsPerHome });
    return {
      municipalityCode: code,
      name: p.name(code),
      provinceCode: p.provinceOf(code),
      due,
      homesExpectedInPeriod: homesInPeriod,
      homesExpectedLater: sum(mine.filter(later)),
      personsCovered: c.personsCovered,
      coveragePercent: c.percent,
      projects: mine.length,
      slips: slipsBy.get(code) ?? 0,
    };
  });
  rows.sort((a, b) => (a.coveragePercent ?? Infinity) - (b.coveragePercent ?? Infinity) || b.due - a.due || a.municipalityCode.localeCompare(b.municipalityCode));

  // Per province: the sums of its municipalities (a due amount is never netted against another's advance).
  const provinceRows = [...new Set(rows.map((r) => r.provinceCode))].sort().map((code) => {
    const mine = rows.filter((r) => r.provinceCode === code);
    const add = (f: (r: (typeof rows)[number]) => number) => mine.reduce((n, r) => n + f(r), 0);
    const c = coverage({ reservedHomesExpected: add((r) => r.homesExpectedInPeriod), dueUnits: add((r) => r.due), personsPerHome });
    return {
      provinceCode: code,
      due: add((r) => r.due),
      homesExpectedInPeriod: add((r) => r.homesExpectedInPeriod),
      homesExpectedLater: add((r) => r.homesExpectedLater),
      personsCovered: c.personsCovered,
      coveragePercent: c.percent,
      projects: add((r) => r.projects),
      slips: add((r) => r.slips),
    };
  });
  const totalDue = rows.reduce((n, r) => n + r.due, 0);
  const totalHomes = sum(projects.filter(inRest));
  const total = coverage({ reservedHomesExpected: totalHomes, dueUnits: totalDue, personsPerHome });
  const lastDelivery = projects.reduce((m, x) => (x.expectedDelivery > m ? x.expectedDelivery : m), range.to);
  const toMonth = addMonths(range.from.slice(0, 7), 35) < lastDelivery.slice(0, 7) ? addMonths(range.from.slice(0, 7), 35) : lastDelivery.slice(0, 7);
  const tracks = (await listTracks(db)).map((t) => {
    const mine = projects.filter((x) => x.trackCode === t.code);
    return { code: t.code, name: t.name, ownerOrganisation: t.ownerOrganisation, projects: mine.length, homesExpectedInPeriod: sum(mine.filter(inRest)), homesExpectedLater: sum(mine.filter(later)), byMonth: expectedByMonth(mine, range.from.slice(0, 7), toMonth) };
  });

  return {
    period: q.period,
    asOf,
    province: q.province ?? null,
    municipality: q.municipality ?? null,
    personsPerHome: formatDecimal(personsPerHome, 3),
    ledgerNote: ledgerNote as string | null,
    totals: {
      due: totalDue,
      homesExpectedInPeriod: totalHomes,
      homesExpectedLater: sum(projects.filter(later)),
      personsCovered: total.personsCovered,
      coveragePercent: total.percent,
      projects: projects.length,
      slips: slipList.length,
    },
    byMonth: expectedByMonth(projects, range.from.slice(0, 7), toMonth),
    byHalfYear: expectedByHalfYear(projects, q.period, periodOf(toMonth.length === 7 ? `${toMonth}-01` : toMonth)),
    tracks: tracks.filter((t) => t.projects > 0),
    provinces: provinceRows,
    municipalities: rows,
    slips: slipList.map(({ project: _project, ...s }) => {
      const x = projects.find((y) => y.id === s.projectId)!;
      return { ...s, name: x.name, trackCode: x.trackCode, municipalityCode: x.municipalityCode, municipalityName: x.municipalityName, reservedUnits: x.reservedUnits, status: x.status };
    }),
    prices: {
      byTrack: priceSeries(projects, 'track', p.provinceOf),
      byProvince: priceSeries(projects, 'province', p.provinceOf),
    },
  };
}

