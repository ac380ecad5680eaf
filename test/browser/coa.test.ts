/**
 * COA's journey in a real headless Chromium against the real server on the demo data (figures up to 8 July 2022):
 * from the national reception page to the occupancy upload; a file with bad lines is refused line by line and the
 * national figures stay as they were (asked of the API); a good list for a new day, 9 July 2022, is read with its
 * counts; a different figure for that day is refused until the correction is chosen on purpose (by keyboard, for that
 * file only); the national page then shows 9 July with the API's own figures. COA also uploads a realisation list: a
 * line outside the half-year refuses the file, a good list adds to the municipality's realisation. Every state is
 * checked with axe-core and photographed to test-output/screenshots/coa-*.png; the journey's end state is
 * coa-journey-coa-end.png.
 */
import type { Page, Response } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { DEMO, type DemoRole } from '../helpers/auth.ts';
import { browserHarness, HAVE_CHROMIUM } from '../helpers/browser.ts';

const PASSWORD = 'Regietafel-demo-2022';
const HEADER = 'locatiecode;datum;bezetting;statushouders';
/** Every location open on 9 July 2022 (Nijmegen closed on 1 July), with a figure within its capacity. */
const DAY = [
  ['TERAPEL', 2150, 140],
  ['BUDEL', 1320, 840],
  ['GILZE', 1100, 690],
  ['ZWOLLE', 860, 555],
  ['ASSEN', 1020, 640],
  ['EMMEN', 1180, 750],
  ['UTRECHT', 1350, 815],
  ['ALMERE', 1240, 790],
  ['DENHAAG', 950, 630],
  ['MAASTRICHT', 870, 550],
  ['ARNHEM', 560, 375],
  ['DENHELDER', 260, 118],
  ['LEEUWARDEN', 760, 505],
] as const;

interface National {
  asOf: string | null;
  occupancy: number;
  capacity: number;
  permitHolders: number;
  registrationCentres: { code: string; occupancy: number | null; norm: number | null }[];
}
interface Problem {
  detail: string;
  invalidParams: { name: string; reason: string; line?: number }[];
}

describe.runIf(HAVE_CHROMIUM)('COA in Chromium: occupancy and realisation uploads', { timeout: 120_000 }, () => {
  const { url, newPage, checkPage } = browserHarness({ name: 'coa', timeoutMs: 15000 });

  const poll = <T,>(fn: () => Promise<T> | T) => expect.poll(fn, { timeout: 20_000 });
  const h1 = (page: Page) => page.getByRole('heading', { level: 1 }).innerText();
  const apiGet = <T,>(page: Page, path: string) => page.evaluate(async (p) => (await fetch(p)).json(), path) as Promise<T>;
  const nl = (n: number) => new Intl.NumberFormat('nl-NL').format(n);
  /** The next answer of an upload route, to compare the page with what the server said. */
  const uploadAnswer = (page: Page, path: string) => page.waitForResponse((r: Response) => r.url().endsWith(path) && r.request().method() === 'POST');

  async function loginAs(role: DemoRole = 'coa'): Promise<Page> {
    const page = await newPage();
    await page.goto(url('/inloggen'));
    await poll(() => h1(page)).toBe('Inloggen');
    await page.getByLabel('E-mailadres', { exact: true }).fill(DEMO[role]);
    await page.getByLabel('Wachtwoord', { exact: true }).fill(PASSWORD);
    await page.getByRole('button', { name: 'Inloggen', exact: true }).click();
    await poll(() => page.getByRole('banner').getByRole('button', { name: /^Menu van / }).count()).toBe(1);
    return page;
  }

  /** Chooses a file and sends it; returns the server's answer (status and body). */
  async function upload(page: Page, field: string, button: string, apiPath: string, name: string, content: string) {
    await page.getByLabel(field, { exact: true }).setInputFiles({ name, mimeType: 'text/csv', buffer: Buffer.from(content) });
    const answer = uploadAnswer(page, apiPath);
    await page.getByRole('button', { name: button, exact: true }).click();
    const response = await answer;
    return { status: response.status(), body: (await response.json()) as unknown };
  }

  /** The refusal as the page shows it, one item per line, and as the server sent it (line, field and reason). */
  async function refusalShown(page: Page, problem: Problem) {
    const shown = await page.locator('.rt-upload-line-errors li').allInnerTexts();
    const expected = problem.invalidParams.map((p) => {
      const [, line, field] = /^regel (\d+)(?::\s*(.*))?$/.exec(p.name)!;
      return `Regel ${line}${field ? `, ${field}` : ''}: ${p.reason.replace(/^regel \d+(?:,\s*[^:]*)?:\s*/, '')}`;
    });
    expect(shown).toEqual(expected);
    return shown;
  }

  it('coa: a refused occupancy file changes nothing, a new day is read with its counts, a correction only on purpose, and the national page shows the new day', async () => {
    const page = await loginAs();
    await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Opvang', exact: true }).click();
    await poll(() => h1(page)).toBe('Opvang');
    await page.getByRole('link', { name: 'Bezetting uploaden', exact: true }).click();
    await poll(() => h1(page)).toBe('Bezetting uploaden');
    await poll(() => page.getByTestId('occupancy-last-day').innerText()).toBe('De laatste dag met cijfers is 8 juli 2022.');
    // What a correction means is said beside the choice, which starts unticked.
    const correction = page.getByLabel('Dit bestand bevat correcties: vervang afwijkende cijfers voor dagen die al bekend zijn', { exact: true });
    expect(await correction.isChecked()).toBe(false);
    expect(await page.getByRole('group', { name: 'Correcties' }).innerText()).toContain('Het oude cijfer blijft in de audittrail. De keuze geldt voor één bestand');
    await checkPage(page, 'occupancy-form');

    // Sending without a file: the error sits on the file field and in the summary, which takes focus.
    await page.getByRole('button', { name: 'Bezetting uploaden', exact: true }).click();
    const fileField = page.getByLabel('Bestand (CSV of Excel)', { exact: true });
    await poll(() => fileField.getAttribute('aria-invalid')).toBe('true');
    await poll(() => page.evaluate(() => document.activeElement?.textContent ?? '')).toContain('Kies een bestand.');

    // A file with four bad lines and one good one: refused whole, every bad line named, nothing stored.
    const before = await apiGet<National>(page, '/api/v1/reception');
    expect(before.asOf).toBe('2022-07-08');
    const bad = `${HEADER}\nTERAPEL;2022-07-09;2150;140\nONBEKEND;2022-07-09;10;\nBUDEL;2022-07-09;veel;10\nGILZE;9-7-2022;500;600\nNIJMEGEN;2022-07-09;5;\n`;
    const refused = await upload(page, 'Bestand (CSV of Excel)', 'Bezetting uploaden', '/api/v1/reception/occupancy/uploads', 'bezetting-fout.csv', bad);
    expect(refused.status).toBe(422);
    await poll(() => page.getByText('Het bestand is niet ingelezen', { exact: true }).count()).toBe(1);
    expect(await page.getByText('4 fouten in het bestand', { exact: true }).count()).toBe(1);
    const lines = await refusalShown(page, refused.body as Problem);
    expect(lines.map((l) => l.split(':')[0])).toEqual(['Regel 3, locatiecode', 'Regel 4, bezetting', 'Regel 5, statushouders', 'Regel 6, datum']);
    // The file field carries the refusal too, so it is read out when the field has focus again.
    expect(await fileField.getAttribute('aria-invalid')).toBe('true');
    const described = (await fileField.getAttribute('aria-describedby'))!.split(' ');
    const fieldError = await page.evaluate((ids) => ids.map((id) => document.getElementById(id)?.textContent ?? '').join(' '), described);
    expect(fieldError).toContain('Dit bestand is afgekeurd: 4 fouten, zie de lijst onder het formulier.');
    // Focus went to the outcome, which starts with the refusal.
    expect(await page.evaluate(() => document.activeElement?.textContent ?? '')).toMatch(/^Het bestand is niet ingelezen/);
    await checkPage(page, 'occupancy-refused');
    expect(await apiGet<National>(page, '/api/v1/reception')).toEqual(before);

    // The day's list for every open location: read, all new.
    const good = `${HEADER}\n${DAY.map(([code, occupancy, holders]) => `${code};2022-07-09;${occupancy};${holders}`).join('\n')}\n`;
    const read = await upload(page, 'Bestand (CSV of Excel)', 'Bezetting uploaden', '/api/v1/reception/occupancy/uploads', 'bezetting-2022-07-09.csv', good);
    expect(read.status).toBe(201);
    expect(read.body).toMatchObject({ alreadyUploaded: false, lineCount: 13, newCount: 13, correctedCount: 0, unchangedCount: 0 });
    await poll(() => page.getByTestId('occupancy-upload-summary').innerText()).toBe('13 regels gelezen: 13 nieuw, 0 gecorrigeerd, 0 ongewijzigd.');
    expect(await page.locator('.rt-upload-line-errors').count()).toBe(0);
    expect(await fileField.getAttribute('aria-invalid')).toBeNull();
    await poll(() => page.getByTestId('occupancy-last-day').innerText()).toBe('De laatste dag met cijfers is 9 juli 2022.');
    await checkPage(page, 'occupancy-read');

    // The same file again: known, nothing changes.
    await page.getByRole('button', { name: 'Bezetting uploaden', exact: true }).click();
    await poll(() => page.getByTestId('occupancy-upload-summary').innerText()).toBe('Hetzelfde bestand (13 regels) is eerder ingelezen. Er is niets gewijzigd.');

    // Another figure for Ter Apel on 9 July is refused without the correction choice, naming what is recorded…
    const fix = `${HEADER}\nTERAPEL;2022-07-09;2160;140\n`;
    const notOnPurpose = await upload(page, 'Bestand (CSV of Excel)', 'Bezetting uploaden', '/api/v1/reception/occupancy/uploads', 'correctie.csv', fix);
    expect(notOnPurpose.status).toBe(422);
    const conflict = await refusalShown(page, notOnPurpose.body as Problem);
    expect(conflict).toEqual(['Regel 2, bezetting: voor TERAPEL op 2022-07-09 is al 2150 vastgelegd (statushouders 140); een correctie moet als correctie worden ingelezen.']);
    expect((await apiGet<National>(page, '/api/v1/reception')).registrationCentres.find((c) => c.code === 'TERAPEL')!.occupancy).toBe(2150);

    // …and read as a correction when it is chosen, by keyboard: from the file field Tab to the choice, Space, Tab, Enter.
    await fileField.setInputFiles({ name: 'correctie.csv', mimeType: 'text/csv', buffer: Buffer.from(fix) });
    await fileField.focus();
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('occupancy-correction');
    await page.keyboard.press('Space');
    expect(await correction.isChecked()).toBe(true);
    // The tick is white: a ticked box must be filled, or it looks exactly like an empty one.
    expect(await correction.evaluate((el) => getComputedStyle(el).backgroundColor)).toBe('rgb(31, 78, 121)');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Bezetting uploaden');
    const answer = uploadAnswer(page, '/api/v1/reception/occupancy/uploads');
    await page.keyboard.press('Enter');
    const corrected = await answer;
    expect(corrected.status()).toBe(201);
    expect(await corrected.json()).toMatchObject({ lineCount: 1, newCount: 0, correctedCount: 1, unchangedCount: 0 });
    await poll(() => page.getByTestId('occupancy-upload-summary').innerText()).toBe('1 regel gelezen: 0 nieuw, 1 gecorrigeerd, 0 ongewijzigd.');
    // The choice held for that file only.
    expect(await correction.isChecked()).toBe(false);
    await checkPage(page, 'occupancy-corrected');

    // The national page now shows 9 July, with the API's own figures.
    const after = await apiGet<National>(page, '/api/v1/reception');
    expect(after.asOf).toBe('2022-07-09');
    expect(after.occupancy).toBe(DAY.reduce((s, [, o]) => s + o, 0) + 10);
    expect(after.permitHolders).toBe(DAY.reduce((s, [, , h]) => s + h, 0));
    await page.getByRole('link', { name: 'Bekijk het landelijke beeld met de nieuwe cijfers' }).click();
    await poll(() => h1(page)).toBe('Opvang');
    await poll(() => page.getByTestId('as-of').innerText()).toBe('Cijfers van 9 juli 2022.');
    const figures = await page.getByTestId('key-figures').innerText();
    expect(figures).toContain(`${nl(after.occupancy)} van ${nl(after.capacity)} plaatsen`);
    expect(figures).toContain(`${nl(after.permitHolders)} statushouders`);
    const terApel = after.registrationCentres.find((c) => c.code === 'TERAPEL')!;
    expect(terApel.occupancy).toBe(2160);
    expect(figures).toMatch(new RegExp(`Aanmeldcentrum Ter Apel\\s+${nl(2160).replace('.', '\\.')} bewoners, norm ${nl(terApel.norm!).replace('.', '\\.')}`));
    await checkPage(page, 'journey-coa-end');
  }, 120_000);

  it('coa: a realisation list with a line outside the half-year is refused whole; a good list adds to the municipality’s realisation', async () => {
    const page = await loginAs();
    await page.goto(url('/taakstelling/overzicht'));
    await poll(() => h1(page)).toBe('Overzicht taakstelling en toezicht');
    await page.getByRole('link', { name: 'Realisatielijst uploaden', exact: true }).click();
    await poll(() => h1(page)).toBe('Realisatielijst uploaden');
    expect(await page.getByLabel('Halfjaar', { exact: true }).inputValue()).toBe('2022-II');
    await checkPage(page, 'realisation-form');

    const ledger = async () => (await apiGet<{ ledger: { periods: { period: string; realised: number }[] } }>(page, '/api/v1/ledger/GM0363?asOf=2022-12-31')).ledger;
    const realisedBefore = (await ledger()).periods.find((p) => p.period === '2022-II')!.realised;

    const bad = 'gemeentecode;datum;personen;huishoudgrootte\nGM0363;2022-11-14;3;3\nGM0363;2022-06-30;2;2\n';
    const refused = await upload(page, 'Bestand (CSV of Excel)', 'Realisatielijst uploaden', '/api/v1/realisations/uploads', 'realisaties-fout.csv', bad);
    expect(refused.status).toBe(422);
    const lines = await refusalShown(page, refused.body as Problem);
    expect(lines).toEqual(['Regel 3, datum: 2022-06-30 valt buiten de periode 2022-07-01 t/m 2022-12-31.']);
    await checkPage(page, 'realisation-refused');
    expect((await ledger()).periods.find((p) => p.period === '2022-II')!.realised).toBe(realisedBefore);

    const good = 'gemeentecode;datum;personen;huishoudgrootte\nGM0363;2022-11-14;3;3\nGM0363;15-11-2022;2;2\n';
    const read = await upload(page, 'Bestand (CSV of Excel)', 'Realisatielijst uploaden', '/api/v1/realisations/uploads', 'realisaties.csv', good);
    expect(read.status).toBe(201);
    await poll(() => page.getByTestId('realisation-upload-summary').innerText()).toBe('2 regels gelezen voor 2022-II: 2 nieuw, 0 al bekend.');
    await checkPage(page, 'realisation-read');
    expect((await ledger()).periods.find((p) => p.period === '2022-II')!.realised).toBe(realisedBefore + 5);
  }, 120_000);

  it('secretariaat: no upload links for what only COA reports, and "Geen toegang" at their addresses', async () => {
    const page = await loginAs('secretariaat');
    await page.goto(url('/opvang'));
    await poll(() => page.getByTestId('as-of').count()).toBe(1);
    expect(await page.getByRole('link', { name: 'Bezetting uploaden' }).count()).toBe(0);
    await page.goto(url('/taakstelling/overzicht'));
    await poll(() => h1(page)).toBe('Overzicht taakstelling en toezicht');
    expect(await page.getByRole('link', { name: 'Realisatielijst uploaden' }).count()).toBe(0);
    for (const path of ['/opvang/bezetting-uploaden', '/taakstelling/realisaties-uploaden']) {
      await page.goto(url(path));
      await poll(() => h1(page)).toBe('Geen toegang');
      expect(await page.locator('input[type="file"]').count(), path).toBe(0);
    }
  }, 120_000);
});
