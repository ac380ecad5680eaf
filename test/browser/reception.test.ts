/**
 * The reception pages (opvang) and the chain projection (ketenprognose) in a real headless Chromium against the real
 * server on the demo data, as the secretariat: the national picture of 8 July 2022 (Ter Apel 2,193 against its norm
 * of 2,000, 7,500 permit holders waiting, capacity per province, the alerts, the chart's table alternative); Ter Apel's
 * own page with its breach days, streaks, the forecast with the method's own description and the penalty counter; and
 * the projection page comparing the two demo scenarios (13,500 against 20,000 per half-year), after a start state
 * from the figures and a refused edit. Every page is checked with axe-core and for CSP violations, and photographed
 * to test-output/screenshots/reception-*.png. One server for the file; nothing here changes its data.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { DEMO, type DemoRole } from '../helpers/auth.ts';
import { browserHarness, HAVE_CHROMIUM, tableRows } from '../helpers/browser.ts';

const PASSWORD = 'Regietafel-demo-2022';

// regions.test.ts already fails loudly in CI without Chromium; here we only skip.
describe.runIf(HAVE_CHROMIUM)('reception and projection pages in Chromium', { timeout: 120_000 }, () => {
  const { url, newPage, checkPage } = browserHarness({ name: 'reception', timeoutMs: 15000 });

  const h1 = (page: Page) => page.getByRole('heading', { level: 1 }).innerText();
  const mainNav = (page: Page) => page.getByRole('navigation', { name: 'Hoofdmenu' });

  async function loginAs(role: DemoRole = 'secretariaat'): Promise<Page> {
    const page = await newPage();
    await page.goto(url('/inloggen'));
    await expect.poll(() => h1(page)).toBe('Inloggen');
    await page.getByLabel('E-mailadres').fill(DEMO[role]);
    await page.getByLabel('Wachtwoord').fill(PASSWORD);
    await page.getByRole('button', { name: 'Inloggen', exact: true }).click();
    await expect.poll(() => page.getByRole('banner').getByRole('button', { name: /^Menu van / }).count()).toBe(1);
    return page;
  }

  it('national picture on 8 July 2022: Ter Apel over its norm, 7,500 permit holders, capacity per province, alerts and locations', async () => {
    const page = await loginAs();
    await mainNav(page).getByRole('link', { name: 'Opvang', exact: true }).click();
    await expect.poll(() => h1(page)).toBe('Opvang');
    // The demo's latest day; set explicitly with the date field so a later day added elsewhere cannot change it.
    await page.getByLabel('Peildatum').fill('2022-07-08');
    await expect.poll(() => page.url()).toContain('peildatum=2022-07-08');
    await expect.poll(() => page.getByTestId('as-of').innerText()).toBe('Cijfers van 8 juli 2022.');

    const figures = page.getByTestId('key-figures');
    expect(await figures.innerText()).toContain('7.500 statushouders');
    expect(await figures.innerText()).toMatch(/Aanmeldcentrum Ter Apel\s+2\.193 bewoners, norm 2\.000/);

    // Ter Apel against its norm: the figure, the streak, the forecast in words with the method, a chart with breach days.
    const centre = page.getByRole('region', { name: 'Aanmeldcentrum Ter Apel' });
    expect(await centre.getByTestId('norm-line').innerText()).toBe('2.193 bewoners op 8 juli 2022, tegen een norm van 2.000. 193 boven de norm.');
    expect(await centre.innerText()).toContain('Boven de norm sinds 18 juni 2022: 20 van de 21 dagen, hoogste bezetting 2.193.');
    await expect.poll(() => centre.getByTestId('forecast').innerText()).toMatch(/^Voorspelling: .+\n*methode: Holt/);
    const chart = centre.getByRole('img', { name: /^Bezetting van Aanmeldcentrum Ter Apel per dag, 2 april 2022 tot en met 8 juli 2022$/ });
    expect(await chart.count()).toBe(1);
    expect(await chart.locator('circle.rt-chart__marker').count()).toBe(25);
    expect(await centre.innerText()).toContain('25 dagen boven de norm van 2 april 2022 tot en met 8 juli 2022.');

    // The table alternative of the chart, on demand.
    const show = centre.getByRole('button', { name: 'Toon als tabel' });
    expect(await show.getAttribute('aria-expanded')).toBe('false');
    await show.click();
    const days = await tableRows(page, 'Bezetting van Aanmeldcentrum Ter Apel per dag');
    expect(days).toHaveLength(97);
    expect(days.at(-1)).toEqual(['8 juli 2022', '2.193', '150', '2.000', '2.000', '193']);
    expect(await centre.getByRole('button', { name: 'Toon als grafiek' }).getAttribute('aria-expanded')).toBe('true');

    // Occupancy per type: a chart with its table, the total matching the key figure.
    await page.getByTestId('by-type').getByRole('button', { name: 'Toon als tabel' }).click();
    const types = await tableRows(page, 'Bezetting en capaciteit per soort opvang op 8 juli 2022');
    expect(types.find((r) => r[0] === 'Aanmeldcentrum')).toEqual(['Aanmeldcentrum', '1', '1', '2.000', '2.193', '109,7 %']);
    expect(await figures.innerText()).toContain('13.914 van 14.250 plaatsen (97,6 %)');

    // Capacity per province against the decision of 51,000.
    const provinces = await tableRows(page, 'Capaciteit per provincie tegen het aandeel in 51.000 plaatsen');
    expect(provinces).toHaveLength(12);
    expect(provinces.find((r) => r[0] === 'Groningen')).toEqual(['Groningen', '1', '2.000', '1.711', '+289', '116,9 %']);

    // The alerts of this user, each linking to its location.
    const alerts = page.getByTestId('alerts');
    await expect.poll(() => alerts.locator('li').count()).toBeGreaterThan(0);
    expect(await alerts.locator('li').first().innerText()).toMatch(/^Aanmeldcentrum Ter Apel: 2\.038 bewoners op 18 juni 2022, boven de norm van 2\.000/);

    // All locations, Ter Apel marked over its norm.
    const locations = await tableRows(page, 'Opvanglocaties met het laatste cijfer op of voor 8 juli 2022');
    expect(locations.length).toBe(14);
    expect(locations.find((r) => r[0] === 'Aanmeldcentrum Ter Apel')?.slice(-4)).toEqual(['2.193', '150', '8 juli 2022', '2.000 boven de norm']);
    expect(locations.find((r) => r[0] === 'Azc Almere')?.at(-1)).toBe('–');
    await checkPage(page, 'national');

    // An earlier day: the page follows the date field.
    await page.getByLabel('Peildatum').fill('2022-06-01');
    await expect.poll(() => page.getByTestId('as-of').innerText()).toBe('Cijfers van 1 juni 2022.');
    await expect.poll(() => page.getByRole('region', { name: 'Aanmeldcentrum Ter Apel' }).innerText()).toContain('Nu niet boven de norm.');
  }, 120_000);

  it('Ter Apel: facts, breach days per month and per day, streaks, the forecast and its method, the penalty in euros', async () => {
    const page = await loginAs();
    await page.goto(url('/opvang?peildatum=2022-07-08'));
    await expect.poll(() => h1(page)).toBe('Opvang');
    await page.getByRole('table', { name: /^Opvanglocaties/ }).getByRole('link', { name: 'Aanmeldcentrum Ter Apel' }).click();
    await expect.poll(() => h1(page)).toBe('Aanmeldcentrum Ter Apel');
    expect(page.url()).toMatch(/\/opvang\/TERAPEL$/);
    await expect.poll(() => page.getByTestId('facts').innerText()).toContain('Westerwolde');
    const facts = await page.getByTestId('facts').innerText();
    expect(facts).toMatch(/Soort\s+Aanmeldcentrum/);
    expect(facts).toMatch(/Provincie\s+Groningen/);
    expect(facts).toMatch(/Norm\s+2\.000/);

    // The breach days, per month and each day.
    expect(await tableRows(page, 'Dagen boven de norm per maand')).toEqual([
      ['april 2022', '30', '30', '0'],
      ['mei 2022', '31', '31', '0'],
      ['juni 2022', '29', '29', '17'],
      ['juli 2022', '8', '8', '8'],
    ]);
    const breaches = await tableRows(page, 'Dagen boven de norm');
    expect(breaches).toHaveLength(25);
    expect(breaches[0]).toEqual(['12 juni 2022', '2.023', '2.000', '23']);
    expect(await page.getByTestId('streaks').innerText()).toMatch(/Huidige reeks\s+18 juni 2022 tot en met 8 juli 2022: 20 van de 21 dagen boven de norm, hoogste bezetting 2\.193/);

    // The forecast as a dashed line in its error band, and honestly named: the method and its error, as the server says.
    const forecast = page.getByTestId('forecast');
    expect(await forecast.innerText()).toContain('Voorspelling: 9 juli 2022 is de eerste dag boven de norm');
    expect(await forecast.locator('[lang="nl"]').innerText()).toMatch(/^methode: Holt \(α [\d,]+; β [\d,]+\), fout op afgelopen \d+ dagen ±[\d,]+ personen/);
    const chart = page.getByTestId('occupancy-chart-TERAPEL');
    const svg = chart.getByRole('img');
    expect(await svg.locator('polyline.rt-chart__line--forecast').count()).toBe(1);
    expect(await svg.locator('polygon.rt-chart__band--measured').count()).toBe(1);
    expect(await svg.locator('circle.rt-chart__marker').count()).toBe(25);
    expect(await chart.locator('.rt-chart__legend').innerText()).toMatch(/Band: voorspelling ± \d+ \(gemiddelde fout\)/);

    // The penalty counter: 25 days of € 15.000,00 from 1 June to 8 July, exactly.
    expect(await page.getByTestId('penalties').innerText()).toBe('Van 1 juni 2022 tot en met 8 juli 2022: 25 dagen × € 15.000,00 = € 375.000,00');
    expect(await page.getByTestId('penalty-total').innerText()).toBe('€ 375.000,00');

    // The data table on demand, with the forecast days after the measured ones.
    await chart.getByRole('button', { name: 'Toon als tabel' }).click();
    expect(await tableRows(page, 'Bezetting van Aanmeldcentrum Ter Apel per dag')).toHaveLength(97);
    const predicted = await tableRows(page, 'Voorspelde bezetting van Aanmeldcentrum Ter Apel per dag');
    expect(predicted).toHaveLength(28);
    expect(predicted[0]!.slice(0, 2)).toEqual(['9 juli 2022', '2.191']);
    await checkPage(page, 'location');

    // A shorter period: the chart and tables follow, breaches before it are gone.
    await page.getByLabel('Van', { exact: true }).fill('2022-06-20');
    await expect.poll(async () => (await tableRows(page, 'Dagen boven de norm')).length).toBe(18);

    // An unknown code says so, in a way a screen reader hears.
    await page.goto(url('/opvang/NERGENS'));
    await expect.poll(() => page.getByRole('alert').innerText()).toContain('Deze opvanglocatie bestaat niet');
  }, 120_000);

  it('projection: the start state from the figures, a refused edit next to its field, and the two demo scenarios compared', async () => {
    const page = await loginAs();
    await mainNav(page).getByRole('link', { name: 'Prognose', exact: true }).click();
    await expect.poll(() => h1(page)).toBe('Ketenprognose');
    const a = page.getByLabel('Scenario', { exact: true });
    await expect.poll(() => a.locator('option').allInnerTexts()).toEqual(['Taakstelling 13.500 per halfjaar', 'Taakstelling 20.000 per halfjaar']);
    expect(await page.getByLabel('Aantal trekkingen').inputValue()).toBe('10000');

    // Adjusting: the fields start from the scenario; the start state comes from the figures of a day.
    await page.getByLabel('Scenario aanpassen voor deze berekening').check();
    expect(await page.getByLabel('Statushouders in de opvang, wachtend op een woning').inputValue()).toBe('7500');
    expect(await page.getByLabel('Taakstelling per halfjaar').inputValue()).toBe('13500');
    await page.getByLabel('Cijfers van').fill('2022-07-08');
    await page.getByRole('button', { name: 'Beginstand overnemen' }).click();
    await expect.poll(() => page.getByText('De beginstand van 8 juli 2022 is overgenomen in de velden.').count()).toBe(1);
    expect(await page.getByLabel('In het aanmeldcentrum').inputValue()).toBe('2193');
    expect(await page.getByLabel('Startweek (een maandag)').inputValue()).toBe('2022-07-04');
    expect(await page.getByText('Afgewezen asielzoekers in de opvang worden niet apart gemeld: op 0 gezet.').count()).toBe(1);

    // Checked before sending, next to the field and in the summary that takes focus.
    await page.getByLabel('Aandeel vergunningen (0 tot 1)').fill('1.4');
    await page.getByLabel('Aantal trekkingen').fill('30000');
    await page.getByRole('button', { name: 'Prognose berekenen' }).click();
    const summary = page.getByRole('group', { name: 'Er is een probleem' });
    await expect.poll(() => summary.locator('li').allInnerTexts()).toEqual([
      '“Aantal trekkingen” moet een geheel getal van 1 tot en met 20.000 zijn.',
      '“Aandeel vergunningen (0 tot 1)” moet een getal van 0 tot en met 1 zijn.',
    ]);
    expect(await summary.evaluate((el) => el === document.activeElement)).toBe(true);
    expect(await page.getByLabel('Aandeel vergunningen (0 tot 1)').getAttribute('aria-invalid')).toBe('true');
    // The secretariat may save; a name that is taken is refused by the server next to the name.
    await page.getByLabel('Aandeel vergunningen (0 tot 1)').fill('0.7');
    await page.getByRole('button', { name: 'Scenario opslaan' }).click();
    await expect.poll(() => page.locator('#scenario-name-error').innerText()).toBe("Er is al een scenario met de naam 'Taakstelling 13.500 per halfjaar' (nummer 1).");
    await checkPage(page, 'projection-form');

    // Back to the saved scenarios: 13,500 against 20,000 with the same draws.
    await page.getByLabel('Scenario aanpassen voor deze berekening').uncheck();
    await page.getByLabel('Aantal trekkingen').fill('10000');
    await page.getByLabel('Vergelijken met').selectOption({ label: 'Taakstelling 20.000 per halfjaar' });
    await page.getByRole('button', { name: "Scenario's vergelijken" }).click();
    await expect.poll(() => page.getByText('De prognose is berekend: 10.000 trekkingen, 104 weken.').count(), { timeout: 30_000 }).toBe(1);
    await expect.poll(() => page.getByRole('heading', { level: 2, name: 'Vergelijking: Taakstelling 13.500 per halfjaar en Taakstelling 20.000 per halfjaar' }).count()).toBe(1);
    const headlines = await page.getByTestId('headlines').locator('li').allInnerTexts();
    expect(headlines[0]).toBe('Weken boven de norm P50: 78 → 0');
    expect(headlines).toContain('Eerste week boven de norm P50: na 26 weken (week van 2 januari 2023) → nooit');
    const compared = await tableRows(page, 'Kerncijfers (P50) van Taakstelling 13.500 per halfjaar en Taakstelling 20.000 per halfjaar, met het verschil');
    expect(compared[0]).toEqual(['Weken boven de norm', '78', '0', '−78', '−85 / −47 / 0']);
    expect(compared.at(-1)).toEqual(['Kans ooit boven de norm', '76,9 %', '22 %', '−54,9 procentpunt', '–']);

    // Both P50 lines in one chart with the norm, and the difference per week in its table.
    const centre = page.getByTestId('compare-registrationCentre');
    const lines = centre.getByRole('img');
    expect(await lines.locator('polyline.rt-chart__line--measured').count()).toBe(1);
    expect(await lines.locator('polyline.rt-chart__line--alt').count()).toBe(1);
    expect(await lines.locator('polyline.rt-chart__line--norm').count()).toBe(1);
    await centre.getByRole('button', { name: 'Toon als tabel' }).click();
    const weeks = await tableRows(page, 'Aanmeldcentrum (Ter Apel): P50 per week van beide scenario\'s');
    expect(weeks).toHaveLength(104);
    expect(weeks[0]![0]).toBe('4 juli 2022');
    await checkPage(page, 'projection-compare');

    // One scenario alone: its fan chart with the band from P10 to P90.
    await page.getByLabel('Vergelijken met').selectOption({ label: 'niet vergelijken' });
    await page.getByRole('button', { name: 'Prognose berekenen' }).click();
    await expect.poll(() => page.getByRole('heading', { level: 2, name: 'Uitkomst: Taakstelling 13.500 per halfjaar' }).count(), { timeout: 30_000 }).toBe(1);
    const fan = page.getByTestId('fan-registrationCentre');
    expect(await fan.getByRole('img').locator('polygon.rt-chart__band--measured').count()).toBeGreaterThan(0);
    expect((await tableRows(page, 'Kerncijfers van Taakstelling 13.500 per halfjaar over alle trekkingen'))[0]).toEqual(['Weken boven de norm', '0', '78', '100', '58']);
    await checkPage(page, 'projection-single');
  }, 120_000);

  it('a municipality may look and calculate but not save scenarios; visitors are sent to the login; English works', async () => {
    const visitor = await newPage();
    await visitor.goto(url('/opvang'));
    await expect.poll(() => h1(visitor)).toBe('Inloggen');
    expect(await mainNav(visitor).getByRole('link', { name: 'Opvang', exact: true }).count()).toBe(0);

    const page = await loginAs('gemeente');
    expect(await mainNav(page).getByRole('link', { name: 'Prognose', exact: true }).count()).toBe(1);
    await mainNav(page).getByRole('link', { name: 'Prognose', exact: true }).click();
    await expect.poll(() => h1(page)).toBe('Ketenprognose');
    await page.getByLabel('Scenario aanpassen voor deze berekening').check();
    await expect.poll(() => page.getByLabel('Naam', { exact: true }).inputValue()).toBe('Taakstelling 13.500 per halfjaar');
    expect(await page.getByRole('button', { name: 'Scenario opslaan' }).count()).toBe(0);

    // A location without a norm: no norm line, no breaches, no penalties; still its chart and forecast.
    await page.goto(url('/opvang/ALMERE?tot=2022-07-08'));
    await expect.poll(() => h1(page)).toBe('Azc Almere');
    await expect.poll(() => page.getByTestId('facts').innerText()).toMatch(/Norm\s+geen/);
    expect(await page.getByTestId('occupancy-chart-ALMERE').getByRole('img').count()).toBe(1);
    expect(await page.getByTestId('occupancy-chart-ALMERE').locator('.rt-chart__legend').innerText()).not.toContain('Norm');
    expect(await page.getByRole('heading', { name: 'Boeteteller' }).count()).toBe(0);
    expect(await page.getByRole('heading', { name: 'Overschrijdingen van de norm' }).count()).toBe(0);
    await checkPage(page, 'location-without-norm');

    await page.goto(url('/opvang/TERAPEL?tot=2022-07-08'));
    await expect.poll(() => page.getByTestId('penalty-total').innerText()).toBe('€ 375.000,00');
    await page.getByRole('button', { name: 'Switch to English' }).click();
    await expect.poll(() => page.getByRole('heading', { level: 2, name: 'Penalty counter' }).count()).toBe(1);
    expect(await page.getByTestId('penalty-total').innerText()).toBe('€375,000.00');
    expect(await page.getByTestId('norm-line').innerText()).toBe('2,193 residents on 8 July 2022, against a norm of 2,000. 193 over the norm.');
    await checkPage(page, 'location-en');
  }, 120_000);
});
