// Takes docs/studio.png: the studio in headless Chromium some 100 weeks into the default scenario,
// with a more serving start (a set from week 1), neighbourhood 2 picked on the map, a neighbourhood
// evening and officials sent into the field there after week 20 and revenues shared everywhere; the
// charts follow neighbourhood 2 beside the grey twin, the scenario with nothing done (its initiative
// reaches the threshold in week 75 or so, the twin's not by week 100).
//   npm run build && node scripts/studioScreenshot.mjs
import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';

const root = resolve(import.meta.dirname, '..');
const html = join(mkdtempSync(join(tmpdir(), 'draagvlak-shot-')), 'studio.html');
execFileSync(process.execPath, [join(root, 'bin', 'draagvlak.js'), 'studio', '--out', html], { stdio: 'inherit' });
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--headless', '--no-sandbox', '--disable-gpu'] });
const page = await browser.newPage({ viewport: { width: 1360, height: 860 } });
await page.goto(pathToFileURL(html).href, { waitUntil: 'load' });
await page.waitForFunction(() => window.studio?.you().length === 1);
const runTo = async (week) => {
  await page.click('#play');
  await page.waitForFunction((w) => window.studio.week() >= w, week);
  await page.click('#pause');
  await page.waitForFunction(() => !window.studio.running());
};
await page.locator('#speed').fill('40');
await page.locator('[id="lever-strategy.serving"]').fill('0.9'); // a more serving start than the default (a set from week 1)
await page.waitForFunction(() => window.studio.pressed().length === 1);
await runTo(20);
// eight neighbourhoods in two rows of four: neighbourhood 2 is the third of the upper row
const map = await page.locator('#map').boundingBox();
await page.mouse.click(map.x + map.width * 0.625, map.y + map.height * 0.25);
await page.waitForFunction(() => window.studio.target() === 2);
await page.click('#action-evening');
await page.click('#action-field');
await page.click('#action-share-revenues');
await page.waitForFunction(() => window.studio.pressed().length === 4);
await runTo(100);
await page.waitForTimeout(800);
await page.screenshot({ path: join(root, 'docs', 'studio.png') });
await browser.close();
