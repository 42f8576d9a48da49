import { expect, test } from '@playwright/test';
import fs from 'node:fs';
import { collectErrors, DEMO_PASSWORD, hydrated, logIn, open } from './helpers';

test('a leader reads the KPIs, narrows them by period and team, and downloads the table', async ({ page }) => {
  const errors = collectErrors(page);
  await logIn(page, 'leader@rapport.demo', DEMO_PASSWORD);

  // The home page leads with the organisation's figures.
  const card = page.locator('.kpi-home');
  await expect(card).toContainText('the whole organisation');
  await expect(card.locator('.kpi-tile').first()).toContainText('NPS');
  await card.getByRole('link', { name: 'Open KPIs' }).click();
  await expect(page).toHaveURL(/\/kpis\?/);
  await hydrated(page);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Service KPIs');

  // The last 90 days by ISO week: a row per week, the trend beside it.
  const rows = page.locator('.kpi-layout tbody tr');
  await expect(rows.first().locator('th')).toHaveText(/^\d{4}-W\d{2}$/);
  const weeks = await rows.count();
  expect(weeks).toBeGreaterThan(8);
  const chart = page.locator('.kpi-trend > svg');
  await expect(chart).toHaveAttribute('aria-label', /^CSAT by period\./);

  // Another figure on the chart, then a year by month.
  await page.getByRole('button', { name: 'Abandonment' }).click();
  await expect(chart).toHaveAttribute('aria-label', /^Abandonment by period\./);
  await page.getByLabel('Period', { exact: true }).selectOption({ label: 'Last 12 months' });
  await page.getByLabel('Group', { exact: true }).selectOption({ label: 'By month' });
  await expect(rows.first().locator('th')).toHaveText(/^[A-Z][a-z]{2} \d{4}$/);
  // A row per calendar month the 365 days touch (13 unless they start on
  // the 1st); the demo has enquiries in every one. Comparing with the week
  // count instead failed on days when both came to 13.
  const today = new Date();
  const from = new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate() - 364));
  const months = (today.getUTCFullYear() - from.getUTCFullYear()) * 12 + today.getUTCMonth() - from.getUTCMonth() + 1;
  await expect(rows).toHaveCount(months);
  await expect(chart).toHaveAttribute('aria-label', /^Abandonment by period\./);
  await expect(page).toHaveURL(/group=month/);

  // One team: the lede and the figures say so.
  const enquiries = page
    .locator('.kpi-tile', { has: page.locator('dt', { hasText: /^Complaints$/ }) })
    .locator('.kpi-note');
  const all = await enquiries.textContent();
  await page.getByLabel('Team', { exact: true }).selectOption({ label: 'Technical Support' });
  await expect(page.locator('.lede')).toContainText('team Technical Support');
  await expect(enquiries).not.toHaveText(all!);

  // The same table as CSV, named for what and when it shows.
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('link', { name: 'Download CSV' }).click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/^rapport-kpis-team-technical-support-\d{4}-\d{2}-\d{2}-to-\d{4}-\d{2}-\d{2}-by-month\.csv$/);
  const text = fs.readFileSync((await download.path())!, 'utf8');
  expect(text.split('\n')[0]).toContain('Period,Period start,Enquiries,NPS');
  expect(text).toContain('\nAll,');

  // The quality dashboards keep the filters: the team's agents by behaviour.
  await page.getByRole('link', { name: 'Quality' }).click();
  await expect(page).toHaveURL(/\/kpis\/quality\?.*team=\d+/);
  await hydrated(page);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Quality');
  const heatmap = page.locator('table.heatmap');
  // The team's agents (other tests may have added one), no one else's.
  for (const name of ['Dev Patel', 'Erin Walsh', 'Farid Haddad']) {
    await expect(heatmap.locator('tbody th', { hasText: name })).toHaveCount(1);
  }
  await expect(heatmap.locator('tbody th', { hasText: 'Ana López' })).toHaveCount(0);
  await expect(page.locator('.kpi-trend > svg')).toHaveAttribute('aria-label', /^Mean review score by period\./);
  const [heat] = await Promise.all([
    page.waitForEvent('download'),
    page.locator('section', { has: heatmap }).getByRole('link', { name: 'CSV' }).click(),
  ]);
  expect(heat.suggestedFilename()).toMatch(/^rapport-heatmap-team-technical-support-.*\.csv$/);
  expect(errors).toEqual([]);
});
