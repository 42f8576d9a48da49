import { expect, Page, test } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { DEMO_PASSWORD, hydrated, logIn } from './helpers';

// Every page, as each role, narrow and wide, light and dark: axe-core finds
// no WCAG 2.2 A/AA violation, and no page scrolls sideways on a phone.

const VIEWS = [
  { width: 390, height: 844, scheme: 'light' as const },
  { width: 1366, height: 900, scheme: 'dark' as const },
  { width: 390, height: 844, scheme: 'dark' as const },
  { width: 1366, height: 900, scheme: 'light' as const },
];

const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

/** The first link on `path` whose address matches `pattern`. */
async function firstLink(page: Page, path: string, pattern: RegExp): Promise<string> {
  await page.goto(path);
  await hydrated(page);
  const hrefs = await page.locator('main a[href]').evaluateAll((as) => as.map((a) => a.getAttribute('href') ?? ''));
  const found = hrefs.find((h) => pattern.test(h));
  expect(found, `a link matching ${pattern} on ${path}`).toBeTruthy();
  return found!;
}

/** Checks each page in every view; returns what is wrong, one line each. */
async function sweep(page: Page, who: string, paths: string[]): Promise<string[]> {
  const problems: string[] = [];
  for (const path of paths) {
    await page.setViewportSize({ width: 1366, height: 900 });
    await page.goto(path);
    await hydrated(page);
    for (const v of VIEWS) {
      await page.setViewportSize({ width: v.width, height: v.height });
      await page.emulateMedia({ colorScheme: v.scheme });
      // Colours fade between schemes: judge them once they have settled,
      // as a person would see them.
      await page.waitForFunction(() => document.getAnimations().every((a) => !(a instanceof CSSTransition) || a.playState !== 'running'));
      const where = `${who} ${path} ${v.width}px ${v.scheme}`;
      const result = await new AxeBuilder({ page }).withTags(TAGS).analyze();
      for (const violation of result.violations) {
        const targets = violation.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ');
        problems.push(`${where}: ${violation.id} ×${violation.nodes.length} (${targets})`);
      }
      if (v.width === 390) {
        const wide = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
        if (wide > 0) problems.push(`${where}: scrolls sideways by ${wide}px`);
      }
    }
  }
  return problems;
}

test('public pages have no accessibility violations and fit a phone', async ({ page }) => {
  test.setTimeout(180_000);
  expect(await sweep(page, 'visitor', ['/', '/login', '/signup', '/no-such-page', '/invite/not-a-token'])).toEqual([]);
});

test("an agent's pages have no accessibility violations and fit a phone", async ({ page }) => {
  test.setTimeout(300_000);
  await logIn(page, 'agent1@rapport.demo', DEMO_PASSWORD);
  const review = await firstLink(page, '/home', /^\/reviews\/\d+$/);
  const target = await firstLink(page, '/development', /^\/targets\/\d+$/);
  const call = await firstLink(page, '/calls', /^\/calls\/\d+$/);
  // Error pages too: a call that does not exist, an address that does not.
  const paths = ['/home', '/development', '/self-assessment', '/self-assessment/new', '/targets/new', target, '/practice', '/calls', call, review, '/kpis', '/complaints', '/complaints/ideas', '/account', '/calls/999999', '/no-such-page'];
  expect(await sweep(page, 'agent', paths)).toEqual([]);
});

test("a coach's pages have no accessibility violations and fit a phone", async ({ page }) => {
  test.setTimeout(300_000);
  await logIn(page, 'coach1@rapport.demo', DEMO_PASSWORD);
  const call = await firstLink(page, '/calls', /^\/calls\/\d+$/);
  // The scorer itself: the demo coach's draft, listed on their home page.
  await page.goto('/home');
  await hydrated(page);
  const draft = await page.locator('h3:has-text("Your drafts") + ul a').first().getAttribute('href');
  expect(draft).toMatch(/^\/reviews\/\d+$/);
  const paths = ['/home', '/calls', call, draft!, '/calls/new', '/calls/import', '/team', '/calibration', '/sampling', '/kpis', '/kpis/quality', '/kpis/insight', '/kpis/coaching', '/complaints'];
  expect(await sweep(page, 'coach', paths)).toEqual([]);
});

test("a leader's pages have no accessibility violations and fit a phone", async ({ page }) => {
  test.setTimeout(300_000);
  await logIn(page, 'leader@rapport.demo', DEMO_PASSWORD);
  const review = await firstLink(page, '/home', /^\/reviews\/\d+$/);
  const complaint = await firstLink(page, '/complaints', /^\/complaints\/\d+$/);
  const assessment = await firstLink(page, '/continuum', /^\/continuum\/\d+$/);
  const calibration = await firstLink(page, '/calibration', /^\/calibration\/\d+$/);
  const sample = await firstLink(page, '/sampling', /^\/sampling\/\d+$/);
  const paths = ['/home', review, '/team', '/calibration', calibration, '/calibration/agreement', '/sampling', sample, '/kpis', '/continuum', assessment, '/complaints', complaint, '/complaints/new'];
  expect(await sweep(page, 'leader', paths)).toEqual([]);
});

test("an admin's pages have no accessibility violations and fit a phone", async ({ page }) => {
  test.setTimeout(300_000);
  await logIn(page, 'admin@rapport.demo', DEMO_PASSWORD);
  const framework = await firstLink(page, '/frameworks', /^\/frameworks\/\d+$/);
  const paths = ['/home', '/admin/people', '/admin/teams', '/account', '/frameworks', framework, '/reviews/import', '/continuum/model', '/kpis'];
  expect(await sweep(page, 'admin', paths)).toEqual([]);
});
