import { INITIATIVE_METRICS, INITIATIVE_WEEK_METRICS, RUN_METRICS, SERIES_METRICS, type Kind } from '../model/metrics.js';
import { runValue, type RunOutput } from '../model/output.js';
import type { RunPlan } from '../scenario/types.js';
import { interventionName } from '../model/interventions/types.js';
import { DEFAULT_OUTPUT, keptSamples, type SeriesChoice } from './resultFiles.js';

/**
 * The rows of runs.csv, initiatives.csv, series.csv and failures.csv, exactly as docs/results.md
 * describes them. Every row starts with the run's identity (point, replicate, seed, label, the
 * varied parameter values) so that analysis needs no join and any row can be re-run alone.
 * Numbers are printed by `String(x)` (JavaScript's shortest round-trip form); a week of 0 — never
 * happened, censored at the horizon — and a non-finite value print as an empty cell.
 */

/** The identity of one run. */
export interface RunIdentity {
  point: number;
  replicate: number;
  seed: number;
}

/** The formatted rows of one run, each section a block of complete `\n`-terminated lines. */
export interface RunRows {
  runs: string;
  initiatives: string;
  series: string;
  /** interventions.csv rows: one per entry of the point's timeline (none without interventions). */
  interventions: string;
}

const IDENTITY = ['point', 'replicate', 'seed', 'label'];
const RUN_COLUMNS = RUN_METRICS.map((m) => m.column);
const INITIATIVE_COLUMNS = ['initiative', ...INITIATIVE_METRICS.map((m) => m.column)];
const SERIES_COLUMNS = ['week', 'metric', 'initiative', 'value'];
const INTERVENTION_COLUMNS = ['intervention', 'name', 'action', 'week'];
const FAILURE_COLUMNS = ['point', 'replicate', 'seed', 'label', 'error'];

/**
 * One CSV cell: quoted (RFC 4180) only when it holds a comma, a quote or a line break. Text that
 * begins with `=`, `+`, `-`, `@`, a tab or a carriage return — which a spreadsheet would run as a
 * formula (CSV injection) — gets a leading `'` and is quoted, as OWASP advises; so does text that
 * begins with `'`s before one of those, so that `unguard` can tell the guard from a name's own `'`.
 * Numbers, and text that reads as a plain number (`-0.5`), are written as they are.
 */
export function cell(value: string | number | boolean | null | undefined): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  const text = String(value);
  if (GUARDED.test(text) && !PLAIN_NUMBER.test(text)) return `"'${text.replace(/"/g, '""')}"`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** Text `cell` guards: a formula's first character, after any `'`s. */
const GUARDED = /^'*[=+\-@\t\r]/;

const PLAIN_NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i;

/** A text cell as read back from a result file (CSV, after unquoting, or Parquet): the text `cell` was given, its guard taken off. */
export function unguard(text: string): string {
  return text.startsWith("'") && GUARDED.test(text) ? text.slice(1) : text;
}

/** A week as printed: 1..horizon, empty when it never happened (stored as 0). */
function week(w: number): string {
  return w > 0 ? String(w) : '';
}

/** A metric's value as printed: a week as above, a whole number as it is, a number by `cell`. */
export function formatValue(kind: Kind, v: number): string {
  return kind === 'week' ? week(v) : kind === 'int' ? String(v) : cell(v);
}

/**
 * The header lines of the result files and failures.csv for a plan's varied parameters.
 * interventions.csv exists only when some point has interventions, series.csv only when series are
 * kept (not `--series none`): their header is empty otherwise.
 */
export function headers(varied: readonly string[], withInterventions = false, series: SeriesChoice = DEFAULT_OUTPUT.series): RunRows & { failures: string } {
  const identity = [...IDENTITY, ...varied].map(cell);
  return {
    runs: [...identity, ...RUN_COLUMNS].join(',') + '\n',
    initiatives: [...identity, ...INITIATIVE_COLUMNS].join(',') + '\n',
    series: series.kind === 'none' ? '' : [...identity, ...SERIES_COLUMNS].join(',') + '\n',
    interventions: withInterventions ? [...identity, ...INTERVENTION_COLUMNS].join(',') + '\n' : '',
    failures: FAILURE_COLUMNS.join(',') + '\n',
  };
}

/** True when some point of the plan runs an intervention timeline (then interventions.csv is written). */
export function hasInterventions(plan: RunPlan): boolean {
  return plan.points.some((p) => (p.interventions?.length ?? 0) > 0);
}

/** The identity prefix of every row of one run, ending in a comma. */
export function identityPrefix(plan: RunPlan, id: RunIdentity): string {
  const point = plan.points[id.point];
  if (!point) throw new Error(`no point ${id.point} in the plan`);
  const cells = [cell(id.point), cell(id.replicate), cell(id.seed), cell(point.label)];
  for (const path of plan.varied) cells.push(cell(point.values[path]));
  return cells.join(',') + ',';
}

/** The rows one run contributes to runs.csv, initiatives.csv and series.csv (the weeks `series` keeps). */
export function formatRun(plan: RunPlan, id: RunIdentity, out: RunOutput, seriesChoice: SeriesChoice = DEFAULT_OUTPUT.series): RunRows {
  const prefix = identityPrefix(plan, id);
  const count = out.initiatives.reachedWeek.length;
  const columns = INITIATIVE_METRICS.map((m) => out.initiatives[m.key]);
  let initiatives = '';
  for (let i = 0; i < count; i++) {
    let row = `${prefix}${i}`;
    for (let m = 0; m < columns.length; m++) row += `,${formatValue(INITIATIVE_METRICS[m].kind, columns[m][i])}`;
    initiatives += `${row}\n`;
  }
  const runs = `${prefix}${RUN_METRICS.map((m) => formatValue(m.kind, runValue(out, m))).join(',')}\n`;

  // Canonical order within a run: world metrics (empty initiative) by week, then metric; then each
  // initiative by week, then metric.
  const samples = out.weeks.length;
  const kept = keptSamples(seriesChoice, out.weeks);
  let series = '';
  for (const s of kept) {
    const w = out.weeks[s];
    for (let m = 0; m < SERIES_METRICS.length; m++) {
      series += `${prefix}${w},${SERIES_METRICS[m]},,${cell(out.series[m * samples + s])}\n`;
    }
  }
  const perInitiative = INITIATIVE_WEEK_METRICS.length * samples;
  for (let i = 0; i < count && kept.length > 0; i++) {
    for (const s of kept) {
      const w = out.weeks[s];
      for (let m = 0; m < INITIATIVE_WEEK_METRICS.length; m++) {
        series += `${prefix}${w},${INITIATIVE_WEEK_METRICS[m].column},${i},${cell(out.initiativeSeries[i * perInitiative + m * samples + s])}\n`;
      }
    }
  }
  // One row per entry of the point's timeline, with the week it first applied (empty: never).
  let interventions = '';
  const timeline = plan.points[id.point]?.interventions ?? [];
  for (let k = 0; k < timeline.length; k++) {
    const e = timeline[k];
    interventions += `${prefix}${k},${cell(interventionName(e))},${e.action},${week(out.interventionWeeks?.[k] ?? 0)}\n`;
  }
  return { runs, initiatives, series, interventions };
}

/** The failures.csv row of a run that threw. */
export function formatFailure(plan: RunPlan, id: RunIdentity, error: string): string {
  const point = plan.points[id.point];
  return [cell(id.point), cell(id.replicate), cell(id.seed), cell(point?.label ?? ''), cell(error)].join(',') + '\n';
}
