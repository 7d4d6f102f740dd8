import type { Chart, Layer, PositionDef } from './chart.js';
import { colourBy, MAX_BANDS, type ChartContext } from './context.js';
import { CONFIG, HEIGHT, percent, WIDTH } from './theme.js';
import { words } from './words.js';

export const SUPPORT_TITLE = words().supportTitle;

/**
 * Support trajectories: per point, the median share of households committed to an initiative,
 * over all initiatives and replicates, with the middle half as a band (up to MAX_BANDS points) and
 * the threshold drawn in.
 * Null when series.csv holds no per-initiative support.
 */
export function supportChart(ctx: ChartContext): Chart | null {
  if (!ctx.series || ctx.series.support.length === 0) return null;
  const { w } = ctx;
  const values = ctx.series.support.map((r) => ({ label: ctx.labels.get(r.point), week: r.week, centre: r.centre, lo: r.lo, hi: r.hi }));
  const horizon = ctx.results.horizon;
  const all = [...new Set(ctx.summaries.flatMap((s) => s.thresholds))];
  const y: PositionDef = { type: 'quantitative', title: w.committedAxis, axis: { format: '.0%' } };
  const x: PositionDef = { field: 'week', type: 'quantitative', title: w.week, scale: { domain: [0, horizon], nice: false } };
  // past MAX_BANDS lines the bands hide each other: draw the lines only
  const bands = ctx.summaries.length <= MAX_BANDS;
  const layer: Layer[] = [
    ...(bands ? ([{ mark: { type: 'area', opacity: 0.15 }, encoding: { x, y: { ...y, field: 'lo' }, y2: { field: 'hi' }, color: colourBy(ctx) } }] satisfies Layer[]) : []),
    { mark: { type: 'line', strokeWidth: 2.5 }, encoding: { x, y: { ...y, field: 'centre' }, color: colourBy(ctx) } },
  ];
  let thresholdNote = '';
  if (all.length === 1) {
    // one threshold for every initiative: one dashed rule, labelled where the lines end
    const t = all[0];
    thresholdNote = w.thresholdDashed(percent(t));
    layer.push(
      { data: { values: [{ t }] }, mark: { type: 'rule', strokeDash: [6, 4], color: '#222', strokeWidth: 1.5 }, encoding: { y: { field: 't', type: 'quantitative' } } },
      {
        data: { values: [{ t, text: w.thresholdLabel(percent(t)) }] },
        mark: { type: 'text', align: 'left', dx: 4, dy: -7, color: '#222', fontSize: 11 },
        encoding: { y: { field: 't', type: 'quantitative' }, x: { datum: 0, type: 'quantitative' }, text: { field: 'text' } },
      },
    );
  } else if (all.length > 1) {
    // thresholds differ between points: one dashed rule per point in its colour
    thresholdNote = w.thresholdsDashed;
    const rules = ctx.summaries.flatMap((s) => s.thresholds.map((t) => ({ label: ctx.labels.get(s.point.index), t })));
    layer.push({ data: { values: rules }, mark: { type: 'rule', strokeDash: [6, 4], strokeWidth: 1.5 }, encoding: { y: { field: 't', type: 'quantitative' }, color: colourBy(ctx) } });
  }
  return {
    name: 'support',
    title: w.supportTitle,
    caption: w.supportCaption(bands ? w.supportBand : w.supportNoBand, thresholdNote),
    spec: {
      $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
      title: { text: w.supportTitle, subtitle: [bands ? w.supportSubtitle : w.supportSubtitleNoBand, ...(thresholdNote ? [thresholdNote] : [])] },
      width: WIDTH,
      height: HEIGHT,
      config: CONFIG,
      data: { values },
      layer,
    },
  };
}
