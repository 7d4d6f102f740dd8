import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';

/** A results folder that cannot be read: the message says which file and what is wrong. */
export class ResultsError extends Error {
  override name = 'ResultsError';
}

/** manifest.json as written by the run pipeline; every field is optional to the reader. */
export type Manifest = Record<string, unknown> & { scenario?: Record<string, unknown> };

/** One design point: its index, label and the values of the varied parameters (as printed). */
export interface PointInfo {
  index: number;
  label: string;
  values: Record<string, string>;
}

export interface RunRow {
  point: number;
  replicate: number;
  seed: string;
  initiatives: number;
  reached: number;
  formalised: number;
  trustGovFinal: number | null;
  cohesionFinal: number | null;
  driveFinal: number | null;
}

export interface InitiativeRow {
  point: number;
  replicate: number;
  initiative: number;
  threshold: number | null;
  /** Week it first reached the threshold; null when it never did (censored at the horizon). */
  reachedWeek: number | null;
  formalisedWeek: number | null;
}

/** What analysis, charts and the report read from a results folder. */
export interface Results {
  dir: string;
  manifest: Manifest;
  /** Dotted paths of the varied parameters, in column order. */
  varied: string[];
  points: PointInfo[];
  runs: RunRow[];
  initiatives: InitiativeRow[];
  /** The resolved scenario (name, description, question, horizon, strategy, compare, sweep …), as far as known. */
  scenario: Record<string, unknown>;
  /** Weeks simulated. */
  horizon: number;
}

/**
 * The resolved scenario from a manifest: `scenario.resolved` as the run pipeline writes it
 * (with `scenario.name` and `scenario.hash` beside it), or `scenario` itself when it is flat.
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

/** The first outcome column of each CSV: the varied parameters sit between `label` and it. */
const FIRST_OUTCOME = { runs: 'initiatives', initiatives: 'initiative', series: 'week' } as const;

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
    records = parse(text, { relax_column_count: false, skip_empty_lines: true }) as string[][];
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

/** The varied parameters: from the manifest's plan when it names them, else from the header. */
export function variedColumns(header: readonly string[], manifest: Manifest, firstOutcome: string): string[] {
  const plan = manifest.plan as Record<string, unknown> | undefined;
  const named = (plan?.varied ?? manifest.varied) as unknown;
  if (Array.isArray(named) && named.every((c) => typeof c === 'string' && header.includes(c))) return named as string[];
  const start = header.indexOf('label');
  const end = header.indexOf(firstOutcome);
  return start >= 0 && end > start ? header.slice(start + 1, end) : [];
}

/** Reads manifest.json, runs.csv and initiatives.csv of a results folder. */
export function loadResults(dir: string): Results {
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
  const runsPath = join(dir, 'runs.csv');
  const initiativesPath = join(dir, 'initiatives.csv');
  const runsCsv = readCsv(runsPath, ['point', 'replicate', 'seed', 'label', 'initiatives', 'reached', 'formalised']);
  const initCsv = readCsv(initiativesPath, ['point', 'replicate', 'initiative', 'reached_week']);
  const varied = variedColumns(runsCsv.header, manifest, FIRST_OUTCOME.runs);

  const points = new Map<number, PointInfo>();
  const runs: RunRow[] = runsCsv.rows.map((r) => {
    const point = int(r.point, runsPath, 'point');
    if (!points.has(point)) points.set(point, { index: point, label: r.label, values: Object.fromEntries(varied.map((v) => [v, r[v]])) });
    return {
      point,
      replicate: int(r.replicate, runsPath, 'replicate'),
      seed: r.seed,
      initiatives: int(r.initiatives, runsPath, 'initiatives'),
      reached: int(r.reached, runsPath, 'reached'),
      formalised: int(r.formalised, runsPath, 'formalised'),
      trustGovFinal: cell(r.trust_gov_final),
      cohesionFinal: cell(r.cohesion_final),
      driveFinal: cell(r.drive_final),
    };
  });
  if (runs.length === 0) throw new ResultsError(`${runsPath}: no runs recorded`);
  const initiatives: InitiativeRow[] = initCsv.rows.map((r) => ({
    point: int(r.point, initiativesPath, 'point'),
    replicate: int(r.replicate, initiativesPath, 'replicate'),
    initiative: int(r.initiative, initiativesPath, 'initiative'),
    threshold: cell(r.threshold),
    reachedWeek: cell(r.reached_week),
    formalisedWeek: cell(r.formalised_week),
  }));

  const scenario = scenarioOf(manifest);
  const declared = cell(String(scenario.horizon ?? manifest.horizon ?? ''));
  let horizon = declared ?? 0;
  if (declared === null) {
    for (const i of initiatives) horizon = Math.max(horizon, i.reachedWeek ?? 0, i.formalisedWeek ?? 0);
  }
  if (!(horizon > 0)) throw new ResultsError(`${manifestPath}: no horizon found (scenario.horizon), and no initiative reached the threshold`);
  return { dir, manifest, scenario, varied, points: [...points.values()].sort((a, b) => a.index - b.index), runs, initiatives, horizon };
}

/** True when every value of the column is a number (a numeric varied parameter). */
export function isNumericParameter(points: readonly PointInfo[], name: string): boolean {
  return points.every((p) => cell(p.values[name]) !== null);
}
