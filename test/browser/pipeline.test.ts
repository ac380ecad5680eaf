/**
 * The housing pipeline pages in a real headless Chromium against the real server on the demo data: the secretariat
 * reads the overview of 2022-II as of 8 July 2022 (the coverage sentence with the API's own percentage, the tracks,
 * the deliveries per month as chart and table, the slips with Kempenhof, the price signal and the province map with
 * its table); a housing corporation enters a project in Amsterdam by hand, has a file with a line outside its scope
 * refused line by line (nothing changes) and a good file read with its counts; a municipality sees its pipeline on
 * its ledger page, moves a delivery date with a reason and meets a conflict when someone else changed the project
 * first; a member reads it all but may enter nothing. Every page state is checked with axe-core and photographed to test-output/screenshots/pipeline-*.png.
 */
import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { DEMO, type DemoRole } from '../helpers/auth.ts';
import { browserHarness, HAVE_CHROMIUM, tableRows } from '../helpers/browser.ts';

const HEADER = 'spoor;projectcode;gemeente;partij;type woning;aantal woningen;voor statushouders;verwachte oplevering;status';

describe.runIf(HAVE_CHROMIUM)('housing pipeline pages in Chromium', { timeout: 120_000 }, () => {
  const { url, checkPage, signedInPage } = browserHarness({ name: 'pipeline', timeoutMs: 15000 });

  // The machine may be busy: give a page's answers time.
  const poll = <T,>(fn: () => Promise<T> | T) => expect.poll(fn, { timeout: 20_000 });
  const h1 = (page: Page) => page.getByRole('heading', { level: 1 }).innerText();
  const mainNav = (page: Page) => page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link').allInnerTexts();
  const apiGet = <T,>(page: Page, path: string) => page.evaluate(async (p) => (await fetch(p)).json(), path) as Promise<T>;

  const loginAs = (role: DemoRole): Promise<Page> => signedInPage(DEMO[role]);

  it('secretariaat: the overview of 2022-II with the coverage from the API, tracks, deliveries per month, slips, prices and the province map', async () => {
    const page = await loginAs('secretariaat');
    expect(await mainNav(page)).toContain('Woningpijplijn');
    await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Woningpijplijn' }).click();
    await poll(() => h1(page)).toBe('Woningpijplijn');
    expect(await page.getByLabel('Halfjaar', { exact: true }).inputValue()).toBe('2022-II');
    expect(await page.getByLabel('Peildatum', { exact: true }).inputValue()).toBe('2022-07-08');

    const api = await apiGet<{ totals: { coveragePercent: number; due: number }; provinces: unknown[] }>(page, '/api/v1/pipeline/overview?period=2022-II&asOf=2022-07-08');
    expect(api.totals.due).toBeGreaterThan(0);
    const coverage = page.getByTestId('pipeline-coverage');
    await poll(() => coverage.innerText()).toBe(`De woningen in de pijplijn dekken ${api.totals.coveragePercent} % van wat verschuldigd is (2022-II, Nederland).`);
    expect(await page.getByText('Stand op 8 juli 2022. Bron:').count()).toBe(1);

    const tracks = await tableRows(page, 'Sporen: woningen voor statushouders in 2022-II en daarna');
    expect(tracks.map((r) => r[0]!.split('\n')[0])).toEqual(['FLEX-NL', 'GASTGEZIN', 'SOCIAAL', 'TRANSFORMATIE']);
    expect(tracks[0]).toEqual([expect.stringContaining('Nationaal programma flexwoningen'), 'BZK', '13', '115', '345']);

    // The chart has a bar segment per track and month with homes; the table alternative gives the same months.
    expect(await page.locator('svg.rt-pipeline-chart__svg rect[fill^="url("]').count()).toBeGreaterThan(3);
    await page.getByRole('button', { name: 'Toon als tabel' }).first().click();
    const months = await tableRows(page, 'Verwachte woningen voor statushouders per maand en spoor');
    expect(months.length).toBeGreaterThan(6);
    expect(months[0]![0]).toBe('juli 2022');

    const slips = await tableRows(page, 'Verschoven projecten met vertraging en laatste reden');
    expect(slips).toHaveLength(6);
    const kempenhof = slips.find((r) => r[0]!.startsWith('Kempenhof'));
    expect(kempenhof).toEqual([expect.stringContaining('Kempenhof'), 'Eindhoven', 'SOCIAAL', '1 maart 2023', '2 oktober 2023', expect.stringContaining('215 dagen'), expect.stringContaining('Aanvullend stikstofonderzoek')]);

    const prices = await tableRows(page, 'Gemiddelde kosten per woning per provincie en halfjaar');
    expect(prices.length).toBeGreaterThan(0);
    expect(prices.flat().some((c) => /^€\s?\d{2,3}\.\d{3}$/.test(c))).toBe(true);

    // The map: twelve provinces, each with the class of its row in the table.
    await poll(() => page.locator('svg.rt-pipeline-map path[data-code]').count()).toBe(12);
    const provinces = await tableRows(page, 'Dekking per provincie in 2022-II');
    expect(provinces).toHaveLength(api.provinces.length);
    expect(await page.locator('.rt-pipeline-legend--column li').allInnerTexts()).toEqual(['minder dan 25 %', '25 % tot 50 %', '50 % tot 100 %', '100 % of meer', 'niets verschuldigd']);
    await checkPage(page, 'overview');

    // A province on the map selects it.
    await page.locator('svg.rt-pipeline-map a[aria-label^="Groningen"]').click();
    await poll(() => page.getByLabel('Provincie', { exact: true }).inputValue()).toBe('PV20');
    await poll(() => coverage.innerText()).toContain('(2022-II, Groningen)');
    const groningen = await tableRows(page, 'Dekking per gemeente in 2022-II, Groningen');
    expect(groningen.length).toBeGreaterThan(1);
    // Each municipality leads to its ledger.
    await page.getByRole('table', { name: 'Dekking per gemeente in 2022-II, Groningen', exact: true }).getByRole('link', { name: 'Groningen', exact: true }).click();
    await poll(() => h1(page)).toBe('Grootboek Groningen');
  }, 120_000);

  it('lid: reads the pipeline and a project, but gets no entry link, no edit form and "Geen toegang" at /woningpijplijn/nieuw', async () => {
    const page = await loginAs('lid');
    await page.goto(url('/woningpijplijn'));
    await poll(() => page.getByTestId('pipeline-coverage').count()).toBe(1);
    expect(await page.getByRole('link', { name: 'Project toevoegen of bestand uploaden' }).count()).toBe(0);
    await page.getByRole('link', { name: 'Kempenhof' }).click();
    await poll(() => h1(page)).toBe('Project Kempenhof');
    await poll(() => page.getByRole('table', { name: 'Wijzigingen van de verwachte oplevering' }).locator('tbody tr').count()).toBe(1);
    expect(await page.getByRole('heading', { name: 'Project bijwerken' }).count()).toBe(0);
    expect(await page.getByRole('main').getByRole('textbox').count()).toBe(0);
    await page.goto(url('/woningpijplijn/nieuw'));
    await poll(() => h1(page)).toBe('Geen toegang');
    expect(await page.getByRole('main').getByRole('textbox').count()).toBe(0);
  }, 120_000);

  it('corporatie: a project in Amsterdam by hand, a file refused line by line (nothing changes), then a good file with its counts', async () => {
    const page = await loginAs('corporatie');
    await page.goto(url('/woningpijplijn'));
    await poll(() => h1(page)).toBe('Woningpijplijn');
    await page.getByRole('link', { name: 'Project toevoegen of bestand uploaden' }).click();
    await poll(() => h1(page)).toBe('Project toevoegen');

    // Only the two municipalities the corporation holds a role in.
    await poll(() => page.getByLabel('Gemeente', { exact: true }).locator('option').allInnerTexts()).toEqual(['Kies een gemeente', 'Amsterdam (GM0363)', 'Haarlemmermeer (GM0394)']);

    // The checks before sending name the fields.
    await page.getByRole('button', { name: 'Project vastleggen' }).click();
    await poll(() => page.getByText('Kies een spoor.').count()).toBeGreaterThan(0);

    await page.getByLabel('Spoor', { exact: true }).selectOption('FLEX-NL');
    await page.getByLabel('Projectcode', { exact: true }).fill('AMS-TEST-01');
    await page.getByLabel('Gemeente', { exact: true }).selectOption('GM0363');
    await page.getByLabel('Projectnaam', { exact: true }).fill('Flexwoningen Zeeburg');
    await page.getByLabel('Partij', { exact: true }).fill('Woonstichting Amstelland');
    await page.getByLabel('Type woning', { exact: true }).fill('flexwoning');
    await page.getByLabel('Aantal woningen', { exact: true }).fill('40');
    await page.getByLabel('Waarvan voor statushouders', { exact: true }).fill('20');
    await page.getByLabel('Verwachte oplevering', { exact: true }).fill('2022-11-15');
    await page.getByLabel('Status', { exact: true }).selectOption('vergund');
    await page.getByLabel(/^Kosten per woning/).fill('150.000');
    await page.getByRole('button', { name: 'Project vastleggen' }).click();
    await poll(() => page.getByText('Project Flexwoningen Zeeburg is vastgelegd.').count()).toBe(1);
    await checkPage(page, 'new-project');

    const before = await apiGet<{ items: unknown[] }>(page, '/api/v1/pipeline/projects?municipality=GM0363');
    expect(before.items).toHaveLength(3);

    // A file with one line outside the corporation's municipalities: refused whole, the line named.
    const file = page.getByLabel('Bestand (CSV of Excel)', { exact: true });
    const bad = `${HEADER}\nFLEX-NL;AMS-TEST-02;GM0363;Woonstichting Amstelland;flexwoning;10;5;2023-01-15;planfase\nFLEX-NL;RTM-01;GM0599;Woonstichting Amstelland;flexwoning;10;5;2023-01-15;planfase\n`;
    await file.setInputFiles({ name: 'pijplijn.csv', mimeType: 'text/csv', buffer: Buffer.from(bad) });
    await page.getByRole('button', { name: 'Bestand uploaden' }).click();
    await poll(() => page.getByText('Het bestand is niet ingelezen', { exact: true }).count()).toBe(1);
    const errors = await page.locator('.rt-pipeline-line-errors li').allInnerTexts();
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(/^Regel 3, gemeente: Rotterdam \(GM0599\) valt buiten uw bereik/);
    await checkPage(page, 'upload-refused');
    expect((await apiGet<{ items: unknown[] }>(page, '/api/v1/pipeline/projects?municipality=GM0363')).items).toHaveLength(3);

    // The project entered by hand, as the file has it (a name for the municipality, a Dutch date and amount), is unchanged.
    const good = `${HEADER};kosten per woning\nFLEX-NL;AMS-TEST-02;GM0363;Woonstichting Amstelland;flexwoning;10;5;2023-01-15;planfase;\nFLEX-NL;AMS-TEST-01;Amsterdam;Woonstichting Amstelland;flexwoning;40;20;15-11-2022;vergund;€ 150.000\n`;
    await file.setInputFiles({ name: 'pijplijn-goed.csv', mimeType: 'text/csv', buffer: Buffer.from(good) });
    await page.getByRole('button', { name: 'Bestand uploaden' }).click();
    await poll(() => page.getByText('Het bestand is ingelezen', { exact: true }).count()).toBe(1);
    expect(await page.getByTestId('pipeline-upload-summary').innerText()).toBe('2 regels gelezen: 1 project nieuw, 0 gewijzigd, 1 ongewijzigd.');
    expect(await page.locator('.rt-pipeline-line-errors').count()).toBe(0);
    await checkPage(page, 'upload-read');
    expect((await apiGet<{ items: unknown[] }>(page, '/api/v1/pipeline/projects?municipality=GM0363')).items).toHaveLength(4);

    // The same rows as an Excel file (sent as base64): read, and nothing new.
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Projecten');
    for (const line of good.trim().split('\n')) sheet.addRow(line.split(';'));
    const xlsx = Buffer.from(await workbook.xlsx.writeBuffer());
    await file.setInputFiles({ name: 'pijplijn.xlsx', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer: xlsx });
    await page.getByRole('button', { name: 'Bestand uploaden' }).click();
    await poll(() => page.getByTestId('pipeline-upload-summary').innerText()).toBe('2 regels gelezen: 0 projecten nieuw, 0 gewijzigd, 2 ongewijzigd.');
    expect((await apiGet<{ items: unknown[] }>(page, '/api/v1/pipeline/projects?municipality=GM0363')).items).toHaveLength(4);
  }, 120_000);

  it('gemeente Amsterdam: the pipeline beside its ledger, a moved delivery date with its reason, and a conflict', async () => {
    const page = await loginAs('gemeente');
    await page.goto(url('/taakstelling/GM0363'));
    await poll(() => h1(page)).toBe('Grootboek Amsterdam');
    const section = page.getByTestId('municipality-pipeline');
    await poll(() => section.getByRole('heading', { name: 'Woningpijplijn', level: 2 }).count()).toBe(1);
    await poll(() => section.getByRole('table', { name: 'Projecten in de woningpijplijn' }).locator('tbody tr').count()).toBeGreaterThanOrEqual(2);
    expect(await section.innerText()).toContain('Flexwoningen Noorderpark');
    expect(await section.locator('.rt-pipeline-coverage').innerText()).toMatch(/^De woningen in de pijplijn dekken \d+ % van wat verschuldigd is \(2022-II, Amsterdam\)\.$/);
    await checkPage(page, 'ledger-section');

    // A project still to come: move its date.
    const projects = await apiGet<{ items: { id: number; name: string; status: string; expectedDelivery: string }[] }>(page, '/api/v1/pipeline/projects?municipality=GM0363');
    const open = projects.items.find((p) => p.status !== 'opgeleverd' && p.status !== 'vervallen')!;
    await section.getByRole('link', { name: open.name }).click();
    await poll(() => h1(page)).toBe(`Project ${open.name}`);
    const historyBefore = await page.getByRole('table', { name: 'Wijzigingen van de verwachte oplevering' }).locator('tbody tr').count();
    await page.getByLabel('Verwachte oplevering', { exact: true }).fill('2024-12-02');
    await page.getByRole('button', { name: 'Wijzigingen opslaan' }).click();
    await poll(() => page.getByText('Geef een reden voor de nieuwe opleverdatum.').count()).toBeGreaterThan(0);
    await page.getByLabel('Reden van de nieuwe opleverdatum', { exact: true }).fill('Netaansluiting later');
    await page.getByRole('button', { name: 'Wijzigingen opslaan' }).click();
    await poll(() => page.getByRole('status').filter({ hasText: 'Het project is bijgewerkt.' }).count()).toBe(1);
    const history = await tableRows(page, 'Wijzigingen van de verwachte oplevering');
    expect(history).toHaveLength(historyBefore + 1);
    expect(history.at(-1)).toEqual([expect.any(String), expect.any(String), '2 december 2024', 'Netaansluiting later', expect.any(String)]);
    await checkPage(page, 'project');

    // Someone else changes the project meanwhile: the stale form saves nothing and offers the new version.
    await page.evaluate(async (id) => {
      const session = await (await fetch('/api/v1/session')).json();
      const current = await fetch(`/api/v1/pipeline/projects/${id}`);
      await fetch(`/api/v1/pipeline/projects/${id}`, {
        method: 'PATCH',
        headers: { 'content-type': 'application/json', 'x-csrf-token': session.csrfToken, 'if-match': current.headers.get('etag')! },
        body: JSON.stringify({ party: 'Andere partij' }),
      });
    }, open.id);
    await page.getByLabel('Aantal woningen', { exact: true }).fill('99');
    await page.getByRole('button', { name: 'Wijzigingen opslaan' }).click();
    await poll(() => page.getByRole('alert').filter({ hasText: 'Iemand anders heeft dit project intussen gewijzigd' }).count()).toBe(1);
    await page.getByRole('button', { name: 'Nieuwe versie laden' }).click();
    await poll(() => page.locator('.rt-pipeline-facts').innerText()).toContain('Andere partij');
  }, 120_000);
});
