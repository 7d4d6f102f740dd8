import type { Chart, Layer, PositionDef } from './chart.js';
import { colourBy, type ChartContext } from './context.js';
import { CONFIG, HEIGHT, percent, WIDTH } from './theme.js';

export const SUPPORT_TITLE = 'Support for the initiatives over time';

/**
 * Support trajectories: per point, the median share of households committed to an initiative,
 * over all initiatives and replicates, with the middle half as a band and the threshold drawn in.
 * Null when series.csv holds no per-initiative support.
 */
export function supportChart(ctx: ChartContext): Chart | null {
  if (!ctx.series || ctx.series.support.length === 0) return null;
  const values = ctx.series.support.map((r) => ({ label: ctx.labels.get(r.point), week: r.week, centre: r.centre, lo: r.lo, hi: r.hi }));
  const horizon = ctx.results.horizon;
  const all = [...new Set(ctx.summaries.flatMap((s) => s.thresholds))];
  const y: PositionDef = { type: 'quantitative', title: 'Share of households committed (0–100 %)', axis: { format: '.0%' } };
  const x: PositionDef = { field: 'week', type: 'quantitative', title: 'Week', scale: { domain: [0, horizon], nice: false } };
  const layer: Layer[] = [
    { mark: { type: 'area', opacity: 0.15 }, encoding: { x, y: { ...y, field: 'lo' }, y2: { field: 'hi' }, color: colourBy(ctx) } },
    { mark: { type: 'line', strokeWidth: 2.5 }, encoding: { x, y: { ...y, field: 'centre' }, color: colourBy(ctx) } },
  ];
  let thresholdNote = '';
  if (all.length === 1) {
    // one threshold for every initiative: one dashed rule, labelled where the lines end
    const t = all[0];
    thresholdNote = `Dashed line: the support threshold (${percent(t)}).`;
    layer.push(
      { data: { values: [{ t }] }, mark: { type: 'rule', strokeDash: [6, 4], color: '#222', strokeWidth: 1.5 }, encoding: { y: { field: 't', type: 'quantitative' } } },
      {
        data: { values: [{ t, text: `Support threshold ${percent(t)}` }] },
        mark: { type: 'text', align: 'left', dx: 4, dy: -7, color: '#222', fontSize: 11 },
        encoding: { y: { field: 't', type: 'quantitative' }, x: { datum: 0, type: 'quantitative' }, text: { field: 'text' } },
      },
    );
  } else if (all.length > 1) {
    // thresholds differ between points: one dashed rule per point in its colour
    thresholdNote = 'Dashed lines: each point’s support threshold, in its colour.';
    const rules = ctx.summaries.flatMap((s) => s.thresholds.map((t) => ({ label: ctx.labels.get(s.point.index), t })));
    layer.push({ data: { values: rules }, mark: { type: 'rule', strokeDash: [6, 4], strokeWidth: 1.5 }, encoding: { y: { field: 't', type: 'quantitative' }, color: colourBy(ctx) } });
  }
  return {
    name: 'support',
    title: SUPPORT_TITLE,
    caption:
      `The line is the typical (median) initiative: the share of its neighbourhood's households that have committed. ` +
      `Half of all initiatives lie inside the shaded band. ${thresholdNote} An initiative becomes viable when it crosses the threshold.`,
    spec: {
      $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
      title: { text: SUPPORT_TITLE, subtitle: ['Median initiative; shaded: the middle half of initiatives.', ...(thresholdNote ? [thresholdNote] : [])] },
      width: WIDTH,
      height: HEIGHT,
      config: CONFIG,
      data: { values },
      layer,
    },
  };
}
