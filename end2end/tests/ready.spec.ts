import { expect, test } from '@playwright/test';
import { collectErrors, DEMO_PASSWORD, logIn, open } from './helpers';

test('a button clicked before the page is interactive shows it was taken and acts once the code has loaded', async ({ page }) => {
  const errors = collectErrors(page);
  await logIn(page, 'coach1@rapport.demo', DEMO_PASSWORD);
  await open(page, '/calls?reviewed=no');
  const href = await page.locator('.calls-table tbody tr td[data-label="When"] a').first().getAttribute('href');
  expect(href).toMatch(/^\/calls\/\d+$/);

  // Hold the page's code back until the click has been made.
  let release = () => {};
  const gate = new Promise<void>((resolve) => (release = resolve));
  await page.route(/\.wasm$/, async (route) => {
    await gate;
    await route.continue();
  });
  await page.goto(href!, { waitUntil: 'domcontentloaded' });
  const score = page.getByRole('button', { name: 'Score this call' });
  await expect(score).toBeVisible();
  await expect(page.locator('.app')).not.toHaveAttribute('data-hydrated', /.*/);
  await score.click();
  await expect(score).toHaveAttribute('aria-busy', 'true');
  await expect(page.locator('html')).toHaveClass(/awaiting-code/);

  release();
  await expect(page).toHaveURL(/\/reviews\/\d+$/);
  await expect(page.getByRole('heading', { name: /^Scoring: / })).toBeVisible();
  await expect(page.locator('html')).not.toHaveClass(/awaiting-code/);
  expect(errors).toEqual([]);
});

test('a page not visited yet asks for its data while its code is still loading, and only once', async ({ page }) => {
  const errors = collectErrors(page);
  await logIn(page, 'coach1@rapport.demo', DEMO_PASSWORD);
  const asked: string[] = [];
  page.on('request', (r) => {
    if (r.url().includes('/api/')) asked.push(new URL(r.url()).pathname);
  });
  // A page that came with its data asks for none of it again.
  await open(page, '/home');
  expect(asked.filter((p) => p === '/api/home')).toEqual([]);

  // Hold back the code of the calls area (calibration is in it).
  let release = () => {};
  const gate = new Promise<void>((resolve) => (release = resolve));
  let held = 0;
  await page.route(/\.wasm$/, async (route) => {
    held += 1;
    await gate;
    await route.continue();
  });
  await page.getByRole('navigation').getByRole('link', { name: 'Calibration' }).first().click();
  await expect.poll(() => held).toBeGreaterThan(0);
  // The list is on its way although the page's code is not.
  await expect.poll(() => asked.filter((p) => p === '/api/calibration/list').length).toBe(1);
  await expect(page.getByRole('heading', { level: 1 })).not.toHaveText('Calibration');

  release();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Calibration');
  await expect(page.locator('.app')).toHaveAttribute('data-hydrated', '/calibration');
  await expect(page.getByRole('link', { name: 'Agreement over time' })).toBeVisible();
  // The page took that answer rather than asking again.
  expect(asked.filter((p) => p === '/api/calibration/list')).toEqual(['/api/calibration/list']);
  expect(errors).toEqual([]);
});
