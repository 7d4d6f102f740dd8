import type { Chart, Layer, PositionDef } from './chart.js';
import { colourBy, type ChartContext } from './context.js';
import { CONFIG, HEIGHT, WIDTH } from './theme.js';
import { tippingMarker } from './tipping.js';

export const REACH_CURVE_TITLE = 'Share of initiatives that reached the support threshold';

/**
 * The reach curve: per strategy or point, the Kaplan–Meier share of initiatives that have reached
 * the threshold by each week, as a step line with its 95 % band.
 */
export function reachCurveChart(ctx: ChartContext): Chart {
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
  const bands = ctx.summaries.length <= 5;
  const tipping = tippingMarker(ctx);
  const y: PositionDef = { type: 'quantitative', title: 'Share of initiatives (0–100 %)', scale: { domain: [0, 1] }, axis: { format: '.0%' } };
  return {
    name: 'reach-curve',
    title: REACH_CURVE_TITLE,
    caption:
      `Each line shows how many initiatives had reached their support threshold by a given week (Kaplan–Meier estimate; ` +
      `initiatives that never reached it count as not reached by week ${horizon}). ${bands ? 'The shaded band is the 95 % interval.' : 'With this many lines the 95 % intervals are left out; the table gives them at the horizon.'} ` +
      `A line that rises earlier and higher means initiatives get there sooner and more often.` +
      (tipping ? ` ${tipping.sentence}` : ''),
    spec: {
      $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
      title: { text: REACH_CURVE_TITLE, subtitle: `By week, up to week ${horizon}. ${bands ? 'Shaded: 95 % interval.' : 'Intervals: see the table.'}` },
      width: WIDTH,
      height: HEIGHT,
      config: CONFIG,
      data: { values },
      encoding: {
        x: { field: 'week', type: 'quantitative', title: 'Week', scale: { domain: [0, horizon], nice: false } },
      },
      // past five lines the bands hide each other: draw the lines only (the table keeps the intervals)
      layer: [
        ...(bands ? ([{ mark: { type: 'area', interpolate: 'step-after', opacity: 0.15 }, encoding: { y: { ...y, field: 'lo' }, y2: { field: 'hi' }, color: colourBy(ctx) } }] satisfies Layer[]) : []),
        { mark: { type: 'line', interpolate: 'step-after', strokeWidth: 2.5 }, encoding: { y: { ...y, field: 'share' }, color: colourBy(ctx) } },
        ...(tipping?.layers ?? []),
      ],
    },
  };
}
