import type { Chart, PositionDef, View } from './chart.js';
import { colourBy, type ChartContext } from './context.js';
import { CONFIG } from './theme.js';
import { metric } from '../model/metrics.js';
import { METRIC_LABELS } from './labels.js';
import { words } from './words.js';

/** The world metrics drawn, with the words a programme manager uses for them. */
export const WORLD_METRICS: readonly { metric: string; name: string }[] = ['trust_gov', 'cohesion', 'drive'].map((column) => ({
  metric: column,
  name: metric(column)!.label,
}));

export const WORLD_TITLE = words().worldTitle;

/** Trust, cohesion and drive over time: per point, the mean over replicates with its 95 % interval. */
export function worldMetricsChart(ctx: ChartContext): Chart | null {
  const { w } = ctx;
  const shown = (m: (typeof WORLD_METRICS)[number]) => (w.lang === 'en' ? m.name : METRIC_LABELS[m.metric as keyof typeof METRIC_LABELS][w.lang]);
  const names = new Map(WORLD_METRICS.map((m) => [m.metric, shown(m)]));
  const rows = ctx.series?.world.filter((r) => names.has(r.metric)) ?? [];
  if (rows.length === 0) return null;
  const values = rows.map((r) => ({ label: ctx.labels.get(r.point), measure: names.get(r.metric), week: r.week, centre: r.centre, lo: r.lo, hi: r.hi }));
  const present = WORLD_METRICS.filter((m) => rows.some((r) => r.metric === m.metric)).map(shown);
  const horizon = ctx.results.horizon;
  const x: PositionDef = { field: 'week', type: 'quantitative', title: w.week, scale: { domain: [0, horizon], nice: false } };
  // every panel on the same full 0–1 scale, zero included, so that a wobble of a few hundredths
  // does not look like a landslide and the three can be compared at a glance
  const y: PositionDef = { type: 'quantitative', title: w.averageLevel, scale: { domain: [0, 1], zero: true, nice: false } };
  const panels = present.map((measure, i): View => {
    // one axis title, on the first panel
    const own: PositionDef = i === 0 ? y : { ...y, title: null };
    return {
      title: { text: measure, fontSize: 13, subtitle: '' },
      width: 220,
      height: 240,
      transform: [{ filter: { field: 'measure', equal: measure } }],
      layer: [
        // the bands are cut to 0 … 1 (seriesSummary.ts); clip keeps every mark inside its panel regardless
        { mark: { type: 'area', opacity: 0.18, clip: true }, encoding: { x, y: { ...own, field: 'lo' }, y2: { field: 'hi' }, color: colourBy(ctx) } },
        { mark: { type: 'line', strokeWidth: 2.2, clip: true }, encoding: { x, y: { ...own, field: 'centre' }, color: colourBy(ctx) } },
      ],
    };
  });
  return {
    name: 'trust-cohesion-drive',
    title: w.worldTitle,
    caption: w.worldCaption,
    spec: {
      $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
      title: { text: w.worldTitle, subtitle: w.worldSubtitle },
      config: CONFIG,
      data: { values },
      hconcat: panels,
      resolve: { scale: { y: 'shared' } },
      spacing: 28,
    },
  };
}
