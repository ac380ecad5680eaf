import { sql } from 'kysely';
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import { openDatabase } from '../src/platform/db/database.ts';
import { bringUpToDate } from '../src/platform/setup.ts';
import { createToken } from '../src/features/auth/service.ts';
import { systemActor } from '../src/features/audit/audit.ts';
import { existsOn } from '../src/domain/regions/regions.ts';
import type { BenchResult } from './measure.ts';
import { percentile, startRegie, type Server } from './support/processes.ts';

/**
 * A deadline day: 12 provinces and 342 municipalities at once, each a client with its own API token, writing for
 * LOAD_SECONDS (default 60) against server instances (LOAD_INSTANCES, default 2: two ports, one PostgreSQL, the
 * scheduled jobs on in both). A municipality records realisations (each with its own COA number), a province saves
 * its monthly report draft with If-Match. Afterwards the database is compared with what was acknowledged: every
 * acknowledged realisation exactly once, every report at the version its last acknowledged save returned; and no
 * 5xx. Latencies are reported as percentiles. Needs a PostgreSQL (DATABASE_URL, default the local one).
 *
 * LOAD_PG_RESTART=1 restarts the local PostgreSQL cluster halfway (pg_ctlcluster, as root on these machines): then
 * requests during the restart may fail (reported, not a goal), but every acknowledged write must still be there
 * exactly once and the servers must answer again by themselves.
 */
const MUNICIPALITIES = 342;
const REPORT_MONTH = '2030-01';

interface Client {
  id: number;
  kind: 'gemeente' | 'provincie';
  code: string;
  token: string;
  server: Server;
  acked: string[];
  reportVersion: number;
}

export async function benchLoad(): Promise<BenchResult> {
  const seconds = Number(process.env.LOAD_SECONDS ?? 60);
  const instances = Number(process.env.LOAD_INSTANCES ?? 2);
  const url = process.env.DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/test';
  const schema = `load_${Date.now()}`;
  const name = `Deadline day: 12 provinces + ${MUNICIPALITIES} municipalities writing for ${seconds} s against ${instances} instance(s) (PostgreSQL)`;
  let database;
  try {
    database = await openDatabase({ databaseUrl: url, dataDir: 'memory://', schema });
  } catch (e) {
    return { name, lines: [`skipped: no PostgreSQL at ${url} (${(e as Error).message})`] };
  }
  const servers: Server[] = [];
  try {
    await bringUpToDate(database, { demo: true });
    const db = database.db;
    const codes = (await db.selectFrom('municipality').selectAll().orderBy('code').execute())
      .filter((m) => existsOn({ validFrom: m.valid_from, validTo: m.valid_to }, '2022-10-03'))
      .map((m) => m.code)
      .slice(0, MUNICIPALITIES);
    const provinces = (await db.selectFrom('province').select('code').orderBy('code').execute()).map((p) => p.code);
    // Users straight into the tables (no password: they use API tokens), so set-up does not spend minutes hashing.
    const org = await db.insertInto('organisation').values({ name: 'Belastingtest', kind: 'overig' }).returning('id').executeTakeFirstOrThrow();
    const owners = [...provinces.map((code) => ({ kind: 'provincie' as const, code })), ...codes.map((code) => ({ kind: 'gemeente' as const, code }))];
    for (const [i, s] of owners.entries()) {
      const u = await db.insertInto('app_user').values({ email: `load-${i}@belasting.test`, name: `Belasting ${s.code}`, organisation_id: org.id }).returning('id').executeTakeFirstOrThrow();
      await db.insertInto('user_role').values({ user_id: u.id, role: s.kind, scope: s.code }).execute();
    }
    const users = await db.selectFrom('app_user').select(['id', 'email']).where('email', 'like', 'load-%@belasting.test').execute();
    const tokenOf = new Map<string, string>();
    for (const u of users) tokenOf.set(u.email, (await createToken(db, systemActor('bench'), { userId: u.id, name: 'belasting' })).token);

    for (let i = 0; i < instances; i++) servers.push(await startRegie(url, schema));
    const clients: Client[] = owners.map((s, i) => ({ id: i, kind: s.kind, code: s.code, token: tokenOf.get(`load-${i}@belasting.test`)!, server: servers[i % servers.length]!, acked: [], reportVersion: 0 }));

    const latencies: number[] = [];
    const statuses = new Map<number, number>();
    let failures = 0;
    const until = Date.now() + seconds * 1000;
    // With LOAD_PG_RESTART=1: when the restart ran, and the first acknowledged write after it.
    const restart: { startedAt?: number; doneAt?: number; error?: string; firstAckAfter?: number; failedDuring: number } = { failedDuring: 0 };
    if (process.env.LOAD_PG_RESTART === '1') {
      const version = fs.readdirSync('/etc/postgresql')[0]!;
      setTimeout(() => {
        restart.startedAt = Date.now();
        execFile('pg_ctlcluster', ['--skip-systemctl-redirect', version, 'main', 'restart'], (err) => {
          restart.doneAt = Date.now();
          if (err) restart.error = err.message;
        });
      }, (seconds * 1000) / 2);
    }
    const noteAnswer = (ok: boolean) => {
      if (restart.startedAt === undefined) return;
      if (!ok && restart.firstAckAfter === undefined) restart.failedDuring++;
      if (ok && restart.doneAt !== undefined && restart.firstAckAfter === undefined) restart.firstAckAfter = Date.now();
    };
    async function run(c: Client) {
      let seq = 0;
      while (Date.now() < until) {
        seq++;
        const started = performance.now();
        try {
          if (c.kind === 'gemeente') {
            const coaNumber = `L${c.id}-${seq}`;
            const r = await fetch(`${c.server.url}/api/v1/ledger/${c.code}/realisations`, {
              method: 'POST',
              headers: { authorization: `Bearer ${c.token}`, 'content-type': 'application/json' },
              body: JSON.stringify({ date: '2022-10-03', persons: 1 + (seq % 4), coaNumber }),
            });
            await r.arrayBuffer();
            statuses.set(r.status, (statuses.get(r.status) ?? 0) + 1);
            if (r.status === 201) c.acked.push(coaNumber);
            noteAnswer(r.status === 201);
          } else {
            const r = await fetch(`${c.server.url}/api/v1/reports/${c.code}/${REPORT_MONTH}`, {
              method: 'PUT',
              headers: { authorization: `Bearer ${c.token}`, 'content-type': 'application/json', 'if-match': `"${c.reportVersion}"` },
              body: JSON.stringify({ bottlenecks: `opslag ${seq}`, measures: [{ measure: 'Maatregel 8', progress: `stap ${seq}` }] }),
            });
            const body = (await r.json()) as { version?: number };
            statuses.set(r.status, (statuses.get(r.status) ?? 0) + 1);
            if (r.status === 200 && typeof body.version === 'number') c.reportVersion = body.version;
            noteAnswer(r.status === 200);
          }
        } catch {
          failures++;
          noteAnswer(false);
        }
        latencies.push(performance.now() - started);
      }
    }
    const t0 = performance.now();
    await Promise.all(clients.map(run));
    const elapsed = (performance.now() - t0) / 1000;

    // What the database holds against what was acknowledged.
    const rows = await db.selectFrom('realisation').select(['coa_number', 'municipality_code']).where('coa_number', 'like', 'L%').execute();
    const count = new Map<string, number>();
    for (const r of rows) count.set(r.coa_number!, (count.get(r.coa_number!) ?? 0) + 1);
    const acked = clients.flatMap((c) => c.acked);
    const lost = acked.filter((n) => !count.has(n)).length;
    const duplicated = [...count.values()].filter((n) => n > 1).length;
    const ackedSet = new Set(acked);
    const unacknowledged = rows.filter((r) => !ackedSet.has(r.coa_number!)).length;
    const reports = await db.selectFrom('provincial_report').select(['province_code', 'version']).where('month', '=', REPORT_MONTH).execute();
    const reportMismatch = clients.filter((c) => c.kind === 'provincie' && (reports.find((r) => r.province_code === c.code)?.version ?? 0) !== c.reportVersion).length;
    const fires = await sql<{ n: number; dup: number }>`select count(*)::int as n, (count(*) - count(distinct (subject_type, subject_id, deadline, level)))::int as dup from escalation_fire`.execute(db);
    const sorted = [...latencies].sort((a, b) => a - b);
    const fivexx = [...statuses].filter(([s]) => s >= 500).reduce((n, [, k]) => n + k, 0);
    const statusText = [...statuses].sort(([a], [b]) => a - b).map(([s, n]) => `${s}: ${n.toLocaleString('en')}`).join(', ');
    const reportSaves = clients.filter((c) => c.kind === 'provincie').reduce((n, c) => n + c.reportVersion, 0);
    if (restart.startedAt !== undefined) {
      // A restart fails the requests in flight (5xx, lost connections): not a goal then; losing an acknowledged write is.
      const back = restart.firstAckAfter !== undefined ? `${((restart.firstAckAfter - restart.startedAt) / 1000).toFixed(1)} s after the restart began` : 'NEVER';
      return {
        name: `${name}, PostgreSQL restarted halfway`,
        lines: [
          `${latencies.length.toLocaleString('en')} requests in ${elapsed.toFixed(1)} s; statuses ${statusText}; network failures ${failures}`,
          `PostgreSQL restart took ${restart.doneAt !== undefined ? ((restart.doneAt - restart.startedAt) / 1000).toFixed(1) : '?'} s${restart.error ? ` (error: ${restart.error})` : ''}; failed answers meanwhile ${restart.failedDuring}; first acknowledged write ${back}`,
          `realisations acknowledged ${acked.length.toLocaleString('en')}: lost ${lost}, duplicated ${duplicated}, in the database without acknowledgement ${unacknowledged}`,
          `report drafts saved ${reportSaves}: versions not as acknowledged ${reportMismatch} (a save committed while its answer was lost leaves the client one version behind)`,
          `500s by message: ${
            [...new Set(servers.flatMap((sv) => [...sv.log().matchAll(/"err":\{"type":"(\w+)","message":"([^"]{0,120})[^\n]*"msg":"unhandled error"/g)].map((m) => `${m[1]}: ${m[2]}`)))].join(' | ') || 'none logged'
          }`,
          ...servers.map((sv, i) =>
            sv.process.exitCode === null ? `server ${i + 1}: still running` : `server ${i + 1}: EXITED (${sv.process.exitCode}): ${sv.log().slice(-600).replace(/\s+/g, ' ')}`,
          ),
          lost === 0 && duplicated === 0 && restart.firstAckAfter !== undefined ? 'goal met: no acknowledged write lost or doubled, the servers reconnected by themselves' : 'GOAL MISSED (see above)',
        ],
      };
    }
    return {
      name,
      lines: [
        `${latencies.length.toLocaleString('en')} requests in ${elapsed.toFixed(1)} s (${(latencies.length / elapsed).toFixed(0)}/s); statuses ${statusText}; network failures ${failures}`,
        `realisations acknowledged ${acked.length.toLocaleString('en')}: lost ${lost}, duplicated ${duplicated}, in the database without acknowledgement ${unacknowledged}`,
        `report drafts saved ${reportSaves} (12 provinces, If-Match): versions not as acknowledged ${reportMismatch}`,
        `5xx: ${fivexx}`,
        `latency ms: p50 ${percentile(sorted, 50).toFixed(0)}, p95 ${percentile(sorted, 95).toFixed(0)}, p99 ${percentile(sorted, 99).toFixed(0)}, max ${sorted.at(-1)?.toFixed(0)}`,
        `escalation steps fired during the run: ${fires.rows[0]!.n}, fired twice: ${fires.rows[0]!.dup}`,
        lost === 0 && duplicated === 0 && fivexx === 0 && reportMismatch === 0 && fires.rows[0]!.dup === 0 ? 'goal met: nothing lost or doubled, no 5xx' : 'GOAL MISSED (see above)',
      ],
    };
  } finally {
    await Promise.all(servers.map((s) => s.stop()));
    await sql`drop schema if exists ${sql.id(schema)} cascade`.execute(database.db).catch(() => undefined);
    await database.close();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const r = await benchLoad();
  console.log(`\n${r.name}`);
  for (const line of r.lines) console.log(`  ${line}`);
}
