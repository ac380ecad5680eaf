import { PGlite } from '@electric-sql/pglite';
import { Kysely, PostgresDialect, sql } from 'kysely';
import pg from 'pg';
import fs from 'node:fs';
import type { DB } from './schema.ts';
import { PGlitePool, quoteIdent } from './pglite-pool.ts';
import { copyAwarePool } from './copy-aware-pool.ts';

export type { DB } from './schema.ts';
export type Db = Kysely<DB>;

export interface Database {
  db: Db;
  kind: 'pglite' | 'postgres';
  /** Human-readable location (folder or URL without password) for logs and `regie` output. */
  location: string;
  close(): Promise<void>;
}

export interface OpenOptions {
  /** A PostgreSQL URL; when absent the embedded PGlite database in `dataDir` is used. */
  databaseUrl?: string | undefined;
  /** Folder for PGlite; `memory://` keeps it in memory (tests). */
  dataDir: string;
  /** Use (and create) this schema instead of `public`: how tests isolate suites in one database. */
  schema?: string;
  /** Reuse an already created PGlite instance (tests create one per worker: creating costs seconds). */
  pglite?: PGlite;
}

// Dates stay 'YYYY-MM-DD' strings: a JS Date would shift a peildatum across time zones.
const DATE_OID = 1082;
const INT8_OID = 20;
const NUMERIC_OID = 1700;
const pgliteParsers = {
  [DATE_OID]: (v: string) => v,
  [INT8_OID]: (v: string) => Number(v),
  [NUMERIC_OID]: (v: string) => v,
};

export async function openDatabase(options: OpenOptions): Promise<Database> {
  if (options.databaseUrl) return openPostgres(options.databaseUrl, options.schema);
  return openPGlite(options);
}

async function openPostgres(url: string, schema?: string): Promise<Database> {
  const types = {
    getTypeParser(oid: number, format?: 'text' | 'binary') {
      if (oid === DATE_OID) return (v: string) => v;
      if (oid === INT8_OID) return (v: string) => Number(v);
      if (oid === NUMERIC_OID) return (v: string) => v;
      return pg.types.getTypeParser(oid, format);
    },
  };
  if (schema) {
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    try {
      await admin.query(`create schema if not exists ${quoteIdent(schema)}`);
    } finally {
      await admin.end();
    }
  }
  const pool = new pg.Pool({
    connectionString: url,
    max: 10,
    types: types as pg.CustomTypesConfig,
    ...(schema ? { options: `-c search_path=${schema}` } : {}),
  });
  // An idle connection that PostgreSQL closes (a restart, a failover) emits 'error' on the pool; unhandled, that
  // ended the whole server. The pool drops the broken client and opens a new one on the next query.
  pool.on('error', (err) => {
    process.emitWarning(`PostgreSQL-verbinding verbroken (${err.message}); de volgende query maakt een nieuwe.`);
  });
  // The pool listens only on idle connections. One that is checked out (in a transaction, between two statements)
  // when the server goes away emits 'error' on the client itself, which also ended the process (found by the load
  // benchmark with LOAD_PG_RESTART=1). Its pending query fails on its own, the request answers 503, and the pool
  // drops the connection when it is released with the error.
  pool.on('connect', (client) => {
    client.on('error', (err) => {
      process.emitWarning(`PostgreSQL-verbinding verbroken tijdens gebruik (${err.message}).`);
    });
  });
  const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool: copyAwarePool(pool) }) });
  return {
    db,
    kind: 'postgres',
    location: redactUrl(url),
    async close() {
      await db.destroy();
    },
  };
}

async function openPGlite(options: OpenOptions): Promise<Database> {
  const owned = !options.pglite;
  let pglite = options.pglite;
  if (!pglite) {
    if (!options.dataDir.startsWith('memory://')) fs.mkdirSync(options.dataDir, { recursive: true });
    const dir = options.dataDir.startsWith('memory://') ? undefined : options.dataDir;
    pglite = await PGlite.create(dir, { parsers: pgliteParsers });
  }
  if (options.schema) await pglite.exec(`create schema if not exists ${quoteIdent(options.schema)}`);
  const pool = new PGlitePool(pglite, options.schema);
  const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool: pool as unknown as pg.Pool }) });
  return {
    db,
    kind: 'pglite',
    location: options.dataDir,
    async close() {
      await db.destroy();
      if (owned) await pglite.close();
    },
  };
}

export function createPGlite(): Promise<PGlite> {
  return PGlite.create(undefined, { parsers: pgliteParsers });
}

export async function databaseAnswers(db: Db): Promise<boolean> {
  try {
    await sql`select 1`.execute(db);
    return true;
  } catch {
    return false;
  }
}

function redactUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return 'postgres://…';
  }
}

/** Runs `fn` in a transaction, or in the caller's transaction when `db` already is one. */
export function inTransaction<T>(db: Db, fn: (trx: Db) => Promise<T>): Promise<T> {
  return db.isTransaction ? fn(db) : db.transaction().execute(fn);
}
