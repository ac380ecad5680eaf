/**
 * Distribution decisions in the web app, in a real headless Chromium against the real server on the demo data:
 * the secretariat's flow draft → compare → publish → export, what anonymous visitors see (published decisions with
 * the unofficial-figures badge, no drafts, no creating), and a province splitting its own share. Every page is
 * checked with axe-core and photographed to test-output/screenshots/distribution-*.png.
 */
import fs from 'node:fs';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { DEMO, type DemoRole } from '../helpers/auth.ts';
import { browserHarness, HAVE_CHROMIUM } from '../helpers/browser.ts';

const PASSWORD = 'Regietafel-demo-2022';

/** '51.000' → 51000, '−12' → -12 (Dutch thousands, the minus sign of the page). */
const dutchInt = (text: string) => Number(text.replace(/\./g, '').replace('−', '-').replace(/[^\d-]/g, ''));

// regions.test.ts already fails loudly in CI without Chromium; here we only skip.
describe.runIf(HAVE_CHROMIUM)('distribution decisions in Chromium', { timeout: 120_000 }, () => {
  const { url, newPage, checkPage } = browserHarness({ name: 'distribution', timeoutMs: 15000, acceptDownloads: true });
  // Ids of the two drafts the first test makes, used by the tests after it.
  const drafts: { a?: number; b?: number } = {};

  const h1 = (page: Page) => page.getByRole('heading', { level: 1 }).innerText();

  /** Logs in through the login page, as a person does, and waits until the header shows the user. */
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

  const decisionsTable = (page: Page) => page.getByRole('table', { name: 'Besluiten', exact: true });
  const areaTable = (page: Page) => page.getByRole('table', { name: /^Uitkomst per gebied/ }).last();
  const idFromUrl = (page: Page) => Number(/\/verdeling\/(\d+)$/.exec(page.url())?.[1]);

  async function createNational(page: Page, title: string, method: string): Promise<number> {
    await page.goto(url('/verdeling/nieuw'));
    await expect.poll(() => h1(page)).toBe('Nieuwe verdeling');
    await page.getByLabel(/^Titel/).fill(title);
    await page.getByLabel('Te verdelen aantal').fill('51.000');
    await page.getByLabel('Verdelen over').selectOption({ label: 'de twaalf provincies' });
    await page.getByLabel('Methode van afronden').selectOption({ label: method });
    await page.getByRole('button', { name: 'Opslaan als concept' }).click();
    await page.waitForURL(/\/verdeling\/\d+$/);
    await expect.poll(() => h1(page)).toBe(title);
    return idFromUrl(page);
  }

  async function download(page: Page, linkName: string): Promise<Buffer> {
    const [file] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: linkName }).click()]);
    const filePath = await file.path();
    return fs.readFileSync(filePath);
  }

  it('secretariat: draft → compare → publish → export', async () => {
    const page = await loginAs('secretariaat');
    await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Verdeling' }).click();
    await page.waitForURL(/\/verdeling$/);
    await expect.poll(() => h1(page)).toBe('Verdeling en taakstelling');
    await expect.poll(() => decisionsTable(page).locator('tbody tr').count()).toBe(3);
    await checkPage(page, 'list-secretariat');

    await page.getByRole('link', { name: 'Nieuwe verdeling' }).click();
    await page.waitForURL(/\/verdeling\/nieuw$/);
    await expect.poll(() => h1(page)).toBe('Nieuwe verdeling');
    // The reference dates come from the coverage, with their status.
    await expect
      .poll(() => page.getByLabel('Peildatum inwonertallen').locator('option').allInnerTexts())
      .toEqual(['1 januari 2020 (officieel)', '1 januari 2021 (onofficieel)']);
    expect(await page.getByLabel('Peildatum inwonertallen').inputValue()).toBe('2021-01-01');
    await checkPage(page, 'new');

    // Mistakes are caught before sending: no number, and a key that needs a file without one.
    await page.getByLabel('Te verdelen aantal').fill('veel');
    await page.getByLabel('Verdeelsleutel').selectOption({ label: 'Königsteiner Schlüssel' });
    expect(await page.getByText('Regietafel heeft de belastingopbrengst niet').isVisible()).toBe(true);
    await page.getByRole('button', { name: 'Berekenen' }).click();
    const summary = page.getByRole('group', { name: 'Er is een probleem' });
    await expect.poll(() => summary.isVisible()).toBe(true);
    expect(await summary.innerText()).toContain('Te verdelen aantal: vul een geheel getal van 0 of meer in.');
    expect(await summary.innerText()).toContain('Kies een sleutelbestand (JSON) voor deze sleutel.');
    expect(await page.getByLabel('Te verdelen aantal').getAttribute('aria-invalid')).toBe('true');

    // The server's complaint about the key file lands at that field: no tax revenue for the provinces.
    await page.getByLabel('Te verdelen aantal').fill('51.000');
    await page.getByLabel('Sleutelbestand (JSON)').setInputFiles({ name: 'koenigstein.json', mimeType: 'application/json', buffer: Buffer.from('{"values":{}}') });
    await expect.poll(() => page.getByText('Sleutel uit koenigstein.json geladen.').count()).toBe(1);
    await page.getByRole('button', { name: 'Berekenen' }).click();
    await expect.poll(() => summary.innerText()).toContain("heeft geen waarde voor indicator 'taxRevenue'");
    expect(await page.getByLabel('Sleutelbestand (JSON)').getAttribute('aria-invalid')).toBe('true');

    // Existing places: a file with bad lines is refused line by line.
    await page.getByLabel(/^Bestaande plaatsen/).setInputFiles({ name: 'bestaand.csv', mimeType: 'text/csv', buffer: Buffer.from('code,bestaand\nPV27,12\nPV2x,3\nPV28,-1\n') });
    await expect.poll(() => page.getByText(/Het bestand heeft fouten/).first().innerText()).toContain('Regel 3: "PV2x" is geen code');
    expect(await page.getByText(/Het bestand heeft fouten/).first().innerText()).toContain('Regel 4: "-1" is geen geheel aantal');
    await checkPage(page, 'new-errors');

    // Back to population: "Berekenen" shows the result without storing anything.
    await page.goto(url('/verdeling/nieuw'));
    await page.getByLabel(/^Titel/).fill('Scenario Hamilton');
    await page.getByLabel('Te verdelen aantal').fill('51.000');
    await page.getByRole('button', { name: 'Berekenen' }).click();
    await expect.poll(() => page.getByRole('heading', { name: 'Uitkomst van de berekening' }).count()).toBe(1);
    const preview = areaTable(page);
    await expect.poll(() => preview.locator('tbody tr').count()).toBe(12);
    expect(await preview.locator('tfoot').innerText()).toMatch(/Totaal[\s\S]*51\.000\s+51\.000/);
    await checkPage(page, 'preview');
    await page.getByRole('button', { name: 'Opslaan als concept' }).click();
    await page.waitForURL(/\/verdeling\/\d+$/);
    await expect.poll(() => h1(page)).toBe('Scenario Hamilton');
    drafts.a = idFromUrl(page);
    expect(await page.getByRole('status').filter({ hasText: 'Het concept is opgeslagen.' }).count()).toBe(1);
    expect(await page.getByText('Dit is een concept: het is nog niet openbaar').isVisible()).toBe(true);
    await checkPage(page, 'draft');

    drafts.b = await createNational(page, "Scenario D'Hondt", "D'Hondt");

    // Compare A and B by choosing them, as a person does.
    await page.goto(url('/verdeling/vergelijk'));
    await expect.poll(() => h1(page)).toBe('Besluiten vergelijken');
    await page.getByLabel('Besluit A').selectOption({ value: String(drafts.a) });
    await page.getByLabel('Besluit B').selectOption({ value: String(drafts.b) });
    await page.waitForURL(new RegExp(`a=${drafts.a}&b=${drafts.b}$`));
    const comparison = page.getByRole('table', { name: `Vergelijking van concept ${drafts.a} (A) en concept ${drafts.b} (B)`, exact: true });
    await expect.poll(() => comparison.locator('tbody tr').count()).toBe(12);
    const header = await comparison.locator('thead').innerText();
    expect(header).toContain('Verschil (B − A)');
    let nonZero = 0;
    for (const row of await comparison.locator('tbody tr').all()) {
      const cells = await row.locator('th, td').allInnerTexts();
      const [a, b, difference] = [dutchInt(cells[2]!), dutchInt(cells[3]!), cells[4]!];
      const expected = b - a;
      if (expected === 0) expect(difference).toMatch(/^0\s*=\s*gelijk$/);
      else {
        nonZero++;
        // Not by colour alone: a sign, an arrow and a word.
        expect(difference).toMatch(expected > 0 ? /^\+[\d.]+\s*▲\s*meer$/ : /^−[\d.]+\s*▼\s*minder$/);
        expect(dutchInt(difference)).toBe(expected);
      }
    }
    expect(nonZero, "D'Hondt and Hamilton differ somewhere for 51,000 over the provinces").toBeGreaterThan(0);
    expect(await comparison.locator('tfoot').innerText()).toMatch(/Totaal\s+51\.000\s+51\.000\s+0\s*=\s*gelijk/);
    // Sortable: largest difference first.
    const differenceHeader = comparison.getByRole('columnheader', { name: /Verschil/ });
    await differenceHeader.getByRole('button').click();
    await expect.poll(() => differenceHeader.getAttribute('aria-sort')).toBe('descending');
    expect(await comparison.locator('tbody tr').first().locator('td').last().innerText()).toMatch(/^\+/);
    await checkPage(page, 'compare');

    // Publish A: a confirmation that says it is final, then a number, and the edit actions are gone.
    await page.goto(url(`/verdeling/${drafts.a}`));
    await expect.poll(() => h1(page)).toBe('Scenario Hamilton');
    await page.getByRole('button', { name: 'Publiceren', exact: true }).click();
    const confirmation = page.getByRole('group', { name: 'Publicatie is definitief' });
    await expect.poll(() => confirmation.isVisible()).toBe(true);
    expect(await confirmation.innerText()).toContain('verandert het nooit meer');
    await expect.poll(() => page.evaluate(() => document.activeElement?.classList.contains('rt-confirm'))).toBe(true);
    await checkPage(page, 'publish-confirm');
    await confirmation.getByRole('button', { name: 'Definitief publiceren' }).click();
    await expect.poll(() => page.getByRole('status').filter({ hasText: /gepubliceerd als V-\d{4}-\d{3}/ }).count()).toBe(1);
    const number = /V-\d{4}-\d{3}/.exec(await page.getByRole('main').innerText())?.[0];
    expect(number).toBeTruthy();
    for (const name of ['Concept wijzigen', 'Publiceren', 'Concept verwijderen']) {
      expect(await page.getByRole('button', { name, exact: true }).count(), name).toBe(0);
    }
    expect(await page.getByRole('button', { name: 'Correctie' }).count()).toBe(1);
    const details = page.locator('dl.rt-decision-details');
    expect(await details.innerText()).toMatch(/Status\s+gepubliceerd/);
    expect(await details.innerText()).toContain(number!);
    // The history shows the publication.
    await expect.poll(() => page.getByRole('table', { name: /^Geschiedenis van besluit/ }).innerText()).toMatch(/[Gg]epubliceerd|publi/);
    await checkPage(page, 'published');

    // Exports: CSV with its header block, Excel as a zip (PK).
    const csv = (await download(page, 'CSV-bestand')).toString('utf8');
    expect(csv).toContain('# Methode:');
    expect(csv).toContain(`# Besluit: ${number}`);
    const xlsx = await download(page, 'Excel-bestand');
    expect(xlsx.subarray(0, 2).toString('latin1')).toBe('PK');
    // The secretariat's journey ends here: the distribution published and exported (docs/RELIABILITY.md, browser journeys).
    await checkPage(page, 'journey-secretariaat-end');

    // Editing draft B after someone else changed it: 412, nothing overwritten, a way to reload.
    await page.goto(url(`/verdeling/${drafts.b}`));
    await expect.poll(() => h1(page)).toBe("Scenario D'Hondt");
    const session = (await (await page.request.get(url('/api/v1/session'))).json()) as { csrfToken: string };
    const current = await page.request.get(url(`/api/v1/distributions/${drafts.b}`));
    const body = (await current.json()) as { version: number };
    const changed = await page.request.put(url(`/api/v1/distributions/${drafts.b}`), {
      headers: { 'x-csrf-token': session.csrfToken, 'if-match': `"${body.version}"` },
      data: { kind: 'verdeling', level: 'province', total: 51_000, method: 'dhondt', key: 'population', referenceDate: '2021-01-01', title: 'Door een ander gewijzigd' },
    });
    expect(changed.status()).toBe(200);
    await page.getByRole('button', { name: 'Concept wijzigen' }).click();
    expect(await page.getByRole('button', { name: 'Wijzigen annuleren' }).getAttribute('aria-expanded')).toBe('true');
    await page.getByLabel(/^Titel/).fill('Mijn wijziging');
    await page.getByRole('button', { name: 'Wijzigingen opslaan' }).click();
    const conflict = page.getByRole('alert').filter({ hasText: 'Iemand anders heeft dit concept intussen gewijzigd' });
    await expect.poll(() => conflict.count()).toBe(1);
    await checkPage(page, 'edit-conflict');
    const stored = (await (await page.request.get(url(`/api/v1/distributions/${drafts.b}`))).json()) as { title: string };
    expect(stored.title).toBe('Door een ander gewijzigd');
    await conflict.getByRole('button', { name: 'Opnieuw laden' }).click();
    await expect.poll(() => h1(page)).toBe('Door een ander gewijzigd');
  });

  it('anonymous: published decisions with the unofficial badge, no drafts, no creating', async () => {
    const page = await newPage();
    await page.goto(url('/verdeling'));
    await expect.poll(() => decisionsTable(page).locator('tbody tr').count()).toBeGreaterThanOrEqual(3);
    const rows = await decisionsTable(page).locator('tbody tr').allInnerTexts();
    expect(rows.every((r) => /gepubliceerd|vervangen/.test(r)), rows.join('\n')).toBe(true);
    expect(rows.some((r) => /concept/.test(r))).toBe(false);
    expect(rows.some((r) => r.includes("Scenario D'Hondt") || r.includes('Door een ander gewijzigd'))).toBe(false);
    const capacity = decisionsTable(page).getByRole('row', { name: /Capaciteitsbesluit COA juli 2022/ });
    expect(await capacity.innerText()).toMatch(/V-2022-001[\s\S]*verdeling over provincies\s+51\.000\s+grootste overschotten \(Hamilton\)\s+1 januari 2021\s+⚠ onofficieel\s+gepubliceerd/);
    expect(await page.getByText('Onofficieel cijfer: niet door het CBS vastgesteld').isVisible()).toBe(true);
    expect(await page.getByRole('link', { name: 'Nieuwe verdeling' }).count()).toBe(0);
    await checkPage(page, 'list-anonymous');

    // The capacity decision: a province map, the table with explanations, the unofficial warning.
    await capacity.getByRole('link').click();
    await page.waitForURL(/\/verdeling\/\d+$/);
    await expect.poll(() => h1(page)).toMatch(/^Capaciteitsbesluit COA juli 2022/);
    expect(await page.getByText('Let op: dit besluit rust op onofficiële inwonertallen').isVisible()).toBe(true);
    const map = page.getByRole('group', { name: 'Kaart: toegekend aantal per provincie' });
    await expect.poll(() => map.getByRole('img').count()).toBe(12);
    expect(await map.getByRole('img', { name: /^Noord-Holland: [\d.]+ toegekend$/ }).count()).toBe(1);
    const table = areaTable(page);
    await expect.poll(() => table.locator('tbody tr').count()).toBe(12);
    // Keyboard: the explanation of Zuid-Holland opens with Enter.
    const explainZh = table.getByRole('button', { name: 'Toon toelichting bij Zuid-Holland' });
    expect(await explainZh.getAttribute('aria-expanded')).toBe('false');
    await explainZh.focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => explainZh.getAttribute('aria-expanded')).toBe('true');
    const zhExplanation = page.locator(`[id="${await explainZh.getAttribute('aria-controls')}"]`);
    expect(await zhExplanation.innerText()).toMatch(/10\.875,67 → 10\.87[56]/);
    expect(await page.getByRole('button', { name: 'Publiceren' }).count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Correctie' }).count()).toBe(0);
    await checkPage(page, 'capacity-anonymous');

    // A draft is not public: the visitor is sent to the login page.
    await page.goto(url(`/verdeling/${drafts.b ?? 999}`));
    await page.waitForURL(/\/inloggen/);
    await page.goto(url('/verdeling/nieuw'));
    await page.waitForURL(/\/inloggen\?terug=%2Fverdeling%2Fnieuw$/);
  });

  it('anonymous: the taakstelling 2022-II on a municipal map, with the difference explained by rounding up', async () => {
    const page = await newPage();
    await page.goto(url('/verdeling'));
    await decisionsTable(page).getByRole('link', { name: /2022-II$/ }).click();
    await expect.poll(() => h1(page)).toBe('Taakstelling huisvesting vergunninghouders 2022-II');
    const details = page.locator('dl.rt-decision-details');
    expect(await details.innerText()).toMatch(/Toegekend\s+13\.675 – 175 meer dan het te verdelen aantal: dat verschil komt door het naar boven afronden/);
    await expect.poll(() => page.getByRole('img', { name: 'Kaart: toegekend aantal per gemeente' }).count()).toBe(1);
    const table = areaTable(page);
    await expect.poll(() => table.locator('tbody tr').count()).toBe(344);
    await page.getByLabel('Zoek een gebied').fill('amsterdam');
    await expect.poll(() => table.locator('tbody tr').count()).toBe(1);
    await table.getByRole('button', { name: 'Toon toelichting bij Amsterdam' }).click();
    expect(await table.locator('.rt-explanation-row').innerText()).toMatch(/13\.500 × [\d.]+ \/ 17\.475\.415 = [\d.,]+ → [\d.]+ \(naar boven afgerond\)/);
    await checkPage(page, 'taakstelling');

    // A phone: the page itself does not scroll sideways (WCAG 1.4.10); the wide table scrolls in its own region.
    await page.setViewportSize({ width: 360, height: 740 });
    await page.goto(url('/verdeling'));
    await expect.poll(() => decisionsTable(page).locator('tbody tr').count()).toBeGreaterThanOrEqual(3);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    await decisionsTable(page).getByRole('link', { name: /^Capaciteitsbesluit/ }).click();
    await expect.poll(() => areaTable(page).locator('tbody tr').count()).toBe(12);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    await checkPage(page, 'capacity-phone');
  });

  it('a province (Noord-Holland) splits its share over its own municipalities only', async () => {
    const page = await loginAs('provincie');
    await page.goto(url('/verdeling'));
    await expect.poll(() => decisionsTable(page).locator('tbody tr').count()).toBeGreaterThanOrEqual(3);
    await page.getByRole('link', { name: 'Nieuwe verdeling' }).click();
    await expect.poll(() => h1(page)).toBe('Nieuwe verdeling');
    // No taakstelling, no national table: only the municipalities of Noord-Holland.
    expect(await page.getByLabel('Soort besluit').count()).toBe(0);
    expect(await page.getByLabel('Verdelen over').locator('option').allInnerTexts()).toEqual(['de gemeenten van Noord-Holland']);
    await page.getByLabel('Te verdelen aantal').fill('8430');
    await page.getByLabel('Methode van afronden').selectOption({ label: 'Sainte-Laguë' });
    await page.getByLabel(/^Datum gemeentelijke indeling/).fill('2022-07-11');
    await page.getByLabel(/^Bestaande plaatsen/).setInputFiles({ name: 'bestaand.csv', mimeType: 'text/csv', buffer: Buffer.from('code;bestaand\nGM0363;100\nGM0392;20\n') });
    await expect.poll(() => page.getByText('2 gebieden met bestaande plaatsen uit bestaand.csv.').count()).toBe(1);
    await checkPage(page, 'new-province');
    await page.getByRole('button', { name: 'Opslaan als concept' }).click();
    await page.waitForURL(/\/verdeling\/\d+$/);
    await expect.poll(() => h1(page)).toBe('Verdeling van 8.430 over de gemeenten van Noord-Holland');
    const table = areaTable(page);
    const stored = (await (await page.request.get(url(`/api/v1/distributions/${idFromUrl(page)}`))).json()) as { areas: { parentCode: string }[] };
    expect(stored.areas.length).toBeGreaterThan(40);
    expect(stored.areas.every((a) => a.parentCode === 'PV27')).toBe(true);
    await expect.poll(() => table.locator('tbody tr').count()).toBe(stored.areas.length);
    const codes = await table.locator('tbody tr td:first-child').allInnerTexts();
    expect(codes.every((c) => /^GM\d{4}$/.test(c))).toBe(true);
    expect(await table.locator('tfoot').innerText()).toMatch(/8\.430\s+8\.430\s+120/);
    expect(await table.getByRole('row', { name: /Amsterdam/ }).innerText()).toMatch(/\s100\s/);
    await expect.poll(() => page.getByRole('img', { name: 'Kaart: toegekend aantal per gemeente' }).count()).toBe(1);
    expect(await page.getByRole('button', { name: 'Publiceren', exact: true }).count()).toBe(1);
    await checkPage(page, 'province-draft');

    // The national decision is not theirs to change.
    await page.goto(url('/verdeling'));
    await decisionsTable(page).getByRole('link', { name: /^Capaciteitsbesluit/ }).click();
    await expect.poll(() => h1(page)).toMatch(/^Capaciteitsbesluit/);
    expect(await page.getByRole('heading', { name: 'Acties' }).count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Correctie' }).count()).toBe(0);
  });
});
