import { expect, test } from '@playwright/test';
import { collectErrors, DEMO_PASSWORD, logIn, logOut, open } from './helpers';

test('a leader draws a sample and the coach finds the calls in their queue', async ({ page }) => {
  const errors = collectErrors(page);
  await logIn(page, 'leader@rapport.demo', DEMO_PASSWORD);
  await open(page, '/sampling');
  // The demo's running sample shows its progress.
  await expect(page.locator('table .sample-progress').first()).toContainText(/\d+ of \d+ scored/);

  await page.getByText('Draw a sample').click();
  await page.getByLabel('Teams').selectOption({ label: 'Technical Support' });
  await page.getByLabel('Calls per agent').fill('1');
  await page.getByRole('button', { name: 'Preview the draw' }).click();
  const summary = page.locator('.sample-preview h3');
  await expect(summary).toContainText(/\d+ calls? for \d+ agents? · seed \d+/);
  const first = await summary.textContent();
  // Another seed, another draw; the rows are the ones the leader accepts.
  await page.getByRole('button', { name: 'Draw again' }).click();
  await expect(summary).not.toHaveText(first!);
  const drawn = await page.locator('.sample-preview tbody tr').count();
  expect(drawn).toBeGreaterThan(0);
  // Every call goes to the team's coach by round robin.
  for (const select of await page.locator('.sample-preview tbody select').all()) {
    await expect(select.locator('option:checked')).toHaveText('Priya Nair');
  }
  await page.getByRole('button', { name: 'Accept and assign' }).click();
  await expect(page).toHaveURL(/\/sampling\/\d+$/);
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Technical Support');
  await expect(page.locator('.sample-summary')).toContainText(`0 of ${drawn} scored`);
  const calls = await page
    .locator('td[data-label="Call"] a')
    .evaluateAll((links) => links.map((a) => a.getAttribute('href')));
  expect(calls.length).toBe(drawn);
  await logOut(page);

  await logIn(page, 'coach2@rapport.demo', DEMO_PASSWORD);
  await open(page, '/home');
  const queue = page.locator('.assigned-calls');
  for (const href of calls) {
    await expect(queue.locator(`a[href="${href}"]`)).toBeVisible();
  }
  // The demo's older sample left some of Priya's calls overdue.
  await expect(queue.locator('li.overdue').first()).toContainText('Overdue: due');
  expect(errors).toEqual([]);
});
