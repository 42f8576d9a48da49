import { expect, test } from '@playwright/test';
import { collectErrors, DEMO_PASSWORD, hydrated, logIn, open } from './helpers';

test('the call form marks every wrong field at once, focuses the first, and a fixed field stops saying it is wrong', async ({ page }) => {
  const errors = collectErrors(page);
  await logIn(page, 'coach1@rapport.demo', DEMO_PASSWORD);
  await open(page, '/calls/new');
  await page.getByLabel('Length (seconds)').fill('-5');
  await page.getByLabel('CSAT (1–5)').fill('9');
  await page.getByRole('button', { name: 'Add call' }).click();

  const agent = page.getByLabel('Agent');
  await expect(agent).toHaveAttribute('aria-invalid', 'true');
  await expect(agent).toBeFocused();
  for (const label of ['When', 'Length (seconds)', 'CSAT (1–5)']) {
    await expect(page.getByLabel(label)).toHaveAttribute('aria-invalid', 'true');
  }
  await expect(page.locator('.field-error')).toHaveCount(4);
  await expect(page.getByRole('alert')).toContainText('4 fields need attention');

  // Fixing one field clears its message; the others stay until sent again.
  await page.getByLabel('CSAT (1–5)').fill('4');
  await expect(page.getByLabel('CSAT (1–5)')).not.toHaveAttribute('aria-invalid', 'true');
  await expect(page.locator('.field-error')).toHaveCount(3);
  await agent.selectOption({ label: 'Ben Carter' });
  await expect(agent).not.toHaveAttribute('aria-invalid', 'true');
  await page.getByLabel('When').fill(new Date().toISOString().slice(0, 16));
  await page.getByLabel('Length (seconds)').fill('240');
  await page.getByRole('button', { name: 'Add call' }).click();
  await expect(page).toHaveURL(/\/calls\/\d+$/);
  // The refused submission's 422 is the browser's own log line.
  expect(errors.filter((e) => !e.includes('status of 422'))).toEqual([]);
});

test('a self-assessment sent half done marks every behaviour left, and each clears once rated', async ({ page }) => {
  const errors = collectErrors(page);
  await logIn(page, 'agent3@rapport.demo', DEMO_PASSWORD);
  await open(page, '/self-assessment/new');
  const behaviours = page.locator('article.self-behaviour');
  const total = await behaviours.count();
  await behaviours.nth(0).locator('.level-choice').nth(3).click();
  await page.getByRole('button', { name: 'Save self-assessment' }).click();

  await expect(page.locator('article.self-behaviour.has-error')).toHaveCount(total - 1);
  await expect(page.getByRole('alert')).toContainText(`${total - 1} behaviours need attention`);
  // Focus lands on the first behaviour still to rate.
  await expect(behaviours.nth(1).locator('input[type="radio"]').first()).toBeFocused();
  await expect(behaviours.nth(1).locator('fieldset')).toHaveAttribute('aria-invalid', 'true');
  await behaviours.nth(1).locator('.level-choice').nth(2).click();
  await expect(behaviours.nth(1)).not.toHaveClass(/has-error/);
  await expect(page.locator('article.self-behaviour.has-error')).toHaveCount(total - 2);
  // The refused submission's 422 is the browser's own log line.
  expect(errors.filter((e) => !e.includes('status of 422'))).toEqual([]);
});

test('a dispute sent without a reason marks the box, takes focus there, and clears as the agent writes', async ({ page }) => {
  const errors = collectErrors(page);
  await logIn(page, 'agent4@rapport.demo', DEMO_PASSWORD);
  const waiting = page.locator('.review-list li', { hasText: 'Awaiting your response' }).first();
  await waiting.getByRole('link').click();
  await expect(page).toHaveURL(/\/reviews\/\d+$/);
  await hydrated(page);
  await page.getByRole('button', { name: 'Dispute…' }).click();
  await page.getByRole('button', { name: 'Send dispute' }).click();
  const reason = page.getByLabel('What do you disagree with, and why?');
  await expect(reason).toHaveAttribute('aria-invalid', 'true');
  await expect(reason).toBeFocused();
  await expect(page.locator('#dispute-reason-error')).toContainText('at least 10 characters');
  await reason.pressSequentially('The');
  await expect(reason).not.toHaveAttribute('aria-invalid', 'true');
  await expect(page.locator('#dispute-reason-error')).toHaveCount(0);
  // Nothing was sent: the review still waits for a response.
  await expect(page.getByRole('button', { name: 'Send dispute' })).toBeVisible();
  expect(errors.filter((e) => !e.includes('status of 422'))).toEqual([]);
});
