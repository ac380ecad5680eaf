/**
 * The chart frame (src/web/shared/chart) in Chromium, on the reception page's chart of occupancy per type on 8 July
 * 2022: the table toggle, and the three downloads. The CSV holds the table's cells (Dutch Excel: BOM, semicolons,
 * numbers without thousands separators); the SVG stands alone (no class left, the presentation inlined, the caption
 * and the legend in it); the PNG is a real PNG at twice the SVG's size, drawn under the page's own CSP.
 */
import fs from 'node:fs';
import type { Download, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { DEMO } from '../helpers/auth.ts';
import { browserHarness, HAVE_CHROMIUM } from '../helpers/browser.ts';

describe.runIf(HAVE_CHROMIUM)('chart frame in Chromium', { timeout: 120_000 }, () => {
  const { url, signedInPage, checkPage } = browserHarness({ name: 'chart-frame', timeoutMs: 15000, acceptDownloads: true });

  async function download(page: Page, click: () => Promise<void>): Promise<{ file: Download; bytes: Buffer }> {
    const [file] = await Promise.all([page.waitForEvent('download'), click()]);
    const where = await file.path();
    return { file, bytes: fs.readFileSync(where) };
  }

  it('shows the figures as a table and downloads them as CSV, SVG and PNG', async () => {
    const page = await signedInPage(DEMO.secretariaat);
    await page.goto(url('/opvang?peildatum=2022-07-08'));
    const frame = page.getByTestId('by-type');
    await expect.poll(() => frame.getByRole('img').count()).toBe(1);
    const caption = 'Bezetting en capaciteit per soort opvang op 8 juli 2022';

    // The toggle swaps chart and table and says so.
    const toggle = frame.getByRole('button', { name: 'Toon als tabel' });
    expect(await toggle.getAttribute('aria-expanded')).toBe('false');
    await toggle.click();
    expect(await frame.getByRole('button', { name: 'Toon als grafiek' }).getAttribute('aria-expanded')).toBe('true');
    expect(await frame.getByRole('img').count()).toBe(0);
    const table = frame.getByRole('table', { name: caption, exact: true });
    const cells = await table
      .locator('tr')
      .evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll('th, td')].map((c) => (c as HTMLElement).innerText.trim())));
    await checkPage(page, 'table');

    // CSV: the same rows, numbers as Dutch Excel reads them ("2.000" in the table is 2000; "109,7 %" is 109,7).
    const csv = await download(page, () => frame.getByRole('button', { name: `Download ${caption} als CSV` }).click());
    expect(csv.file.suggestedFilename()).toBe('bezetting-en-capaciteit-per-soort-opvang-op-8-juli-2022.csv');
    const text = csv.bytes.toString('utf8');
    expect(text.startsWith('\uFEFF')).toBe(true);
    const lines = text.slice(1).trimEnd().split('\r\n').map((l) => l.split(';'));
    const plain = (cell: string) => cell.replace(/\./g, '').replace(/\s*%$/, '').replace('–', '');
    expect(lines).toEqual(cells.map((row) => row.map((c, i) => (i === 0 ? c : plain(c)))));
    expect(lines.find((r) => r[0] === 'Aanmeldcentrum')).toEqual(['Aanmeldcentrum', '1', '1', '2000', '2193', '109,7']);

    // SVG, also while the table shows: stands alone.
    const svg = (await download(page, () => frame.getByRole('button', { name: `Download ${caption} als SVG` }).click())).bytes.toString('utf8');
    expect(svg.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<svg')).toBe(true);
    expect(svg).toContain('xmlns="http://www.w3.org/2000/svg"');
    expect(svg).not.toContain('class=');
    expect(svg).not.toContain('var(--');
    expect(svg).toContain(caption);
    expect(svg).toMatch(/<rect [^>]*style="[^"]*fill:rgb\(/);
    expect(svg).toContain('>Capaciteit</text>');

    // PNG: drawn from the SVG onto a canvas at twice its size.
    const png = (await download(page, () => frame.getByRole('button', { name: `Download ${caption} als PNG` }).click())).bytes;
    expect(png.subarray(1, 4).toString('ascii')).toBe('PNG');
    const width = png.readUInt32BE(16);
    const height = png.readUInt32BE(20);
    const size = /<svg xmlns="http:\/\/www.w3.org\/2000\/svg" width="(\d+)" height="(\d+)"/.exec(svg.split('\n')[1]!);
    expect(size).not.toBeNull();
    expect([width, height]).toEqual([Number(size![1]) * 2, Number(size![2]) * 2]);
    await checkPage(page, 'downloaded');
  });
});
