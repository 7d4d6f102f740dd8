import { rowsByPoint } from './byPoint.js';
import type { Results } from './results.js';
import { pairedDifference, type MeanInterval } from './tInterval.js';

/** The per-replicate outcomes that paired contrasts compare. */
export interface ReplicateOutcomes {
  replicate: number;
  /** Share of the run's initiatives that reached the threshold by the horizon. */
  reachShare: number;
  /** Mean reach week, an initiative that never reached it counting as the horizon (restricted mean). */
  meanReachWeek: number;
  /** Final mean trust in government (null when not recorded). */
  trustGovFinal: number | null;
}

export const CONTRAST_OUTCOMES = ['reachShare', 'meanReachWeek', 'trustGovFinal'] as const;
export type ContrastOutcome = (typeof CONTRAST_OUTCOMES)[number];

/**
 * The runs of one point in replicate order, each with its initiatives' reach weeks (Infinity for
 * one that never reached the threshold by the horizon): what every per-replicate outcome starts from.
 */
export function reachWeeksByReplicate(results: Results, point: number): { run: Results['runs'][number]; weeks: number[] }[] {
  const grouped = rowsByPoint(results);
  const byRep = new Map<number, number[]>();
  for (const i of grouped.initiatives.get(point) ?? []) {
    const hit = i.reachedWeek !== null && i.reachedWeek > 0 && i.reachedWeek <= results.horizon;
    const list = byRep.get(i.replicate) ?? [];
    list.push(hit ? (i.reachedWeek as number) : Infinity);
    byRep.set(i.replicate, list);
  }
  return (grouped.runs.get(point) ?? [])
    .filter((r) => byRep.has(r.replicate))
    .sort((a, b) => a.replicate - b.replicate)
    .map((run) => ({ run, weeks: byRep.get(run.replicate)! }));
}

/** The outcomes of each replicate of one point, in replicate order. */
export function replicateOutcomes(results: Results, point: number): ReplicateOutcomes[] {
  return reachWeeksByReplicate(results, point).map(({ run, weeks }) => {
    let reached = 0;
    let weekSum = 0;
    for (const w of weeks) {
      if (w !== Infinity) reached++;
      weekSum += Math.min(w, results.horizon);
    }
    return { replicate: run.replicate, reachShare: reached / weeks.length, meanReachWeek: weekSum / weeks.length, trustGovFinal: run.trustGovFinal };
  });
}

/** A paired contrast between two points: point minus reference, per outcome. */
export interface PairedContrast {
  point: number;
  reference: number;
  /** Replicates present under both points. */
  pairs: number;
  differences: Record<ContrastOutcome, MeanInterval | null>;
}

/**
 * Paired contrast of `point` against `reference`: for each replicate run under both (same replicate
 * index ⇒ same seed under common random numbers ⇒ the same simulated neighbourhoods and people),
 * the difference point − reference in each outcome, averaged, with a 95 % t-interval. Without
 * common random numbers the pairs are independent and the interval is still valid, only wider.
 */
export function pairedContrast(results: Results, point: number, reference: number, referenceOutcomes = replicateOutcomes(results, reference)): PairedContrast {
  const a = new Map(replicateOutcomes(results, point).map((o) => [o.replicate, o]));
  const b = referenceOutcomes.filter((o) => a.has(o.replicate));
  const differences = {} as Record<ContrastOutcome, MeanInterval | null>;
  for (const outcome of CONTRAST_OUTCOMES) {
    const pairs = b.filter((o) => o[outcome] !== null && a.get(o.replicate)![outcome] !== null);
    differences[outcome] = pairs.length > 0
      ? pairedDifference(pairs.map((o) => a.get(o.replicate)![outcome] as number), pairs.map((o) => o[outcome] as number))
      : null;
  }
  return { point, reference, pairs: b.length, differences };
}

/** Every other point against the reference (the first point by default). */
export function pairedContrasts(results: Results, reference = results.points[0]?.index ?? 0): PairedContrast[] {
  const outcomes = replicateOutcomes(results, reference);
  return results.points.filter((p) => p.index !== reference).map((p) => pairedContrast(results, p.index, reference, outcomes));
}
