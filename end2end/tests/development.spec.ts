import { expect, Page, test } from '@playwright/test';
import { collectErrors, DEMO_PASSWORD, logIn, logOut, open } from './helpers';

/**
 * The coach logs a call Ben has just taken (only calls after a target was
 * set count towards it) and scores it, every behaviour at 5.
 */
async function scoreANewCallOfBens(page: Page) {
  await open(page, '/calls/new');
  await expect(page.getByRole('heading', { name: 'Add a call' })).toBeVisible();
  await page.getByLabel('Agent').selectOption({ label: 'Ben Carter' });
  // The demo organisation keeps its days in UTC, and so does the form.
  await page.getByLabel('When').fill(new Date().toISOString().slice(0, 16));
  await page.getByLabel('Length (seconds)').fill('240');
  await page.getByRole('button', { name: 'Add call' }).click();
  await expect(page).toHaveURL(/\/calls\/\d+$/);
  await page.getByRole('button', { name: /Score this call|Continue scoring/ }).click();
  await expect(page).toHaveURL(/\/reviews\/\d+$/);
  await expect(page.getByRole('heading', { name: 'Scoring: Ben Carter' })).toBeVisible();
  const total = await page.locator('article.behaviour').count();
  for (let i = 0; i < total; i++) {
    await page.locator('body').press('5');
  }
  await expect(page.locator('.score-bar')).toContainText(`${total} of ${total} rated`);
  await page.getByLabel('Strengths').fill('Owned the problem and explained the reason behind the policy.');
  await page.getByLabel('One or two development points').fill('Keep summarising the next steps at the end.');
  await page.getByRole('button', { name: 'Submit review' }).click();
  await expect(page.getByRole('heading', { name: "Review of Ben Carter's call" })).toBeVisible();
}

test('an agent finds a blind spot, sets a target, practises, and is told the target is achieved once three new calls are scored', async ({ page }) => {
  const errors = collectErrors(page);
  await logIn(page, 'agent2@rapport.demo', DEMO_PASSWORD);

  // A self-assessment: every behaviour at 5, with the anchors in view.
  await page.getByRole('link', { name: 'Development' }).click();
  await expect(page).toHaveURL(/\/development$/);
  await open(page, '/self-assessment/new');
  const behaviours = page.locator('article.self-behaviour');
  const total = await behaviours.count();
  expect(total).toBeGreaterThanOrEqual(12);
  await expect(behaviours.first().locator('.level-choice')).toHaveCount(5);
  await expect(behaviours.first().locator('.level-choice').nth(2)).toContainText('Competent');
  for (let i = 0; i < total; i++) {
    await behaviours.nth(i).locator('.level-choice').nth(4).click();
  }
  await behaviours.first().getByLabel('An example from a recent call (optional)').fill('Sorted a double charge in one call.');
  await expect(page.locator('.progress-text')).toHaveText(`${total} of ${total} behaviours rated`);
  await page.getByRole('button', { name: 'Save self-assessment' }).click();

  // Back on the development page, the demo coach scores show blind spots.
  await expect(page).toHaveURL(/\/development$/);
  await expect(page.getByRole('heading', { name: 'Your development' })).toBeVisible();
  const blind = page.locator('.gap-card.gap-blind');
  await expect(blind.locator('.gap-list li').first()).toBeVisible();
  await expect(page.locator('.benchmark-chart > svg')).toHaveAttribute('aria-label', /Self rating against coach rating/);
  await expect(page.locator('.benchmark-table tr.gap-blind').first()).toContainText('Blind spot');
  const spot = blind.locator('.gap-list li', { has: page.getByRole('link', { name: 'Set a target' }) }).first();
  const behaviour = (await spot.locator('.gap-name').innerText()).trim();

  // A target from the blind spot: baseline filled in, never typed.
  await spot.getByRole('link', { name: 'Set a target' }).click();
  await expect(page).toHaveURL(/\/targets\/new\?behaviour=\d+$/);
  await expect(page.getByLabel('Behaviour').locator('option:checked')).toHaveText(behaviour);
  await expect(page.locator('.baseline')).toContainText('in the last 90 days');
  await page.getByLabel('Practice plan').fill('Two role-plays a week with a peer; listen back to one call every Friday.');
  await page.getByRole('button', { name: 'Set target' }).click();
  await expect(page).toHaveURL(/\/targets\/\d+$/);
  const targetUrl = page.url();
  await expect(page.getByRole('heading', { name: new RegExp(`^${behaviour} → level \\d$`) })).toBeVisible();
  // A new target waits for calls; it is never "at risk" on the day it is set.
  await expect(page.locator('.status-card .status-pill')).toHaveText('Not enough calls yet');
  await expect(page.locator('.status-reason')).toContainText('3 more are needed');
  await expect(page.locator('.target-chart svg')).toBeVisible();

  // A practice session on that behaviour shows on the target.
  await open(page, '/practice');
  await page.locator('.behaviour-picks label', { hasText: behaviour }).locator('input').check();
  await page.getByLabel('Scenario').fill('Customer disputes a late-payment fee and asks for a manager');
  await page.getByLabel("Peer's name").fill('Ana López');
  await page.getByLabel('Rating').selectOption('3');
  await page.getByLabel('Reflection (optional)').fill('Slowed down and checked I had understood before explaining.');
  await page.getByRole('button', { name: 'Log session' }).click();
  // Regression: the confirmation vanished once the refreshed log rebuilt the form.
  await expect(page.locator('.practice-list')).toContainText('late-payment fee');
  await expect(page.locator('.saved')).toHaveText('Logged.');
  await open(page, targetUrl);
  await expect(page.locator('section', { hasText: 'Practice for this target' })).toContainText('late-payment fee');
  await logOut(page);

  // The coach sees the target waiting for agreement, and scores three new calls.
  await logIn(page, 'coach1@rapport.demo', DEMO_PASSWORD);
  await page.getByRole('link', { name: 'Team' }).click();
  await expect(page).toHaveURL(/\/team$/);
  const benRow = page.locator('tr', { hasText: 'Ben Carter' });
  await expect(benRow).toContainText(behaviour);
  await expect(benRow.locator('td[data-label="Blind spots"] .chip').first()).toBeVisible();
  for (let i = 0; i < 3; i++) {
    await scoreANewCallOfBens(page);
  }
  await open(page, targetUrl);
  await expect(page.locator('.status-card .status-pill')).toHaveText('Achieved');
  await expect(page.locator('.status-card')).toContainText('the mean over the first 3 calls reached 5.0');
  await page.getByLabel('Comment (optional)').fill('Well done: consistent on every call I scored.');
  await page.getByRole('button', { name: 'Agree to this target' }).click();
  await expect(page.locator('.agreed')).toContainText('Agreed by Sam Okafor');
  await logOut(page);

  // The agent is told, and sees it achieved with the scored calls as evidence.
  await logIn(page, 'agent2@rapport.demo', DEMO_PASSWORD);
  const told = page.locator('.notifications a', { hasText: `Your target on ${behaviour} is now achieved` });
  await expect(told).toBeVisible();
  await told.click();
  await expect(page).toHaveURL(targetUrl);
  await expect(page.locator('.status-card .status-pill')).toHaveText('Achieved');
  await expect(page.getByRole('link', { name: 'Open review' })).toHaveCount(3);
  expect(errors).toEqual([]);
});

test('a self-assessment level chosen from the keyboard shows where focus is', async ({ page }) => {
  await logIn(page, 'agent3@rapport.demo', DEMO_PASSWORD);
  await open(page, '/self-assessment/new');
  const first = page.locator('article.self-behaviour').first();
  // From the example box back to the levels with the keyboard, then along them.
  await first.getByLabel('An example from a recent call (optional)').focus();
  await page.keyboard.press('Shift+Tab');
  const choices = first.locator('.level-choice');
  const ring = (i: number) => choices.nth(i).evaluate((el) => getComputedStyle(el).outlineStyle);
  await expect.poll(async () => {
    for (let i = 0; i < 5; i++) if ((await ring(i)) === 'solid') return i;
    return -1;
  }).toBeGreaterThanOrEqual(0);
});
