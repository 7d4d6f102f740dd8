/// <reference lib="dom" />
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { executeToResultSet } from '../../src/analysis/execute.js';
import { type ResultSet } from '../../src/analysis/results.js';
import { writeSummary } from '../../src/analysis/summary.js';
import { buildReport } from '../../src/charts/report.js';
import { runModel } from '../../src/model/run.js';
import { interventionName } from '../../src/model/interventions/types.js';
import { planRuns } from '../../src/scenario/design.js';
import { loadScenario, parseScenario } from '../../src/scenario/load.js';
import type { Scenario } from '../../src/scenario/types.js';
import { launchChromium } from '../browser.js';

/*
 * What a reader of report.html sees, read from the page as Chromium draws it (innerText: visible
 * text only, not the collapsed resolved scenario): every intervention named; the effect of a plan
 * on the reach week the same number in the opening, the table and the chart's data; no point
 * called best when its interval overlaps another's.
 */

const ROOT = resolve(import.meta.dirname, '../..');
const SMALL = ['population.households=60', 'horizon=104'];

async function run(scenario: Scenario): Promise<ResultSet> {
  const out = mkdtempSync(join(tmpdir(), 'draagvlak-report-text-'));
  const { results } = await executeToResultSet(planRuns(scenario), { out, workers: 1, model: runModel, quiet: true, handleSignals: false });
  writeSummary(results!);
  await buildReport(results!, { png: false });
  return results!;
}

/** The visible text of the page, of its opening, and the cells of each table by its class. */
async function read(browser: Browser, dir: string) {
  const page = await browser.newPage({ viewport: { width: 1100, height: 900 } });
  await page.goto(pathToFileURL(join(dir, 'report.html')).href, { waitUntil: 'load' });
  const seen = await page.evaluate(() => {
    const cells = (selector: string) =>
      Array.from(document.querySelectorAll(`${selector} tbody tr`) as unknown as ArrayLike<HTMLTableRowElement>).map((tr) => Array.from(tr.cells).map((c) => c.innerText.trim()));
    const heads = (selector: string) => Array.from(document.querySelectorAll(`${selector} thead th`) as unknown as ArrayLike<HTMLElement>).map((th) => th.innerText.trim());
    const varied = Array.from(document.querySelectorAll('h2') as unknown as ArrayLike<HTMLElement>).find((h) => /What was (varied|run)/.test(h.innerText))!.nextElementSibling!;
    return {
      body: document.body.innerText,
      opening: (document.querySelector('#in-short') as HTMLElement).innerText,
      short: cells('#in-short table.short'),
      contrasts: cells('table.contrasts'),
      points: Array.from((varied as HTMLTableElement).tBodies[0].rows).map((tr) => Array.from(tr.cells).map((c) => c.innerText.trim())),
      pointHeads: Array.from((varied as HTMLTableElement).tHead!.rows[0].cells).map((c) => c.innerText.trim()),
      shortHeads: heads('#in-short table.short'),
    };
  });
  await page.close();
  return seen;
}

/** The first signed number of a cell or phrase, as printed ("−3.9 (−5.0 to −2.8)" → "−3.9"). */
const first = (text: string) => /^[+−]?\d+(\.\d+)?/.exec(text)![0];
/** A chart value printed as the report prints an effect (one decimal, typographic minus, + sign). */
const printed = (x: number) => {
  const r = x.toFixed(1);
  return Number(r) === 0 ? '0.0' : Number(r) > 0 ? `+${r}` : r.replace('-', '−');
};

describe('the visible text of report.html', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
  });

  test.each([
    ['scenarios/rehearsal-evening.yaml', 'ranked table'],
    ['scenarios/rehearsal-field-mandate.yaml', 'sentences'],
  ])('%s (%s): every intervention named; each plan’s reach-week effect one number in the opening, the table and the chart', async (file) => {
    const scenario = loadScenario(join(ROOT, file), { replications: 6, set: SMALL });
    const results = await run(scenario);
    const seen = await read(browser, results.dir);
    const horizon = results.horizon;

    // Every intervention, the plans' and the scenario's own, by name and trigger, in the opening.
    for (const plan of scenario.plans!) {
      expect(seen.opening).toContain(`plan “${plan.name}”`);
      for (const i of plan.interventions) expect(seen.opening).toContain(`“${interventionName(i)}”: ${i.action}`);
    }
    for (const i of scenario.interventions ?? []) expect(seen.opening).toContain(`“${interventionName(i)}”: ${i.action}`);

    // The reach-week effect of each plan against doing nothing.
    const measure = `Mean reach week (restricted to week ${horizon})`;
    const spec = JSON.parse(readFileSync(join(results.dir, 'charts', 'plan-differences.vl.json'), 'utf8')) as { data: { values: { label: string; measure: string; mean: number }[] } };
    for (const plan of scenario.plans!) {
      const chart = spec.data.values.find((v) => v.label === plan.name && v.measure === measure);
      expect(chart, plan.name).toBeDefined();
      const row = seen.contrasts.find((r) => r[0] === plan.name && r[1] === 'no intervention' && r[2] === measure);
      expect(row, plan.name).toBeDefined();
      let opening: string;
      if (scenario.plans!.length > 3) {
        const column = seen.shortHeads.findIndex((h) => h.startsWith('Mean reach week'));
        expect(seen.shortHeads[column - 1]).toBe('Plan');
        opening = first(seen.short.find((r) => r[column - 1] === plan.name)![column]);
      } else {
        expect(seen.short).toEqual([]);
        const sentence = new RegExp(`Plan “${plan.name}” against “no intervention”: mean reach week [\\d.]+ against [\\d.]+, a difference of ([+−]?[\\d.]+) weeks`).exec(seen.opening);
        expect(sentence, plan.name).not.toBeNull();
        opening = sentence![1];
      }
      expect(opening, plan.name).toBe(printed(chart!.mean));
      expect(first(row![5]), plan.name).toBe(opening);
    }
    // No chart twice: the plans' reach curves and differences replace the general ones.
    expect(readFileSync(join(results.dir, 'report.html'), 'utf8')).not.toMatch(/id="(reach-curve|paired-differences)"/);
    expect(seen.body).not.toMatch(/interval 0\.0 to 0\.0|\(0\.0 to 0\.0\)|0 \(0 to 0\)/);
  });

  test('the default report (npm start: scenarios/baseline.yaml) still renders: every chart drawn, no console error, the opening in sentences', async () => {
    const results = await run(loadScenario(join(ROOT, 'scenarios/baseline.yaml'), { replications: 3, set: SMALL }));
    const page = await browser.newPage({ viewport: { width: 1100, height: 900 } });
    const errors: string[] = [];
    page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(pathToFileURL(join(results.dir, 'report.html')).href, { waitUntil: 'load' });
    const drawn = await page.evaluate(() =>
      Array.from(document.querySelectorAll('figure > svg') as unknown as ArrayLike<Element>).map((s) => s.getBoundingClientRect().width > 200 && s.querySelectorAll('path, line, text').length > 10),
    );
    await page.close();
    expect(errors).toEqual([]);
    expect(drawn.length).toBeGreaterThanOrEqual(4);
    expect(drawn.every(Boolean)).toBe(true);
    const seen = await read(browser, results.dir);
    expect(seen.opening).toMatch(/The strategy “classic” reached the threshold in \d+\u00a0% of initiatives by week 104 \(95\u00a0% interval \d+–\d+\u00a0%\), against \d+\u00a0% for “cooperative” and \d+\u00a0% for “laissez-faire”\./);
    expect(seen.opening).toMatch(/Against “classic”, replicate by replicate \(3 pairs of runs on the same simulated neighbourhoods\), “cooperative” reached the threshold [+−]?[\d.]+ points/);
    // no line of the page can end in a number with its per cent sign starting the next
    expect(seen.body).toMatch(/\d\u00a0%/);
    expect(seen.body).not.toMatch(/\d %/);
  });

  test('a grid sweep: each point is a row of its swept values, without a column of names that only spell them out again', async () => {
    const scenario = parseScenario(
      `name: grid
replications: 2
population: {neighbourhoods: 4}
sweep:
  parameters:
    strategy.steering: [0, 0.5]
    strategy.participation: [0.2, 0.8]
`,
      'grid.yaml',
      { set: SMALL },
    );
    const results = await run(scenario);
    const seen = await read(browser, results.dir);
    expect(seen.pointHeads.slice(0, 3)).toEqual(['Steering (0–1)', 'Participation (0–1)', 'Reached by week 104 (95\u00a0% interval)']);
    // the same runs and initiatives in every row: said once, under the table
    expect(seen.body).toContain('Each row: 2 runs, 8 initiatives in all.');
    expect(seen.points.map((r) => r.slice(0, 2))).toEqual([['0', '0.2'], ['0', '0.8'], ['0.5', '0.2'], ['0.5', '0.8']]);
    // the names stay where the charts and the opening use them
    expect(seen.opening).toMatch(/“steering=0(\.5)? participation=0\.[28]”/);
  });

  test('a Latin hypercube: values rounded, no point called best when its interval overlaps another’s', async () => {
    const scenario = parseScenario(
      `name: lhs
replications: 2
population: {neighbourhoods: 4}
sweep:
  design: lhs
  samples: 12
  parameters:
    strategy.steering: {from: 0, to: 1}
    strategy.participation: {from: 0, to: 1}
`,
      'lhs.yaml',
      { set: SMALL },
    );
    const results = await run(scenario);
    const seen = await read(browser, results.dir);
    // Parameter values to three significant digits on the page; every digit in summary.csv.
    const steering = seen.pointHeads.indexOf('Steering (0–1)');
    for (const row of seen.points) expect(row[steering]).toBe(String(Number(Number(row[steering]).toPrecision(3))));
    expect(readFileSync(join(results.dir, 'summary.csv'), 'utf8')).toMatch(/,0\.\d{8,},/);
    // the points' names write the values as the columns show them (three significant digits), so the
    // table has no column of names that only spell the columns out again
    expect(steering).toBe(0);
    const participation = seen.pointHeads.indexOf('Participation (0–1)');
    const named = (r: string[]) => `steering=${r[steering]} participation=${r[participation]}`;
    const names = seen.points.map(named);
    const inOpening = [...seen.opening.matchAll(/“(steering=[^”]*)”/g)].map((m) => m[1]);
    expect(inOpening.length).toBeGreaterThan(0);
    for (const name of inOpening) expect(names).toContain(name);
    for (const row of seen.short) expect(names).toContain(row[1]);

    // The reach intervals as the table shows them, by name.
    const reach = seen.pointHeads.findIndex((h) => h.startsWith('Reached by week'));
    const intervals = new Map(seen.points.map((r) => {
      const m = /^(\d+)\u00a0% \((\d+)–(\d+)\u00a0%\)$/.exec(r[reach])!;
      return [named(r), { lo: Number(m[2]), hi: Number(m[3]) }];
    }));
    const best = /“([^”]+)” is best at reaching the threshold/.exec(seen.opening);
    const overlapsAnother = (label: string) => [...intervals].some(([other, iv]) => other !== label && iv.hi >= intervals.get(label)!.lo);
    if (best) expect(overlapsAnother(best[1])).toBe(false);
    // With two replications some interval overlaps the highest: no point is best, and the report says how many would do.
    const top = [...intervals].sort((a, b) => b[1].lo - a[1].lo)[0][0];
    if (overlapsAnother(top)) {
      expect(best).toBeNull();
      expect(seen.opening).toMatch(/No setting is best: .* cannot be told apart .* at this number of replications \(2 per setting\)/);
    }
    // "best" in the opening only as one of those two claims.
    expect(seen.opening.replace(/No setting is best|” is best at reaching/g, '')).not.toMatch(/\bbest\b/i);
    // Each outcome against each factor, one panel each, every point in every panel.
    const scatter = JSON.parse(readFileSync(join(results.dir, 'charts', 'outcome-factor-scatter.vl.json'), 'utf8')) as { data: { values: { outcome: string; factor: string }[] } };
    const panels = new Map<string, number>();
    for (const v of scatter.data.values) panels.set(`${v.outcome} × ${v.factor}`, (panels.get(`${v.outcome} × ${v.factor}`) ?? 0) + 1);
    const outcomes = ['Reached the threshold by week 104 (share)', 'Mean reach week (never = 104)', 'Coherent success (share)', 'Final trust in government (0–1)'];
    expect([...panels.keys()].sort()).toEqual(outcomes.flatMap((o) => ['Steering (0–1)', 'Participation (0–1)'].map((f) => `${o} × ${f}`)).sort());
    for (const [panel, n] of panels) expect(n, panel).toBe(12);
    expect(seen.body).toContain('Each outcome against each swept factor');
    // Coherent success is in the table and in summary.csv.
    expect(seen.pointHeads.some((h) => h.startsWith('Coherent success'))).toBe(true);
    expect(readFileSync(join(results.dir, 'summary.csv'), 'utf8').split('\n')[0]).toContain('coherent_share');
  });
});
