import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { buildReport, chartContext } from '../../src/charts/report.js';
import { pointOpening } from '../../src/charts/sentences.js';
import { syntheticResults, sweepResults } from '../analysis/fixtures.js';

/*
 * What the report calls a point of a sweep. Oracle: the parameter columns of the same report — the
 * Dutch names of src/charts/labels.ts (Sturing, Participatie), the Dutch decimal comma, three
 * significant digits (docs/results.md) — while the data files keep the design's own label.
 */

describe('the names of swept points', () => {
  test('in Dutch by the parameters’ Dutch names with a decimal comma, in sentences, tables and charts; in English as the design names them', async () => {
    const results = await sweepResults({ replicates: 2 });
    expect([...chartContext(results, 'en').labels.values()].slice(3, 5)).toEqual(['steering=0.5 participation=0', 'steering=0.5 participation=0.5']);
    const dutch = [...chartContext(results, 'nl').labels.values()];
    expect(dutch.slice(3, 5)).toEqual(['sturing=0,5 participatie=0', 'sturing=0,5 participatie=0,5']);
    await buildReport(results, { png: false, lang: 'nl' });
    const html = readFileSync(join(results.dir, 'report.html'), 'utf8');
    const charts = readdirSync(join(results.dir, 'charts')).filter((f) => f.endsWith('.vl.json')).map((f) => readFileSync(join(results.dir, 'charts', f), 'utf8'));
    for (const text of [html, ...charts]) expect(text).not.toMatch(/steering=|participation=/);
    expect(html).toContain('“sturing=');
    expect(charts.some((c) => c.includes('"sturing=0,5 participatie=0,5"'))).toBe(true);
    // the data files keep the design's label
    expect(readFileSync(join(results.dir, 'runs.csv'), 'utf8')).toContain('steering=0.5, participation=0.5');
  });

  test('a Latin hypercube’s values to three significant digits, as its columns show them', async () => {
    const results = await syntheticResults({
      points: [
        { label: 'steering=0.8616 participation=0.07695', values: { 'strategy.steering': 0.861612, 'strategy.participation': 0.0769513 }, hazard: 0.01 },
        { label: 'steering=0.1074 participation=0.3059', values: { 'strategy.steering': 0.107441, 'strategy.participation': 0.305912 }, hazard: 0.02 },
      ],
      varied: ['strategy.steering', 'strategy.participation'],
      replicates: 2,
    });
    expect([...chartContext(results, 'en').labels.values()]).toEqual(['steering=0.862 participation=0.077', 'steering=0.107 participation=0.306']);
  });

  test('the opening names no lowest and highest when every point reaches the threshold as often', async () => {
    // hazard 0: no initiative reaches the threshold at any of the four points (0 % each)
    const results = await syntheticResults({
      points: [0, 0.25, 0.5, 0.75].map((steering) => ({ label: `steering=${steering}`, values: { 'strategy.steering': steering }, hazard: 0 })),
      varied: ['strategy.steering'],
      replicates: 2,
    });
    for (const lang of ['en', 'nl'] as const) {
      const ctx = chartContext(results, lang);
      const [sentence] = pointOpening(ctx.summaries, ctx.contrasts, ctx.labels, results.horizon, ctx.groupTitle, ctx.w).sentences;
      expect(sentence).toBe(lang === 'en'
        ? 'Across the 4 settings, the share of initiatives that reached the threshold by week 156 was 0 % at every one. The first 4, by that share and then by mean reach week:'
        : 'Over de 4 instellingen was het aandeel initiatieven dat de drempel t/m week 156 haalde overal 0 %. De eerste 4, naar dat aandeel en dan naar gemiddelde drempelweek:');
    }
  });
});
