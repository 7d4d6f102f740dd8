import type { Chart, PositionDef } from './chart.js';
import { MAX_LINES, type ChartContext } from './context.js';
import { intervalPanel } from './intervalPanel.js';
import { CONFIG, mostLines, wholeLabels } from './theme.js';

export const PAIRED_TITLE = 'Difference made on the same simulated neighbourhoods';

/**
 * Paired differences against the first point: for each other point, the mean per-replicate
 * difference in reach by the horizon, mean reach week and final trust, with 95 % t-intervals.
 */
export function pairedChart(ctx: ChartContext): Chart | null {
  if (ctx.contrasts.length === 0 || ctx.contrasts.length >= MAX_LINES) return null;
  const horizon = ctx.results.horizon;
  const reference = ctx.labels.get(ctx.contrasts[0].reference) ?? '';
  const measures = [
    { key: 'reachShare', name: `Reached the threshold by week ${horizon}`, unit: 'Percentage points', scale: 100 },
    { key: 'meanReachWeek', name: `Mean reach week (restricted to week ${horizon})`, unit: `Weeks; below 0 is sooner (never = ${horizon})`, scale: 1 },
    { key: 'trustGovFinal', name: 'Trust in government at the end', unit: 'Points on the 0–1 scale', scale: 1 },
  ] as const;
  const values: Record<string, unknown>[] = [];
  for (const c of ctx.contrasts) {
    for (const m of measures) {
      const d = c.differences[m.key];
      if (!d || !Number.isFinite(d.mean)) continue;
      values.push({ label: ctx.labels.get(c.point), measure: m.name, mean: d.mean * m.scale, lo: (d.lo ?? d.mean) * m.scale, hi: (d.hi ?? d.mean) * m.scale });
    }
  }
  if (values.length === 0) return null;
  const order = ctx.contrasts.map((c) => ctx.labels.get(c.point) ?? String(c.point));
  const y: PositionDef = { field: 'label', type: 'nominal', title: null, sort: order, axis: wholeLabels(order, 220, 11) };
  return {
    name: 'paired-differences',
    title: PAIRED_TITLE,
    caption:
      `Each dot is the average difference from “${reference}” over replicates that met the same neighbourhoods and people ` +
      `(same seed), with its 95 % interval. Right of the zero line: more initiatives reached the threshold, later on average, or more trust. ` +
      `An interval that does not cross zero is a difference the runs can tell apart.`,
    spec: {
      $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
      title: { text: PAIRED_TITLE, subtitle: `Each compared with “${reference}”, replicate by replicate; bars: 95 % interval.` },
      config: CONFIG,
      data: { values },
      hconcat: measures
        .filter((m) => values.some((v) => v.measure === m.name))
        .map((m, i) =>
          intervalPanel(ctx, { measure: m.name, unit: m.unit, y: i === 0 ? y : { ...y, axis: null }, width: 190, step: Math.max(34, 14 * mostLines(order, 220, 11) + 6), subtitle: '' }),
        ),
      spacing: 24,
    },
  };
}
