/**
 * Background tasks in a real headless Chromium against the real server on the demo data: a long projection (20,000
 * draws × 520 weeks) is started, its progress shows while it runs with the task in the address (?taak=…); the user
 * leaves for another page, comes back through "Mijn taken" and sees the result (also after a reload). The monthly
 * overview PDF is made in the background and downloaded from its task. Every state is checked with axe-core and
 * photographed to test-output/screenshots/tasks-*.png.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { DEMO, type DemoRole } from '../helpers/auth.ts';
import { browserHarness, HAVE_CHROMIUM } from '../helpers/browser.ts';

describe.runIf(HAVE_CHROMIUM)('background tasks in Chromium', { timeout: 120_000 }, () => {
  const { url, checkPage, signedInPage } = browserHarness({ name: 'tasks', timeoutMs: 15000 });

  const poll = <T,>(fn: () => Promise<T> | T) => expect.poll(fn, { timeout: 60_000 });
  const h1 = (page: Page) => page.getByRole('heading', { level: 1 }).innerText();
  const apiGet = <T,>(page: Page, path: string) => page.evaluate(async (p) => (await fetch(p)).json(), path) as Promise<T>;

  const loginAs = (role: DemoRole) => signedInPage(DEMO[role]);

  it('a projection runs as a task: progress, leave, come back through Mijn taken, the result (also after a reload)', async () => {
    const page = await loginAs('lid');
    await page.goto(url('/prognose'));
    await poll(() => h1(page)).toBe('Ketenprognose');
    await poll(() => page.getByLabel('Scenario', { exact: true }).locator('option').count()).toBe(2);
    await page.getByLabel('Aantal trekkingen').fill('20000');
    await page.getByLabel('Aantal weken').fill('520');
    await page.getByRole('button', { name: 'Prognose berekenen' }).click();

    // The task is in the address at once; while it runs a progress bar says how far it is.
    await poll(() => new URL(page.url()).searchParams.get('taak')).toMatch(/^\d+$/);
    const id = Number(new URL(page.url()).searchParams.get('taak'));
    const task = page.getByRole('region', { name: 'Prognose als taak op de achtergrond' });
    await poll(() => task.getByRole('progressbar').count()).toBe(1);
    const bar = task.getByRole('progressbar');
    const now = Number(await bar.getAttribute('aria-valuenow'));
    expect(now).toBeGreaterThanOrEqual(0);
    expect(now).toBeLessThan(100);
    expect(await bar.getAttribute('aria-labelledby')).toBeTruthy();
    expect(await task.getByRole('status').innerText()).toMatch(/^(De taak wacht|Bezig: \d+ % klaar)/);
    expect(await task.innerText()).toContain('U kunt deze pagina verlaten');
    await checkPage(page, 'projection-running');

    // Leave while it runs.
    await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Home', exact: true }).click();
    await poll(() => new URL(page.url()).pathname).toBe('/');

    // Come back through "Mijn taken" in the user menu: the task with its status, once done "klaar" and 100 %.
    await page.getByRole('banner').getByRole('button', { name: /^Menu van / }).click();
    await page.getByRole('link', { name: 'Mijn taken', exact: true }).click();
    await poll(() => h1(page)).toBe('Mijn taken');
    const link = page.getByRole('link', { name: `Ketenprognose (taak ${id}) bekijken` });
    await poll(() => link.count()).toBe(1);
    await poll(async () => (await apiGet<{ status: string }>(page, `/api/v1/tasks/${id}`)).status).toBe('done');
    await page.reload();
    await poll(() => h1(page)).toBe('Mijn taken');
    const row = page.getByRole('row').filter({ has: page.getByRole('link', { name: `Ketenprognose (taak ${id}) bekijken` }) });
    await poll(() => row.getByRole('cell').nth(2).innerText()).toBe('klaar');
    expect(await row.getByRole('cell').nth(3).innerText()).toBe('100 %');
    await checkPage(page, 'my-tasks');

    await link.click();
    await poll(() => page.getByRole('heading', { level: 2, name: 'Uitkomst: Taakstelling 13.500 per halfjaar' }).count()).toBe(1);
    expect(new URL(page.url()).pathname + new URL(page.url()).search).toBe(`/prognose?taak=${id}`);
    expect(await page.getByRole('progressbar').count()).toBe(0);
    // The result is the task's: 20,000 draws over 520 weeks, as the server stored it.
    const stored = await apiGet<{ result: { runs: number; weeks: number; summary: { weeksOverNorm: { p50: number } } } }>(page, `/api/v1/tasks/${id}`);
    expect(stored.result).toMatchObject({ runs: 20000, weeks: 520 });
    const keyFigures = page.getByRole('table', { name: /^Kerncijfers van Taakstelling 13\.500 per halfjaar/ });
    expect(await keyFigures.getByRole('row').nth(1).getByRole('cell').nth(1).innerText()).toBe(new Intl.NumberFormat('nl-NL').format(stored.result.summary.weeksOverNorm.p50));
    await page.reload();
    await poll(() => page.getByRole('heading', { level: 2, name: 'Uitkomst: Taakstelling 13.500 per halfjaar' }).count()).toBe(1);
    await checkPage(page, 'projection-result');

    // Someone else cannot follow this task.
    const other = await loginAs('gemeente');
    await other.goto(url(`/prognose?taak=${id}`));
    await poll(() => other.getByRole('alert').innerText()).toContain('Geen toegang');
  });

  it('a large realisation list is read as a task: its counts once done, with the task in the address; a reload shows them again', async () => {
    const page = await loginAs('coa');
    await page.goto(url('/taakstelling/realisaties-uploaden'));
    await poll(() => h1(page)).toBe('Realisatielijst uploaden');
    // Over 512 kB, so the page sends it as a background task: 20,000 housings with their own COA number.
    const lines = Array.from({ length: 20_000 }, (_, i) => `GM0363,2022-08-${String(1 + (i % 28)).padStart(2, '0')},1,1,TAAK${String(i).padStart(6, '0')}`);
    const content = ['gemeentecode,datum,personen,huishoudgrootte,coa_nummer', ...lines].join('\n');
    expect(content.length).toBeGreaterThan(512 * 1024);
    await page.getByLabel('Halfjaar', { exact: true }).selectOption('2022-II');
    await page.getByLabel('Bestand (CSV of Excel)', { exact: true }).setInputFiles({ name: 'groot.csv', mimeType: 'text/csv', buffer: Buffer.from(content) });
    await page.getByRole('button', { name: 'Realisatielijst uploaden', exact: true }).click();
    await poll(() => new URL(page.url()).searchParams.get('taak')).toMatch(/^\d+$/);
    const task = page.getByRole('region', { name: 'Grote realisatielijst: ingelezen op de achtergrond' });
    await poll(() => task.getByTestId('realisation-upload-summary').innerText()).toBe('20000 regels gelezen voor 2022-II: 20000 nieuw, 0 al bekend.');
    expect(await task.getByRole('status').innerText()).toBe('De taak is klaar.');
    await checkPage(page, 'realisation-upload-done');
    await page.reload();
    await poll(() => page.getByRole('region', { name: 'Grote realisatielijst: ingelezen op de achtergrond' }).getByTestId('realisation-upload-summary').count()).toBe(1);
  });

  it('the monthly overview PDF is made in the background and downloaded from its task', async () => {
    const page = await loginAs('lid');
    await page.goto(url('/rapportages'));
    await poll(() => h1(page)).toBe('Maandrapportages');
    await page.getByRole('button', { name: 'PDF van juli 2022 op de achtergrond maken' }).click();
    await poll(() => new URL(page.url()).searchParams.get('taak')).toMatch(/^\d+$/);
    const download = page.getByRole('link', { name: 'maandoverzicht-2022-07.pdf downloaden' });
    await poll(() => download.count()).toBe(1);
    const pdf = await page.request.get(url((await download.getAttribute('href'))!));
    expect(pdf.status()).toBe(200);
    expect(pdf.headers()['content-type']).toBe('application/pdf');
    expect((await pdf.body()).subarray(0, 5).toString()).toBe('%PDF-');
    expect(await page.getByRole('region', { name: 'Maandoverzicht als PDF' }).getByRole('status').innerText()).toBe('De taak is klaar.');
    await checkPage(page, 'overview-pdf');
  });
});
