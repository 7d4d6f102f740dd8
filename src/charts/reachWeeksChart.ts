import type { Chart } from './chart.js';
import { colourBy, MAX_LINES, type ChartContext } from './context.js';
import { CONFIG, percent, WIDTH } from './theme.js';
import { words } from './words.js';

export const REACH_WEEKS_TITLE = words().reachWeeksTitle;

/** The distribution of reach weeks: per point, the share of its initiatives that reached it in each period. */
export function reachWeeksChart(ctx: ChartContext): Chart | null {
  if (ctx.summaries.length > MAX_LINES) return null;
  const { w } = ctx;
  const horizon = ctx.results.horizon;
  // about 26 bars over the horizon, in whole weeks (156 weeks: 6-week periods)
  const width = Math.max(1, Math.ceil(horizon / 26));
  const bins = Math.ceil(horizon / width);
  const values: Record<string, unknown>[] = [];
  const headers: string[] = [];
  for (const s of ctx.summaries) {
    const label = ctx.labels.get(s.point.index) ?? '';
    const never = s.initiatives > 0 ? 1 - s.reached / s.initiatives : 0;
    const header = w.neverHeader(label, percent(never), horizon);
    headers.push(header);
    const counts = new Array<number>(bins).fill(0);
    const ini = ctx.results.initiatives;
    for (let i = 0; i < ini.length; i++) {
      const week = ini.columns.reachedWeek[i];
      if (ini.point[i] !== s.point.index || week < 1 || week > horizon) continue;
      counts[Math.min(bins - 1, Math.floor((week - 1) / width))]++;
    }
    counts.forEach((c, b) => {
      values.push({ label, header, start: b * width, end: Math.min(horizon, (b + 1) * width), share: s.initiatives > 0 ? c / s.initiatives : 0 });
    });
  }
  return {
    name: 'reach-weeks',
    title: w.reachWeeksTitle,
    caption: w.reachWeeksCaption(width, horizon),
    spec: {
      $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
      title: { text: w.reachWeeksTitle, subtitle: w.reachWeeksSubtitle(width) },
      config: CONFIG,
      data: { values },
      facet: { row: { field: 'header', type: 'nominal', title: null, sort: headers, header: { labelAngle: 0, labelOrient: 'top', labelPadding: 4 } } },
      spec: {
        width: WIDTH,
        height: 80,
        mark: { type: 'rect', stroke: 'white', strokeWidth: 0.5 },
        encoding: {
          x: { field: 'start', type: 'quantitative', title: w.weekReached, scale: { domain: [0, horizon], nice: false } },
          x2: { field: 'end' },
          // no axis title: the subtitle names the measure, and a title repeated on every row, taller
          // than the row, ran into the next one's
          y: { field: 'share', type: 'quantitative', title: null, axis: { format: '.0%', tickCount: 3 } },
          y2: { datum: 0 },
          color: colourBy(ctx, null),
        },
      },
      spacing: 14,
    },
  };
}
