/**
 * The ledger pages (taakstelling en realisatie) in a real headless Chromium against the real server on the demo data:
 * the public half-year map (publication status per province, legend, table alternative, map classes equal to the
 * table, and the empty state of a half-year nobody published); a Noord-Holland province user going from the overview
 * to a municipality, stepping it up one rung and being refused a skipped rung; the same user previewing and publishing
 * the map of 2022-II, which then shows Noord-Holland's municipalities to everyone; and Amsterdam recording its own
 * count beside COA's. Every page state is checked with axe-core and photographed to test-output/screenshots/ledger-*.png.
 * The tests share one server and run in order: the first sees 2022-II unpublished, the publishing one changes that.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { DEMO, type DemoRole } from '../helpers/auth.ts';
import { browserHarness, HAVE_CHROMIUM, tableRows } from '../helpers/browser.ts';

const PASSWORD = 'Regietafel-demo-2022';

// regions.test.ts already fails loudly in CI without Chromium; here we only skip.
describe.runIf(HAVE_CHROMIUM)('ledger pages in Chromium', { timeout: 120_000 }, () => {
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

  it('anonymous: the published map of 2022-I with its status per province, a pattern legend and a table whose classes are the map’s; 2022-II not published yet', async () => {
    const page = await newPage();
    await page.goto(url('/'));
    expect(await mainNav(page)).toEqual(['Home', "Regio's", 'Verdeling', 'Taakstelling', 'Openbare verslagen']);
    await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Taakstelling' }).click();
    await expect.poll(() => h1(page)).toBe('Taakstelling: realisatie per gemeente');
    // No link to the overview for anonymous visitors.
    expect(await page.getByRole('link', { name: 'Naar het overzicht voor toezicht' }).count()).toBe(0);

    const table = page.getByRole('table', { name: 'Realisatie per gemeente in 2022-I', exact: true });
    await expect.poll(() => table.locator('tbody tr').count()).toBe(345);
    await expect.poll(() => page.locator('svg.rt-ledger-map path[data-code]').count()).toBeGreaterThan(300);

    // Every province published 2022-I (the demo data), each with its version, "stand per" date and moment.
    expect(await page.getByText('12 van de 12 provincies hebben de kaart van 2022-I gepubliceerd.').count()).toBe(1);
    const status = await tableRows(page, 'Publicatiestatus per provincie, 2022-I');
    expect(status).toHaveLength(12);
    expect(status.find((r) => r[0] === 'Noord-Holland')).toEqual(['Noord-Holland', 'gepubliceerd', '1', '30 juni 2022', expect.stringMatching(/^\d{1,2} \p{L}+ \d{4} \d{2}:\d{2}$/u)]);
    expect(status.every((r) => r[1] === 'gepubliceerd' && r[2] === '1' && r[3] === '30 juni 2022')).toBe(true);

    // The legend says each class in the server's words, next to a pattern swatch; nothing is left unpublished.
    const legend = await page.locator('.rt-ledger-legend li').allInnerTexts();
    expect(legend).toEqual([
      'behaald: 100 % of meer van de gecorrigeerde taakstelling gerealiseerd',
      'bijna: 75 % tot 100 %',
      'achter: minder dan 75 %',
      'geen taak: geen openstaande taak (gecorrigeerde taakstelling 0 of minder)',
    ]);
    expect(await page.locator('.rt-ledger-legend li svg pattern').count()).toBeGreaterThanOrEqual(4);
    expect(await page.locator('svg.rt-ledger-map path[data-class="nog niet gepubliceerd"]').count()).toBe(0);

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

    // 2022-II: no province has published yet, so there is no map, only the status of each province.
    await page.getByLabel('Halfjaar').selectOption('2022-II');
    await expect.poll(() => page.getByText('Nog geen kaart van 2022-II').count()).toBe(1);
    expect(await page.getByText('0 van de 12 provincies hebben de kaart van 2022-II gepubliceerd.').count()).toBe(1);
    const unpublished = await tableRows(page, 'Publicatiestatus per provincie, 2022-II');
    expect(unpublished).toHaveLength(12);
    expect(unpublished.every((r) => r[1] === 'nog niet gepubliceerd' && r.slice(2).every((c) => c === '–'))).toBe(true);
    expect(await page.getByRole('table', { name: 'Realisatie per gemeente in 2022-II', exact: true }).count()).toBe(0);
    expect(await page.locator('svg.rt-ledger-map').count()).toBe(0);
    await checkPage(page, 'public-map-unpublished');
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
    // The province's journey ends here: report filed (agenda.test.ts), municipality one rung up (docs/RELIABILITY.md).
    await checkPage(page, 'journey-provincie-end');

    // Skipping a rung: the server refuses in Dutch, and the page shows its words.
    await page.getByLabel('Stap', { exact: true }).selectOption('schriftelijke aanmaning');
    await page.getByLabel('Reden').first().fill('Direct een aanmaning.');
    await page.getByRole('button', { name: 'Stap vastleggen' }).click();
    const alert = page.getByRole('alert').filter({ hasText: 'De stap is niet vastgelegd' });
    await expect.poll(() => alert.innerText()).toContain('Van signaleren kan alleen naar bestuurlijk overleg');
    expect(await current.innerText()).toMatch(/^signaleren/);
    await checkPage(page, 'step-refused');
  }, 120_000);

  it('provincie Noord-Holland: previews and publishes the map of 2022-II after confirming; the public map then shows its municipalities', async () => {
    const page = await loginAs('provincie');
    await page.goto(url('/taakstelling/overzicht?periode=2022-II'));
    await expect.poll(() => h1(page)).toBe('Overzicht taakstelling en toezicht');
    const section = page.getByRole('region', { name: 'Halfjaarkaart publiceren' });
    const status = section.getByTestId('publication-status');
    await expect.poll(() => status.innerText()).toBe('Noord-Holland heeft de kaart van 2022-II nog niet gepubliceerd.');

    // The preview: today's figures of the province's 44 municipalities, marked as not published.
    await section.getByRole('link', { name: 'Voorbeeld van de kaart van 2022-II bekijken' }).click();
    await expect.poll(() => h1(page)).toBe('Voorbeeld van de halfjaarkaart');
    const preview = page.getByRole('table', { name: 'Realisatie per gemeente in 2022-II, Noord-Holland (voorbeeld, niet gepubliceerd)', exact: true });
    await expect.poll(() => preview.locator('tbody tr').count()).toBe(44);
    expect(await page.getByText('Voorbeeld: niet gepubliceerd').count()).toBe(1);
    expect(await page.getByText(/stand op 31 december 2022/).count()).toBe(1);
    await checkPage(page, 'map-preview');
    await page.goBack();
    await expect.poll(() => status.innerText()).toBe('Noord-Holland heeft de kaart van 2022-II nog niet gepubliceerd.');

    // The confirmation takes focus; Escape closes it and returns focus to the button, nothing is published.
    const publish = section.getByRole('button', { name: 'Kaart publiceren', exact: true });
    const confirm = page.getByRole('group', { name: 'De kaart van Noord-Holland voor 2022-II publiceren?' });
    await publish.click();
    await expect.poll(() => confirm.evaluate((el) => el === document.activeElement)).toBe(true);
    expect(await confirm.innerText()).toContain('voor iedereen zichtbaar');
    await checkPage(page, 'publish-confirm');
    await page.keyboard.press('Escape');
    await expect.poll(() => confirm.count()).toBe(0);
    expect(await publish.evaluate((el) => el === document.activeElement)).toBe(true);
    expect(await status.innerText()).toBe('Noord-Holland heeft de kaart van 2022-II nog niet gepubliceerd.');

    // Published after confirming: a success message in a live region, and the status refreshed.
    await publish.click();
    await confirm.getByRole('button', { name: 'Ja, kaart publiceren' }).click();
    const announced = section.getByRole('status').filter({ hasText: 'De kaart is gepubliceerd' });
    await expect.poll(() => announced.innerText()).toMatch(
      /De kaart van Noord-Holland voor 2022-II is gepubliceerd als versie 1 \(\d{1,2} \p{L}+ \d{4} \d{2}:\d{2}\), met 44 gemeenten, stand per 31 december 2022\./u,
    );
    await expect.poll(() => status.innerText()).toMatch(/^Noord-Holland heeft de kaart van 2022-II gepubliceerd op .+ \(versie 1, stand per 31 december 2022\)\.$/);
    expect(await confirm.count()).toBe(0);
    expect(await section.getByRole('button', { name: 'Opnieuw publiceren (nieuwe versie)' }).count()).toBe(1);
    await checkPage(page, 'published');

    // Anyone now sees Noord-Holland's municipalities on the public map of 2022-II; the other provinces are marked.
    const visitor = await newPage();
    await visitor.goto(url('/taakstelling?periode=2022-II'));
    const table = visitor.getByRole('table', { name: 'Realisatie per gemeente in 2022-II', exact: true });
    await expect.poll(() => table.locator('tbody tr').count()).toBe(44);
    const rows = await tableRows(visitor, 'Realisatie per gemeente in 2022-II');
    expect(rows.find((r) => r[0] === 'GM0363')?.slice(0, 3)).toEqual(['GM0363', 'Amsterdam', 'Noord-Holland']);
    expect(rows.every((r) => r[2] === 'Noord-Holland')).toBe(true);
    expect(await visitor.getByText('1 van de 12 provincies heeft de kaart van 2022-II gepubliceerd.').count()).toBe(1);
    const statusRows = await tableRows(visitor, 'Publicatiestatus per provincie, 2022-II');
    expect(statusRows.find((r) => r[0] === 'Noord-Holland')?.slice(0, 4)).toEqual(['Noord-Holland', 'gepubliceerd', '1', '31 december 2022']);
    expect(statusRows.find((r) => r[0] === 'Utrecht')?.slice(0, 2)).toEqual(['Utrecht', 'nog niet gepubliceerd']);
    expect(await visitor.getByText(/Nog niet gepubliceerd: .*Utrecht/).count()).toBe(1);
    // On the map: Amsterdam in its class, the city of Utrecht (province not published) in the neutral pattern.
    const areaClass = (code: string) => visitor.locator(`svg.rt-ledger-map path[data-code="${code}"]`).getAttribute('data-class');
    await expect.poll(() => areaClass('GM0344')).toBe('nog niet gepubliceerd');
    expect(await areaClass('GM0363')).toBe(rows.find((r) => r[0] === 'GM0363')![6]);
    expect(await visitor.locator('.rt-ledger-legend li').last().innerText()).toBe('nog niet gepubliceerd: de provincie heeft nog geen cijfers van dit halfjaar gepubliceerd');
    await checkPage(visitor, 'public-map-partly-published');
  }, 120_000);

  it('gemeente Amsterdam: records its own count, checked before sending, and sees it beside COA’s', async () => {
    const page = await loginAs('gemeente');
    await page.goto(url('/taakstelling/GM0363'));
    await expect.poll(() => h1(page)).toBe('Grootboek Amsterdam');
    const july = async () => (await tableRows(page, 'Gehuisveste personen per maand')).find((r) => r[0] === 'juli 2022');
    await expect.poll(async () => (await july())?.[2]).toBe('–');
    const coa = (await july())![1]!;
    expect(coa).toMatch(/^\d/);
    // A municipality does not supervise: no step forms.
    expect(await page.getByRole('button', { name: 'Stap vastleggen' }).count()).toBe(0);

    // Nothing filled in, and then too many persons: the form says what is wrong, next to the fields, before sending.
    const form = page.getByRole('form', { name: 'Eigen telling vastleggen' });
    await form.getByRole('button', { name: 'Telling vastleggen' }).click();
    const summary = page.getByRole('group', { name: 'Er is een probleem' });
    await expect.poll(() => summary.innerText()).toContain('Vul de datum van huisvesting in.');
    expect(await summary.innerText()).toContain('Vul bij aantal personen een geheel getal van 1 tot en met 100 in.');
    expect(await page.getByLabel('Aantal personen').getAttribute('aria-invalid')).toBe('true');
    await page.getByLabel('Datum van huisvesting').fill('2022-07-04');
    await page.getByLabel('Aantal personen').fill('101');
    await page.getByLabel('Huishoudgrootte (niet verplicht)').fill('0');
    await form.getByRole('button', { name: 'Telling vastleggen' }).click();
    await expect.poll(() => summary.locator('li').allInnerTexts()).toEqual([
      'Vul bij aantal personen een geheel getal van 1 tot en met 100 in.',
      'Vul bij huishoudgrootte een geheel getal van 1 tot en met 100 in, of laat het veld leeg.',
    ]);
    expect(await page.locator('#own-household-size-error').innerText()).toContain('huishoudgrootte');
    await checkPage(page, 'own-count-errors');

    // A refusal of the server lands next to the field it names, without the line number of the one-line file it checked.
    // (Stubbed: the form's own checks already catch what this server refuses about a single count.)
    const endpoint = '**/api/v1/ledger/GM0363/realisations';
    await page.route(endpoint, (route) =>
      route.fulfill({
        status: 422,
        contentType: 'application/problem+json',
        body: JSON.stringify({
          title: 'Niet verwerkt',
          status: 422,
          code: 'bestand-afgekeurd',
          detail: 'Het bestand is niet ingelezen: 1 fout(en). Er is niets gewijzigd.',
          invalidParams: [{ name: 'regel 2: gemeentecode', code: 'ongeldige-regel', reason: 'regel 2, gemeentecode: GM0363 (Amsterdam) bestond niet op 2022-07-04.', line: 2 }],
        }),
      }),
    );
    await page.getByLabel('Aantal personen').fill('3');
    await page.getByLabel('Huishoudgrootte (niet verplicht)').fill('3');
    await page.getByLabel('COA-nummer (niet verplicht)').fill('EIGEN-2022-1');
    await form.getByRole('button', { name: 'Telling vastleggen' }).click();
    await expect.poll(() => summary.locator('li').allInnerTexts()).toEqual(['GM0363 (Amsterdam) bestond niet op 2022-07-04.']);
    expect(await page.locator('#own-date-error').innerText()).toBe('GM0363 (Amsterdam) bestond niet op 2022-07-04.');
    expect(await page.getByLabel('Datum van huisvesting').getAttribute('aria-invalid')).toBe('true');
    expect((await july())![2]).toBe('–');
    await page.unroute(endpoint);

    // Recorded: the reconciliation shows the own count beside COA's, and the difference.
    await form.getByRole('button', { name: 'Telling vastleggen' }).click();
    await expect.poll(() => form.getByRole('status').innerText()).toBe('Vastgelegd: 3 personen gehuisvest op 4 juli 2022 (2022-II).');
    await expect.poll(async () => (await july())?.[2]).toBe('3');
    const difference = 3 - Number(coa.replace(/\./g, ''));
    expect((await july())![3]).toBe(difference < 0 ? `−${-difference}` : difference > 0 ? `+${difference}` : '0');
    expect(await summary.count()).toBe(0);
    await checkPage(page, 'own-count-recorded');

    // The same line again changes nothing, and says so.
    await page.getByLabel('Aantal personen').fill('3');
    await page.getByLabel('Huishoudgrootte (niet verplicht)').fill('3');
    await page.getByLabel('COA-nummer (niet verplicht)').fill('EIGEN-2022-1');
    await form.getByRole('button', { name: 'Telling vastleggen' }).click();
    await expect.poll(() => form.getByRole('status').innerText()).toBe('Deze telling van 4 juli 2022 was al bekend; er is niets gewijzigd.');
    expect((await july())![2]).toBe('3');
    await checkPage(page, 'journey-gemeente-end');
  }, 120_000);
});
