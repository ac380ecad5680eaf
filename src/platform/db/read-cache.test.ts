import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabase, type TestDatabase } from '../../../test/helpers/db.ts';
import { cachedRead } from './read-cache.ts';
import type { Db } from './database.ts';

describe('cachedRead: answers from the cache only while nothing was committed', () => {
  let t: TestDatabase;
  let computed = 0;
  /**
   * Transaction ids are cluster-wide: on the shared PostgreSQL of the test run, other test files commit all the time
   * and every commit anywhere is (rightly) a new snapshot. So the counts of computations are checked on PGlite, where
   * this worker's file is alone; the answers are checked on both.
   */
  const expectComputed = (n: number) => {
    if (t.kind === 'pglite') expect(computed).toBe(n);
  };
  const total = (db: Db) =>
    cachedRead(db, 'probe.total', { scope: 'all' }, async (trx) => {
      computed++;
      const { rows } = await sql<{ total: number }>`select coalesce(sum(n), 0)::int as total from cache_probe`.execute(trx);
      return rows[0]!.total;
    });

  beforeAll(async () => {
    t = await testDatabase();
    await sql`create table cache_probe (n int not null)`.execute(t.db);
    await sql`insert into cache_probe values (1), (2)`.execute(t.db);
  });
  afterAll(() => t.close());

  it('computes once for repeated reads without a write in between, and again after a committed write', async () => {
    computed = 0;
    expect(await total(t.db)).toBe(3);
    expect(await total(t.db)).toBe(3);
    expect(await total(t.db)).toBe(3);
    expectComputed(1);

    await sql`insert into cache_probe values (4)`.execute(t.db);
    expect(await total(t.db)).toBe(7);
    expectComputed(2);
    expect(await total(t.db)).toBe(7);
    expectComputed(2);
  });

  it('concurrent reads of one snapshot share one computation', async () => {
    await sql`insert into cache_probe values (10)`.execute(t.db);
    computed = 0;
    expect(await Promise.all([total(t.db), total(t.db), total(t.db)])).toEqual([17, 17, 17]);
    // On PGlite the three transactions run one after the other on one connection, on PostgreSQL side by side;
    // either way they see the same snapshot and one computation answers all three.
    expectComputed(1);
  });

  it('keys by the arguments: another question is computed on its own', async () => {
    computed = 0;
    const other = await cachedRead(t.db, 'probe.total', { scope: 'big' }, async (trx) => {
      computed++;
      const { rows } = await sql<{ total: number }>`select coalesce(sum(n), 0)::int as total from cache_probe where n > 3`.execute(trx);
      return rows[0]!.total;
    });
    expect(other).toBe(14);
    expectComputed(1);
  });

  it('inside a transaction it computes with the transaction’s own uncommitted rows and keeps nothing', async () => {
    expect(await total(t.db)).toBe(17);
    computed = 0;
    await t.db
      .transaction()
      .execute(async (trx) => {
        await sql`insert into cache_probe values (100)`.execute(trx);
        expect(await total(trx)).toBe(117);
        throw new Error('roll back');
      })
      .catch(() => undefined);
    expectComputed(1);
    expect(await total(t.db)).toBe(17);
  });

  it('a failed computation is not kept: the next read tries again', async () => {
    let calls = 0;
    const flaky = (db: Db) =>
      cachedRead(db, 'probe.flaky', null, async () => {
        calls++;
        if (calls === 1) throw new Error('eerste keer mislukt');
        return 'gelukt';
      });
    await expect(flaky(t.db)).rejects.toThrow('eerste keer mislukt');
    expect(await flaky(t.db)).toBe('gelukt');
    expect(calls).toBe(2);
  });
});
