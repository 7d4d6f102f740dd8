import { columnOf, INITIATIVE_METRICS, INITIATIVE_WEEK_METRICS, RUN_METRICS, SERIES_METRICS, type InitiativeColumns, type RunColumns } from '../model/metrics.js';
import { runValue, type RunOutput } from '../model/output.js';
import { interventionName, type Intervention } from '../model/interventions/types.js';
import type { RunCollector } from '../run/executor.js';
import { DEFAULT_OUTPUT, keptSamples, type SeriesChoice } from '../run/resultFiles.js';
import { SeriesReducer, type SeriesSummary } from './seriesSummary.js';

/**
 * The result set: what a finished run hands to analysis, in memory, columnar and typed, with its
 * manifest. Execution fills it as runs finish (ResultSetBuilder); the CSV files of a results folder
 * are a serialisation of the same rows, and the reader (readResultSet, readResults.ts) builds the same result set back
 * from them for `draagvlak report DIR`. Summary, contrasts, charts, report, patterns and notebooks
 * read it; none of them parses a file that was just written.
 *
 * Memory: per run and per initiative one slot in each typed column (tens of bytes per initiative);
 * weekly series are not kept — they stream to series.csv and are reduced, point by point, into the
 * bands the report draws (SeriesReducer), so memory does not grow with the number of points.
 */

/** manifest.json as written by the run pipeline; every field is optional to the reader. */
export type Manifest = Record<string, unknown> & { scenario?: Record<string, unknown> };

/** One design point: its index, label and the values of the varied parameters (as printed). */
export interface PointInfo {
  index: number;
  label: string;
  values: Record<string, string>;
}

/** One row per run, canonical order (point, replicate): its identity and a typed column per run metric (by key). */
export interface RunTable {
  length: number;
  point: Int32Array;
  replicate: Int32Array;
  seed: Float64Array;
  columns: RunColumns;
}

/** One row per run and initiative, canonical order: identity and a typed column per initiative metric (by key). */
export interface InitiativeTable {
  length: number;
  point: Int32Array;
  replicate: Int32Array;
  initiative: Int32Array;
  columns: InitiativeColumns;
}

/** One row per run and entry of its point's intervention timeline: the week it first applied (0: never). */
export interface InterventionTable {
  length: number;
  point: Int32Array;
  replicate: Int32Array;
  intervention: Int32Array;
  week: Int32Array;
  name: string[];
  action: string[];
}

export interface ResultSet {
  /** The results folder it was written to or read from. */
  dir: string;
  manifest: Manifest;
  /** The resolved scenario (name, description, question, horizon, strategy, compare, sweep …), as far as known. */
  scenario: Record<string, unknown>;
  /** Weeks simulated. */
  horizon: number;
  /** Dotted paths of the varied parameters, in column order. */
  varied: string[];
  points: PointInfo[];
  runs: RunTable;
  initiatives: InitiativeTable;
  interventions: InterventionTable;
  /** Per-point bands of the world metrics and support shares; null when no series was recorded. */
  series: SeriesSummary | null;
}

/**
 * The resolved scenario from a manifest: `scenario.resolved` as the run pipeline writes it
 * (with `scenario.name` beside it), or `scenario` itself when it is flat.
 */
export function scenarioOf(manifest: Manifest): Record<string, unknown> {
  const s = manifest.scenario;
  if (!s || typeof s !== 'object') return {};
  const resolved = s.resolved;
  if (resolved && typeof resolved === 'object' && !Array.isArray(resolved)) {
    return { ...(resolved as Record<string, unknown>), ...(s.name !== undefined ? { name: s.name } : {}) };
  }
  return s;
}

/** A value as a CSV cell shows it (and the reader reads it back): numbers by String(x), non-finite and missing empty. */
export function printed(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  return String(value);
}

/** The world metrics whose weekly bands the report draws. */
export const BAND_METRICS = ['trust_gov', 'cohesion', 'drive'] as const;

/** A typed column that grows as rows are appended. */
class Column<T extends Int32Array | Float64Array> {
  length = 0;
  constructor(public data: T) {}
  push(v: number): void {
    if (this.length === this.data.length) {
      const bigger = new (this.data.constructor as new (n: number) => T)(Math.max(16, this.data.length * 2));
      bigger.set(this.data);
      this.data = bigger;
    }
    this.data[this.length++] = v;
  }
  done(): T {
    return this.data.subarray(0, this.length) as T;
  }
}
const ints = () => new Column(new Int32Array(16));
const floats = () => new Column(new Float64Array(16));
const kindColumn = (kind: 'week' | 'int' | 'number') => new Column(columnOf(kind, 16));

/** Accumulates the rows of a result set in canonical order; the reader and the builder both fill one. */
export class Tables {
  private readonly run = { point: ints(), replicate: ints(), seed: floats(), columns: RUN_METRICS.map((m) => kindColumn(m.kind)) };
  private readonly ini = { point: ints(), replicate: ints(), initiative: ints(), columns: INITIATIVE_METRICS.map((m) => kindColumn(m.kind)) };
  private readonly int = { point: ints(), replicate: ints(), intervention: ints(), week: ints(), name: [] as string[], action: [] as string[] };

  /** A runs.csv row: identity and the run metrics in registry order. */
  addRun(point: number, replicate: number, seed: number, values: ArrayLike<number>): void {
    this.run.point.push(point);
    this.run.replicate.push(replicate);
    this.run.seed.push(seed);
    this.run.columns.forEach((c, m) => c.push(values[m]));
  }

  /** An initiatives.csv row: identity, index and the initiative metrics in registry order. */
  addInitiative(point: number, replicate: number, initiative: number, values: ArrayLike<number>): void {
    this.ini.point.push(point);
    this.ini.replicate.push(replicate);
    this.ini.initiative.push(initiative);
    this.ini.columns.forEach((c, m) => c.push(values[m]));
  }

  /** An interventions.csv row. */
  addIntervention(point: number, replicate: number, intervention: number, name: string, action: string, week: number): void {
    const t = this.int;
    t.point.push(point);
    t.replicate.push(replicate);
    t.intervention.push(intervention);
    t.week.push(week);
    t.name.push(name);
    t.action.push(action);
  }

  runs(): RunTable {
    const r = this.run;
    return {
      length: r.point.length, point: r.point.done(), replicate: r.replicate.done(), seed: r.seed.done(),
      columns: Object.fromEntries(RUN_METRICS.map((m, i) => [m.key, r.columns[i]!.done()])) as unknown as RunColumns,
    };
  }

  initiatives(): InitiativeTable {
    const t = this.ini;
    return {
      length: t.point.length, point: t.point.done(), replicate: t.replicate.done(), initiative: t.initiative.done(),
      columns: Object.fromEntries(INITIATIVE_METRICS.map((m, i) => [m.key, t.columns[i]!.done()])) as unknown as InitiativeColumns,
    };
  }

  interventions(): InterventionTable {
    const t = this.int;
    return { length: t.point.length, point: t.point.done(), replicate: t.replicate.done(), intervention: t.intervention.done(), week: t.week.done(), name: t.name, action: t.action };
  }
}

/** What the builder needs of a plan: its points (label, varied values, interventions), varied paths and horizon. */
export interface PlanShape {
  varied: string[];
  points: { index: number; label: string; values: Record<string, unknown>; interventions?: Intervention[] }[];
  scenario: { horizon: number; replications: number };
}

/**
 * Builds a result set from the runs of one execution as they finish, in any order: runs are taken
 * in canonical order (point, replicate) — one that arrives early waits (a few batches at most)
 * until those before it are in — so the columns and the series bands are those the reader gets
 * from the files. `complete` is false when some run never came (a resumed execution, whose earlier
 * runs live only in the files: then the reader builds the result set).
 */
export class ResultSetBuilder implements RunCollector {
  private readonly tables = new Tables();
  private readonly reducer = new SeriesReducer(BAND_METRICS);
  private readonly waiting = new Map<number, RunOutput | null>();
  private next = 0;
  private readonly R: number;
  private readonly total: number;
  private readonly supportMetric = INITIATIVE_WEEK_METRICS.findIndex((m) => m.column === 'support_share');
  private readonly worldMetrics = BAND_METRICS.map((m) => SERIES_METRICS.indexOf(m));

  /** `series`: the weeks the files keep (`--series`); the bands are drawn from those alone, as the reader would. */
  constructor(private readonly plan: PlanShape, private readonly seriesChoice: SeriesChoice = DEFAULT_OUTPUT.series) {
    this.R = plan.scenario.replications;
    this.total = plan.points.length * this.R;
  }

  /** A finished run, by its canonical index. */
  add(k: number, seed: number, output: RunOutput): void {
    this.seeds.set(k, seed);
    this.waiting.set(k, output);
    this.drain();
  }

  /** A run that failed (it has no rows). */
  fail(k: number): void {
    this.waiting.set(k, null);
    this.drain();
  }

  private readonly seeds = new Map<number, number>();

  private drain(): void {
    while (this.waiting.has(this.next)) {
      const k = this.next++;
      const output = this.waiting.get(k)!;
      this.waiting.delete(k);
      if (output) this.take(Math.floor(k / this.R), k % this.R, this.seeds.get(k)!, output);
      this.seeds.delete(k);
    }
  }

  private take(point: number, replicate: number, seed: number, out: RunOutput): void {
    const t = this.tables;
    t.addRun(point, replicate, seed, RUN_METRICS.map((m) => runValue(out, m)));
    const columns = INITIATIVE_METRICS.map((m) => out.initiatives[m.key]);
    const count = out.initiatives.reachedWeek.length;
    const row = new Float64Array(columns.length);
    for (let i = 0; i < count; i++) {
      for (let m = 0; m < columns.length; m++) row[m] = columns[m]![i]!;
      t.addInitiative(point, replicate, i, row);
    }
    const timeline = this.plan.points[point]?.interventions ?? [];
    timeline.forEach((e, j) => t.addIntervention(point, replicate, j, interventionName(e), e.action, out.interventionWeeks?.[j] ?? 0));
    // the series in the order of series.csv: world metrics by week, then each initiative by week
    const S = out.weeks.length;
    const kept = keptSamples(this.seriesChoice, out.weeks);
    for (const s of kept) {
      for (const m of this.worldMetrics) this.reducer.addWorld(point, SERIES_METRICS[m]!, out.weeks[s]!, out.series[m * S + s]!);
    }
    const perInitiative = INITIATIVE_WEEK_METRICS.length * S;
    for (let i = 0; i < count; i++) {
      for (const s of kept) this.reducer.addSupport(point, out.weeks[s]!, out.initiativeSeries[i * perInitiative + this.supportMetric * S + s]!);
    }
  }

  /** True when every run of the plan came through this builder. */
  get complete(): boolean {
    return this.next === this.total;
  }

  /** The result set, once complete. */
  finish(dir: string, manifest: object): ResultSet {
    if (!this.complete) throw new Error(`result set incomplete: ${this.next} of ${this.total} runs`);
    const runs = this.tables.runs();
    return {
      dir,
      manifest: manifest as Manifest,
      scenario: scenarioOf(manifest as Manifest),
      horizon: this.plan.scenario.horizon,
      varied: [...this.plan.varied],
      points: this.plan.points
        .filter((p) => runs.point.includes(p.index))
        .map((p) => ({ index: p.index, label: p.label, values: Object.fromEntries(this.plan.varied.map((v) => [v, printed(p.values[v])])) })),
      runs,
      initiatives: this.tables.initiatives(),
      interventions: this.tables.interventions(),
      series: this.seriesChoice.kind === 'none' ? null : this.reducer.finish(),
    };
  }
}

/** A number from a CSV cell; an empty cell is null (never happened / not applicable). */
export function cell(v: string | undefined): number | null {
  if (v === undefined || v.trim() === '') return null;
  const x = Number(v);
  return Number.isFinite(x) ? x : null;
}

/** True when every value of the column is a number (a numeric varied parameter). */
export function isNumericParameter(points: readonly PointInfo[], name: string): boolean {
  return points.every((p) => cell(p.values[name]) !== null);
}

/** The rows (indices) of a table that belong to each point, in table order: grouped once per table. */
const grouped = new WeakMap<object, Map<number, number[]>>();

/** The rows (indices) of a table that belong to a point, in table order (linear in the table, once). */
export function rowsOf(table: { length: number; point: Int32Array }, point: number): number[] {
  let byPoint = grouped.get(table);
  if (!byPoint) {
    byPoint = new Map();
    for (let i = 0; i < table.length; i++) {
      const list = byPoint.get(table.point[i]);
      if (list) list.push(i);
      else byPoint.set(table.point[i], [i]);
    }
    grouped.set(table, byPoint);
  }
  return byPoint.get(point) ?? [];
}
