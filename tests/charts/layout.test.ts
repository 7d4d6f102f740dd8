import * as vega from 'vega';
import { describe, expect, test } from 'vitest';
import type { PlanContrast, InterventionWeek } from '../../src/analysis/planContrasts.js';
import type { Chart } from '../../src/charts/chart.js';
import { colourDomain, heatmapCharts } from '../../src/charts/heatmapCharts.js';
import { intervalDomain } from '../../src/charts/intervalPanel.js';
import { labelRows, planDifferencesChart, planReachChart } from '../../src/charts/planCharts.js';
import { compileSpec, renderSvg } from '../../src/charts/render.js';
import { chartContext, chartsFor } from '../../src/charts/report.js';
import { dejaVuWidth } from '../../src/charts/textWidth.js';
import { wrapText } from '../../src/charts/theme.js';
import { comparisonResults, syntheticResults } from '../analysis/fixtures.js';
import { difference } from './colourVision.js';

type Json = Record<string, unknown>;
/** Every object in a spec, depth first. */
function* nodes(x: unknown): Generator<Json> {
  if (Array.isArray(x)) for (const v of x) yield* nodes(v);
  else if (x && typeof x === 'object') {
    yield x as Json;
    for (const v of Object.values(x)) yield* nodes(v);
  }
}

/** The colour a compiled chart gives a value on its colour scale (as "#rrggbb"). */
async function colourOf(chart: Chart, value: number): Promise<string> {
  const view = new vega.View(vega.parse(compileSpec(chart.spec)), { renderer: 'none' });
  await view.runAsync();
  const name = (compileSpec(chart.spec).scales ?? []).map((s) => s.name).find((n) => /color/.test(n))!;
  const scale = view.scale(name) as (v: number) => string;
  const c = scale(value);
  view.finalize();
  const rgb = /rgb\((\d+), (\d+), (\d+)\)/.exec(c);
  return rgb ? `#${rgb.slice(1).map((n) => Number(n).toString(16).padStart(2, '0')).join('')}` : c;
}

const LONG = 'field after the mandate, officials at least sixty per cent of their time in the neighbourhoods';
const PLANS = ['no intervention', 'field before the mandate', LONG];

/** A plans result set (labels are the plan names) with its contrasts and intervention weeks made up. */
async function plansContext() {
  const results = await syntheticResults({
    points: PLANS.map((plan, i) => ({ label: plan, values: { plan }, hazard: 0.005 + 0.004 * i })),
    varied: ['plan'],
    replicates: 4,
  });
  const ctx = chartContext(results);
  const contrast = (plan: string, metric: string, estimate: number, half: number): PlanContrast => ({
    group: {}, plan, baseline: 'no intervention', metric, estimate, lo: estimate - half, hi: estimate + half, sd: 2, replications: 4, planMean: 0, baselineMean: 0,
  });
  const contrasts = PLANS.slice(1).flatMap((plan, i) => [
    contrast(plan, 'reached_by_week_52', 0.01 * (i + 1), 0.01),
    contrast(plan, 'reached_by_week_156', 0.2 * (i + 1), 0.05),
    contrast(plan, 'mean_reach_week', -3 * (i + 1), 2),
    contrast(plan, 'trust_gov_final', 0.01, 0.005),
    contrast(plan, 'cohesion_final', 0.05, 0.01),
  ]);
  const week = (point: number, name: string, w: number): InterventionWeek => ({ point, intervention: 0, name, action: 'field', week: w, fired: 4, runs: 4 });
  // two interventions a week apart at the very start (where the y ticks are), one shared by every plan
  const weeks = [week(1, 'field', 1), week(2, 'field', 2), ...[0, 1, 2].map((p) => week(p, 'mandate', 40))];
  return { ctx, contrasts, weeks };
}

describe('trust, cohesion and drive', () => {
  test('the three panels share one y scale from 0 to 1', async () => {
    const chart = chartsFor(chartContext(await comparisonResults())).find((c) => c.name === 'trust-cohesion-drive')!;
    const spec = chart.spec as unknown as Json & { hconcat: Json[]; resolve: Json };
    expect(spec.hconcat).toHaveLength(3);
    expect(spec.resolve).toEqual({ scale: { y: 'shared' } });
    const ys = [...nodes(spec.hconcat)].filter((n) => n.y && (n.y as Json).scale).map((n) => (n.y as Json).scale);
    expect(ys.length).toBeGreaterThanOrEqual(6);
    for (const s of ys) expect(s).toMatchObject({ domain: [0, 1], zero: true });
    // and the drawn axis does run from 0 to 1
    const svg = await renderSvg(chart.spec);
    expect(svg).toMatch(/>0\.0</);
    expect(svg).toMatch(/>1\.0</);
  });
});

describe('the reach heatmap', () => {
  test('91 % and 100 % get clearly different colours, also with deuteranopia', async () => {
    // the steering sweep's values: every point between 91 % and 100 %
    const reach = [0.97, 0.98, 1, 1, 1, 0.97, 1, 1, 1, 0.98, 0.98, 1, 0.97, 0.94, 0.91];
    const points = reach.map((p, i) => ({
      label: `p${i}`, values: { 'strategy.steering': (i % 5) / 4, 'strategy.participation': [0.2, 0.5, 0.8][Math.floor(i / 5)] }, hazard: p === 1 ? 0.5 : -Math.log(1 - p) / 156,
    }));
    const ctx = chartContext(await syntheticResults({ points, varied: ['strategy.steering', 'strategy.participation'], replicates: 2 }));
    const heatmap = heatmapCharts(ctx).find((c) => c.name === 'reach-probability-heatmap')!;
    const values = (heatmap.spec as { data: { values: { value: number }[] } }).data.values.map((v) => v.value);
    const [lo, hi] = colourDomain(values);
    const low = await colourOf(heatmap, lo);
    const high = await colourOf(heatmap, hi);
    expect(hi - lo).toBeLessThan(0.2);
    for (const v of [undefined, 'deuteranopia', 'protanopia'] as const) expect(difference(low, high, v), `${low} ${high} ${v}`).toBeGreaterThan(30);
  });

  test('the colour domain follows the values drawn', () => {
    expect(colourDomain([0.91, 1, null, 0.95])).toEqual([0.91, 1]);
    expect(colourDomain([null])).toEqual([0, 1]);
    expect(colourDomain([1, 1])).toEqual([0.5, 1.5]);
  });
});

describe('plan charts', () => {
  test('plan names are never cut: no label limit, long names wrapped onto lines that fit', async () => {
    const { ctx, contrasts, weeks } = await plansContext();
    for (const chart of [planDifferencesChart(ctx, contrasts, 'no intervention')!, planReachChart(ctx, weeks)]) {
      const { config: _, ...drawn } = chart.spec as unknown as Json;
      const limits = [...nodes(drawn)].filter((n) => 'labelLimit' in n);
      expect(limits.length, chart.name).toBeGreaterThan(0);
      for (const n of limits) expect(n.labelLimit, chart.name).toBe(0);
      const svg = await renderSvg(chart.spec);
      // every word of the long name is drawn, nothing ends in an ellipsis
      expect(svg, chart.name).not.toContain('…');
      for (const line of wrapText(LONG, chart.name === 'plan-reach' ? 300 : 200, chart.name === 'plan-reach' ? 12 : 11)) expect(svg, chart.name).toContain(line);
    }
    expect(wrapText(LONG, 200, 11).length).toBeGreaterThan(1);
    for (const line of wrapText(LONG, 200, 11)) expect(dejaVuWidth(line, 11)).toBeLessThanOrEqual(200);
  });

  test('panels of the plan differences in one unit share their x scale, zero included', async () => {
    const { ctx, contrasts } = await plansContext();
    const chart = planDifferencesChart(ctx, contrasts, 'no intervention')!;
    const panels = (chart.spec as unknown as { concat: Json[] }).concat;
    const domainOf = (panel: Json) => [...nodes(panel)].map((n) => (n.x as Json | undefined)?.scale as Json | undefined).find((s) => s?.domain)?.domain as number[];
    const byTitle = new Map(panels.map((p) => [(p.title as Json).text as string, domainOf(p)]));
    const by52 = byTitle.get('Reached the threshold by week 52')!;
    expect(byTitle.get('Reached the threshold by week 156')).toEqual(by52);
    // the widest interval of the unit sets it: 0.4 ± 0.05 as percentage points
    expect(by52[1]).toBeCloseTo(45, 6);
    expect(by52[0]).toBe(0);
    expect(byTitle.get('Trust in government at the end')).toEqual(byTitle.get('Cohesion at the end'));
    expect(byTitle.get('Mean reach week (restricted to week 156)')).toEqual([-8, 0]);
  });

  test('when no plan made a difference in any replicate, the axes still read as numbers around 0, not "0.000000"', async () => {
    const { ctx, contrasts } = await plansContext();
    const none = contrasts.map((c) => ({ ...c, estimate: 0, lo: 0, hi: 0 }));
    const svg = await renderSvg(planDifferencesChart(ctx, none, 'no intervention')!.spec);
    const ticks = [...svg.matchAll(/<text[^>]*>([−-]?[\d.]+)<\/text>/g)].map((m) => m[1]);
    expect(ticks.length).toBeGreaterThan(4);
    for (const t of ticks) expect(t).toMatch(/^[−-]?\d+(\.\d{1,2})?$/);
    expect(ticks.some((t) => Number(t.replace('−', '-')) === 0)).toBe(true);
    expect(intervalDomain([{ lo: 0, hi: 0 }])).toEqual([-1, 1]);
    expect(intervalDomain([{ lo: -2, hi: 3 }, { lo: 1, hi: 1 }])).toEqual([-2, 3]);
  });

  test('intervention labels stand in rows above the plot, clear of the y ticks and of each other', async () => {
    const { ctx, weeks } = await plansContext();
    const chart = planReachChart(ctx, weeks);
    const texts = [...nodes(chart.spec)].filter((n) => (n.mark as Json | undefined)?.type === 'text');
    expect(texts.length).toBe(2);
    for (const t of texts) {
      expect((t.mark as Json).angle).toBeUndefined();
      expect((t.encoding as Json).y).toMatchObject({ field: 'top', scale: null });
      for (const v of ((t.data as Json).values as { top: number }[])) expect(v.top).toBeLessThan(0);
    }
    // labels at weeks 1 and 2 would overlap in one row: the second goes a row up
    const rows = labelRows([{ week: 1, name: 'field' }, { week: 2, name: 'field' }, { week: 100, name: 'field' }], 156);
    expect(rows[0].top).toBeGreaterThan(rows[1].top);
    expect(rows[2].top).toBe(rows[0].top);
    // a label that would run off the right edge starts earlier
    const late = labelRows([{ week: 156, name: 'a long intervention name' }], 156)[0];
    expect(late.at).toBeLessThan(156);
  });
});

describe('the early jump', () => {
  test('the reach curve names the share that started past its tipping point and draws it as a dotted line', async () => {
    const ctx = chartContext(await comparisonResults());
    const t = ctx.results.initiatives;
    // the synthetic model tips the initiatives that reach the threshold in weeks 1–3
    const tipped = [0, 1, 2].map((p) => {
      let n = 0;
      let all = 0;
      for (let r = 0; r < t.length; r++) if (t.point[r] === p) (all++, (n += t.columns.tippingWeek[r] > 0 ? 1 : 0));
      return n / all;
    });
    expect(Math.max(...tipped)).toBeGreaterThan(0);
    const chart = chartsFor(ctx).find((c) => c.name === 'reach-curve')!;
    expect(chart.caption).toContain('started past their tipping point');
    const rules = [...nodes(chart.spec)].filter((n) => (n.mark as Json | undefined)?.type === 'rule');
    const drawn = rules.flatMap((r) => ((r.data as Json).values as { share: number }[]).map((v) => v.share)).sort();
    expect(drawn).toEqual(tipped.filter((s) => s > 0).sort());
    expect(await renderSvg(chart.spec)).toContain('stroke-dasharray="1,3"');
  });
});
