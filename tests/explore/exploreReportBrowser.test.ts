/// <reference lib="dom" />
import { copyFileSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser } from 'playwright-core';
import { launchChromium } from '../browser.js';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { buildExploreReport } from '../../src/charts/exploreReport.js';
import { exploreCharts } from '../../src/charts/exploreCharts.js';
import { EXPLORE_FILES } from '../../src/explore/write.js';

const COMMITTED = 'results/explore-drivers';

describe('the explore report of scenarios/explore-drivers.yaml', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
  });

  test('rebuilt from the committed runs, it gives the committed explore files, and opens in Chromium with every chart drawn and no console error', async () => {
    // From the committed runs.csv, initiatives.csv and manifest.json only.
    const dir = mkdtempSync(join(tmpdir(), 'draagvlak-explore-report-'));
    for (const f of ['manifest.json', 'runs.csv', 'initiatives.csv']) copyFileSync(join(COMMITTED, f), join(dir, f));
    const { report, analysis } = await buildExploreReport(dir);
    for (const f of EXPLORE_FILES) expect(readFileSync(join(dir, f), 'utf8'), `${f} drifted from the committed one`).toBe(readFileSync(join(COMMITTED, f), 'utf8'));
    const charts = exploreCharts(analysis).length;
    expect(charts).toBe(4);

    const page = await browser.newPage({ viewport: { width: 1100, height: 900 } });
    const errors: string[] = [];
    const requests: string[] = [];
    page.on('console', (m) => {
      if (m.type() === 'error') errors.push(m.text());
    });
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('request', (r) => requests.push(r.url()));
    await page.goto(pathToFileURL(report).href, { waitUntil: 'load' });
    const seen = await page.evaluate(() => ({
      figures: document.querySelectorAll('figure').length,
      drawn: Array.from(document.querySelectorAll('figure > svg') as unknown as ArrayLike<Element>).filter((s) => s.getBoundingClientRect().width > 200 && s.querySelectorAll('path, line, text').length > 10).length,
      body: document.body.innerText,
    }));
    await page.close();
    expect(errors).toEqual([]);
    expect(requests.filter((u) => !u.startsWith('file:'))).toEqual([]);
    expect(seen.figures).toBe(charts);
    expect(seen.drawn).toBe(charts);
    expect(seen.body).toMatch(/Reached the threshold by week 104: the strongest drivers are threshold \(residents; uncertainty, μ\* [\d.]+, [\d.]+ to [\d.]+\)/);
    expect(seen.body).toMatch(/The strongest lever, /);
    // a factor's group and its index in one pair of parentheses, not two side by side
    expect(seen.body).not.toMatch(/\) \((lever|uncertainty)/);
    // the case PRIM looks for named by the outcome's title, not its column in the files
    expect(seen.body).toMatch(/Where is “Reached the threshold by week 104” below 0\.5\? \d+ of \d+ points\. PRIM finds the box/);
    expect(seen.body).not.toContain('reached_by_104');
  }, 120_000);
});
