import { chromium } from '@playwright/test';
import { mkdirSync } from 'node:fs';
const base = process.env.BASE ?? 'http://127.0.0.1:3100';
const out = process.env.OUT ?? '/tmp/shots2';
mkdirSync(out, { recursive: true });
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
async function as(user, width) {
  const context = await browser.newContext({ viewport: { width, height: 900 } });
  const page = await context.newPage();
  page.on('pageerror', e => console.log('PAGEERROR', page.url(), String(e).slice(0, 100)));
  page.on('console', m => { if (m.type() === 'error') console.log('CONSOLE', page.url(), m.text().slice(0, 100)); });
  await page.goto(base + '/login');
  await page.locator('.app[data-hydrated="true"]').waitFor({ state: 'attached' });
  await page.getByLabel('Email').fill(user);
  await page.getByLabel('Password').fill('rapport-demo');
  await page.getByRole('button', { name: 'Log in' }).click();
  await page.waitForURL(/\/home/);
  return page;
}
for (const width of [1366, 390]) {
  let page = await as('coach1@rapport.demo', width);
  for (const [name, path] of [['home-coach', '/home'], ['calls', '/calls'], ['call', '/calls/1'], ['import', '/calls/import']]) {
    await page.goto(base + path);
    await page.locator('.app[data-hydrated="true"]').waitFor({ state: 'attached' });
    await page.waitForTimeout(500);
    await page.screenshot({ path: `${out}/${name}-${width}.png`, fullPage: true });
  }
  await page.goto(base + '/calls/1');
  await page.locator('.app[data-hydrated="true"]').waitFor({ state: 'attached' });
  await page.waitForTimeout(300);
  await page.getByRole('button', { name: /Score this call|Continue scoring/ }).click();
  await page.waitForURL(/\/reviews\//);
  await page.waitForTimeout(800);
  await page.screenshot({ path: `${out}/scoring-${width}.png`, fullPage: false });
  await page.screenshot({ path: `${out}/scoring-full-${width}.png`, fullPage: true });
  page = await as('leader@rapport.demo', width);
  for (const [name, path] of [['review-13', '/reviews/13'], ['framework', '/frameworks'], ['review-1', '/reviews/1']]) {
    await page.goto(base + path);
    await page.locator('.app[data-hydrated="true"]').waitFor({ state: 'attached' });
    await page.waitForTimeout(500);
    await page.screenshot({ path: `${out}/${name}-${width}.png`, fullPage: true });
  }
  page = await as('agent1@rapport.demo', width);
  await page.goto(base + '/home');
  await page.waitForTimeout(500);
  await page.screenshot({ path: `${out}/home-agent-${width}.png`, fullPage: true });
}
await browser.close();
