/**
 * Access control and the audit trail in the web app, in a real headless Chromium against the real server on the demo
 * data (with the demo accounts): logging in per role, the navigation each role gets, "Geen toegang" for pages reached
 * by URL, user management with its history and conflicts, the audit trail, loading population figures, the province's
 * own figure (Huisvestingswet art. 30), API tokens and logging out. Every new page is checked with axe-core and
 * photographed to test-output/screenshots/.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { DEMO, type DemoRole } from '../helpers/auth.ts';
import { browserHarness, HAVE_CHROMIUM } from '../helpers/browser.ts';

const PASSWORD = 'Regietafel-demo-2022';

// regions.test.ts already fails loudly in CI without Chromium; here we only skip.
describe.runIf(HAVE_CHROMIUM)('access control and audit trail in Chromium', { timeout: 120_000 }, () => {
  const { url, newPage, checkPage } = browserHarness({ name: 'access', timeoutMs: 10000 });

  const h1 = (page: Page) => page.getByRole('heading', { level: 1 }).innerText();
  const mainNav = (page: Page) => page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link').allInnerTexts();
  const userMenuButton = (page: Page) => page.getByRole('banner').getByRole('button', { name: /^Menu van / });

  async function fillLogin(page: Page, email: string, password: string) {
    await page.getByLabel('E-mailadres').fill(email);
    await page.getByLabel('Wachtwoord').fill(password);
    await page.getByRole('button', { name: 'Inloggen', exact: true }).click();
  }

  /** Logs in through the form, as a person does, and waits until the header shows the user. */
  async function loginAs(role: DemoRole, page?: Page): Promise<Page> {
    const p = page ?? (await newPage());
    await p.goto(url('/inloggen'));
    await expect.poll(() => h1(p)).toBe('Inloggen');
    await fillLogin(p, DEMO[role], PASSWORD);
    await expect.poll(() => userMenuButton(p).count()).toBe(1);
    return p;
  }

  async function expectForbidden(page: Page, pathName: string) {
    await page.goto(url(pathName));
    await expect.poll(() => h1(page)).toBe('Geen toegang');
    // No data of the page: no table, no form.
    expect(await page.getByRole('table').count(), `${pathName}: no table`).toBe(0);
    expect(await page.getByRole('main').getByRole('textbox').count(), `${pathName}: no form`).toBe(0);
  }

  const ADMIN_PAGES = ['/beheer', '/beheer/gebruikers', '/beheer/gebruikers/nieuw', '/beheer/gebruikers/1', '/beheer/audittrail', '/beheer/inwonertallen'];

  it('anonymous: "Inloggen" in the header, public navigation only, and protected pages send to the login and back', async () => {
    const page = await newPage();
    await page.goto(url('/'));
    await expect.poll(() => page.getByRole('banner').getByRole('link', { name: 'Inloggen' }).count()).toBe(1);
    expect(await mainNav(page)).toEqual(['Home', "Regio's", 'Verdeling', 'Taakstelling', 'Openbare verslagen']);
    expect(await userMenuButton(page).count()).toBe(0);

    await page.goto(url('/beheer/gebruikers'));
    await page.waitForURL(/\/inloggen\?terug=%2Fbeheer%2Fgebruikers$/);
    await expect.poll(() => h1(page)).toBe('Inloggen');
    expect(await page.getByRole('main').innerText()).toContain('Log in om deze pagina te zien.');
    expect(await page.getByLabel('E-mailadres').getAttribute('autocomplete')).toBe('username');
    expect(await page.getByLabel('Wachtwoord').getAttribute('autocomplete')).toBe('current-password');
    // SSO is not configured on the test server, so no SSO link.
    expect(await page.getByRole('link', { name: /overheidsaccount/ }).count()).toBe(0);
    await checkPage(page, 'login');

    // Empty form: the error summary takes focus and links to the fields.
    await page.getByRole('button', { name: 'Inloggen', exact: true }).click();
    const summary = page.getByRole('group', { name: 'Er is een probleem' });
    await expect.poll(() => summary.isVisible()).toBe(true);
    expect(await page.evaluate(() => document.activeElement?.classList.contains('rt-error-summary'))).toBe(true);
    expect(await summary.getByRole('link').allInnerTexts()).toEqual(['Vul uw e-mailadres in.', 'Vul uw wachtwoord in.']);
    expect(await page.getByLabel('E-mailadres').getAttribute('aria-describedby')).toMatch(/email-error/);
    await summary.getByRole('link', { name: 'Vul uw wachtwoord in.' }).click();
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('password');

    // Wrong password: the server's answer in Dutch, on the e-mail field, and the password field emptied.
    await fillLogin(page, DEMO.secretariaat, 'fout-wachtwoord');
    await expect.poll(() => summary.innerText()).toContain('Het e-mailadres of wachtwoord klopt niet');
    expect(await page.getByLabel('Wachtwoord').inputValue()).toBe('');
    await checkPage(page, 'login-error');

    // The right password brings the user back to where they wanted to go.
    await fillLogin(page, DEMO.secretariaat, PASSWORD);
    await page.waitForURL(/\/beheer\/gebruikers$/);
    await expect.poll(() => h1(page)).toBe('Gebruikers');
    expect(await userMenuButton(page).innerText()).toContain('Demo Secretariaat LRT');

    const anonymous = await newPage();
    await anonymous.goto(url('/mijn-api-tokens'));
    await anonymous.waitForURL(/\/inloggen\?terug=%2Fmijn-api-tokens$/);
    await anonymous.goto(url('/regios/PV27/gemeenten/GM0363/inwonertal'));
    await anonymous.waitForURL(/\/inloggen\?terug=/);
  });

  it('too many failed logins: the wait time in Dutch (429)', async () => {
    const page = await newPage();
    await page.goto(url('/inloggen'));
    const summary = page.getByRole('group', { name: 'Er is een probleem' });
    for (let i = 0; i < 5; i++) {
      await fillLogin(page, 'niemand@regietafel.test', `fout-${i}`);
      await expect.poll(() => summary.innerText()).toContain('klopt niet');
      await page.getByLabel('Wachtwoord').fill('');
    }
    await fillLogin(page, 'niemand@regietafel.test', 'nog-een-keer');
    await expect.poll(() => summary.innerText()).toMatch(/Te veel mislukte pogingen\. Probeer het over 1[45] minuten opnieuw\./);
  });

  describe.each([
    ['lid', 'Demo Lid LRT'],
    ['provincie', 'Demo Provincie Noord-Holland'],
    ['gemeente', 'Demo Gemeente Amsterdam'],
    ['coa', 'Demo COA'],
  ] as const)('role %s', (role, name) => {
    it('sees the public navigation and the account menu, and "Geen toegang" on every Beheer page', async () => {
      const page = await loginAs(role);
      // The dashboards are for the steering tables and COA; a municipality's own view is its ledger page.
      const dashboard = role === 'gemeente' ? [] : ['Dashboard'];
      expect(await mainNav(page)).toEqual(['Home', "Regio's", 'Verdeling', 'Taakstelling', ...dashboard, 'Woningpijplijn', 'Opvang', 'Prognose', 'Acties', 'Rapportages', expect.stringMatching(/^Meldingen/), 'Vergaderingen', 'Openbare verslagen']);
      expect(await userMenuButton(page).innerText()).toContain(name);
      await userMenuButton(page).click();
      expect(await userMenuButton(page).getAttribute('aria-expanded')).toBe('true');
      expect(await page.getByRole('banner').getByRole('link', { name: 'Mijn API-tokens' }).isVisible()).toBe(true);
      expect(await page.getByRole('banner').getByRole('button', { name: 'Uitloggen' }).isVisible()).toBe(true);
      await page.keyboard.press('Escape');
      expect(await userMenuButton(page).getAttribute('aria-expanded')).toBe('false');

      for (const p of ADMIN_PAGES) await expectForbidden(page, p);
      expect(await page.getByRole('main').innerText()).toContain(`U bent ingelogd als ${name}`);
      if (role === 'lid') await checkPage(page, 'forbidden');
      // The server agrees: the API refuses the same data.
      expect(await page.evaluate(async () => (await fetch('/api/v1/users')).status)).toBe(403);
    });
  });

  it('secretariaat: Beheer in the navigation with users, audit trail and population import', async () => {
    const page = await loginAs('secretariaat');
    expect(await mainNav(page)).toEqual(['Home', "Regio's", 'Verdeling', 'Taakstelling', 'Dashboard', 'Woningpijplijn', 'Opvang', 'Prognose', 'Acties', 'Rapportages', expect.stringMatching(/^Meldingen/), 'Vergaderingen', 'Openbare verslagen', 'Beheer']);
    await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Beheer' }).click();
    await expect.poll(() => h1(page)).toBe('Beheer');
    expect(await page.getByRole('main').getByRole('link').allInnerTexts()).toEqual(['Gebruikers', 'Audittrail', 'Inwonertallen inlezen']);
    await checkPage(page, 'admin');

    await page.getByRole('main').getByRole('link', { name: 'Gebruikers' }).click();
    const table = page.getByRole('table', { name: 'Gebruikers van Regietafel' });
    await expect.poll(() => table.locator('tbody tr').count()).toBeGreaterThanOrEqual(5);
    const provincie = await table.getByRole('row', { name: /Demo Provincie Noord-Holland/ }).innerText();
    expect(provincie).toMatch(/provincie\.nh@regietafel\.demo\s+Provincie Noord-Holland\s+Provincie Noord-Holland \(PV27\)\s+actief\s+demo/);
    await checkPage(page, 'users');
  });

  it('secretariaat: adds a user (password once), changes the roles, and sees it in the history and the audit trail', async () => {
    const page = await loginAs('secretariaat');
    await page.goto(url('/beheer/gebruikers'));
    await page.getByRole('link', { name: 'Gebruiker toevoegen' }).click();
    await expect.poll(() => h1(page)).toBe('Gebruiker toevoegen');

    // A gemeente role without a valid code is refused before anything is sent.
    await page.getByLabel('E-mailadres').fill('nieuw.lid@zeeland.test');
    await page.getByLabel('Naam').fill('Nieuw Lid Zeeland');
    await page.getByLabel('Organisatie', { exact: true }).fill('Provincie Zeeland');
    await page.getByLabel('Soort organisatie').selectOption('provincie');
    await page.getByLabel('Rol 1', { exact: true }).selectOption('gemeente');
    await page.getByRole('button', { name: 'Gebruiker toevoegen' }).click();
    const summary = page.getByRole('group', { name: 'Er is een probleem' });
    await expect.poll(() => summary.innerText()).toContain('Vul bij rol 1 een gemeentecode in');
    await checkPage(page, 'user-new-error');

    await page.getByLabel('Rol 1', { exact: true }).selectOption('lid');
    await page.getByLabel('Regietafel bij rol 1').selectOption('PV29');
    await page.getByRole('button', { name: 'Nog een rol toevoegen' }).click();
    await page.getByLabel('Rol 2', { exact: true }).selectOption('provincie');
    await page.getByLabel('Provincie bij rol 2').selectOption('PV29');
    await page.getByRole('button', { name: 'Gebruiker toevoegen' }).click();

    const secret = page.getByTestId('secret');
    await expect.poll(() => secret.count()).toBe(1);
    const password = await secret.innerText();
    expect(password.length).toBeGreaterThanOrEqual(12);
    expect(await page.getByRole('main').innerText()).toContain('Let op: dit ziet u maar één keer');
    await checkPage(page, 'user-created');

    await page.getByRole('link', { name: 'Naar de gegevens van Nieuw Lid Zeeland' }).click();
    await expect.poll(() => h1(page)).toBe('Nieuw Lid Zeeland');
    const userId = /\/beheer\/gebruikers\/(\d+)$/.exec(page.url())?.[1];
    expect(userId).toBeDefined();
    // The password is not shown again.
    expect(await page.getByRole('main').innerText()).not.toContain(password);
    expect(await page.locator('dl').innerText()).toContain('Lid PRT Zeeland (PV29), Provincie Zeeland (PV29)');
    const history = page.getByRole('table', { name: 'Geschiedenis van Nieuw Lid Zeeland' });
    await expect.poll(() => history.locator('tbody tr').count()).toBe(1);
    expect(await history.innerText()).toContain('aangemaakt');

    // Change the roles: remove the provincie role, make the first a national member.
    await page.getByRole('button', { name: 'Rol 2 verwijderen' }).click();
    await page.getByLabel('Regietafel bij rol 1').selectOption('');
    await page.getByRole('button', { name: 'Opslaan' }).click();
    await expect.poll(() => page.getByRole('main').innerText()).toContain('De wijzigingen zijn opgeslagen.');
    await expect.poll(() => history.locator('tbody tr').count()).toBe(2);
    const change = await history.locator('tbody tr').first().innerText();
    expect(change).toContain('secretariaat@regietafel.demo');
    expect(change).toContain('rechten gewijzigd');
    expect(change).toMatch(/rollen: Lid PRT Zeeland \(PV29\), Provincie Zeeland \(PV29\)\s*→\s*werd\s*Lid LRT/);
    expect(await page.locator('dl').innerText()).toContain('Lid LRT');
    expect(await page.getByRole('link', { name: 'Download als CSV' }).getAttribute('href')).toBe(`/api/v1/history/gebruiker/${userId}?format=csv`);
    await checkPage(page, 'user-detail');

    // A new password, shown once.
    await page.getByRole('button', { name: 'Nieuw wachtwoord instellen' }).click();
    await expect.poll(() => page.getByRole('group', { name: 'Nieuw wachtwoord voor Nieuw Lid Zeeland' }).count()).toBe(1);
    expect(await page.getByTestId('secret').innerText()).not.toBe(password);

    // The audit trail finds the permission change by kind and key.
    await page.getByRole('navigation', { name: 'Beheer' }).getByRole('link', { name: 'Audittrail' }).click();
    await expect.poll(() => h1(page)).toBe('Audittrail');
    const results = page.getByRole('table', { name: 'Gevonden wijzigingen, nieuwste eerst' });
    await expect.poll(() => results.locator('tbody tr').count()).toBeGreaterThan(0);
    await page.getByLabel('Soort').selectOption('gebruiker');
    await page.getByLabel('Sleutel').fill(String(userId));
    await page.getByRole('button', { name: 'Zoeken', exact: true }).click();
    await expect.poll(() => results.locator('tbody tr').count()).toBe(3);
    const rows = await results.locator('tbody tr').allInnerTexts();
    expect(rows[0]).toContain('gewijzigd'); // the password, newest first
    expect(rows[1]).toContain('rechten gewijzigd');
    expect(rows[2]).toContain('aangemaakt');
    expect(await page.getByRole('link', { name: 'Exporteer CSV' }).getAttribute('href')).toBe(
      `/api/v1/audit/export?resourceType=gebruiker&resourceId=${userId}`,
    );
    const csv = await page.evaluate(async (href) => (await fetch(href)).text(), `/api/v1/audit/export?resourceType=gebruiker&resourceId=${userId}`);
    expect(csv.split(/\r?\n/).filter(Boolean)).toHaveLength(4);
    expect(csv).toContain('permission-change');
    await checkPage(page, 'audit');

    // An impossible period is refused before searching.
    await page.getByLabel('Van').fill('2022-02-01');
    await page.getByLabel('Tot en met').fill('2022-01-01');
    await page.getByRole('button', { name: 'Zoeken', exact: true }).click();
    await expect.poll(() => page.getByRole('group', { name: 'Er is een probleem' }).innerText()).toContain('ligt na de datum');
  });

  it('audit trail: newest first, "Meer laden" fetches the next page, and filters by who', async () => {
    const page = await loginAs('secretariaat');
    // Pages of 2 instead of 50, so the demo data has several pages; the answers still come from the real server.
    const requested: string[] = [];
    await page.route('**/api/v1/audit?*', async (route) => {
      const small = route.request().url().replace('limit=50', 'limit=2');
      requested.push(new URL(small).search);
      await route.continue({ url: small });
    });
    await page.goto(url('/beheer/audittrail'));
    const results = page.getByRole('table', { name: 'Gevonden wijzigingen, nieuwste eerst' });
    await expect.poll(() => results.locator('tbody tr').count()).toBe(2);
    expect(await page.getByRole('main').innerText()).toContain('2 wijzigingen getoond; er zijn er meer.');
    const firstPage = await results.locator('tbody tr').allInnerTexts();
    await page.getByRole('button', { name: 'Meer laden' }).click();
    await expect.poll(() => results.locator('tbody tr').count()).toBe(4);
    const both = await results.locator('tbody tr').allInnerTexts();
    expect(both.slice(0, 2)).toEqual(firstPage);
    const moreRequest = requested.at(-1) ?? '';
    expect(moreRequest).toMatch(/[?&]before=\d+/);
    // Newest first: the server's ids go down, so "before" is the id of the last row shown.
    const ids = await page.evaluate(async () => ((await (await fetch('/api/v1/audit?limit=4')).json()) as { items: { id: number }[] }).items.map((i) => i.id));
    expect(ids).toEqual([...ids].sort((a, b) => b - a));
    expect(moreRequest).toContain(`before=${ids[1]}`);

    await page.getByLabel('Wie').fill('secretariaat@');
    await page.getByRole('button', { name: 'Zoeken', exact: true }).click();
    await expect.poll(() => requested.at(-1)).toContain('actor=secretariaat%40');
    await expect.poll(async () => {
      const rows = await results.locator('tbody tr').allInnerTexts();
      return rows.length > 0 && rows.every((r) => r.includes('secretariaat@regietafel.demo'));
    }).toBe(true);
  });

  it('secretariaat: a population file with errors is refused line by line; a good one is loaded', async () => {
    const page = await loginAs('secretariaat');
    await page.goto(url('/beheer/inwonertallen'));
    await expect.poll(() => h1(page)).toBe('Inwonertallen inlezen');

    // Without a file: the error summary says so.
    await page.getByRole('button', { name: 'Inlezen' }).click();
    await expect.poll(() => page.getByRole('group', { name: 'Er is een probleem' }).innerText()).toContain('Kies een CSV-bestand.');

    const bad = [
      'gemeentecode,gemeentenaam,provinciecode,inwoners,peildatum',
      'GM0363,Amsterdam,PV27,900000,2023-01-01',
      'GM14,Groningen,PV20,230000,2023-01-01',
      'GM0599,Rotterdam,PV28,veel,2023-01-01',
      'GM9999,Nergens,PV20,10,2023-01-01',
    ].join('\n');
    await page.getByLabel('CSV-bestand').setInputFiles({ name: 'fout.csv', mimeType: 'text/csv', buffer: Buffer.from(bad) });
    await page.getByLabel('Status van de cijfers').selectOption('onofficieel');
    await page.getByLabel('Bron').fill('Test van de browser');
    await page.getByRole('button', { name: 'Inlezen' }).click();
    const errors = page.getByRole('table', { name: /fouten in het bestand$/ });
    await expect.poll(() => errors.count()).toBe(1);
    expect(await page.getByRole('main').innerText()).toContain('Er is niets ingelezen en niets gewijzigd.');
    const rows = await errors.locator('tbody tr').allInnerTexts();
    expect(rows).toHaveLength(3);
    expect(rows[0]).toMatch(/^3\s+gemeentecode\s+'GM14' is geen gemeentecode/);
    expect(rows[1]).toMatch(/^4\s+inwoners\s+'veel' is geen geheel aantal/);
    expect(rows[2]).toMatch(/^5\s+gemeentecode\s+onbekende gemeentecode GM9999/);
    await checkPage(page, 'import-errors');

    const good = ['gemeentecode,gemeentenaam,provinciecode,inwoners,peildatum', 'GM0363,Amsterdam,PV27,900000,2023-01-01'].join('\n');
    await page.getByLabel('CSV-bestand').setInputFiles({ name: 'goed.csv', mimeType: 'text/csv', buffer: Buffer.from(good) });
    await page.getByRole('button', { name: 'Inlezen' }).click();
    await expect.poll(() => page.getByRole('main').innerText()).toContain('Het bestand is ingelezen');
    const main = await page.getByRole('main').innerText();
    expect(main).toContain('1 regel ingelezen voor peildatum 1 januari 2023 (onofficieel); 0 bestaande cijfers vervangen.');
    expect(main).toContain('Waarschuwingen');
    expect(await page.getByRole('table', { name: /fouten in het bestand$/ }).count()).toBe(0);
    await checkPage(page, 'import-ok');
  });

  it('two people edit the same user: the second save shows the conflict and does not overwrite the first', async () => {
    const first = await loginAs('secretariaat');
    const second = await loginAs('secretariaat');
    await first.goto(url('/beheer/gebruikers'));
    await first.getByRole('link', { name: 'Demo COA' }).click();
    await expect.poll(() => h1(first)).toBe('Demo COA');
    const userPath = new URL(first.url()).pathname;
    await second.goto(url(userPath));
    await expect.poll(() => h1(second)).toBe('Demo COA');

    await first.getByLabel('Naam').fill('COA (eerste)');
    await first.getByRole('button', { name: 'Opslaan' }).click();
    await expect.poll(() => first.getByRole('main').innerText()).toContain('De wijzigingen zijn opgeslagen.');

    await second.getByLabel('Naam').fill('COA (tweede)');
    await second.getByRole('button', { name: 'Opslaan' }).click();
    const alert = second.getByRole('alert');
    await expect.poll(() => alert.innerText()).toContain('Iemand anders heeft deze gebruiker intussen gewijzigd');
    const version = /nu versie (\d+)/.exec(await alert.innerText())?.[1];
    expect(version).toBeDefined();
    // The second person's input is kept until they choose to reload.
    expect(await second.getByLabel('Naam').inputValue()).toBe('COA (tweede)');
    await checkPage(second, 'user-conflict');

    const stored = await second.evaluate(async (p) => (await (await fetch(`/api/v1/users/${p.split('/').pop()}`)).json()) as { name: string; version: number }, userPath);
    expect(stored.name).toBe('COA (eerste)');
    expect(String(stored.version)).toBe(version);

    await second.getByRole('button', { name: 'Opnieuw laden' }).click();
    await expect.poll(() => second.getByLabel('Naam').inputValue()).toBe('COA (eerste)');
    expect(await second.getByRole('alert').count()).toBe(0);
  });

  it('provincie Noord-Holland: sets a figure for a municipality of PV27 and sees it in the history; not in PV28', async () => {
    const page = await loginAs('provincie');
    await page.goto(url('/regios/PV27?jaar=2022'));
    const table = page.getByRole('table', { name: /^Gemeenten in Noord-Holland in 2022/ });
    await expect.poll(() => table.locator('tbody tr').count()).toBe(45);
    expect(await table.getByRole('columnheader', { name: 'Actie' }).count()).toBe(1);
    expect(await table.getByRole('link', { name: /^Inwonertal vaststellen/ }).count()).toBe(45);
    await checkPage(page, 'province-with-action');

    await table.getByRole('link', { name: 'Inwonertal vaststellen (Amsterdam)' }).click();
    await expect.poll(() => h1(page)).toBe('Inwonertal vaststellen: Amsterdam');
    expect(await page.getByLabel('Peildatum').inputValue()).toBe('2022-01-01');
    await expect.poll(() => page.getByRole('main').innerText()).toContain('Voor deze peildatum is nog geen inwonertal vastgesteld.');

    // Missing reason: refused, with the error summary linked to the field.
    await page.getByLabel('Inwoners', { exact: true }).fill('880.000');
    await page.getByRole('button', { name: 'Inwonertal vastleggen' }).click();
    await expect.poll(() => page.getByRole('group', { name: 'Er is een probleem' }).innerText()).toContain('Vul de reden of het besluit in.');

    await page.getByLabel('Reden').fill('Besluit GS 12 april 2022, kenmerk 1234');
    await page.getByRole('button', { name: 'Inwonertal vastleggen' }).click();
    await expect.poll(() => page.getByRole('main').innerText()).toContain('Vastgelegd: 880.000 inwoners op 1 januari 2022 (versie 1).');
    const history = page.getByRole('table', { name: 'Geschiedenis van het inwonertal van Amsterdam op 1 januari 2022' });
    await expect.poll(() => history.locator('tbody tr').count()).toBe(1);
    expect(await history.innerText()).toContain('provincie.nh@regietafel.demo');
    expect(await history.innerText()).toMatch(/aangemaakt\s+inwoners: 880\.000\s+reden: Besluit GS 12 april 2022/);
    expect(await page.getByRole('link', { name: 'Download als CSV' }).getAttribute('href')).toBe(
      '/api/v1/history/inwonertal-provincie/GM0363%2F2022-01-01?format=csv',
    );

    // Changing it builds on version 1 (If-Match).
    await page.getByLabel('Inwoners', { exact: true }).fill('880001');
    await page.getByRole('button', { name: 'Inwonertal vastleggen' }).click();
    await expect.poll(() => page.getByRole('main').innerText()).toContain('(versie 2)');
    await expect.poll(() => history.locator('tbody tr').count()).toBe(2);
    expect(await history.locator('tbody tr').first().innerText()).toMatch(/gewijzigd\s+inwoners: 880\.000\s*→\s*werd\s*880\.001/);
    await checkPage(page, 'province-figure');

    // Another province: no action, and the page by URL says "Geen toegang".
    await page.goto(url('/regios/PV28?jaar=2022'));
    const zh = page.getByRole('table', { name: /^Gemeenten in Zuid-Holland in 2022/ });
    await expect.poll(() => zh.locator('tbody tr').count()).toBeGreaterThan(40);
    expect(await page.getByRole('link', { name: /^Inwonertal vaststellen/ }).count()).toBe(0);
    expect(await zh.getByRole('columnheader', { name: 'Actie' }).count()).toBe(0);
    await expectForbidden(page, '/regios/PV28/gemeenten/GM0599/inwonertal');
  });

  it('other roles see no "Inwonertal vaststellen" on a province page', async () => {
    for (const role of ['secretariaat', 'gemeente'] as const) {
      const page = await loginAs(role);
      await page.goto(url('/regios/PV27?jaar=2022'));
      await expect.poll(() => page.getByRole('table', { name: /^Gemeenten in Noord-Holland/ }).locator('tbody tr').count()).toBe(45);
      expect(await page.getByRole('link', { name: /^Inwonertal vaststellen/ }).count(), role).toBe(0);
      await expectForbidden(page, '/regios/PV27/gemeenten/GM0363/inwonertal');
    }
  });

  it('any user: creates an API token (shown once), uses it, revokes it; logging out returns to anonymous', async () => {
    const page = await loginAs('gemeente');
    await userMenuButton(page).click();
    await page.getByRole('banner').getByRole('link', { name: 'Mijn API-tokens' }).click();
    await expect.poll(() => h1(page)).toBe('Mijn API-tokens');
    await expect.poll(() => page.getByRole('main').innerText()).toContain('U hebt nog geen API-tokens.');

    await page.getByRole('button', { name: 'Token maken' }).click();
    await expect.poll(() => page.getByRole('group', { name: 'Er is een probleem' }).innerText()).toContain('Vul een naam in.');
    await page.getByLabel('Naam').fill('dashboard gemeente');
    await page.getByLabel(/^Geldig \(dagen\)/).fill('30');
    await page.getByRole('button', { name: 'Token maken' }).click();
    const secret = page.getByTestId('secret');
    await expect.poll(() => secret.count()).toBe(1);
    const token = await secret.innerText();
    expect(token).toMatch(/^rt_[A-Za-z0-9]{8}_/);
    expect(await page.getByRole('main').innerText()).toContain('Kopieer het token nu.');
    const table = page.getByRole('table', { name: 'Uw API-tokens' });
    await expect.poll(() => table.locator('tbody tr').count()).toBe(1);
    const row = await table.locator('tbody tr').first().innerText();
    expect(row).toContain('dashboard gemeente');
    expect(row).toContain(`rt_${token.slice(3, 11)}_…`);
    expect(row).toContain('nooit');
    expect(row).toContain('actief');
    await checkPage(page, 'tokens-created');

    const withToken = (t: string) =>
      page.evaluate(async (bearer) => (await fetch('/api/v1/tokens', { headers: { authorization: `Bearer ${bearer}` }, credentials: 'omit' })).status, t);
    expect(await withToken(token)).toBe(200);

    await page.getByRole('button', { name: 'Token dashboard gemeente intrekken' }).click();
    const confirm = page.getByRole('alert');
    await expect.poll(() => confirm.innerText()).toContain('Weet u zeker dat u het token "dashboard gemeente" wilt intrekken?');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Ja, intrekken');
    await checkPage(page, 'tokens-confirm');
    await page.getByRole('button', { name: 'Ja, intrekken' }).click();
    await expect.poll(() => table.locator('tbody tr').first().innerText()).toMatch(/ingetrokken op \d+ \w+ \d{4}/);
    expect(await page.getByRole('main').innerText()).toContain('Het token "dashboard gemeente" is ingetrokken.');
    expect(await withToken(token)).toBe(401);

    // Log out: the header offers "Inloggen" again and the server knows no session.
    await userMenuButton(page).click();
    await page.getByRole('banner').getByRole('button', { name: 'Uitloggen' }).click();
    await expect.poll(() => page.getByRole('banner').getByRole('link', { name: 'Inloggen' }).count()).toBe(1);
    expect(new URL(page.url()).pathname).toBe('/');
    expect(await userMenuButton(page).count()).toBe(0);
    expect(await page.getByRole('status').first().innerText()).toBe('U bent uitgelogd.');
    const session = await page.evaluate(async () => (await (await fetch('/api/v1/session')).json()) as { user: unknown });
    expect(session.user).toBeNull();
    await page.goto(url('/mijn-api-tokens'));
    await page.waitForURL(/\/inloggen\?terug=/);
  });

  it('the login page and the token page in English', async () => {
    const page = await newPage();
    await page.goto(url('/inloggen'));
    await page.getByRole('button', { name: 'Switch to English' }).click();
    await expect.poll(() => h1(page)).toBe('Log in');
    await fillLogin2(page);
    await expect.poll(() => userMenuButton2(page).count()).toBe(1);
    await page.goto(url('/mijn-api-tokens'));
    await expect.poll(() => h1(page)).toBe('My API tokens');
    await checkPage(page, 'tokens-en');
  });

  async function fillLogin2(page: Page) {
    await page.getByLabel('E-mail address').fill(DEMO.coa);
    await page.getByLabel('Password').fill(PASSWORD);
    await page.getByRole('button', { name: 'Log in', exact: true }).click();
  }
  const userMenuButton2 = (page: Page) => page.getByRole('banner').getByRole('button', { name: /^Menu for / });
});
