// Takes docs/studio.png: the studio in headless Chromium some 60 weeks into the default scenario,
// with a neighbourhood evening and officials sent into the field in neighbourhood 7 after week 20,
// the charts beside the grey twin.
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
await page.locator('[id="lever-strategy.serving"]').fill('0.9'); // a more serving start than the default
await runTo(20);
const box = await page.locator('#map').boundingBox();
await page.mouse.click(box.x + box.width * 0.9, box.y + box.height * 0.75); // neighbourhood 7
await page.click('#action-evening');
await page.click('#action-field');
await page.waitForFunction(() => window.studio.pressed().length === 2);
await runTo(60);
await page.waitForTimeout(800);
await page.screenshot({ path: join(root, 'docs', 'studio.png') });
await browser.close();
