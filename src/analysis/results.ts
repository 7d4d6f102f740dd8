import { createReadStream, existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse';
import { parse as parseSync } from 'csv-parse/sync';
import { columnOf, INITIATIVE_METRICS, INITIATIVE_WEEK_METRICS, RUN_METRICS, SERIES_METRICS, type InitiativeColumns, type RunColumns } from '../model/metrics.js';
import { runValue, type RunOutput } from '../model/output.js';
import { interventionName, type Intervention } from '../model/interventions/types.js';
import type { RunCollector } from '../run/executor.js';
import { executePlan, type ExecuteOptions, type ExecuteResult } from '../run/execute.js';
import type { RunPlan } from '../scenario/types.js';
import { DEFAULT_OUTPUT, keptSamples, type SeriesChoice } from '../run/resultFiles.js';
import { SeriesReducer, type SeriesSummary } from './seriesSummary.js';
import { parquetName, parquetRows } from './parquet.js';
import { finishFolder } from './folder.js';

/**
 * The result set: what a finished run hands to analysis, in memory, columnar and typed, with its
 * manifest. Execution fills it as runs finish (ResultSetBuilder); the CSV files of a results folder
 * are a serialisation of the same rows, and the reader (readResultSet) builds the same result set back
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

/** A results folder that cannot be read: the message says which file and what is wrong. */
export class ResultsError extends Error {
  override name = 'ResultsError';
}

type Row = Record<string, string>;

/** Reads a CSV with a header row into records keyed by column name; checks the named columns are there. */
export function readCsv(path: string, required: readonly string[]): { header: string[]; rows: Row[] } {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    throw new ResultsError(`${path}: cannot be read (is this a draagvlak results folder?)`);
  }
  let records: string[][];
  try {
    records = parseSync(text, { relax_column_count: false, skip_empty_lines: true }) as string[][];
  } catch (err) {
    throw new ResultsError(`${path}: not a valid CSV file (${(err as Error).message})`);
  }
  if (records.length === 0) throw new ResultsError(`${path}: empty, expected a header row`);
  const header = records[0];
  const missing = required.filter((c) => !header.includes(c));
  if (missing.length > 0) throw new ResultsError(`${path}: missing column${missing.length > 1 ? 's' : ''} ${missing.join(', ')}`);
  const rows = records.slice(1).map((r) => Object.fromEntries(header.map((h, i) => [h, r[i] ?? ''])) as Row);
  return { header, rows };
}

/**
 * A table of a results folder by its CSV name: the CSV file, or — when only Parquet was written
 * (`--format parquet`) — the Parquet file, its values printed as the CSV cells they came from.
 */
export async function readTable(dir: string, file: string, required: readonly string[]): Promise<{ path: string; header: string[]; rows: Row[] }> {
  const csv = join(dir, file);
  const parquet = join(dir, parquetName(file));
  if (existsSync(csv) || !existsSync(parquet)) return { path: csv, ...readCsv(csv, required) };
  let header: string[] = [];
  const rows: Row[] = [];
  try {
    for await (const group of parquetRows(parquet)) {
      header = group.header;
      for (const r of group.rows) rows.push(r);
    }
  } catch (err) {
    throw new ResultsError(`${parquet}: not a readable Parquet file (${(err as Error).message})`);
  }
  const missing = required.filter((c) => !header.includes(c));
  if (missing.length > 0) throw new ResultsError(`${parquet}: missing column${missing.length > 1 ? 's' : ''} ${missing.join(', ')}`);
  return { path: parquet, header, rows };
}

/** A number from a CSV cell; an empty cell is null (never happened / not applicable). */
export function cell(v: string | undefined): number | null {
  if (v === undefined || v.trim() === '') return null;
  const x = Number(v);
  return Number.isFinite(x) ? x : null;
}

function int(v: string | undefined, path: string, column: string): number {
  const x = cell(v);
  if (x === null || !Number.isInteger(x)) throw new ResultsError(`${path}: column ${column} holds "${v ?? ''}", expected a whole number`);
  return x;
}

/** A metric's cell as stored in its typed column: an empty week is 0, an empty number NaN. */
function stored(kind: 'week' | 'int' | 'number', v: string | undefined): number {
  return cell(v) ?? (kind === 'number' ? NaN : 0);
}

/** The varied parameters: from the manifest's plan when it names them, else from the header. */
export function variedColumns(header: readonly string[], manifest: Manifest, firstOutcome: string): string[] {
  const plan = manifest.plan as Record<string, unknown> | undefined;
  const named = (plan?.varied ?? manifest.varied) as unknown;
  if (Array.isArray(named) && named.every((c) => typeof c === 'string' && header.includes(c))) return named as string[];
  const start = header.indexOf('label');
  const end = header.indexOf(firstOutcome);
  return start >= 0 && end > start ? header.slice(start + 1, end) : [];
}

/** The rows of series.csv, or of series.parquet when only Parquet was written, one at a time. */
async function* seriesRows(path: string): AsyncGenerator<Record<string, string>> {
  if (existsSync(path)) {
    yield* createReadStream(path).pipe(parse({ columns: true, skip_empty_lines: true })) as AsyncIterable<Record<string, string>>;
    return;
  }
  for await (const group of parquetRows(parquetName(path))) yield* group.rows;
}

/** Streams series.csv (it can be large) through the reducer, in file order (canonical). */
async function readSeries(path: string, reducer: SeriesReducer): Promise<SeriesSummary | null> {
  if (!existsSync(path) && !existsSync(parquetName(path))) return null;
  let checked = false;
  try {
    for await (const row of seriesRows(path)) {
      if (!checked) {
        for (const c of ['point', 'week', 'metric', 'value']) if (!(c in row)) throw new ResultsError(`${path}: missing column ${c}`);
        checked = true;
      }
      const week = cell(row.week) ?? NaN;
      const value = cell(row.value) ?? NaN;
      const initiative = row.initiative ?? '';
      if (row.metric === 'support_share' && initiative !== '') reducer.addSupport(Number(row.point), week, value);
      else if (initiative === '') reducer.addWorld(Number(row.point), row.metric, week, value);
    }
  } catch (err) {
    if (err instanceof ResultsError) throw err;
    throw new ResultsError(existsSync(path) ? `${path}: not a valid CSV file (${(err as Error).message})` : `${parquetName(path)}: not a readable Parquet file (${(err as Error).message})`);
  }
  return reducer.finish();
}

/**
 * The result set of a results folder, read back from its manifest.json and CSV (or Parquet) files — for
 * `draagvlak report DIR` and a run resumed after an interruption (whose earlier runs are only in
 * the files). A finished run hands its result set over in memory instead (ResultSetBuilder).
 */
export async function readResultSet(dir: string): Promise<ResultSet> {
  if (!existsSync(dir) || !statSync(dir).isDirectory()) throw new ResultsError(`${dir}: no such results folder`);
  const manifestPath = join(dir, 'manifest.json');
  let manifest: Manifest = {};
  if (existsSync(manifestPath)) {
    try {
      const parsed = JSON.parse(readFileSync(manifestPath, 'utf8')) as unknown;
      if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) manifest = parsed as Manifest;
    } catch (err) {
      throw new ResultsError(`${manifestPath}: not valid JSON (${(err as Error).message})`);
    }
  }
  const runsCsv = await readTable(dir, 'runs.csv', ['point', 'replicate', 'seed', 'label', 'initiatives', 'reached', 'formalised']);
  const initCsv = await readTable(dir, 'initiatives.csv', ['point', 'replicate', 'initiative', 'reached_week']);
  const [runsPath, initiativesPath] = [runsCsv.path, initCsv.path];
  const varied = variedColumns(runsCsv.header, manifest, 'initiatives');
  const tables = new Tables();

  const points = new Map<number, PointInfo>();
  for (const r of runsCsv.rows) {
    const point = int(r.point, runsPath, 'point');
    if (!points.has(point)) points.set(point, { index: point, label: r.label, values: Object.fromEntries(varied.map((v) => [v, r[v]])) });
    tables.addRun(point, int(r.replicate, runsPath, 'replicate'), cell(r.seed) ?? NaN, RUN_METRICS.map((m) => stored(m.kind, r[m.column])));
  }
  if (runsCsv.rows.length === 0) throw new ResultsError(`${runsPath}: no runs recorded`);
  for (const r of initCsv.rows) {
    tables.addInitiative(
      int(r.point, initiativesPath, 'point'), int(r.replicate, initiativesPath, 'replicate'), int(r.initiative, initiativesPath, 'initiative'),
      INITIATIVE_METRICS.map((m) => stored(m.kind, r[m.column])),
    );
  }
  if (existsSync(join(dir, 'interventions.csv')) || existsSync(join(dir, parquetName('interventions.csv')))) {
    const table = await readTable(dir, 'interventions.csv', ['point', 'replicate', 'intervention', 'name', 'action', 'week']);
    const interventionsPath = table.path;
    for (const r of table.rows) {
      tables.addIntervention(int(r.point, interventionsPath, 'point'), int(r.replicate, interventionsPath, 'replicate'), int(r.intervention, interventionsPath, 'intervention'), r.name, r.action, cell(r.week) ?? 0);
    }
  }
  const initiatives = tables.initiatives();
  const scenario = scenarioOf(manifest);
  const declared = cell(String(scenario.horizon ?? manifest.horizon ?? ''));
  let horizon = declared ?? 0;
  if (declared === null) {
    for (let i = 0; i < initiatives.length; i++) horizon = Math.max(horizon, initiatives.columns.reachedWeek[i], initiatives.columns.formalisedWeek[i]);
  }
  if (!(horizon > 0)) throw new ResultsError(`${manifestPath}: no horizon found (scenario.horizon), and no initiative reached the threshold`);
  return {
    dir, manifest, scenario, horizon, varied,
    points: [...points.values()].sort((a, b) => a.index - b.index),
    runs: tables.runs(),
    initiatives,
    interventions: tables.interventions(),
    series: await readSeries(join(dir, 'series.csv'), new SeriesReducer(BAND_METRICS)),
  };
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
/**
 * Carries out a plan (executePlan) and hands back its result set with the execution's outcome: the
 * result set is built in memory as runs finish, or — when a resumed run met earlier runs only in
 * the files — read back from them. null when the run was interrupted, or for a shard.
 */
export async function executeToResultSet(plan: RunPlan, options: ExecuteOptions): Promise<{ result: ExecuteResult; results: ResultSet | null }> {
  const collector = new ResultSetBuilder(plan, options.output?.series);
  const result = await executePlan(plan, { ...options, collector });
  // a shard's runs stay parts until `draagvlak merge`: it has no result set of its own
  if (result.status !== 'complete' || options.shard) return { result, results: null };
  // Parquet (when asked for) and datapackage.json; the manifest as it then is
  const manifest = await finishFolder(result.out);
  const results = collector.complete && manifest ? collector.finish(result.out, manifest) : await readResultSet(result.out);
  return { result, results };
}
