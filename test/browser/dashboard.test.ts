/**
 * The dashboards in a real headless Chromium against the real server on the demo data: the secretariat opens the
 * national dashboard from the menu and reads Ter Apel against its norm, the permit holders, the provinces' capacity
 * and taakstelling (charts with their tables), the overdue actions, the late reports and the meeting, every figure
 * compared with the API's own answer; on the morning of the LRT meeting of 8 July 2022 the meeting is that one; it goes
 * on by keyboard to Noord-Holland's dashboard. A provincie user reads its own province but not another. A
 * municipality's ledger page shows its reception locations and its province's actions. Every page state is checked
 * with axe-core and photographed to test-output/screenshots/dashboard-*.png.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { DEMO, type DemoRole } from '../helpers/auth.ts';
import { browserHarness, HAVE_CHROMIUM, tableRows } from '../helpers/browser.ts';
import type { Dashboard } from '../../src/web/dashboard/types.ts';

const nlNumber = (n: number) => new Intl.NumberFormat('nl-NL').format(n);
const nlDate = (iso: string) => new Intl.DateTimeFormat('nl-NL', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${iso}T00:00:00Z`));

describe.runIf(HAVE_CHROMIUM)('dashboards in Chromium', { timeout: 120_000 }, () => {
  const { url, checkPage, signedInPage } = browserHarness({ name: 'dashboard', timeoutMs: 15000 });

  const poll = <T,>(fn: () => Promise<T> | T) => expect.poll(fn, { timeout: 20_000 });
  const h1 = (page: Page) => page.getByRole('heading', { level: 1 }).innerText();
  const mainNav = (page: Page) => page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link').allInnerTexts();
  const apiGet = <T,>(page: Page, path: string) => page.evaluate(async (p) => (await fetch(p)).json(), path) as Promise<T>;
  const card = (page: Page, label: string) => page.getByTestId(`figure-${label}`).innerText();

  const loginAs = (role: DemoRole): Promise<Page> => signedInPage(DEMO[role]);

  it('secretariaat: the national dashboard with the API’s figures, then a province by keyboard', async () => {
    const page = await loginAs('secretariaat');
    expect(await mainNav(page)).toContain('Dashboard');
    await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Dashboard', exact: true }).click();
    await poll(() => h1(page)).toBe('Landelijk dashboard');

    // Without a date: the latest figures that exist (the demo lives in 2022), not an empty today.
    const today = await apiGet<Dashboard>(page, '/api/v1/dashboard');
    const r = today.reception!;
    expect(r.asOf).toBe('2022-07-08');
    await poll(() => page.getByTestId('centre-TERAPEL').count()).toBe(1);
    const centres = await tableRows(page, `Aanmeldcentra: bezetting tegen de norm op ${nlDate(r.asOf)}`);
    const terApel = r.registrationCentres.find((c) => c.code === 'TERAPEL')!;
    expect(centres[0]!.slice(0, 4)).toEqual(['Aanmeldcentrum Ter Apel', nlNumber(terApel.occupancy.value!), nlNumber(terApel.norm!), terApel.overNorm ? 'boven de norm' : 'binnen de norm']);
    const permit = await card(page, 'Statushouders in de opvang die op een woning wachten');
    expect(permit).toContain(nlNumber(r.permitHolders.value));
    expect(permit).toContain(`stand per ${nlDate(r.asOf)}`);
    expect(permit).toContain('bron: COA-bezettingsopgave');

    // Capacity per province: twelve bar pairs, and the same figures as a table.
    expect(await page.getByTestId('chart-capacity').locator('svg g').count()).toBe(12);
    await page.getByTestId('chart-capacity').getByRole('button', { name: 'Toon als tabel' }).click();
    const share = r.capacityShare!;
    const shareRows = await tableRows(page, `Gerealiseerde capaciteit tegen het aandeel per provincie (${share.title}), ${nlDate(share.asOf)}`);
    expect(shareRows.map((row) => row.slice(1, 3))).toEqual(share.provinces.map((p) => [nlNumber(p.realised), nlNumber(p.share)]));

    const l = today.ledger!;
    expect(await card(page, 'Gerealiseerd')).toContain(nlNumber(l.realised.value));
    await page.getByTestId('chart-ledger').getByRole('button', { name: 'Toon als tabel' }).click();
    const ledgerRows = await tableRows(page, `Gerealiseerd tegen de gecorrigeerde taakstelling per provincie, ${l.period}, stand per ${nlDate(l.asOf)}`);
    expect(ledgerRows.map((row) => [row[0], row[3]])).toEqual(l.provinces.map((p) => [expect.any(String), nlNumber(p.realised)]));

    const overdue = await tableRows(page, `Acties waarvan de termijn op ${nlDate(today.actions.overdue.asOf!)} voorbij is`);
    expect(today.actions.items.length).toBeGreaterThan(0);
    expect(overdue.map((row) => row[0])).toEqual(today.actions.items.map((a) => a.description));
    const late = await tableRows(page, `Rapportages die op ${nlDate(today.reports.late.asOf!)} ontbreken of te laat zijn ingediend`);
    expect(late).toHaveLength(today.reports.items.length);
    // No meeting after today in the demo: the latest one held, said as such.
    expect(await page.getByTestId('next-meeting').innerText()).toContain('Laatste vergadering');
    expect(await page.getByTestId('provinces').getByRole('link').count()).toBe(12);
    await checkPage(page, 'national-today');

    // The morning of the LRT meeting of 8 July 2022.
    await page.getByLabel('Peildatum', { exact: true }).fill('2022-07-08');
    await poll(() => page.getByTestId('next-meeting').innerText()).toContain('Volgende vergadering');
    const morning = await apiGet<Dashboard>(page, '/api/v1/dashboard?asOf=2022-07-08');
    const meeting = page.getByTestId('next-meeting');
    expect(await meeting.innerText()).toContain(`${morning.meeting!.body.name}, 8 juli 2022`);
    expect(await meeting.locator('ol li').allInnerTexts()).toEqual(morning.meeting!.agenda.map((i) => i.title));
    expect(await meeting.getByRole('link').getAttribute('href')).toBe(morning.meeting!.href);
    expect(await card(page, 'Taakstelling')).toContain(nlNumber(morning.ledger!.taakstelling.value));
    await checkPage(page, 'national-8-juli-2022');

    // To Noord-Holland by keyboard: focus its link and press Enter; the reading date goes along.
    await page.getByTestId('provinces').getByRole('link', { name: 'Noord-Holland' }).focus();
    await page.keyboard.press('Enter');
    await poll(() => h1(page)).toBe('Dashboard Noord-Holland');
    expect(page.url()).toContain('/dashboard/PV27?peildatum=2022-07-08');
    const nh = await apiGet<Dashboard>(page, '/api/v1/dashboard/provinces/PV27?asOf=2022-07-08');
    await poll(() => page.getByTestId('municipalities').count()).toBe(1);
    const municipalities = await tableRows(page, `Gemeenten van de provincie in ${nh.ledger!.period}; de naam leidt naar het grootboek`);
    expect(municipalities.map((row) => row[0])).toEqual(nh.ledger!.municipalityList.map((m) => m.name));
    const behind = await tableRows(page, `Gemeenten met het meeste nog te huisvesten in ${nh.ledger!.period}`);
    expect(behind.map((row) => [row[0], row[4]])).toEqual(nh.ledger!.furthestBehind.map((m) => [m.name, nlNumber(m.remaining)]));
    const locations = await tableRows(page, `Opvanglocaties met hun laatste cijfer op of voor ${nlDate(nh.reception!.asOf)}`);
    expect(locations.map((row) => row[0])).toEqual(nh.reception!.locations.map((x) => expect.stringContaining(x.name)));
    expect(await card(page, 'Statushouders in de opvang die op een woning wachten')).toContain(nlNumber(nh.reception!.permitHolders.value));
    expect(await page.getByTestId('next-meeting').innerText()).toContain(`${nh.meeting!.body.name}, ${nlDate(nh.meeting!.date)}`);
    await checkPage(page, 'province-PV27');

    // A municipality from the list: its ledger page.
    await page.getByTestId('municipalities').getByRole('link', { name: nh.ledger!.municipalityList[0]!.name, exact: true }).click();
    await poll(() => h1(page)).toContain(nh.ledger!.municipalityList[0]!.name);
  });

  it('provincie: its own province dashboard, not another; a municipality page shows its reception and its province’s actions', async () => {
    const page = await loginAs('provincie');
    expect(await mainNav(page)).toContain('Dashboard');
    await page.goto(url('/dashboard?peildatum=2022-07-08'));
    await poll(() => h1(page)).toBe('Landelijk dashboard');
    await poll(() => page.getByTestId('provinces').getByRole('link').allInnerTexts()).toEqual(['Noord-Holland']);
    await page.getByTestId('provinces').getByRole('link', { name: 'Noord-Holland' }).click();
    await poll(() => h1(page)).toBe('Dashboard Noord-Holland');
    await poll(() => page.getByTestId('municipalities').count()).toBe(1);
    await checkPage(page, 'provincie-PV27');

    await page.goto(url('/dashboard/PV28'));
    await poll(() => h1(page)).toBe('Geen toegang');

    // Westerwolde holds Ter Apel; its province is Groningen.
    await page.goto(url('/taakstelling/GM1950'));
    const reception = page.getByTestId('municipality-reception');
    await poll(() => reception.getByRole('link', { name: 'Aanmeldcentrum Ter Apel' }).count()).toBe(1);
    const actions = await apiGet<{ items: { description: string }[] }>(page, '/api/v1/actions?province=PV20');
    const section = page.getByTestId('municipality-actions');
    if (actions.items.length > 0) {
      await poll(() => section.getByRole('table').locator('tbody tr').count()).toBe(actions.items.length);
    } else {
      await poll(() => section.innerText()).toContain('De provincie heeft geen acties op de actieagenda.');
    }
    expect(await section.getByRole('link', { name: 'Maandrapportages' }).getAttribute('href')).toBe('/rapportages');
    await checkPage(page, 'municipality-GM1950');
  });
});
