import { chromium } from '@playwright/test';
const [,, who, path, out, width = '1366', scheme = 'light', full = 'full'] = process.argv;
const b = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
const ctx = await b.newContext({ viewport: { width: +width, height: 900 }, colorScheme: scheme });
const p = await ctx.newPage();
const base = 'http://127.0.0.1:3200';
if (who !== 'none') {
  await p.goto(base + '/login');
  await p.locator('.app[data-hydrated="/login"]').waitFor({ state: 'attached' });
  await p.getByLabel('Email').fill(who + '@rapport.demo');
  await p.getByLabel('Password').fill('rapport-demo');
  await p.getByRole('button', { name: 'Log in' }).click();
  await p.waitForURL(/home/);
}
await p.goto(base + path);
const pathname = new URL(base + path).pathname;
await p.locator(`.app[data-hydrated="${pathname}"]`).waitFor({ state: 'attached' });
await p.screenshot({ path: out, fullPage: full === 'full' });
await b.close();
