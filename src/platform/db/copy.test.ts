import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { testDatabase, type TestDatabase } from '../../../test/helpers/db.ts';
import { copyRows, csvField } from './copy.ts';
import { inTransaction } from './database.ts';

describe('COPY through Kysely (both databases)', () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await testDatabase();
    await sql`create table copy_probe (t text, n integer)`.execute(database.db);
  });
  afterAll(async () => database?.close());

  const rows = async () => (await sql<{ t: string | null; n: number | null }>`select t, n from copy_probe order by n nulls last`.execute(database.db)).rows;

  it('stores text exactly: quotes, commas, line breaks, an empty string apart from null', async () => {
    const values: (string | null)[] = ['gewoon', 'met "aanhalingstekens"', 'komma, erin', 'regel\nbreuk', '', null, "ĳ's en é", '\\.', ' spaties ', 'a\\b'];
    const csv = values.map((v, i) => `${csvField(v)},${csvField(i)}\n`);
    const n = await inTransaction(database.db, (trx) => copyRows(trx, 'copy_probe', ['t', 'n'], csv));
    expect(n).toBe(values.length);
    expect((await rows()).map((r) => r.t)).toEqual(values);
  });

  it('writes nothing when the transaction around it fails', async () => {
    await sql`delete from copy_probe`.execute(database.db);
    const failed = await inTransaction(database.db, async (trx) => {
      await copyRows(trx, 'copy_probe', ['t', 'n'], ['"a",1\n', '"b",2\n']);
      throw new Error('afgebroken');
    }).catch((e: unknown) => e);
    expect(failed).toBeInstanceOf(Error);
    expect(await rows()).toEqual([]);
  });

  it('rejects a bad row whole', async () => {
    const failed = await inTransaction(database.db, (trx) => copyRows(trx, 'copy_probe', ['t', 'n'], ['"a",1\n', '"b",geen-getal\n'])).catch((e: unknown) => e);
    expect(failed).toBeInstanceOf(Error);
    expect(await rows()).toEqual([]);
  });
});
