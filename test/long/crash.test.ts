import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { sql } from 'kysely';
import { openDatabase, type Database } from '../../src/platform/db/database.ts';
import { fingerprint } from '../fuzz/support/api.ts';
import { killServer, regie, sleep, startServer, stopServer, type Server } from './support/server.ts';

/**
 * kill -9 of `regie serve` while a large COA realisation list (LINES lines) is being imported over HTTP; then a
 * restart. Proves: the import is all or nothing (the tables are exactly as before, or the whole file is there with
 * its upload record and audit entry), the data folder (PGlite) or schema (PostgreSQL) opens, and the server starts
 * and stops clean. Run with `npm run test:long` (not part of `npm test`).
 */
const LINES = Number(process.env.REGIE_LONG_LINES ?? 40_000);
const TABLES = ['realisation', 'realisation_upload', 'audit_log'] as const;
const PG_URL = process.env.REGIE_LONG_PG_URL ?? process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
// Fractions of the measured duration of an uninterrupted import at which the server is killed.
const KILL_AT = [0.15, 0.5, 0.85];

const MUNICIPALITIES = ['GM0363', 'GM0518', 'GM0599', 'GM0344', 'GM0202', 'GM0014', 'GM0855', 'GM0772'];

function realisationCsv(tag: string, lines = LINES): string {
  const out = ['gemeentecode,datum,personen,huishoudgrootte,coa_nummer'];
  for (let i = 0; i < lines; i++) {
    const day = 1 + (i % 28);
    const month = 7 + (Math.floor(i / 28) % 6);
    out.push(`${MUNICIPALITIES[i % MUNICIPALITIES.length]},2022-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')},1,1,${tag}${String(i).padStart(7, '0')}`);
  }
  return out.join('\n') + '\n';
}

async function pgReachable(): Promise<boolean> {
  const c = new pg.Client({ connectionString: PG_URL, connectionTimeoutMillis: 3000 });
  try {
    await c.connect();
    await c.end();
    return true;
  } catch {
    return false;
  }
}

interface Mode {
  name: 'PGlite' | 'PostgreSQL';
  env: NodeJS.ProcessEnv;
  /** Opens the database beside the server (PostgreSQL) or while it is stopped (PGlite). */
  open(): Promise<Database>;
  cleanup(): Promise<void>;
}

async function pgliteMode(): Promise<Mode> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'regie-long-'));
  const env: NodeJS.ProcessEnv = { ...process.env, REGIETAFEL_DATA_DIR: path.join(dir, 'db'), LOG_LEVEL: 'silent' };
  delete env.DATABASE_URL;
  delete env.PGOPTIONS;
  return {
    name: 'PGlite',
    env,
    open: () => openDatabase({ dataDir: path.join(dir, 'db') }),
    async cleanup() {
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

async function postgresMode(): Promise<Mode> {
  const schema = `long_${crypto.randomBytes(5).toString('hex')}`;
  const admin = new pg.Client({ connectionString: PG_URL });
  await admin.connect();
  await admin.query(`create schema ${schema}`);
  await admin.end();
  const env: NodeJS.ProcessEnv = { ...process.env, DATABASE_URL: PG_URL, PGOPTIONS: `-c search_path=${schema}`, LOG_LEVEL: 'silent' };
  return {
    name: 'PostgreSQL',
    env,
    open: () => openDatabase({ databaseUrl: PG_URL, dataDir: 'memory://', schema }),
    async cleanup() {
      const c = new pg.Client({ connectionString: PG_URL });
      await c.connect();
      await c.query(`drop schema if exists ${schema} cascade`);
      await c.end();
    },
  };
}

interface Snapshot {
  tables: Record<string, string>;
  realisations: number;
  uploads: number;
  audit: number;
}

async function snapshot(mode: Mode): Promise<Snapshot> {
  const database = await mode.open();
  try {
    const counts = await sql<{ r: number; u: number; a: number }>`select (select count(*)::int from realisation) as r, (select count(*)::int from realisation_upload) as u, (select count(*)::int from audit_log) as a`.execute(database.db);
    const c = counts.rows[0]!;
    return { tables: await fingerprint(database.db, TABLES), realisations: c.r, uploads: c.u, audit: c.a };
  } finally {
    await database.close();
  }
}

/** The upload of `tag`'s file is either absent, or complete: its record, all its lines, its audit entry. */
async function uploadState(mode: Mode, csv: string): Promise<{ present: boolean; lines: number }> {
  const sha = crypto.createHash('sha256').update(Buffer.from(csv, 'utf8')).digest('hex');
  const database = await mode.open();
  try {
    const up = await database.db.selectFrom('realisation_upload').selectAll().where('content_sha256', '=', sha).executeTakeFirst();
    if (!up) return { present: false, lines: 0 };
    const n = await sql<{ n: number }>`select count(*)::int as n from realisation where upload_id = ${up.id}`.execute(database.db);
    const audit = await sql<{ n: number }>`select count(*)::int as n from audit_log where action = 'import' and resource_type = 'realisaties' and resource_id = ${String(up.id)}`.execute(database.db);
    expect(up.line_count).toBe(LINES);
    expect(up.new_count).toBe(LINES);
    expect(audit.rows[0]!.n).toBe(1);
    return { present: true, lines: n.rows[0]!.n };
  } finally {
    await database.close();
  }
}

function upload(server: Server, token: string, csv: string, name: string) {
  const t0 = Date.now();
  return fetch(`${server.url}/api/v1/realisations/uploads`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify({ period: '2022-II', format: 'csv', content: csv, fileName: name }),
  }).then(
    async (r) => ({ status: r.status, body: await r.text(), ms: Date.now() - t0 }),
    (e: unknown) => ({ status: 0, body: String((e as Error).cause ?? e), ms: Date.now() - t0 }),
  );
}

const figures: string[] = [];
const note = (line: string) => {
  figures.push(line);
  process.stderr.write(`[crash] ${line}\n`);
};

const modes: (() => Promise<Mode>)[] = [pgliteMode];
if (await pgReachable()) modes.push(postgresMode);
else process.stderr.write(`[crash] PostgreSQL at ${PG_URL} does not answer: the PostgreSQL part is skipped.\n`);

describe.each(modes.map((m) => [m.name === 'pgliteMode' ? 'PGlite' : 'PostgreSQL', m] as const))('kill -9 during a large import and during a Woo publication (%s)', (_name, makeMode) => {
  let mode: Mode;
  let token: string;
  let secretariat: string;

  beforeAll(async () => {
    mode = await makeMode();
    const t0 = Date.now();
    const seeded = await regie(mode.env, 'seed', '--demo');
    expect(seeded.code, seeded.stderr).toBe(0);
    const t = await regie(mode.env, 'token', 'create', '--user', 'coa@regietafel.demo', '--name', 'crash test');
    expect(t.code, t.stderr).toBe(0);
    token = t.stdout.trim().split('\n').pop()!;
    const s = await regie(mode.env, 'token', 'create', '--user', 'secretariaat@regietafel.demo', '--name', 'crash test');
    expect(s.code, s.stderr).toBe(0);
    secretariat = s.stdout.trim().split('\n').pop()!;
    note(`${mode.name}: demo seeded and tokens made in ${Date.now() - t0} ms`);
  });
  afterAll(async () => {
    await mode?.cleanup();
  });

  it('an import killed at any moment is all or nothing; the server restarts clean', async () => {
    // An uninterrupted import first: it must work, and its duration places the kills.
    let server = await startServer(mode.env);
    note(`${mode.name}: server started in ${server.startedMs} ms`);
    const csv0 = realisationCsv('W');
    const full = await upload(server, token, csv0, 'heel.csv');
    expect(full.status, full.body).toBe(201);
    note(`${mode.name}: uninterrupted import of ${LINES} lines (${(csv0.length / 1e6).toFixed(1)} MB) took ${full.ms} ms`);
    expect((await stopServer(server)).code).toBe(0);

    for (const [i, fraction] of KILL_AT.entries()) {
      const before = await snapshot(mode);
      const csv = realisationCsv(`K${i}`);
      server = await startServer(mode.env);
      const request = upload(server, token, csv, `kill-${i}.csv`);
      const delay = Math.round(full.ms * fraction);
      await sleep(delay);
      await killServer(server);
      const answer = await request;

      const restarted = await startServer(mode.env);
      const ready = await fetch(`${restarted.url}/health/ready`);
      expect(ready.status).toBe(200);
      const ledger = await fetch(`${restarted.url}/api/v1/realisations/uploads`, { headers: { authorization: `Bearer ${token}` } });
      expect(ledger.status).toBeLessThan(500);
      const stopped = await stopServer(restarted);
      expect(stopped, restarted.log()).toEqual({ code: 0, signal: null });

      const after = await snapshot(mode);
      const state = await uploadState(mode, csv);
      if (state.present) {
        expect(state.lines).toBe(LINES);
        expect(after.realisations).toBe(before.realisations + LINES);
        expect(after.uploads).toBe(before.uploads + 1);
        expect(after.audit).toBe(before.audit + 1);
      } else {
        expect(after.tables).toEqual(before.tables);
      }
      if (answer.status === 201) expect(state.present).toBe(true);
      note(
        `${mode.name}: killed at ${delay} ms (${Math.round(fraction * 100)} %): answer ${answer.status || 'none (connection lost)'}; ` +
          `after restart (${restarted.startedMs} ms) the import is ${state.present ? `complete (${state.lines} lines)` : 'absent, tables unchanged'}`,
      );
    }

    // The same file again after the crashes: it lands whole (or is recognised as already there).
    server = await startServer(mode.env);
    const again = await upload(server, token, realisationCsv('K1'), 'kill-1.csv');
    expect([200, 201]).toContain(again.status);
    expect((await stopServer(server)).code).toBe(0);
  });

  it('a publication killed at any moment is complete (row, PDF, hash, audit entry) or absent; the server restarts clean', async () => {
    // The demo published the minutes of 8 July 2022; publishing the same reviewed minutes again makes a new publication.
    const start = await publications(mode);
    expect(start.ids.length).toBe(1);
    const { minutesId, reviewId } = start.first!;
    const publish = (server: Server) => {
      const t0 = Date.now();
      return fetch(`${server.url}/api/v1/minutes/${minutesId}/woo/publications`, {
        method: 'POST',
        headers: { authorization: `Bearer ${secretariat}`, 'content-type': 'application/json' },
        body: JSON.stringify({ reviewId }),
      }).then(
        async (r) => ({ status: r.status, body: await r.text(), ms: Date.now() - t0 }),
        (e: unknown) => ({ status: 0, body: String((e as Error).cause ?? e), ms: Date.now() - t0 }),
      );
    };
    let server = await startServer(mode.env);
    const full = await publish(server);
    expect(full.status, full.body).toBe(201);
    note(`${mode.name}: an uninterrupted publication took ${full.ms} ms`);
    expect((await stopServer(server)).code).toBe(0);

    // A publication is short (and slower on a cold server): kill early, at its measured duration, and later.
    for (const fraction of [0.3, 1, 2.5]) {
      const before = await publications(mode);
      server = await startServer(mode.env);
      const request = publish(server);
      const delay = Math.round(full.ms * fraction);
      await sleep(delay);
      await killServer(server);
      const answer = await request;
      const restarted = await startServer(mode.env);
      expect((await fetch(`${restarted.url}/health/ready`)).status).toBe(200);
      const list = await fetch(`${restarted.url}/api/v1/woo/publications`);
      expect(list.status).toBe(200);
      expect(await stopServer(restarted), restarted.log()).toEqual({ code: 0, signal: null });

      const after = await publications(mode);
      expect(after.whole).toBe(true);
      const added = after.ids.length - before.ids.length;
      expect([0, 1]).toContain(added);
      expect(after.audit - before.audit).toBe(added);
      if (answer.status === 201) expect(added).toBe(1);
      note(`${mode.name}: publication killed at ${delay} ms: answer ${answer.status || 'none (connection lost)'}; after restart ${added === 1 ? 'complete' : 'absent, nothing changed'}`);
    }
  });
});

/** The Woo publications as they are: count, audit entries, and for each one whether it is whole (hash of its HTML, a PDF). */
async function publications(mode: Mode) {
  const database = await mode.open();
  try {
    const rows = await database.db.selectFrom('woo_publication').select(['id', 'html', 'pdf', 'sha256', 'minutes_id', 'review_id']).orderBy('id').execute();
    const audit = await sql<{ n: number }>`select count(*)::int as n from audit_log where action = 'publish' and resource_type = 'woo-publicatie'`.execute(database.db);
    return {
      ids: rows.map((r) => r.id),
      audit: audit.rows[0]!.n,
      whole: rows.every((r) => r.sha256 === crypto.createHash('sha256').update(r.html).digest('hex') && r.pdf.length > 1000 && Buffer.from(r.pdf).subarray(0, 5).toString() === '%PDF-'),
      first: rows[0] ? { minutesId: rows[0].minutes_id, reviewId: rows[0].review_id } : null,
    };
  } finally {
    await database.close();
  }
}

describe.runIf(process.env.REGIE_LONG_PG_RESTART === '1' && modes.length === 2)('PostgreSQL restarted during a large import (REGIE_LONG_PG_RESTART=1)', () => {
  it('the import is all or nothing, the server answers again by itself and takes the next import', async () => {
    const mode = await postgresMode();
    try {
      expect((await regie(mode.env, 'seed', '--demo')).code).toBe(0);
      const t = await regie(mode.env, 'token', 'create', '--user', 'coa@regietafel.demo', '--name', 'restart test');
      const token = t.stdout.trim().split('\n').pop()!;
      const server = await startServer(mode.env);
      const before = await snapshot(mode);
      const csv = realisationCsv('R');
      const request = upload(server, token, csv, 'restart.csv');
      await sleep(1000);
      const version = fs.readdirSync('/etc/postgresql')[0]!;
      const t0 = Date.now();
      execFileSync('pg_ctlcluster', ['--skip-systemctl-redirect', version, 'main', 'restart']);
      const answer = await request;
      let ready = 0;
      for (let n = 0; n < 60 && ready !== 200; n++) {
        ready = (await fetch(`${server.url}/health/ready`)).status;
        if (ready !== 200) await sleep(1000);
      }
      expect(ready).toBe(200);
      const after = await snapshot(mode);
      const state = await uploadState(mode, csv);
      if (!state.present) expect(after.tables).toEqual(before.tables);
      const next = await upload(server, token, realisationCsv('S', 1000), 'next.csv');
      expect(next.status, next.body).toBe(201);
      note(`PostgreSQL restart: answer ${answer.status}, ready again after ${Date.now() - t0} ms, import ${state.present ? 'complete' : 'absent, tables unchanged'}, next import ${next.status}`);
      expect((await stopServer(server)).code).toBe(0);
    } finally {
      await mode.cleanup();
    }
  });
});

afterAll(() => {
  if (figures.length > 0) process.stderr.write(`\n[crash] figures:\n${figures.map((f) => `  ${f}`).join('\n')}\n`);
});
