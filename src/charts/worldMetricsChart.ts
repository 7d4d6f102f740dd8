import type { Chart } from './chart.js';
import { colourBy, type ChartContext } from './context.js';
import { CONFIG } from './theme.js';

/** The world metrics drawn, with the words a programme manager uses for them. */
export const WORLD_METRICS: readonly { metric: string; name: string }[] = [
  { metric: 'trust_gov', name: 'Trust in government' },
  { metric: 'cohesion', name: 'Social cohesion' },
  { metric: 'drive', name: 'Drive to act for the community' },
];

export const WORLD_TITLE = 'Trust, cohesion and drive over time';

/** Trust, cohesion and drive over time: per point, the mean over replicates with its 95 % interval. */
export function worldMetricsChart(ctx: ChartContext): Chart | null {
  const names = new Map(WORLD_METRICS.map((m) => [m.metric, m.name]));
  const rows = ctx.series?.world.filter((r) => names.has(r.metric)) ?? [];
  if (rows.length === 0) return null;
  const values = rows.map((r) => ({ label: ctx.labels.get(r.point), measure: names.get(r.metric), week: r.week, centre: r.centre, lo: r.lo, hi: r.hi }));
  const present = WORLD_METRICS.filter((m) => rows.some((r) => r.metric === m.metric)).map((m) => m.name);
  const horizon = ctx.results.horizon;
  const y = { type: 'quantitative', title: 'Average level (0–1)', scale: { zero: false } };
  return {
    name: 'trust-cohesion-drive',
    title: WORLD_TITLE,
    caption:
      'Average over all residents, per week: trust in government and the programme, social cohesion in the neighbourhoods, ' +
      'and residents’ drive to act for their community, each on a scale from 0 to 1. Lines are the mean over runs; the shaded band is its 95 % interval.',
    spec: {
      $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
      title: { text: WORLD_TITLE, subtitle: 'Average over all residents (0–1); shaded: 95 % interval of the mean over runs.' },
      config: CONFIG,
      data: { values },
      facet: { column: { field: 'measure', type: 'nominal', title: null, sort: present } },
      spec: {
        width: 220,
        height: 240,
        encoding: { x: { field: 'week', type: 'quantitative', title: 'Week', scale: { domain: [0, horizon], nice: false } }, color: colourBy(ctx) },
        layer: [
          { mark: { type: 'area', opacity: 0.18 }, encoding: { y: { ...y, field: 'lo' }, y2: { field: 'hi' } } },
          { mark: { type: 'line', strokeWidth: 2.2 }, encoding: { y: { ...y, field: 'centre' } } },
        ],
      },
      resolve: { scale: { y: 'independent' } },
    },
  };
}
