import { expect, test } from '@playwright/test';
import fs from 'node:fs';
import { collectErrors, DEMO_PASSWORD, hydrated, logIn, logOut, open } from './helpers';

test('a coach scores a recorded call with the keyboard and the agent disputes the review', async ({ page }) => {
  const errors = collectErrors(page);
  await logIn(page, 'coach1@rapport.demo', DEMO_PASSWORD);

  // An unreviewed call with a recording, from the call list.
  await open(page, '/calls');
  await page.getByLabel('Reviewed').selectOption('no');
  await page.getByLabel('Recording').selectOption('yes');
  // The download follows the filters.
  await expect(page.getByRole('link', { name: 'Calls CSV' })).toHaveAttribute('href', '/export/calls.csv?reviewed=no&recorded=yes');
  const row = page.locator('tr', { has: page.locator('.badge', { hasText: 'Audio' }) }).first();
  await expect(row).toBeVisible();
  const agent = (await row.locator('td[data-label="Agent"]').innerText()).trim();
  await row.locator('a').first().click();
  await expect(page).toHaveURL(/\/calls\/\d+$/);
  await expect(page.locator('audio')).toBeAttached();
  await page.getByRole('button', { name: 'Score this call' }).click();
  await expect(page).toHaveURL(/\/reviews\/\d+$/);
  await expect(page.getByRole('heading', { name: `Scoring: ${agent}` })).toBeVisible();

  // Play with the keyboard and let the recording run a little.
  await page.locator('body').press('k');
  await expect
    .poll(async () => page.locator('audio').evaluate((a: HTMLAudioElement) => a.currentTime), { timeout: 15_000 })
    .toBeGreaterThan(1.2);
  await page.locator('body').press('k');

  // Pin a note at the current time.
  await page.locator('body').press('p');
  await expect(page.locator('#pin-note')).toBeFocused();
  await page.keyboard.type('Greets the customer by name and takes ownership');
  await page.keyboard.press('Enter');
  const note = page.locator('.evidence', { hasText: 'takes ownership' });
  await expect(note).toBeVisible();
  await expect(note.locator('.cue-time')).toHaveText(/^0:0[1-9]$/);
  await expect(page.locator('.timeline .marker')).toHaveCount(1);

  // Rate every behaviour from the keyboard: each rating moves to the next.
  await page.keyboard.press('Escape');
  const total = await page.locator('article.behaviour').count();
  expect(total).toBeGreaterThanOrEqual(12);
  for (let i = 0; i < total; i++) {
    await page.locator('body').press(i === 3 ? 'n' : i === 5 ? '3' : '4');
  }
  await expect(page.locator('.score-bar')).toContainText(`${total} of ${total} rated`);
  await expect(page.locator('article.behaviour').nth(3).getByRole('radio', { name: 'Not applicable' })).toHaveAttribute('aria-checked', 'true');
  await expect(page.locator('.score-bar .score-badge')).not.toHaveText('–');

  await page.getByLabel('Strengths').fill('Clear, warm opening and real ownership of the problem.');
  await page.getByLabel('One or two development points').fill('Summarise the next steps before closing.');
  await page.getByRole('button', { name: 'Submit review' }).click();
  await expect(page.getByRole('heading', { name: `Review of ${agent}'s call` })).toBeVisible();
  await expect(page.locator('.review-summary')).toContainText('Awaiting agent');
  const reviewUrl = page.url();
  await logOut(page);

  // The agent reads it from the notification and disputes it.
  const email = {
    'Ana López': 'agent1@rapport.demo',
    'Ben Carter': 'agent2@rapport.demo',
    'Chloé Martin': 'agent3@rapport.demo',
  }[agent];
  expect(email, `demo agent ${agent}`).toBeTruthy();
  await logIn(page, email!, DEMO_PASSWORD);
  // The notification names the call, its day and its score.
  await expect(page.locator('.notifications a').first()).toHaveText(/^Sam Okafor reviewed your (phone|chat|email|social) call of \d{1,2} [A-Z][a-z]{2} \d{4}: \d+\.\d\.$/);
  await page.locator('.notifications a', { hasText: 'Sam Okafor' }).first().click();
  await expect(page).toHaveURL(reviewUrl);
  // Written for Ana, not about her.
  await expect(page.getByRole('heading', { name: 'Review of your call' })).toBeVisible();
  await expect(page.locator('.review-summary')).toContainText('Awaiting your response');
  // The response comes after the ratings, so the review is read first.
  const respond = page.locator('#respond');
  const lastRating = page.locator('.ratings-table').last();
  expect((await respond.boundingBox())!.y).toBeGreaterThan((await lastRating.boundingBox())!.y);
  await expect(page.locator('.evidence', { hasText: 'takes ownership' })).toBeVisible();
  await page.getByRole('button', { name: 'Dispute…' }).click();
  await page.getByLabel('What do you disagree with, and why?').fill('I did summarise: at the end I repeated the refund date.');
  await page.getByRole('button', { name: 'Send dispute' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Dispute sent.' })).toBeFocused();
  await expect(page.locator('.review-summary')).toContainText('Disputed');
  await expect(page.locator('.dispute blockquote')).toContainText('repeated the refund date');
  expect(errors).toEqual([]);
});

/** Presses Tab until the element matching `selector` has focus. */
async function tabTo(page: import('@playwright/test').Page, selector: string) {
  for (let i = 0; i < 300; i++) {
    if (await page.evaluate((s) => document.activeElement?.matches(s) ?? false, selector)) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`Tab never reached ${selector}`);
}

test('a coach scores a whole review by keyboard alone with the player in view, then opens the next call', async ({ page }) => {
  const errors = collectErrors(page);
  await logIn(page, 'coach1@rapport.demo', DEMO_PASSWORD);
  await open(page, '/calls');
  await page.getByLabel('Reviewed').selectOption('no');
  await page.getByLabel('Recording').selectOption('yes');
  const row = page.locator('tr', { has: page.locator('.badge', { hasText: 'Audio' }) }).first();
  await expect(row).toBeVisible();
  await row.locator('a').first().click();
  await expect(page).toHaveURL(/\/calls\/\d+$/);
  await hydrated(page);

  // From here on, only keys.
  await tabTo(page, 'button.primary');
  await expect(page.locator(':focus')).toHaveText(/Score this call|Continue scoring/);
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/reviews\/\d+$/);
  await expect(page.locator('.score-bar')).toBeVisible();
  const total = await page.locator('article.behaviour').count();
  for (let i = 0; i < total; i++) {
    await page.locator('body').press('4');
  }
  await expect(page.locator('.score-bar')).toContainText(`${total} of ${total} rated`);
  // The last behaviour is on screen, and so is the player.
  await expect(page.locator('article.behaviour').last()).toBeInViewport();
  await expect(page.locator('.scorer-listen audio')).toBeInViewport();

  await tabTo(page, '#strengths');
  await page.keyboard.type('Calm and clear from start to finish.');
  await page.keyboard.press('Tab');
  await expect(page.locator('#development')).toBeFocused();
  await page.keyboard.type('Check the customer has everything before closing.');
  await tabTo(page, 'button.primary');
  await expect(page.locator(':focus')).toHaveText('Submit review');
  await page.keyboard.press('Enter');

  // Confirmed, and focus waits on the next call.
  await expect(page.getByRole('status').filter({ hasText: 'Review submitted.' })).toBeVisible();
  const next = page.getByRole('link', { name: 'Score the next call' });
  await expect(next).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/calls\/\d+$/);
  await expect(page.getByRole('button', { name: /Score this call|Continue scoring/ })).toBeVisible();
  expect(errors).toEqual([]);
});

test('a focused rating takes Space, and the arrow keys move within its behaviour', async ({ page }) => {
  await logIn(page, 'coach1@rapport.demo', DEMO_PASSWORD);
  await open(page, '/calls');
  await page.getByLabel('Reviewed').selectOption('no');
  const row = page.locator('tbody tr').first();
  await expect(row).toBeVisible();
  await row.locator('a').first().click();
  await expect(page).toHaveURL(/\/calls\/\d+$/);
  await hydrated(page);
  // A draft left by an earlier run of this test is continued.
  await page.getByRole('button', { name: /^(Score this call|Continue scoring)$/ }).click();
  await expect(page).toHaveURL(/\/reviews\/\d+$/);
  await hydrated(page);
  const group = page.getByRole('radiogroup').first();
  const radios = group.getByRole('radio');
  // One tab stop per behaviour.
  await expect(group.locator('[tabindex="0"]')).toHaveCount(1);
  await radios.nth(2).focus();
  await page.keyboard.press('Space');
  await expect(radios.nth(2)).toHaveAttribute('aria-checked', 'true');
  await expect(group.locator('[tabindex="0"]')).toHaveCount(1);
  await expect(radios.nth(2)).toHaveAttribute('tabindex', '0');
  await page.keyboard.press('ArrowRight');
  await expect(radios.nth(3)).toBeFocused();
  await expect(radios.nth(3)).toHaveAttribute('aria-checked', 'true');
  await expect(radios.nth(2)).toHaveAttribute('aria-checked', 'false');
  await page.keyboard.press('ArrowLeft');
  await page.keyboard.press('ArrowLeft');
  await expect(radios.nth(1)).toBeFocused();
  await expect(radios.nth(1)).toHaveAttribute('aria-checked', 'true');
  await expect(page.locator('.score-bar')).toContainText('1 of');
});

test('an admin publishes a new framework version and old reviews keep theirs', async ({ page }) => {
  await logIn(page, 'admin@rapport.demo', DEMO_PASSWORD);
  await open(page, '/frameworks');
  await expect(page.locator('.versions')).toContainText('Version 1');
  await page.getByRole('button', { name: 'Start a new version' }).click();
  await expect(page).toHaveURL(/\/frameworks\/\d+$/);
  await expect(page.locator('.versions li.current')).toContainText('draft');

  // Rename a behaviour in the draft.
  const card = page.locator('article.behaviour-card[data-key="greeting_ownership"]');
  await card.getByRole('button', { name: 'Edit' }).click();
  await card.getByLabel('Name').fill('Greeting, name and ownership');
  await card.getByRole('button', { name: 'Save behaviour' }).click();
  await expect(card.locator('h4')).toContainText('Greeting, name and ownership');

  await page.getByRole('button', { name: 'Publish this version' }).click();
  await expect(page.locator('.versions li', { hasText: 'Version 2' })).toContainText('published');
  await expect(page.locator('.versions li', { hasText: 'Version 1' })).toContainText('retired');

  // A review scored before keeps version 1 and its wording.
  await open(page, '/reviews/1');
  await expect(page.locator('.page-header')).toContainText('framework v1');
  await expect(page.locator('tr[data-key="greeting_ownership"] th')).toContainText('Greeting and ownership');
});

/** A WAV file of `seconds` of a 440 Hz tone: 16-bit mono at 8 kHz. */
function toneWav(seconds: number): Buffer {
  const rate = 8000;
  const samples = Math.round(seconds * rate);
  const wav = Buffer.alloc(44 + samples * 2);
  wav.write('RIFF', 0);
  wav.writeUInt32LE(36 + samples * 2, 4);
  wav.write('WAVEfmt ', 8);
  wav.writeUInt32LE(16, 16);
  wav.writeUInt16LE(1, 20);
  wav.writeUInt16LE(1, 22);
  wav.writeUInt32LE(rate, 24);
  wav.writeUInt32LE(rate * 2, 28);
  wav.writeUInt16LE(2, 32);
  wav.writeUInt16LE(16, 34);
  wav.write('data', 36);
  wav.writeUInt32LE(samples * 2, 40);
  for (let i = 0; i < samples; i++) {
    wav.writeInt16LE(Math.round(8000 * Math.sin((2 * Math.PI * 440 * i) / rate)), 44 + i * 2);
  }
  return wav;
}

test('a coach attaches a recording and a transcript to a call; a file over the limit is refused before it uploads', async ({ page }, testInfo) => {
  const errors = collectErrors(page);
  await logIn(page, 'coach1@rapport.demo', DEMO_PASSWORD);
  await open(page, '/calls');
  await page.getByLabel('Reviewed').selectOption('no');
  // A phone call without a recording yet (written contacts have no player).
  await page.getByLabel('Channel', { exact: true }).selectOption('phone');
  await page.getByLabel('Recording').selectOption('no');
  const channels = page.locator('tbody td[data-label="Channel"]');
  await expect(channels.filter({ hasNotText: 'phone' })).toHaveCount(0);
  await expect(channels.filter({ hasText: 'Audio' })).toHaveCount(0);
  const row = page.locator('tbody tr').last();
  await expect(row).toBeVisible();
  await row.locator('a').first().click();
  await expect(page).toHaveURL(/\/calls\/\d+$/);
  await hydrated(page);

  // Too large: said at once, nothing is sent.
  const uploads: string[] = [];
  page.on('request', (r) => {
    if (r.method() === 'PUT') uploads.push(r.url());
  });
  const file = page.locator('#recording-file');
  // Playwright passes large files by path; a sparse file costs no disk.
  const large = testInfo.outputPath('whole-shift.wav');
  fs.writeFileSync(large, '');
  fs.truncateSync(large, 50 * 1024 * 1024 + 1);
  await file.setInputFiles(large);
  await expect(page.locator('.upload [role=alert]')).toContainText('"whole-shift.wav" is 50.1 MB; a recording can be at most 50 MB.');
  expect(uploads).toEqual([]);

  // A real recording uploads and plays in the page.
  await file.setInputFiles({ name: 'call.wav', mimeType: 'audio/wav', buffer: toneWav(3) });
  await expect(page.locator('.upload [role=status]')).toHaveText('Recording uploaded.');
  await expect(page.locator('audio')).toBeAttached();
  await expect
    .poll(async () => page.locator('audio').evaluate((a: HTMLAudioElement) => a.duration), { timeout: 15_000 })
    .toBeCloseTo(3, 1);

  // A transcript: a broken one is explained, a good one shows as cues.
  await page.getByText('Add or replace the transcript').click();
  const box = page.getByLabel('Transcript (WebVTT or plain text)');
  await box.fill('WEBVTT\n\n00:00:99.000 --> later\nHello');
  await page.getByRole('button', { name: 'Save transcript' }).click();
  await expect(page.locator('.transcript-form .field-error')).toBeVisible();
  await box.fill('WEBVTT\n\n00:00:01.000 --> 00:00:02.500\n<v Agent>Thanks for calling, this is Sam.\n\n00:00:02.500 --> 00:00:03.000\n<v Customer>Hi Sam, my bill is wrong.\n');
  await page.getByRole('button', { name: 'Save transcript' }).click();
  await expect(page.getByText('Hi Sam, my bill is wrong.')).toBeVisible();
  await expect(page.getByText('Thanks for calling, this is Sam.')).toBeVisible();
  // The browser logs the broken transcript's 422 itself; nothing else.
  expect(errors.filter((e) => !e.includes('status of 422'))).toEqual([]);
});
