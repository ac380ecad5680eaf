/**
 * The meetings and the public Woo minutes in a real headless Chromium against the real server on the demo data: the
 * LRT meeting of 8 July 2022 (attendance with substitutes), its minutes approved on 26 August 2022 and published under
 * the Woo; then the secretariat's whole journey with a meeting of its own (16 September 2022, approved on 14 October
 * 2022, dates the demo does not use). Every page state is checked with axe-core and for CSP violations, and
 * photographed to test-output/screenshots/meetings-*.png.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { systemActor } from '../../src/features/audit/audit.ts';
import { escalationJob } from '../../src/features/agenda/escalation.ts';
import { getMinutes, updateMinutes } from '../../src/features/meetings/service.ts';
import { createScheduler } from '../../src/platform/jobs/scheduler.ts';
import { DEMO } from '../helpers/auth.ts';
import { browserHarness, HAVE_CHROMIUM } from '../helpers/browser.ts';

const PASSWORD = 'Regietafel-demo-2022';
const TITLE = 'Verslag Landelijke Regietafel Migratie en Integratie 8 juli 2022';

// regions.test.ts already fails loudly in CI without Chromium; here we only skip.
describe.runIf(HAVE_CHROMIUM)('meetings and public Woo minutes in Chromium', { timeout: 120_000 }, () => {
  const { url, newPage, checkPage, testServer } = browserHarness({ name: 'meetings', timeoutMs: 15000 });

  const h1 = (page: Page) => page.getByRole('heading', { level: 1 }).innerText();
  const mainNav = (page: Page) => page.getByRole('navigation', { name: 'Hoofdmenu' });

  async function signIn(page: Page, email: string) {
    await page.goto(url('/inloggen'));
    await expect.poll(() => h1(page)).toBe('Inloggen');
    await page.getByLabel('E-mailadres').fill(email);
    await page.getByLabel('Wachtwoord').fill(PASSWORD);
    await page.getByRole('button', { name: 'Inloggen', exact: true }).click();
    await expect.poll(() => page.getByRole('banner').getByRole('button', { name: /^Menu van / }).count()).toBe(1);
  }

  it('anonymous: "Openbare verslagen" in the menu lists the published demo minutes with their documents', async () => {
    const page = await newPage();
    // The title as the public API gives it.
    const api = await page.request.get(url('/api/v1/woo/publications'));
    expect(api.status()).toBe(200);
    const items = ((await api.json()) as { items: { id: number; title: string; sha256: string }[] }).items;
    const pub = items.find((p) => p.title === TITLE)!;
    expect(pub).toBeDefined();

    await page.goto(url('/'));
    await mainNav(page).getByRole('link', { name: 'Openbare verslagen' }).click();
    await page.waitForURL(/\/openbaar\/verslagen$/);
    await expect.poll(() => h1(page)).toBe('Openbare verslagen (Woo)');
    const table = page.getByRole('table', { name: 'Openbaar gemaakte verslagen', exact: true });
    const row = table.locator('tbody tr').filter({ hasText: TITLE });
    await expect.poll(() => row.count()).toBe(1);
    expect(await row.locator('abbr').getAttribute('title')).toBe(`SHA-256: ${pub.sha256}`);
    expect(await row.getByRole('link', { name: `${TITLE} als HTML` }).getAttribute('href')).toBe(`/api/v1/woo/publications/${pub.id}?format=html`);
    expect(await row.getByRole('link', { name: `${TITLE} als PDF` }).getAttribute('href')).toBe(`/api/v1/woo/publications/${pub.id}?format=pdf`);
    expect(await row.getByRole('link', { name: `${TITLE} als Metadata (JSON)` }).getAttribute('href')).toBe(`/api/v1/woo/publications/${pub.id}`);
    await checkPage(page, 'public');

    // The public's journey ends in the verslag itself (after the map, ledger.test.ts): the published HTML, as published.
    await row.getByRole('link', { name: `${TITLE} als HTML` }).click();
    await page.waitForURL((u) => u.pathname === `/api/v1/woo/publications/${pub.id}`);
    await expect.poll(() => h1(page)).toBe(TITLE);
    await checkPage(page, 'journey-publiek-end');
  });

  it('secretariaat: the meeting of 8 juli 2022 with its attendance and substitutes, and the Woo review', async () => {
    const page = await newPage();
    await signIn(page, DEMO.secretariaat);

    await mainNav(page).getByRole('link', { name: 'Vergaderingen' }).click();
    await expect.poll(() => h1(page)).toBe('Vergaderingen');
    await expect.poll(() => page.getByRole('table', { name: 'Vergaderingen', exact: true }).locator('tbody tr').count()).toBeGreaterThanOrEqual(3);
    await checkPage(page, 'list');

    await page.getByRole('link', { name: 'Landelijke Regietafel Migratie en Integratie, 8 juli 2022' }).click();
    await expect.poll(() => h1(page)).toBe('Landelijke Regietafel Migratie en Integratie, 8 juli 2022');
    const attendance = page.getByRole('table', { name: 'Aanwezigheid', exact: true });
    await expect.poll(() => attendance.locator('tbody tr').filter({ hasText: 'vervangen door' }).count()).toBeGreaterThanOrEqual(3);
    // The approved minutes: the secretariat sees the proposed redactions, each with a decision.
    const proposals = page.getByRole('table', { name: 'Voorgestelde weglakkingen', exact: true });
    await expect.poll(() => proposals.locator('tbody tr').count()).toBeGreaterThan(0);
    await checkPage(page, 'meeting');
  });

  it('lid: reads the meetings but sees none of the secretariat’s forms, and cannot open them by address', async () => {
    const page = await newPage();
    await signIn(page, DEMO.lid);
    await mainNav(page).getByRole('link', { name: 'Vergaderingen' }).click();
    await expect.poll(() => page.getByRole('table', { name: 'Vergaderingen', exact: true }).locator('tbody tr').count()).toBeGreaterThanOrEqual(3);
    expect(await page.getByRole('link', { name: 'Nieuwe vergadering' }).count()).toBe(0);
    await page.getByRole('link', { name: 'Landelijke Regietafel Migratie en Integratie, 8 juli 2022' }).click();
    await expect.poll(() => page.getByRole('table', { name: 'Aanwezigheid', exact: true }).locator('tbody tr').count()).toBeGreaterThan(0);
    expect(await page.getByRole('button', { name: 'Aanwezigheid vastleggen' }).count()).toBe(0);
    expect(await page.getByRole('button', { name: /Notulen opstellen|Nieuwe versie/ }).count()).toBe(0);
    expect(await page.getByRole('link', { name: /^Notulen versie \d+ bewerken$/ }).count()).toBe(0);
    await page.goto(url('/vergaderingen/nieuw'));
    await expect.poll(() => h1(page)).toBe('Geen toegang');
  });

  it('secretariaat: new LRT meeting → attendance with a substitute for two members and a guest → minutes → sent → approved in a later meeting → Woo review → public, without the civil servant’s name', async () => {
    const LRT = 'Landelijke Regietafel Migratie en Integratie';
    const db = testServer().database.db;
    // Escalated actions waiting for the next LRT agenda: the escalation job as the scheduler ran it in September 2022.
    await createScheduler(db, [escalationJob({ mail: false })], { clock: () => new Date('2022-09-10T10:00:00Z') }).runNow('escalatie');
    const waiting = await db.selectFrom('lrt_agenda_proposal').select('title').where('meeting_id', 'is', null).orderBy('id').execute();
    expect(waiting.length).toBeGreaterThan(0);

    const page = await newPage();
    await signIn(page, DEMO.secretariaat);
    // Our dates are free in the demo data.
    const before = ((await (await page.request.get(url('/api/v1/meetings'))).json()) as { items: { date: string }[] }).items.map((x) => x.date);
    expect(before).not.toContain('2022-09-16');
    expect(before).not.toContain('2022-10-14');

    // 1. "Nieuwe vergadering": two agenda items, put in order with the keyboard, one with a document.
    await mainNav(page).getByRole('link', { name: 'Vergaderingen' }).click();
    await expect.poll(() => h1(page)).toBe('Vergaderingen');
    await page.getByRole('link', { name: 'Nieuwe vergadering' }).click();
    await expect.poll(() => h1(page)).toBe('Nieuwe vergadering');
    await page.getByRole('button', { name: 'Vergadering vastleggen' }).click();
    const summary = page.locator('.rt-error-summary');
    await expect.poll(() => summary.innerText()).toContain('Kies het overleg.');
    expect(await summary.innerText()).toContain('Vul de titel van agendapunt 1 in.');
    await checkPage(page, 'new-meeting-errors');
    await page.getByLabel('Overleg').selectOption({ label: LRT });
    await page.getByLabel('Datum').fill('2022-09-16');
    await page.getByLabel('Plaats').fill('Den Haag');
    const item = (n: number) => page.getByRole('group', { name: `Agendapunt ${n}`, exact: true });
    await item(1).getByLabel('Titel', { exact: true }).fill('Huisvesting statushouders');
    await page.getByRole('button', { name: 'Agendapunt toevoegen' }).click();
    await item(2).getByLabel('Titel', { exact: true }).fill('Opening en mededelingen');
    await page.getByRole('button', { name: 'Agendapunt 2 omhoog' }).press('Enter');
    expect(await item(1).getByLabel('Titel', { exact: true }).inputValue()).toBe('Opening en mededelingen');
    // The focus stays with the moved item: at the top its "omhoog" is gone, so it is on its "omlaag".
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe('Agendapunt 1 omlaag');
    await page.getByRole('button', { name: 'Stuk toevoegen bij agendapunt 2' }).click();
    await item(2).getByLabel('Titel van stuk 1').fill('Notitie huisvesting statushouders');
    await item(2).getByLabel('Kenmerk of vindplaats van stuk 1').fill('BZK-2022-0916');
    await checkPage(page, 'new-meeting');
    await page.getByRole('button', { name: 'Vergadering vastleggen' }).click();
    await page.waitForURL(/\/vergaderingen\/\d+$/);
    const meetingId = Number(/\/vergaderingen\/(\d+)$/.exec(page.url())![1]);
    await expect.poll(() => h1(page)).toBe(`${LRT}, 16 september 2022`);
    // The server put the escalated actions after our two items; the page names them.
    const created = page.getByRole('status').filter({ hasText: 'De vergadering is vastgelegd.' });
    await expect.poll(() => created.innerText()).toContain(`Uit de escalatieladder ${waiting.length === 1 ? 'is 1 agendapunt' : `zijn ${waiting.length} agendapunten`} toegevoegd:`);
    expect(await created.getByRole('listitem').allInnerTexts()).toEqual(waiting.map((w, i) => `${i + 3}. Escalatie: ${w.title}`));
    const agenda = page.getByRole('list', { name: 'Agenda' });
    expect((await agenda.locator(':scope > li').allInnerTexts()).slice(0, 2).map((t) => t.split('\n')[0])).toEqual(['Opening en mededelingen', 'Huisvesting statushouders']);
    expect(await agenda.innerText()).toContain('(BZK-2022-0916)');
    await checkPage(page, 'new-meeting-created');

    // 2. Attendance: two people the register does not know yet, a civil servant and a mayor.
    const toggle = page.getByRole('button', { name: 'Aanwezigheid vastleggen' });
    await toggle.click();
    expect(await toggle.getAttribute('aria-expanded')).toBe('true');
    const personForm = page.getByRole('form', { name: 'Persoon toevoegen aan het register' });
    async function addPerson(p: { title: string; initials: string; surname: string; organisation: string; fn: string; publicOffice: boolean }) {
      await personForm.getByLabel('Aanhef').selectOption(p.title);
      await personForm.getByLabel('Voorletters').fill(p.initials);
      await personForm.getByLabel('Achternaam').fill(p.surname);
      await personForm.getByLabel('Organisatie', { exact: true }).fill(p.organisation);
      await personForm.getByLabel('Functie').fill(p.fn);
      if (p.publicOffice) {
        // A mayor is usually a public office: the form says so, the secretariat decides by ticking the box.
        await expect.poll(() => personForm.getByRole('status').first().innerText()).toContain('is meestal een publiek ambt');
        await personForm.getByLabel(/Politiek ambtsdrager of bestuurder/).check();
      }
      await personForm.getByRole('button', { name: 'Persoon toevoegen' }).click();
      await expect.poll(() => personForm.getByRole('status').last().innerText()).toBe(`${p.title} ${p.surname} staat nu in het register en is te kiezen als vervanger of gast.`);
    }
    await addPerson({ title: 'Mw.', initials: 'T.', surname: 'Oosterhuis', organisation: 'BZK', fn: 'programmadirecteur Huisvesting', publicOffice: false });
    await addPerson({ title: 'Dhr.', initials: 'P.', surname: 'Zwanenburg', organisation: 'Gemeente Zwolle', fn: 'burgemeester', publicOffice: true });

    const attendanceForm = page.getByRole('form', { name: 'Aanwezigheid vastleggen' });
    const gennip = attendanceForm.getByRole('group', { name: 'Mw. Van Gennip (MSZW)' });
    const jonge = attendanceForm.getByRole('group', { name: 'Dhr. De Jonge (MVRO)' });
    await gennip.getByLabel('Aanwezigheid').selectOption('vervangen');
    await attendanceForm.getByRole('button', { name: 'Aanwezigheid opslaan' }).click();
    await expect.poll(() => gennip.locator('.rt-field-error').innerText()).toBe('Kies door wie Mw. Van Gennip is vervangen.');
    const oosterhuis = 'Mw. Oosterhuis – BZK, programmadirecteur Huisvesting';
    await gennip.getByLabel('Vervangen door').selectOption({ label: oosterhuis });
    await jonge.getByLabel('Aanwezigheid').selectOption('vervangen');
    await jonge.getByLabel('Vervangen door').selectOption({ label: oosterhuis });
    await jonge.getByLabel('Opmerking').fill('vervangt tevens Mw. Van Gennip');
    await attendanceForm.getByRole('button', { name: 'Gast toevoegen' }).click();
    await attendanceForm.getByLabel('Gast 1: persoon').selectOption({ label: 'Dhr. Zwanenburg – Gemeente Zwolle, burgemeester' });
    await checkPage(page, 'attendance-form');
    await attendanceForm.getByRole('button', { name: 'Aanwezigheid opslaan' }).click();
    await expect.poll(() => attendanceForm.getByRole('status').last().innerText()).toBe('De aanwezigheid is opgeslagen.');
    const attendance = page.getByRole('table', { name: 'Aanwezigheid', exact: true });
    await expect.poll(() => attendance.locator('tbody tr').filter({ hasText: 'vervangen door Mw. Oosterhuis' }).count()).toBe(2);
    expect(await attendance.locator('tbody tr').filter({ hasText: 'Dhr. Zwanenburg' }).innerText()).toContain('gast');

    // 3. Minutes: a point, a decision and an action, saved with the version they build on.
    await page.getByRole('button', { name: 'Notulen opstellen' }).click();
    await page.waitForURL(/\/vergaderingen\/\d+\/notulen\/\d+$/);
    const minutesId = Number(/\/notulen\/(\d+)$/.exec(page.url())![1]);
    await expect.poll(() => h1(page)).toBe(`Notulen ${LRT}, 16 september 2022`);
    const housing = page.getByRole('region', { name: '2. Huisvesting statushouders' });
    await housing.getByLabel('Bespreekpunt 1', { exact: true }).fill('Mw. Oosterhuis licht de stand van de huisvesting toe. Dhr. Zwanenburg vertelt hoe Zwolle statushouders huisvest. Dhr. Kuipers was ook uitgenodigd.');
    await housing.getByLabel('Besluit 1', { exact: true }).fill('De leden stemmen in met de aanpak van de huisvesting.');
    await housing.getByRole('button', { name: 'Actie toevoegen bij agendapunt 2' }).click();
    const action = housing.getByRole('group', { name: 'Actie 1', exact: true });
    await action.getByLabel('Omschrijving').fill('Overzicht van de beschikbare woningen voor statushouders opstellen');
    await action.getByLabel('Organisatie van de actiehouder').fill('BZK');
    await action.getByLabel('Actiehouder (persoon)').fill('Mw. Oosterhuis');
    await action.getByLabel('Termijn').fill('2022-10-31');
    await page.getByRole('button', { name: 'Notulen opslaan' }).click();
    await expect.poll(() => page.locator('.rt-status-line').filter({ hasText: 'opgeslagen' }).innerText()).toBe('De notulen zijn opgeslagen.');
    await checkPage(page, 'minutes-editor');

    // Someone else saves meanwhile: our next save changes nothing (412) and says so in Dutch; reloading shows theirs.
    const current = await getMinutes(db, minutesId);
    const theirs = current.items.map((it) => (it.number === 1 ? { ...it, points: ['De voorzitter opent de vergadering.'] } : it));
    await updateMinutes(db, systemActor('test'), minutesId, current.rowVersion, theirs);
    const opening = page.getByRole('region', { name: '1. Opening en mededelingen' });
    await opening.getByLabel('Bespreekpunt 1', { exact: true }).fill('Er zijn geen mededelingen.');
    await page.getByRole('button', { name: 'Notulen opslaan' }).click();
    const conflict = page.getByRole('alert').filter({ hasText: 'Iemand anders heeft deze notulen intussen gewijzigd' });
    await expect.poll(() => conflict.innerText()).toContain(`Uw wijziging is niet opgeslagen. Op de server staat nu versie ${current.rowVersion + 1}.`);
    await checkPage(page, 'minutes-conflict');
    await conflict.getByRole('button', { name: 'Opnieuw laden' }).click();
    await expect.poll(() => opening.getByLabel('Bespreekpunt 1', { exact: true }).inputValue()).toBe('De voorzitter opent de vergadering.');
    expect(await housing.getByLabel('Besluit 1', { exact: true }).inputValue()).toBe('De leden stemmen in met de aanpak van de huisvesting.');

    // 4. Send to the members, after a confirmation: the action enters the action agenda.
    await page.getByRole('button', { name: 'Versturen aan leden' }).click();
    const confirmSend = page.getByRole('group', { name: 'Notulen versturen aan de leden?' });
    await expect.poll(() => confirmSend.innerText()).toContain('De actie komt daarna op de actieagenda.');
    await checkPage(page, 'minutes-confirm-send');
    await confirmSend.getByRole('button', { name: 'Ja, versturen' }).click();
    await expect.poll(() => page.getByRole('status').filter({ hasText: 'De notulen zijn verstuurd aan de leden.' }).count()).toBe(1);
    expect(await page.getByRole('status').filter({ hasText: 'De notulen zijn verstuurd aan de leden.' }).innerText()).toContain('1 actie staat nu op de actieagenda.');
    const actionLink = page.getByRole('link', { name: /^actie \d+ op de actieagenda$/ });
    const actionId = Number(/\/acties\/(\d+)$/.exec((await actionLink.getAttribute('href'))!)![1]);
    const inAgenda = (await (await page.request.get(url('/api/v1/actions?holder=BZK'))).json()) as { items: { id: number; description: string; deadline: string }[] };
    expect(inAgenda.items.find((a) => a.id === actionId)).toMatchObject({ description: 'Overzicht van de beschikbare woningen voor statushouders opstellen', deadline: '2022-10-31' });
    await checkPage(page, 'minutes-sent');

    // 5. A later LRT meeting, then approve the minutes in it.
    const approve = page.getByRole('region', { name: 'Vaststellen' });
    await expect.poll(() => approve.innerText()).toContain('Er is nog geen latere vergadering van dit overleg.');
    await approve.getByRole('link', { name: 'Nieuwe vergadering' }).click();
    await expect.poll(() => h1(page)).toBe('Nieuwe vergadering');
    await page.getByLabel('Overleg').selectOption({ label: LRT });
    await page.getByLabel('Datum').fill('2022-10-14');
    await item(1).getByLabel('Titel', { exact: true }).fill('Vaststelling verslag 16 september 2022');
    await page.getByRole('button', { name: 'Vergadering vastleggen' }).click();
    await expect.poll(() => h1(page)).toBe(`${LRT}, 14 oktober 2022`);
    // The waiting escalations went to the meeting of 16 September; none are added twice.
    expect(await page.getByRole('status').filter({ hasText: 'De vergadering is vastgelegd.' }).getByRole('listitem').count()).toBe(0);

    await page.goto(url(`/vergaderingen/${meetingId}`));
    await expect.poll(() => h1(page)).toBe(`${LRT}, 16 september 2022`);
    await page.getByRole('link', { name: 'Notulen versie 1 bewerken' }).click();
    await expect.poll(() => h1(page)).toBe(`Notulen ${LRT}, 16 september 2022`);
    await approve.getByRole('button', { name: 'Vaststellen' }).click();
    await expect.poll(() => approve.locator('.rt-field-error').innerText()).toBe('Kies de vergadering waarin de notulen zijn vastgesteld.');
    await approve.getByLabel('Vastgesteld in de vergadering van').selectOption({ label: '14 oktober 2022' });
    await approve.getByRole('button', { name: 'Vaststellen' }).click();
    const confirmApprove = page.getByRole('group', { name: 'Notulen vaststellen?' });
    await expect.poll(() => confirmApprove.innerText()).toContain('14 oktober 2022');
    await confirmApprove.getByRole('button', { name: 'Ja, vaststellen' }).click();
    const approvedNotice = page.getByRole('status').filter({ hasText: 'De notulen zijn vastgesteld in de vergadering van 14 oktober 2022.' });
    await expect.poll(() => approvedNotice.count()).toBe(1);
    await checkPage(page, 'minutes-approved');

    // 6. The Woo review: register names are proposed for redaction; a possible name needs a choice.
    await approvedNotice.getByRole('link', { name: 'Naar de vergadering, voor de Woo-beoordeling' }).click();
    await expect.poll(() => h1(page)).toBe(`${LRT}, 16 september 2022`);
    const proposals = page.getByRole('table', { name: 'Voorgestelde weglakkingen', exact: true });
    await expect.poll(() => proposals.locator('tbody tr').filter({ hasText: 'Mw. Oosterhuis' }).count()).toBeGreaterThanOrEqual(3);
    expect(await proposals.innerText()).not.toContain('Zwanenburg');
    await page.getByRole('button', { name: 'Beoordeling vastleggen' }).click();
    await expect.poll(() => page.locator('.rt-error-summary').innerText()).toContain('Kies of “Dhr. Kuipers” wordt weggelakt.');
    await page.getByRole('group', { name: 'Besluit over “Dhr. Kuipers”' }).getByLabel('Leesbaar laten').check();
    await page.getByRole('button', { name: 'Beoordeling vastleggen' }).click();
    await expect.poll(() => page.getByRole('status').filter({ hasText: /^Beoordeling \d+ vastgelegd/ }).innerText()).toMatch(/weggelakt, 1 leesbaar gelaten\.$/);
    await page.getByRole('button', { name: 'Publiceren', exact: true }).click();
    await page.getByRole('group', { name: 'Verslag openbaar maken?' }).getByRole('button', { name: 'Ja, publiceren' }).click();
    const title = `Verslag ${LRT} 16 september 2022`;
    await expect.poll(() => page.getByRole('status').filter({ hasText: 'is openbaar gemaakt' }).innerText()).toContain(`“${title}” is openbaar gemaakt.`);
    await checkPage(page, 'woo-published');

    // 7. Anyone sees it without logging in; the civil servant’s name is redacted, the mayor’s and the guess stay.
    const visitor = await newPage();
    await visitor.goto(url('/openbaar/verslagen'));
    await expect.poll(() => h1(visitor)).toBe('Openbare verslagen (Woo)');
    const row = visitor.getByRole('table', { name: 'Openbaar gemaakte verslagen', exact: true }).locator('tbody tr').filter({ hasText: title });
    await expect.poll(() => row.count()).toBe(1);
    const href = await row.getByRole('link', { name: `${title} als HTML` }).getAttribute('href');
    const html = await (await visitor.request.get(url(href!))).text();
    expect(html).toContain('5.1.2e');
    expect(html).not.toContain('Oosterhuis');
    expect(html).toContain('Zwanenburg');
    expect(html).toContain('Kuipers');
    expect(html).toContain('De leden stemmen in met de aanpak van de huisvesting.');
    await checkPage(visitor, 'public-new');
  }, 180_000);
});
