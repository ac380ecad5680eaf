import type { Config } from './config.ts';
import { openDatabase, type Database } from './db/database.ts';
import { migrate } from './db/migrate.ts';
import { ensureReferenceData } from '../features/regions/reference-data.ts';
import { seedDemo } from '../features/demo/seed.ts';

export interface PrepareReport {
  migrations: string[];
  referenceDataLoaded: boolean;
  demoSteps: string[];
}

/** Brings a database up to date: migrations, reference data, and optionally the demo data. Idempotent. */
export async function bringUpToDate(database: Database, opts: { demo: boolean }): Promise<PrepareReport> {
  const applied = await migrate(database.db);
  const referenceDataLoaded = await ensureReferenceData(database.db);
  const demoSteps = opts.demo ? await seedDemo(database.db) : [];
  return { migrations: applied.map((m) => `${m.version} ${m.name}`), referenceDataLoaded, demoSteps };
}

export function describeReport(r: PrepareReport): string[] {
  const lines: string[] = [];
  if (r.migrations.length > 0) lines.push(`Migraties uitgevoerd: ${r.migrations.join(', ')}`);
  if (r.referenceDataLoaded) lines.push('Referentiedata geladen (provincies, gemeenten, herindelingen, inwonertallen).');
  if (r.demoSteps.length > 0) lines.push(`Demodata geladen: ${r.demoSteps.join(', ')}`);
  return lines;
}

/** Opens the configured database and brings it up to date. */
export async function prepareDatabase(config: Config, opts: { demo: boolean; log?: (msg: string) => void }): Promise<Database> {
  const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  try {
    const report = await bringUpToDate(database, opts);
    for (const line of describeReport(report)) opts.log?.(line);
    return database;
  } catch (e) {
    await database.close();
    throw e;
  }
}
