/// <reference lib="dom" />
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { executeToResultSet } from '../../src/analysis/execute.js';
import type { ResultSet } from '../../src/analysis/results.js';
import { writeSummary } from '../../src/analysis/summary.js';
import { outcomeDefinition } from '../../src/analysis/pooledOutcomes.js';
import { outcomeTitle } from '../../src/charts/exploreCharts.js';
import { buildExploreReport } from '../../src/charts/exploreReport.js';
import { buildReport } from '../../src/charts/report.js';
import { glossaryEntries, REPORT_CATALOGUE, words } from '../../src/charts/words.js';
import { runModel } from '../../src/model/run.js';
import { planRuns } from '../../src/scenario/design.js';
import { parseScenario } from '../../src/scenario/load.js';
import { launchChromium } from '../browser.js';
import { draagvlak, workdir } from '../e2e/cli.js';

/*
 * The report in Dutch (`--lang nl`), read as Chromium draws it. Oracle: the catalogue itself —
 * every English text of src/charts/words.ts that differs from its Dutch one, split at the places
 * where numbers and names go, must be absent from what a reader sees of the Dutch report (its text
 * and the text drawn in its charts), while the same check on the English report finds them. The
 * scenarios name their strategies, plans and interventions in Dutch, as a Dutch author would.
 */

const SCENARIOS = {
  vergelijking: `name: vergelijking
horizon: 60
replications: 3
population: {households: 40}
compare:
  - {name: klassiek, preset: classic}
  - {name: coöperatief, preset: cooperative}
  - {name: loslaten, preset: laissez-faire, residents: {trustGov: 0.4}}
`,
  plannen: `name: plannen
horizon: 60
replications: 3
population: {households: 40}
interventions:
  - {at: 2, action: field, size: 0.3, name: veldwerk}
plans:
  - name: vroege avond
    interventions: [{at: 4, action: evening, name: avond}]
  - name: avond bij groei
    interventions: [{when: {metric: support_share, above: 0.15}, action: evening, name: avond}]
  - name: subsidie
    interventions: [{from: 5, for: 3, action: subsidy, size: 0.5, name: steun}, {at: 6, action: field, size: 0.5, name: wijkwerk, where: [0, 1]}]
  - name: mandaat
    interventions: [{at: 10, action: mandate, name: opdracht}]
`,
  raster: `name: raster
horizon: 60
replications: 2
population: {households: 40}
sweep:
  parameters:
    strategy.steering: [0.2, 0.8]
    strategy.participation: [0.2, 0.8]
`,
  lijn: `name: lijn
horizon: 60
replications: 2
population: {households: 40}
sweep:
  parameters:
    strategy.serving: [0.1, 0.5, 0.9]
`,
  hyperkubus: `name: hyperkubus
horizon: 60
replications: 2
seed: 3
population: {households: 40}
sweep:
  design: lhs
  samples: 5
  parameters:
    strategy.steering: {from: 0, to: 1}
    strategy.serving: {from: 0, to: 1}
`,
};

/** Explore scenarios (sensitivity indices and scenario discovery), one per method, with factors of every kind. */
const EXPLORE = {
  morris: `name: verkenning
description: Hefbomen tegen onzekerheden, klein.
question: Doen de hefbomen ertoe?
seed: 5
replications: 2
horizon: 40
sampleEvery: 40
population: {neighbourhoods: 2, households: 30}
interventions:
  - {name: evening, at: 10, action: evening}
  - {name: schuif, at: 8, action: set, set: {strategy.serving: 0.5}}
translations:
  nl:
    names: {evening: buurtavond}
explore:
  method: morris
  trajectories: 4
  levers:
    strategy.steering: {from: 0, to: 1}
    interventions.evening.at: {from: 1, to: 30}
    interventions.schuif.set.strategy.serving: {from: 0, to: 1}
  uncertainties:
    residents.threshold: {from: 0.35, to: 0.55}
    residents.trustGov: {from: 0.2, to: 0.8}
  outcomes: [reached_by_30, rmst, median_reach, coherent_success, trust_final]
  discover: {outcome: reached_by_30, below: 0.5}
`,
  sobol: `name: sobol
seed: 5
replications: 2
horizon: 40
sampleEvery: 40
population: {neighbourhoods: 2, households: 30}
explore:
  method: sobol
  samples: 8
  levers:
    strategy.steering: {from: 0, to: 1}
  uncertainties:
    residents.threshold: {from: 0.35, to: 0.55}
  outcomes: [reached_by_30, rmst]
  discover: {outcome: rmst, above: 20}
`,
  lhs: `name: hyperkubus
seed: 5
replications: 2
horizon: 40
sampleEvery: 40
population: {neighbourhoods: 2, households: 30}
explore:
  method: lhs
  samples: 6
  levers:
    strategy.serving: {from: 0, to: 1}
  uncertainties:
    rates.peerInfluence: {from: 0.05, to: 0.2}
  outcomes: [reached_by_30, trust_final]
`,
};

/** The runs of an explore scenario, made by the built command without a report. */
function runExplore(text: string): string {
  const cwd = workdir({ 'x.yaml': text });
  const made = draagvlak(['run', 'x.yaml', '--out', 'out', '--no-report', '--quiet', '--workers', '1'], cwd);
  expect(made.code, made.stderr).toBe(0);
  return join(cwd, 'out');
}

async function run(text: string): Promise<ResultSet> {
  const out = mkdtempSync(join(tmpdir(), 'draagvlak-report-nl-'));
  const { results } = await executeToResultSet(planRuns(parseScenario(text, 'scenario.yaml')), { out, workers: 1, model: runModel, quiet: true, handleSignals: false });
  writeSummary(results!);
  return results!;
}

/** What a reader sees: the page's visible text and every text drawn in its charts; console errors while it opens. */
async function read(browser: Browser, dir: string): Promise<{ text: string; errors: string[]; lang: string; glossaryBreak: string | null }> {
  const page = await browser.newPage({ viewport: { width: 1100, height: 900 } });
  const errors: string[] = [];
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(pathToFileURL(join(dir, 'report.html')).href, { waitUntil: 'load' });
  const seen = await page.evaluate(() => ({
    text: `${document.title}\n${document.body.innerText}\n${Array.from(document.querySelectorAll('svg text') as unknown as ArrayLike<Element>).map((t) => t.textContent).join('\n')}\n${Array.from(document.querySelectorAll('svg[aria-label]') as unknown as ArrayLike<Element>).map((s) => s.getAttribute('aria-label')).join('\n')}`,
    lang: document.documentElement.lang,
    // how the glossary's explanations break at the line's end (null without a glossary)
    glossaryBreak: ((dd) => (dd ? getComputedStyle(dd).wordBreak : null))(document.querySelector('dl.glossary dd')),
  }));
  await page.close();
  return { ...seen, errors };
}

const HOLE = '\u0000';
/** The fixed parts of a catalogue entry in one language: the text, or a function's text split where its arguments go. */
function fixedParts(entry: string | ((...a: (string | number)[]) => string)): string[] {
  const whole = typeof entry === 'string' ? entry : entry(...new Array<string>(entry.length).fill(HOLE));
  return whole.split(HOLE).map((p) => p.trim()).filter((p) => /\p{L}{3}/u.test(p));
}

/**
 * Whether `part` stands in `text` as whole words (so "and" is not found in "handelen"). Dotted
 * names — files and parameter paths such as explore-points.csv or interventions.evening.at, the same
 * in every language — are not words of the report and are left out.
 */
/** Table cells holding a number with a decimal `mark` ("0,35" in Dutch, "0.35" in English). */
const numbers = (html: string, mark: string) => (html.match(new RegExp(`<td class="num">[−+-]?\\d+\\${mark}\\d`, 'g')) ?? []).length;
/** Texts drawn on the charts (SVG) that are a number with a decimal `mark`. */
const axisNumbers = (dir: string, mark: string) =>
  readdirSync(join(dir, 'charts')).filter((f) => f.endsWith('.svg')).reduce((n, f) => n + (readFileSync(join(dir, 'charts', f), 'utf8').match(new RegExp(`>[−-]?\\d+\\${mark}\\d+<`, 'g')) ?? []).length, 0);
const shows = (text: string, part: string) => new RegExp(`(?<!\\p{L})${part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?!\\p{L})`, 'u').test(text.replace(/[\w-]+(?:\.[\w-]+)+/g, ' '));

/** English parts of the catalogue that a Dutch reader must not meet: those not also in the entry's Dutch text. */
const ENGLISH = Object.entries(REPORT_CATALOGUE).flatMap(([key, e]) => {
  const dutch = fixedParts(e.nl).join(HOLE);
  return fixedParts(e.en).filter((p) => !dutch.includes(p)).map((part) => ({ key, part }));
});

describe('the report in Dutch (--lang nl)', () => {
  let browser: Browser;
  const built: Record<string, ResultSet> = {};
  const explored: Record<string, string> = {};
  beforeAll(async () => {
    browser = await launchChromium();
    for (const [name, text] of Object.entries(SCENARIOS)) built[name] = await run(text);
    for (const [name, text] of Object.entries(EXPLORE)) explored[name] = runExplore(text);
  }, 300_000);
  afterAll(async () => {
    await browser?.close();
  });

  test('the catalogue: many English parts to look for', () => {
    expect(ENGLISH.length).toBeGreaterThan(250);
  });

  test("a scenario's own words: its Dutch name, description and question (translations.nl) in the Dutch report, as written in the English one", async () => {
    const results = await run(`name: lone
description: One point, told in English.
question: Does this read in English?
translations:
  nl:
    name: eenling
    description: Eén punt, in het Nederlands verteld.
    question: Leest dit in het Nederlands?
horizon: 40
replications: 2
population: {households: 30}
`);
    const seen = async (lang: 'en' | 'nl') => {
      await buildReport(results, { png: false, lang });
      const html = readFileSync(join(results.dir, 'report.html'), 'utf8');
      return { heading: /<h1>(.*?)<\/h1>/.exec(html)![1], lead: /<p class="lead">(.*?)<\/p>/.exec(html)![1], title: /<title>(.*?)<\/title>/.exec(html)![1], firstCell: /<tbody><tr><td>(.*?)<\/td>/.exec(html)![1] };
    };
    expect(await seen('en')).toEqual({ heading: 'Does this read in English?', lead: 'Scenario <strong>lone</strong> — One point, told in English.', title: 'lone — draagvlak report', firstCell: 'lone' });
    expect(await seen('nl')).toEqual({ heading: 'Leest dit in het Nederlands?', lead: 'Scenario <strong>eenling</strong> — Eén punt, in het Nederlands verteld.', title: 'eenling — draagvlak-rapport', firstCell: 'eenling' });
  });

  test("the names a scenario gives, in Dutch where its translations name them (translations.nl.names): in sentences, tables and charts; as written in the English report and the data files", async () => {
    const results = await run(`name: names
horizon: 30
replications: 2
population: {households: 30}
plans:
  - name: early evening
    interventions: [{at: 3, action: evening, name: evening}]
  - name: late field
    interventions: [{at: 10, action: field}]
translations:
  nl:
    names: {"early evening": "vroege avond", evening: avond, "late field": "late wijkgang", "field week 10": "wijk in in week 10"}
`);
    const seen = async (lang: 'en' | 'nl') => {
      await buildReport(results, { png: false, lang });
      // the report less the scenario as written, which its provenance shows whole
      const html = readFileSync(join(results.dir, 'report.html'), 'utf8').replace(/<pre>[\s\S]*?<\/pre>/g, '');
      const specs = ['plan-reach', 'plan-differences'].map((c) => readFileSync(join(results.dir, 'charts', `${c}.vl.json`), 'utf8')).join('\n');
      return { html, specs };
    };
    const dutch = await seen('nl');
    for (const name of ['vroege avond', 'late wijkgang']) {
      expect(dutch.html).toContain(`plan “${name}”`); // the opening sentences
      expect(dutch.html).toContain(`<td>${name}</td>`); // the tables
      expect(dutch.specs).toContain(`"${name}"`); // the charts' legends
    }
    expect(dutch.html).toContain('“avond”: buurtavond in week 3');
    expect(dutch.html).toContain('<table><thead><tr><th>Plan</th>'); // the points are plans, not settings
    expect(dutch.html).toContain('<td>wijk in in week 10</td>'); // the table of interventions
    expect(dutch.specs).toContain('"avond"'); // the plan chart's marks
    for (const name of ['early evening', 'late field', 'field week 10']) expect(dutch.html + dutch.specs).not.toContain(name);
    const english = await seen('en');
    for (const name of ['early evening', 'late field', 'field week 10']) expect(english.html).toContain(name);
    expect(english.html + english.specs).not.toMatch(/vroege avond|late wijkgang/);
    for (const file of ['summary.csv', 'contrasts.csv', 'interventions.csv']) expect(readFileSync(join(results.dir, file), 'utf8')).toContain('early evening');
  });

  test('strategies compared under plans: the table of points names each by its strategy and plan in columns of their own, in the reader’s language, and the plans’ sentences and table by strategy too', async () => {
    const results = await run(`name: groups
horizon: 30
replications: 2
population: {households: 30}
compare: [{preset: classic}, {preset: cooperative, name: mild}]
plans:
  - name: early evening
    interventions: [{at: 3, action: evening, name: evening}]
translations:
  nl:
    names: {mild: zacht, "early evening": "vroege avond"}
`);
    const seen = async (lang: 'en' | 'nl') => {
      await buildReport(results, { png: false, lang });
      const html = readFileSync(join(results.dir, 'report.html'), 'utf8').replace(/<pre>[\s\S]*?<\/pre>/g, '');
      const points = html.slice(html.indexOf('<table>'));
      return {
        head: [...points.slice(0, points.indexOf('</thead>')).matchAll(/<th>([^<]*)<\/th>/g)].slice(0, 3).map((m) => m[1]),
        rows: [...points.matchAll(/<tr><td>([^<]*)<\/td><td>([^<]*)<\/td>/g)].slice(0, 4).map((m) => `${m[1]} / ${m[2]}`),
        groups: [...html.matchAll(/(?:With|Met) ([^:<]*): /g)].map((m) => m[1]),
        legend: (JSON.parse(readFileSync(join(results.dir, 'charts', 'plan-reach.vl.json'), 'utf8')) as { layer: { encoding?: { color?: { title?: string } } }[] }).layer.map((l) => l.encoding?.color?.title).find(Boolean),
      };
    };
    expect(await seen('en')).toEqual({
      head: ['Strategy', 'Plan', 'Reached by week 30 (95\u00a0% interval)'],
      rows: ['classic / no intervention', 'classic / early evening', 'mild / no intervention', 'mild / early evening'],
      groups: ['strategy classic', 'strategy mild'],
      legend: 'Strategy and plan',
    });
    expect(await seen('nl')).toEqual({
      head: ['Strategie', 'Plan', 'Drempel gehaald t/m week 30 (95\u00a0%-interval)'],
      rows: ['klassiek / geen interventie', 'klassiek / vroege avond', 'zacht / geen interventie', 'zacht / vroege avond'],
      groups: ['strategie klassiek', 'strategie zacht'],
      legend: 'Strategie en plan',
    });
  });

  test('compared presets by their Dutch names in the Dutch report (klassiek, coöperatief), by their own in the English one and in the data files', async () => {
    const results = await run(`name: presets
horizon: 40
replications: 2
population: {households: 30}
compare: [{preset: classic}, {preset: cooperative}, {preset: laissez-faire, residents: {trustGov: 0.4}}]
`);
    const seen = async (lang: 'en' | 'nl') => {
      await buildReport(results, { png: false, lang });
      const html = readFileSync(join(results.dir, 'report.html'), 'utf8');
      const legend = readFileSync(join(results.dir, 'charts', 'reach-curve.vl.json'), 'utf8');
      return {
        cells: [...html.matchAll(/<tr><td>([^<]*)<\/td>/g)].slice(0, 3).map((m) => m[1]),
        legend: ['classic', 'klassiek', 'coöperatief'].filter((n) => legend.includes(`"${n}"`)),
        // the sentence on what differs besides strategy
        differs: /(?:residents\.trustGov|vertrouwen in de overheid) \(([^)]*)\)/.exec(html)![0],
      };
    };
    expect(await seen('en')).toEqual({ cells: ['classic', 'cooperative', 'laissez-faire'], legend: ['classic'], differs: 'residents.trustGov (0.5 for “classic”, 0.5 for “cooperative”, 0.4 for “laissez-faire”)' });
    expect(await seen('nl')).toEqual({ cells: ['klassiek', 'coöperatief', 'laissez-faire'], legend: ['klassiek', 'coöperatief'], differs: 'vertrouwen in de overheid (0,5 voor “klassiek”, 0,5 voor “coöperatief”, 0,4 voor “laissez-faire”)' });
    expect(readFileSync(join(results.dir, 'summary.csv'), 'utf8')).toContain('classic');
  });

  test('"whatever the strategy" takes the article of what a point is called: de strategie, het plan', () => {
    const [en, nl] = [words('en'), words('nl')];
    const called = (w: typeof en) => [w.groupStrategy, w.groupStrategyPlan, w.plan, w.groupSetting, w.groupPoint, w.groupScenario].map((g) => w.whateverThe(g.toLowerCase()));
    expect(called(en)).toEqual(['whatever the strategy', 'whatever the strategy and plan', 'whatever the plan', 'whatever the setting', 'whatever the point', 'whatever the scenario']);
    expect(called(nl)).toEqual(['wat de strategie ook is', 'wat strategie en plan ook zijn', 'wat het plan ook is', 'wat de instelling ook is', 'wat het punt ook is', 'wat het scenario ook is']);
  });

  test("the catalogue's English outcome titles are the analysis's own", () => {
    for (const name of ['reached_by_30', 'rmst', 'median_reach', 'coherent_success', 'trust_final']) expect(outcomeTitle(name, 40)).toBe(outcomeDefinition(name, 40)!.title);
  });

  test.each(Object.keys(SCENARIOS))('%s: no English text of the catalogue is visible, the glossary is there, no console error', async (name) => {
    const results = built[name];
    // the English report of the same runs shows the English words the check looks for
    await buildReport(results, { png: false });
    const english = await read(browser, results.dir);
    const seenInEnglish = ENGLISH.filter(({ part }) => shows(english.text, part));
    expect(seenInEnglish.length).toBeGreaterThan(20);

    await buildReport(results, { png: false, lang: 'nl' });
    const dutch = await read(browser, results.dir);
    expect(dutch.errors).toEqual([]);
    expect(dutch.lang).toBe('nl');
    expect(ENGLISH.filter(({ part }) => shows(dutch.text, part))).toEqual([]);
    for (const entry of glossaryEntries('nl')) expect(dutch.text).toContain(entry.split(' — ')[1]);
    // words stay whole: the manifest's hashes may break anywhere, the glossary's words may not
    expect(dutch.glossaryBreak).toBe('normal');
    for (const term of ['regie', 'draagvlak', 'procesregie', 'dienstbaar handelen', 'belangenveld']) expect(dutch.text).toContain(term);
    // a trigger's metric in words, not as the data files' column
    if (name === 'plannen') expect(dutch.text).toContain('zodra het hoogste aandeel leden van een initiatief ≥ 0,15');
    expect(dutch.text).not.toMatch(/support_share|committed_share|trust_gov|reached_share|formalised_share/);
    // every chart is drawn, in Dutch
    const html = readFileSync(join(results.dir, 'report.html'), 'utf8');
    expect(html).toContain(`<h2>${words('nl').charts}</h2>`);
    expect(html.match(/<figure /g)?.length).toBeGreaterThanOrEqual(3);
    // numbers with a decimal comma, in the tables and on the charts' axes, where the English has a point
    expect(numbers(html, ',')).toBeGreaterThan(0);
    expect(numbers(html, '.')).toBe(0);
    expect(axisNumbers(results.dir, ',')).toBeGreaterThan(0);
    expect(axisNumbers(results.dir, '.')).toBe(0);
    await buildReport(results, { png: false });
    const englishHtml = readFileSync(join(results.dir, 'report.html'), 'utf8');
    expect(numbers(englishHtml, ',')).toBe(0);
    expect(numbers(englishHtml, '.')).toBeGreaterThan(0);
    expect(axisNumbers(results.dir, '.')).toBeGreaterThan(0);
  });

  test.each(Object.keys(EXPLORE))('explore (%s): no English text of the catalogue is visible, the glossary is there, no console error', async (name) => {
    const dir = explored[name];
    await buildExploreReport(dir, { png: false });
    const english = await read(browser, dir);
    expect(ENGLISH.filter(({ part }) => shows(english.text, part)).length).toBeGreaterThan(20);

    await buildExploreReport(dir, { png: false, lang: 'nl' });
    const dutch = await read(browser, dir);
    expect(dutch.errors).toEqual([]);
    expect(dutch.lang).toBe('nl');
    expect(ENGLISH.filter(({ part }) => shows(dutch.text, part))).toEqual([]);
    for (const entry of glossaryEntries('nl')) expect(dutch.text).toContain(entry.split(' — ')[1]);
    // a factor's group in Dutch too: "Sturing (strategie)", not "(strategy)"
    expect(dutch.text).toContain('(strategie');
    expect(dutch.text).not.toMatch(/\((strategy|residents|environment|officials|rates)[;)]/);
    const html = readFileSync(join(dir, 'report.html'), 'utf8');
    expect(html).toContain(`<h2>${words('nl').whatExplored}</h2>`);
    expect(html.match(/<figure /g)?.length).toBeGreaterThanOrEqual(name === 'morris' ? 4 : 2);
    if (name === 'morris') {
      // an intervention a setting belongs to, by the name the scenario's translations give it
      expect(english.text).toMatch(/\(evening\)/);
      expect(dutch.text).toMatch(/\(buurtavond\)/);
      expect(dutch.text).toMatch(/buurtavond: /);
      expect(dutch.text).not.toMatch(/\(evening\)|\bevening: /);
    }
  });
});
