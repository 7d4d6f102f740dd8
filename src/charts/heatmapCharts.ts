import { cell, isNumericParameter } from '../analysis/results.js';
import type { Chart, SharedEncoding } from './chart.js';
import type { ChartContext } from './context.js';
import { INK, inked } from './ink.js';
import { CONFIG, parameterTitle, percent } from './theme.js';
import { decimal, words } from './words.js';

export const REACH_HEATMAP_TITLE = words().reachHeatmapTitle;
export const MEDIAN_HEATMAP_TITLE = words().meanWeekHeatmapTitle;

/**
 * The two numeric varied parameters of a two-parameter sweep, and whether its points form a true
 * grid (every combination of the distinct values once: distinct x × distinct y = points), which a
 * heatmap draws cell by cell. Other designs (a Latin hypercube, one factor at a time) are drawn as
 * a scatter on quantitative axes: a heatmap would give every distinct value its own row and column,
 * and grow with the square of the points. Null when the folder is not a two-parameter sweep.
 */
export function sweptPair(ctx: ChartContext): { pair: [string, string]; grid: boolean } | null {
  const { varied, points } = ctx.results;
  if (varied.length !== 2 || points.length < 2 || !varied.every((v) => isNumericParameter(points, v))) return null;
  const distinct = (v: string) => new Set(points.map((p) => p.values[v])).size;
  const cells = new Set(points.map((p) => `${p.values[varied[0]]}|${p.values[varied[1]]}`)).size;
  const grid = cells === points.length && distinct(varied[0]) * distinct(varied[1]) === points.length;
  return { pair: [varied[0], varied[1]], grid };
}

interface PairChartOptions {
  name: string; title: string; subtitle: string; caption: string; legend: string; reverse: boolean;
  value: (i: number) => number | null; text: (v: number | null) => string; format?: string;
}

/**
 * The colour domain of a heatmap or scatter: from the smallest to the largest value drawn, so that
 * the whole colour ramp spans what the points differ by (91 % and 100 % far apart when every point
 * lies between them); the legend and the numbers in the cells give the values. Values all equal
 * get a domain of ±0.5 around them.
 */
export function colourDomain(values: readonly (number | null)[]): [number, number] {
  const finite = values.filter((v): v is number => v !== null && Number.isFinite(v));
  if (finite.length === 0) return [0, 1];
  const lo = Math.min(...finite);
  const hi = Math.max(...finite);
  return hi > lo ? [lo, hi] : [lo - 0.5, hi + 0.5];
}

/** The colour of a value: light to dark blue over the values drawn (single hue, so colour-vision deficiencies keep the order). */
function colourScale(opts: PairChartOptions, domain: [number, number]) {
  return {
    field: 'value', type: 'quantitative' as const, title: opts.legend,
    scale: { scheme: 'blues', reverse: opts.reverse, domain, nice: false, zero: false },
    legend: { format: opts.format, gradientLength: 200, values: domain },
  };
}

function heatmap(ctx: ChartContext, pair: [string, string], opts: PairChartOptions): Chart {
  const [px, py] = pair;
  const values = ctx.summaries.map((s, i) => {
    const v = opts.value(i);
    return { x: cell(s.point.values[px]), y: cell(s.point.values[py]), value: v, text: opts.text(v), label: ctx.labels.get(s.point.index) };
  });
  const domain = colourDomain(values.map((v) => v.value));
  // the grid's values are the points' own (ordinal, so Vega's number locale does not reach them): in Dutch with a decimal comma
  const labels = ctx.w.lang === 'en' ? {} : { labelExpr: `replace(datum.label, '.', '${decimal('.', ctx.w.lang)}')` };
  const xy: SharedEncoding = {
    x: { field: 'x', type: 'ordinal', title: parameterTitle(px, ctx.w.lang), sort: 'ascending', axis: { labelAngle: 0, ...labels } },
    y: { field: 'y', type: 'ordinal', title: parameterTitle(py, ctx.w.lang), sort: 'descending', ...(ctx.w.lang === 'en' ? {} : { axis: labels }) },
  };
  return {
    name: opts.name,
    title: opts.title,
    caption: opts.caption,
    spec: {
      $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
      title: { text: opts.title, subtitle: opts.subtitle },
      config: { ...CONFIG, axis: { ...CONFIG.axis, grid: false } },
      width: { step: Math.max(48, Math.min(110, 560 / new Set(values.map((v) => v.x)).size)) },
      height: { step: Math.max(36, Math.min(70, 360 / new Set(values.map((v) => v.y)).size)) },
      // black numbers on light cells, white on dark ones
      data: { values: inked(values, (v) => v.value, 'blues', domain, opts.reverse) },
      encoding: xy,
      layer: [
        { transform: [{ filter: 'datum.value == null' }], mark: { type: 'rect', color: '#d9d9d9' } },
        {
          transform: [{ filter: 'datum.value != null' }],
          mark: { type: 'rect' },
          encoding: { color: colourScale(opts, domain) },
        },
        {
          mark: { type: 'text', fontSize: 12 },
          encoding: { text: { field: 'text' }, color: INK },
        },
      ],
    },
  };
}

/**
 * One dot per point at its two parameter values, coloured by the value: the size of the chart does
 * not depend on the number of points.
 */
function scatter(ctx: ChartContext, pair: [string, string], opts: PairChartOptions): Chart {
  const [px, py] = pair;
  const values = ctx.summaries.map((s, i) => ({
    x: cell(s.point.values[px]), y: cell(s.point.values[py]), value: opts.value(i), label: ctx.labels.get(s.point.index),
  }));
  const axis = (field: string, param: string) => ({ field, type: 'quantitative' as const, title: parameterTitle(param, ctx.w.lang), scale: { zero: false, nice: false, padding: 8 } });
  const size = Math.max(12, Math.min(90, 40_000 / values.length));
  return {
    name: opts.name,
    title: opts.title,
    caption: opts.caption,
    spec: {
      $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
      title: { text: opts.title, subtitle: opts.subtitle },
      config: CONFIG,
      width: 460,
      height: 360,
      data: { values },
      encoding: { x: axis('x', px), y: axis('y', py) },
      layer: [
        { transform: [{ filter: 'datum.value == null' }], mark: { type: 'circle', color: '#bdbdbd', size, opacity: 1 } },
        {
          transform: [{ filter: 'datum.value != null' }],
          mark: { type: 'circle', size, opacity: 1, stroke: '#555', strokeWidth: size > 30 ? 0.5 : 0 },
          encoding: { color: colourScale(opts, colourDomain(values.map((v) => v.value))) },
        },
      ],
    },
  };
}

/**
 * Reach probability and mean reach week (restricted to the horizon) over two swept parameters: heatmaps for a true grid,
 * scatters otherwise (none when the folder is not a two-parameter sweep).
 */
export function heatmapCharts(ctx: ChartContext): Chart[] {
  const swept = sweptPair(ctx);
  if (!swept) return [];
  const { pair, grid } = swept;
  const { w } = ctx;
  const horizon = ctx.results.horizon;
  const [px, py] = pair.map((p) => parameterTitle(p, w.lang));
  const draw = grid ? heatmap : scatter;
  const kind = grid ? 'heatmap' : 'scatter';
  const each = grid ? w.eachCell : w.eachDotSweep;
  const number = grid ? w.numberIsShare : w.colourIsShare;
  return [
    draw(ctx, pair, {
      name: `reach-probability-${kind}`,
      title: w.reachHeatmapTitle,
      subtitle: w.reachProbabilitySubtitle(horizon, grid ? w.combination : w.point),
      caption: w.reachProbabilityCaption(each, px.toLowerCase(), py.toLowerCase(), number, horizon),
      legend: w.probability,
      reverse: false,
      value: (i) => ctx.summaries[i].reach.estimate,
      text: (v) => (v === null ? '' : percent(v)),
      format: '.2f',
    }),
    draw(ctx, pair, {
      name: `mean-reach-week-${kind}`,
      title: w.meanWeekHeatmapTitle,
      subtitle: w.meanWeekSubtitle(horizon),
      caption: grid ? w.meanWeekGridCaption(horizon) : w.meanWeekScatterCaption(horizon),
      legend: w.meanReachWeek,
      reverse: true,
      value: (i) => (Number.isFinite(ctx.summaries[i].meanReachWeek.mean) ? ctx.summaries[i].meanReachWeek.mean : null),
      text: (v) => (v === null ? '' : v.toFixed(0)),
    }),
  ];
}
