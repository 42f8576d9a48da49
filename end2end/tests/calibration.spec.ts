import { expect, Page, test } from '@playwright/test';
import { collectErrors, DEMO_PASSWORD, hydrated, logIn, logOut, open } from './helpers';

const PATTERN = [3, 4, 2, 4, 3];

/** Scores the session's one call blind, every behaviour from the pattern plus `lean`. */
async function scoreBlind(page: Page, session: string, lean: number) {
  await open(page, session);
  await page.getByRole('button', { name: 'Score this call' }).click();
  await expect(page).toHaveURL(/\/reviews\/\d+$/);
  await hydrated(page);
  await expect(page.locator('.calibration-note')).toContainText('Scored blind');
  const total = await page.locator('article.behaviour').count();
  for (let i = 0; i < total; i++) {
    await page.locator('body').press(String(Math.min(5, PATTERN[i % PATTERN.length] + lean)));
  }
  await expect(page.locator('.score-bar')).toContainText(`${total} of ${total} rated`);
  await page.getByLabel('Strengths').fill('Clear ownership of the problem.');
  await page.getByLabel('One or two development points').fill('Agree a date for the next step.');
  await page.getByRole('button', { name: 'Submit review' }).click();
  await expect(page.locator('.calibration-note')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Submit review' })).toHaveCount(0);
}

test('three coaches score a call blind; the third score reveals alpha and leniency', async ({ page }) => {
  const errors = collectErrors(page);
  // The leader organises a session with one call and three coaches.
  await logIn(page, 'leader@rapport.demo', DEMO_PASSWORD);
  await open(page, '/calibration');
  await page.getByText('Organise a session').click();
  await page.getByLabel('Title').fill('Browser calibration');
  const due = new Date(Date.now() + 7 * 86_400_000).toISOString().slice(0, 10);
  await page.getByLabel('Due').fill(due);
  await page.locator('.pick-list').first().locator('label.check').first().click();
  for (const coach of ['Sam Okafor', 'Priya Nair', 'Jordan Reyes']) {
    await page.locator('.pick-list').nth(1).getByText(coach).click();
  }
  await expect(page.getByText('1 call(s) and 3 coach(es) chosen.')).toBeVisible();
  await page.getByRole('button', { name: 'Organise the session' }).click();
  await expect(page).toHaveURL(/\/calibration\/\d+$/);
  await expect(page.getByRole('heading', { name: 'Browser calibration' })).toBeVisible();
  const session = new URL(page.url()).pathname;
  await scoreBlind(page, session, 0);

  // Blind: the session shows progress, no ratings.
  await open(page, session);
  await expect(page.getByText('Scoring blind')).toBeVisible();
  await expect(page.locator('.agreement')).toHaveCount(0);
  await logOut(page);

  await logIn(page, 'coach2@rapport.demo', DEMO_PASSWORD);
  await scoreBlind(page, session, 0);
  await logOut(page);

  // Sam scores a level higher, and is the last: the session reveals itself.
  await logIn(page, 'coach1@rapport.demo', DEMO_PASSWORD);
  await scoreBlind(page, session, 1);
  await open(page, session);
  await expect(page.locator('.agreement .big-figure')).toHaveText(/^-?\d\.\d{3}$/);
  const sam = page.locator('tr', { hasText: 'Sam Okafor' }).first();
  await expect(sam).toContainText('lenient');
  await expect(page.locator('tr', { hasText: 'Priya Nair' }).first()).toContainText('in line');
  await expect(page.locator('.agreement-table').first()).toBeVisible();
  expect(errors).toEqual([]);
});
