// Takes screenshots of the main pages, narrow and wide, light and dark, for
// a person to look at. Not a test. Usage (server running on BASE):
//   BASE=http://127.0.0.1:3000 OUT=/tmp/shots node end2end/screenshots.mjs
import { chromium } from '@playwright/test';
import { mkdirSync } from 'node:fs';

const base = process.env.BASE ?? 'http://127.0.0.1:3000';
const out = process.env.OUT ?? '/tmp/shots';
mkdirSync(out, { recursive: true });

// ONLY=name,name limits the run to some pages.
const only = process.env.ONLY ? process.env.ONLY.split(',') : null;
const allPages = [
  ['landing', '/', null],
  ['login', '/login', null],
  ['signup', '/signup', null],
  ['home-admin', '/home', 'admin@rapport.demo'],
  ['people', '/admin/people', 'admin@rapport.demo'],
  ['teams', '/admin/teams', 'admin@rapport.demo'],
  ['home-coach', '/home', 'coach1@rapport.demo'],
  ['calls', '/calls', 'coach1@rapport.demo'],
  ['home-agent', '/home', 'agent1@rapport.demo'],
  ['account', '/account', 'agent1@rapport.demo'],
  ['development-agent', '/development', 'agent1@rapport.demo'],
  ['self-assessment-new', '/self-assessment/new', 'agent1@rapport.demo'],
  ['self-assessments', '/self-assessment', 'agent1@rapport.demo'],
  ['target-open', '/targets/2', 'agent1@rapport.demo'],
  ['target-achieved', '/targets/1', 'agent1@rapport.demo'],
  ['target-waiting', '/targets/3', 'agent1@rapport.demo'],
  ['target-new', '/targets/new', 'agent1@rapport.demo'],
  ['practice', '/practice', 'agent1@rapport.demo'],
  ['team', '/team', 'coach1@rapport.demo'],
  ['development-coach', '/development', 'coach1@rapport.demo'],
  ['continuum', '/continuum', 'leader@rapport.demo'],
  ['continuum-result', '/continuum/2', 'leader@rapport.demo'],
  ['continuum-questionnaire', '/continuum/3', 'leader@rapport.demo'],
  ['continuum-model', '/continuum/model', 'admin@rapport.demo'],
  ['calibration', '/calibration', 'leader@rapport.demo'],
  ['calibration-revealed', '/calibration/1', 'leader@rapport.demo'],
  ['calibration-agreement', '/calibration/agreement', 'leader@rapport.demo'],
  ['calibration-blind', '/calibration/3', 'coach2@rapport.demo'],
  ['kpis', '/kpis', 'leader@rapport.demo'],
  ['kpis-coach', '/kpis?metric=nps', 'coach1@rapport.demo'],
  ['quality', '/kpis/quality?from=2026-05-01&to=2026-11-25&group=month', 'leader@rapport.demo'],
  ['quality-coach', '/kpis/quality', 'coach1@rapport.demo'],
  ['home-leader', '/home', 'leader@rapport.demo'],
  ['insight', '/kpis/insight', 'leader@rapport.demo'],
  ['insight-nps', '/kpis/insight?outcome=nps', 'coach1@rapport.demo'],
  ['coaching', '/kpis/coaching', 'leader@rapport.demo'],
  ['coaching-agent', '/kpis/coaching?agent=5', 'coach1@rapport.demo'],
  ['target-coaching', '/targets/1', 'coach1@rapport.demo'],
  ['history-import', '/reviews/import', 'admin@rapport.demo'],
  ['sampling', '/sampling', 'leader@rapport.demo'],
  ['sample', '/sampling/1', 'leader@rapport.demo'],
  ['sample-coach', '/sampling/1', 'coach2@rapport.demo'],
  ['home-coach2', '/home', 'coach2@rapport.demo'],
  ['complaints', '/complaints', 'leader@rapport.demo'],
  ['complaint', '/complaints/12', 'coach1@rapport.demo'],
  ['complaint-closed', '/complaints/10', 'leader@rapport.demo'],
  ['complaint-new', '/complaints/new', 'coach1@rapport.demo'],
  ['ideas', '/complaints/ideas', 'leader@rapport.demo'],
  ['home-complaints', '/home', 'coach1@rapport.demo'],
  ['kpis-complaints', '/kpis', 'leader@rapport.demo'],
  ['notfound', '/nope', null],
];
const pages = allPages.filter(([name]) => !only || only.includes(name));

const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update'],
});
for (const [scheme, widths] of [['light', [390, 1366]], ['dark', [390, 1366]]]) {
  for (const width of widths) {
    const context = await browser.newContext({ viewport: { width, height: 900 }, colorScheme: scheme });
    let who = null;
    for (const [name, path, user] of pages) {
      const page = await context.newPage();
      if (user !== who) {
        await context.clearCookies();
        if (user) {
          await page.goto(base + '/login');
          await page.locator('.app[data-hydrated="/login"]').waitFor({ state: 'attached' });
          await page.getByLabel('Email').fill(user);
          await page.getByLabel('Password').fill('rapport-demo');
          await page.getByRole('button', { name: 'Log in' }).click();
          await page.waitForURL(/\/home/);
        }
        who = user;
      }
      await page.goto(base + path);
      const shown = new URL(page.url()).pathname;
      await page.locator(`.app[data-hydrated="${shown}"]`).waitFor({ state: 'attached' }).catch(() => {});
      await page.waitForTimeout(300);
      await page.screenshot({ path: `${out}/${name}-${width}-${scheme}.png`, fullPage: true });
      await page.close();
    }
    await context.close();
  }
}
await browser.close();
console.log(`screenshots in ${out}`);
