import type { PGlite } from '@electric-sql/pglite';
import { sql } from 'kysely';
import crypto from 'node:crypto';
import { createPGlite, openDatabase, type Database } from '../../src/platform/db/database.ts';
import { bringUpToDate } from '../../src/platform/setup.ts';

/**
 * One suite, two databases: PGlite by default, a real PostgreSQL when DATABASE_URL is set.
 * A worker creates one PGlite (seconds) and every test file gets a fresh schema in it (milliseconds),
 * migrated and loaded with the reference data, so files never see each other's writes.
 */
const shared = globalThis as unknown as { __regietafelPGlite?: Promise<PGlite> };

export interface TestDatabase extends Database {
  schema: string;
}

export async function testDatabase(opts: { demo?: boolean } = {}): Promise<TestDatabase> {
  const schema = `t_${crypto.randomBytes(6).toString('hex')}`;
  const databaseUrl = process.env.DATABASE_URL || undefined;
  let pglite: PGlite | undefined;
  if (!databaseUrl) {
    shared.__regietafelPGlite ??= createPGlite();
    pglite = await shared.__regietafelPGlite;
  }
  const database = await openDatabase({ databaseUrl, dataDir: 'memory://', schema, pglite });
  await bringUpToDate(database, { demo: opts.demo ?? false });
  return {
    ...database,
    schema,
    async close() {
      await sql.raw(`drop schema if exists "${schema}" cascade`).execute(database.db);
      await database.close();
    },
  };
}

/** A second "server instance" on a test database: its own connection pool on the same database and schema. */
export async function secondInstance(database: TestDatabase): Promise<Database> {
  const databaseUrl = process.env.DATABASE_URL || undefined;
  return openDatabase({ databaseUrl, dataDir: 'memory://', schema: database.schema, pglite: databaseUrl ? undefined : await shared.__regietafelPGlite });
}
