import { createReadStream, existsSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse';
import { quantileSorted } from 'simple-statistics';
import { cell, ResultsError } from './results.js';
import { tInterval } from './tInterval.js';

/** A value over time for one point: a centre line with a band. */
export interface BandRow {
  point: number;
  metric: string;
  week: number;
  centre: number;
  lo: number;
  hi: number;
  /** Values behind it (runs for world metrics, initiatives × runs for support). */
  n: number;
}

export interface SeriesSummary {
  /** World metrics: mean over replicates with its 95 % t-interval. */
  world: BandRow[];
  /** Initiatives' support share: median over initiatives and replicates, with the middle half (25–75 %) as band. */
  support: BandRow[];
  /** The last week recorded. */
  lastWeek: number;
}

/**
 * Streams series.csv (it can be large) and reduces it per point and week. Returns null when the
 * folder has no series.csv.
 */
export async function summariseSeries(dir: string, worldMetrics: readonly string[]): Promise<SeriesSummary | null> {
  const path = join(dir, 'series.csv');
  if (!existsSync(path)) return null;
  const wanted = new Set(worldMetrics);
  const world = new Map<string, number[]>();
  const support = new Map<string, number[]>();
  let lastWeek = 0;
  const parser = createReadStream(path).pipe(parse({ columns: true, skip_empty_lines: true }));
  let checked = false;
  try {
    for await (const row of parser as AsyncIterable<Record<string, string>>) {
      if (!checked) {
        for (const c of ['point', 'week', 'metric', 'value']) if (!(c in row)) throw new ResultsError(`${path}: missing column ${c}`);
        checked = true;
      }
      const week = cell(row.week);
      const value = cell(row.value);
      if (week === null || value === null) continue;
      if (week > lastWeek) lastWeek = week;
      const initiative = row.initiative ?? '';
      let into: Map<string, number[]> | undefined;
      if (row.metric === 'support_share' && initiative !== '') into = support;
      else if (initiative === '' && wanted.has(row.metric)) into = world;
      if (!into) continue;
      const key = `${row.point}|${row.metric}|${week}`;
      let list = into.get(key);
      if (!list) into.set(key, (list = []));
      list.push(value);
    }
  } catch (err) {
    if (err instanceof ResultsError) throw err;
    throw new ResultsError(`${path}: not a valid CSV file (${(err as Error).message})`);
  }
  const rows = (m: Map<string, number[]>, reduce: (v: number[]) => [number, number, number]): BandRow[] =>
    [...m.entries()]
      .map(([key, values]) => {
        const [point, metric, week] = key.split('|');
        const [centre, lo, hi] = reduce(values);
        return { point: Number(point), metric, week: Number(week), centre, lo, hi, n: values.length };
      })
      .sort((a, b) => a.point - b.point || a.metric.localeCompare(b.metric) || a.week - b.week);
  return {
    world: rows(world, (v) => {
      const t = tInterval(v);
      return [t.mean, t.lo ?? t.mean, t.hi ?? t.mean];
    }),
    support: rows(support, (v) => {
      const s = Float64Array.from(v).sort();
      const q = Array.from(s);
      return [quantileSorted(q, 0.5), quantileSorted(q, 0.25), quantileSorted(q, 0.75)];
    }),
    lastWeek,
  };
}
