import { sql } from 'kysely';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabase, type TestDatabase } from '../../../test/helpers/db.ts';

/**
 * A PostgreSQL connection that breaks while it is checked out of the pool (inside a transaction, between two
 * statements) emits 'error' on the client itself; without a listener that ended the whole server (seen when
 * PostgreSQL was restarted under load). Only on PostgreSQL: PGlite has no connections to lose.
 */
describe.runIf(process.env.DATABASE_URL)('a PostgreSQL connection lost while in use', () => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await testDatabase();
  });
  afterAll(() => t.close());

  it('fails only that transaction; the process lives on and the next query gets a new connection', async () => {
    const uncaught: unknown[] = [];
    const onUncaught = (e: unknown) => uncaught.push(e);
    process.on('uncaughtException', onUncaught);
    try {
      const outcome = await t.db
        .transaction()
        .execute(async (trx) => {
          const { rows } = await sql<{ pid: number }>`select pg_backend_pid() as pid`.execute(trx);
          const admin = new pg.Client({ connectionString: process.env.DATABASE_URL });
          await admin.connect();
          await admin.query('select pg_terminate_backend($1)', [rows[0]!.pid]);
          await admin.end();
          // Give the terminated connection's socket time to report the error while the transaction still holds it.
          await new Promise((r) => setTimeout(r, 300));
          await sql`select 1`.execute(trx);
          return 'voltooid';
        })
        .catch((e: unknown) => e);
      expect(outcome).toBeInstanceOf(Error);
      expect(uncaught).toEqual([]);
      const { rows } = await sql<{ one: number }>`select 1 as one`.execute(t.db);
      expect(rows[0]!.one).toBe(1);
    } finally {
      process.off('uncaughtException', onUncaught);
    }
  });
});
