import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { pairedContrasts } from '../analysis/contrasts.js';
import { summarisePoints } from '../analysis/pointSummary.js';
import type { ResultSet } from '../analysis/results.js';
import { hasPlans } from '../analysis/planContrasts.js';
import { referencePoint } from '../scenario/reference.js';
import { writeFileAtomic } from '../run/atomic.js';
import { recordFiles } from '../run/manifest.js';
import { settleReportFiles } from '../run/owned.js';
import { phase } from '../run/phase.js';
import type { Chart } from './chart.js';
import { percentsUnbroken } from './escape.js';
import { MAX_LINES, type ChartContext } from './context.js';
import { factorScatterChart } from './factorScatterChart.js';
import { heatmapCharts } from './heatmapCharts.js';
import { interventionSentences, interventionsTable } from './interventionsReport.js';
import { pairedChart } from './pairedChart.js';
import { planReport, type PlanReport } from './planReport.js';
import { reachCurveChart } from './reachCurveChart.js';
import { reachWeeksChart } from './reachWeeksChart.js';
import { chartFiles, writeChart, type ChartFiles } from './render.js';
import { reportHtml, scenarioWords } from './reportHtml.js';
import { nonStrategySentence, pointOpening } from './sentences.js';
import { supportChart } from './supportChart.js';
import { sweepLineChart } from './sweepLineChart.js';
import { WORLD_METRICS, worldMetricsChart } from './worldMetricsChart.js';
import { withNames, words, type Lang, type Words } from './words.js';
import { pointName } from './effects.js';

/** What a point is called: a strategy in a comparison, a plan in a rehearsal (both when both), a setting in a sweep. */
export function groupTitle(results: ResultSet, w: Words = words()): string {
  const scenario = results.scenario;
  const plans = hasPlans(results);
  if (scenario.compare !== undefined) return plans ? w.groupStrategyPlan : w.groupStrategy;
  if (plans && scenario.sweep === undefined) return w.plan;
  if (scenario.sweep !== undefined || results.varied.length > 0) return w.groupSetting;
  return results.points.length > 1 ? w.groupPoint : w.groupScenario;
}

/**
 * Legend labels, one per point: what sets it apart in the reader's language (pointName: a compared
 * strategy or plan by the scenario's translation of its name, a preset without one by its name in
 * the reader's language; swept values to three significant digits); a lone point, named after its
 * scenario, the scenario's name in the reader's language; a label used twice gets its point number.
 */
export function pointLabels(results: ResultSet, w: Words = words()): Map<number, string> {
  const own = (p: ResultSet['points'][number]) => {
    if (results.varied.length > 0) return pointName(results.varied, p.values, w);
    return p.label === results.scenario.name ? scenarioWords(results.scenario, w.lang).name : p.label;
  };
  const shown = new Map(results.points.map((p) => [p.index, own(p)]));
  const count = new Map<string, number>();
  for (const label of shown.values()) count.set(label, (count.get(label) ?? 0) + 1);
  return new Map([...shown].map(([index, label]) => [index, count.get(label)! > 1 || label === '' ? `${index}: ${label}` : label]));
}

/** Everything the charts and the report draw from, computed from a result set. */
export function chartContext(results: ResultSet, lang: Lang = 'en'): ChartContext {
  const w = withNames(words(lang), scenarioWords(results.scenario, lang).names);
  const summaries = summarisePoints(results);
  const series = results.series;
  // Plans have their own contrasts (each against doing nothing); otherwise every point against the
  // reference point, when the scenario has one (sweep.reference, the base of oat, the first strategy).
  const reference = hasPlans(results) ? null : referencePoint(results.scenario, results.points);
  const contrasts = reference !== null ? pairedContrasts(results, reference) : [];
  return { results, summaries, series, contrasts, groupTitle: groupTitle(results, w), labels: pointLabels(results, w), w };
}

/** The charts of a results folder's report, in reading order: the rehearsed plans' first, if there are plans. */
export function chartsFor(ctx: ChartContext, plans: PlanReport | null = planReport(ctx)): Chart[] {
  const lines = ctx.summaries.length <= MAX_LINES;
  const charts: (Chart | null)[] = [
    ...(plans?.charts ?? []),
    // with plans, the plans' reach curves (with their interventions' weeks) take this one's place
    lines && !hasPlans(ctx.results) ? reachCurveChart(ctx) : null,
    ...heatmapCharts(ctx),
    factorScatterChart(ctx),
    sweepLineChart(ctx),
    lines ? supportChart(ctx) : null,
    reachWeeksChart(ctx),
    pairedChart(ctx),
    lines ? worldMetricsChart(ctx) : null,
  ];
  return charts.filter((c): c is Chart => c !== null);
}

/**
 * Builds the charts (charts/*.vl.json with .svg and, unless `png` is false, .png beside each) and report.html of a result
 * set, in its folder. Returns the report's path.
 */
export async function buildReport(results: ResultSet, options: { png?: boolean; lang?: Lang } = {}): Promise<{ report: string }> {
  const ctx = chartContext(results, options.lang);
  const dir = results.dir;
  const chartDir = join(dir, 'charts');
  mkdirSync(chartDir, { recursive: true });
  const files: ChartFiles[] = [];
  // Rehearsed plans (a `plan` column): their paired differences and reach curves, sentences and tables.
  const plans = planReport(ctx);
  const charts = chartsFor(ctx, plans);
  // Listed in the manifest before they are written, so a later run knows them as its own; once
  // written, the list holds just them (an earlier report's charts not written again are deleted).
  const written = chartFiles(charts, options.png);
  recordFiles(dir, written);
  for (const chart of charts) {
    files.push(await writeChart(chartDir, chart, options));
    phase('charts');
  }
  settleReportFiles(dir, written);
  // With plans, their own paired opening replaces the one about points.
  const differences = nonStrategySentence(ctx.results.scenario, ctx.w);
  const opening = plans ? plans.opening : pointOpening(ctx.summaries, ctx.contrasts, ctx.labels, ctx.results.horizon, ctx.groupTitle, ctx.w);
  opening.sentences.unshift(...(differences ? [differences] : []), ...interventionSentences(ctx.results.scenario, ctx.w));
  const extra = plans ? plans.html : interventionsTable(ctx);
  const report = join(dir, 'report.html');
  writeFileAtomic(report, percentsUnbroken(reportHtml({ ...ctx, charts: files, opening, extra })), 'report');
  return { report };
}
