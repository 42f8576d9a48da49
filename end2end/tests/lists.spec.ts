import { expect, test } from '@playwright/test';
import { collectErrors, DEMO_PASSWORD, hydrated, logIn, open, unique } from './helpers';

test('a coach triages the calls list by its review column and opens a review from it', async ({ page }) => {
  const errors = collectErrors(page);
  await logIn(page, 'coach1@rapport.demo', DEMO_PASSWORD);
  await open(page, '/calls');
  await page.getByLabel('Reviewed').selectOption('yes');
  const rows = page.locator('.calls-table tbody tr');
  await expect(rows.first().locator('td[data-label="Review"] .score-badge')).toBeVisible();
  await expect(rows.first().locator('td[data-label="Review"]')).toContainText(/by \S+/);
  // Every row the filter keeps carries a review.
  const count = await rows.count();
  for (let i = 0; i < Math.min(count, 10); i++) {
    await expect(rows.nth(i).locator('td[data-label="Review"] a.review-cue')).toBeVisible();
  }
  await rows.first().locator('a.review-cue').click();
  await expect(page).toHaveURL(/\/reviews\/\d+$/);
  await hydrated(page);
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Review of');

  // Calls still waiting say so.
  await open(page, '/calls');
  await page.getByLabel('Reviewed').selectOption('no');
  await expect(page.locator('.calls-table tbody tr').first().locator('td[data-label="Review"]')).toHaveText('Not yet');
  expect(errors).toEqual([]);
});

test("an agent's home lists reviews by call date on a scaled chart and leads to all their reviewed calls", async ({ page }) => {
  const errors = collectErrors(page);
  await logIn(page, 'agent1@rapport.demo', DEMO_PASSWORD);
  const card = page.locator('section.card', { has: page.getByRole('heading', { name: 'Your reviews' }) });
  await expect(card.locator('.trend svg')).toHaveAttribute('aria-label', /by call date.*scale of 0 to 100/);
  await expect(card.locator('.trend .axis-label')).toHaveText(['0', '50', '100']);
  await card.getByRole('link', { name: 'All your reviewed calls' }).click();
  await expect(page).toHaveURL(/\/calls\?reviewed=yes$/);
  await hydrated(page);
  await expect(page.getByLabel('Reviewed')).toHaveValue('yes');
  const first = page.locator('.calls-table tbody tr').first();
  await expect(first.locator('td[data-label="Review"] .score-badge')).toBeVisible();
  await expect(first.locator('td[data-label="Agent"]')).toHaveText('Ana López');
  expect(errors).toEqual([]);
});

test('a leader orders the team table by blind spots, targets or name and filters it to one team', async ({ page }) => {
  const errors = collectErrors(page);
  await logIn(page, 'leader@rapport.demo', DEMO_PASSWORD);
  await open(page, '/team');
  const rows = page.locator('.team-dev-table tbody tr');
  await expect(rows.first()).toBeVisible();
  const total = await rows.count();
  await expect(page.locator('.filters [role="status"]')).toHaveText(`${total} agents`);

  // Widest blind spots first: the count of chips (shown and folded) falls.
  const spots = async () => {
    const n = await rows.count();
    const out: number[] = [];
    for (let i = 0; i < n; i++) out.push(await rows.nth(i).locator('td[data-label="Blind spots"] li.chip').count());
    return out;
  };
  const first = await spots();
  expect(first[0]).toBeGreaterThan(0);
  expect([...first].sort((a, b) => b - a)).toEqual(first);
  // At most three chips show; the rest fold under "n more".
  for (let i = 0; i < total; i++) {
    const cell = rows.nth(i).locator('td[data-label="Blind spots"]');
    await expect(cell.locator('> ul.chips > li')).toHaveCount(Math.min(first[i], 3));
    if (first[i] > 3) await expect(cell.locator('details summary')).toHaveText(`${first[i] - 3} more`);
  }

  // The server orders and filters: wait until the rows on screen are the
  // new ones, as a person watching the table would.
  const names = () => rows.locator('th[scope="row"] > a').allInnerTexts();
  const order = page.getByLabel('Order', { exact: true });
  await order.focus();
  await order.selectOption({ label: 'Name' });
  await expect.poll(async () => {
    const now = await names();
    return now.join('|') === [...now].sort((a, b) => a.localeCompare(b)).join('|');
  }).toBe(true);
  // The filters stay put while the rows reload: focus stays where it was.
  await expect(order).toBeFocused();

  const team = page.getByLabel('Team', { exact: true });
  const choices = (await team.locator('option').allInnerTexts()).filter((t) => t !== 'All teams');
  expect(choices.length).toBeGreaterThan(1);
  await team.selectOption({ label: choices[0] });
  await expect.poll(async () => {
    const teams = await rows.locator('th[scope="row"]').allInnerTexts();
    return teams.length > 0 && teams.every((t) => t.includes(choices[0]));
  }).toBe(true);
  await expect(page.locator('.filters [role="status"]')).not.toContainText('updating');
  await expect(page.locator('.filters [role="status"]')).not.toHaveText(`${total} agents`);
  expect(errors).toEqual([]);
});

test('a large team view shows its first fifty agents and the rest on request', async ({ page }) => {
  const errors = collectErrors(page);
  await open(page, '/signup');
  await page.getByLabel('Organisation name').fill('Large Centre');
  await page.getByLabel('Your name').fill('Lee Large');
  await page.getByLabel('Work email').fill(`${unique('large')}@example.com`);
  await page.getByLabel('Password').fill('a long passphrase here');
  await page.getByRole('button', { name: 'Create organisation' }).click();
  await expect(page).toHaveURL(/\/home$/);
  // Fifty-five agents on one team, through the admin's own server functions.
  const post = async (endpoint: string, form: Record<string, string>) => {
    const r = await page.request.post(`/api/${endpoint}`, { form });
    expect(r.ok(), `${endpoint}: ${await r.text()}`).toBeTruthy();
    return r.json();
  };
  const team = await post('admin/create_team', { name: 'Floor' });
  const tag = unique('agent');
  for (let i = 0; i < 55; i++) {
    const who = await post('admin/create_user', {
      name: `Agent ${String(i).padStart(2, '0')}`,
      email: `${tag}-${i}@example.com`,
      roles: 'agent',
      password: 'a long passphrase here',
    });
    await post('admin/set_membership', { team_id: `${team.id}`, user_id: `${who.id}`, kind: 'agent', member: 'true' });
  }
  await open(page, '/team');
  const rows = page.locator('.team-dev-table tbody tr');
  const status = page.locator('.filters [role="status"]');
  await expect(status).toHaveText('The first 50 of 55 agents');
  await expect(rows).toHaveCount(50);
  await hydrated(page);
  await page.getByRole('button', { name: 'Show 5 more' }).click();
  await expect(rows).toHaveCount(55);
  await expect(status).toHaveText('55 agents');
  await expect(page.getByRole('button', { name: /^Show/ })).toHaveCount(0);
  // Ordered by name, the first fifty are Agent 00 to Agent 49.
  await page.reload();
  await hydrated(page);
  await page.getByLabel('Order', { exact: true }).selectOption({ label: 'Name' });
  await expect(rows.last().locator('th[scope="row"] > a')).toHaveText('Agent 49');
  await page.getByRole('button', { name: 'Show all 55' }).click();
  await expect(rows.last().locator('th[scope="row"] > a')).toHaveText('Agent 54');
  expect(errors).toEqual([]);
});
