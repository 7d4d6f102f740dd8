import { copyFileSync, existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, test, vi } from 'vitest';
import type { Chart } from '../../src/charts/chart.js';
import { escapeHtml, inlineSvg } from '../../src/charts/escape.js';
import { compileSpec, renderSvg, svgSize, svgToPng } from '../../src/charts/render.js';
import { exploreCharts } from '../../src/charts/exploreCharts.js';
import { words } from '../../src/charts/words.js';
import { buildExploreReport } from '../../src/charts/exploreReport.js';
import { buildReport, chartContext, chartsFor } from '../../src/charts/report.js';
import { PNG_MAX_SIDE, PNG_SCALE } from '../../src/charts/theme.js';
import { MAX_BANDS } from '../../src/charts/context.js';
import { comparisonResults, sweepResults, syntheticResults } from '../analysis/fixtures.js';
import { expectTextsApart, overlaps, renderScene } from './scenegraph.js';

/** Width and height from a PNG's IHDR chunk, after checking the 8-byte PNG signature. */
function pngSize(png: Buffer): { width: number; height: number } {
  expect([...png.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  expect(png.subarray(12, 16).toString('latin1')).toBe('IHDR');
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}

/**
 * Checks every dot of a rendered chart (a symbol of its data, not a legend's) against the panel it is
 * drawn in: at least 3 px inside on every side, off the axis lines. Returns how many dots it checked.
 */
async function dotsInsidePanels(spec: Chart['spec']): Promise<number> {
  let dots = 0;
  for (const mark of await renderScene(spec)) {
    if (mark.marktype !== 'symbol' || mark.role === 'legend-symbol' || !mark.panel) continue;
    const p = mark.panel;
    for (const dot of mark.items) {
      dots++;
      expect(dot.x).toBeGreaterThanOrEqual(p.x1 + 3);
      expect(dot.x).toBeLessThanOrEqual(p.x2 - 3);
      expect(dot.y).toBeGreaterThanOrEqual(p.y1 + 3);
      expect(dot.y).toBeLessThanOrEqual(p.y2 - 3);
    }
  }
  return dots;
}

describe('charts of a comparison and of a two-parameter sweep', () => {
  let compare: Chart[];
  let sweep: Chart[];
  beforeAll(async () => {
    compare = chartsFor(await chartContext(await comparisonResults()));
    sweep = chartsFor(await chartContext(await sweepResults()));
  });

  test('a comparison gets the reach curve, support, reach weeks, paired differences and trust charts, and no heatmap', () => {
    expect(compare.map((c) => c.name)).toEqual(['reach-curve', 'support', 'reach-weeks', 'paired-differences', 'trust-cohesion-drive']);
  });

  test('a two-parameter sweep also gets heatmaps of reach probability and median reach week', () => {
    expect(sweep.map((c) => c.name)).toContain('reach-probability-heatmap');
    expect(sweep.map((c) => c.name)).toContain('mean-reach-week-heatmap');
  });

  test('two parameters off a grid (a Latin hypercube, a grid with a cell missing) get scatters on quantitative axes, not heatmaps', async () => {
    // 40 points, every value distinct: a heatmap would need 40 × 40 cells
    const lhs = Array.from({ length: 40 }, (_, i) => {
      const steering = ((i * 17) % 40) / 40 + 0.01;
      const participation = i / 40 + 0.005;
      return { label: `p${i}`, values: { 'strategy.steering': steering, 'strategy.participation': participation }, hazard: 0.002 + 0.02 * participation };
    });
    // a 3 × 3 grid without its last cell: distinct pairs, but 3 × 3 ≠ 8
    const holed = [0, 0.5, 1].flatMap((s) => [0, 0.5, 1].map((p) => ({ label: `s${s} p${p}`, values: { 'strategy.steering': s, 'strategy.participation': p }, hazard: 0.01 }))).slice(0, 8);
    for (const points of [lhs, holed]) {
      const charts = chartsFor(await chartContext(await syntheticResults({ points, varied: ['strategy.steering', 'strategy.participation'], replicates: 2 })));
      const names = charts.map((c) => c.name);
      expect(names).toContain('reach-probability-scatter');
      expect(names).toContain('mean-reach-week-scatter');
      expect(names.filter((n) => n.endsWith('heatmap'))).toEqual([]);
      const scatter = charts.find((c) => c.name === 'reach-probability-scatter')!;
      const spec = scatter.spec as unknown as { encoding: Record<string, { type: string }>; data: { values: unknown[] } };
      expect(spec.encoding.x.type).toBe('quantitative');
      expect(spec.encoding.y.type).toBe('quantitative');
      expect(spec.data.values).toHaveLength(points.length);
      // the drawing does not grow with the points
      const { width, height } = svgSize(await renderSvg(scatter.spec));
      expect(width).toBeLessThan(900);
      expect(height).toBeLessThan(600);
    }
  });

  test('a Latin hypercube gets each outcome that varies against each factor; one the same at every point is named with its value, not drawn', async () => {
    // no initiative ever reaches the threshold (hazard 0): reach, reach week and coherent success are
    // the same at every point; trust in government moves with participation
    const points = Array.from({ length: 12 }, (_, i) => ({
      label: `p${i}`,
      values: { 'strategy.steering': ((i * 5) % 12) / 12, 'strategy.participation': i / 12 },
      hazard: 0,
      trust: 0.3 + (0.4 * i) / 12,
    }));
    const results = await syntheticResults({ points, varied: ['strategy.steering', 'strategy.participation'], replicates: 1, horizon: 52, scenario: { sweep: { design: 'lhs' } } as never });
    for (const [lang, same, each] of [
      ['en', ['Not drawn: Reached the threshold by week 52 (share), 0 at every point.', 'Not drawn: Mean reach week (never = 52), 52 at every point.', 'Not drawn: Coherent success (share), 0 at every point.'], '12 points of the Latin hypercube, 1 replication each.'],
      ['nl', ['Niet getekend: Drempel gehaald t/m week 52 (aandeel), 0 in elk punt.', 'Niet getekend: Gemiddelde drempelweek (nooit = 52), 52 in elk punt.', 'Niet getekend: Samenhangend succes (aandeel), 0 in elk punt.'], '12 punten van de Latijnse hyperkubus, elk 1 herhaling.'],
    ] as const) {
      const chart = chartsFor(chartContext(results, lang)).find((c) => c.name === 'outcome-factor-scatter')!;
      const spec = chart.spec as unknown as { data: { values: { outcome: string; factor: string }[] }; title: { subtitle: string[] } };
      const trust = lang === 'en' ? 'Final trust in government (0–1)' : spec.data.values[0]!.outcome;
      expect(new Set(spec.data.values.map((v) => v.outcome))).toEqual(new Set([trust]));
      expect(spec.data.values).toHaveLength(2 * 12);
      expect(spec.title.subtitle).toEqual([each, ...same]);
      for (const line of same) expect(chart.caption).toContain(line);
      // every panel drawn has a scale to read: no tick written to six decimals as on a flat line
      const svg = await renderSvg(chart.spec);
      expect(svg).not.toMatch(/>-?\d+[.,]\d{5,}</);
    }
  });

  test('the outcome-against-factor scatter keeps every dot off its panel’s axes, the lowest and highest values too', async () => {
    // reach takes few values, its lowest at many points: those dots lay on the x axis's line
    const points = Array.from({ length: 24 }, (_, i) => ({
      label: `p${i}`,
      values: { 'strategy.steering': ((i * 7) % 24) / 24, 'strategy.participation': i / 24 },
      hazard: i % 3 === 0 ? 0 : 0.004 * (i % 5),
      trust: 0.3 + (0.4 * i) / 24,
    }));
    const results = await syntheticResults({ points, varied: ['strategy.steering', 'strategy.participation'], replicates: 2, initiatives: 2, horizon: 52, scenario: { sweep: { design: 'lhs' } } as never });
    const chart = chartsFor(chartContext(results)).find((c) => c.name === 'outcome-factor-scatter')!;
    const dots = await dotsInsidePanels(chart.spec);
    // every point in every panel drawn (no outcome is the same at every point here)
    const panels = new Set((chart.spec as unknown as { data: { values: { outcome: string; factor: string }[] } }).data.values.map((v) => `${v.outcome} × ${v.factor}`)).size;
    expect(dots).toBe(panels * 24);
  });

  test('the explore report’s charts: its scatter keeps every dot off its panel’s axes too, and no text runs into another', async () => {
    // the committed Morris screen: its factors take few levels, the outcome is a share from 0 to 1
    const dir = mkdtempSync(join(tmpdir(), 'draagvlak-explore-dots-'));
    for (const f of ['manifest.json', 'runs.csv', 'initiatives.csv']) copyFileSync(join('results/explore-drivers', f), join(dir, f));
    const { analysis } = await buildExploreReport(dir);
    const scatter = exploreCharts(analysis).find((c) => c.name === 'explore-scatter')!;
    const values = (scatter.spec as unknown as { data: { values: { y: number }[] } }).data.values;
    expect(values.some((v) => v.y === 0)).toBe(true);
    expect(await dotsInsidePanels(scatter.spec)).toBe(values.length);
    // and no text of the explore charts runs into another, in English and in Dutch
    for (const lang of ['en', 'nl'] as const) {
      for (const chart of exploreCharts(analysis, words(lang))) await expectTextsApart(chart, `${lang} ${chart.name}`);
    }
  });

  test('the Morris chart names each factor beside its dot where it runs into no dot, and lists the others under the panel’s title', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'draagvlak-explore-morris-'));
    for (const f of ['manifest.json', 'runs.csv', 'initiatives.csv']) copyFileSync(join('results/explore-drivers', f), join(dir, f));
    const { analysis } = await buildExploreReport(dir);
    const factors = analysis.design.factors.length;
    for (const lang of ['en', 'nl'] as const) {
      const chart = exploreCharts(analysis, words(lang)).find((c) => c.name === 'explore-morris')!;
      const marks = await renderScene(chart.spec);
      const dots = marks.filter((m) => m.marktype === 'symbol' && m.role === 'mark').flatMap((m) => m.items);
      const names = marks.filter((m) => m.marktype === 'text' && m.role === 'mark').flatMap((m) => m.items);
      expect(dots).toHaveLength(factors * analysis.outcomes.length);
      // a name covers no dot (Vega's own boxes of both)
      for (const name of names) for (const dot of dots) expect(overlaps(name.bounds!, dot.bounds!), `${lang} “${name.text}” covers a dot`).toBe(false);
      // every factor of every panel: named in it, or listed under its title
      const panels = (chart.spec as unknown as { concat: { title: { subtitle?: string[] }; layer: { data: { values: { short?: string }[] } }[] }[] }).concat;
      expect(panels).toHaveLength(analysis.outcomes.length);
      let named = 0;
      for (const panel of panels) {
        const shown = panel.layer[2]!.data.values.map((v) => v.short!);
        const listed = (panel.title.subtitle ?? []).join(' ').replace(/^[^:]*: /, '').replace(/\.$/, '').split(', ').filter((n) => n !== '');
        expect(new Set([...shown, ...listed]).size, lang).toBe(factors);
        expect(shown.length + listed.length).toBe(factors);
        named += shown.length;
        // the most influential factor first of all
        const top = panel.layer[0]!.data.values.reduce((a, b) => ((b as { mu_star: number }).mu_star > (a as { mu_star: number }).mu_star ? b : a)) as { short: string };
        expect(shown).toContain(top.short);
      }
      // and most factors keep their name: 16 factors in 5 panels, 80 names, of which 57 in English
      // and 56 in Dutch when this was written (46 and 45 with the names only beside their dots)
      expect(named).toBeGreaterThan(0.65 * factors * panels.length);
    }
  });

  test('no text of any chart runs into another, in English and in Dutch: a comparison, a sweep, and eight points (the reach weeks one histogram a row)', async () => {
    const eight = Array.from({ length: 8 }, (_, i) => ({ label: `homophily=${i % 4} rewire=${i < 4 ? 0.1 : 0.4}`, values: { 'strategy.steering': i / 8 }, hazard: 0.004 + 0.002 * i }));
    const sets = [await comparisonResults(), await sweepResults(), await syntheticResults({ points: eight, varied: ['strategy.steering'], replicates: 2 })];
    let charts = 0;
    for (const lang of ['en', 'nl'] as const) {
      for (const results of sets) {
        for (const chart of chartsFor(chartContext(results, lang))) {
          charts++;
          expect(await expectTextsApart(chart, `${lang} ${chart.name}`), chart.name).toBeGreaterThan(3);
        }
      }
    }
    expect(charts).toBeGreaterThan(20);
  });

  test('past MAX_BANDS points the reach curve and the support chart draw their lines without the shaded bands, which would hide each other, and say so', async () => {
    const eight = Array.from({ length: 8 }, (_, i) => ({ label: `p${i}`, values: { 'strategy.steering': i / 8 }, hazard: 0.004 + 0.002 * i }));
    const areas = (c: Chart) => (c.spec as unknown as { layer: { mark: { type: string } }[] }).layer.filter((l) => l.mark.type === 'area').length;
    for (const [results, banded] of [[await comparisonResults(), true], [await syntheticResults({ points: eight, varied: ['strategy.steering'], replicates: 2 }), false]] as const) {
      expect(results.points.length <= MAX_BANDS).toBe(banded);
      const charts = chartsFor(chartContext(results));
      for (const name of ['reach-curve', 'support']) {
        const chart = charts.find((c) => c.name === name)!;
        expect(areas(chart), `${name} with ${results.points.length} points`).toBe(banded ? 1 : 0);
      }
      const support = charts.find((c) => c.name === 'support')!;
      expect(support.caption.includes('Half of all initiatives lie inside the shaded band.')).toBe(banded);
      expect(support.caption.includes('the bands that hold the middle half of the initiatives are left out')).toBe(!banded);
    }
  });

  test('an error in Vega’s dataflow is an error, not a chart drawn without its data (Vega only logs it)', async () => {
    const broken = { $schema: 'https://vega.github.io/schema/vega-lite/v6.json', data: { values: [{ a: 1 }] }, transform: [{ calculate: 'datum.b.c', as: 'e' }], mark: 'point', encoding: { x: { field: 'e', type: 'quantitative' } } } as Chart['spec'];
    await expect(renderSvg(broken)).rejects.toThrow(/^Vega: Cannot read properties of undefined \(reading 'c'\)$/);
    // the same chart without the faulty expression draws
    expect(await renderSvg({ ...broken, transform: [{ calculate: 'datum.a', as: 'e' }] } as Chart['spec'])).toContain('<svg');
  });

  test('Vega’s warnings (an empty layer’s “Infinite extent”) are not printed: the terminal is for the user’s problems', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const stderr = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
    try {
      const empty = {
        $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
        layer: [
          { data: { values: [{ x: 1, y: 2 }] }, mark: 'point', encoding: { x: { field: 'x', type: 'quantitative' }, y: { field: 'y', type: 'quantitative' } } },
          { data: { values: [] }, mark: 'line', encoding: { x: { field: 'x', type: 'quantitative' }, y: { field: 'y', type: 'quantitative' } } },
        ],
        resolve: { scale: { x: 'independent', y: 'independent' } },
      } as unknown as Chart['spec'];
      expect(await renderSvg(empty)).toContain('<svg');
      expect(warn).not.toHaveBeenCalled();
      expect(stderr).not.toHaveBeenCalled();
    } finally {
      vi.restoreAllMocks();
    }
  });

  test('a sweep over one numeric parameter gets the chance and mean reach week along it', async () => {
    const points = [0, 0.25, 0.5, 0.75, 1].map((v) => ({ label: `participation=${v}`, values: { 'strategy.participation': v }, hazard: 0.002 + 0.02 * v }));
    const ctx = await chartContext(await syntheticResults({ points, varied: ['strategy.participation'], replicates: 4 }));
    const charts = chartsFor(ctx);
    const line = charts.find((c) => c.name === 'sweep-line');
    expect(line).toBeDefined();
    // its data name the mean reach week as summary.csv does, not as a median it is not
    const values = (line!.spec as { data: { values: Record<string, unknown>[] } }).data.values;
    expect(values.map((v) => v.mean_reach_week)).toEqual(ctx.summaries.map((s) => s.meanReachWeek.mean));
    expect(values.map((v) => v.mean_reach_lo)).toEqual(ctx.summaries.map((s) => s.meanReachWeek.lo));
    expect(Object.keys(values[0]!)).not.toContain('median');
    expect(charts.map((c) => c.name)).not.toContain('reach-probability-heatmap');
    const svg = await renderSvg(line!.spec);
    expect(svg).toContain(line!.title);
    expect(svg).toContain('Participation (0–1)');
  });

  test('a single scenario without series gets only what applies', async () => {
    const dir = await syntheticResults({ points: [{ label: 'baseline', hazard: 0.01 }], withSeries: false });
    expect(chartsFor(chartContext(dir)).map((c) => c.name)).toEqual(['reach-curve', 'reach-weeks']);
  });

  test('every spec compiles with vega-lite without a warning and renders to an SVG holding its title', async () => {
    for (const chart of [...compare, ...sweep]) {
      expect(() => compileSpec(chart.spec), chart.name).not.toThrow();
      const svg = await renderSvg(chart.spec);
      expect(svg.startsWith('<svg'), chart.name).toBe(true);
      expect(svg, chart.name).toContain(escapeHtml(chart.title).replace(/&#39;/g, "'"));
      expect(svg.length, chart.name).toBeGreaterThan(2000);
      const { width, height } = svgSize(svg);
      expect(width).toBeGreaterThan(300);
      expect(height).toBeGreaterThan(150);
    }
  });

  test('the same spec renders to the same SVG bytes', async () => {
    expect(await renderSvg(compare[0].spec)).toBe(await renderSvg(compare[0].spec));
  });

  test('axis titles are in plain words with units', () => {
    const text = JSON.stringify(compare.map((c) => c.spec));
    expect(text).toContain('"title":"Week"');
    expect(text).toContain('Share of households committed (0–100 %)');
    expect(JSON.stringify(sweep.map((c) => c.spec))).toContain('Probability (0–1)');
    expect(JSON.stringify(sweep.map((c) => c.spec))).toContain('Steering (0–1)');
  });
});

describe('inlineSvg()', () => {
  test("prefixes the ids of the chart's tags, never a label's text that looks like one", async () => {
    // real vega SVGs with a strategy named like markup: clip paths and the references to them get the prefix;
    // the label's text (in legends and the marks' descriptions) stays as the strategy is named
    const results = await comparisonResults();
    results.points[0]!.label = 'x id="zz" url(#q) href="#h" y';
    let clipped = 0;
    for (const chart of chartsFor(chartContext(results))) {
      const svg = await renderSvg(chart.spec);
      const inline = inlineSvg(svg, 'chart7', chart.title);
      if (/ id="clip\d+"/.test(svg)) {
        clipped++;
        expect(inline, chart.name).toMatch(/<clipPath id="chart7-clip\d+"/);
        expect(inline, chart.name).toMatch(/clip-path="url\(#chart7-clip\d+\)"/);
        expect(inline, chart.name).not.toMatch(/ id="clip\d+"|url\(#clip/);
      }
      // the text nodes and descriptions, as vega wrote them, are unchanged
      const texts = (s: string) => s.match(/[^<>]*zz[^<>]*/g);
      expect(texts(inline), chart.name).toEqual(texts(svg));
      expect(inline, chart.name).not.toMatch(/chart7-(zz|q|h)/);
    }
    expect(clipped).toBeGreaterThan(0);
  });
});

describe('buildReport()', () => {
  test('writes a .vl.json, .svg and a real .png of twice the SVG size for every chart', async () => {
    const results = await comparisonResults();
    const dir = results.dir;
    await buildReport(results);
    for (const name of ['reach-curve', 'support', 'reach-weeks', 'paired-differences', 'trust-cohesion-drive']) {
      const spec = JSON.parse(readFileSync(join(dir, 'charts', `${name}.vl.json`), 'utf8')) as Record<string, unknown>;
      expect(spec.$schema).toMatch(/vega-lite/);
      const svg = readFileSync(join(dir, 'charts', `${name}.svg`), 'utf8');
      const png = readFileSync(join(dir, 'charts', `${name}.png`));
      const s = svgSize(svg);
      const p = pngSize(png);
      expect(p.width, name).toBe(Math.round(s.width * PNG_SCALE));
      expect(p.height, name).toBe(Math.round(s.height * PNG_SCALE));
      expect(png.length).toBeGreaterThan(10_000);
    }
  });

  test('with png false it writes no PNG (and removes one left from before); the report links none', async () => {
    const results = await comparisonResults();
    const dir = results.dir;
    await buildReport(results);
    expect(existsSync(join(dir, 'charts', 'reach-curve.png'))).toBe(true);
    await buildReport(results, { png: false });
    expect(existsSync(join(dir, 'charts', 'reach-curve.png'))).toBe(false);
    expect(existsSync(join(dir, 'charts', 'reach-curve.svg'))).toBe(true);
    expect(readFileSync(join(dir, 'report.html'), 'utf8')).not.toContain('.png"');
  });

  test('a PNG is never drawn larger than PNG_MAX_SIDE on a side', () => {
    const side = PNG_MAX_SIDE; // at PNG_SCALE this SVG would be twice the cap
    const png = svgToPng(`<svg xmlns="http://www.w3.org/2000/svg" width="${side}" height="${side / 4}"><rect width="10" height="10"/></svg>`);
    expect(pngSize(png)).toEqual({ width: PNG_MAX_SIDE, height: PNG_MAX_SIDE / 4 });
  });

  test('svgToPng at scale 1 gives a PNG of the size the SVG declares', () => {
    const png = svgToPng('<svg xmlns="http://www.w3.org/2000/svg" width="200" height="40"><text x="5" y="30" font-family="DejaVu Sans" font-size="24">Week</text></svg>', 1);
    expect(pngSize(png)).toEqual({ width: 200, height: 40 });
  });
});
