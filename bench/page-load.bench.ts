import { sql } from 'kysely';
import zlib from 'node:zlib';
import { openDatabase } from '../src/platform/db/database.ts';
import { bringUpToDate } from '../src/platform/setup.ts';
import { ensureWebBuilt } from '../src/platform/web-build.ts';
import { DEMO_PASSWORD } from '../src/features/auth/demo-users.ts';
import { CHROMIUM, CHROMIUM_ARGS, HAVE_CHROMIUM } from '../test/helpers/browser.ts';
import { chromium } from 'playwright-core';
import type { BenchResult } from './measure.ts';
import { startRegie, type Server } from './support/processes.ts';

/**
 * Page load in Debian's Chromium: from navigation until the page shows its figures (its main heading and no loading
 * status left), median of PAGE_RUNS (default 5) loads per page with a warm cache, as a ratio to the app's own login
 * page (the shell with no data) measured in the same run. The server is `regie serve` on PostgreSQL with the demo data.
 */
const PAGES = [
  ['national dashboard', '/dashboard'],
  ['taakstelling (map)', '/taakstelling'],
  ['ledger overview', '/taakstelling/overzicht'],
  ['reception', '/opvang'],
  ['actions', '/acties'],
  ['pipeline overview', '/woningpijplijn'],
  ['meetings', '/vergaderingen'],
] as const;

export async function benchPageLoad(): Promise<BenchResult> {
  const runs = Number(process.env.PAGE_RUNS ?? 5);
  const url = process.env.DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/test';
  const schema = `pages_${Date.now()}`;
  const name = `Page load in Chromium until the figures show, against the login page (median of ${runs})`;
  if (!HAVE_CHROMIUM) return { name, lines: [`skipped: no ${CHROMIUM} (apt-get install -y chromium)`] };
  let database;
  try {
    database = await openDatabase({ databaseUrl: url, dataDir: 'memory://', schema });
  } catch (e) {
    return { name, lines: [`skipped: no PostgreSQL at ${url} (${(e as Error).message})`] };
  }
  let server: Server | undefined;
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  try {
    await ensureWebBuilt();
    await bringUpToDate(database, { demo: true });
    server = await startRegie(url, schema, { JOBS: 'off' });
    const context = await browser.newContext({ locale: 'nl-NL' });
    const page = await context.newPage();
    const base = server.url;
    async function settle() {
      await page.locator('h1').first().waitFor({ state: 'visible', timeout: 60_000 });
      // The pages announce loading in a role=status element; wait until none says so.
      await page.waitForFunction(() => ![...document.querySelectorAll('[role="status"]')].some((e) => /laden/i.test(e.textContent ?? '')), undefined, { timeout: 60_000 });
    }
    async function median(path: string) {
      const times: number[] = [];
      for (let i = 0; i < runs + 1; i++) {
        const t = performance.now();
        await page.goto(`${base}${path}`);
        await settle();
        if (i > 0) times.push(performance.now() - t); // the first load fills the cache
      }
      times.sort((a, b) => a - b);
      return times[Math.floor(times.length / 2)]!;
    }
    await context.clearCookies();
    const login = await median('/inloggen');
    // Log in as the secretariat through the form, as a person does.
    await page.goto(`${base}/inloggen`);
    await page.getByLabel('E-mailadres').fill('secretariaat@regietafel.demo');
    await page.getByLabel('Wachtwoord').fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: 'Inloggen', exact: true }).click();
    await page.waitForURL((u) => !u.pathname.startsWith('/inloggen'), { timeout: 60_000 });
    const lines = [`login page (the shell, no data): ${login.toFixed(0)} ms`];
    for (const [label, path] of PAGES) {
      const ms = await median(path);
      const goal = path === '/dashboard' ? ` (goal: figures within 1,000 ms: ${ms <= 1000 ? 'met' : 'MISSED'})` : '';
      lines.push(`${label} ${path}: ${ms.toFixed(0)} ms, ${(ms / login).toFixed(2)} × the login page${goal}`);
    }
    // The dashboard's initial JavaScript: every script a first visit (empty cache) loads until its figures show,
    // gzipped at level 9 as a server or proxy would send it. Budget (issue 9): 250 KB.
    const fresh = await browser.newContext({ locale: 'nl-NL', storageState: await context.storageState() });
    const firstVisit = await fresh.newPage();
    const scripts: Promise<{ url: string; raw: number; gz: number }>[] = [];
    firstVisit.on('response', (r) => {
      if (r.request().resourceType() === 'script') {
        scripts.push(r.body().then((b) => ({ url: new URL(r.url()).pathname, raw: b.length, gz: zlib.gzipSync(b, { level: 9 }).length })));
      }
    });
    await firstVisit.goto(`${base}/dashboard`);
    await firstVisit.locator('h1').first().waitFor({ state: 'visible', timeout: 60_000 });
    await firstVisit.waitForFunction(() => ![...document.querySelectorAll('[role="status"]')].some((e) => /laden/i.test(e.textContent ?? '')), undefined, { timeout: 60_000 });
    const loaded = await Promise.all(scripts);
    const gz = loaded.reduce((n, x) => n + x.gz, 0);
    const raw = loaded.reduce((n, x) => n + x.raw, 0);
    lines.push(
      `dashboard initial JavaScript: ${loaded.length} files, ${(raw / 1024).toFixed(0)} KB, ${(gz / 1024).toFixed(0)} KB gzipped (budget 250 KB: ${gz <= 250 * 1024 ? 'met' : 'MISSED'}); ` +
        `largest: ${[...loaded].sort((a, b) => b.gz - a.gz).slice(0, 3).map((x) => `${x.url} ${(x.gz / 1024).toFixed(0)} KB`).join(', ')}`,
    );
    await fresh.close();
    return { name, lines };
  } finally {
    await browser.close();
    await server?.stop();
    await sql`drop schema if exists ${sql.id(schema)} cascade`.execute(database.db).catch(() => undefined);
    await database.close();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const r = await benchPageLoad();
  console.log(`\n${r.name}`);
  for (const line of r.lines) console.log(`  ${line}`);
}
