import * as fs from 'fs';
import { expect, test } from '@playwright/test';
import { collectErrors, DEMO_PASSWORD, logIn, open } from './helpers';

test('a leader places the organisation, turns a next step into an action and compares with earlier assessments', async ({ page }) => {
  const errors = collectErrors(page);
  await logIn(page, 'leader@rapport.demo', DEMO_PASSWORD);
  await page.getByRole('link', { name: 'Continuum' }).click();
  await expect(page).toHaveURL(/\/continuum$/);
  await expect(page.locator('table')).toContainText('Summer review');

  // Start an assessment of the whole organisation.
  await page.getByLabel('New assessment').fill('Browser check');
  await page.getByRole('button', { name: 'Start' }).click();
  await expect(page).toHaveURL(/\/continuum\/\d+$/);
  await expect(page.getByRole('heading', { name: 'Browser check' })).toBeVisible();

  // Stages 1–3 in place everywhere, stages 4–5 not yet: one component at
  // a time, each step saying how far it is answered.
  await expect(page.locator('.stage-block')).toHaveCount(15);
  const componentSteps = page.locator('.component-steps button');
  await expect(componentSteps).toHaveCount(3);
  await expect(componentSteps.first()).toHaveAttribute('aria-current', 'step');
  for (let c = 0; c < 3; c++) {
    const shown = page.locator('.component-block:not([hidden])');
    await expect(shown).toHaveCount(1);
    const blocks = shown.locator('.stage-block');
    await expect(blocks).toHaveCount(5);
    let answered = 0;
    for (let b = 0; b < 5; b++) {
      const block = blocks.nth(b);
      const heading = await block.locator('h4').innerText();
      const choice = /Stage [123]/.test(heading) ? 'In place' : 'Not in place';
      const statements = block.locator('.statement');
      const n = await statements.count();
      for (let s = 0; s < n; s++) {
        await statements.nth(s).getByRole('radio', { name: choice, exact: true }).check();
      }
      answered += n;
    }
    await expect(componentSteps.nth(c)).toContainText(`${answered} of ${answered} answered`);
    if (c < 2) {
      await shown.getByRole('button', { name: /^Next: / }).click();
      await expect(componentSteps.nth(c + 1)).toHaveAttribute('aria-current', 'step');
      await expect(page.locator('.component-block:not([hidden]) h3')).toBeFocused();
    }
  }
  await expect(page.locator('.summary-counts')).toContainText('0 unanswered');
  await page.waitForLoadState('networkidle');
  await page.getByRole('button', { name: 'Submit my answers' }).click();
  // The page reloads its data after each step: wait for what it shows.
  await expect(page.locator('.lede', { hasText: '(submitted)' })).toBeVisible();
  await page.getByRole('button', { name: 'Close and place' }).click();

  // The stage, the picture and the next steps.
  await expect(page.locator('.overall')).toHaveText('Stage 3 · Managed');
  await expect(page.locator('svg.continuum-picture.picture-full')).toHaveAttribute('aria-label', /Overall stage 3, Managed/);
  await expect(page.locator('.picture-legend')).toContainText('Overall stage (the lowest component)');
  const steps = page.locator('.next-steps li');
  await expect(steps).toHaveCount(9);

  // What moved since the organisation's previous assessment, the summer review.
  await expect(page.getByRole('heading', { name: 'Since Summer review' })).toBeVisible();
  await expect(page.locator('.since-profile li').first()).toHaveText(/Overall\s*3 Managed \(unchanged\)/);
  await expect(page.locator('.since-card summary').first()).toHaveText(/\d+ practices? moved forward/);

  // A next step becomes an action with an owner and a date.
  const first = steps.first();
  const text = (await first.locator('span').nth(1).innerText()).trim();
  // A reload still arriving can redraw the list and close the form just
  // opened; open it until it stays open.
  await expect(async () => {
    if (!(await first.getByLabel('Owner').isVisible())) {
      await first.getByRole('button', { name: 'Make an action' }).click();
    }
    await expect(first.getByLabel('Owner')).toBeVisible({ timeout: 2000 });
  }).toPass();
  await first.getByLabel('Owner').selectOption({ label: 'Alex Morgan' });
  await first.getByLabel('Due').fill('2027-03-31');
  await first.getByRole('button', { name: 'Add to the plan' }).click();
  await expect(page.locator('.actions-list li').first()).toContainText(text);
  await expect(page.locator('.actions-list li').first()).toContainText('Alex Morgan · due 2027-03-31');
  await expect(steps.first()).toContainText('In the plan');
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('link', { name: 'Download CSV' }).click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/^rapport-continuum-browser-check-\d{4}-\d{2}-\d{2}\.csv$/);
  const csv = fs.readFileSync((await download.path())!, 'utf8');
  expect(csv.split('\n')[0]).toContain('assessment,Browser check');
  expect(csv).toContain('\naction,owner,due,status');

  // Side by side with the earlier assessments.
  await open(page, '/continuum');
  const row = page.locator('tr', { hasText: 'Browser check' });
  await expect(row.locator('td[data-label="Overall"]')).toHaveText('3 · Managed');
  await expect(page.locator('tr', { hasText: 'Winter baseline' }).locator('td[data-label="Overall"]')).toHaveText('1 · Reactive');
  const compare = page.locator('.compare-item');
  await expect(compare).toHaveCount(3);
  await expect(compare.first()).toContainText('Browser check');
  expect(errors).toEqual([]);
});

test('an admin rewords the model as a new version; earlier assessments keep theirs', async ({ page }) => {
  const errors = collectErrors(page);
  const original = 'Every contact channel we publish (phone, chat, email, social) is staffed during its advertised hours.';
  const reworded = 'Every channel we advertise is answered by a person during its published hours.';
  await logIn(page, 'admin@rapport.demo', DEMO_PASSWORD);
  await page.getByRole('link', { name: 'Continuum' }).click();
  await page.getByRole('link', { name: 'The model' }).click();
  await expect(page).toHaveURL(/\/continuum\/model$/);
  await expect(page.getByRole('heading', { name: 'Continuum model' })).toBeVisible();
  await expect(page.locator('.lede')).toContainText('Version 1 · published · 45 practice statements');

  await page.getByRole('button', { name: 'Start a new version' }).click();
  await expect(page.locator('.lede')).toContainText('Version 2 · draft');
  const cell = page.locator('article[data-cell="customer_focus-1"]');
  await cell.getByRole('button', { name: 'Edit' }).click();

  // An emptied statement is refused at that statement, and nothing is saved.
  await cell.getByLabel('Statement 2', { exact: true }).fill('');
  await cell.getByRole('button', { name: 'Save cell' }).click();
  await expect(cell.locator('.statement-edit').nth(1).locator('.field-error')).toHaveText('Statement 2 is empty: write it or remove it.');

  // Reword the first, remove the second, add one the data can check.
  await cell.getByLabel('Statement 1', { exact: true }).fill(reworded);
  await cell.getByRole('button', { name: 'Remove statement 2' }).click();
  await cell.getByRole('button', { name: 'Add a statement' }).click();
  await cell.getByLabel('Statement 3', { exact: true }).fill('Customers are asked how satisfied they were after every call.');
  await cell.locator('.statement-edit').nth(2).getByLabel('Evidence from data').selectOption({ label: 'CSAT recorded on recent calls' });
  await cell.getByRole('button', { name: 'Save cell' }).click();
  await expect(cell.locator('.model-statements li')).toHaveCount(3);
  await expect(cell.locator('.model-statements li').first()).toHaveText(reworded);
  await expect(cell.locator('.model-statements li').nth(2)).toContainText('Data: CSAT recorded on recent calls');

  await page.getByRole('button', { name: 'Publish this version' }).click();
  await expect(page.locator('.lede')).toContainText('Version 2 · published');
  const versions = page.getByRole('navigation', { name: 'Versions' });
  await expect(versions.locator('li').first()).toContainText('Version 2');
  await expect(versions.locator('li').nth(1)).toContainText('retired');

  // A new assessment uses the new wording; the summer review keeps version 1.
  await open(page, '/continuum');
  await expect(page.locator('.lede')).toContainText('Model version 2.');
  await page.getByLabel('New assessment').fill('After rewording');
  await page.getByRole('button', { name: 'Start' }).click();
  await expect(page).toHaveURL(/\/continuum\/\d+$/);
  await expect(page.locator('.questionnaire')).toContainText(reworded);
  await expect(page.locator('.lede')).toContainText('model version 2');
  await open(page, '/continuum/2');
  await expect(page.locator('.lede')).toContainText('model version 1');
  expect(await page.locator('main').innerText()).not.toContain(reworded);
  // The one refused save (422) above was intended; nothing else may fail.
  expect(errors.filter((e) => !e.includes('status of 422'))).toEqual([]);
});
