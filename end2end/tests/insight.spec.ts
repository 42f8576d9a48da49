import { expect, test } from '@playwright/test';
import fs from 'node:fs';
import { collectErrors, DEMO_PASSWORD, hydrated, logIn, open } from './helpers';

test('a leader sees which behaviours drive satisfaction, by CSAT and by NPS, and reads why it is not cause', async ({ page }) => {
  const errors = collectErrors(page);
  await logIn(page, 'leader@rapport.demo', DEMO_PASSWORD);
  await open(page, '/kpis');
  await page.getByRole('link', { name: 'What drives satisfaction' }).click();
  await expect(page).toHaveURL(/\/kpis\/insight\?.*outcome=csat/);
  await hydrated(page);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('What drives satisfaction');
  await expect(page.getByRole('heading', { name: 'Association, not cause' })).toBeVisible();

  // The demo history: the three behaviours that move satisfaction lead and pass.
  const forest = page.locator('figure.forest');
  await expect(forest).toHaveAttribute('aria-label', /^Difference in share by behaviour/);
  const rows = page.locator('.effects-table tbody tr:not(.effect-detail)');
  const leaders = await rows.locator('th button').allTextContents();
  expect(leaders.slice(0, 4)).toEqual(expect.arrayContaining(['Acknowledging feelings', 'Managing expectations', 'Listening and testing understanding']));
  const empathy = rows.filter({ hasText: 'Acknowledging feelings' });
  await expect(empathy.locator('.badge')).toHaveText('Passes');
  // Behaviours that apply only to complaints have too few calls to test.
  await expect(rows.filter({ hasText: 'Complaint handling' })).toContainText('Too few calls');

  // By NPS: promoters against detractors.
  await page.getByRole('button', { name: 'By NPS' }).click();
  await expect(page).toHaveURL(/outcome=nps/);
  await expect(page.locator('.lede')).toContainText('promoters (9–10) rather than detractors (0–6)');
  await expect(page.getByRole('button', { name: 'By NPS' })).toHaveAttribute('aria-pressed', 'true');

  // One behaviour opened: its figures in words, and what they do not show.
  const name = empathy.getByRole('button', { name: 'Acknowledging feelings' });
  await expect(name).toHaveAttribute('aria-expanded', 'false');
  await name.click();
  await expect(name).toHaveAttribute('aria-expanded', 'true');
  const detail = page.locator('.effect-detail:visible');
  await expect(detail).toContainText('had promoters');
  await expect(detail).toContainText('This is an association, not a cause');

  // The table as CSV.
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('link', { name: 'Download CSV' }).click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/^rapport-insight-nps-the-whole-organisation-\d{4}-\d{2}-\d{2}-to-\d{4}-\d{2}-\d{2}\.csv$/);
  const text = fs.readFileSync((await download.path())!, 'utf8');
  expect(text.split('\n')[0]).toContain('Behaviour,Cluster,Calls shown well');
  expect(errors).toEqual([]);
});

test('a coach opens a target and an agent and sees the behaviour before and after coaching', async ({ page }) => {
  const errors = collectErrors(page);
  await logIn(page, 'coach1@rapport.demo', DEMO_PASSWORD);
  await open(page, '/team');
  const ana = page.locator('tr', { hasText: 'Ana López' });
  await ana.locator('a[href^="/targets/"]').first().click();
  await expect(page).toHaveURL(/\/targets\/\d+$/);
  await hydrated(page);
  const card = page.locator('section', { has: page.getByRole('heading', { name: 'Did coaching work?' }) });
  await expect(card.locator('td[data-label="Before"]')).toContainText('calls');
  await expect(card.locator('td[data-label="After"]')).toContainText('calls');
  await expect(card).toContainText('with a 95% Welch interval');

  // From the agent's development page: every behaviour from a coaching date.
  await page.getByRole('link', { name: 'Development' }).first().click();
  await expect(page).toHaveURL(/\/development\?agent=\d+/);
  await hydrated(page);
  await page.getByRole('link', { name: 'Did coaching work?' }).click();
  await expect(page).toHaveURL(/\/kpis\/coaching\?agent=\d+/);
  await hydrated(page);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Did coaching work? Ana López');
  const table = page.locator('.coaching-table tbody tr');
  await expect(table.first()).toBeVisible();
  expect(await table.count()).toBeGreaterThan(10);
  const date = page.getByLabel('Coaching date', { exact: true });
  await date.fill('2026-01-15');
  await date.dispatchEvent('change');
  await expect(page).toHaveURL(/on=2026-01-15/);
  await expect(page.locator('.lede')).toContainText('15 Jan 2026');
  expect(errors).toEqual([]);
});
