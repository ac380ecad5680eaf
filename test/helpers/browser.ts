import fs from 'node:fs';
import path from 'node:path';
import axe from 'axe-core';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, expect } from 'vitest';
import { DEMO_PASSWORD } from '../../src/features/auth/demo-users.ts';
import { ensureWebBuilt, REPO_ROOT } from '../../src/platform/web-build.ts';
import { startTestServer } from './server.ts';

/**
 * The browser-test harness: Debian's Chromium (never a downloaded one) against the whole app on the demo data,
 * a fresh browser context per test (no session leaks between roles), axe-core on every checked page (serious or
 * critical fails), a check that the app caused no Content-Security-Policy violation, and a screenshot per page.
 */
export const CHROMIUM = '/usr/bin/chromium';
export const HAVE_CHROMIUM = fs.existsSync(CHROMIUM);
export const SCREENSHOT_DIR = path.join(REPO_ROOT, 'test-output/screenshots');
// Without the networking flags Chromium tries to reach Google at start, which this network refuses.
export const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync'];

export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
}

/** Runs axe-core in the page and writes a full-page screenshot; returns the serious and critical violations. */
export async function axeAndScreenshot(page: Page, file: string) {
  await page.evaluate(axe.source);
  const results = await page.evaluate(async () => {
    const r = await (window as unknown as { axe: typeof axe }).axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] },
    });
    return r.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.slice(0, 5).map((n) => n.target.join(' ')) }));
  });
  const severe = results.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  if (severe.length > 0) console.error(`axe violations on ${file}:\n${JSON.stringify(severe, null, 2)}`);
  fs.mkdirSync(SCREENSHOT_DIR, { recursive: true });
  await page.screenshot({ path: path.join(SCREENSHOT_DIR, `${file}.png`), fullPage: true });
  return severe;
}

/** The cells of each body row of a table (by its accessible name; exactly when a string), as the eye reads them. */
export function tableRows(page: Page, name: string | RegExp): Promise<string[][]> {
  return page
    .getByRole('table', { name, exact: typeof name === 'string' })
    .locator('tbody tr')
    .evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll('th, td')].map((c) => (c as HTMLElement).innerText.trim())));
}

export interface HarnessOptions {
  /** Prefix of the screenshot files, e.g. 'access'. */
  name: string;
  timeoutMs?: number;
  acceptDownloads?: boolean;
}

/** Registers the hooks of a browser-test file (call it inside `describe`) and returns its page helpers. */
export function browserHarness(opts: HarnessOptions) {
  let server: Awaited<ReturnType<typeof startTestServer>>;
  let browser: Browser;
  const contexts: BrowserContext[] = [];
  const cspViolations = new Map<Page, string[]>();

  beforeAll(async () => {
    await ensureWebBuilt();
    server = await startTestServer();
    browser = await launchChromium();
  }, 240_000);
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });
  afterEach(async () => {
    await Promise.all(contexts.splice(0).map((c) => c.close()));
  });

  const url = (p: string) => new URL(p, server.url).toString();

  async function newPage(): Promise<Page> {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'nl-NL', acceptDownloads: opts.acceptDownloads ?? false });
    contexts.push(context);
    const page = await context.newPage();
    page.setDefaultTimeout(opts.timeoutMs ?? 15_000);
    const violations: string[] = [];
    cspViolations.set(page, violations);
    page.on('console', (message) => {
      if (message.type() === 'error' && /Content Security Policy/i.test(message.text())) violations.push(message.text());
    });
    return page;
  }

  /** No CSP violation so far, axe-core clean of serious/critical findings, and a screenshot. */
  async function checkPage(page: Page, name: string) {
    expect(cspViolations.get(page), 'CSP violations').toEqual([]);
    const severe = await axeAndScreenshot(page, `${opts.name}-${name}`);
    expect(severe, `axe: serious/critical violations on ${name}`).toEqual([]);
  }

  /** The running test server (its app and database), for a test that prepares data directly, e.g. runs a job. */
  const testServer = () => server;

  /** A new page signed in through the login form as a demo user (the demo password), once the user menu shows. */
  async function signedInPage(email: string): Promise<Page> {
    const page = await newPage();
    await page.goto(url('/inloggen'));
    await page.getByLabel('E-mailadres').fill(email);
    await page.getByLabel('Wachtwoord').fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: 'Inloggen', exact: true }).click();
    await expect.poll(() => page.getByRole('banner').getByRole('button', { name: /^Menu van / }).count()).toBe(1);
    return page;
  }

  return { url, newPage, checkPage, testServer, signedInPage };
}
