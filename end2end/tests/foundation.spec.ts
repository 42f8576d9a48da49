import { expect, test } from '@playwright/test';
import { collectErrors, DEMO_PASSWORD, hydrated, logIn, logOut, open, unique } from './helpers';

test('sign up an organisation, create a coach, log in as the coach', async ({ page }) => {
  const id = unique('org');
  const adminEmail = `${id}@example.com`;
  const coachEmail = `coach-${id}@example.com`;

  await open(page, '/signup');
  await page.getByLabel('Organisation name').fill(`Acme Care ${id}`);
  await page.getByLabel('Your name').fill('Dana Founder');
  await page.getByLabel('Work email').fill(adminEmail);
  await page.getByLabel('Password').fill('a long founder passphrase');
  await page.getByRole('button', { name: 'Create organisation' }).click();

  await expect(page).toHaveURL(/\/home$/);
  await expect(page.getByRole('heading', { name: 'Hello, Dana' })).toBeVisible();
  const nav = page.getByRole('navigation', { name: 'Main' });
  await expect(nav.getByRole('link', { name: 'People' })).toBeVisible();
  await expect(nav.getByRole('link', { name: 'Teams' })).toBeVisible();

  await nav.getByRole('link', { name: 'People' }).click();
  await expect(page).toHaveURL(/\/admin\/people$/);
  await page.getByRole('button', { name: 'Add person' }).click();
  await page.getByRole('tab', { name: 'Create with a password' }).click();
  await page.getByLabel('Name', { exact: true }).fill('Casey Coach');
  await page.getByLabel('Email').fill(coachEmail);
  await page.getByRole('checkbox', { name: /^Agent/ }).uncheck();
  await page.getByRole('checkbox', { name: /^Coach/ }).check();
  await page.getByLabel('First password').fill('coach first password');
  await page.getByRole('button', { name: 'Create account' }).click();
  await expect(page.getByText('Casey Coach can now log in.')).toBeVisible();
  const row = page.locator(`tr[data-email="${coachEmail}"]`);
  await expect(row).toContainText('Casey Coach');
  await expect(row).toContainText('Coach');

  await logOut(page);
  await logIn(page, coachEmail, 'coach first password');
  await expect(page.getByRole('heading', { name: 'Hello, Casey' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Teams you coach' })).toBeVisible();
  const coachNav = page.getByRole('navigation', { name: 'Main' });
  await expect(coachNav.getByRole('link', { name: 'Home' })).toBeVisible();
  await expect(coachNav.getByRole('link', { name: 'People' })).toHaveCount(0);
  await expect(coachNav.getByRole('link', { name: 'Teams' })).toHaveCount(0);

  // The admin pages refuse the coach even when opened directly.
  await open(page, '/admin/people');
  await expect(page.getByRole('heading', { name: 'Not available to your role' })).toBeVisible();
});

test('a bad login shows the error next to the form', async ({ page }) => {
  await open(page, '/login');
  await page.getByLabel('Email').fill('leader@rapport.demo');
  await page.getByLabel('Password').fill('not the password');
  await page.getByRole('button', { name: 'Log in' }).click();
  const alert = page.locator('form .form-alert');
  await expect(alert).toContainText('do not match an account');
  await expect(page).toHaveURL(/\/login$/);

  await page.getByLabel('Email').fill('not-an-email');
  await page.getByRole('button', { name: 'Log in' }).click();
  await expect(page.locator('#field-email-error')).toContainText('missing an @');
});

test('the demo leader can log in and sees the demo organisation', async ({ page }) => {
  await logIn(page, 'leader@rapport.demo', DEMO_PASSWORD);
  await expect(page.getByRole('heading', { name: 'Hello, Jordan' })).toBeVisible();
  await expect(page.locator('.org-name')).toHaveText('Harbour Lane Energy');
  await expect(page.getByRole('heading', { name: 'Your organisation' })).toBeVisible();
});

test('a page whose code is still loading shows a progress bar, then the page', async ({ page }) => {
  await logIn(page, 'leader@rapport.demo', DEMO_PASSWORD);
  // Hold the code the KPI pages need until the bar has been seen.
  let release!: () => void;
  const held = new Promise<void>((r) => (release = r));
  await page.route('**/pkg/**', async (route) => {
    await held;
    await route.continue();
  });
  const bar = page.locator('.nav-progress');
  await expect(bar).not.toHaveClass(/active/);
  await page.getByRole('navigation').getByRole('link', { name: 'KPIs' }).first().click();
  await expect(bar).toHaveClass(/active/);
  await expect(page.locator('.app')).toHaveAttribute('aria-busy', 'true');
  release();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Service KPIs');
  await expect(bar).not.toHaveClass(/active/);
  await expect(page.locator('.app')).not.toHaveAttribute('aria-busy', 'true');
});

test('the skip link moves focus to the content, so Tab goes on from there', async ({ page }) => {
  await logIn(page, 'coach1@rapport.demo', DEMO_PASSWORD);
  await open(page, '/calls');
  await page.keyboard.press('Tab');
  await expect(page.getByRole('link', { name: 'Skip to content' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.locator('main#main')).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(page.locator('main#main :focus')).toHaveCount(1);
});

test('the account menu has a name on a phone and Esc closes it', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 800 });
  await logIn(page, 'leader@rapport.demo', DEMO_PASSWORD);
  const button = page.getByRole('button', { name: 'Account menu for Jordan Reyes' });
  await button.click();
  const logOut = page.getByRole('button', { name: 'Log out' });
  await expect(logOut).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(logOut).toBeHidden();
  await expect(button).toBeFocused();
  await expect(page.getByRole('link', { name: 'Rapport', exact: true })).toBeVisible();
});

test('signed-out visitors are sent to the login page and back', async ({ page }) => {
  await page.goto('/admin/teams');
  await expect(page).toHaveURL(/\/login\?next=\/admin\/teams$/);
  await hydrated(page);
  await page.getByLabel('Email').fill('admin@rapport.demo');
  await page.getByLabel('Password').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Log in' }).click();
  await expect(page).toHaveURL(/\/admin\/teams$/);
  await expect(page.getByRole('heading', { name: 'Billing & Payments' })).toBeVisible();
});

test('an admin invites an agent into a team; the agent joins with the link', async ({ page, browser }) => {
  const email = `${unique('agent')}@example.com`;
  await logIn(page, 'admin@rapport.demo', DEMO_PASSWORD);
  await open(page, '/admin/people');
  await page.getByRole('button', { name: 'Add person' }).click();
  await page.getByLabel('Name', { exact: true }).fill('Gabi Newcomer');
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Team (optional)').selectOption({ label: 'Technical Support' });
  await page.getByRole('button', { name: 'Create invitation link' }).click();
  const link = page.getByRole('textbox', { name: 'Invitation link' });
  await expect(link).toHaveValue(/\/invite\/[0-9a-f]{64}$/);
  const url = await link.inputValue();
  await expect(page.getByRole('heading', { name: 'Invitations not yet accepted' })).toBeVisible();

  const context = await browser.newContext();
  const invited = await context.newPage();
  await open(invited, url);
  await expect(invited.getByRole('heading', { name: 'Join Harbour Lane Energy' })).toBeVisible();
  await invited.getByLabel('Password').fill('my own good password');
  await invited.getByRole('button', { name: 'Join' }).click();
  await expect(invited).toHaveURL(/\/home$/);
  await expect(invited.getByRole('heading', { name: 'Your team' })).toBeVisible();
  await expect(invited.getByText('Technical Support')).toBeVisible();
  await expect(invited.getByText('Priya Nair')).toBeVisible();

  // The link works once.
  await open(invited, url);
  await expect(invited.getByText('already been used')).toBeVisible();
  await context.close();
});

test('an admin creates a team and staffs it', async ({ page }) => {
  const team = unique('Retention');
  await logIn(page, 'admin@rapport.demo', DEMO_PASSWORD);
  await open(page, '/admin/teams');
  await page.getByLabel('New team').fill(team);
  await page.getByRole('button', { name: 'Create team' }).click();
  const card = page.locator(`article[data-team="${team}"]`);
  await expect(card).toBeVisible();
  await card.getByLabel('Add a coach…').selectOption({ label: 'Sam Okafor' });
  await card.getByRole('button', { name: 'Add' }).first().click();
  await expect(card.locator('.member-list')).toContainText('Sam Okafor');
  await card.getByLabel('Add an agent…').selectOption({ label: 'Farid Haddad (now in Technical Support)' });
  await card.getByRole('button', { name: 'Add' }).nth(1).click();
  await expect(card).toContainText('Agents (1)');
  await expect(card.locator('.member-list').nth(1)).toContainText('Farid Haddad');

  // Creating the same team twice is refused with a clear message.
  await page.getByLabel('New team').fill(team);
  await page.getByRole('button', { name: 'Create team' }).click();
  await expect(page.getByText(`There is already a team called "${team}".`)).toBeVisible();
});

test('a signed-in person changes their password', async ({ page }) => {
  await open(page, '/signup');
  const email = `${unique('pw')}@example.com`;
  await page.getByLabel('Organisation name').fill('Password Co');
  await page.getByLabel('Your name').fill('Pat Changer');
  await page.getByLabel('Work email').fill(email);
  await page.getByLabel('Password').fill('first passphrase here');
  await page.getByRole('button', { name: 'Create organisation' }).click();
  await expect(page).toHaveURL(/\/home$/);
  await open(page, '/account');
  await page.getByLabel('Current password').fill('wrong one entirely');
  await page.getByLabel('New password', { exact: true }).fill('second passphrase here');
  await page.getByLabel('Repeat new password').fill('second passphrase here');
  await page.getByRole('button', { name: 'Change password' }).click();
  await expect(page.locator('#field-current-error')).toContainText('not your current password');
  await page.getByLabel('Current password').fill('first passphrase here');
  await page.getByRole('button', { name: 'Change password' }).click();
  await expect(page.getByText('Password changed.')).toBeVisible();
  await logOut(page);
  await logIn(page, email, 'second passphrase here');
});

test.describe('in a browser in Lisbon', () => {
  test.use({ timezoneId: 'Europe/Lisbon' });

  test("a new organisation starts on the browser's time zone; an admin sets it and their own on the account page", async ({ page }) => {
    await open(page, '/signup');
    // The form says which zone the organisation's days will follow.
    await expect(page.getByText(/days will follow Europe\/Lisbon/)).toBeVisible();
    const email = `${unique('tz')}@example.com`;
    await page.getByLabel('Organisation name').fill('Harbour Support');
    await page.getByLabel('Your name').fill('Tia Zoner');
    await page.getByLabel('Work email').fill(email);
    await page.getByLabel('Password').fill('first passphrase here');
    await page.getByRole('button', { name: 'Create organisation' }).click();
    await expect(page).toHaveURL(/\/home$/);
    await open(page, '/account');
    const org = page.getByLabel('Organisation time zone');
    await expect(org).toHaveValue('Europe/Lisbon');
    await org.selectOption('Australia/Sydney');
    await page.getByRole('button', { name: 'Save organisation time zone' }).click();
    await expect(page.getByText("Saved: reports now follow the organisation's new time zone.")).toBeVisible();
    const own = page.getByLabel('Your time zone');
    await expect(own.locator('option').first()).toHaveText('Same as the organisation (Australia/Sydney)');
    await own.selectOption('America/Chicago');
    await page.getByRole('button', { name: 'Save my time zone' }).click();
    await expect(page.getByText('Saved: times are shown in your chosen zone.')).toBeVisible();
    await open(page, '/account');
    await expect(page.getByLabel('Organisation time zone')).toHaveValue('Australia/Sydney');
    await expect(page.getByLabel('Your time zone')).toHaveValue('America/Chicago');
  });
});

test('unknown pages show the 404 page in the product design', async ({ page }) => {
  const response = await page.goto('/no/such/page');
  expect(response?.status()).toBe(404);
  await expect(page.getByRole('heading', { name: 'This page does not exist' })).toBeVisible();
});

// Regression: the page content used to be created inside the suspense that
// waits for the session, and a late re-run of it created the page's resources
// again under new ids; some loads then panicked while hydrating.
test('signed-in pages hydrate on every direct load', async ({ page }) => {
  await logIn(page, 'admin@rapport.demo', DEMO_PASSWORD);
  const errors = collectErrors(page);
  let previous = '/home';
  for (let round = 0; round < 2; round++) {
    for (const path of ['/admin/people', '/account', '/admin/teams', '/home', '/calls', '/calls/2', '/reviews/2', '/frameworks', '/development', '/team', '/targets/1', '/practice', '/self-assessment', '/continuum', '/continuum/2', '/continuum/model']) {
      await open(page, path);
      // A late error of a page shows up by the time the next one has hydrated.
      expect(errors, `errors on ${previous} or ${path}, round ${round}`).toEqual([]);
      previous = path;
    }
  }
  // Still interactive after all that: renaming opens the inline form.
  await open(page, '/admin/teams');
  await page.locator('article[data-team="Billing & Payments"]').getByRole('button', { name: 'Rename' }).click();
  await expect(page.getByLabel('Team name')).toBeVisible();
});

test('a next address that leaves the app is ignored after logging in', async ({ page }) => {
  // Browsers drop the tab, turning /<tab>/evil.example/ into //evil.example/.
  for (const next of ['/%09/evil.example/', '/%0a/evil.example/', '//evil.example/']) {
    await open(page, `/login?next=${next}`);
    await page.getByLabel('Email').fill('agent1@rapport.demo');
    await page.getByLabel('Password').fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: 'Log in' }).click();
    await expect(page).toHaveURL(/^http:\/\/127\.0\.0\.1:\d+\/home$/);
    await hydrated(page);
    await logOut(page);
  }
  // A path of the app is kept.
  await open(page, '/login?next=/calls');
  await page.getByLabel('Email').fill('agent1@rapport.demo');
  await page.getByLabel('Password').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Log in' }).click();
  await expect(page).toHaveURL(/\/calls$/);
});
