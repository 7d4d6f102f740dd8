import type { Chart, Layer, PositionDef } from './chart.js';
import { colourBy, MAX_BANDS, type ChartContext } from './context.js';
import { CONFIG, HEIGHT, WIDTH } from './theme.js';
import { tippingMarker } from './tipping.js';
import { words } from './words.js';

export const REACH_CURVE_TITLE = words().reachCurveTitle;

/**
 * The reach curve: per strategy or point, the Kaplan–Meier share of initiatives that have reached
 * the threshold by each week, as a step line with its 95 % band.
 */
export function reachCurveChart(ctx: ChartContext): Chart {
  const { w } = ctx;
  const horizon = ctx.results.horizon;
  const values: Record<string, unknown>[] = [];
  for (const s of ctx.summaries) {
    const label = ctx.labels.get(s.point.index);
    let prev: { share: number; lo: number; hi: number } | undefined;
    for (const p of s.curve.points) {
      // a step line only needs the weeks where it changes, and its ends
      const changed = !prev || p.share !== prev.share || p.lo !== prev.lo || p.hi !== prev.hi;
      if (changed || p.week === horizon) values.push({ label, week: p.week, share: p.share, lo: p.lo, hi: p.hi });
      prev = p;
    }
  }
  const bands = ctx.summaries.length <= MAX_BANDS;
  const tipping = tippingMarker(ctx);
  const y: PositionDef = { type: 'quantitative', title: w.shareAxis, scale: { domain: [0, 1] }, axis: { format: '.0%' } };
  return {
    name: 'reach-curve',
    title: w.reachCurveTitle,
    caption: `${w.reachCurveCaption(horizon)} ${bands ? w.bandNote : w.noBandsNote} ${w.risesEarlier}` + (tipping ? ` ${tipping.sentence}` : ''),
    spec: {
      $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
      title: { text: w.reachCurveTitle, subtitle: `${w.byWeek(horizon)} ${bands ? w.shadedInterval : w.intervalsSeeTable}` },
      width: WIDTH,
      height: HEIGHT,
      config: CONFIG,
      data: { values },
      encoding: {
        x: { field: 'week', type: 'quantitative', title: w.week, scale: { domain: [0, horizon], nice: false } },
      },
      // past MAX_BANDS lines the bands hide each other: draw the lines only (the table keeps the intervals)
      layer: [
        ...(bands ? ([{ mark: { type: 'area', interpolate: 'step-after', opacity: 0.15 }, encoding: { y: { ...y, field: 'lo' }, y2: { field: 'hi' }, color: colourBy(ctx) } }] satisfies Layer[]) : []),
        { mark: { type: 'line', interpolate: 'step-after', strokeWidth: 2.5 }, encoding: { y: { ...y, field: 'share' }, color: colourBy(ctx) } },
        ...(tipping?.layers ?? []),
      ],
    },
  };
}
