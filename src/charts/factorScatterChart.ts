import { cell, isNumericParameter } from '../analysis/results.js';
import type { PointSummary } from '../analysis/pointSummary.js';
import type { Chart } from './chart.js';
import type { ChartContext } from './context.js';
import { CONFIG, DOT_PADDING, parameterTitle } from './theme.js';
import { words, type Words } from './words.js';

export const FACTOR_SCATTER_TITLE = words().factorScatterTitle;

/** The outcomes drawn, each as the report's tables give it per point (one statistic per question). */
function outcomes(horizon: number, w: Words): { name: string; of: (s: PointSummary) => number | null }[] {
  const finite = (x: number | null) => (x !== null && Number.isFinite(x) ? x : null);
  return [
    { name: w.reachedShare(horizon), of: (s) => finite(s.reach.estimate) },
    { name: w.meanReachWeekNeverShort(horizon), of: (s) => finite(s.meanReachWeek.mean) },
    { name: w.coherentShare, of: (s) => finite(s.coherentShare) },
    { name: w.finalTrustGov, of: (s) => finite(s.trustGovFinal) },
  ];
}

/**
 * For a Latin hypercube: a grid of scatters, one row per outcome and one column per swept factor,
 * each dot a point of the design at its factor value and its outcome (over its replications). A
 * factor that matters shows a trend; one that does not, a flat cloud. An outcome the same at every
 * point gets no row but a line under the title. Null for other designs, and when no outcome varies.
 */
export function factorScatterChart(ctx: ChartContext): Chart | null {
  const sweep = ctx.results.scenario.sweep as { design?: string } | undefined;
  if (sweep?.design !== 'lhs') return null;
  const factors = ctx.results.varied.filter((v) => v !== 'strategy' && v !== 'plan' && isNumericParameter(ctx.results.points, v));
  if (factors.length === 0 || ctx.summaries.length < 2) return null;
  const { w } = ctx;
  const title = (f: string) => parameterTitle(f, w.lang);
  const horizon = ctx.results.horizon;
  // An outcome the same at every point shows no factor's effect, and its panels no scale to read
  // (one tick, written to six decimals): it is named under the title with its value instead.
  const same: string[] = [];
  const rows = outcomes(horizon, w).filter((o) => {
    const ys = ctx.summaries.map(o.of).filter((y) => y !== null);
    if (ys.length < 2 || ys.some((y) => y !== ys[0])) return true;
    same.push(w.factorScatterSame(o.name, Number(ys[0].toPrecision(4))));
    return false;
  });
  if (rows.length === 0) return null;
  const values: Record<string, unknown>[] = [];
  for (const s of ctx.summaries) {
    for (const o of rows) {
      const y = o.of(s);
      if (y === null) continue;
      for (const f of factors) values.push({ outcome: o.name, factor: title(f), x: cell(s.point.values[f]), y });
    }
  }
  const replications = Math.max(...ctx.summaries.map((s) => s.runs));
  const size = Math.max(8, Math.min(40, 4000 / ctx.summaries.length));
  return {
    name: 'outcome-factor-scatter',
    title: w.factorScatterTitle,
    caption: [w.factorScatterCaption(ctx.summaries.length, replications), ...same].join(' '),
    spec: {
      $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
      title: { text: w.factorScatterTitle, subtitle: [w.factorScatterSubtitle(ctx.summaries.length, replications), ...same] },
      config: CONFIG,
      data: { values },
      facet: {
        row: { field: 'outcome', type: 'nominal', title: null, sort: rows.map((o) => o.name), header: { labelAngle: 0, labelOrient: 'top', labelAnchor: 'start', labelLimit: 400 } },
        column: { field: 'factor', type: 'nominal', title: null, sort: factors.map(title) },
      },
      resolve: { scale: { x: 'independent', y: 'independent' } },
      spec: {
        width: Math.max(140, Math.min(240, 720 / factors.length)),
        height: 120,
        mark: { type: 'circle', size, opacity: 0.7, color: '#0072B2' },
        encoding: {
          // a few pixels between the outermost dots and the axes (DOT_PADDING)
          x: { field: 'x', type: 'quantitative', title: null, scale: { zero: false, nice: false, padding: DOT_PADDING } },
          y: { field: 'y', type: 'quantitative', title: null, scale: { zero: false, padding: DOT_PADDING } },
        },
      },
      spacing: { row: 24, column: 16 },
    },
  };
}
