import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { sql } from 'kysely';
import { REPO_ROOT } from '../../src/platform/web-build.ts';
import { openDatabase } from '../../src/platform/db/database.ts';
import { PGLITE_MAGIC } from '../../src/platform/db/backup.ts';
import { testDatabase, type TestDatabase } from '../helpers/db.ts';
import { fingerprint } from '../fuzz/support/api.ts';

const run = promisify(execFile);

// Tables the demo fills and the changes below touch (audit_log is compared separately: the restore adds its entry).
const TABLES = [
  'app_user',
  'user_role',
  'population',
  'population_import',
  'distribution_decision',
  'realisation',
  'occupancy',
  'action',
  'minutes',
  'pipeline_project',
] as const;

/**
 * `regie backup` and `regie restore` as an operator runs them, on the demo database: a fresh PGlite folder, or a
 * fresh schema of the PostgreSQL in DATABASE_URL (the CLI reaches it through PGOPTIONS' search_path).
 */
describe('regie backup / restore', { timeout: 600_000 }, () => {
  let dir: string;
  let env: NodeJS.ProcessEnv;
  let schemaDb: TestDatabase | undefined;
  const postgres = !!process.env.DATABASE_URL;

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'regie-backup-'));
    env = { ...process.env, REGIETAFEL_DATA_DIR: path.join(dir, 'db'), LOG_LEVEL: 'silent' };
    if (postgres) {
      schemaDb = await testDatabase();
      env.PGOPTIONS = `-c search_path=${schemaDb.schema}`;
    } else {
      delete env.DATABASE_URL;
    }
  });
  afterAll(async () => {
    await schemaDb?.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  const regie = async (...args: string[]) => {
    try {
      const r = await run(process.execPath, [path.join(REPO_ROOT, 'bin/regie.js'), ...args], { env, cwd: dir, maxBuffer: 16 << 20 });
      return { code: 0, stdout: r.stdout, stderr: r.stderr };
    } catch (e) {
      const err = e as { code: number; stdout: string; stderr: string };
      return { code: err.code, stdout: err.stdout, stderr: err.stderr };
    }
  };

  /** Fingerprints of TABLES and the audit trail's rows, read between CLI runs (PGlite allows one process at a time). */
  const state = async () => {
    const database = schemaDb ?? (await openDatabase({ dataDir: path.join(dir, 'db') }));
    try {
      const tables = await fingerprint(database.db, TABLES);
      const audit = await sql<{ n: number; max: number }>`select count(*)::int as n, max(id)::int as max from audit_log`.execute(database.db);
      const last = await sql<{ action: string; resource_type: string; resource_id: string }>`select action, resource_type, resource_id from audit_log order by id desc limit 1`.execute(database.db);
      return { tables, auditRows: audit.rows[0]!.n, lastAudit: last.rows[0]! };
    } finally {
      if (!schemaDb) await database.close();
    }
  };

  it('restores exactly the state of the backup; refuses a damaged file, a file of the other kind and (PGlite) a full folder without --force, changing nothing', async () => {
    const seeded = await regie('seed', '--demo');
    expect(seeded.code, seeded.stderr).toBe(0);
    const before = await state();
    expect(Number(before.tables.population_import!.split(':')[0])).toBeGreaterThan(0);

    const file = path.join(dir, postgres ? 'regietafel.dump' : 'regietafel.backup');
    const t0 = Date.now();
    const made = await regie('backup', file);
    const backupMs = Date.now() - t0;
    expect(made.code, made.stderr).toBe(0);
    expect(made.stdout).toMatch(/^Back-up gemaakt: .* sha256 [0-9a-f]{64}\)/);
    expect(made.stderr).toMatch(/Back-up: \d+\/\d+ (tabellen|stappen) \(100%\)/);
    expect(fs.readFileSync(file).subarray(0, 5).toString('latin1')).toBe(postgres ? 'PGDMP' : PGLITE_MAGIC.slice(0, 5));
    const afterBackup = await state();
    expect(afterBackup.tables).toEqual(before.tables);
    expect(afterBackup.lastAudit).toMatchObject({ action: 'create', resource_type: 'backup', resource_id: path.basename(file) });

    // Change the data: disable a user and import population figures.
    expect((await regie('user', 'disable', 'lid@regietafel.demo')).code).toBe(0);
    const cbs = path.join(dir, 'cbs.csv');
    fs.writeFileSync(cbs, '"ID";"RegioS";"Perioden";"BevolkingOp1Januari_1"\n"0";"NL01  ";"2021JJ00";"17475415"\n"1";"GM0202";"2021JJ00";"162424"\n');
    expect((await regie('import', 'population', cbs, '--status', 'officieel', '--bron', 'CBS 70072ned')).code).toBe(0);
    const changed = await state();
    expect(changed.tables.app_user).not.toBe(before.tables.app_user);
    expect(changed.tables.population_import).not.toBe(before.tables.population_import);

    // Refused files, each leaving the database as it is.
    const bytes = fs.readFileSync(file);
    const flipped = Buffer.from(bytes);
    for (let i = 0; i < 16; i++) flipped[Math.floor(bytes.length * 0.6) + i]! ^= 0xff;
    const damaged = path.join(dir, 'damaged.backup');
    fs.writeFileSync(damaged, flipped);
    const truncated = path.join(dir, 'truncated.backup');
    fs.writeFileSync(truncated, bytes.subarray(0, Math.floor(bytes.length / 2)));
    const text = path.join(dir, 'text.backup');
    fs.writeFileSync(text, 'gemeentecode,gemeentenaam\nGM0202,Arnhem\n');
    const other = path.join(dir, 'other.backup');
    fs.writeFileSync(other, postgres ? `${PGLITE_MAGIC}\n{"kind":"pglite"}\n` : Buffer.concat([Buffer.from('PGDMP'), Buffer.alloc(100)]));
    const refusals: Record<string, RegExp> = {
      [damaged]: /beschadigd/,
      [truncated]: /beschadigd|afgebroken/,
      [text]: /is geen back-up van Regietafel/,
      [other]: postgres ? /is een back-up van de ingebouwde database \(PGlite\), maar deze Regietafel gebruikt PostgreSQL/ : /is een back-up van PostgreSQL \(pg_dump\), maar deze Regietafel gebruikt de ingebouwde database/,
    };
    for (const [f, message] of Object.entries(refusals)) {
      const r = await regie('restore', f, '--force');
      expect(r.code, `${f}: ${r.stderr}`).toBe(1);
      expect(r.stderr, f).toMatch(message);
      expect(r.stderr, f).toContain('Er is niets gewijzigd');
      expect(r.stderr, f).not.toMatch(/Onverwachte fout|at .*\.ts:\d+/);
    }
    if (!postgres) {
      const full = await regie('restore', file);
      expect(full.code).toBe(1);
      expect(full.stderr).toContain('bevat al een database. Gebruik --force');
    }
    const afterRefusals = await state();
    expect(afterRefusals).toEqual(changed);
    expect(fs.readdirSync(dir).filter((f) => f.includes('.restore-') || f.includes('.old-'))).toEqual([]);

    // The restore: every table as it was at the backup, plus the restore's own entry in the audit trail.
    const t1 = Date.now();
    const restored = await regie('restore', file, '--force');
    const restoreMs = Date.now() - t1;
    expect(restored.code, restored.stderr).toBe(0);
    expect(restored.stdout).toContain('Back-up teruggezet');
    expect(restored.stderr).toMatch(/Terugzetten: \d+\/\d+ (tabellen|stappen) \(100%\)/);
    const after = await state();
    expect(after.tables).toEqual(before.tables);
    expect(after.auditRows).toBe(before.auditRows + 1);
    expect(after.lastAudit).toMatchObject({ action: 'import', resource_type: 'backup', resource_id: path.basename(file) });
    expect(fs.readdirSync(dir).filter((f) => f.includes('.restore-') || f.includes('.old-'))).toEqual([]);
    process.stderr.write(`[backup.test] ${postgres ? 'PostgreSQL' : 'PGlite'}: backup ${bytes.length} bytes in ${backupMs} ms, restore in ${restoreMs} ms (CLI start included)\n`);
  });
});
