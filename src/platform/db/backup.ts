import { PGlite } from '@electric-sql/pglite';
import { spawn, spawnSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import readline from 'node:readline';
import zlib from 'node:zlib';
import pg from 'pg';
import { AppError } from '../http/errors.ts';

/**
 * Backup and restore of the whole Regietafel database, for `regie backup` / `regie restore`.
 *
 * Two kinds of file, recognised by their first bytes:
 * - PostgreSQL (DATABASE_URL set): the file is exactly what `pg_dump --format=custom --schema=<schema>` writes
 *   (it starts with `PGDMP`), so `pg_restore` reads it too. Only Regietafel's own schema is dumped (the one
 *   `current_schema()` names: `public`, or the schema of PGOPTIONS' search_path), never other schemas of that
 *   database.
 * - PGlite: a text header of two lines, then the data folder as PGlite's `dumpDataDir('gzip')` makes it (a
 *   .tar.gz). Line 1 is `REGIETAFEL-BACKUP 1 pglite`, line 2 a JSON object with the sha256 and length of the
 *   tarball, so a damaged or truncated file is refused before anything is touched. `tail -n +3 file > x.tar.gz`
 *   gives the bare tarball.
 */

export const PGLITE_MAGIC = 'REGIETAFEL-BACKUP 1 pglite';
const PGDMP_MAGIC = 'PGDMP';

export type BackupKind = 'pglite' | 'postgres';

export interface PgliteHeader {
  kind: 'pglite';
  format: 1;
  createdAt: string;
  pglite: string;
  bytes: number;
  sha256: string;
}

export interface BackupResult {
  kind: BackupKind;
  file: string;
  bytes: number;
  sha256: string;
  /** PostgreSQL: the schema dumped. */
  schema?: string;
}

export interface Progress {
  update(done: number, total: number): void;
  stop(): void;
}

const invalid = (detail: string) => new AppError(422, 'backup-invalid', 'Ongeldige back-up', detail);
const failed = (detail: string) => new AppError(500, 'backup-failed', 'Back-up of herstel mislukt', detail);

const sha256 = (data: Uint8Array) => crypto.createHash('sha256').update(data).digest('hex');

function fileSha256(file: string): string {
  const hash = crypto.createHash('sha256');
  const fd = fs.openSync(file, 'r');
  try {
    const buf = Buffer.alloc(1 << 20);
    let n: number;
    while ((n = fs.readSync(fd, buf, 0, buf.length, null)) > 0) hash.update(buf.subarray(0, n));
  } finally {
    fs.closeSync(fd);
  }
  return hash.digest('hex');
}

/** Which kind of backup a file is, from its first bytes; `null`: neither. */
export function detectKind(file: string): BackupKind | null {
  const fd = fs.openSync(file, 'r');
  try {
    const head = Buffer.alloc(PGLITE_MAGIC.length + 1);
    const n = fs.readSync(fd, head, 0, head.length, 0);
    const text = head.subarray(0, n).toString('latin1');
    if (text.startsWith(PGDMP_MAGIC)) return 'postgres';
    if (text === `${PGLITE_MAGIC}\n`) return 'pglite';
    return null;
  } finally {
    fs.closeSync(fd);
  }
}

const KIND_NAME: Record<BackupKind, string> = {
  pglite: 'de ingebouwde database (PGlite)',
  postgres: 'PostgreSQL (pg_dump)',
};

/** Refuses a file that is not a backup of `expected`'s kind, naming what it is instead. */
export function checkKind(file: string, expected: BackupKind): void {
  if (!fs.existsSync(file)) throw invalid(`Het bestand ${file} bestaat niet.`);
  if (fs.statSync(file).isDirectory()) throw invalid(`${file} is een map, geen back-upbestand.`);
  const kind = detectKind(file);
  if (kind === null) {
    throw invalid(`${file} is geen back-up van Regietafel: het begint niet met '${PGLITE_MAGIC}' (PGlite) of 'PGDMP' (pg_dump). Er is niets gewijzigd.`);
  }
  if (kind !== expected) {
    throw invalid(
      `${file} is een back-up van ${KIND_NAME[kind]}, maar deze Regietafel gebruikt ${KIND_NAME[expected]}. ` +
        `${expected === 'postgres' ? 'Zet DATABASE_URL uit' : 'Zet DATABASE_URL'} om die terug te zetten. Er is niets gewijzigd.`,
    );
  }
}

/** Writes to `<file>.part-…` and renames at the end: a crash never leaves half a backup under the real name. */
function partName(file: string) {
  return path.join(path.dirname(file), `.${path.basename(file)}.part-${crypto.randomBytes(4).toString('hex')}`);
}

export function isEmptyDir(dir: string): boolean {
  return !fs.existsSync(dir) || (fs.statSync(dir).isDirectory() && fs.readdirSync(dir).length === 0);
}

function pgliteVersion(): string {
  try {
    const pkg = path.join(path.dirname(new URL(import.meta.resolve('@electric-sql/pglite')).pathname), '..', 'package.json');
    return (JSON.parse(fs.readFileSync(pkg, 'utf8')) as { version: string }).version;
  } catch {
    return 'onbekend';
  }
}

// ---------------------------------------------------------------------------------------------------------------
// PGlite

/** Dumps the data folder of the open PGlite `pglite` to `file`. */
export async function backupPGlite(pglite: PGlite, file: string, bar: Progress): Promise<BackupResult> {
  bar.update(0, 3);
  const blob = await pglite.dumpDataDir('gzip');
  bar.update(1, 3);
  const body = new Uint8Array(await blob.arrayBuffer());
  const header: PgliteHeader = {
    kind: 'pglite',
    format: 1,
    createdAt: new Date().toISOString(),
    pglite: pgliteVersion(),
    bytes: body.byteLength,
    sha256: sha256(body),
  };
  const part = partName(file);
  try {
    const fd = fs.openSync(part, 'wx');
    try {
      fs.writeSync(fd, `${PGLITE_MAGIC}\n${JSON.stringify(header)}\n`);
      fs.writeSync(fd, body);
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
    bar.update(2, 3);
    fs.renameSync(part, file);
  } catch (e) {
    fs.rmSync(part, { force: true });
    throw e;
  }
  bar.update(3, 3);
  return { kind: 'pglite', file, bytes: fs.statSync(file).size, sha256: fileSha256(file) };
}

/** Reads and checks a PGlite backup: header, length, sha256 and the gzip stream; returns the tarball. */
export function readPgliteBackup(file: string): { header: PgliteHeader; body: Uint8Array } {
  checkKind(file, 'pglite');
  const all = fs.readFileSync(file);
  const first = all.indexOf(0x0a);
  const second = all.indexOf(0x0a, first + 1);
  if (second < 0) throw invalid(`${file} is beschadigd: de kopregels van de back-up zijn onvolledig. Er is niets gewijzigd.`);
  let header: PgliteHeader;
  try {
    header = JSON.parse(all.subarray(first + 1, second).toString('utf8')) as PgliteHeader;
  } catch {
    throw invalid(`${file} is beschadigd: de tweede kopregel is geen geldige JSON. Er is niets gewijzigd.`);
  }
  if (header.kind !== 'pglite' || header.format !== 1 || typeof header.sha256 !== 'string' || typeof header.bytes !== 'number') {
    throw invalid(`${file} is beschadigd of van een onbekende versie: de kopregel noemt geen PGlite-back-up formaat 1. Er is niets gewijzigd.`);
  }
  const body = all.subarray(second + 1);
  if (body.byteLength !== header.bytes) {
    throw invalid(
      `${file} is beschadigd of afgebroken: ${body.byteLength} bytes gegevens, de kopregel noemt er ${header.bytes}. Er is niets gewijzigd.`,
    );
  }
  if (sha256(body) !== header.sha256) {
    throw invalid(`${file} is beschadigd: de controlesom (sha256) klopt niet met de kopregel. Er is niets gewijzigd.`);
  }
  try {
    zlib.gunzipSync(body);
  } catch {
    throw invalid(`${file} is beschadigd: de gegevens zijn geen geldig gzip-archief. Er is niets gewijzigd.`);
  }
  return { header, body };
}

/**
 * Restores a PGlite backup into `dataDir`: first into a fresh folder next to it, opened and checked there, then
 * swapped in by renaming. A crash before the swap leaves the old database untouched (and a `.…restore-…` folder
 * to delete); the swap is two renames on the same disk.
 */
export async function restorePGlite(file: string, dataDir: string, opts: { force: boolean }, bar: Progress): Promise<{ header: PgliteHeader }> {
  const { header, body } = readPgliteBackup(file);
  const target = path.resolve(dataDir);
  if (!isEmptyDir(target) && !opts.force) {
    throw new AppError(
      409,
      'backup-target-not-empty',
      'Map niet leeg',
      `De map ${target} bevat al een database. Gebruik --force om die te vervangen door de back-up (stop eerst de server).`,
    );
  }
  bar.update(0, 3);
  const suffix = crypto.randomBytes(4).toString('hex');
  const fresh = path.join(path.dirname(target), `.${path.basename(target)}.restore-${suffix}`);
  const old = path.join(path.dirname(target), `.${path.basename(target)}.old-${suffix}`);
  fs.mkdirSync(path.dirname(target), { recursive: true });
  try {
    const pglite = await PGlite.create(fresh, { loadDataDir: new Blob([new Uint8Array(body)]) });
    try {
      bar.update(1, 3);
      const r = await pglite.query<{ n: number }>('select count(*)::int as n from schema_migrations');
      if (!r.rows[0] || r.rows[0].n < 1) throw new Error('geen migraties');
    } finally {
      await pglite.close();
    }
  } catch (e) {
    fs.rmSync(fresh, { recursive: true, force: true });
    throw invalid(
      `${file} kon niet worden teruggezet: de database in de back-up start niet of is geen Regietafel-database ` +
        `(${e instanceof Error ? e.message : String(e)}). Er is niets gewijzigd.`,
    );
  }
  bar.update(2, 3);
  const hadOld = fs.existsSync(target);
  if (hadOld) fs.renameSync(target, old);
  fs.renameSync(fresh, target);
  if (hadOld) fs.rmSync(old, { recursive: true, force: true });
  bar.update(3, 3);
  return { header };
}

// ---------------------------------------------------------------------------------------------------------------
// PostgreSQL

interface PgTarget {
  /** The URL without its password (which goes in PGPASSWORD, not on a command line other users can see). */
  url: string;
  env: NodeJS.ProcessEnv;
  schema: string;
  serverMajor: number;
}

async function pgTarget(databaseUrl: string): Promise<PgTarget> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  let schema: string;
  let serverMajor: number;
  try {
    const r = await client.query<{ schema: string | null; version: string }>(
      `select current_schema() as schema, current_setting('server_version_num') as version`,
    );
    if (!r.rows[0]?.schema) throw invalid('De database heeft geen huidig schema (search_path is leeg of wijst naar een schema dat niet bestaat).');
    schema = r.rows[0].schema;
    serverMajor = Math.floor(Number(r.rows[0].version) / 10000);
  } finally {
    await client.end();
  }
  const u = new URL(databaseUrl);
  const env = { ...process.env };
  if (u.password) {
    env.PGPASSWORD = decodeURIComponent(u.password);
    u.password = '';
  }
  return { url: u.toString(), env, schema, serverMajor };
}

function toolMajor(bin: string): number | null {
  const r = spawnSync(bin, ['--version'], { encoding: 'utf8' });
  if (r.status !== 0) return null;
  const m = /(\d+)(?:\.\d+)?/.exec(r.stdout);
  return m ? Number(m[1]) : null;
}

/**
 * Finds `pg_dump` or `pg_restore` for the server's major version: in `binDir` if given, else Debian's
 * /usr/lib/postgresql/<major>/bin, else the PATH when its version is the server's or newer (pg_dump refuses a newer
 * server, and a newer pg_restore reads older archives).
 */
export function findPgTool(tool: 'pg_dump' | 'pg_restore', serverMajor: number, binDir?: string): string {
  const candidates = binDir
    ? [path.join(binDir, tool)]
    : [`/usr/lib/postgresql/${serverMajor}/bin/${tool}`, `/usr/pgsql-${serverMajor}/bin/${tool}`, tool];
  const seen: string[] = [];
  for (const bin of candidates) {
    const major = toolMajor(bin);
    if (major === null) continue;
    if (major >= serverMajor) return bin;
    seen.push(`${bin} (versie ${major})`);
  }
  throw new AppError(
    500,
    'backup-tool-missing',
    `${tool} ontbreekt`,
    `Geen ${tool} gevonden voor PostgreSQL ${serverMajor} (de versie van de server)${seen.length ? `; wel gevonden maar te oud: ${seen.join(', ')}` : ''}. ` +
      `Installeer de client van PostgreSQL ${serverMajor} (Debian/Ubuntu: apt-get install postgresql-client-${serverMajor}) ` +
      `of geef de map met de programma's op met --pg-bin.`,
  );
}

/** Runs a pg tool; `onLine` sees every stderr line (for progress); fails with the tool's last lines. */
function runTool(bin: string, args: string[], env: NodeJS.ProcessEnv, onLine: (line: string) => void = () => {}): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(bin, args, { env, stdio: ['ignore', 'ignore', 'pipe'] });
    const tail: string[] = [];
    readline.createInterface({ input: child.stderr }).on('line', (line) => {
      if (!/: (processing|dumping|reading|creating|dropping|executing|saving|finding|identifying|flagging|connecting|implied|last built-in|launching|finished|reading)/.test(line)) {
        tail.push(line);
        if (tail.length > 8) tail.shift();
      }
      onLine(line);
    });
    child.on('error', reject);
    child.on('close', (code) => {
      if (code === 0) resolve();
      else reject(failed(`${path.basename(bin)} stopte met code ${code}: ${tail.join(' | ') || 'geen melding'}`));
    });
  });
}

async function tableCount(databaseUrl: string, schema: string): Promise<number> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const r = await client.query<{ n: number }>(
      `select count(*)::int as n from pg_tables where schemaname = $1`,
      [schema],
    );
    return r.rows[0]?.n ?? 0;
  } finally {
    await client.end();
  }
}

export async function backupPostgres(databaseUrl: string, file: string, opts: { binDir?: string | undefined }, bar: Progress): Promise<BackupResult> {
  const target = await pgTarget(databaseUrl);
  const bin = findPgTool('pg_dump', target.serverMajor, opts.binDir);
  const total = await tableCount(databaseUrl, target.schema);
  const part = partName(file);
  let done = 0;
  bar.update(0, total);
  try {
    await runTool(
      bin,
      ['--format=custom', '--verbose', `--schema=${target.schema}`, `--file=${part}`, `--dbname=${target.url}`],
      target.env,
      (line) => {
        if (/dumping contents of table/.test(line)) bar.update(Math.min(++done, total), total);
      },
    );
    const fd = fs.openSync(part, 'r');
    fs.fsyncSync(fd);
    fs.closeSync(fd);
    fs.renameSync(part, file);
  } catch (e) {
    fs.rmSync(part, { force: true });
    throw e;
  }
  bar.update(total, total);
  return { kind: 'postgres', file, bytes: fs.statSync(file).size, sha256: fileSha256(file), schema: target.schema };
}

/**
 * Restores a pg_dump archive into the schema of `databaseUrl`: first reads the whole archive once
 * (`pg_restore --file=/dev/null`, which decompresses every table and so finds a damaged file), checks it holds
 * Regietafel's tables in that same schema, then `pg_restore --clean --if-exists --no-owner --single-transaction
 * --exit-on-error`: any error rolls the whole restore back.
 */
export async function restorePostgres(databaseUrl: string, file: string, opts: { binDir?: string | undefined }, bar: Progress): Promise<{ schema: string }> {
  checkKind(file, 'postgres');
  const target = await pgTarget(databaseUrl);
  const bin = findPgTool('pg_restore', target.serverMajor, opts.binDir);
  const list = spawnSync(bin, ['--list', file], { encoding: 'utf8', maxBuffer: 64 << 20 });
  if (list.status !== 0) {
    throw invalid(`${file} is beschadigd: pg_restore kan de inhoudsopgave niet lezen (${list.stderr.trim().split('\n').pop() ?? ''}). Er is niets gewijzigd.`);
  }
  const tables = [...list.stdout.matchAll(/^\d+; \d+ \d+ TABLE DATA (\S+) (\S+) /gm)].map((m) => ({ schema: m[1]!, table: m[2]! }));
  const schemas = [...new Set(tables.map((t) => t.schema))];
  if (!tables.some((t) => t.table === 'schema_migrations')) {
    throw invalid(`${file} is geen back-up van Regietafel: de tabel schema_migrations ontbreekt. Er is niets gewijzigd.`);
  }
  if (schemas.length !== 1 || schemas[0] !== target.schema) {
    throw invalid(
      `${file} is een back-up van schema ${schemas.join(', ')}, maar deze database gebruikt schema ${target.schema}. Er is niets gewijzigd.`,
    );
  }
  const total = tables.length;
  bar.update(0, total * 2);
  let done = 0;
  try {
    await runTool(bin, ['--verbose', '--file=/dev/null', file], target.env, (line) => {
      if (/processing data for table/.test(line)) bar.update(Math.min(++done, total), total * 2);
    });
  } catch (e) {
    throw invalid(`${file} is beschadigd: ${e instanceof AppError ? e.detail : String(e)}. Er is niets gewijzigd.`);
  }
  done = total;
  try {
    await runTool(
      bin,
      ['--verbose', '--clean', '--if-exists', '--no-owner', '--single-transaction', '--exit-on-error', `--dbname=${target.url}`, file],
      target.env,
      (line) => {
        if (/processing data for table/.test(line)) bar.update(Math.min(++done, total * 2), total * 2);
      },
    );
  } catch (e) {
    throw failed(`Terugzetten mislukt; alles is teruggedraaid (één transactie), de database is niet gewijzigd. ${e instanceof AppError ? e.detail : String(e)}`);
  }
  bar.update(total * 2, total * 2);
  return { schema: target.schema };
}
