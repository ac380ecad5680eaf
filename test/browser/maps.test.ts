/**
 * The maps page (/kaarten) in Chromium against the demo data: anonymously the published taakstelling map of 2022-I
 * (345 municipalities, legend counts = the map's classes = the table's), an area focused with the keyboard and its
 * details in the live region, the arrow keys to the next one, and 2023-I without boundaries (the message, no map);
 * as the secretariat the backlog per 1,000 inhabitants and the reception places against the share per province,
 * whose bar chart's CSV equals its table. axe-core, CSP and a screenshot on every state.
 */
import fs from 'node:fs';
import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { DEMO } from '../helpers/auth.ts';
import { browserHarness, HAVE_CHROMIUM } from '../helpers/browser.ts';

describe.runIf(HAVE_CHROMIUM)('maps page in Chromium', { timeout: 120_000 }, () => {
  const { url, newPage, checkPage, signedInPage } = browserHarness({ name: 'maps', timeoutMs: 15000, acceptDownloads: true });

  const h1 = (page: Page) => page.getByRole('heading', { level: 1 }).innerText();
  const rowsOf = (table: Locator) =>
    table.locator('tbody tr').evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll('th, td')].map((c) => (c as HTMLElement).innerText.trim())));

  /** The classes three ways: the map's areas, the legend's counts, the table's class column (by the legend's words). */
  async function classesAgree(page: Page, expectedAreas: number) {
    const frame = page.getByTestId('map-frame');
    const areas = frame.locator('path.rt-choropleth__area');
    await expect.poll(() => areas.count()).toBe(expectedAreas);
    const onMap = await areas.evaluateAll((ps) => ps.map((p) => p.getAttribute('data-class') ?? ''));
    const legend = await frame.locator('.rt-choropleth-legend li').evaluateAll((lis) =>
      lis.map((li) => {
        const text = (li.textContent ?? '').trim();
        const m = /^(.*) \((\d+)\)$/.exec(text);
        return { key: (li as HTMLElement).dataset.class ?? '', label: m?.[1] ?? text, count: Number(m?.[2] ?? -1) };
      }),
    );
    const mapCount = (key: string) => onMap.filter((k) => k === key).length;
    for (const entry of legend) expect(entry.count, entry.key).toBe(mapCount(entry.key));
    expect(legend.reduce((s, e) => s + e.count, 0)).toBe(expectedAreas);

    await frame.getByRole('button', { name: 'Toon als tabel' }).click();
    const table = frame.getByRole('table');
    const rows = await rowsOf(table);
    const inTable = (label: string) => rows.filter((r) => r.at(-1) === label).length;
    for (const entry of legend.filter((e) => e.key !== 'geen-gegevens')) expect(inTable(entry.label), entry.key).toBe(entry.count);
    expect(legend.filter((e) => e.key !== 'geen-gegevens' && e.count > 0).length).toBeGreaterThan(1);
    await frame.getByRole('button', { name: 'Toon als grafiek' }).click();
    return rows;
  }

  it('anonymous: the published taakstelling map, classes agreeing, keyboard details, and a half-year without boundaries', async () => {
    const page = await newPage();
    await page.goto(url('/'));
    await page.getByRole('link', { name: 'Kaarten', exact: true }).click();
    await expect.poll(() => h1(page)).toBe('Kaarten');
    // Only the public measure for a visitor.
    expect(await page.getByLabel('Wat toont de kaart?').locator('option').allInnerTexts()).toEqual(['Taakstelling gerealiseerd (% van de gecorrigeerde taakstelling, per gemeente)']);

    const rows = await classesAgree(page, 345);
    expect(rows).toHaveLength(345);

    // The keyboard: Tab from the last download button lands on the map (one tab stop), its details in the live region.
    const frame = page.getByTestId('map-frame');
    await frame.getByRole('button', { name: /als PNG$/ }).focus();
    await page.keyboard.press('Tab');
    const focused = () => page.evaluate(() => document.activeElement?.getAttribute('data-code') ?? null);
    await expect.poll(focused).toMatch(/^GM\d{4}$/);
    const details = page.getByTestId('map-details');
    expect(await details.getAttribute('aria-live')).toBe('polite');
    const first = rows[0]!;
    expect(await details.innerText()).toBe(`${first[0]}: ${first[4]} gerealiseerd (${first[3]} van ${first[2]}), ${first[5]}.`);
    await page.keyboard.press('ArrowRight');
    const second = rows[1]!;
    await expect.poll(() => details.innerText()).toBe(`${second[0]}: ${second[4]} gerealiseerd (${second[3]} van ${second[2]}), ${second[5]}.`);
    expect(await frame.locator('path.rt-choropleth__area[tabindex="0"]').count()).toBe(1);
    await checkPage(page, 'realisation');

    // The map as a file of its own: every area with its pattern, the legend's words under it.
    const [svgFile] = await Promise.all([page.waitForEvent('download'), frame.getByRole('button', { name: /als SVG$/ }).click()]);
    const svg = fs.readFileSync(await svgFile.path()).toString('utf8');
    expect(svg.match(/<path [^>]*data-code="GM\d{4}"/g)).toHaveLength(345);
    expect(svg).toMatch(/fill="url\(#[^)]+\)"/);
    expect(svg).toContain('>geen gegevens (0)</text>');

    // 2023-I: no boundaries of 2023 in the data; the page says so instead of drawing a wrong map.
    await page.getByLabel('Halfjaar').selectOption('2023-I');
    await expect.poll(() => page.getByTestId('map-frame').innerText()).toContain('Geen kaart voor dit halfjaar');
    expect(await page.getByTestId('map-frame').innerText()).toContain('De gemeentegrenzen van 1 januari 2023 zitten niet in de kaartgegevens');
    expect(await page.locator('path.rt-choropleth__area').count()).toBe(0);
    await checkPage(page, 'no-geometry');

    // The same in English.
    await page.getByRole('button', { name: 'Switch to English' }).click();
    await expect.poll(() => h1(page)).toBe('Maps');
    await expect.poll(() => page.getByTestId('map-frame').innerText()).toContain('No map for this half-year');
  });

  it('secretariat: backlog per 1,000 inhabitants, and reception places against the share with the bars as CSV', async () => {
    const page = await signedInPage(DEMO.secretariaat);
    await page.goto(url('/kaarten?maat=achterstand&periode=2022-II'));
    await expect.poll(() => h1(page)).toBe('Kaarten');
    expect(await page.getByLabel('Wat toont de kaart?').inputValue()).toBe('achterstand');
    const backlog = await classesAgree(page, 345);
    // Per 1,000 = backlog ÷ inhabitants × 1,000, to two decimals, from the API's figures.
    const withFigure = backlog.filter((r) => r[4] !== '–');
    expect(withFigure.length).toBeGreaterThan(300);
    for (const r of withFigure.slice(0, 20)) {
      const n = (s: string) => Number(s.replace(/\./g, '').replace(',', '.').replace('−', '-'));
      expect(n(r[4]!)).toBeCloseTo((n(r[2]!) / n(r[3]!)) * 1000, 2);
    }
    await checkPage(page, 'backlog');

    await page.getByLabel('Wat toont de kaart?').selectOption('opvang');
    const provinces = await classesAgree(page, 12);
    expect(provinces).toHaveLength(12);
    const groningen = provinces.find((r) => r[0] === 'Groningen');
    expect(groningen?.slice(1, 4)).toEqual(['2.000', '1.711', '116,9 %']);

    // The bars per province: their CSV holds the table's figures.
    const bars = page.getByTestId('bars-frame');
    await bars.getByRole('button', { name: 'Toon als tabel' }).click();
    const table = await rowsOf(bars.getByRole('table'));
    const [download] = await Promise.all([page.waitForEvent('download'), bars.getByRole('button', { name: /als CSV$/ }).click()]);
    const csv = fs.readFileSync(await download.path()).toString('utf8');
    const lines = csv.replace(/^\uFEFF/, '').trimEnd().split('\r\n').map((l) => l.split(';'));
    expect(lines[0]).toEqual(['Provincie', 'Aandeel', 'Gerealiseerde plaatsen']);
    expect(lines.slice(1)).toEqual(table.map((r) => [r[0], r[1]!.replace(/\./g, ''), r[2]!.replace(/\./g, '')]));
    await checkPage(page, 'reception');
  });
});
