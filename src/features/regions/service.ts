import crypto from 'node:crypto';
import { inTransaction, type Db } from '../../platform/db/database.ts';
import { AppError, badRequest, notFound, staleVersion, unprocessable, type InvalidParam } from '../../platform/http/errors.ts';
import { actorLabel } from '../../domain/access/policies.ts';
import { recordAudit, type Actor } from '../audit/audit.ts';
import { existsOn, firstOfJanuary, type MunicipalityPeriod } from '../../domain/regions/regions.ts';
import {
  derivePopulation,
  latestReferenceDate,
  STATUS_RANK,
  weakestStatus,
  type DerivedPopulation,
  type PopulationStatus,
} from '../../domain/regions/population.ts';
import { parsePopulationFile, type LineError } from '../../domain/regions/population-file.ts';
import { formatDate } from '../../lib/dutch.ts';
import * as repo from './repository.ts';

export interface Population {
  inhabitants: number | null;
  referenceDate: string | null;
  status: PopulationStatus | null;
  basis: DerivedPopulation['basis'];
  sources: string[];
  missing: string | null;
}

export interface MunicipalityView {
  code: string;
  name: string;
  provinceCode: string;
  provinceName: string;
  validFrom: string | null;
  validTo: string | null;
  population: Population;
}

export interface ProvinceView {
  code: string;
  name: string;
  municipalityCount: number;
  population: Population;
}

export async function coverage(db: Db) {
  const c = await repo.getCoverage(db);
  if (!c) throw notFound('geen-referentiedata', 'Er zijn nog geen regio-gegevens geladen. Voer `regie migrate` uit.');
  const years: number[] = [];
  for (let y = Number(c.valid_from.slice(0, 4)); firstOfJanuary(y) <= c.valid_to; y++) {
    if (firstOfJanuary(y) >= c.valid_from) years.push(y);
  }
  const { rows, national } = await repo.referenceDateSummaries(db);
  const byDate = new Map<string, { statuses: PopulationStatus[]; count: number; sum: number }>();
  for (const r of rows) {
    const entry = byDate.get(r.reference_date) ?? { statuses: [], count: 0, sum: 0 };
    entry.statuses.push(r.status);
    entry.count += Number(r.count);
    entry.sum += Number(r.sum);
    byDate.set(r.reference_date, entry);
  }
  const nationalByDate = new Map(national.map((n) => [n.reference_date, n]));
  const referenceDates = [...byDate.entries()].map(([referenceDate, e]) => ({
    referenceDate,
    status: weakestStatus(e.statuses),
    municipalityCount: e.count,
    sum: e.sum,
    nationalTotal: nationalByDate.get(referenceDate)?.inhabitants ?? null,
    nationalStatus: nationalByDate.get(referenceDate)?.status ?? null,
  }));
  return { years, defaultYear: years[years.length - 1]!, boundaryValidFrom: c.valid_from, boundaryValidTo: c.valid_to, referenceDates };
}

async function checkedYear(db: Db, year: number) {
  const { years } = await coverage(db);
  if (!years.includes(year)) {
    throw notFound(
      'jaar-onbekend',
      `Voor ${year} is geen gemeentelijke indeling bekend; beschikbaar: ${years[0]}–${years[years.length - 1]}.`,
    );
  }
  return firstOfJanuary(year);
}

interface YearContext {
  boundaryDate: string;
  referenceDate: string | null;
  provinces: { code: string; name: string }[];
  municipalities: MunicipalityPeriod[];
  derive(m: MunicipalityPeriod): Population;
}

async function yearContext(db: Db, year: number): Promise<YearContext> {
  return boundaryContext(db, await checkedYear(db, year));
}

/**
 * Municipalities existing on `boundaryDate` with their population on `referenceDate` (default: the
 * latest reference date on or before the boundary date), derived across reorganisations.
 */
async function boundaryContext(db: Db, boundaryDate: string, fixedReferenceDate?: string): Promise<YearContext> {
  const [provinces, all, reorganisations, summaries] = await Promise.all([
    repo.listProvinces(db),
    repo.listMunicipalities(db),
    repo.listReorganisations(db),
    repo.referenceDateSummaries(db),
  ]);
  const referenceDate = fixedReferenceDate ?? latestReferenceDate(summaries.rows.map((r) => r.reference_date), boundaryDate);
  const figures = referenceDate ? await repo.figuresOn(db, referenceDate) : new Map();
  const provinceFigures = referenceDate ? await repo.provinceFiguresOn(db, referenceDate) : new Map();
  const municipalities = all.filter((m) => existsOn(m, boundaryDate));
  const derive = (m: MunicipalityPeriod): Population => {
    if (!referenceDate) {
      return { inhabitants: null, referenceDate: null, status: null, basis: null, sources: [], missing: `Geen inwonertallen op of vóór ${formatDate(boundaryDate)}.` };
    }
    const d = derivePopulation({
      municipalityCode: m.code,
      boundaryDate,
      referenceDate,
      reorganisations,
      figures,
      provinceFigure: provinceFigures.get(m.code),
    });
    return { inhabitants: d.inhabitants, referenceDate, status: d.status, basis: d.basis, sources: d.sources, missing: d.missing };
  };
  return { boundaryDate, referenceDate, provinces, municipalities, derive };
}

/** Checks that the stored boundaries cover a date; answers in Dutch which period they do cover. */
export async function checkBoundaryDate(db: Db, date: string, field = 'boundaryDate'): Promise<string> {
  const c = await repo.getCoverage(db);
  if (!c) throw notFound('geen-referentiedata', 'Er zijn nog geen regio-gegevens geladen. Voer `regie migrate` uit.');
  if (date < c.valid_from || date > c.valid_to) {
    throw badRequest('indeling-onbekend', `Voor ${formatDate(date)} is geen gemeentelijke indeling bekend; bekend is ${formatDate(c.valid_from)} t/m ${formatDate(c.valid_to)}.`, [
      { name: field, code: 'indeling-onbekend', reason: `${field} valt buiten ${c.valid_from} t/m ${c.valid_to}` },
    ]);
  }
  return date;
}

/** The latest boundary date the reference data covers (the default for decisions). */
export async function latestBoundaryDate(db: Db): Promise<string> {
  const c = await repo.getCoverage(db);
  if (!c) throw notFound('geen-referentiedata', 'Er zijn nog geen regio-gegevens geladen. Voer `regie migrate` uit.');
  return c.valid_to;
}

/**
 * Provinces and municipalities in the boundaries of `boundaryDate` with their population on
 * `referenceDate`: what a distribution key or a taakstelling is computed from.
 */
export async function populationAt(db: Db, boundaryDate: string, referenceDate: string) {
  await checkBoundaryDate(db, boundaryDate);
  if (referenceDate > boundaryDate) {
    throw badRequest('peildatum-na-indeling', `De peildatum ${formatDate(referenceDate)} ligt na de indelingsdatum ${formatDate(boundaryDate)}.`, [
      { name: 'referenceDate', code: 'peildatum-na-indeling', reason: 'peildatum ligt na de indelingsdatum' },
    ]);
  }
  const dates = (await repo.referenceDateSummaries(db)).rows.map((r) => r.reference_date);
  const provinceFigureDates = await db.selectFrom('population_set_by_province').select('reference_date').distinct().execute();
  if (!dates.includes(referenceDate) && !provinceFigureDates.some((r) => r.reference_date === referenceDate)) {
    const available = [...new Set(dates)].sort().join(', ') || 'geen';
    throw badRequest('peildatum-zonder-inwonertal', `Er zijn geen inwonertallen op peildatum ${formatDate(referenceDate)}; beschikbaar: ${available}.`, [
      { name: 'referenceDate', code: 'peildatum-zonder-inwonertal', reason: `geen inwonertallen op ${referenceDate}` },
    ]);
  }
  const ctx = await boundaryContext(db, boundaryDate, referenceDate);
  const municipalities = ctx.municipalities.map((m) => municipalityView(ctx, m)).sort((a, b) => a.code.localeCompare(b.code));
  const provinces = ctx.provinces.map((p) => provinceView(ctx, p, municipalities.filter((m) => m.provinceCode === p.code)));
  return { boundaryDate, referenceDate, provinces, municipalities };
}

function municipalityView(ctx: YearContext, m: MunicipalityPeriod): MunicipalityView {
  const provinceName = ctx.provinces.find((p) => p.code === m.provinceCode)?.name ?? m.provinceCode;
  return { ...m, provinceName, population: ctx.derive(m) };
}

function provinceView(ctx: YearContext, p: { code: string; name: string }, members: MunicipalityView[]): ProvinceView {
  const missing = members.filter((m) => m.population.inhabitants === null);
  const statuses = members.flatMap((m) => (m.population.status ? [m.population.status] : []));
  const population: Population =
    missing.length > 0 || members.length === 0
      ? {
          inhabitants: null,
          referenceDate: ctx.referenceDate,
          status: null,
          basis: null,
          sources: [],
          missing:
            members.length === 0
              ? 'Geen gemeenten in deze provincie.'
              : `Inwonertal ontbreekt voor ${missing.map((m) => `${m.name} (${m.code})`).join(', ')}.`,
        }
      : {
          inhabitants: members.reduce((s, m) => s + (m.population.inhabitants ?? 0), 0),
          referenceDate: ctx.referenceDate,
          status: weakestStatus(statuses),
          basis: null,
          sources: [...new Set(members.flatMap((m) => m.population.sources))],
          missing: null,
        };
  return { code: p.code, name: p.name, municipalityCount: members.length, population };
}

export async function municipalities(db: Db, year: number, provinceCode?: string) {
  const ctx = await yearContext(db, year);
  if (provinceCode && !ctx.provinces.some((p) => p.code === provinceCode)) {
    throw notFound('provincie-onbekend', `Provincie ${provinceCode} bestaat niet (PV20 t/m PV31).`);
  }
  const items = ctx.municipalities
    .filter((m) => !provinceCode || m.provinceCode === provinceCode)
    .map((m) => municipalityView(ctx, m))
    .sort((a, b) => a.name.localeCompare(b.name, 'nl'));
  return { year, boundaryDate: ctx.boundaryDate, referenceDate: ctx.referenceDate, items };
}

export async function municipality(db: Db, code: string, year: number) {
  const ctx = await yearContext(db, year);
  const m = ctx.municipalities.find((x) => x.code === code);
  if (!m) throw notFound('gemeente-onbekend', `Gemeente ${code} bestond niet op ${formatDate(ctx.boundaryDate)}.`);
  return { year, boundaryDate: ctx.boundaryDate, referenceDate: ctx.referenceDate, municipality: municipalityView(ctx, m) };
}

export async function provinces(db: Db, year: number) {
  const ctx = await yearContext(db, year);
  const views = ctx.municipalities.map((m) => municipalityView(ctx, m));
  const items = ctx.provinces.map((p) => provinceView(ctx, p, views.filter((m) => m.provinceCode === p.code)));
  return { year, boundaryDate: ctx.boundaryDate, referenceDate: ctx.referenceDate, items };
}

export async function province(db: Db, code: string, year: number) {
  const ctx = await yearContext(db, year);
  const p = ctx.provinces.find((x) => x.code === code);
  if (!p) throw notFound('provincie-onbekend', `Provincie ${code} bestaat niet (PV20 t/m PV31).`);
  const members = ctx.municipalities
    .filter((m) => m.provinceCode === code)
    .map((m) => municipalityView(ctx, m))
    .sort((a, b) => a.name.localeCompare(b.name, 'nl'));
  return {
    year,
    boundaryDate: ctx.boundaryDate,
    referenceDate: ctx.referenceDate,
    province: provinceView(ctx, p, members),
    municipalities: members,
  };
}

export async function reorganisations(db: Db, year?: number) {
  const [all, municipalities] = await Promise.all([repo.listReorganisations(db), repo.listMunicipalities(db)]);
  const name = new Map(municipalities.map((m) => [m.code, m.name]));
  const items = all
    .filter((r) => year === undefined || r.effectiveDate.startsWith(`${year}-`))
    .map((r) => ({ ...r, oldName: name.get(r.oldCode) ?? r.oldCode, newName: name.get(r.newCode) ?? r.newCode }));
  return { items };
}

export async function populationOn(db: Db, referenceDate: string) {
  const [figures, provinceFigures, municipalities, summaries] = await Promise.all([
    repo.figuresOn(db, referenceDate),
    repo.provinceFiguresOn(db, referenceDate),
    repo.listMunicipalities(db),
    repo.referenceDateSummaries(db),
  ]);
  if (figures.size === 0 && provinceFigures.size === 0) {
    const available = [...new Set(summaries.rows.map((r) => r.reference_date))].join(', ') || 'geen';
    throw notFound('peildatum-onbekend', `Geen inwonertallen op ${referenceDate}; beschikbare peildata: ${available}.`);
  }
  const name = new Map(municipalities.map((m) => [m.code, m]));
  const national = summaries.national.find((n) => n.reference_date === referenceDate) ?? null;
  return {
    referenceDate,
    national: national ? { inhabitants: national.inhabitants, status: national.status, source: national.source } : null,
    items: [...figures.values()].map((f) => ({
      municipalityCode: f.municipalityCode,
      municipalityName: name.get(f.municipalityCode)?.name ?? f.municipalityCode,
      provinceCode: name.get(f.municipalityCode)?.provinceCode ?? null,
      inhabitants: f.inhabitants,
      status: f.status,
      source: f.source,
    })),
    setByProvince: [...provinceFigures.values()].map((f) => ({ municipalityCode: f.municipalityCode, inhabitants: f.inhabitants, reason: f.reason })),
  };
}

export interface ImportInput {
  text: string;
  fileName?: string | undefined;
  status?: PopulationStatus | undefined;
  source?: string | undefined;
  onProgress?: (done: number, total: number) => void;
}

export interface ImportResult {
  importId: number;
  format: string;
  referenceDate: string;
  status: PopulationStatus;
  source: string;
  rowCount: number;
  replacedCount: number;
  warnings: string[];
}

const BATCH = 250;

export function lineErrorsToParams(errors: LineError[]): InvalidParam[] {
  return errors.map((e) => ({
    name: e.line > 0 ? `regel ${e.line}${e.field ? `: ${e.field}` : ''}` : (e.field ?? 'bestand'),
    code: 'ongeldige-regel',
    reason: e.line > 0 ? `regel ${e.line}${e.field ? `, ${e.field}` : ''}: ${e.message}` : e.message,
    ...(e.line > 0 ? { line: e.line } : {}),
  }));
}

/**
 * Checks a population file completely, then writes it in one transaction: either every line is
 * stored or none. An official table replaces a provisional or unofficial one for the same date;
 * a weaker table never replaces a stronger one.
 */
export async function importPopulation(db: Db, actor: Actor, input: ImportInput): Promise<ImportResult> {
  const all = await repo.listMunicipalities(db);
  const parsed = parsePopulationFile(input.text, { municipalities: all, status: input.status, source: input.source });
  if (parsed.errors.length > 0) {
    throw unprocessable(
      'bestand-afgekeurd',
      `Het bestand is niet ingelezen: ${parsed.errors.length} fout(en). Er is niets gewijzigd.`,
      lineErrorsToParams(parsed.errors),
    );
  }
  const referenceDate = parsed.referenceDate!;
  const status = parsed.status!;
  const source = parsed.source!;
  return inTransaction(db, async (trx) => {
    const existing = await repo.statusesOn(trx, referenceDate);
    const stronger = parsed.rows.filter((r) => {
      const s = existing.get(r.municipalityCode);
      return s !== undefined && STATUS_RANK[s] > STATUS_RANK[status];
    });
    if (stronger.length > 0) {
      const first = stronger[0]!;
      throw unprocessable(
        'status-lager',
        `Voor ${formatDate(referenceDate)} staan al cijfers met een sterkere status (bijv. ${first.municipalityCode}: ${existing.get(first.municipalityCode)}); ` +
          `een ${status} bestand vervangt die niet. Er is niets gewijzigd.`,
        [{ name: 'status', code: 'status-lager', reason: `${stronger.length} gemeente(n) hebben al een sterkere status` }],
      );
    }
    const replacedCount = parsed.rows.filter((r) => existing.has(r.municipalityCode)).length;
    const previous = replacedCount > 0 ? await repo.figuresOn(trx, referenceDate) : new Map();
    const importId = await repo.insertImport(trx, {
      referenceDate,
      status,
      source,
      format: parsed.format,
      fileName: input.fileName ?? null,
      contentSha256: crypto.createHash('sha256').update(input.text).digest('hex'),
      rowCount: parsed.rows.length,
      replacedCount,
      importedBy: actorLabel(actor.principal),
    });
    for (let i = 0; i < parsed.rows.length; i += BATCH) {
      await repo.upsertPopulation(trx, parsed.rows.slice(i, i + BATCH), { referenceDate, status, source, importId });
      input.onProgress?.(Math.min(i + BATCH, parsed.rows.length), parsed.rows.length);
    }
    const replaced = Object.fromEntries(
      parsed.rows
        .filter((r) => previous.has(r.municipalityCode))
        .map((r) => [r.municipalityCode, { inhabitants: previous.get(r.municipalityCode)!.inhabitants, status: previous.get(r.municipalityCode)!.status }]),
    );
    await recordAudit(trx, actor, {
      action: 'import',
      resourceType: 'inwonertallen',
      resourceId: referenceDate,
      before: replacedCount > 0 ? replaced : undefined,
      after: { importId, fileName: input.fileName ?? null, rowCount: parsed.rows.length, replacedCount, status, source, format: parsed.format },
    });
    return { importId, format: parsed.format, referenceDate, status, source, rowCount: parsed.rows.length, replacedCount, warnings: parsed.warnings };
  });
}

export interface ProvinceFigureView {
  municipalityCode: string;
  municipalityName: string;
  provinceCode: string;
  referenceDate: string;
  inhabitants: number;
  reason: string;
  recordedBy: string;
  recordedAt: string;
  version: number;
}

async function findProvinceFigure(db: Db, code: string, referenceDate: string): Promise<ProvinceFigureView | undefined> {
  const row = await db
    .selectFrom('population_set_by_province as f')
    .innerJoin('municipality as m', 'm.code', 'f.municipality_code')
    .select(['f.municipality_code', 'm.name', 'm.province_code', 'f.reference_date', 'f.inhabitants', 'f.reason', 'f.recorded_by', 'f.recorded_at', 'f.version'])
    .where('f.municipality_code', '=', code)
    .where('f.reference_date', '=', referenceDate)
    .executeTakeFirst();
  return row
    ? {
        municipalityCode: row.municipality_code,
        municipalityName: row.name,
        provinceCode: row.province_code,
        referenceDate: row.reference_date,
        inhabitants: row.inhabitants,
        reason: row.reason,
        recordedBy: row.recorded_by,
        recordedAt: row.recorded_at.toISOString(),
        version: row.version,
      }
    : undefined;
}

export async function provinceFigure(db: Db, code: string, referenceDate: string): Promise<ProvinceFigureView> {
  const f = await findProvinceFigure(db, code, referenceDate);
  if (!f) throw notFound('cijfer-onbekend', `Voor ${code} is op ${formatDate(referenceDate)} geen inwonertal door de provincie vastgesteld.`);
  return f;
}

/** The province a municipality lies in (for scoped access), or a 404 for an unknown code. */
export async function provinceOfMunicipality(db: Db, code: string): Promise<string> {
  const m = (await repo.listMunicipalities(db)).find((x) => x.code === code);
  if (!m) throw notFound('gemeente-onbekend', `Gemeente ${code} bestaat niet.`);
  return m.provinceCode;
}

/**
 * Records the figure the provincial executive set for a municipality whose boundaries changed after
 * the reference date (Huisvestingswet art. 30). Changing an existing figure needs the version it
 * builds on (`expectedVersion`); a stale one changes nothing.
 */
export async function setPopulationByProvince(
  db: Db,
  actor: Actor,
  input: { municipalityCode: string; referenceDate: string; inhabitants: number; reason: string; expectedVersion?: number | undefined },
): Promise<ProvinceFigureView & { created: boolean }> {
  const problems: InvalidParam[] = [];
  if (!Number.isSafeInteger(input.inhabitants) || input.inhabitants < 0) {
    problems.push({ name: 'inwoners', code: 'ongeldig', reason: 'inwoners moet een geheel getal van 0 of meer zijn' });
  }
  if (!input.reason.trim()) problems.push({ name: 'reden', code: 'verplicht', reason: 'reden is verplicht (bijv. het besluit van GS)' });
  const all = await repo.listMunicipalities(db);
  const m = all.find((x) => x.code === input.municipalityCode);
  if (!m) problems.push({ name: 'gemeentecode', code: 'onbekend', reason: `onbekende gemeentecode ${input.municipalityCode}` });
  else if (m.validTo !== null && m.validTo <= input.referenceDate) {
    problems.push({ name: 'gemeentecode', code: 'opgeheven', reason: `${m.name} bestond niet meer op ${formatDate(input.referenceDate)}` });
  }
  if (problems.length > 0) throw badRequest('ongeldige-invoer', problems.map((p) => p.reason).join('; '), problems);
  return inTransaction(db, async (trx) => {
    const before = await findProvinceFigure(trx, input.municipalityCode, input.referenceDate);
    if (before && input.expectedVersion === undefined) {
      throw new AppError(428, 'versie-vereist', 'Versie vereist', `Er staat al een cijfer (versie ${before.version}); zeg op welke versie uw wijziging voortbouwt.`, [], { currentVersion: before.version });
    }
    if (before && before.version !== input.expectedVersion) throw staleVersion('dit inwonertal', before.version);
    if (!before && input.expectedVersion !== undefined) {
      throw notFound('cijfer-onbekend', 'Het cijfer dat u wilt wijzigen bestaat niet (meer).');
    }
    await repo.upsertProvinceFigure(trx, { ...input, reason: input.reason.trim(), recordedBy: actorLabel(actor.principal) });
    const after = (await findProvinceFigure(trx, input.municipalityCode, input.referenceDate))!;
    await recordAudit(trx, actor, {
      action: before ? 'update' : 'create',
      resourceType: 'inwonertal-provincie',
      resourceId: `${input.municipalityCode}/${input.referenceDate}`,
      before: before ? { inhabitants: before.inhabitants, reason: before.reason } : undefined,
      after: { inhabitants: after.inhabitants, reason: after.reason },
    });
    return { ...after, created: !before };
  });
}
