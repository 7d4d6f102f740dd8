/// <reference lib="dom" />
import { mkdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser } from 'playwright-core';
import { launchChromium } from '../browser.js';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { buildReport, chartContext, chartsFor } from '../../src/charts/report.js';
import { comparisonResults, sweepResults } from '../analysis/fixtures.js';


/** Opens a report in headless Chromium; returns what a reader would see and what went wrong. */
async function open(browser: Browser, report: string, screenshot?: string) {
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
    svgs: document.querySelectorAll('figure > svg').length,
    drawnSvgs: Array.from(document.querySelectorAll('figure > svg') as unknown as ArrayLike<Element>).filter((s) => s.getBoundingClientRect().width > 200 && s.querySelectorAll('path, line, text').length > 10).length,
    h1: document.querySelector('h1')?.textContent ?? '',
    lead: document.querySelector('.lead')?.textContent ?? '',
    title: document.title,
    scripts: document.querySelectorAll('script').length,
    imgs: document.querySelectorAll('img').length,
    pwned: (window as unknown as { __pwned?: unknown }).__pwned ?? null,
    body: document.body.innerText,
  }));
  if (screenshot) await page.screenshot({ path: screenshot, fullPage: true });
  await page.close();
  return { ...seen, errors, requests };
}

describe('report.html in headless Chromium', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
  });

  test('renders every chart with no console error and fetches nothing from the network', async () => {
    const results = await comparisonResults();
    const { report } = await buildReport(results);
    const charts = chartsFor(chartContext(results)).length;
    mkdirSync(resolve('results'), { recursive: true });
    const shot = resolve('results', 'test-report.png');
    const seen = await open(browser, report, shot);
    console.log(`report screenshot: ${shot}`);
    expect(seen.errors).toEqual([]);
    expect(seen.figures).toBe(charts);
    expect(seen.svgs).toBe(charts);
    expect(seen.drawnSvgs).toBe(charts);
    expect(seen.requests.filter((u) => !u.startsWith('file:'))).toEqual([]);
    expect(seen.h1).toBe('Which strategy gets initiatives to their support threshold?');
    expect(seen.body).toMatch(/The strategy “classic” reached the threshold in \d+\u00a0% of initiatives by week 156 \(95\u00a0% interval \d+–\d+\u00a0%\)/);
    expect(readFileSync(shot).subarray(1, 4).toString('latin1')).toBe('PNG');
    // provenance from the manifest as the run pipeline writes it
    const m = results.manifest as { gitCommit: string | null; scenario: { hash: string }; execution: { startedAt: string } };
    if (m.gitCommit) expect(seen.body).toContain(m.gitCommit.slice(0, 7));
    expect(seen.body).toMatch(new RegExp(`Scenario hash \\(SHA-256\\)\\s+${m.scenario.hash.slice(0, 12)}`));
    expect(seen.body).toMatch(new RegExp(`Started\\s+${m.execution.startedAt.replace(/\./g, '\\.')}`));
    // whether the folder is whole, in words
    expect(seen.body).toMatch(/Complete\s+yes\n/);
  });

  test('a sweep report shows its heatmaps and the varied values', async () => {
    const results = await sweepResults();
    const { report } = await buildReport(results);
    const seen = await open(browser, report, join(results.dir, 'screenshot.png'));
    expect(seen.errors).toEqual([]);
    expect(seen.svgs).toBe(chartsFor(chartContext(results)).length);
    expect(seen.body).toContain('Chance that an initiative reaches the threshold');
    expect(seen.body).toContain('Steering (0–1)');
  });

  test('the tables show all their columns in a common window, in English and in Dutch: one that fits the text keeps to it, a wider one grows into the margin', async () => {
    const comparison = await comparisonResults();
    // the sweep's points are named by their values as the columns show them ("steering=0
    // participation=0"), so the table has the two columns of the swept values and none of names
    const sweep = await sweepResults();
    const cases = [
      { what: 'comparison in en', results: comparison, lang: 'en', columns: 7, window: 1280 },
      { what: 'comparison in nl', results: comparison, lang: 'nl', columns: 7, window: 1280 },
      { what: 'sweep in en', results: sweep, lang: 'en', columns: 8, window: 1280 },
      // the Dutch table is the wider: whole in a window of 1 440 px
      { what: 'sweep in nl', results: sweep, lang: 'nl', columns: 8, window: 1440 },
    ] as const;
    let grown = 0;
    for (const { what, results, lang, columns, window } of cases) {
      const { report } = await buildReport(results, { png: false, lang });
      const page = await browser.newPage({ viewport: { width: window, height: 900 } });
      await page.goto(pathToFileURL(report).href, { waitUntil: 'load' });
      const tables = await page.evaluate(() =>
        Array.from(document.querySelectorAll('table') as unknown as ArrayLike<HTMLTableElement>).map((t) => ({
          points: t.matches('#in-short + h2 + table'), columns: t.rows[0]!.cells.length, scroll: t.scrollWidth, shown: t.clientWidth, right: t.getBoundingClientRect().right, column: parseFloat(getComputedStyle(document.body).width),
        })),
      );
      await page.close();
      const points = tables.find((t) => t.points)!;
      expect(points.columns, what).toBe(columns);
      if (points.shown > points.column) grown++;
      expect(points.right, what).toBeLessThanOrEqual(window);
      for (const t of tables) expect(t.scroll, `${what}: a table scrolls`).toBeLessThanOrEqual(t.shown);
    }
    // some table needs more than the text's column (1 000 px), and gets it
    expect(grown).toBeGreaterThan(0);
  });

  test('HTML in a scenario name, description, question or label is shown as text, never run', async () => {
    const name = '<script>window.__pwned = "name"</script>Evil & co';
    const description = '<img src=x onerror="window.__pwned = \'description\'">';
    const question = 'Does <b onmouseover="window.__pwned=1">this</b> get escaped?';
    const label = '<img src=y onerror="window.__pwned = \'label\'">';
    const results = await comparisonResults({
      points: [
        { label: 'classic', hazard: 0.003 },
        { label, hazard: 0.02 },
      ],
      scenario: { name, description, question, compare: ['classic', label] },
    });
    const { report } = await buildReport(results);
    const seen = await open(browser, report);
    expect(seen.pwned).toBeNull();
    expect(seen.scripts).toBe(0);
    expect(seen.imgs).toBe(0);
    expect(seen.errors).toEqual([]);
    expect(seen.h1).toBe(question);
    expect(seen.lead).toContain(name);
    expect(seen.lead).toContain(description);
    expect(seen.title).toContain(name);
    expect(seen.body).toContain(label);
  });
});
