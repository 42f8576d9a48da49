import { expect, test } from '@playwright/test';
import { collectErrors, DEMO_PASSWORD, logIn, open } from './helpers';

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
  expect(errors).toEqual([]);
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
  expect(errors).toEqual([]);
});
