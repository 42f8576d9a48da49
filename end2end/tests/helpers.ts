import { expect, Page } from '@playwright/test';

/** Opens a page and waits until the app has hydrated, so clicks are handled. */
export async function open(page: Page, path: string) {
  await page.goto(path);
  await hydrated(page);
}

/**
 * Waits until the page at the current address is interactive: the app marks
 * itself with the path of the page that last hydrated, so after an in-app
 * navigation the previous page's mark does not count.
 */
export async function hydrated(page: Page) {
  const path = new URL(page.url()).pathname;
  await expect(page.locator(`.app[data-hydrated="${path}"]`)).toBeAttached();
}

export const DEMO_PASSWORD = 'rapport-demo';

export async function logIn(page: Page, email: string, password: string) {
  await open(page, '/login');
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Log in' }).click();
  await expect(page).toHaveURL(/\/home$/);
  await hydrated(page);
}

export async function logOut(page: Page) {
  await page.locator('.user-button').click();
  await page.getByRole('button', { name: 'Log out' }).click();
  await expect(page).toHaveURL(/\/login$/);
}

export function unique(prefix: string) {
  return `${prefix}-${Date.now().toString(36)}${Math.floor(Math.random() * 1e4)}`;
}

/** Collects uncaught errors and console errors, such as a hydration panic. */
export function collectErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('console', (m) => {
    // A failed request names itself only in the message's location.
    if (m.type() === 'error') errors.push(m.location().url ? `${m.text()} (${m.location().url} on ${page.url()})` : m.text());
  });
  return errors;
}
