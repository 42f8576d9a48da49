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
