/**
 * What the notebooks share: the run size (full or quick), running a scenario through the library's
 * own pipeline, and showing charts and tables inline. Everything the model computes comes from the
 * draagvlak library (../../dist/src/index.js, built by `npm run build`); this file only wires it up
 * for a notebook, so that each notebook reads as its question, its runs and its answer.
 */
import {
  chartContext,
  chartsFor,
  executePlan,
  planRuns,
  renderSvg,
  ResultSetBuilder,
  resolveScenario,
  runModel,
  type Chart,
  type PointSummary,
  type RunOutput,
  type RunPlan,
  type Scenario,
  type VegaLiteSpec,
} from '../../dist/src/index.js';
import { CONFIG } from '../../dist/src/charts/theme.js';

export { CONFIG };

/**
 * Quick mode (`DRAAGVLAK_QUICK=1`): few replications and small neighbourhoods, to prove in CI that
 * every cell runs. The committed notebooks carry the outputs of a full run.
 */
export const QUICK = Deno.env.get('DRAAGVLAK_QUICK') === '1';

/** `full` in a full run, `quick` in quick mode. */
export function size<T>(full: T, quick: T): T {
  return QUICK ? quick : full;
}

/** One run of one point of the plan, with everything the model handed back. */
export interface Run {
  point: number;
  replicate: number;
  seed: number;
  output: RunOutput;
}

/** A scenario carried out: its plan, every run's output, and the charts the CLI would draw. */
export interface Study {
  scenario: Scenario;
  plan: RunPlan;
  /** Every run, in (point, replicate) order. */
  runs: Run[];
  /** The runs of one point, in replicate order. */
  runsOf(point: number): Run[];
  /** The CLI's per-point summaries: reach probability (Wilson interval), Kaplan–Meier reach curve, final trust. */
  summaries: PointSummary[];
  /** The CLI's charts for this results folder, by name (reach-curve, paired-differences, …). */
  charts: Map<string, Chart>;
  /** The manifest of the results folder: seed, package version, git commit, Node version. */
  manifest: Record<string, unknown>;
  seconds: number;
}

/**
 * Validates a scenario (written as the object a YAML file would hold), plans its runs and carries
 * them out with the library's run pipeline — in this process, into a temporary results folder —
 * keeping the result set it builds in memory (what `draagvlak report` draws from) and every run's
 * output (for what the result set leaves out: initiative alignment, series per run).
 */
export async function study(document: Record<string, unknown>): Promise<Study> {
  const started = performance.now();
  const scenario = resolveScenario(document, `${String(document.name ?? 'notebook')}.yaml`);
  const plan = planRuns(scenario);
  const R = scenario.replications;
  const builder = new ResultSetBuilder(plan);
  const runs: Run[] = [];
  const collector = {
    add(k: number, seed: number, output: RunOutput) {
      runs[k] = { point: Math.floor(k / R), replicate: k % R, seed, output };
      builder.add(k, seed, output);
    },
    fail(k: number) {
      builder.fail(k);
    },
  };
  const out = await Deno.makeTempDir({ prefix: `draagvlak-${scenario.name}-` });
  try {
    const result = await executePlan(plan, { out, workers: 1, model: runModel, quiet: true, handleSignals: false, collector });
    if (result.failures.count > 0) throw new Error(`${result.failures.count} runs failed: ${result.failures.first.join('; ')}`);
    const ctx = chartContext(builder.finish(out, result.manifest!));
    const byPoint = Map.groupBy(runs, (r) => r.point);
    return {
      scenario,
      plan,
      runs,
      runsOf: (point) => byPoint.get(point) ?? [],
      summaries: ctx.summaries,
      charts: new Map(chartsFor(ctx).map((c) => [c.name, c])),
      manifest: ctx.results.manifest,
      seconds: (performance.now() - started) / 1000,
    };
  } finally {
    await Deno.remove(out, { recursive: true });
  }
}

/** Shows one of the CLI's charts inline as SVG, with its caption underneath. */
export async function showChart(chart: Chart | undefined): Promise<void> {
  if (!chart) throw new Error('no such chart for these results');
  await showSpec(chart.spec);
  await markdown(`*${chart.caption}*`);
}

/** Renders a Vega-Lite spec with the project's renderer and shows it inline as SVG. */
export async function showSpec(spec: VegaLiteSpec): Promise<void> {
  const svg = await renderSvg(spec);
  await display({ 'image/svg+xml': svg });
}

/** A Vega-Lite spec in the charts' house style (font, sizes, quiet grid). */
export function spec(body: Record<string, unknown>): VegaLiteSpec {
  return { $schema: 'https://vega.github.io/schema/vega-lite/v6.json', config: CONFIG, ...body };
}

/** Shows Markdown (text too, for readers without a Markdown renderer). */
export async function markdown(text: string): Promise<void> {
  await display({ 'text/markdown': text, 'text/plain': text });
}

/**
 * Sends one output and gives the kernel a moment to pass it on: without the pause, the last output
 * of a cell sometimes arrives after the cell is reported done, and headless execution drops it.
 */
async function display(bundle: Record<string, string>): Promise<void> {
  await Deno.jupyter.display(bundle, { raw: true });
  await new Promise((resolve) => setTimeout(resolve, 40));
}

/** Shows rows as a Markdown table, columns in the order of the first row's keys. */
export async function table(rows: readonly Record<string, unknown>[]): Promise<void> {
  if (rows.length === 0) return markdown('*(no rows)*');
  const cols = Object.keys(rows[0]);
  const show = (v: unknown) => (typeof v === 'number' ? fmt(v) : v === null || v === undefined ? '—' : String(v));
  const lines = [
    `| ${cols.join(' | ')} |`,
    `| ${cols.map((c) => (typeof rows[0][c] === 'number' ? '---:' : ':---')).join(' | ')} |`,
    ...rows.map((r) => `| ${cols.map((c) => show(r[c]).replace(/\|/g, '\\|')).join(' | ')} |`),
  ];
  await markdown(lines.join('\n'));
}

/** A number for a table: whole numbers as they are, others to three significant digits. */
export function fmt(x: number): string {
  if (!Number.isFinite(x)) return '—';
  return Number.isInteger(x) ? String(x) : String(Number(x.toPrecision(3)));
}

/** A share as a percentage, "42 %". */
export function pct(x: number | null | undefined): string {
  return x === null || x === undefined || !Number.isFinite(x) ? '—' : `${Math.round(x * 100)} %`;
}

/** An interval as "[lo, hi]" in percent. */
export function pctInterval(lo: number | null | undefined, hi: number | null | undefined): string {
  return `[${pct(lo)}, ${pct(hi)}]`;
}

/** What a reader needs to rerun the notebook and get the same numbers. */
export async function provenance(s: Study): Promise<void> {
  const m = s.manifest as { version?: string; gitCommit?: string | null; seed?: number; runs?: number; execution?: { node?: string } };
  await table([
    {
      scenario: s.scenario.name,
      seed: m.seed ?? s.scenario.seed,
      'draagvlak version': m.version ?? '?',
      'git commit': m.gitCommit ? m.gitCommit.slice(0, 10) : 'unknown',
      mode: QUICK ? 'quick (DRAAGVLAK_QUICK=1)' : 'full',
      points: s.plan.points.length,
      replications: s.scenario.replications,
      'households per neighbourhood': s.scenario.population.households,
      runs: s.runs.length,
    },
  ]);
}

/** The value of a world metric (SERIES_METRICS name) over the recorded weeks of one run. */
export function seriesOf(output: RunOutput, metricIndex: number): Float64Array {
  const n = output.weeks.length;
  return output.series.subarray(metricIndex * n, (metricIndex + 1) * n);
}

