import { createReadStream, existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fieldOf } from './codebook.js';
import { CsvRecords } from './csvRecords.js';
import { INITIATIVE_METRICS, RUN_METRICS } from '../model/metrics.js';
import { readManifest } from '../run/manifest.js';
import { unguard } from '../run/rows.js';
import { parquetName, parquetRows } from './parquet.js';
import { BAND_METRICS, cell, scenarioOf, Tables, type Manifest, type PointInfo, type ResultSet } from './results.js';
import { SeriesReducer, type SeriesSummary } from './seriesSummary.js';

/**
 * Reading a results folder back: manifest.json and the CSV (or Parquet) tables become the same
 * in-memory result set a finished run hands over (results.ts) — for `draagvlak report DIR`, `merge`
 * and a run resumed after an interruption, whose earlier runs are only in the files. Every problem
 * is a ResultsError naming the file and what is wrong.
 */

/** A results folder that cannot be read: the message says which file and what is wrong. */
export class ResultsError extends Error {
  override name = 'ResultsError';
}

type Row = Record<string, string>;

/** True when a results folder holds the table named by its CSV path, as CSV or (`--format parquet`) as Parquet. */
function hasTable(csvPath: string): boolean {
  return existsSync(csvPath) || existsSync(parquetName(csvPath));
}

/** Reads a CSV with a header row into records keyed by column name, each text as written before its guard (`unguard`); checks the named columns are there. */
export function readCsv(path: string, required: readonly string[]): { header: string[]; rows: Row[] } {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    throw new ResultsError(`${path}: cannot be read (is this a draagvlak results folder?)`);
  }
  let records: string[][];
  try {
    const reader = new CsvRecords();
    records = [...reader.push(text), ...reader.end()];
    sameLength(records, 0);
  } catch (err) {
    throw new ResultsError(`${path}: not a valid CSV file (${(err as Error).message})`);
  }
  if (records.length === 0) throw new ResultsError(`${path}: empty, expected a header row`);
  const header = records[0];
  const missing = required.filter((c) => !header.includes(c));
  if (missing.length > 0) throw new ResultsError(`${path}: missing column${missing.length > 1 ? 's' : ''} ${missing.join(', ')}`);
  const rows = records.slice(1).map((r) => Object.fromEntries(header.map((h, i) => [h, unguard(r[i] ?? '')])) as Row);
  return { header, rows };
}

/**
 * A table of a results folder by its CSV name: the CSV file, or — when only Parquet was written
 * (`--format parquet`) — the Parquet file, its values printed as the CSV cells they came from.
 */
export async function readTable(dir: string, file: string, required: readonly string[]): Promise<{ path: string; header: string[]; rows: Row[] }> {
  const csv = join(dir, file);
  const parquet = join(dir, parquetName(file));
  if (existsSync(csv) || !existsSync(parquet)) {
    const table = readCsv(csv, required);
    checkColumns(csv, file, table.header);
    return { path: csv, ...table };
  }
  let header: string[] = [];
  const rows: Row[] = [];
  try {
    for await (const group of parquetRows(parquet)) {
      header = group.header;
      for (const r of group.rows) rows.push(Object.fromEntries(Object.entries(r).map(([k, v]) => [k, unguard(v)])));
    }
  } catch (err) {
    throw new ResultsError(`${parquet}: not a readable Parquet file (${(err as Error).message})`);
  }
  const missing = required.filter((c) => !header.includes(c));
  if (missing.length > 0) throw new ResultsError(`${parquet}: missing column${missing.length > 1 ? 's' : ''} ${missing.join(', ')}`);
  checkColumns(parquet, file, header);
  return { path: parquet, header, rows };
}

/**
 * Throws a ResultsError for a column draagvlak does not write in the table `file` (a header cut
 * short, or edited by hand): the report would read the table without it, and the data package
 * could not describe it.
 */
function checkColumns(path: string, file: string, header: readonly string[]): void {
  const unknown = header.find((column) => !fieldOf(file, column, { horizon: 0 }));
  if (unknown !== undefined) throw new ResultsError(`${path}: expected the columns draagvlak writes in ${file} (docs/results.md), found ${JSON.stringify(unknown)}`);
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

/** Throws unless every record has as many cells as the first (the header), counting records from `before` + 1. */
function sameLength(records: readonly string[][], before: number, width = records[0]?.length): void {
  for (let k = 0; k < records.length; k++) {
    if (records[k].length !== width) throw new Error(`record ${before + k + 1} has ${records[k].length} cells, the header ${width}`);
  }
}

/** The cells of series.csv's rows, a batch at a time (in file order), with the header's position of each column the reducer reads. */
async function* seriesCsv(path: string): AsyncGenerator<{ at: Record<SeriesColumn, number>; rows: string[][] }> {
  const reader = new CsvRecords();
  let header: string[] | null = null;
  let at = {} as Record<SeriesColumn, number>;
  let seen = 0;
  const batch = (records: string[][]) => {
    if (header === null && records.length > 0) {
      header = records.shift()!;
      seen = 1;
      for (const c of SERIES_COLUMNS.slice(0, 4)) if (!header.includes(c)) throw new ResultsError(`${path}: missing column ${c}`);
      checkColumns(path, 'series.csv', header);
      at = Object.fromEntries(SERIES_COLUMNS.map((c) => [c, header!.indexOf(c)])) as Record<SeriesColumn, number>;
    }
    if (header !== null) sameLength(records, seen, header.length);
    seen += records.length;
    return { at, rows: records };
  };
  for await (const chunk of createReadStream(path, 'utf8')) yield batch(reader.push(chunk as string));
  yield batch(reader.end());
}

/** The columns of series.csv the reducer reads (all but `initiative` required). */
const SERIES_COLUMNS = ['point', 'week', 'metric', 'value', 'initiative'] as const;
type SeriesColumn = (typeof SERIES_COLUMNS)[number];

/** Adds one row of series.csv to the reducer. */
function addSeriesRow(reducer: SeriesReducer, point: string, week: string, metric: string, initiative: string, value: string): void {
  const w = cell(week) ?? NaN;
  const v = cell(value) ?? NaN;
  if (metric === 'support_share' && initiative !== '') reducer.addSupport(Number(point), w, v);
  else if (initiative === '') reducer.addWorld(Number(point), metric, w, v);
}

/**
 * Reads series.csv (it can be large: streamed, split by draagvlak's own CSV reader rather than
 * into an object per row) or series.parquet when only Parquet was written, through the reducer, in
 * file order (canonical).
 */
async function readSeries(path: string, reducer: SeriesReducer): Promise<SeriesSummary | null> {
  if (!hasTable(path)) return null;
  try {
    if (existsSync(path)) {
      for await (const { at, rows } of seriesCsv(path)) {
        for (const r of rows) addSeriesRow(reducer, r[at.point], r[at.week], r[at.metric], r[at.initiative] ?? '', r[at.value]);
      }
    } else {
      let checked = false;
      for await (const group of parquetRows(parquetName(path))) {
        if (!checked) {
          for (const c of SERIES_COLUMNS.slice(0, 4)) if (!group.header.includes(c)) throw new ResultsError(`${parquetName(path)}: missing column ${c}`);
          checkColumns(parquetName(path), 'series.csv', group.header);
          checked = true;
        }
        for (const r of group.rows) addSeriesRow(reducer, r.point, r.week, r.metric, r.initiative ?? '', r.value);
      }
    }
  } catch (err) {
    if (err instanceof ResultsError) throw err;
    throw new ResultsError(existsSync(path) ? `${path}: not a valid CSV file (${(err as Error).message})` : `${parquetName(path)}: not a readable Parquet file (${(err as Error).message})`);
  }
  return reducer.finish();
}

/**
 * Throws a ResultsError when the tables hold fewer or more rows than the run wrote — a file cut
 * short at the end of a line, or rows deleted by hand, which would otherwise be summarised as a
 * smaller study without a word: runs.csv has the runs a complete manifest counts (less those that
 * failed), and initiatives.csv a row for each initiative runs.csv counts.
 */
function checkCounts(manifestPath: string, runs: readonly Row[], initiatives: number, runsPath: string, initiativesPath: string): void {
  const manifest = readManifest(manifestPath);
  if (manifest?.complete && !manifest.shard) {
    const expected = manifest.runs - (manifest.failures ?? 0);
    if (runs.length !== expected) {
      throw new ResultsError(`${runsPath}: expected ${expected} runs (manifest.json: ${manifest.runs} runs, ${manifest.failures ?? 0} failed), found ${runs.length}; the file was cut short or changed`);
    }
  }
  const counted = runs.reduce((sum, r) => sum + (cell(r.initiatives) ?? 0), 0);
  if (counted !== initiatives) {
    throw new ResultsError(`${initiativesPath}: expected ${counted} initiatives (the initiatives column of runs.csv), found ${initiatives}; the file was cut short or changed`);
  }
}

/** Throws a ResultsError unless `dir` is a folder (a results folder must be one before anything in it is read). */
export function checkResultsFolder(dir: string): void {
  const stat = statSync(dir, { throwIfNoEntry: false });
  if (!stat) throw new ResultsError(`${dir}: no such results folder`);
  if (!stat.isDirectory()) throw new ResultsError(`${dir}: expected a results folder, found a file`);
}

/**
 * The result set of a results folder, read back from its manifest.json and CSV (or Parquet) files — for
 * `draagvlak report DIR` and a run resumed after an interruption (whose earlier runs are only in
 * the files). A finished run hands its result set over in memory instead (ResultSetBuilder).
 */
export async function readResultSet(dir: string): Promise<ResultSet> {
  checkResultsFolder(dir);
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
  checkCounts(manifestPath, runsCsv.rows, initCsv.rows.length, runsPath, initiativesPath);
  for (const r of initCsv.rows) {
    tables.addInitiative(
      int(r.point, initiativesPath, 'point'), int(r.replicate, initiativesPath, 'replicate'), int(r.initiative, initiativesPath, 'initiative'),
      INITIATIVE_METRICS.map((m) => stored(m.kind, r[m.column])),
    );
  }
  if (hasTable(join(dir, 'interventions.csv'))) {
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
