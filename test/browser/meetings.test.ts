/**
 * The meetings and the public Woo minutes in a real headless Chromium against the real server on the demo data: the
 * LRT meeting of 8 July 2022 (attendance with substitutes), its minutes approved on 26 August 2022 and published under
 * the Woo. Every page state is checked with axe-core and for CSP violations, and photographed to
 * test-output/screenshots/meetings-*.png.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { DEMO } from '../helpers/auth.ts';
import { browserHarness, HAVE_CHROMIUM } from '../helpers/browser.ts';

const PASSWORD = 'Regietafel-demo-2022';
const TITLE = 'Verslag Landelijke Regietafel Migratie en Integratie 8 juli 2022';

// regions.test.ts already fails loudly in CI without Chromium; here we only skip.
describe.runIf(HAVE_CHROMIUM)('meetings and public Woo minutes in Chromium', () => {
  const { url, newPage, checkPage } = browserHarness({ name: 'meetings', timeoutMs: 15000 });

  const h1 = (page: Page) => page.getByRole('heading', { level: 1 }).innerText();
  const mainNav = (page: Page) => page.getByRole('navigation', { name: 'Hoofdmenu' });

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
  });

  it('secretariaat: the meeting of 8 juli 2022 with its attendance and substitutes, and the Woo review', async () => {
    const page = await newPage();
    await page.goto(url('/inloggen'));
    await expect.poll(() => h1(page)).toBe('Inloggen');
    await page.getByLabel('E-mailadres').fill(DEMO.secretariaat);
    await page.getByLabel('Wachtwoord').fill(PASSWORD);
    await page.getByRole('button', { name: 'Inloggen', exact: true }).click();
    await expect.poll(() => page.getByRole('banner').getByRole('button', { name: /^Menu van / }).count()).toBe(1);

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
});
