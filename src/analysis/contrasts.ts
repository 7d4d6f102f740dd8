import { OUTCOMES, unitRange, type RunView } from './outcomes.js';
import { rowsOf, type ResultSet } from './results.js';
import { differenceRange, pairedDifference, within, type MeanInterval } from './tInterval.js';

/** The per-replicate outcomes that paired contrasts compare (src/analysis/outcomes.ts). */
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

/** The outcome each contrast outcome reads (src/analysis/outcomes.ts): its value per run, and its unit, which bounds a difference. */
const SOURCE = { reachShare: OUTCOMES.reach_share, meanReachWeek: OUTCOMES.mean_reach_week, trustGovFinal: OUTCOMES.trust_gov_final } as const;

/** The runs of one point that have initiatives, in replicate order, each as outcomes see it. */
export function runViews(results: ResultSet, point: number): { replicate: number; view: RunView }[] {
  const ini = results.initiatives;
  const byRep = new Map<number, number[]>();
  for (const i of rowsOf(ini, point)) {
    const list = byRep.get(ini.replicate[i]) ?? [];
    list.push(i);
    byRep.set(ini.replicate[i], list);
  }
  const runs = results.runs;
  const final = (column: Float64Array, r: number) => (Number.isFinite(column[r]) ? column[r] : null);
  return rowsOf(runs, point)
    .filter((r) => byRep.has(runs.replicate[r]))
    .sort((a, b) => runs.replicate[a] - runs.replicate[b])
    .map((r) => {
      const rows = byRep.get(runs.replicate[r])!;
      const pick = <T extends Int32Array | Float64Array>(column: T) => rows.map((i) => column[i]);
      return {
        replicate: runs.replicate[r],
        view: {
          horizon: results.horizon,
          reachedWeek: pick(ini.columns.reachedWeek),
          formalisedWeek: pick(ini.columns.formalisedWeek),
          alignmentFinal: pick(ini.columns.alignmentFinal),
          blocked: pick(ini.columns.blocked),
          trustGovFinal: final(runs.columns.trustGovFinal, r),
          cohesionFinal: final(runs.columns.cohesionFinal, r),
          driveFinal: final(runs.columns.driveFinal, r),
          leastGroupShareFinal: final(runs.columns.leastGroupShareFinal, r),
          participationDissimilarityFinal: final(runs.columns.participationDissimilarityFinal, r),
          realisation: {
            deliveredWeek: pick(ini.columns.deliveredWeek),
            failedWeek: pick(ini.columns.failedWeek),
            membersAtFormalisation: pick(ini.columns.membersAtFormalisation),
            droppedOut: pick(ini.columns.droppedOut),
          },
        },
      };
    });
}

/** The outcomes of each replicate of one point, in replicate order. */
export function replicateOutcomes(results: ResultSet, point: number): ReplicateOutcomes[] {
  return runViews(results, point).map(({ replicate, view }) => ({
    replicate,
    reachShare: SOURCE.reachShare.of(view),
    meanReachWeek: SOURCE.meanReachWeek.of(view),
    trustGovFinal: SOURCE.trustGovFinal.of(view),
  }));
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
 * the difference point − reference in each outcome, averaged, with a 95 % t-interval cut to what a
 * difference can be (two shares: −1 … +1; two weeks: −horizon … +horizon). Without common random
 * numbers the pairs are independent and the interval is still valid, only wider.
 */
export function pairedContrast(results: ResultSet, point: number, reference: number, referenceOutcomes = replicateOutcomes(results, reference)): PairedContrast {
  const a = new Map(replicateOutcomes(results, point).map((o) => [o.replicate, o]));
  const b = referenceOutcomes.filter((o) => a.has(o.replicate));
  const differences = {} as Record<ContrastOutcome, MeanInterval | null>;
  for (const outcome of CONTRAST_OUTCOMES) {
    const pairs = b.filter((o) => o[outcome] !== null && a.get(o.replicate)![outcome] !== null);
    differences[outcome] = pairs.length > 0
      ? within(
        pairedDifference(pairs.map((o) => a.get(o.replicate)![outcome] as number), pairs.map((o) => o[outcome] as number)),
        differenceRange(unitRange(SOURCE[outcome].unit, results.horizon)),
      )
      : null;
  }
  return { point, reference, pairs: b.length, differences };
}

/** Every other point against the reference (the first point by default). */
export function pairedContrasts(results: ResultSet, reference = results.points[0]?.index ?? 0): PairedContrast[] {
  const outcomes = replicateOutcomes(results, reference);
  return results.points.filter((p) => p.index !== reference).map((p) => pairedContrast(results, p.index, reference, outcomes));
}
