/**
 * Every page of the app, once, as the role that may see it, in a real headless Chromium against the real server on
 * the demo data. Per page: axe-core (serious/critical fails) and a screenshot (test-output/screenshots/a11y-*.png),
 * exactly one h1, the landmarks banner/navigation/main/contentinfo, headings that never skip a level, the footer's
 * link to the accessibility statement, the skip link as the first Tab stop whose Enter moves focus into <main>, and
 * every control reachable with Tab (no positive tabindex, no click handler on an element a keyboard cannot reach).
 * The route patterns are read from App.tsx: a page without a crawl entry fails the first test, so no page can
 * skip the crawl. Route parameters are demo ids asked from the API, never guessed.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../../src/platform/web-build.ts';
import { DEMO, login, type DemoRole } from '../helpers/auth.ts';
import { browserHarness, HAVE_CHROMIUM } from '../helpers/browser.ts';

type Who = DemoRole | 'anonymous';

/** The demo ids the routes need, asked from the API once. */
interface Ids {
  province: string;
  municipality: string;
  userId: number;
  decisionA: number;
  decisionB: number;
  projectId: number;
  location: string;
  actionId: number;
  reportProvince: string;
  reportMonth: string;
  meetingId: number;
  minutesMeetingId: number;
  minutesId: number;
}

interface Entry {
  /** The route pattern exactly as in App.tsx. */
  pattern: string;
  as: Who;
  url: (ids: Ids) => string;
}

/** One entry per route of App.tsx: the role that may see the page (its own scope for provincie/gemeente/coa/corporatie). */
const CRAWL: Entry[] = [
  { pattern: '/', as: 'anonymous', url: () => '/' },
  { pattern: '/inloggen', as: 'anonymous', url: () => '/inloggen' },
  { pattern: '/toegankelijkheid', as: 'anonymous', url: () => '/toegankelijkheid' },
  { pattern: '/regios', as: 'anonymous', url: () => '/regios' },
  { pattern: '/regios/:code', as: 'anonymous', url: (i) => `/regios/${i.province}` },
  { pattern: '/regios/:code/gemeenten/:municipality/inwonertal', as: 'provincie', url: (i) => `/regios/${i.province}/gemeenten/${i.municipality}/inwonertal` },
  { pattern: '/mijn-api-tokens', as: 'gemeente', url: () => '/mijn-api-tokens' },
  { pattern: '/taken', as: 'lid', url: () => '/taken' },
  { pattern: '/beheer', as: 'secretariaat', url: () => '/beheer' },
  { pattern: '/beheer/gebruikers', as: 'secretariaat', url: () => '/beheer/gebruikers' },
  { pattern: '/beheer/gebruikers/nieuw', as: 'secretariaat', url: () => '/beheer/gebruikers/nieuw' },
  { pattern: '/beheer/gebruikers/:id', as: 'secretariaat', url: (i) => `/beheer/gebruikers/${i.userId}` },
  { pattern: '/beheer/audittrail', as: 'secretariaat', url: () => '/beheer/audittrail' },
  { pattern: '/beheer/inwonertallen', as: 'secretariaat', url: () => '/beheer/inwonertallen' },
  { pattern: '/verdeling', as: 'anonymous', url: () => '/verdeling' },
  { pattern: '/verdeling/nieuw', as: 'secretariaat', url: () => '/verdeling/nieuw' },
  { pattern: '/verdeling/vergelijk', as: 'anonymous', url: (i) => `/verdeling/vergelijk?a=${i.decisionA}&b=${i.decisionB}` },
  { pattern: '/verdeling/:id', as: 'anonymous', url: (i) => `/verdeling/${i.decisionA}` },
  { pattern: '/taakstelling', as: 'anonymous', url: () => '/taakstelling' },
  { pattern: '/taakstelling/overzicht', as: 'provincie', url: () => '/taakstelling/overzicht' },
  { pattern: '/taakstelling/realisaties-uploaden', as: 'coa', url: () => '/taakstelling/realisaties-uploaden' },
  { pattern: '/taakstelling/:code', as: 'gemeente', url: (i) => `/taakstelling/${i.municipality}` },
  { pattern: '/woningpijplijn', as: 'lid', url: () => '/woningpijplijn' },
  { pattern: '/woningpijplijn/nieuw', as: 'corporatie', url: () => '/woningpijplijn/nieuw' },
  { pattern: '/woningpijplijn/projecten/:id', as: 'gemeente', url: (i) => `/woningpijplijn/projecten/${i.projectId}` },
  { pattern: '/opvang', as: 'coa', url: () => '/opvang' },
  { pattern: '/opvang/bezetting-uploaden', as: 'coa', url: () => '/opvang/bezetting-uploaden' },
  { pattern: '/opvang/:code', as: 'coa', url: (i) => `/opvang/${i.location}` },
  { pattern: '/dashboard', as: 'secretariaat', url: () => '/dashboard' },
  { pattern: '/dashboard/:province', as: 'provincie', url: (i) => `/dashboard/${i.province}` },
  { pattern: '/prognose', as: 'secretariaat', url: () => '/prognose' },
  { pattern: '/acties', as: 'secretariaat', url: () => '/acties' },
  { pattern: '/acties/ladder', as: 'secretariaat', url: () => '/acties/ladder' },
  { pattern: '/acties/:id', as: 'secretariaat', url: (i) => `/acties/${i.actionId}` },
  { pattern: '/rapportages', as: 'provincie', url: () => '/rapportages' },
  { pattern: '/rapportages/:province/:month', as: 'provincie', url: (i) => `/rapportages/${i.reportProvince}/${i.reportMonth}` },
  { pattern: '/meldingen', as: 'gemeente', url: () => '/meldingen' },
  { pattern: '/openbaar/verslagen', as: 'anonymous', url: () => '/openbaar/verslagen' },
  // Public, but a signed-in reader sees all three maps: crawl the fullest page.
  { pattern: '/kaarten', as: 'secretariaat', url: () => '/kaarten' },
  { pattern: '/vergaderingen', as: 'lid', url: () => '/vergaderingen' },
  { pattern: '/vergaderingen/nieuw', as: 'secretariaat', url: () => '/vergaderingen/nieuw' },
  { pattern: '/vergaderingen/:id', as: 'lid', url: (i) => `/vergaderingen/${i.meetingId}` },
  { pattern: '/vergaderingen/:id/notulen/:minutesId', as: 'secretariaat', url: (i) => `/vergaderingen/${i.minutesMeetingId}/notulen/${i.minutesId}` },
  { pattern: '*', as: 'anonymous', url: () => '/bestaat-niet' },
];

/** The route patterns of the app, read from App.tsx (the one place routes are declared). */
export function appRoutePatterns(): string[] {
  const source = fs.readFileSync(path.join(REPO_ROOT, 'src/web/App.tsx'), 'utf8');
  return [...source.matchAll(/<Route\s[^>]*?path="([^"]+)"/g)].map((m) => m[1]!);
}

/** What the page says about itself, gathered in one evaluation. */
interface PageFacts {
  h1: number;
  headingLevels: number[];
  positiveTabindex: string[];
  clickableUnreachable: string[];
  interactive: string[];
}

async function pageFacts(page: Page): Promise<PageFacts> {
  return page.evaluate(() => {
    const describe = (el: Element) => {
      const id = el.id ? `#${el.id}` : '';
      const text = (el.getAttribute('aria-label') ?? el.textContent ?? '').trim().replace(/\s+/g, ' ').slice(0, 40);
      return `${el.tagName.toLowerCase()}${id}${text ? ` "${text}"` : ''}`;
    };
    const visible = (el: Element) => (el as HTMLElement).checkVisibility?.({ visibilityProperty: true } as CheckVisibilityOptions) ?? true;
    const hiddenFromAt = (el: Element) => el.closest('[aria-hidden="true"], [inert]') !== null;
    const headings = [...document.querySelectorAll('h1, h2, h3, h4, h5, h6')].filter((h) => visible(h) && !hiddenFromAt(h));
    const NATIVE = 'a[href], button, input, select, textarea, summary, [contenteditable="true"]';
    const ROLES = new Set(['button', 'link', 'checkbox', 'radio', 'switch', 'tab', 'menuitem', 'option', 'slider', 'spinbutton', 'textbox', 'combobox']);
    // React keeps its handlers on the element's props object; an onClick there on something a keyboard cannot
    // reach (no native control, no tabindex) is a mouse-only control.
    const clickableUnreachable = [...document.querySelectorAll('body *')].filter((el) => {
      const key = Object.keys(el).find((k) => k.startsWith('__reactProps$'));
      const props = key ? (el as unknown as Record<string, { onClick?: unknown }>)[key] : undefined;
      if (!props?.onClick || el.matches(NATIVE) || el.closest('label')) return false;
      const role = el.getAttribute('role');
      return !(el.hasAttribute('tabindex') && role && ROLES.has(role));
    });
    const interactive = [...document.querySelectorAll(`${NATIVE}, [tabindex]:not([tabindex="-1"])`)].filter((el) => {
      if (!visible(el) || el.closest('[inert]')) return false;
      if ((el as HTMLButtonElement).disabled || (el instanceof HTMLInputElement && el.type === 'hidden')) return false;
      if (el.getAttribute('tabindex') === '-1') return false;
      return true;
    });
    return {
      h1: document.querySelectorAll('h1').length,
      headingLevels: headings.map((h) => Number(h.tagName.slice(1))),
      positiveTabindex: [...document.querySelectorAll('[tabindex]')].filter((el) => Number(el.getAttribute('tabindex')) > 0).map(describe),
      clickableUnreachable: clickableUnreachable.map(describe),
      interactive: interactive.map((el, i) => {
        el.setAttribute('data-a11y-crawl', String(i));
        // Only one radio of a group is a Tab stop; the arrow keys reach the others.
        return el instanceof HTMLInputElement && el.type === 'radio' ? `radio:${el.name}` : String(i);
      }),
    };
  });
}

/**
 * Presses Tab until focus leaves the page or comes round to the first stop again; returns the marks of the Tab
 * stops in order. The page records each focus itself (focusin), so a press costs one round trip and a page with
 * hundreds of controls takes seconds; `limit` bounds the presses.
 */
async function tabThrough(page: Page, limit: number): Promise<{ stops: string[]; unseen: string[] }> {
  await page.evaluate(() => {
    const w = window as unknown as { __tabStops: string[]; __unseen: string[] };
    w.__tabStops = [];
    w.__unseen = [];
    // What shows focus: outline, shadow, colours, underline, stroke (SVG), or the element appearing (skip link).
    const look = (el: Element) => {
      const c = getComputedStyle(el);
      return [c.outlineStyle, c.outlineWidth, c.outlineColor, c.boxShadow, c.borderColor, c.backgroundColor, c.color, c.textDecorationLine, c.stroke, c.strokeWidth, c.clip, c.clipPath, c.transform, c.position].join('|');
    };
    const before = new Map<Element, string>();
    for (const el of document.querySelectorAll('[data-a11y-crawl]')) before.set(el, look(el));
    document.addEventListener('focusin', (event) => {
      const el = event.target as Element;
      const mark = el instanceof HTMLInputElement && el.type === 'radio' ? `radio:${el.name}` : (el.getAttribute('data-a11y-crawl') ?? `unmarked:${el.tagName}`);
      w.__tabStops.push(mark);
      // Map areas (SVG) show focus with a highlight drawn over the map by the page, not on the element itself.
      if (!(el instanceof SVGElement) && before.get(el) === look(el)) w.__unseen.push(el.outerHTML.slice(0, 120));
    });
  });
  const state = () =>
    page.evaluate(() => ({
      stops: (window as unknown as { __tabStops: string[] }).__tabStops,
      unseen: (window as unknown as { __unseen: string[] }).__unseen,
      onBody: document.activeElement === null || document.activeElement === document.body,
    }));
  for (let pressed = 0; pressed < limit; ) {
    const batch = Math.min(25, limit - pressed);
    for (let i = 0; i < batch; i++) await page.keyboard.press('Tab');
    pressed += batch;
    const { stops, unseen, onBody } = await state();
    const again = stops.indexOf(stops[0]!, 1);
    if (again > 0) return { stops: stops.slice(0, again), unseen };
    if (onBody) break;
  }
  const { stops, unseen } = await state();
  return { stops, unseen };
}

describe.runIf(HAVE_CHROMIUM)('every page: axe, structure and keyboard', { timeout: 120_000 }, () => {
  const { url, newPage, checkPage, testServer } = browserHarness({ name: 'a11y', timeoutMs: 20_000 });
  let ids: Ids;
  const cookies = new Map<DemoRole, { name: string; value: string }>();

  beforeAll(async () => {
    const { app } = testServer();
    const session = await login(app, DEMO.secretariaat);
    const get = async <T>(p: string): Promise<T> => {
      const r = await app.inject({ url: p, headers: { cookie: session.cookie } });
      if (r.statusCode !== 200) throw new Error(`${p}: ${r.statusCode} ${r.body}`);
      return r.json() as T;
    };
    type User = { id: number; email: string; roles: { role: string; scope: string }[] };
    const users = (await get<{ items: User[] }>('/api/v1/users')).items;
    const scopeOf = (email: string) => users.find((u) => u.email === email)!.roles[0]!.scope;
    const decisions = (await get<{ items: { id: number; status: string; level: string }[] }>('/api/v1/distributions')).items.filter((d) => d.status === 'gepubliceerd');
    const municipality = scopeOf(DEMO.gemeente);
    const projects = (await get<{ items: { id: number; municipalityCode: string }[] }>('/api/v1/pipeline/projects')).items;
    const locations = (await get<{ items: { code: string }[] }>('/api/v1/reception/locations')).items;
    const actions = (await get<{ items: { id: number }[] }>('/api/v1/actions')).items;
    const reports = await get<{ months: string[] }>('/api/v1/reports/status');
    const meetings = (await get<{ items: { id: number; minutesStatus: string | null }[] }>('/api/v1/meetings')).items;
    const withMinutes = meetings.find((m) => m.minutesStatus !== null)!;
    const minutes = (await get<{ minutes: { id: number }[] }>(`/api/v1/meetings/${withMinutes.id}`)).minutes;
    ids = {
      province: scopeOf(DEMO.provincie),
      municipality,
      userId: users.find((u) => u.email === DEMO.gemeente)!.id,
      decisionA: decisions[0]!.id,
      decisionB: decisions.find((d) => d.id !== decisions[0]!.id && d.level === decisions[0]!.level)?.id ?? decisions[1]!.id,
      projectId: projects.find((p) => p.municipalityCode === municipality)!.id,
      location: locations[0]!.code,
      actionId: actions[0]!.id,
      reportProvince: scopeOf(DEMO.provincie),
      reportMonth: reports.months[0]!,
      meetingId: meetings[0]!.id,
      minutesMeetingId: withMinutes.id,
      minutesId: minutes[0]!.id,
    };
    for (const role of Object.keys(DEMO) as DemoRole[]) {
      const s = await login(app, DEMO[role]);
      cookies.set(role, { name: s.setCookie.name, value: s.setCookie.value });
    }
  }, 240_000);

  it('has a crawl entry for every route of the app, and none for a route that is gone', () => {
    const patterns = appRoutePatterns();
    expect(patterns.length).toBeGreaterThan(30);
    expect(patterns.filter((p) => !CRAWL.some((e) => e.pattern === p)), 'routes without a crawl entry').toEqual([]);
    expect(CRAWL.map((e) => e.pattern).filter((p) => !patterns.includes(p)), 'crawl entries without a route').toEqual([]);
  });

  it('the checks find what they look for on a page built to fail them', async () => {
    const page = await newPage();
    await page.setContent(`<a href="#inhoud">naar de inhoud</a><header>kop</header>
      <main id="inhoud" tabindex="-1"><h1>Eén</h1><h2>Twee</h2><h4>Vier</h4>
        <div tabindex="3">positief</div><span id="klik">klik</span><button style="display:none">verborgen</button>
        <style>#kaal:focus { outline: none }</style><button id="kaal">geen focusrand</button>
        <input id="val" onkeydown="if (event.key === 'Tab') event.preventDefault()"><a href="/na-de-val">onbereikbaar</a></main>`);
    // What React does for onClick: a handler on the element's props, nothing in the DOM.
    await page.evaluate(() => Object.assign(document.getElementById('klik')!, { __reactProps$test: { onClick: () => undefined } }));
    const facts = await pageFacts(page);
    expect(facts.h1).toBe(1);
    expect(facts.headingLevels).toEqual([1, 2, 4]);
    expect(facts.positiveTabindex).toEqual(['div "positief"']);
    expect(facts.clickableUnreachable).toEqual(['span#klik "klik"']);
    expect(facts.interactive).toHaveLength(5);
    const { stops: reached, unseen } = await tabThrough(page, 20);
    // The positive tabindex jumps the queue before the skip link; the button without a focus ring looks unfocused;
    // the field that swallows Tab traps the keyboard.
    expect(reached).toEqual(['1', '0', '2', '3']);
    expect(unseen).toEqual([expect.stringContaining('id="kaal"')]);
    expect(reached).not.toContain('4');
  });

  it('the accessibility statement in English: the switch keeps the page, its heading and the footer link translated', async () => {
    const page = await newPage();
    await page.goto(url('/toegankelijkheid'));
    await expect.poll(() => page.locator('main h1').innerText()).toBe('Toegankelijkheidsverklaring');
    await page.getByRole('button', { name: 'Switch to English' }).click();
    await expect.poll(() => page.locator('main h1').innerText()).toBe('Accessibility statement');
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
    expect(await page.getByRole('heading', { level: 2 }).allInnerTexts()).toEqual(['Which standard applies', 'Compliance status: first measures taken', 'Known limitations', 'Feedback and contact', 'Date']);
    expect(await page.getByText('This statement was drawn up on 29 November 2026').count()).toBe(1);
    expect(await page.getByRole('contentinfo').getByRole('link', { name: 'Accessibility', exact: true }).count()).toBe(1);
    await checkPage(page, 'anonymous-toegankelijkheid-en');
  });

  async function open(entry: Entry): Promise<Page> {
    const page = await newPage();
    if (entry.as !== 'anonymous') {
      const c = cookies.get(entry.as)!;
      await page.context().addCookies([{ name: c.name, value: c.value, url: url('/') }]);
    }
    await page.goto(url(entry.url(ids)));
    // Ready: the page's own h1 (not the loading one) and no live region still saying it is busy ("…").
    await expect
      .poll(
        () =>
          page.evaluate(() => {
            const h1 = document.querySelector('main h1')?.textContent ?? '';
            const busy = [...document.querySelectorAll('[role="status"], [aria-live]')].map((el) => (el.textContent ?? '').trim()).filter((t) => t.endsWith('…'));
            return h1 !== '' && !h1.endsWith('…') && busy.length === 0 ? 'ready' : `h1 "${h1}", busy: ${busy.join(' | ')}`;
          }),
        { timeout: 30_000 },
      )
      .toBe('ready');
    return page;
  }

  // A11Y_CRAWL_ONLY=/opvang,/opvang/:code crawls just those patterns (while fixing a page).
  const only = process.env.A11Y_CRAWL_ONLY?.split(',');
  it.each(CRAWL.filter((e) => !only || only.includes(e.pattern)).map((e) => [`${e.pattern} as ${e.as}`, e] as const))('%s', async (_name, entry) => {
    const page = await open(entry);
    const name = entry.pattern === '*' ? 'niet-gevonden' : entry.pattern.replace(/^\//, '').replace(/[/:]+/g, '-') || 'home';

    // The role may see the page: not the login page, not "Geen toegang".
    if (entry.pattern !== '/inloggen') expect(new URL(page.url()).pathname).not.toBe('/inloggen');
    expect(await page.locator('main h1').innerText()).not.toMatch(/^Geen toegang/);

    await checkPage(page, `${entry.as}-${name}`);

    const facts = await pageFacts(page);
    expect(facts.h1, 'exactly one h1').toBe(1);
    for (const role of ['banner', 'navigation', 'main', 'contentinfo'] as const) {
      expect(await page.getByRole(role).count(), `landmark ${role}`).toBeGreaterThanOrEqual(1);
    }
    expect(await page.getByRole('main').count(), 'one main').toBe(1);
    const skips = facts.headingLevels.flatMap((level, i) => (i > 0 && level > facts.headingLevels[i - 1]! + 1 ? [`h${facts.headingLevels[i - 1]} → h${level}`] : []));
    expect(skips, `heading levels ${facts.headingLevels.join(' ')}`).toEqual([]);
    expect(facts.headingLevels[0], 'the first heading is the h1').toBe(1);
    expect(await page.getByRole('contentinfo').getByRole('link', { name: 'Toegankelijkheid', exact: true }).getAttribute('href')).toBe('/toegankelijkheid');
    expect(facts.positiveTabindex, 'positive tabindex').toEqual([]);
    expect(facts.clickableUnreachable, 'click handlers on elements a keyboard cannot reach').toEqual([]);

    // Keyboard: from the top of a freshly loaded page the skip link comes first, and Enter on it lands in <main>.
    // A date field takes three Tab presses (day, month, year): room for more presses than controls.
    const { stops: reached, unseen } = await tabThrough(page, facts.interactive.length * 3 + 20);
    const firstStop = await page.evaluate(() => document.querySelector('[data-a11y-crawl="0"]')?.getAttribute('href'));
    expect(firstStop, 'the skip link is the first focusable element').toBe('#inhoud');
    expect(reached[0], 'the skip link is the first Tab stop').toBe('0');
    const unreached = [...new Set(facts.interactive)].filter((mark) => !reached.includes(mark));
    const describeUnreached = await page.evaluate(
      (marks) => marks.map((m) => document.querySelector(`[data-a11y-crawl="${m}"]`)?.outerHTML.slice(0, 120) ?? m),
      unreached,
    );
    expect(describeUnreached, 'controls Tab does not reach').toEqual([]);
    expect(unseen, 'Tab stops that look the same with and without focus').toEqual([]);

    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    await page.locator('[data-a11y-crawl="0"]').focus();
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => document.activeElement?.closest('main') !== null)).toBe(true);
  });
});
