import { mean } from 'simple-statistics';
import { reachCurve, type ReachCurve } from './reachCurve.js';
import { rowsOf, type PointInfo, type ResultSet } from './results.js';
import { wilsonInterval, type Proportion } from './wilson.js';

/** What one design point comes to, over all its runs and initiatives. */
export interface PointSummary {
  point: PointInfo;
  runs: number;
  initiatives: number;
  reached: number;
  /** Probability that an initiative reaches the threshold by the horizon, with its Wilson interval. */
  reach: Proportion;
  /** The Kaplan–Meier reach curve, with the median reach week and its interval. */
  curve: ReachCurve;
  /** Share of initiatives formalised by the horizon. */
  formalisedShare: number;
  /** Mean over runs of the final trust in government and cohesion (null when not recorded). */
  trustGovFinal: number | null;
  cohesionFinal: number | null;
  driveFinal: number | null;
  /** Distinct support thresholds of its initiatives. */
  thresholds: number[];
}

function meanOrNull(xs: (number | null)[]): number | null {
  const v = xs.filter((x): x is number => x !== null);
  return v.length > 0 ? mean(v) : null;
}

/**
 * Summaries per point. Intervals treat the point's initiatives as independent draws; initiatives of
 * one run share officials and a strategy, so these intervals are, if anything, a little too narrow.
 * The paired contrasts (see contrasts.ts) work per replicate and carry no such assumption.
 */
export function summarisePoints(results: ResultSet): PointSummary[] {
  const run = results.runs.columns;
  const ini = results.initiatives.columns;
  const finite = (column: Float64Array, rows: number[]) => rows.map((r) => (Number.isFinite(column[r]) ? column[r] : null));
  return results.points.map((point) => {
    const runs = rowsOf(results.runs, point.index);
    const inits = rowsOf(results.initiatives, point.index);
    const curve = reachCurve(inits.map((i) => ini.reachedWeek[i] || null), results.horizon);
    const n = inits.length;
    const reached = curve.reached;
    const formalised = inits.filter((i) => ini.formalisedWeek[i] > 0).length;
    const thresholds = [...new Set(finite(ini.threshold, inits).filter((t): t is number => t !== null))].sort((a, b) => a - b);
    return {
      point,
      runs: runs.length,
      initiatives: n,
      reached,
      reach: n > 0 ? wilsonInterval(reached, n) : { estimate: NaN, lo: NaN, hi: NaN },
      curve,
      formalisedShare: n > 0 ? formalised / n : NaN,
      trustGovFinal: meanOrNull(finite(run.trustGovFinal, runs)),
      cohesionFinal: meanOrNull(finite(run.cohesionFinal, runs)),
      driveFinal: meanOrNull(finite(run.driveFinal, runs)),
      thresholds,
    };
  });
}
