import type { InitiativeRow, Results, RunRow } from './results.js';

/** The runs and initiatives of each point, in file order. */
export interface RowsByPoint {
  runs: Map<number, RunRow[]>;
  initiatives: Map<number, InitiativeRow[]>;
}

const cache = new WeakMap<Results, RowsByPoint>();

function group<T extends { point: number }>(rows: readonly T[]): Map<number, T[]> {
  const out = new Map<number, T[]>();
  for (const row of rows) {
    const list = out.get(row.point);
    if (list) list.push(row);
    else out.set(row.point, [row]);
  }
  return out;
}

/**
 * The rows of a results folder grouped by point, built once per `Results` and kept beside it: what
 * every per-point summary and contrast reads, so a report takes time linear in runs and points
 * rather than going over every row once per point.
 */
export function rowsByPoint(results: Results): RowsByPoint {
  let grouped = cache.get(results);
  if (!grouped) cache.set(results, (grouped = { runs: group(results.runs), initiatives: group(results.initiatives) }));
  return grouped;
}
