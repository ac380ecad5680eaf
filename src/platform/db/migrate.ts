import { sql } from 'kysely';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Db } from './database.ts';

export const MIGRATIONS_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../migrations');

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

export function readMigrations(dir = MIGRATIONS_DIR): Migration[] {
  const seen = new Set<number>();
  return fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.sql'))
    .sort()
    .map((file) => {
      const match = /^(\d{3})_([a-z0-9_]+)\.sql$/.exec(file);
      if (!match) throw new Error(`Migratiebestand ${file} heeft geen naam als 001_naam.sql`);
      const version = Number(match[1]);
      if (seen.has(version)) throw new Error(`Migratienummer ${version} komt twee keer voor`);
      seen.add(version);
      return { version, name: match[2]!, sql: fs.readFileSync(path.join(dir, file), 'utf8') };
    });
}

// Any fixed number works; it only has to be the same for every instance of Regietafel.
const MIGRATION_LOCK_KEY = 7_250_001;

/**
 * Applies the migrations that are not yet applied, each in its own transaction. Several server
 * instances may start at once against one PostgreSQL: an advisory lock lets one migrate at a time.
 */
export async function migrate(db: Db, migrations = readMigrations()): Promise<Migration[]> {
  return db.connection().execute(async (conn) => {
    await sql`create table if not exists schema_migrations (
      version integer primary key, name text not null, applied_at timestamptz not null default now())`.execute(conn);
    await sql`select pg_advisory_lock(${MIGRATION_LOCK_KEY})`.execute(conn);
    try {
      const applied = new Set((await conn.selectFrom('schema_migrations').select('version').execute()).map((r) => r.version));
      const pending = migrations.filter((m) => !applied.has(m.version));
      for (const m of pending) {
        await conn.transaction().execute(async (trx) => {
          await sql.raw(m.sql).execute(trx);
          await trx.insertInto('schema_migrations').values({ version: m.version, name: m.name }).execute();
        });
      }
      return pending;
    } finally {
      await sql`select pg_advisory_unlock(${MIGRATION_LOCK_KEY})`.execute(conn);
    }
  });
}

/** Migrations known to this build but not applied in the database (empty means ready). */
export async function pendingMigrations(db: Db, migrations = readMigrations()): Promise<Migration[]> {
  try {
    const applied = new Set((await db.selectFrom('schema_migrations').select('version').execute()).map((r) => r.version));
    return migrations.filter((m) => !applied.has(m.version));
  } catch {
    return migrations;
  }
}
