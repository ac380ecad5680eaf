import type { Db } from '../../platform/db/database.ts';
import type { MunicipalityPeriod, Reorganisation } from '../../domain/regions/regions.ts';
import type { PopulationFigure, PopulationStatus, ProvinceFigure } from '../../domain/regions/population.ts';

/** The only place where regions speak SQL. Takes the database or a transaction. */

export async function listProvinces(db: Db) {
  return db.selectFrom('province').select(['code', 'name']).orderBy('code').execute();
}

export async function listMunicipalities(db: Db): Promise<MunicipalityPeriod[]> {
  const rows = await db.selectFrom('municipality').selectAll().orderBy('code').execute();
  return rows.map((r) => ({ code: r.code, name: r.name, provinceCode: r.province_code, validFrom: r.valid_from, validTo: r.valid_to }));
}

export async function listReorganisations(db: Db): Promise<Reorganisation[]> {
  const rows = await db.selectFrom('reorganisation').selectAll().orderBy('effective_date').orderBy('new_code').orderBy('old_code').execute();
  return rows.map((r) => ({ effectiveDate: r.effective_date, oldCode: r.old_code, newCode: r.new_code, kind: r.kind }));
}

export async function getCoverage(db: Db) {
  return db.selectFrom('boundary_coverage').select(['valid_from', 'valid_to']).executeTakeFirst();
}

export async function referenceDateSummaries(db: Db) {
  const rows = await db
    .selectFrom('population')
    .select((eb) => [
      'reference_date',
      'status',
      eb.fn.countAll<number>().as('count'),
      eb.fn.sum<number>('inhabitants').as('sum'),
    ])
    .groupBy(['reference_date', 'status'])
    .orderBy('reference_date')
    .execute();
  const national = await db.selectFrom('national_population').selectAll().execute();
  return { rows, national };
}

export async function figuresOn(db: Db, referenceDate: string): Promise<Map<string, PopulationFigure>> {
  const rows = await db.selectFrom('population').selectAll().where('reference_date', '=', referenceDate).execute();
  return new Map(
    rows.map((r) => [
      r.municipality_code,
      { municipalityCode: r.municipality_code, inhabitants: r.inhabitants, status: r.status, source: r.source },
    ]),
  );
}

export async function provinceFiguresOn(db: Db, referenceDate: string): Promise<Map<string, ProvinceFigure>> {
  const rows = await db.selectFrom('population_set_by_province').selectAll().where('reference_date', '=', referenceDate).execute();
  return new Map(rows.map((r) => [r.municipality_code, { municipalityCode: r.municipality_code, inhabitants: r.inhabitants, reason: r.reason }]));
}

export async function statusesOn(db: Db, referenceDate: string): Promise<Map<string, PopulationStatus>> {
  const rows = await db.selectFrom('population').select(['municipality_code', 'status']).where('reference_date', '=', referenceDate).execute();
  return new Map(rows.map((r) => [r.municipality_code, r.status]));
}

export interface NewImport {
  referenceDate: string;
  status: PopulationStatus;
  source: string;
  format: string;
  fileName: string | null;
  contentSha256: string | null;
  rowCount: number;
  replacedCount: number;
  importedBy: string;
}

export async function insertImport(db: Db, i: NewImport): Promise<number> {
  const row = await db
    .insertInto('population_import')
    .values({
      reference_date: i.referenceDate,
      status: i.status,
      source: i.source,
      format: i.format,
      file_name: i.fileName,
      content_sha256: i.contentSha256,
      row_count: i.rowCount,
      replaced_count: i.replacedCount,
      imported_by: i.importedBy,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function upsertPopulation(
  db: Db,
  rows: { municipalityCode: string; inhabitants: number }[],
  meta: { referenceDate: string; status: PopulationStatus; source: string; importId: number },
) {
  if (rows.length === 0) return;
  await db
    .insertInto('population')
    .values(
      rows.map((r) => ({
        municipality_code: r.municipalityCode,
        reference_date: meta.referenceDate,
        inhabitants: r.inhabitants,
        status: meta.status,
        source: meta.source,
        import_id: meta.importId,
      })),
    )
    .onConflict((oc) =>
      oc.columns(['municipality_code', 'reference_date']).doUpdateSet((eb) => ({
        inhabitants: eb.ref('excluded.inhabitants'),
        status: eb.ref('excluded.status'),
        source: eb.ref('excluded.source'),
        import_id: eb.ref('excluded.import_id'),
      })),
    )
    .execute();
}

export async function upsertProvinceFigure(
  db: Db,
  f: { municipalityCode: string; referenceDate: string; inhabitants: number; reason: string; recordedBy: string },
) {
  await db
    .insertInto('population_set_by_province')
    .values({
      municipality_code: f.municipalityCode,
      reference_date: f.referenceDate,
      inhabitants: f.inhabitants,
      reason: f.reason,
      recorded_by: f.recordedBy,
    })
    .onConflict((oc) =>
      oc.columns(['municipality_code', 'reference_date']).doUpdateSet((eb) => ({
        inhabitants: f.inhabitants,
        reason: f.reason,
        recorded_by: f.recordedBy,
        recorded_at: new Date(),
        version: eb('population_set_by_province.version', '+', 1),
      })),
    )
    .execute();
}

export async function listImports(db: Db) {
  return db.selectFrom('population_import').selectAll().orderBy('id', 'desc').execute();
}
