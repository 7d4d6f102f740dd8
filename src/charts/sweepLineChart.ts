import { cell, isNumericParameter } from '../analysis/results.js';
import type { Chart, PositionDef } from './chart.js';
import type { ChartContext } from './context.js';
import { CONFIG, PALETTE, parameterTitle } from './theme.js';

export const SWEEP_LINE_TITLE = 'Chance of reaching the threshold along the swept parameter';

/**
 * For a sweep over one numeric parameter: the probability of reaching the threshold by the horizon
 * (with its Wilson interval) and the mean reach week restricted to the horizon, against the parameter's value.
 */
export function sweepLineChart(ctx: ChartContext): Chart | null {
  const { varied, points, horizon } = ctx.results;
  if (varied.length !== 1 || points.length < 3 || !isNumericParameter(points, varied[0])) return null;
  const param = varied[0];
  const title = parameterTitle(param);
  const values = ctx.summaries.map((s) => ({
    x: cell(s.point.values[param]),
    p: s.reach.estimate,
    lo: s.reach.lo,
    hi: s.reach.hi,
    // the mean reach week restricted to the horizon, the tables' statistic for how soon
    median: Number.isFinite(s.meanReachWeek.mean) ? s.meanReachWeek.mean : null,
    mlo: s.meanReachWeek.lo ?? s.meanReachWeek.mean,
    mhi: s.meanReachWeek.hi ?? s.meanReachWeek.mean,
  }));
  // both panels share the parameter's full range, also when the right one leaves "never" out
  const xs = values.map((v) => v.x as number);
  const x: PositionDef = { field: 'x', type: 'quantitative', title, scale: { domain: [Math.min(...xs), Math.max(...xs)], nice: false, padding: 12 } };
  return {
    name: 'sweep-line',
    title: SWEEP_LINE_TITLE,
    caption:
      `Left: for each value of ${title.toLowerCase()}, the chance that an initiative reached the support threshold by week ${horizon}, with its 95 % interval. ` +
      `Right: the mean week of reaching it, one that never did counting as week ${horizon}, with its 95 % interval.`,
    spec: {
      $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
      title: { text: SWEEP_LINE_TITLE, subtitle: `Dots: estimate; bars: 95 % interval. Horizon: week ${horizon}.` },
      config: CONFIG,
      data: { values },
      hconcat: [
        {
          title: { text: `Reached the threshold by week ${horizon}`, fontSize: 13, subtitle: '' },
          width: 300,
          height: 240,
          layer: [
            { mark: { type: 'rule', strokeWidth: 2, color: PALETTE[0] }, encoding: { x, y: { field: 'lo', type: 'quantitative', title: 'Probability (0–1)', scale: { domain: [0, 1] } }, y2: { field: 'hi' } } },
            { mark: { type: 'line', point: { filled: true, size: 60, color: PALETTE[0] }, color: PALETTE[0] }, encoding: { x, y: { field: 'p', type: 'quantitative' } } },
          ],
        },
        {
          title: { text: `Mean reach week (never = ${horizon})`, fontSize: 13, subtitle: '' },
          width: 300,
          height: 240,
          transform: [{ filter: 'datum.median != null' }],
          layer: [
            { mark: { type: 'rule', strokeWidth: 2, color: PALETTE[1] }, encoding: { x, y: { field: 'mlo', type: 'quantitative', title: 'Week', scale: { domain: [0, horizon] } }, y2: { field: 'mhi' } } },
            { mark: { type: 'line', point: { filled: true, size: 60, color: PALETTE[1] }, color: PALETTE[1] }, encoding: { x, y: { field: 'median', type: 'quantitative' } } },
          ],
        },
      ],
      spacing: 36,
    },
  };
}
