import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { sql } from 'kysely';
import { openDatabase } from '../src/platform/db/database.ts';
import { bringUpToDate } from '../src/platform/setup.ts';
import { uploadRealisations } from '../src/features/ledger/realisations.ts';
import { systemActor } from '../src/features/audit/audit.ts';
import { existsOn } from '../src/domain/regions/regions.ts';
import type { BenchResult } from './measure.ts';

/**
 * Importing 1,000,000 realisation lines (parse, check every line, write in one transaction with the
 * line-identity index) against PostgreSQL COPYs of the same lines, in the same run, on the same server: into a
 * table without indexes, and into a copy of the realisation table with its indexes (the fair baseline: the
 * import must maintain those indexes too). Needs a PostgreSQL (DATABASE_URL, default the local one).
 */
const LINES = 1_000_000;

export async function benchRealisationImport(): Promise<BenchResult> {
  const url = process.env.DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/test';
  const schema = `bench_${Date.now()}`;
  const name = `Realisation import, ${LINES.toLocaleString('en')} lines, against COPY (PostgreSQL)`;
  let database;
  try {
    database = await openDatabase({ databaseUrl: url, dataDir: 'memory://', schema });
  } catch (e) {
    return { name, lines: [`skipped: no PostgreSQL at ${url} (${(e as Error).message})`] };
  }
  const admin = new pg.Client({ connectionString: url, options: `-c search_path=${schema}` });
  await admin.connect();
  try {
    await bringUpToDate(database, { demo: false });
    const codes = (await database.db.selectFrom('municipality').selectAll().execute())
      .filter((m) => existsOn({ validFrom: m.valid_from, validTo: m.valid_to }, '2022-07-01'))
      .map((m) => m.code);
    let seed = 7;
    const rnd = () => ((seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0), seed / 2 ** 32);
    const rows: string[] = [];
    for (let i = 0; i < LINES; i++) {
      const month = 7 + Math.floor(rnd() * 6);
      const day = 1 + Math.floor(rnd() * 28);
      const size = 1 + Math.floor(rnd() * 6);
      rows.push(`${codes[Math.floor(rnd() * codes.length)]},2022-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')},${size},${size},C-${i}`);
    }
    const csv = `gemeentecode,datum,personen,huishoudgrootte,coa_nummer\n${rows.join('\n')}\n`;
    const memBefore = process.memoryUsage().rss;

    await admin.query('create table realisation_copy (municipality_code text, housed_on date, persons integer, household_size integer, coa_number text)');
    const t0 = performance.now();
    await pipeline(Readable.from([rows.join('\n') + '\n']), admin.query(copyFrom('copy realisation_copy from stdin with (format csv)')));
    const tCopy = performance.now() - t0;
    // The same lines straight into a copy of the realisation table with its indexes (identity, municipality/date).
    await admin.query('create table realisation_indexed (like realisation including defaults including indexes)');
    const withKeys = rows.map((line) => `${line},coa,bench,coa|${line.replace(/,/g, '|')}`).join('\n') + '\n';
    const t2 = performance.now();
    await pipeline(
      Readable.from([withKeys]),
      admin.query(copyFrom('copy realisation_indexed (municipality_code, housed_on, persons, household_size, coa_number, source, recorded_by, line_key) from stdin with (format csv)')),
    );
    const tCopyIndexed = performance.now() - t2;

    const t1 = performance.now();
    const r = await uploadRealisations(database.db, systemActor('bench'), { content: Buffer.from(csv), format: 'csv', period: '2022-II', source: 'coa' });
    const tImport = performance.now() - t1;
    const peak = process.memoryUsage().rss;
    const stored = await sql<{ n: number }>`select count(*)::int as n from realisation`.execute(database.db);
    return {
      name,
      lines: [
        `COPY into a table without indexes: ${tCopy.toFixed(0)} ms`,
        `COPY into a copy of the realisation table with its indexes: ${tCopyIndexed.toFixed(0)} ms`,
        `regie import (parse, check, write with identity index): ${tImport.toFixed(0)} ms, ${r.newCount} new, ${stored.rows[0]!.n} stored`,
        `ratio import / COPY without indexes: ${(tImport / tCopy).toFixed(2)} ×`,
        `ratio import / COPY with the same indexes: ${(tImport / tCopyIndexed).toFixed(2)} ×`,
        `resident memory: ${(memBefore / 2 ** 20).toFixed(0)} MiB before, ${(peak / 2 ** 20).toFixed(0)} MiB after the import`,
      ],
    };
  } finally {
    await admin.query(`drop schema if exists ${schema} cascade`).catch(() => undefined);
    await admin.end();
    await database.close();
  }
}
