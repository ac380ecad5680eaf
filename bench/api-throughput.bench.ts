import autocannon from 'autocannon';
import { sql } from 'kysely';
import { openDatabase } from '../src/platform/db/database.ts';
import { bringUpToDate } from '../src/platform/setup.ts';
import { createToken, getUserByEmail } from '../src/features/auth/service.ts';
import { systemActor } from '../src/features/audit/audit.ts';
import type { BenchResult } from './measure.ts';
import { startHello, startRegie, type Server } from './support/processes.ts';

/**
 * Read throughput of the dashboard endpoints at 64 connections, as a ratio to a bare Fastify hello-world route
 * measured in the same run on the same machine (autocannon, THROUGHPUT_SECONDS each, default 10). Both servers are
 * separate processes; the dashboard's is `regie serve` on PostgreSQL with the demo data, read with an API token of
 * the secretariat. Goal: ≥ 0.5 of hello-world.
 */
const CONNECTIONS = 64;
const ENDPOINTS = [
  ['national dashboard (the LRT view)', '/api/v1/dashboard'],
  ['ledger overview 2022-II', '/api/v1/ledger?period=2022-II'],
  ['reception (Ter Apel and the centres)', '/api/v1/reception'],
  ['overdue actions', '/api/v1/actions?overdue=true'],
  ['report status', '/api/v1/reports/status'],
  ['pipeline overview', '/api/v1/pipeline/overview?period=2022-II&asOf=2022-07-08'],
] as const;

async function measure(url: string, seconds: number, headers: Record<string, string> = {}) {
  const r = await autocannon({ url, connections: CONNECTIONS, duration: seconds, headers });
  return { rps: r.requests.average, p99: r.latency.p99, non2xx: r.non2xx, errors: r.errors };
}

export async function benchApiThroughput(): Promise<BenchResult> {
  const seconds = Number(process.env.THROUGHPUT_SECONDS ?? 10);
  const url = process.env.DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/test';
  const schema = `throughput_${Date.now()}`;
  const name = `Dashboard reads at ${CONNECTIONS} connections against a bare Fastify hello-world (same run, ${seconds} s each)`;
  let database;
  try {
    database = await openDatabase({ databaseUrl: url, dataDir: 'memory://', schema });
  } catch (e) {
    return { name, lines: [`skipped: no PostgreSQL at ${url} (${(e as Error).message})`] };
  }
  const servers: Server[] = [];
  try {
    await bringUpToDate(database, { demo: true });
    const user = await getUserByEmail(database.db, 'secretariaat@regietafel.demo');
    const token = (await createToken(database.db, systemActor('bench'), { userId: user.id, name: 'doorvoer' })).token;
    const hello = await startHello();
    servers.push(hello);
    const regie = await startRegie(url, schema, { JOBS: 'off' });
    servers.push(regie);
    const auth = { authorization: `Bearer ${token}` };
    // Warm both up (JIT, connection pool) before measuring.
    await measure(hello.url, 2);
    await measure(`${regie.url}${ENDPOINTS[0][1]}`, 2, auth);
    const base = await measure(hello.url, seconds);
    const lines = [`hello-world: ${base.rps.toFixed(0)} req/s, p99 ${base.p99} ms`];
    for (const [label, path] of ENDPOINTS) {
      const m = await measure(`${regie.url}${path}`, seconds, auth);
      const ratio = m.rps / base.rps;
      lines.push(
        `${label}: ${m.rps.toFixed(0)} req/s, p99 ${m.p99} ms, ratio ${ratio.toFixed(3)} (goal ≥ 0.5: ${ratio >= 0.5 ? 'met' : `missed by a factor ${(0.5 / ratio).toFixed(1)}`})` +
          (m.non2xx || m.errors ? `; non-2xx ${m.non2xx}, errors ${m.errors}` : ''),
      );
    }
    const again = await measure(hello.url, seconds);
    lines.push(`hello-world again after the run: ${again.rps.toFixed(0)} req/s (how much the machine drifted)`);
    return { name, lines };
  } finally {
    await Promise.all(servers.map((s) => s.stop()));
    await sql`drop schema if exists ${sql.id(schema)} cascade`.execute(database.db).catch(() => undefined);
    await database.close();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const r = await benchApiThroughput();
  console.log(`\n${r.name}`);
  for (const line of r.lines) console.log(`  ${line}`);
}
