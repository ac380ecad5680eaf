/**
 * The ledger pages (taakstelling en realisatie) in a real headless Chromium against the real server on the demo data:
 * the public half-year map (legend, table alternative, map classes equal to the table), and a Noord-Holland province
 * user going from the overview to a municipality, stepping it up one rung and being refused a skipped rung. Every page
 * is checked with axe-core and photographed to test-output/screenshots/ledger-*.png.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { DEMO, type DemoRole } from '../helpers/auth.ts';
import { browserHarness, HAVE_CHROMIUM } from '../helpers/browser.ts';

const PASSWORD = 'Regietafel-demo-2022';

// regions.test.ts already fails loudly in CI without Chromium; here we only skip.
describe.runIf(HAVE_CHROMIUM)('ledger pages in Chromium', () => {
  const { url, newPage, checkPage } = browserHarness({ name: 'ledger', timeoutMs: 15000 });

  const h1 = (page: Page) => page.getByRole('heading', { level: 1 }).innerText();
  const mainNav = (page: Page) => page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link').allInnerTexts();

  async function loginAs(role: DemoRole): Promise<Page> {
    const page = await newPage();
    await page.goto(url('/inloggen'));
    await expect.poll(() => h1(page)).toBe('Inloggen');
    await page.getByLabel('E-mailadres').fill(DEMO[role]);
    await page.getByLabel('Wachtwoord').fill(PASSWORD);
    await page.getByRole('button', { name: 'Inloggen', exact: true }).click();
    await expect.poll(() => page.getByRole('banner').getByRole('button', { name: /^Menu van / }).count()).toBe(1);
    return page;
  }

  it('anonymous: the public map with a pattern legend, and a table whose classes are the map’s', async () => {
    const page = await newPage();
    await page.goto(url('/'));
    expect(await mainNav(page)).toEqual(['Home', "Regio's", 'Verdeling', 'Taakstelling']);
    await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Taakstelling' }).click();
    await expect.poll(() => h1(page)).toBe('Taakstelling: realisatie per gemeente');
    // No link to the overview for anonymous visitors.
    expect(await page.getByRole('link', { name: 'Naar het overzicht voor toezicht' }).count()).toBe(0);

    const table = page.getByRole('table', { name: 'Realisatie per gemeente in 2022-I', exact: true });
    await expect.poll(() => table.locator('tbody tr').count()).toBe(345);
    await expect.poll(() => page.locator('svg.rt-ledger-map path[data-code]').count()).toBeGreaterThan(300);

    // The legend says each class in words, next to a pattern swatch.
    const legend = await page.locator('.rt-ledger-legend li').allInnerTexts();
    expect(legend).toEqual([
      'behaald: 100 % of meer',
      'bijna: 75 % tot 100 %',
      'achter: minder dan 75 %',
      'geen taak (gecorrigeerde taakstelling 0 of minder)',
    ]);
    expect(await page.locator('.rt-ledger-legend li svg pattern').count()).toBeGreaterThanOrEqual(4);

    // Every municipality on the map has the class the table gives it.
    const rows = await table.locator('tbody tr').evaluateAll((trs) =>
      trs.map((tr) => {
        const cells = [...tr.querySelectorAll('th, td')].map((c) => (c as HTMLElement).innerText.trim());
        return { code: cells[0]!, percentage: cells[5]!, cls: cells[6]! };
      }),
    );
    const onMap = await page.locator('svg.rt-ledger-map path[data-code]').evaluateAll((paths) =>
      Object.fromEntries(paths.map((p) => [p.getAttribute('data-code'), p.getAttribute('data-class')])),
    );
    let compared = 0;
    for (const row of rows) {
      if (!(row.code in onMap)) continue;
      expect(onMap[row.code], row.code).toBe(row.cls);
      compared++;
    }
    expect(compared).toBeGreaterThan(300);
    expect(new Set(rows.map((r) => r.cls)).size).toBeGreaterThan(1);
    // Dutch numbers: a decimal comma and a space before the percent sign.
    expect(rows.every((r) => r.percentage === '–' || /^\d+(,\d)? %$/.test(r.percentage))).toBe(true);
    await checkPage(page, 'public-map');

    await page.getByLabel('Halfjaar').selectOption('2022-II');
    await expect.poll(() => page.getByRole('table', { name: 'Realisatie per gemeente in 2022-II', exact: true }).locator('tbody tr').count()).toBeGreaterThan(300);
  }, 120_000);

  it('provincie Noord-Holland: overview for PV27, a municipality, one step up, and a skipped step refused', async () => {
    const page = await loginAs('provincie');
    await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Taakstelling' }).click();
    await expect.poll(() => h1(page)).toBe('Taakstelling: realisatie per gemeente');
    await page.getByRole('link', { name: 'Naar het overzicht voor toezicht' }).click();
    await expect.poll(() => h1(page)).toBe('Overzicht taakstelling en toezicht');
    // The province user starts with its own province.
    expect(await page.getByLabel('Provincie').inputValue()).toBe('PV27');

    await page.goto(url('/taakstelling/overzicht?periode=2022-II&provincie=PV27'));
    await expect.poll(() => h1(page)).toBe('Overzicht taakstelling en toezicht');
    const table = page.getByRole('table', { name: 'Gemeenten in 2022-II, Noord-Holland', exact: true });
    await expect.poll(() => table.locator('tbody tr').count()).toBe(44);
    await expect.poll(() => page.getByText('Stand op 30 september 2022.').count()).toBe(1);
    const totals = await page.locator('.rt-ledger-totals').innerText();
    expect(totals).toContain('Gecorrigeerde taakstelling');
    expect(totals).toContain('2.244');
    // Newly overdue first, with its badge, pace and suggested step.
    const first = table.locator('tbody tr').first();
    expect(await first.innerText()).toContain('nieuw achter');
    expect(await first.innerText()).toMatch(/licht achter|achter/);
    await checkPage(page, 'overview');

    const name = await first.getByRole('link').innerText();
    await first.getByRole('link').click();
    await expect.poll(() => h1(page)).toBe(`Grootboek ${name}`);
    const current = page.getByTestId('current-step');
    await expect.poll(() => current.innerText()).toBe('geen');
    expect(await page.getByRole('table', { name: 'Grootboekregel 2022-II', exact: true }).innerText()).toContain('Gecorrigeerde taakstelling');
    await page.getByRole('button', { name: 'Toon als tabel' }).first().click();
    await expect.poll(() => page.getByRole('table', { name: 'Maanden 2022-I', exact: true }).locator('tbody tr').count()).toBe(6);
    expect(await page.getByRole('table', { name: 'Gehuisveste personen per maand', exact: true }).locator('tbody tr').count()).toBeGreaterThan(0);
    await checkPage(page, 'municipality');

    // One rung up: the form proposes the next step.
    expect(await page.getByLabel('Stap', { exact: true }).inputValue()).toBe('signaleren');
    await page.getByLabel('Reden').first().fill('Achterstand na 2022-I; eerste signaal aan het college.');
    await page.getByRole('button', { name: 'Stap vastleggen' }).click();
    await expect.poll(() => current.innerText()).toMatch(/^signaleren \(sinds /);
    await expect.poll(() => page.getByRole('status').filter({ hasText: 'De stap signaleren is vastgelegd.' }).count()).toBe(1);
    expect(await page.getByRole('table', { name: 'Genomen stappen', exact: true }).innerText()).toContain('signaleren');

    // Skipping a rung: the server refuses in Dutch, and the page shows its words.
    await page.getByLabel('Stap', { exact: true }).selectOption('schriftelijke aanmaning');
    await page.getByLabel('Reden').first().fill('Direct een aanmaning.');
    await page.getByRole('button', { name: 'Stap vastleggen' }).click();
    const alert = page.getByRole('alert').filter({ hasText: 'De stap is niet vastgelegd' });
    await expect.poll(() => alert.innerText()).toContain('Van signaleren kan alleen naar bestuurlijk overleg');
    expect(await current.innerText()).toMatch(/^signaleren/);
    await checkPage(page, 'step-refused');
  }, 120_000);
});
