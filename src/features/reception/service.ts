import crypto from 'node:crypto';
import { sql } from 'kysely';
import type { Db } from '../../platform/db/database.ts';
import { inTransaction } from '../../platform/db/database.ts';
import { badRequest, conflict, notFound, unprocessable, checkedBy } from '../../platform/http/errors.ts';
import { actorLabel, type Principal } from '../../domain/access/policies.ts';
import {
  LOCATION_TYPE_LABELS,
  ReceptionError,
  addDays,
  breachCountsPerPeriod,
  breachDays,
  breachSummary,
  capacityOn,
  capacitySeries,
  capacityShareOn,
  checkCapacityEvents,
  checkLocation,
  checkNorms,
  checkOccupancyRows,
  describeForecast,
  forecastBreach,
  newBreachAlerts,
  normOn,
  openPeriods,
  parseOccupancyCsv,
  penaltyCounter,
  type CapacityEvent,
  type LocationType,
  type NormPeriod,
  type ParsedOccupancy,
} from '../../domain/reception/index.ts';
import { recordAudit, type Actor } from '../audit/audit.ts';
import { lineErrorsToParams } from '../regions/service.ts';
import { xlsxRowsOrProblem } from '../ledger/realisations.ts';

/**
 * Reception monitoring: locations with capacity and norms, COA's daily occupancy, norm breaches with their
 * alerts, the forecast of the next breach, and capacity per province against the capacity decision. The rules
 * live in src/domain/reception; this module gathers, stores and audits.
 */
const domain = <T>(fn: () => T): T => checkedBy([ReceptionError], fn);

export function today(): string {
  return new Date().toISOString().slice(0, 10);
}

interface LocationData {
  code: string;
  name: string;
  type: LocationType;
  municipalityCode: string;
  municipalityName: string;
  provinceCode: string;
  version: number;
  events: CapacityEvent[];
  norms: (NormPeriod & { penaltyCentsPerDay: number | null })[];
}

/** Every location with its capacity events and norms (a few hundred at most: read whole). */
async function loadLocations(db: Db, code?: string): Promise<LocationData[]> {
  let q = db
    .selectFrom('reception_location as l')
    .innerJoin('municipality as m', 'm.code', 'l.municipality_code')
    .select(['l.code', 'l.name', 'l.type', 'l.municipality_code', 'l.version', 'm.name as municipality_name', 'm.province_code'])
    .orderBy('l.code');
  if (code) q = q.where('l.code', '=', code);
  const rows = await q.execute();
  const events = await db.selectFrom('reception_capacity_event').selectAll().orderBy('event_date').orderBy('id').execute();
  const norms = await db.selectFrom('reception_norm').selectAll().orderBy('valid_from').orderBy('id').execute();
  return rows.map((r) => ({
    code: r.code,
    name: r.name,
    type: r.type,
    municipalityCode: r.municipality_code,
    municipalityName: r.municipality_name,
    provinceCode: r.province_code,
    version: r.version,
    events: events.filter((e) => e.location_code === r.code).map((e) => ({ date: e.event_date, kind: e.kind, places: e.places })),
    norms: norms
      .filter((n) => n.location_code === r.code)
      .map((n) => ({ from: n.valid_from, to: n.valid_to, max: n.maximum, penaltyCentsPerDay: n.penalty_cents_per_day === null ? null : Number(n.penalty_cents_per_day) })),
  }));
}

async function seriesOf(db: Db, code: string, from?: string, to?: string) {
  let q = db.selectFrom('occupancy').select(['day', 'occupancy', 'permit_holders']).where('location_code', '=', code).orderBy('day');
  if (from) q = q.where('day', '>=', from);
  if (to) q = q.where('day', '<=', to);
  return q.execute();
}

export interface LocationInput {
  code: string;
  name: string;
  type: LocationType;
  municipalityCode: string;
  events: readonly CapacityEvent[];
  norms?: { from: string; to?: string | null; max: number; penaltyCentsPerDay?: number | null; reason?: string | null }[];
}

/** A new reception location with its capacity events and norms; everything checked before anything is stored. */
export async function createLocation(db: Db, actor: Actor, input: LocationInput) {
  const checked = domain(() => checkLocation({ code: input.code, name: input.name, type: input.type, municipalityCode: input.municipalityCode, events: input.events }));
  const norms = domain(() => checkNorms((input.norms ?? []).map((n) => ({ from: n.from, to: n.to ?? null, max: n.max }))));
  return inTransaction(db, async (trx) => {
    const municipality = await trx.selectFrom('municipality').select(['code', 'valid_to']).where('code', '=', checked.municipalityCode).executeTakeFirst();
    if (!municipality) throw badRequest('gemeente-onbekend', `Gemeente ${checked.municipalityCode} bestaat niet.`, [{ name: 'municipalityCode', code: 'gemeente-onbekend', reason: 'onbekende gemeentecode' }]);
    const exists = await trx.selectFrom('reception_location').select('code').where('code', '=', checked.code).executeTakeFirst();
    if (exists) throw conflict('locatie-bestaat', `Er is al een opvanglocatie met code ${checked.code}.`);
    const by = actorLabel(actor.principal);
    await trx.insertInto('reception_location').values({ code: checked.code, name: checked.name.trim(), type: checked.type, municipality_code: checked.municipalityCode, recorded_by: by }).execute();
    if (checked.events.length > 0) {
      await trx.insertInto('reception_capacity_event').values(checked.events.map((e) => ({ location_code: checked.code, event_date: e.date, kind: e.kind, places: e.places, recorded_by: by }))).execute();
    }
    const normRows = (input.norms ?? []).map((n, i) => ({
      location_code: checked.code,
      valid_from: norms[i]!.from,
      valid_to: norms[i]!.to,
      maximum: norms[i]!.max,
      penalty_cents_per_day: n.penaltyCentsPerDay ?? null,
      reason: n.reason ?? null,
      recorded_by: by,
    }));
    if (normRows.length > 0) await trx.insertInto('reception_norm').values(normRows).execute();
    await recordAudit(trx, actor, { action: 'create', resourceType: 'opvanglocatie', resourceId: checked.code, after: { ...checked, norms: input.norms ?? [] } });
    return locationSummary(trx, checked.code, today());
  });
}

/** A capacity event (opening, extension, reduction, closing) added to a location; the whole history is checked again. */
export async function addCapacityEvent(db: Db, actor: Actor, code: string, event: CapacityEvent & { reason?: string | null }) {
  return inTransaction(db, async (trx) => {
    const [location] = await loadLocations(trx, code);
    if (!location) throw notFound('locatie-onbekend', `Opvanglocatie ${code} bestaat niet.`);
    const events = domain(() => checkCapacityEvents([...location.events, { date: event.date, kind: event.kind, places: event.places }], 'events', code));
    const { id } = await trx
      .insertInto('reception_capacity_event')
      .values({ location_code: code, event_date: event.date, kind: event.kind, places: event.places, reason: event.reason ?? null, recorded_by: actorLabel(actor.principal) })
      .returning('id')
      .executeTakeFirstOrThrow();
    await recordAudit(trx, actor, {
      action: 'create',
      resourceType: 'opvangcapaciteit',
      resourceId: `${code}/${id}`,
      before: { capacity: capacityOn(location.events, event.date) },
      after: { ...event, capacity: capacityOn(events, event.date) },
    });
    return { id, locationCode: code, ...event, reason: event.reason ?? null, capacity: capacityOn(events, event.date) };
  });
}

export interface OccupancyUploadInput {
  content: Buffer;
  fileName?: string | undefined;
  format: 'csv' | 'xlsx';
  /** A figure for a day that is already stored with another number is refused unless the uploader corrects on purpose. */
  corrections?: boolean;
  onProgress?: (done: number, total: number) => void;
}

export interface OccupancyUploadResult {
  uploadId: number | null;
  alreadyUploaded: boolean;
  lineCount: number;
  newCount: number;
  correctedCount: number;
  unchangedCount: number;
  alerts: { locationCode: string; date: string; occupancy: number; norm: number; streakStart: string }[];
}

async function parseOccupancyUpload(db: Db, input: OccupancyUploadInput): Promise<ParsedOccupancy> {
  const locations = (await loadLocations(db)).map((l) => ({ code: l.code, name: l.name, open: openPeriods(l.events) }));
  const opts = { locations, notAfter: today() };
  if (input.format === 'xlsx') return checkOccupancyRows({ ...opts, rows: await xlsxRowsOrProblem(input.content) });
  return parseOccupancyCsv(input.content.toString('utf8'), opts);
}

/**
 * COA's daily occupancy list: every line checked first, then all written in one transaction or none. The same
 * file twice changes nothing; a day already stored with the same figure is left alone; with another figure it is
 * refused (naming the line) unless `corrections` is set, and then the old figure goes to the audit trail. New
 * norm breaches raise their alert in the same transaction.
 */
export async function uploadOccupancy(db: Db, actor: Actor, input: OccupancyUploadInput): Promise<OccupancyUploadResult> {
  const sha = crypto.createHash('sha256').update(input.content).digest('hex');
  const known = await db.selectFrom('occupancy_upload').select(['id', 'line_count']).where('content_sha256', '=', sha).executeTakeFirst();
  if (known) return { uploadId: known.id, alreadyUploaded: true, lineCount: known.line_count, newCount: 0, correctedCount: 0, unchangedCount: known.line_count, alerts: [] };
  const parsed = await parseOccupancyUpload(db, input);
  if (parsed.errors.length > 0) {
    throw unprocessable('bestand-afgekeurd', `Het bestand is niet ingelezen: ${parsed.errors.length} fout(en). Er is niets gewijzigd.`, lineErrorsToParams(parsed.errors));
  }
  return inTransaction(db, async (trx) => {
    await sql`select pg_advisory_xact_lock(7305002)`.execute(trx);
    const landed = await trx.selectFrom('occupancy_upload').select(['id', 'line_count']).where('content_sha256', '=', sha).executeTakeFirst();
    if (landed) return { uploadId: landed.id, alreadyUploaded: true, lineCount: landed.line_count, newCount: 0, correctedCount: 0, unchangedCount: landed.line_count, alerts: [] };
    const codes = [...new Set(parsed.lines.map((l) => l.locationCode))];
    const existing = await trx.selectFrom('occupancy').selectAll().where('location_code', 'in', codes).execute();
    const stored = new Map(existing.map((e) => [`${e.location_code}|${e.day}`, e]));
    const fresh = [];
    const corrected = [];
    const refused = [];
    for (const l of parsed.lines) {
      const old = stored.get(`${l.locationCode}|${l.date}`);
      if (!old) fresh.push(l);
      else if (old.occupancy === l.occupancy && old.permit_holders === l.permitHolders) continue;
      else if (input.corrections) corrected.push({ line: l, old });
      else refused.push({ line: l.line, field: 'bezetting', message: `voor ${l.locationCode} op ${l.date} is al ${old.occupancy} vastgelegd${old.permit_holders === null ? '' : ` (statushouders ${old.permit_holders})`}; een correctie moet als correctie worden ingelezen.` });
    }
    if (refused.length > 0) {
      throw unprocessable('bestand-afgekeurd', `Het bestand is niet ingelezen: ${refused.length} regel(s) wijken af van wat al is vastgelegd. Er is niets gewijzigd.`, lineErrorsToParams(refused.slice(0, 200)));
    }
    const by = actorLabel(actor.principal);
    const { id } = await trx
      .insertInto('occupancy_upload')
      .values({ content_sha256: sha, file_name: input.fileName ?? null, format: input.format, line_count: parsed.lines.length, new_count: fresh.length, corrected_count: corrected.length, uploaded_by: by })
      .returning('id')
      .executeTakeFirstOrThrow();
    const BATCH = 5000;
    for (let i = 0; i < fresh.length; i += BATCH) {
      await trx
        .insertInto('occupancy')
        .values(fresh.slice(i, i + BATCH).map((l) => ({ location_code: l.locationCode, day: l.date, occupancy: l.occupancy, permit_holders: l.permitHolders, upload_id: id, recorded_by: by })))
        .execute();
      input.onProgress?.(Math.min(i + BATCH, fresh.length), fresh.length + corrected.length);
    }
    for (const c of corrected) {
      await trx
        .updateTable('occupancy')
        .set({ occupancy: c.line.occupancy, permit_holders: c.line.permitHolders, upload_id: id, recorded_by: by, recorded_at: new Date() })
        .where('location_code', '=', c.line.locationCode)
        .where('day', '=', c.line.date)
        .execute();
    }
    const alerts = await raiseAlerts(trx, codes);
    await recordAudit(trx, actor, {
      action: 'import',
      resourceType: 'bezetting',
      resourceId: String(id),
      after: { fileName: input.fileName ?? null, sha256: sha, lineCount: parsed.lines.length, newCount: fresh.length, correctedCount: corrected.length, alerts: alerts.length },
      ...(corrected.length > 0
        ? { before: { corrections: corrected.slice(0, 500).map((c) => ({ location: c.line.locationCode, day: c.line.date, occupancy: c.old.occupancy, permitHolders: c.old.permit_holders })) } }
        : {}),
    });
    return {
      uploadId: id,
      alreadyUploaded: false,
      lineCount: parsed.lines.length,
      newCount: fresh.length,
      correctedCount: corrected.length,
      unchangedCount: parsed.lines.length - fresh.length - corrected.length,
      alerts,
    };
  });
}

/** One day's figure for one location (COA over the API): the same path as a one-line upload. */
export async function recordOccupancy(db: Db, actor: Actor, code: string, input: { date: string; occupancy: number; permitHolders?: number | undefined; correction?: boolean }) {
  const csv = `locatiecode,datum,bezetting,statushouders\n${code},${input.date},${input.occupancy},${input.permitHolders ?? ''}\n`;
  return uploadOccupancy(db, actor, { content: Buffer.from(csv), format: 'csv', fileName: 'handmatig', corrections: input.correction ?? false });
}

/** Raises the alert of every breach streak not alerted before (one per streak, by its first day). */
async function raiseAlerts(trx: Db, codes: readonly string[]) {
  const raised: OccupancyUploadResult['alerts'] = [];
  for (const location of await loadLocations(trx)) {
    if (!codes.includes(location.code) || location.norms.length === 0) continue;
    const series = new Map((await seriesOf(trx, location.code)).map((r) => [r.day, r.occupancy]));
    for (const a of newBreachAlerts(location.code, series, location.norms)) {
      const inserted = await trx
        .insertInto('reception_alert')
        .values({ kind: 'norm-overschreden', location_code: a.locationCode, day: a.date, occupancy: a.occupancy, maximum: a.norm, streak_start: a.streakStart, province_code: location.provinceCode })
        .onConflict((oc) => oc.columns(['kind', 'location_code', 'streak_start']).doNothing())
        .returning('id')
        .executeTakeFirst();
      if (inserted) raised.push(a);
    }
  }
  return raised;
}

/**
 * Who follows a location's alerts: the national roles (secretariat, LRT members, COA), the province the location is
 * in (its supervisor and PRT members) and the municipality it stands in.
 */
export function followsAlert(p: Principal, alert: { provinceCode: string; municipalityCode: string }): boolean {
  if (p.kind === 'system') return true;
  if (p.kind !== 'user') return false;
  return p.roles.some(
    (g) =>
      g.role === 'secretariaat' ||
      g.role === 'coa' ||
      (g.role === 'lid' && (g.scope === '' || g.scope === alert.provinceCode)) ||
      (g.role === 'provincie' && g.scope === alert.provinceCode) ||
      (g.role === 'gemeente' && g.scope === alert.municipalityCode),
  );
}

export async function listAlerts(db: Db, principal: Principal, opts: { limit?: number } = {}) {
  const rows = await db
    .selectFrom('reception_alert as a')
    .innerJoin('reception_location as l', 'l.code', 'a.location_code')
    .select(['a.id', 'a.kind', 'a.location_code', 'l.name', 'l.municipality_code', 'a.day', 'a.occupancy', 'a.maximum', 'a.streak_start', 'a.province_code', 'a.created_at'])
    .orderBy('a.day', 'desc')
    .orderBy('a.id', 'desc')
    .limit(opts.limit ?? 100)
    .execute();
  return rows
    .filter((r) => followsAlert(principal, { provinceCode: r.province_code, municipalityCode: r.municipality_code }))
    .map((r) => ({
      id: r.id,
      kind: r.kind,
      locationCode: r.location_code,
      locationName: r.name,
      provinceCode: r.province_code,
      day: r.day,
      occupancy: r.occupancy,
      maximum: r.maximum,
      streakStart: r.streak_start,
      message: `${r.name}: ${r.occupancy} bewoners op ${r.day}, boven de norm van ${r.maximum} (sinds ${r.streak_start}).`,
      createdAt: r.created_at.toISOString(),
    }));
}

async function latestDay(db: Db, asOf: string): Promise<string | null> {
  const r = await db.selectFrom('occupancy').select((eb) => eb.fn.max('day').as('day')).where('day', '<=', asOf).executeTakeFirst();
  return (r?.day as string | null | undefined) ?? null;
}

async function locationSummary(db: Db, code: string, asOf: string) {
  const [l] = await loadLocations(db, code);
  if (!l) throw notFound('locatie-onbekend', `Opvanglocatie ${code} bestaat niet.`);
  return summarise(l, await db.selectFrom('occupancy').selectAll().where('location_code', '=', code).where('day', '<=', asOf).orderBy('day', 'desc').limit(1).executeTakeFirst(), asOf);
}

function summarise(l: LocationData, last: { day: string; occupancy: number; permit_holders: number | null } | undefined, asOf: string) {
  return {
    code: l.code,
    name: l.name,
    type: l.type,
    typeLabel: LOCATION_TYPE_LABELS[l.type],
    municipalityCode: l.municipalityCode,
    municipalityName: l.municipalityName,
    provinceCode: l.provinceCode,
    capacity: capacityOn(l.events, asOf),
    norm: normOn(l.norms, asOf),
    lastDay: last?.day ?? null,
    occupancy: last?.occupancy ?? null,
    permitHolders: last?.permit_holders ?? null,
    overNorm: last !== undefined && normOn(l.norms, last.day) !== null ? last.occupancy > normOn(l.norms, last.day)! : false,
    version: l.version,
  };
}

/** Every location as it stood on `asOf`: capacity, norm, latest figure on or before that day. */
export async function listLocations(db: Db, asOf = today()) {
  const locations = await loadLocations(db);
  const latest = await sql<{ location_code: string; day: string; occupancy: number; permit_holders: number | null }>`
    select distinct on (location_code) location_code, day, occupancy, permit_holders
    from occupancy where day <= ${asOf}::date order by location_code, day desc`.execute(db);
  const byCode = new Map(latest.rows.map((r) => [r.location_code, r]));
  return { asOf, items: locations.map((l) => summarise(l, byCode.get(l.code), asOf)) };
}

/**
 * One location over a window: daily occupancy beside capacity and norm, the breach days and streaks, the forecast
 * of the next breach with its error on past data, and the penalty counter where a penalty is configured.
 */
export async function locationDetail(db: Db, code: string, opts: { from?: string | undefined; to?: string | undefined } = {}) {
  const [l] = await loadLocations(db, code);
  if (!l) throw notFound('locatie-onbekend', `Opvanglocatie ${code} bestaat niet.`);
  const rows = await seriesOf(db, code, undefined, opts.to);
  const to = opts.to ?? rows[rows.length - 1]?.day ?? today();
  const from = opts.from ?? addDays(to, -97);
  if (from > to) throw badRequest('periode-ongeldig', `De periode ${from} t/m ${to} eindigt voor ze begint.`, [{ name: 'from', code: 'periode-ongeldig', reason: 'from ligt na to' }]);
  const series = new Map(rows.map((r) => [r.day, r.occupancy]));
  const capacity = new Map(capacitySeries(l.events, from, to).map((c) => [c.date, c.capacity]));
  const days = rows
    .filter((r) => r.day >= from)
    .map((r) => ({ date: r.day, occupancy: r.occupancy, permitHolders: r.permit_holders, capacity: capacity.get(r.day) ?? null, norm: normOn(l.norms, r.day) }));
  const summary = domain(() => breachSummary(series, l.norms));
  const forecast = l.norms.length > 0 && series.size >= 3 ? domain(() => forecastBreach(series, l.norms)) : null;
  const penaltyNorms = l.norms.filter((n) => n.penaltyCentsPerDay !== null);
  // Counted up to the end of the window shown (or the norm's end), per norm that carries a penalty.
  const penalties = penaltyNorms.map((n) => domain(() => penaltyCounter(series, [n], { amountCents: n.penaltyCentsPerDay!, from: n.from, to: n.to ?? to })));
  return {
    location: summarise(l, rows[rows.length - 1], to),
    from,
    to,
    events: l.events,
    norms: l.norms,
    days,
    breachDays: breachDays(series, l.norms).filter((b) => b.date >= from),
    breachesPerMonth: breachCountsPerPeriod(series, l.norms, 'maand'),
    summary,
    forecast: forecast ? { ...forecast, description: describeForecast(forecast) } : null,
    penalties,
  };
}

/**
 * The national picture on `asOf` (default: the latest day with figures): occupancy against capacity per type, the
 * registration centres against their norm, permit holders waiting in reception, and capacity per province against
 * its share of the latest published capacity decision.
 */
export async function nationalReception(db: Db, asOf?: string) {
  const day = asOf ?? (await latestDay(db, today()));
  const locations = await loadLocations(db);
  if (!day) return { asOf: null, byType: [], registrationCentres: [], permitHolders: 0, occupancy: 0, capacity: 0, capacityShare: null, alerts: [] };
  const figures = await db.selectFrom('occupancy').selectAll().where('day', '=', day).execute();
  const byCode = new Map(figures.map((f) => [f.location_code, f]));
  const types = [...new Set(locations.map((l) => l.type))];
  const byType = types.map((type) => {
    const of = locations.filter((l) => l.type === type);
    return {
      type,
      label: LOCATION_TYPE_LABELS[type],
      locations: of.length,
      capacity: of.reduce((s, l) => s + capacityOn(l.events, day), 0),
      occupancy: of.reduce((s, l) => s + (byCode.get(l.code)?.occupancy ?? 0), 0),
      reported: of.filter((l) => byCode.has(l.code)).length,
    };
  });
  const registrationCentres = [];
  for (const l of locations.filter((x) => x.type === 'aanmeldcentrum')) {
    const series = new Map((await seriesOf(db, l.code, addDays(day, -97), day)).map((r) => [r.day, r.occupancy]));
    registrationCentres.push({ code: l.code, name: l.name, norm: normOn(l.norms, day), occupancy: byCode.get(l.code)?.occupancy ?? null, summary: breachSummary(series, l.norms) });
  }
  const decision = await db
    .selectFrom('distribution_decision')
    .select(['id', 'title', 'result', 'published_at'])
    .where('kind', '=', 'verdeling')
    .where('status', '=', 'gepubliceerd')
    .where('level', '=', 'province')
    .orderBy('published_at', 'desc')
    .executeTakeFirst();
  let capacityShare = null;
  if (decision) {
    const areas = (decision.result as { areas: { code: string; name: string; assigned: number }[] }).areas;
    capacityShare = {
      decisionId: decision.id,
      title: decision.title,
      ...capacityShareOn(
        areas.map((a) => ({ provinceCode: a.code, name: a.name, share: a.assigned })),
        locations.map((l) => ({ code: l.code, provinceCode: l.provinceCode, events: l.events })),
        day,
      ),
    };
  }
  return {
    asOf: day,
    byType,
    registrationCentres,
    permitHolders: figures.reduce((s, f) => s + (f.permit_holders ?? 0), 0),
    occupancy: figures.reduce((s, f) => s + f.occupancy, 0),
    capacity: locations.reduce((s, l) => s + capacityOn(l.events, day), 0),
    capacityShare,
  };
}
