import {
  SERIES_METRICS, INITIATIVE_METRICS, INITIATIVE_WEEK_METRICS, initiativeKey, weekIndex, type InitiativeColumns, type RunMetric,
} from './metrics.js';

/**
 * What one run hands back: typed arrays only, so a worker can transfer them without copying.
 * The result set (src/run/resultSet.ts) takes them in; runs.csv, initiatives.csv and series.csv
 * are written from there. Which metrics and in what order: the registry, src/model/metrics.ts.
 */

export { SERIES_METRICS };
export type SeriesMetric = string;

/** Names of the per-initiative weekly metrics (series.csv rows with an initiative). */
export const INITIATIVE_SERIES_METRICS = INITIATIVE_WEEK_METRICS.map((m) => m.column);

/** Per initiative, one typed column per initiative metric of the registry (by its key). */
export type InitiativeOutcomes = InitiativeColumns;

export interface RunOutput {
  horizon: number;
  /** The weeks at which series were recorded: 0 (the initial state), every sampleEvery weeks, and the horizon. */
  weeks: Int32Array;
  /** World series, metric-major: value of SERIES_METRICS[m] at weeks[s] is series[m * weeks.length + s]. */
  series: Float64Array;
  /** Initiative series: [initiative][metric][sample] flattened. */
  initiativeSeries: Float64Array;
  initiatives: InitiativeOutcomes;
  /** Per entry of the run's intervention timeline, the week (1..horizon) it first applied; 0 when it never did. */
  interventionWeeks: Int32Array;
}

/** The typed arrays of an output, for `postMessage(output, transferList(output))`. */
export function transferList(out: RunOutput): ArrayBuffer[] {
  const columns = INITIATIVE_METRICS.map((m) => out.initiatives[m.key]);
  return [out.weeks, out.series, out.initiativeSeries, ...columns, out.interventionWeeks].map((a) => a.buffer as ArrayBuffer);
}

/** The value of a run metric of the registry, reduced from a run's output. */
export function runValue(out: RunOutput, m: RunMetric): number {
  if (m.reduce === 'last') {
    const samples = out.weeks.length;
    return out.series[(weekIndex(m.from) + 1) * samples - 1];
  }
  const column = out.initiatives[initiativeKey(m.from)];
  if (m.reduce === 'count') return column.length;
  if (m.reduce === 'mean') {
    let sum = 0;
    let k = 0;
    for (let b = 0; b < column.length; b++) {
      if (Number.isFinite(column[b])) {
        sum += column[b];
        k++;
      }
    }
    return k > 0 ? sum / k : NaN;
  }
  let n = 0;
  if (m.reduce === 'sum') {
    for (let b = 0; b < column.length; b++) n += column[b];
    return n;
  }
  let least = 0;
  for (let b = 0; b < column.length; b++) {
    const v = column[b];
    if (v > 0) {
      n++;
      if (least === 0 || v < least) least = v;
    }
  }
  return m.reduce === 'countPositive' ? n : least;
}
