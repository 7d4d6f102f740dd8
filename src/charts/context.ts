import type { ColorDef, Legend } from './chart.js';
import type { PairedContrast } from '../analysis/contrasts.js';
import type { PointSummary } from '../analysis/pointSummary.js';
import type { ResultSet } from '../analysis/results.js';
import type { SeriesSummary } from '../analysis/seriesSummary.js';
import { pointColours, wholeLabels } from './theme.js';
import type { Words } from './words.js';

/** Everything a chart builder may draw from, computed once per report. */
export interface ChartContext {
  results: ResultSet;
  summaries: PointSummary[];
  series: SeriesSummary | null;
  contrasts: PairedContrast[];
  /** What a point is called in legends: "Strategy", "Setting" or "Scenario". */
  groupTitle: string;
  /** The legend label of each point, by point index (unique, in point order). */
  labels: Map<number, string>;
  /** The words of the report, in its language. */
  w: Words;
}

/** Legend labels in point order: the colour domain every chart shares, so a strategy keeps its colour. */
export function labelDomain(ctx: ChartContext): string[] {
  return ctx.results.points.map((p) => ctx.labels.get(p.index) ?? String(p.index));
}

/** The colour encoding every chart shares. */
export function colourBy(ctx: ChartContext, legend: Legend | null = {}): ColorDef {
  const domain = labelDomain(ctx);
  return {
    field: 'label',
    type: 'nominal',
    title: ctx.groupTitle,
    sort: domain,
    scale: { domain, ...pointColours(domain.length) },
    // legend drawn from the line layer: a short line per entry, laid out in columns under the chart
    legend: legend === null ? null : { orient: 'bottom', symbolType: 'stroke', symbolStrokeWidth: 3, symbolOpacity: 1, symbolSize: 300, columns: Math.min(domain.length, domain.length > 6 ? 2 : 3), columnPadding: 24, ...wholeLabels(domain, 300, 12), ...legend },
  };
}

/** Line charts carry one line per point; past this many they stop being readable. */
export const MAX_LINES = 20;

/** Past this many lines, the shaded bands around them hide each other: the charts draw the lines alone. */
export const MAX_BANDS = 5;
