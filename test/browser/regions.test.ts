/**
 * Journeys through the web app in a real headless Chromium against the real server on the demo data, finding
 * things as a person does: by role and accessible name. Every page is checked with axe-core and photographed to
 * test-output/screenshots/ (look at them when you change the layout).
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import axe from 'axe-core';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, afterEach, describe, expect, it } from 'vitest';
import { startTestServer } from '../helpers/server.ts';
import { ensureWebBuilt } from '../../src/platform/web-build.ts';

const CHROMIUM = '/usr/bin/chromium';
const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const screenshotDir = path.join(repoRoot, 'test-output/screenshots');
const haveChromium = fs.existsSync(CHROMIUM);

if (!haveChromium && !process.env.CI) {
  console.warn(`[browser tests] ${CHROMIUM} ontbreekt: browsertests overgeslagen (installeer met: apt-get install chromium).`);
}

// In CI a missing browser must fail loudly rather than let the suite pass without testing the web app.
describe.runIf(!haveChromium && process.env.CI)('browser', () => {
  it('needs Chromium', () => {
    throw new Error(`${CHROMIUM} ontbreekt; de browsertests kunnen niet draaien. Installeer het pakket 'chromium'.`);
  });
});

describe.runIf(haveChromium)('web app in Chromium', { timeout: 120_000 }, () => {
  let server: Awaited<ReturnType<typeof startTestServer>>;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let cspViolations: string[];

  beforeAll(async () => {
    await ensureWebBuilt();
    server = await startTestServer();
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--no-first-run',
        '--disable-sync',
      ],
    });
    fs.mkdirSync(screenshotDir, { recursive: true });
  }, 240_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  beforeEach(async () => {
    // A fresh context per test: no language choice or history leaks from one test into the next.
    context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'nl-NL' });
    page = await context.newPage();
    page.setDefaultTimeout(10_000);
    // The server sends a strict Content-Security-Policy; the app must run under it without being refused anything.
    cspViolations = [];
    page.on('console', (message) => {
      if (message.type() === 'error' && /Content Security Policy/i.test(message.text())) cspViolations.push(message.text());
    });
  });

  afterEach(async () => {
    await context?.close();
  });

  const url = (p: string) => new URL(p, server.url).toString();

  /**
   * Runs axe-core in the page; fails on serious or critical violations and prints them. Then takes a screenshot.
   * axe is injected through the DevTools protocol (evaluate), not as a <script> tag: the server's CSP rightly refuses
   * inline scripts, and switching CSP off for the test would hide the app's own violations.
   */
  async function checkPage(name: string) {
    expect(cspViolations, 'CSP violations').toEqual([]);
    await page.evaluate(axe.source);
    const results = await page.evaluate(async () => {
      const r = await (window as unknown as { axe: typeof axe }).axe.run(document, {
        runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] },
      });
      return r.violations.map((v) => ({
        id: v.id,
        impact: v.impact,
        help: v.help,
        nodes: v.nodes.slice(0, 5).map((n) => n.target.join(' ')),
      }));
    });
    const severe = results.filter((v) => v.impact === 'serious' || v.impact === 'critical');
    if (severe.length > 0) console.error(`axe violations on ${name}:\n${JSON.stringify(severe, null, 2)}`);
    await page.screenshot({ path: path.join(screenshotDir, `${name}.png`), fullPage: true });
    expect(severe, `axe: serious/critical violations on ${name}`).toEqual([]);
  }

  async function mapOf(p: Page) {
    const map = p.getByRole('group', { name: 'Kaart van de provincies' });
    await expect.poll(() => map.getByRole('link').count()).toBe(12);
    return map;
  }

  async function rowHeaders(p: Page, caption: string): Promise<string[]> {
    return p.getByRole('table', { name: caption, exact: true }).locator('tbody th[scope="row"]').allInnerTexts();
  }

  it('home page says what Regietafel is and links to what exists', async () => {
    await page.goto(url('/'));
    await expect.poll(() => page.title()).toMatch(/^Regietafel/);
    expect(await page.getByRole('heading', { level: 1 }).innerText()).toBe('Regietafel');
    expect(await page.locator('html').getAttribute('lang')).toBe('nl');
    expect(await page.getByRole('main').innerText()).toContain('Provinciale Regietafel (PRT)');

    const main = page.getByRole('main');
    expect(await main.getByRole('link', { name: /^Regio's/ }).getAttribute('href')).toBe('/regios');
    expect(await main.getByRole('link', { name: 'API-documentatie' }).getAttribute('href')).toBe('/api/docs');
    expect(await main.getByRole('link', { name: /OpenAPI-document/ }).getAttribute('href')).toBe('/api/v1/openapi.json');
    for (const landmark of ['banner', 'main', 'contentinfo', 'navigation'] as const) {
      expect(await page.getByRole(landmark).count(), landmark).toBe(1);
    }
    await checkPage('home');

    await main.getByRole('link', { name: /^Regio's/ }).click();
    await page.waitForURL(/\/regios$/);
    await expect.poll(() => page.getByRole('heading', { level: 1 }).innerText()).toBe("Regio's");
  });

  it("regions page: map with 12 province links, a table that sorts, and the unofficial-figures notice", async () => {
    await page.goto(url('/regios?jaar=2022'));
    const map = await mapOf(page);
    const noordHolland = map.getByRole('link', { name: /^Noord-Holland: \d{1,3}(\.\d{3})+ inwoners \(onofficieel\)$/ });
    expect(await noordHolland.count()).toBe(1);
    expect(await noordHolland.getAttribute('href')).toBe('/regios/PV27?jaar=2022');

    const caption = 'Provincies in 2022';
    const table = page.getByRole('table', { name: caption, exact: true });
    await expect.poll(() => table.locator('tbody tr').count()).toBe(12);
    // Dutch number format and the status next to every figure.
    const nhRow = table.getByRole('row', { name: /Noord-Holland/ });
    expect(await nhRow.innerText()).toMatch(/PV27\s+Noord-Holland\s+45\s+\d{1,3}\.\d{3}\.\d{3}\s+1 januari 2021\s+⚠ onofficieel/);
    expect(await page.getByText('Let op: deze pagina toont onofficiële cijfers').isVisible()).toBe(true);
    expect(
      await page.getByText('Onofficieel cijfer: niet door het CBS vastgesteld; gebruik het niet voor besluiten.').isVisible(),
    ).toBe(true);
    await checkPage('regions');

    const initial = await rowHeaders(page, caption);
    expect(initial[0]).toBe('Groningen'); // sorted by code

    const populationHeader = table.getByRole('columnheader', { name: /Inwoners/ });
    await populationHeader.getByRole('button').click();
    await expect.poll(() => populationHeader.getAttribute('aria-sort')).toBe('descending');
    const descending = await rowHeaders(page, caption);
    expect(descending).not.toEqual(initial);
    expect(descending[0]).toBe('Zuid-Holland');
    expect(descending.at(-1)).toBe('Zeeland');

    await populationHeader.getByRole('button').click();
    await expect.poll(() => populationHeader.getAttribute('aria-sort')).toBe('ascending');
    expect(await rowHeaders(page, caption)).toEqual([...descending].reverse());
    expect(await table.getByRole('columnheader', { name: /Naam/ }).getAttribute('aria-sort')).toBeNull();
  });

  it('clicking a province on the map opens its municipalities', async () => {
    await page.goto(url('/regios?jaar=2022'));
    const map = await mapOf(page);
    await map.getByRole('link', { name: /^Noord-Holland:/ }).click();
    await page.waitForURL(/\/regios\/PV27\?jaar=2022$/);
    await expect.poll(() => page.getByRole('heading', { level: 1 }).innerText()).toBe('Noord-Holland');
    await expect.poll(() => page.title()).toBe('Noord-Holland 2022 – Regietafel');

    const table = page.getByRole('table', { name: /^Gemeenten in Noord-Holland in 2022/ });
    await expect.poll(() => table.locator('tbody tr').count()).toBe(45);
    expect(await table.getByRole('row', { name: /Amsterdam/ }).innerText()).toMatch(
      /GM0363\s+Amsterdam\s+\d{3}\.\d{3}\s+1 januari 2021\s+⚠ onofficieel\s+eigen cijfer/,
    );
    expect(await page.getByRole('img', { name: 'Ligging van Noord-Holland in Nederland' }).count()).toBe(1);
    expect(await page.getByText('Let op: deze pagina toont onofficiële cijfers').isVisible()).toBe(true);
    // The 2022 mergers (e.g. Dijk en Waard) are listed for this province.
    expect(await page.getByRole('table', { name: /^Herindelingen/ }).innerText()).toContain('Dijk en Waard');
    await checkPage('province');

    await page.getByRole('link', { name: "Terug naar het overzicht van regio's" }).click();
    await page.waitForURL(/\/regios\?jaar=2022$/);
    await mapOf(page);
  });

  it('official figures carry no warning', async () => {
    await page.goto(url('/regios?jaar=2020'));
    const table = page.getByRole('table', { name: /^Provincies in 2020/ });
    await expect.poll(() => table.locator('tbody tr').count()).toBe(12);
    expect(await table.innerText()).toContain('officieel');
    expect(await table.innerText()).not.toContain('onofficieel');
    expect(await page.getByText('Let op: deze pagina toont onofficiële cijfers').count()).toBe(0);
    await checkPage('regions-2020');
  });

  it('shows the reason instead of a number when a figure is missing', async () => {
    // The demo data has a figure for every municipality, so the answer is altered on its way to the page.
    await page.route('**/api/v1/provinces/PV30?*', async (route) => {
      const response = await route.fetch();
      const body = (await response.json()) as { municipalities: { name: string; population: Record<string, unknown> }[] };
      const first = body.municipalities[0];
      if (first) {
        first.name = 'Testgemeente';
        first.population = { inhabitants: null, referenceDate: null, status: null, basis: null, sources: [], missing: 'geen cijfer voor Haaren-deel' };
      }
      await route.fulfill({ response, json: body });
    });
    await page.goto(url('/regios/PV30?jaar=2022'));
    const row = page.getByRole('row', { name: /Testgemeente/ });
    expect(await row.innerText()).toContain('geen cijfer voor Haaren-deel');
    expect(await row.innerText()).toContain('onbekend');
  });

  it('switching to English changes the language of the page and is remembered', async () => {
    await page.goto(url('/regios?jaar=2022'));
    await mapOf(page);
    await page.getByRole('button', { name: 'Switch to English' }).click();
    await expect.poll(() => page.locator('html').getAttribute('lang')).toBe('en');
    await expect.poll(() => page.getByRole('heading', { level: 1 }).innerText()).toBe('Regions');
    const map = page.getByRole('group', { name: 'Map of the provinces' });
    expect(await map.getByRole('link', { name: /^Noord-Holland: \d{1,3}(,\d{3})+ inhabitants \(unofficial\)$/ }).count()).toBe(1);
    expect(await page.getByText('Unofficial figure: not established by CBS; do not use it for decisions.').isVisible()).toBe(true);
    await checkPage('regions-en');

    await page.reload();
    await expect.poll(() => page.getByRole('heading', { level: 1 }).innerText()).toBe('Regions');
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    await page.getByRole('button', { name: 'Schakel naar Nederlands' }).click();
    await expect.poll(() => page.locator('html').getAttribute('lang')).toBe('nl');
    await expect.poll(() => page.getByRole('heading', { level: 1 }).innerText()).toBe("Regio's");
  });

  it('keyboard: Tab reaches the skip link first, then a province on the map opens with Enter', async () => {
    await page.goto(url('/regios?jaar=2022'));
    await mapOf(page);
    await page.keyboard.press('Tab');
    const focusedName = () => page.evaluate(() => {
      const el = document.activeElement as HTMLElement | null;
      return el ? `${el.tagName.toLowerCase()}|${el.getAttribute('aria-label') ?? el.textContent ?? ''}` : '';
    });
    expect(await focusedName()).toBe('a|Naar de inhoud');
    expect(await page.getByRole('link', { name: 'Naar de inhoud' }).isVisible()).toBe(true);
    await page.screenshot({ path: path.join(screenshotDir, 'skip-link-focus.png') });

    await page.keyboard.press('Enter');
    let reached = '';
    for (let i = 0; i < 30 && !reached.startsWith('a|Groningen:'); i++) {
      await page.keyboard.press('Tab');
      reached = await focusedName();
    }
    expect(reached).toMatch(/^a\|Groningen: [\d.]+ inwoners/);
    await page.screenshot({ path: path.join(screenshotDir, 'map-focus.png') });
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/regios\/PV20\?jaar=2022$/);
    await expect.poll(() => page.getByRole('heading', { level: 1 }).innerText()).toBe('Groningen');
    // Focus moved to the new page's heading, so a screen reader starts reading there.
    await expect.poll(focusedName).toBe('h1|Groningen');
  });

  it('an API failure shows a Dutch error with a retry button that works', async () => {
    let fail = true;
    await page.route('**/api/v1/provinces?*', async (route) => {
      if (!fail) return route.fallback();
      await route.fulfill({
        status: 503,
        contentType: 'application/problem+json',
        body: JSON.stringify({ title: 'Dienst niet beschikbaar', detail: 'De database is even niet bereikbaar.', code: 'database-onbereikbaar' }),
      });
    });
    await page.goto(url('/regios?jaar=2022'));
    const alert = page.getByRole('alert');
    await expect.poll(() => alert.innerText()).toContain('De gegevens konden niet worden geladen');
    expect(await alert.innerText()).toContain('De database is even niet bereikbaar.');
    expect(await alert.innerText()).toContain('database-onbereikbaar');
    await checkPage('error');

    fail = false;
    await page.getByRole('button', { name: 'Opnieuw proberen' }).click();
    await mapOf(page);
    await expect.poll(() => page.getByRole('alert').count()).toBe(0);
  });

  it('fits a phone screen without sideways scrolling of the page (WCAG 1.4.10)', async () => {
    await page.setViewportSize({ width: 360, height: 740 });
    await page.goto(url('/regios?jaar=2022'));
    await mapOf(page);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    await checkPage('regions-phone');
  });

  it('unknown pages and provinces say so', async () => {
    await page.goto(url('/bestaat-niet'));
    await expect.poll(() => page.getByRole('heading', { level: 1 }).innerText()).toBe('Pagina niet gevonden');
    expect(await page.getByRole('link', { name: 'Naar de startpagina' }).getAttribute('href')).toBe('/');
    await checkPage('not-found');

    await page.goto(url('/regios/PV99'));
    await expect.poll(() => page.getByRole('heading', { level: 1 }).innerText()).toBe('Provincie niet gevonden');
    expect(await page.getByRole('main').innerText()).toContain('Er is geen provincie met de code PV99.');
    await checkPage('province-not-found');
  });
});
