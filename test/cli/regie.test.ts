import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { REPO_ROOT } from '../../src/platform/web-build.ts';
import { testDatabase, type TestDatabase } from '../helpers/db.ts';
import * as distribution from '../../src/features/distribution/service.ts';
import { csvField } from '../../src/lib/csv.ts';

const run = promisify(execFile);

/**
 * The `regie` command as a person runs it: a separate process on its own database (a fresh PGlite
 * folder, or a fresh schema of the PostgreSQL in DATABASE_URL).
 */
describe('regie CLI', { timeout: 120_000 }, () => {
  let dir: string;
  let env: NodeJS.ProcessEnv;
  let schemaDb: TestDatabase | undefined;

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'regie-cli-'));
    env = { ...process.env, REGIETAFEL_DATA_DIR: path.join(dir, 'db'), LOG_LEVEL: 'silent' };
    if (process.env.DATABASE_URL) {
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

  const regie = async (...args: string[]) => regieWith({}, ...args);
  const regieWith = async (extra: NodeJS.ProcessEnv, ...args: string[]) => {
    try {
      const r = await run(process.execPath, [path.join(REPO_ROOT, 'bin/regie.js'), ...args], { env: { ...env, ...extra }, cwd: dir });
      return { code: 0, stdout: r.stdout, stderr: r.stderr };
    } catch (e) {
      const err = e as { code: number; stdout: string; stderr: string };
      return { code: err.code, stdout: err.stdout, stderr: err.stderr };
    }
  };

  it('prints the taakstelling and a distribution exactly as the API computes them', async () => {
    const csv = await regie('quota', '--period', '2022-II', '--national', '13500', '--format', 'csv');
    expect(csv.code).toBe(0);
    const lines = csv.stdout.trim().split('\n');
    expect(lines[0]).toBe('gemeentecode,gemeentenaam,provinciecode,inwoners,taakstelling');
    expect(lines).toHaveLength(345);
    expect(csv.stderr).toContain('onofficieel');
    const db = schemaDb ?? (await testDatabase());
    try {
      const quotaInput = { kind: 'taakstelling' as const, period: '2022-II', national: 13_500 };
      const api = distribution.previewView(await distribution.compute(db.db, quotaInput));
      const cli = JSON.parse((await regie('quota', '--period', '2022-II', '--national', '13500', '--format', 'json')).stdout);
      expect(cli.areas).toEqual(api.areas);
      expect(lines.slice(1)).toEqual(api.areas.map((a) => `${a.code},${csvField(a.name)},${a.parentCode},${a.population},${a.assigned}`));
      const distributeArgs = ['--total', '51000', '--level', 'province', '--key', 'population', '--reference-date', '2021-01-01', '--boundary-date', '2022-07-11', '--method', 'huntington-hill'];
      const cliDistribution = JSON.parse((await regie('distribute', ...distributeArgs, '--format', 'json')).stdout);
      const apiDistribution = distribution.previewView(
        await distribution.compute(db.db, { kind: 'verdeling', total: 51_000, level: 'province', key: 'population', referenceDate: '2021-01-01', boundaryDate: '2022-07-11', method: 'huntington-hill' }),
      );
      expect(cliDistribution.areas).toEqual(apiDistribution.areas);
      expect(cliDistribution.assignedTotal).toBe(51_000);
    } finally {
      if (!schemaDb) await db.close();
    }
    const bad = await regie('distribute', '--total', '-3', '--level', 'province', '--reference-date', '2021-01-01');
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('total mag niet negatief zijn');
  });

  it('prints the 2022 municipalities with province and latest population; rejects a bad file whole; imports a good one', async () => {
    const first = await regie('regions', '--year', '2022', '--format', 'csv');
    expect(first.code).toBe(0);
    const lines = first.stdout.trim().split('\n');
    expect(lines[0]).toBe('gemeentecode,gemeentenaam,provinciecode,provincienaam,inwoners,peildatum,status,basis,opmerking');
    expect(lines).toHaveLength(346);
    expect(lines).toContain('GM0202,Arnhem,PV25,Gelderland,162410,2021-01-01,onofficieel,eigen cijfer,');
    expect(lines.find((l) => l.startsWith('GM0457,'))).toMatch(/,opgeheven per 2022-03-24$/);

    const bad = path.join(dir, 'bad.csv');
    fs.writeFileSync(bad, 'gemeentecode,gemeentenaam,provinciecode,inwoners,peildatum\nGM0202,Arnhem,PV25,162424,2021-01-01\nGM0392,Haarlem,PV26,162543,2021-01-01\nGM99,X,PV20,1,2021-01-01\n');
    const rejected = await regie('import', 'population', bad, '--status', 'officieel', '--bron', 'CBS 70072ned');
    expect(rejected.code).toBe(1);
    expect(rejected.stderr).toContain('Het bestand is niet ingelezen: 2 fout(en). Er is niets gewijzigd.');
    expect(rejected.stderr).toContain('regel 3, provinciecode: GM0392 (Haarlem) ligt in PV27, niet in PV26.');
    expect(rejected.stderr).toContain("regel 4, gemeentecode: 'GM99' is geen gemeentecode");
    expect((await regie('regions', '--year', '2022', '--format', 'csv')).stdout).toBe(first.stdout);

    const good = path.join(dir, 'cbs.csv');
    fs.writeFileSync(good, '"ID";"RegioS";"Perioden";"BevolkingOp1Januari_1"\n"0";"NL01  ";"2021JJ00";"17475415"\n"1";"GM0202";"2021JJ00";"162424"\n');
    const imported = await regie('import', 'population', good, '--status', 'officieel', '--bron', 'CBS 70072ned');
    expect(imported.code).toBe(0);
    expect(imported.stdout).toContain('Ingelezen: 1 gemeenten, peildatum 1 januari 2021, status officieel');
    expect(imported.stderr).toMatch(/Inlezen: 1\/1 regels \(100%\)/);
    const after = (await regie('regions', '--year', '2022', '--format', 'csv')).stdout;
    expect(after).toContain('GM0202,Arnhem,PV25,Gelderland,162424,2021-01-01,officieel,eigen cijfer,');
  });

  it('projects a scenario file with progress, reproducibly, as JSON equal to the model; compares two; refuses a bad one naming the field', async () => {
    const file = path.join(REPO_ROOT, 'data/scenarios/taakstelling-13500.json');
    const other = path.join(REPO_ROOT, 'data/scenarios/taakstelling-20000.json');
    const r = await regie('project', '--scenario', file, '--runs', '300', '--weeks', '12', '--seed', '5', '--format', 'json');
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('Rekenen: 12/12 weken (100%)');
    const { parseScenario, projectScenario } = await import('../../src/domain/projection/index.ts');
    const scenario = JSON.parse(fs.readFileSync(file, 'utf8'));
    const changes = scenario.capacity.changes.filter((c: { date: string }) => c.date < '2022-09-26');
    const expected = projectScenario(parseScenario({ ...scenario, weeks: 12, capacity: { ...scenario.capacity, changes } }), { runs: 300, seed: 5 });
    expect(JSON.parse(r.stdout)).toEqual(JSON.parse(JSON.stringify(expected)));
    const csv = await regie('project', '--scenario', file, '--compare', other, '--runs', '200', '--weeks', '30', '--format', 'csv');
    expect(csv.code).toBe(0);
    expect(csv.stdout.split('\n')[0]).toBe('week,aanmeldcentrum P50 a,aanmeldcentrum P50 b,verschil,statushouders P50 a,statushouders P50 b,verschil');
    expect(csv.stdout.trim().split('\n')).toHaveLength(31);
    const badFile = path.join(dir, 'kapot.json');
    fs.writeFileSync(badFile, JSON.stringify({ ...scenario, permitShare: 2 }));
    const bad = await regie('project', '--scenario', badFile);
    expect(bad.code).not.toBe(0);
    expect(bad.stderr).toMatch(/permitShare/);
    expect((await regie('project', '--scenario', file, '--runs', 'veel')).stderr).toContain('--runs moet een geheel getal zijn');
  });

  it('explains usage errors in Dutch', async () => {
    const r = await regie('regions', '--format', 'pdf');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("Onbekend formaat 'pdf'; kies uit table, csv, json.");
    const help = await regie('import', 'population', '--help');
    expect(help.stdout).toContain('gemeentecode,gemeentenaam,provinciecode,inwoners,peildatum');
  });

  it('refuses a production start while demo passwords are active, and starts once they are disabled', async () => {
    expect((await regie('seed', '--demo')).code).toBe(0);
    const production = { NODE_ENV: 'production' };
    const refused = await regieWith(production, 'serve', '--check');
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('Productiestart geweigerd: 6 demo-account(s)');
    const demo = ['secretariaat', 'lid', 'provincie.nh', 'gemeente.amsterdam', 'coa', 'corporatie'].map((e) => `${e}@regietafel.demo`);
    // All or nothing: an unknown address among them disables nobody.
    expect((await regie('user', 'disable', ...demo, 'niemand@regietafel.demo')).code).not.toBe(0);
    expect((await regieWith(production, 'serve', '--check')).code).toBe(1);
    expect((await regie('user', 'disable', ...demo)).code).toBe(0);
    const allowed = await regieWith(production, 'serve', '--check');
    expect(allowed.code).toBe(0);
    expect(allowed.stderr).toContain('Controle geslaagd');
    const users = await regie('user', 'list', '--format', 'csv');
    expect(users.stdout.split('\n').filter((l) => l.endsWith(',uitgeschakeld'))).toHaveLength(6);
  });

  it('lists overdue actions and the report rates of a month on the demo data; runs the escalation once', async () => {
    // The demo was seeded by the test before (this file's tests run in order on one database).
    const overdue = await regie('actions', 'overdue', '--format', 'csv');
    expect(overdue.code).toBe(0);
    const lines = overdue.stdout.trim().split('\n');
    expect(lines[0]).toBe('actie,programma,maatregel,houder,provincie,termijn,status,omschrijving');
    // Six UFA actions (one finished) plus those agreed in the demo LRT meeting; finished ones never show.
    expect(lines.filter((l) => l.includes(',UFA,'))).toHaveLength(5);
    expect(lines.some((l) => l.includes(',gereed,'))).toBe(false);
    const status = await regie('reports', 'status', '--month', '2022-07', '--format', 'json');
    expect(status.code).toBe(0);
    const s = JSON.parse(status.stdout);
    expect(s.provinces).toHaveLength(12);
    expect(s.provinces.every((p: { expected: number }) => p.expected === 1)).toBe(true);
    expect(s.national.received).toBeLessThan(12);
    expect((await regie('reports', 'status', '--month', '2022-13')).stderr).toContain('--month moet een maand zijn');
    const first = await regie('jobs', 'run', 'escalatie');
    expect(first.code).toBe(0);
    expect(JSON.parse(first.stdout).fired).toBeGreaterThan(0);
    expect(JSON.parse((await regie('jobs', 'run', 'escalatie')).stdout).fired).toBe(0);
  });

  it('prints the pipeline of a province against what is due; imports a project file all or nothing', async () => {
    const r = await regie('pipeline', '--province', 'pv21', '--as-of', '2022-07-08', '--format', 'json');
    expect(r.code, r.stderr).toBe(0);
    const o = JSON.parse(r.stdout);
    expect(o.province).toBe('PV21');
    expect(o.municipalities.every((m: { provinceCode: string }) => m.provinceCode === 'PV21')).toBe(true);
    // Leeuwarden's demo project: 20 homes for permit holders, expected in July 2023 (after this half-year), slipped.
    expect(o.municipalities.find((m: { municipalityCode: string }) => m.municipalityCode === 'GM0080')).toMatchObject({ homesExpectedInPeriod: 0, homesExpectedLater: 20, projects: 1, slips: 1 });
    const header = 'spoor;projectcode;projectnaam;gemeente;partij;type woning;aantal woningen;voor statushouders;verwachte oplevering;status';
    const bad = path.join(dir, 'fout.csv');
    fs.writeFileSync(bad, `${header}\nFLEX-NL;CLI-1;Test;GM0080;X;flexwoning;10;5;1-12-2022;idee\nFLEX-NL;CLI-2;Test;GM0080;X;flexwoning;10;50;1-12-2022;idee\n`);
    const refused = await regie('pipeline', 'import', bad);
    expect(refused.code).not.toBe(0);
    expect(refused.stderr).toContain('regel 3');
    const good = path.join(dir, 'goed.csv');
    fs.writeFileSync(good, `${header}\nFLEX-NL;CLI-1;Test;GM0080;X;flexwoning;10;5;1-12-2022;idee\n`);
    const ok = await regie('pipeline', 'import', good);
    expect(ok.code, ok.stderr).toBe(0);
    expect(ok.stdout).toContain('1 nieuw');
    const after = JSON.parse((await regie('pipeline', '--province', 'PV21', '--as-of', '2022-07-08', '--format', 'json')).stdout);
    expect(after.totals.homesExpectedInPeriod).toBe(o.totals.homesExpectedInPeriod + 5);
  });
});
