import { expect, test } from '@playwright/test';
import { collectErrors, DEMO_PASSWORD, logIn, open, unique } from './helpers';

/** The "Complaints received" figure on the KPI page. */
async function complaintsReceived(page) {
  await open(page, '/kpis');
  const tile = page.locator('.kpi-tile', { hasText: 'Complaints received' }).locator('.kpi-figure');
  await expect(tile).toHaveText(/^\d+$/);
  return Number(await tile.textContent());
}

test('a coach opens a complaint from a scored call and takes it to its follow-up and close', async ({ page }) => {
  const errors = collectErrors(page);
  await logIn(page, 'coach1@rapport.demo', DEMO_PASSWORD);
  const before = await complaintsReceived(page);

  // A scored call that is not a complaint yet.
  await open(page, '/calls');
  await page.getByLabel('Complaint', { exact: true }).selectOption({ label: 'No complaint' });
  await page.getByLabel('Reviewed', { exact: true }).selectOption({ label: 'Reviewed' });
  const scored = page
    .locator('tbody tr')
    .filter({ has: page.locator('td[data-label="Review"] a.review-cue') })
    .filter({ hasNot: page.locator('td[data-label="Outcome"]', { hasText: 'Complaint' }) })
    .first();
  await scored.locator('td[data-label="When"] a').click();
  await expect(page).toHaveURL(/\/calls\/\d+$/);
  await page.getByRole('link', { name: 'Log a complaint' }).click();
  await expect(page).toHaveURL(/\/complaints\/new\?call=\d+$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Log a complaint');
  const customer = unique('Customer');
  await page.getByLabel('Customer (name or reference)').fill(customer);
  await page.getByLabel('What the customer said').fill('I was charged for a visit that never happened.');
  await page.getByLabel('About').selectOption({ label: 'Billing' });
  await page.getByRole('button', { name: 'Log the complaint' }).click();
  await expect(page).toHaveURL(/\/complaints\/\d+$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Complaint from ${customer}`);
  const summary = page.locator('.complaint-summary');
  await expect(summary).toContainText('Recorded');
  // The call was scored: its recovery ratings sit beside the case.
  await expect(page.locator('section', { hasText: 'On the call' })).toContainText('Complaint handling');

  // Rectify by refund.
  const offer = page.getByRole('form', { name: 'Offer a rectification' });
  await offer.getByLabel('Rectification').selectOption({ label: 'Refund' });
  await offer.getByLabel('Amount refunded').fill('15.00');
  await offer.getByLabel('Did the customer accept it?').selectOption({ label: 'Yes, accepted' });
  await offer.getByRole('button', { name: 'Record the offer' }).click();
  await expect(summary).toContainText('Rectification offered');
  await expect(page.locator('.details').first()).toContainText('Refund of 15.00');

  // The follow-up is due today: it shows on the owner's home.
  const today = new Date().toISOString().slice(0, 10);
  const follow = page.getByRole('form', { name: 'Arrange the follow-up' });
  await follow.getByLabel('Follow up on').fill(today);
  await follow.getByRole('button', { name: 'Set the follow-up' }).click();
  await expect(summary).toContainText('Follow-up due');
  const caseUrl = page.url();

  await open(page, '/home');
  const reminders = page.locator('.complaint-reminders');
  await expect(reminders.getByRole('link', { name: customer })).toBeVisible();

  // The owner closes it after the follow-up.
  await reminders.getByRole('link', { name: customer }).click();
  await expect(page).toHaveURL(caseUrl);
  const close = page.getByRole('form', { name: 'Close after the follow-up' });
  await close.getByLabel('Is the customer now satisfied?').selectOption({ label: 'Yes' });
  await close.getByRole('button', { name: 'Close the complaint' }).click();
  await expect(summary).toContainText('Closed');
  await expect(page.locator('.step-history li')).toHaveCount(5);

  // The KPI page counts it.
  expect(await complaintsReceived(page)).toBe(before + 1);
  expect(errors).toEqual([]);
});

test('the register filters and an idea is logged from the ideas page', async ({ page }) => {
  const errors = collectErrors(page);
  await logIn(page, 'leader@rapport.demo', DEMO_PASSWORD);
  await open(page, '/complaints');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Complaints');
  await page.getByLabel('Due').selectOption({ label: 'Overdue only' });
  await expect(page).toHaveURL(/overdue=1/);
  await expect(page.locator('tbody tr').first()).toContainText('Overdue');
  await page.getByRole('link', { name: 'Service ideas' }).click();
  await expect(page).toHaveURL(/\/complaints\/ideas$/);
  const title = unique('Idea');
  await page.getByLabel('Idea', { exact: true }).fill(title);
  await page.getByRole('button', { name: 'Log the idea' }).click();
  await expect(page.locator('.idea', { hasText: title })).toContainText('Proposed');
  await page.getByRole('button', { name: `Agree “${title}”` }).click();
  await expect(page.locator('.idea', { hasText: title })).toContainText('Agreed');
  expect(errors).toEqual([]);
});
