import { mean } from 'simple-statistics';
import { PARAMETERS } from '../model/parameters.js';
import { runViews } from './contrasts.js';
import { coherentShare, OUTCOMES, unitRange } from './outcomes.js';
import { reachCurve, type ReachCurve } from './reachCurve.js';
import { cell, rowsOf, type PointInfo, type ResultSet } from './results.js';
import { tInterval, within, type MeanInterval } from './tInterval.js';
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
  /**
   * The restricted mean reach week: per run, the mean of its initiatives' reach weeks with never
   * counting as the horizon (OUTCOMES.mean_reach_week), then the mean over runs with a t interval
   * over runs, cut to 0 … horizon. The report's one statistic for "how soon"; paired differences
   * of the same per-run value are the effects between points.
   */
  meanReachWeek: MeanInterval;
  /** Share of initiatives formalised by the horizon. */
  formalisedShare: number;
  /** Coherent success: share of initiatives formalised with alignment at least `alignedAt` (mean over runs). */
  coherentShare: number;
  /** The alignment at or above which a formalised initiative counts as a coherent success at this point. */
  alignedAt: number;
  /** Mean over runs of the final trust in government and cohesion (null when not recorded). */
  trustGovFinal: number | null;
  cohesionFinal: number | null;
  driveFinal: number | null;
  /** Mean over runs of the members' dissimilarity across background groups at the horizon (who is at the table; null when not recorded). */
  participationDissimilarity: number | null;
  /** Distinct support thresholds of its initiatives. */
  thresholds: number[];
  /** What came after formalising (mechanism realisation), pooled over the point's initiatives. */
  afterFormalising: AfterFormalising;
}

/** Pooled counts after formalising: initiatives formalised, delivered and failed, weeks to delivery, members and drop-outs. */
export interface AfterFormalising {
  formalised: number;
  delivered: number;
  failed: number;
  /** Mean weeks from formalisation to delivery over the delivered initiatives; null when none delivered. */
  weeksToDelivery: number | null;
  membersAtFormalisation: number;
  droppedOut: number;
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
  const scenarioAlignedAt = alignedAtOf(results.scenario);
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
    const alignedAt = cell(point.values['initiative.alignedAt']) ?? compareAlignedAt(results.scenario, point.values.strategy) ?? scenarioAlignedAt;
    const views = runViews(results, point.index).map((r) => r.view);
    const coherent = coherentShare(alignedAt);
    const perRun = (f: (v: (typeof views)[number]) => number | null) => views.map(f).filter((x): x is number => x !== null && Number.isFinite(x));
    return {
      point,
      runs: runs.length,
      initiatives: n,
      reached,
      reach: n > 0 ? wilsonInterval(reached, n) : { estimate: NaN, lo: NaN, hi: NaN },
      curve,
      meanReachWeek: within(tInterval(perRun(OUTCOMES.mean_reach_week.of)), unitRange(OUTCOMES.mean_reach_week.unit, results.horizon)),
      formalisedShare: n > 0 ? formalised / n : NaN,
      coherentShare: views.length > 0 ? mean(perRun(coherent.of)) : NaN,
      alignedAt,
      trustGovFinal: meanOrNull(finite(run.trustGovFinal, runs)),
      cohesionFinal: meanOrNull(finite(run.cohesionFinal, runs)),
      driveFinal: meanOrNull(finite(run.driveFinal, runs)),
      participationDissimilarity: meanOrNull(finite(run.participationDissimilarityFinal, runs)),
      thresholds,
      afterFormalising: afterFormalising(results, inits),
    };
  });
}

/** The pooled realisation of some initiatives (rows of the initiatives table). */
function afterFormalising(results: ResultSet, rows: readonly number[]): AfterFormalising {
  const ini = results.initiatives.columns;
  const out: AfterFormalising = { formalised: 0, delivered: 0, failed: 0, weeksToDelivery: null, membersAtFormalisation: 0, droppedOut: 0 };
  let weeks = 0;
  for (const i of rows) {
    if (ini.formalisedWeek[i] > 0) out.formalised++;
    if (ini.deliveredWeek[i] > 0) {
      out.delivered++;
      weeks += ini.deliveredWeek[i] - ini.formalisedWeek[i];
    }
    if (ini.failedWeek[i] > 0) out.failed++;
    out.membersAtFormalisation += ini.membersAtFormalisation[i];
    out.droppedOut += ini.droppedOut[i];
  }
  if (out.delivered > 0) out.weeksToDelivery = weeks / out.delivered;
  return out;
}

/** The alignment at which a formalised initiative counts as coherent, from a resolved scenario (the registry's default when absent). */
function alignedAtOf(scenario: Record<string, unknown>): number {
  const v = (scenario.initiative as { alignedAt?: unknown } | undefined)?.alignedAt;
  return typeof v === 'number' ? v : PARAMETERS.initiative.alignedAt.default;
}

/** A compared strategy's own alignedAt, when its entry sets one. */
function compareAlignedAt(scenario: Record<string, unknown>, strategy: string | undefined): number | undefined {
  if (strategy === undefined || !Array.isArray(scenario.compare)) return undefined;
  const entry = (scenario.compare as Record<string, unknown>[]).find((e) => (e.name ?? e.preset) === strategy);
  const v = (entry?.initiative as { alignedAt?: unknown } | undefined)?.alignedAt;
  return typeof v === 'number' ? v : undefined;
}

