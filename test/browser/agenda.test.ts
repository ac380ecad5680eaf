/**
 * The action agenda, the escalation ladder, the monthly reports and the inbox in a real headless Chromium against the
 * real server on the demo data (programme UFA with measures 8 and 9, six actions, the default ladder, reports for
 * 2022-07 … 2022-09 with Noord-Holland's 2022-07 missing). The real date is years after the demo's deadlines, so every
 * open action is overdue. The tests share one server and run in order: the province submits its missing report
 * before the status page is read, and the escalation job runs before the inbox is opened. Every page state is checked
 * with axe-core and for CSP violations, and photographed to test-output/screenshots/agenda-*.png.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { updateAction } from '../../src/features/agenda/actions.ts';
import { escalationJob } from '../../src/features/agenda/escalation.ts';
import { systemActor } from '../../src/features/audit/audit.ts';
import { createScheduler } from '../../src/platform/jobs/scheduler.ts';
import { DEMO, type DemoRole } from '../helpers/auth.ts';
import { browserHarness, HAVE_CHROMIUM, tableRows } from '../helpers/browser.ts';

const PASSWORD = 'Regietafel-demo-2022';

// regions.test.ts already fails loudly in CI without Chromium; here we only skip.
describe.runIf(HAVE_CHROMIUM)('action agenda, reports and inbox in Chromium', { timeout: 120_000 }, () => {
  const { url, newPage, checkPage, testServer } = browserHarness({ name: 'agenda', timeoutMs: 15000 });

  const h1 = (page: Page) => page.getByRole('heading', { level: 1 }).innerText();
  const mainNav = (page: Page) => page.getByRole('navigation', { name: 'Hoofdmenu' });
  const focusedId = (page: Page) => page.evaluate(() => document.activeElement?.id ?? '');

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

  it('secretariaat: the action list with measures 8 and 9, filtered on "alleen over de termijn" through the address', async () => {
    // This journey works on the UFA's six actions; the actions agreed in the demo LRT meeting (another programme,
    // tested in src/features/meetings) are taken out of this file's database first.
    const db = testServer().database.db;
    const fromMeetings = (await db.selectFrom('action').select('id').where('meeting_id', 'is not', null).execute()).map((a) => a.id);
    if (fromMeetings.length > 0) await db.deleteFrom('action').where('id', 'in', fromMeetings).execute();
    const page = await loginAs('secretariaat');
    await mainNav(page).getByRole('link', { name: 'Acties' }).click();
    await expect.poll(() => h1(page)).toBe('Actieagenda');
    const table = page.getByRole('table', { name: 'Acties', exact: true });
    await expect.poll(() => table.locator('tbody tr').count()).toBe(6);
    const rows = await tableRows(page, 'Acties');
    expect(new Set(rows.map((r) => r[0]))).toEqual(new Set(['UFA 8', 'UFA 9']));
    // Each row: measure, description (a link), holder, province, deadline, status, overdue marker in words.
    const delayed = rows.find((r) => r[1] === 'Voorstel financieringsregeling flexibele opvang voor gemeenten')!;
    expect(delayed.slice(2)).toEqual(['Ministerie van Justitie en Veiligheid\nDG Migratie', 'landelijk', '30 september 2022', 'vertraagd', '⚠ over de termijn']);
    const done = rows.find((r) => r[5] === 'gereed')!;
    expect(done[6]).toBe('nee');
    expect(await page.getByRole('status').filter({ hasText: /^6 acties gevonden, stand op \d{1,2} \p{L}+ \d{4}\.$/u }).count()).toBe(1);
    // The deadlines lie years back: nothing became overdue in the last two weeks.
    expect(await page.getByText('Er zijn de afgelopen 14 dagen geen acties over de termijn geraakt.').count()).toBe(1);
    await checkPage(page, 'list');

    // "Alleen acties over de termijn": the form puts it in the address; the closed action drops out.
    const search = page.getByRole('search', { name: 'Acties zoeken' });
    await search.getByLabel('Alleen acties over de termijn').check();
    await search.getByRole('button', { name: 'Acties tonen' }).click();
    await page.waitForURL(/\/acties\?over-termijn=ja$/);
    await expect.poll(() => table.locator('tbody tr').count()).toBe(5);
    expect((await tableRows(page, 'Acties')).every((r) => r[6] === '⚠ over de termijn')).toBe(true);
    await checkPage(page, 'list-overdue');

    // Filters combine, and a shared address shows the same: Noord-Holland's overdue actions, also after a reload.
    await search.getByLabel('Provincie').selectOption('PV27');
    await search.getByRole('button', { name: 'Acties tonen' }).click();
    await page.waitForURL(/\/acties\?provincie=PV27&over-termijn=ja$/);
    await expect.poll(() => table.locator('tbody tr').count()).toBe(2);
    await page.reload();
    await expect.poll(() => table.locator('tbody tr').count()).toBe(2);
    expect(await page.getByRole('search').getByLabel('Provincie').inputValue()).toBe('PV27');
    expect(await page.getByRole('search').getByLabel('Alleen acties over de termijn').isChecked()).toBe(true);
    await page.getByRole('link', { name: 'Filters wissen' }).click();
    await expect.poll(() => table.locator('tbody tr').count()).toBe(6);

    // A new action: checked before sending, then recorded and announced with a link; the list shows it.
    const opener = page.getByRole('button', { name: 'Actie invoeren' });
    await opener.click();
    expect(await opener.getAttribute('aria-expanded')).toBe('true');
    const form = page.getByRole('form', { name: 'Nieuwe actie' });
    await form.getByRole('button', { name: 'Actie vastleggen' }).click();
    const summary = page.getByRole('group', { name: 'Er is een probleem' });
    await expect.poll(() => summary.locator('li').allInnerTexts()).toEqual([
      'Kies de maatregel.',
      'Vul een omschrijving van de actie in.',
      'Vul de organisatie van de houder in.',
      'Vul de termijn in als datum.',
    ]);
    await checkPage(page, 'new-action-errors');
    await form.getByLabel('Maatregel').selectOption({ label: 'UFA maatregel 9: Onderscheid tussen kansarme en kansrijke asielzoekers' });
    await form.getByLabel('Omschrijving').fill('Evaluatie van de snelle doorstroom aan het LRT voorleggen');
    await form.getByLabel('Organisatie van de houder').fill('COA');
    await form.getByLabel('Termijn').fill('2030-01-31');
    await form.getByRole('button', { name: 'Actie vastleggen' }).click();
    await expect.poll(() => page.getByRole('status').filter({ hasText: /Actie \d+ is vastgelegd\./ }).count()).toBe(1);
    expect(await opener.getAttribute('aria-expanded')).toBe('false');
    await expect.poll(() => table.locator('tbody tr').count()).toBe(7);
    expect((await tableRows(page, 'Acties')).find((r) => r[1] === 'Evaluatie van de snelle doorstroom aan het LRT voorleggen')).toEqual([
      'UFA 9',
      'Evaluatie van de snelle doorstroom aan het LRT voorleggen',
      'COA',
      'landelijk',
      '31 januari 2030',
      'open',
      'nee',
    ]);
  }, 120_000);

  it('secretariaat: an action with its history, next step, and a progress update refused on a stale version, then saved', async () => {
    const page = await loginAs('secretariaat');
    await page.goto(url('/acties'));
    await page.getByRole('link', { name: 'Voorstel financieringsregeling flexibele opvang voor gemeenten' }).click();
    await expect.poll(() => h1(page)).toBe('Actie 2');
    expect(await page.getByTestId('action-status').innerText()).toBe('vertraagd');
    // The history shows the status change and the extended deadline, and the ladder's next step for the new deadline.
    const history = page.locator('.rt-agenda-timeline');
    expect(await history.innerText()).toContain('Afstemming met BZK en VNG kost meer tijd');
    expect(await history.innerText()).toContain('Status: open → vertraagd');
    expect(await history.innerText()).toContain('Termijn: 15 augustus 2022 → 30 september 2022');
    expect(await page.getByTestId('next-step').innerText()).toBe('Volgende stap: Herinnering actiehouder op 1 oktober 2022.');
    expect(await page.getByText('Er is nog geen stap van de escalatieladder gezet.').count()).toBe(1);
    await checkPage(page, 'action');

    // Someone else changes the action after the page loaded it: the page's save is refused (412), nothing is lost.
    await updateAction(testServer().database.db, systemActor('test'), 2, 2, { date: '2022-10-03', text: 'Regeling in consultatie bij de VNG.' });
    const form = page.getByRole('form', { name: 'Voortgang melden' });
    await form.getByLabel('Voortgang of reden').fill('Concept besproken in het LRT; uitwerking loopt weer.');
    await form.getByLabel('Nieuwe status (niet verplicht)').selectOption('loopt');
    await form.getByRole('button', { name: 'Voortgang vastleggen' }).click();
    const conflict = page.getByRole('alert').filter({ hasText: 'Iemand anders heeft deze actie intussen gewijzigd' });
    await expect.poll(() => conflict.innerText()).toContain('Op de server staat nu versie 3.');
    await checkPage(page, 'action-conflict');
    await conflict.getByRole('button', { name: 'Opnieuw laden' }).click();
    await expect.poll(() => history.innerText()).toContain('Regeling in consultatie bij de VNG.');
    expect(await form.getByLabel('Voortgang of reden').inputValue()).toBe('Concept besproken in het LRT; uitwerking loopt weer.');

    // Saved on the current version: the history and the status follow.
    await form.getByRole('button', { name: 'Voortgang vastleggen' }).click();
    await expect.poll(() => form.getByRole('status').innerText()).toBe('De voortgang is vastgelegd.');
    await expect.poll(() => page.getByTestId('action-status').innerText()).toBe('loopt');
    expect(await history.locator('li').first().innerText()).toContain('Status: vertraagd → loopt');
    expect(await form.getByLabel('Voortgang of reden').inputValue()).toBe('');
    expect(await conflict.count()).toBe(0);

    // A new deadline in the past is refused before sending, next to the field.
    await form.getByLabel('Voortgang of reden').fill('Verlengd.');
    await form.getByLabel('Nieuwe termijn (niet verplicht)').fill('2022-01-01');
    await form.getByRole('button', { name: 'Voortgang vastleggen' }).click();
    await expect.poll(() => page.locator('#update-deadline-error').innerText()).toBe('Een nieuwe termijn mag niet in het verleden liggen.');
    await checkPage(page, 'action-errors');
  }, 120_000);

  it('secretariaat: the escalation ladder, an out-of-order level refused next to its field, then a level added', async () => {
    const page = await loginAs('secretariaat');
    await page.goto(url('/acties/ladder'));
    await expect.poll(() => h1(page)).toBe('Escalatieladder');
    await expect.poll(() => page.getByRole('table', { name: 'Niveaus van de escalatieladder' }).locator('tbody tr').count()).toBe(4);
    expect((await tableRows(page, 'Niveaus van de escalatieladder'))[1]).toEqual(['2', 'PRT-voorzitter', '14', '0', 'dag 14 na de termijn', 'Bericht aan de voorzitter van de PRT']);
    await checkPage(page, 'ladder');

    // Level 3 at 10 days comes before level 2 (14): the server's check names levels[2].afterDays, shown at that field.
    const level3 = page.getByRole('group', { name: 'Niveau 3', exact: true });
    await level3.getByLabel('Dagen na de termijn').fill('10');
    await page.getByRole('button', { name: 'Ladder opslaan' }).click();
    await expect.poll(() => page.locator('#ladder-2-afterDays-error').innerText()).toMatch(/^Niveau 3 moet later komen dan niveau 2/);
    expect(await level3.getByLabel('Dagen na de termijn').getAttribute('aria-invalid')).toBe('true');
    expect(await page.getByRole('group', { name: 'Er is een probleem' }).innerText()).toContain('Niveau 3 moet later komen dan niveau 2');
    await checkPage(page, 'ladder-error');

    // Fixed, a fifth level added (focus goes to its name), moved up and back with the keyboard's buttons, and saved.
    await level3.getByLabel('Dagen na de termijn').fill('28');
    await page.getByRole('button', { name: 'Niveau toevoegen' }).click();
    await expect.poll(() => focusedId(page)).toBe('ladder-4-name');
    await page.keyboard.type('Melding secretariaat');
    await page.getByRole('button', { name: 'Niveau 5 omhoog' }).click();
    await expect.poll(() => page.getByRole('status').filter({ hasText: 'Niveau 5 is nu niveau 4.' }).count()).toBe(1);
    expect(await focusedId(page)).toBe('ladder-3-up');
    expect(await page.getByRole('group', { name: 'Niveau 4', exact: true }).getByLabel('Naam').inputValue()).toBe('Melding secretariaat');
    await page.getByRole('button', { name: 'Niveau 4 omlaag' }).click();
    await expect.poll(() => page.getByRole('group', { name: 'Niveau 5', exact: true }).getByLabel('Naam').inputValue()).toBe('Melding secretariaat');
    await page.getByRole('button', { name: 'Ladder opslaan' }).click();
    await expect.poll(() => page.getByRole('status').filter({ hasText: 'De escalatieladder is opgeslagen.' }).count()).toBe(1);
    expect((await tableRows(page, 'Niveaus van de escalatieladder'))[4]).toEqual(['5', 'Melding secretariaat', '70', '0', 'dag 70 na de termijn', 'Melding aan het secretariaat']);

    // Other roles read the ladder but get no form.
    const member = await loginAs('lid');
    await member.goto(url('/acties/ladder'));
    await expect.poll(() => member.getByRole('table', { name: 'Niveaus van de escalatieladder' }).locator('tbody tr').count()).toBe(5);
    expect(await member.getByRole('button', { name: 'Ladder opslaan' }).count()).toBe(0);
  }, 120_000);

  it('provincie Noord-Holland: writes the missing 2022-07 report, is told what is missing, saves, submits after confirming; then read-only', async () => {
    const page = await loginAs('provincie');
    await page.goto(url('/rapportages/PV27/2022-07'));
    await expect.poll(() => h1(page)).toBe('Maandrapportage Noord-Holland, juli 2022');
    await expect.poll(() => page.getByTestId('report-status').innerText()).toBe('concept (nog niet opgeslagen)');
    // The figures are filled in by the platform, read-only: the ledger, the reception and the overdue actions.
    const figures = page.getByRole('region', { name: 'Cijfers van de maand' });
    expect(await figures.innerText()).toContain('Taakstelling 2022-II');
    expect(await figures.getByRole('link', { name: /^maatregel 8: Inventarisatie van locaties/ }).count()).toBe(1);
    expect(await figures.getByRole('textbox').count()).toBe(0);
    await checkPage(page, 'report-draft');

    // Submitting an empty report: the draft is saved, the submission refused (422) and the complaint is at its field.
    const submit = page.getByRole('button', { name: 'Indienen', exact: true });
    const confirm = page.getByRole('group', { name: 'De rapportage 2022-07 van Noord-Holland indienen?' });
    await submit.click();
    await expect.poll(() => confirm.evaluate((el) => el === document.activeElement)).toBe(true);
    await checkPage(page, 'report-confirm');
    await confirm.getByRole('button', { name: 'Ja, indienen' }).click();
    await expect.poll(() => page.locator('#report-bottlenecks-error').innerText()).toMatch(/^Beschrijf de knelpunten in de provincie/);
    expect(await page.getByRole('status').filter({ hasText: 'Het concept is wel opgeslagen.' }).count()).toBe(1);
    expect(await page.getByTestId('report-status').innerText()).toBe('concept');
    expect(await confirm.count()).toBe(0);
    await checkPage(page, 'report-incomplete');

    // Filled in: bottlenecks and one measure (the new row takes focus), saved as a draft on the current version.
    await page.getByLabel('Knelpunten', { exact: true }).fill('Te weinig flexwoningen in de regio Amsterdam; twee locaties vallen af.');
    await page.getByRole('button', { name: 'Maatregel toevoegen' }).click();
    await expect.poll(() => focusedId(page)).toBe('report-measure-0-measure');
    const row = page.getByRole('group', { name: 'Maatregel 1', exact: true });
    await row.getByLabel('Maatregel', { exact: true }).fill('Maatregel 8: flexibele opvang');
    await row.getByLabel('Voortgang', { exact: true }).fill('Drie locaties in voorbereiding, één vergunning verleend.');
    await page.getByRole('button', { name: 'Concept opslaan' }).click();
    await expect.poll(() => page.getByRole('status').filter({ hasText: 'Het concept is opgeslagen (versie 2).' }).count()).toBe(1);
    expect(await page.locator('#report-bottlenecks-error').count()).toBe(0);

    // Submitted after confirming: locked, read-only, "Ingediend op …".
    await submit.click();
    await confirm.getByRole('button', { name: 'Ja, indienen' }).click();
    const submitted = page.getByTestId('report-submitted');
    await expect.poll(() => submitted.innerText()).toMatch(/^Ingediend op \d{1,2} \p{L}+ \d{4} door provincie\.nh@regietafel\.demo\. Dat was [\d.]+ dagen na de uiterste datum\.$/u);
    await expect.poll(() => page.getByTestId('report-status').innerText()).toBe('ingediend');
    expect(await page.getByRole('main').getByRole('textbox').count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Indienen', exact: true }).count()).toBe(0);
    expect(await tableRows(page, 'Voortgang per maatregel')).toEqual([['Maatregel 8: flexibele opvang', 'Drie locaties in voorbereiding, één vergunning verleend.']]);
    expect(await page.getByRole('main').innerText()).toContain('Te weinig flexwoningen in de regio Amsterdam');
    await checkPage(page, 'report-submitted');

    // Another province's report is read-only for this user.
    await page.goto(url('/rapportages/PV28/2022-07'));
    await expect.poll(() => h1(page)).toBe('Maandrapportage Zuid-Holland, juli 2022');
    await expect.poll(() => page.getByTestId('report-status').innerText()).toBe('ingediend');
    expect(await page.getByRole('main').getByRole('textbox').count()).toBe(0);
  }, 120_000);

  it('secretariaat: the status page shows Noord-Holland 2022-07 as received, late, with rates and the overviews per month', async () => {
    const page = await loginAs('secretariaat');
    await mainNav(page).getByRole('link', { name: 'Rapportages' }).click();
    await expect.poll(() => h1(page)).toBe('Maandrapportages');
    const grid = 'Rapportages per provincie en maand';
    await expect.poll(() => page.getByRole('table', { name: grid }).locator('tbody tr').count()).toBe(12);
    const rows = await tableRows(page, grid);
    const nh = rows.find((r) => r[0] === 'Noord-Holland')!;
    // Provincie, ontvangen, volledigheid, tijdigheid, then juli, augustus, september 2022: a sign and words per cell.
    expect(nh.slice(1, 4)).toEqual(['3 / 3', '100,0 %', '66,7 %']);
    // (The province and month are there for screen readers, whose link names leave out the sign.)
    expect(nh[4]).toMatch(/^Noord-Holland, juli 2022:\s+⚠ te laat \([\d.]+ dagen\)$/);
    expect(nh[5]).toMatch(/^Noord-Holland, augustus 2022:\s+✓ op tijd$/);
    expect(rows.some((r) => r.slice(4).some((c) => c.endsWith('✗ ontbreekt')))).toBe(true);
    expect(await page.getByTestId('reports-national').innerText()).toContain('Volledigheid');
    await checkPage(page, 'status');

    // The overviews per month as HTML and PDF, and each cell leads to its report.
    const html = await page.request.get(await page.getByRole('link', { name: 'Overzicht juli 2022 (HTML)' }).getAttribute('href').then((h) => url(h!)));
    expect(html.status()).toBe(200);
    expect(await html.text()).toContain('Maandoverzicht provinciale rapportages 2022-07');
    const pdf = await page.request.get(await page.getByRole('link', { name: 'Overzicht juli 2022 (PDF)' }).getAttribute('href').then((h) => url(h!)));
    expect(pdf.status()).toBe(200);
    expect(pdf.headers()['content-type']).toBe('application/pdf');
    await page.getByRole('link', { name: /^Noord-Holland, juli 2022: te laat \([\d.]+ dagen\)$/ }).click();
    await expect.poll(() => h1(page)).toBe('Maandrapportage Noord-Holland, juli 2022');
    await expect.poll(() => page.getByTestId('report-status').innerText()).toBe('ingediend');
  }, 120_000);

  it('provincie Noord-Holland: after the escalation ran, the inbox lists notifications, unread first, marked read one by one', async () => {
    const result = await createScheduler(testServer().database.db, [escalationJob({ mail: false })]).runNow('escalatie');
    expect(result?.fired).toBeGreaterThan(0);

    const page = await loginAs('provincie');
    const inboxLink = mainNav(page).getByRole('link', { name: /^Meldingen/ });
    await expect.poll(() => inboxLink.innerText()).toMatch(/^Meldingen \(\d+ nieuw\)$/);
    const before = Number(/\((\d+) nieuw\)/.exec(await inboxLink.innerText())![1]);
    await inboxLink.click();
    await expect.poll(() => h1(page)).toBe('Meldingen');
    const list = page.getByRole('list', { name: 'Meldingen, ongelezen eerst' });
    await expect.poll(() => list.getByRole('listitem').count()).toBe(before);
    expect(await page.getByTestId('inbox-count').innerText()).toBe(`${before} ongelezen ${before === 1 ? 'melding' : 'meldingen'} van ${before}.`);
    const first = list.getByRole('listitem').first();
    expect(await first.getByRole('heading').innerText()).toMatch(/^● ongelezen\s+Herinnering/);
    await checkPage(page, 'inbox');

    // Marked read: announced, the button is gone, focus is on the notification, and the menu's count follows.
    const title = await first.getByRole('heading').locator('span[lang="nl"]').innerText();
    await first.getByRole('button', { name: `Markeer als gelezen: ${title}` }).click();
    await expect.poll(() => page.getByRole('status').filter({ hasText: `Gemarkeerd als gelezen: ${title}` }).count()).toBe(1);
    expect(await first.getByRole('button').count()).toBe(0);
    expect(await first.innerText()).not.toContain('ongelezen');
    await expect.poll(() => page.evaluate(() => document.activeElement?.tagName)).toBe('H2');
    await expect.poll(() => inboxLink.innerText()).toBe(before === 1 ? 'Meldingen' : `Meldingen (${before - 1} nieuw)`);
    expect(await page.getByTestId('inbox-count').innerText()).toContain(`van ${before}.`);
    await checkPage(page, 'inbox-marked');

    // The notification leads to its subject, where the fired steps of the ladder are listed.
    const action = list.getByRole('listitem').filter({ hasText: /actie \d+ \(maatregel/ }).first();
    await action.getByRole('link', { name: /^Bekijken: / }).click();
    await expect.poll(() => h1(page)).toMatch(/^Actie \d+$/);
    await expect.poll(() => page.getByRole('table', { name: 'Gezette stappen van de escalatieladder' }).locator('tbody tr').count()).toBeGreaterThan(0);
    await checkPage(page, 'action-escalated');
  }, 120_000);
});
