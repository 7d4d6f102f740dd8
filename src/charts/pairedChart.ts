import type { Chart, PositionDef } from './chart.js';
import { MAX_LINES, type ChartContext } from './context.js';
import { intervalDomain, intervalPanel } from './intervalPanel.js';
import { CONFIG, mostLines, wholeLabels } from './theme.js';
import { words } from './words.js';

export const PAIRED_TITLE = words().pairedTitle;

/**
 * Paired differences against the first point: for each other point, the mean per-replicate
 * difference in reach by the horizon, mean reach week and final trust, with 95 % t-intervals.
 */
export function pairedChart(ctx: ChartContext): Chart | null {
  if (ctx.contrasts.length === 0 || ctx.contrasts.length >= MAX_LINES) return null;
  const { w } = ctx;
  const horizon = ctx.results.horizon;
  const reference = ctx.labels.get(ctx.contrasts[0].reference) ?? '';
  const measures = [
    { key: 'reachShare', name: w.reachedByWeek(horizon), unit: w.percentagePoints, scale: 100 },
    { key: 'meanReachWeek', name: w.meanReachWeekRestricted(horizon), unit: w.weeksSoonerNever(horizon), scale: 1 },
    { key: 'trustGovFinal', name: w.trustAtEnd, unit: w.levelPoints, scale: 1 },
  ] as const;
  const values: { label: string | undefined; measure: string; mean: number; lo: number; hi: number }[] = [];
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
    title: w.pairedTitle,
    caption: w.pairedCaption(reference),
    spec: {
      $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
      title: { text: w.pairedTitle, subtitle: w.pairedSubtitle(reference) },
      config: CONFIG,
      data: { values },
      hconcat: measures
        .filter((m) => values.some((v) => v.measure === m.name))
        .map((m, i) =>
          intervalPanel(ctx, {
            measure: m.name, unit: m.unit, y: i === 0 ? y : { ...y, axis: null }, width: 190, step: Math.max(34, 14 * mostLines(order, 220, 11) + 6), subtitle: '',
            domain: intervalDomain(values.filter((v) => v.measure === m.name)),
          }),
        ),
      spacing: 24,
    },
  };
}
