import { cell, isNumericParameter } from '../analysis/results.js';
import type { Chart, SharedEncoding } from './chart.js';
import type { ChartContext } from './context.js';
import { CONFIG, parameterTitle, percent } from './theme.js';

export const REACH_HEATMAP_TITLE = 'Chance that an initiative reaches the threshold';
export const MEDIAN_HEATMAP_TITLE = 'Typical week in which initiatives reach the threshold';

/** The two numeric varied parameters of a two-parameter sweep, or null when the folder is not one. */
export function sweptPair(ctx: ChartContext): [string, string] | null {
  const { varied, points } = ctx.results;
  if (varied.length !== 2 || !varied.every((v) => isNumericParameter(points, v))) return null;
  const cells = new Set(points.map((p) => `${p.values[varied[0]]}|${p.values[varied[1]]}`));
  return cells.size === points.length && points.length > 1 ? [varied[0], varied[1]] : null;
}

function heatmap(ctx: ChartContext, pair: [string, string], opts: {
  name: string; title: string; subtitle: string; caption: string; legend: string; domain?: [number, number]; reverse: boolean;
  value: (i: number) => number | null; text: (v: number | null) => string; format?: string;
}): Chart {
  const [px, py] = pair;
  const values = ctx.summaries.map((s, i) => {
    const v = opts.value(i);
    return { x: cell(s.point.values[px]), y: cell(s.point.values[py]), value: v, text: opts.text(v), label: ctx.labels.get(s.point.index) };
  });
  const finite = values.map((v) => v.value).filter((v): v is number => v !== null);
  const mid = finite.length > 0 ? (Math.min(...finite) + Math.max(...finite)) / 2 : 0;
  const xy: SharedEncoding = {
    x: { field: 'x', type: 'ordinal', title: parameterTitle(px), sort: 'ascending', axis: { labelAngle: 0 } },
    y: { field: 'y', type: 'ordinal', title: parameterTitle(py), sort: 'descending' },
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
      data: { values },
      encoding: xy,
      layer: [
        { transform: [{ filter: 'datum.value == null' }], mark: { type: 'rect', color: '#d9d9d9' } },
        {
          transform: [{ filter: 'datum.value != null' }],
          mark: { type: 'rect' },
          encoding: {
            color: {
              field: 'value', type: 'quantitative', title: opts.legend,
              scale: { scheme: 'blues', reverse: opts.reverse, ...(opts.domain ? { domain: opts.domain } : {}) },
              legend: { format: opts.format, gradientLength: 200 },
            },
          },
        },
        {
          mark: { type: 'text', fontSize: 12 },
          encoding: {
            text: { field: 'text' },
            // dark text on light cells, white on dark ones
            color: { condition: { test: `datum.value != null && (${opts.reverse ? 'datum.value < ' : 'datum.value > '}${opts.domain ? 0.55 : mid})`, value: 'white' }, value: '#111' },
          },
        },
      ],
    },
  };
}

/** Heatmaps of reach probability and median reach week over two swept parameters (none otherwise). */
export function heatmapCharts(ctx: ChartContext): Chart[] {
  const pair = sweptPair(ctx);
  if (!pair) return [];
  const horizon = ctx.results.horizon;
  const [px, py] = pair.map(parameterTitle);
  return [
    heatmap(ctx, pair, {
      name: 'reach-probability-heatmap',
      title: REACH_HEATMAP_TITLE,
      subtitle: `Probability of reaching the support threshold by week ${horizon}, for each combination.`,
      caption: `Each cell is one combination of ${px.toLowerCase()} and ${py.toLowerCase()}; the number is the share of initiatives that reached the support threshold by week ${horizon}. Darker is more likely.`,
      legend: 'Probability (0–1)',
      domain: [0, 1],
      reverse: false,
      value: (i) => ctx.summaries[i].reach.estimate,
      text: (v) => (v === null ? '' : percent(v)),
      format: '.1f',
    }),
    heatmap(ctx, pair, {
      name: 'median-reach-week-heatmap',
      title: MEDIAN_HEATMAP_TITLE,
      subtitle: `Median week in which an initiative reaches it; grey: fewer than half did by week ${horizon}.`,
      caption: `The number in each cell is the week by which half of the initiatives had reached the support threshold; “never” means fewer than half did by week ${horizon}. Darker is sooner.`,
      legend: 'Median reach week',
      reverse: true,
      value: (i) => ctx.summaries[i].curve.median.median,
      text: (v) => (v === null ? 'never' : String(v)),
    }),
  ];
}
