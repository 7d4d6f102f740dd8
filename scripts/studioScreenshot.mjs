// Takes docs/studio.png: the studio in headless Chromium some 100 weeks into the default scenario,
// with a neighbourhood evening, officials sent into the field and revenues shared in every
// neighbourhood after week 20, the charts beside the grey twin. (In one neighbourhood of eight the
// same interventions leave the averages within a line's width of the twin, and the picture shows
// no twin at all.)
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
await page.click('#action-evening');
await page.click('#action-field');
await page.click('#action-share-revenues');
await page.waitForFunction(() => window.studio.pressed().length === 3);
await runTo(100);
await page.waitForTimeout(800);
await page.screenshot({ path: join(root, 'docs', 'studio.png') });
await browser.close();
