import { cell, isNumericParameter } from '../analysis/results.js';
import type { Chart, PositionDef } from './chart.js';
import type { ChartContext } from './context.js';
import { CONFIG, PALETTE, parameterTitle } from './theme.js';
import { words } from './words.js';

export const SWEEP_LINE_TITLE = words().sweepLineTitle;

/**
 * For a sweep over one numeric parameter: the probability of reaching the threshold by the horizon
 * (with its Wilson interval) and the mean reach week restricted to the horizon, against the parameter's value.
 */
export function sweepLineChart(ctx: ChartContext): Chart | null {
  const { varied, points, horizon } = ctx.results;
  if (varied.length !== 1 || points.length < 3 || !isNumericParameter(points, varied[0])) return null;
  const { w } = ctx;
  const param = varied[0];
  const title = parameterTitle(param, w.lang);
  const values = ctx.summaries.map((s) => ({
    x: cell(s.point.values[param]),
    p: s.reach.estimate,
    lo: s.reach.lo,
    hi: s.reach.hi,
    // the mean reach week restricted to the horizon, the tables' statistic for how soon, named as in summary.csv
    mean_reach_week: Number.isFinite(s.meanReachWeek.mean) ? s.meanReachWeek.mean : null,
    mean_reach_lo: s.meanReachWeek.lo ?? s.meanReachWeek.mean,
    mean_reach_hi: s.meanReachWeek.hi ?? s.meanReachWeek.mean,
  }));
  // both panels share the parameter's full range, also when the right one leaves "never" out
  const xs = values.map((v) => v.x as number);
  const x: PositionDef = { field: 'x', type: 'quantitative', title, scale: { domain: [Math.min(...xs), Math.max(...xs)], nice: false, padding: 12 } };
  return {
    name: 'sweep-line',
    title: w.sweepLineTitle,
    caption: w.sweepLineCaption(title.toLowerCase(), horizon),
    spec: {
      $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
      title: { text: w.sweepLineTitle, subtitle: w.sweepLineSubtitle(horizon) },
      config: CONFIG,
      data: { values },
      hconcat: [
        {
          title: { text: w.reachedByWeek(horizon), fontSize: 13, subtitle: '' },
          width: 300,
          height: 240,
          layer: [
            { mark: { type: 'rule', strokeWidth: 2, color: PALETTE[0] }, encoding: { x, y: { field: 'lo', type: 'quantitative', title: w.probability, scale: { domain: [0, 1] } }, y2: { field: 'hi' } } },
            { mark: { type: 'line', point: { filled: true, size: 60, color: PALETTE[0] }, color: PALETTE[0] }, encoding: { x, y: { field: 'p', type: 'quantitative' } } },
          ],
        },
        {
          title: { text: w.meanReachWeekNeverShort(horizon), fontSize: 13, subtitle: '' },
          width: 300,
          height: 240,
          transform: [{ filter: 'datum.mean_reach_week != null' }],
          layer: [
            { mark: { type: 'rule', strokeWidth: 2, color: PALETTE[1] }, encoding: { x, y: { field: 'mean_reach_lo', type: 'quantitative', title: w.week, scale: { domain: [0, horizon] } }, y2: { field: 'mean_reach_hi' } } },
            { mark: { type: 'line', point: { filled: true, size: 60, color: PALETTE[1] }, color: PALETTE[1] }, encoding: { x, y: { field: 'mean_reach_week', type: 'quantitative' } } },
          ],
        },
      ],
      spacing: 36,
    },
  };
}
