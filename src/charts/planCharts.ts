import type { InterventionWeek, PlanContrast } from '../analysis/planContrasts.js';
import type { Chart, Layer, PositionDef } from './chart.js';
import { colourBy, type ChartContext } from './context.js';
import { intervalDomain, intervalPanel } from './intervalPanel.js';
import { dejaVuWidth } from './textWidth.js';
import { CONFIG, HEIGHT, mostLines, wholeLabels, WIDTH } from './theme.js';
import { tippingMarker } from './tipping.js';
import { shownName, words, type Words } from './words.js';

export const PLAN_DIFFERENCES_TITLE = words().planDifferencesTitle;
export const PLAN_REACH_TITLE = words().planReachTitle;

/** How a contrasts.csv metric reads on a chart: its name, unit and scale. */
export function metricMeaning(metric: string, horizon: number, w: Words = words()): { name: string; unit: string; scale: number } {
  const by = /^reached_by_week_(\d+)$/.exec(metric);
  if (by) return { name: w.reachedByWeek(by[1]), unit: w.percentagePoints, scale: 100 };
  if (metric === 'mean_reach_week') return { name: w.meanReachWeekRestricted(horizon), unit: w.weeksSoonerCounts(horizon), scale: 1 };
  if (metric === 'trust_gov_final') return { name: w.trustAtEnd, unit: w.levelPoints, scale: 1 };
  if (metric === 'cohesion_final') return { name: w.cohesionAtEnd, unit: w.levelPoints, scale: 1 };
  return { name: metric, unit: '', scale: 1 };
}

/** A plan as named in a legend: its point's label (which carries the strategy and swept values too). */
function planLabel(ctx: ChartContext, c: PlanContrast): string {
  const point = ctx.results.points.find((p) => p.values.plan === c.plan && Object.entries(c.group).every(([k, v]) => p.values[k] === v));
  return point ? (ctx.labels.get(point.index) ?? shownName(c.plan, ctx.w)) : shownName(c.plan, ctx.w);
}

/**
 * Paired differences of every plan against 'no intervention' on the same seeds: a dot per plan and
 * metric at the mean per-replicate difference, a bar for its 95 % interval, and the zero line.
 */
export function planDifferencesChart(ctx: ChartContext, contrasts: readonly PlanContrast[], baseline: string): Chart | null {
  const { w } = ctx;
  const horizon = ctx.results.horizon;
  const rows = contrasts.filter((c) => c.baseline === baseline);
  if (rows.length === 0) return null;
  const none = shownName(baseline, w);
  const metrics = [...new Set(rows.map((c) => c.metric))];
  const values = rows.map((c) => {
    const m = metricMeaning(c.metric, horizon, w);
    return { label: planLabel(ctx, c), measure: m.name, unit: m.unit, mean: c.estimate * m.scale, lo: (c.lo ?? c.estimate) * m.scale, hi: (c.hi ?? c.estimate) * m.scale };
  });
  const order = [...new Set(values.map((v) => v.label))];
  const y: PositionDef = { field: 'label', type: 'nominal', title: null, sort: order, axis: wholeLabels(order, 200, 11) };
  // panels in the same unit (the reach shares by week; trust and cohesion) share one x scale, zero included
  const domains = new Map([...new Set(values.map((v) => v.unit))].map((unit) => [unit, intervalDomain(values.filter((v) => v.unit === unit))]));
  return {
    name: 'plan-differences',
    title: w.planDifferencesTitle,
    caption: w.planDifferencesCaption(none),
    spec: {
      $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
      title: { text: w.planDifferencesTitle, subtitle: w.planDifferencesSubtitle(none) },
      config: CONFIG,
      data: { values },
      columns: 3,
      concat: metrics.map((metric, i) => {
        const m = metricMeaning(metric, horizon, w);
        return intervalPanel(ctx, { measure: m.name, unit: m.unit, y: i % 3 === 0 ? y : { ...y, axis: null }, width: 180, step: Math.max(30, 14 * mostLines(order, 200, 11) + 6), domain: domains.get(m.unit) });
      }),
      spacing: 20,
    },
  };
}

/** Height of one row of intervention labels above the plot, in pixels. */
const LABEL_ROW = 13;

/**
 * Places the label of each intervention in the lowest row above the plot where its text clears the
 * labels already there: `top` is the row's pixel height (negative: above the plot) and `at` the week
 * at which its text starts (its own week, or earlier for a label that would run past the right edge).
 */
export function labelRows<T extends { week: number; name: string }>(marks: readonly T[], horizon: number): (T & { top: number; at: number })[] {
  const rows: [number, number][][] = [];
  const clear = (row: [number, number][], from: number, to: number) => row.every(([a, b]) => to + 8 <= a || b + 8 <= from);
  return [...marks]
    .sort((a, b) => a.week - b.week)
    .map((m) => {
      const width = dejaVuWidth(m.name, 10) + 3;
      const x = Math.min((m.week / horizon) * WIDTH, WIDTH - width);
      let row = 0;
      while (!clear(rows[row] ?? [], x, x + width)) row++;
      (rows[row] ??= []).push([x, x + width]);
      return { ...m, top: -4 - row * LABEL_ROW, at: (x / WIDTH) * horizon };
    });
}

/**
 * The reach curve of every plan (Kaplan–Meier share of initiatives past the threshold by week),
 * with a dashed rule in the plan's colour at each week one of its interventions applied (the median
 * week over the runs, for interventions triggered by a condition).
 */
export function planReachChart(ctx: ChartContext, weeks: readonly InterventionWeek[]): Chart {
  const { w } = ctx;
  const horizon = ctx.results.horizon;
  const values: Record<string, unknown>[] = [];
  for (const s of ctx.summaries) {
    const label = ctx.labels.get(s.point.index);
    let prev: number | undefined;
    for (const p of s.curve.points) {
      if (p.share !== prev || p.week === horizon) values.push({ label, week: p.week, share: p.share });
      prev = p.share;
    }
  }
  // An intervention every plan shares (the scenario's own `interventions:`) at the same week is
  // drawn once, in grey; the others in their plan's colour.
  const fired = weeks.filter((w) => w.week !== null);
  const key = (w: InterventionWeek) => `${w.name}/${w.action}/${w.week}`;
  const pointsOf = new Map<string, Set<number>>();
  for (const w of fired) pointsOf.set(key(w), (pointsOf.get(key(w)) ?? new Set()).add(w.point));
  const everywhere = (w: InterventionWeek) => ctx.results.points.length > 1 && pointsOf.get(key(w))!.size === ctx.results.points.length;
  const text = (iw: InterventionWeek) => (iw.fired < iw.runs ? w.firedRuns(shownName(iw.name, w), iw.fired, iw.runs) : shownName(iw.name, w));
  const marks = fired.filter((iw) => !everywhere(iw)).map((iw) => ({ label: ctx.labels.get(iw.point), week: iw.week!, name: text(iw) }));
  const shared = [...new Map(fired.filter(everywhere).map((iw) => [key(iw), { week: iw.week!, name: w.everyPlan(text(iw)) }])).values()];
  const placed = labelRows([...marks, ...shared], horizon);
  const y: PositionDef = { type: 'quantitative', title: w.shareAxis, scale: { domain: [0, 1] }, axis: { format: '.0%' } };
  const layers: Layer[] = [
    { mark: { type: 'line', interpolate: 'step-after', strokeWidth: 2.5 }, encoding: { y: { ...y, field: 'share' }, color: colourBy(ctx) } },
  ];
  // each intervention: a dashed rule across the plot at its week, its label starting there in a
  // row above the plot, clear of the axis, the curves and the other labels
  const textAt = { x: { field: 'at', type: 'quantitative' }, y: { field: 'top', type: 'quantitative', scale: null }, text: { field: 'name' } } as const;
  const own = placed.filter((m) => 'label' in m);
  const common = placed.filter((m) => !('label' in m));
  if (own.length > 0) {
    layers.push(
      { data: { values: own }, mark: { type: 'rule', strokeDash: [5, 4], strokeWidth: 1.5 }, encoding: { x: { field: 'week', type: 'quantitative' }, color: colourBy(ctx) } },
      { data: { values: own }, mark: { type: 'text', align: 'left', baseline: 'bottom', dx: 3, fontSize: 10 }, encoding: { ...textAt, color: colourBy(ctx) } },
    );
  }
  if (common.length > 0) {
    layers.push(
      { data: { values: common }, mark: { type: 'rule', strokeDash: [2, 3], strokeWidth: 1.5, color: '#555' }, encoding: { x: { field: 'week', type: 'quantitative' } } },
      { data: { values: common }, mark: { type: 'text', align: 'left', baseline: 'bottom', dx: 3, fontSize: 10, color: '#555' }, encoding: textAt },
    );
  }
  const tipping = tippingMarker(ctx);
  if (tipping) layers.push(...tipping.layers);
  return {
    name: 'plan-reach',
    title: w.planReachTitle,
    caption: w.planReachCaption(horizon) + (tipping ? ` ${tipping.sentence}` : ''),
    spec: {
      $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
      title: { text: w.planReachTitle, subtitle: w.planReachSubtitle(horizon) },
      width: WIDTH,
      height: HEIGHT,
      config: CONFIG,
      data: { values },
      encoding: { x: { field: 'week', type: 'quantitative', title: w.week, scale: { domain: [0, horizon], nice: false } } },
      layer: layers,
    },
  };
}
