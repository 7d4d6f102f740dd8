/// <reference lib="dom" />
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Page } from 'playwright-core';
import { defaultParameters } from '../src/model/parameters.js';
import { studioHtml } from '../src/studio/page.js';
import { NOTHING_LEFT_OUT } from '../src/studio/scenarioStart.js';

/**
 * Studio benchmark, in headless Chromium: weeks per second of your run (its doing-nothing twin
 * steps alongside) at full speed with the map and charts drawing, for 8 neighbourhoods of 250
 * households (target ≥ 50), then for growing populations until one falls below 10 weeks per
 * second; reports the largest that still reached 10. Each size is timed over MEASURE_MS of running,
 * after the first weeks.
 *   npm run bench:studio
 */

const MEASURE_MS = 5000;
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'];

interface Probe {
  week(): number;
  you(): unknown[];
  framesDrawn: number;
}
declare const window: Window & { studio: Probe };

async function weeksPerSecond(page: Page, households: number, dir: string): Promise<{ rate: number; frames: number }> {
  const params = defaultParameters();
  params.population.households = households;
  const file = join(dir, `studio-${households}.html`);
  writeFileSync(file, studioHtml({ params, seed: 1, horizon: 5200, lang: 'en', interventions: [], leftOut: NOTHING_LEFT_OUT }));
  await page.goto(pathToFileURL(file).href, { waitUntil: 'load' });
  await page.waitForFunction(() => window.studio?.you().length === 1, undefined, { timeout: 600_000 });
  await page.locator('#speed').fill('200'); // the slider's end: as fast as it goes
  await page.click('#play');
  await page.waitForFunction(() => window.studio.week() >= 2, undefined, { timeout: 600_000 });
  const start = await page.evaluate(() => ({ week: window.studio.week(), frames: window.studio.framesDrawn, t: performance.now() }));
  await page.waitForTimeout(MEASURE_MS);
  const end = await page.evaluate(() => ({ week: window.studio.week(), frames: window.studio.framesDrawn, t: performance.now() }));
  await page.click('#pause');
  const seconds = (end.t - start.t) / 1000;
  return { rate: (end.week - start.week) / seconds, frames: (end.frames - start.frames) / seconds };
}

const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ARGS });
const page = await browser.newPage({ viewport: { width: 1500, height: 950 } });
const dir = mkdtempSync(join(tmpdir(), 'draagvlak-studio-bench-'));
const neighbourhoods = defaultParameters().population.neighbourhoods;
const show = (households: number, r: { rate: number; frames: number }) =>
  `${neighbourhoods} × ${households} households (${neighbourhoods * households} in all): ${r.rate.toFixed(1)} weeks/s, ${r.frames.toFixed(0)} frames/s drawn`;

const base = await weeksPerSecond(page, 250, dir);
console.log(`${show(250, base)}  (target ≥ 50: ${base.rate >= 50 ? 'met' : 'NOT met'})`);
let largest = base.rate >= 10 ? 250 : 0;
for (let households = 1000; households <= 1_000_000; households *= 2) {
  const r = await weeksPerSecond(page, households, dir);
  console.log(show(households, r));
  if (r.rate < 10) break;
  largest = households;
}
console.log(`largest population at ≥ 10 weeks/s: ${neighbourhoods} × ${largest} = ${neighbourhoods * largest} households`);
await browser.close();
