import { medianTime } from './kaplanMeier.js';
import { happenedBy, isCoherent } from './outcomes.js';
import { reachSteps } from './reachCurve.js';

/**
 * The pooled outcomes (reached_by_<week>, rmst, median_reach, coherent_success, trust_final): over
 * the initiatives of a group of runs, on the same predicates as the per-run outcomes (outcomes.ts).
 * Exploration analyses these per design point, and per run for its run-to-run noise.
 */

/**
 * A pooled outcome, for any grouping of runs — one run (run-to-run noise), or all replications of a
 * design point pooled (what exploration analyses) — as a scenario's `explore.outcomes` names it.
 */
export interface OutcomeDefinition {
  /** As written in a scenario and in indices.csv, e.g. "reached_by_104". */
  name: string;
  /** In words, for charts and the report. */
  title: string;
  /** Unit of its values. */
  unit: string;
  /** Whether larger values are better for the programme (the report's wording). */
  higherIsBetter: boolean;
}

/** The pooled outcome names, besides reached_by_<week>. */
export const OUTCOME_NAMES = ['rmst', 'median_reach', 'coherent_success', 'trust_final'] as const;

/** What an outcome name must look like (for messages). */
export const OUTCOME_EXPECTED = `reached_by_<week> (a week from 1 to the horizon), ${OUTCOME_NAMES.join(', ')}`;

/** The default outcomes for a horizon. */
export function defaultOutcomes(horizon: number): string[] {
  return [`reached_by_${horizon}`, 'rmst', 'median_reach', 'coherent_success', 'trust_final'];
}

/** The definition of an outcome name, or null when the name is unknown (or its week lies outside 1 … horizon). */
export function outcomeDefinition(name: string, horizon: number): OutcomeDefinition | null {
  const by = /^reached_by_(\d+)$/.exec(name);
  if (by) {
    const week = Number(by[1]);
    if (week < 1 || week > horizon) return null;
    return { name, title: `Reached the threshold by week ${week}`, unit: 'share of initiatives', higherIsBetter: true };
  }
  switch (name) {
    case 'rmst':
      return { name, title: `Restricted mean weeks to the threshold (up to week ${horizon})`, unit: 'weeks', higherIsBetter: false };
    case 'median_reach':
      return { name, title: 'Median reach week (the horizon when fewer than half reached it)', unit: 'weeks', higherIsBetter: false };
    case 'coherent_success':
      return { name, title: 'Coherent success: formalised and aligned', unit: 'share of initiatives', higherIsBetter: true };
    case 'trust_final':
      return { name, title: 'Final trust in government', unit: '0–1', higherIsBetter: true };
    default:
      return null;
  }
}

/** Per-initiative and per-run columns the outcomes are computed from. */
export interface OutcomeData {
  horizon: number;
  /** Number of runs; runs are numbered 0 … runs − 1. */
  runs: number;
  /** Per initiative: the run it belongs to. */
  runOf: Uint32Array;
  /** Per initiative: the week it reached the threshold; NaN when it never did (censored at the horizon). */
  reachedWeek: Float64Array;
  /** Per initiative: the week it formalised; NaN when it never did. */
  formalisedWeek: Float64Array;
  /** Per initiative: its alignment with the programme goals at the end. */
  alignment: Float64Array;
  /** Per run: the alignment at or above which a formalised initiative is a coherent success. */
  alignedAt: Float64Array;
  /** Per run: mean final trust in government (NaN when not recorded). */
  trustFinal: Float64Array;
}

/** An outcome per group of runs, and which groups' values are censored (median not reached: set to the horizon). */
export interface GroupedOutcome {
  values: Float64Array;
  censored: Uint8Array;
}

/**
 * One outcome for each group of runs (group[r] is run r's group, 0 … groups − 1), pooling the
 * initiatives of a group's runs: shares over its initiatives, the Kaplan–Meier curve of its
 * initiatives for the RMST (the area under the curve up to the horizon) and the median, the mean
 * over its runs for final trust.
 */
export function outcomeByGroup(name: string, data: OutcomeData, group: Uint32Array, groups: number): GroupedOutcome {
  const def = outcomeDefinition(name, data.horizon);
  if (!def) throw new RangeError(`unknown outcome ${name}; expected ${OUTCOME_EXPECTED}`);
  const values = new Float64Array(groups);
  const censored = new Uint8Array(groups);
  if (name === 'trust_final') {
    const count = new Float64Array(groups);
    for (let r = 0; r < data.runs; r++) {
      if (Number.isNaN(data.trustFinal[r])) continue;
      values[group[r]] += data.trustFinal[r];
      count[group[r]]++;
    }
    for (let g = 0; g < groups; g++) values[g] = count[g] > 0 ? values[g] / count[g] : NaN;
    return { values, censored };
  }
  // The initiatives of each group, by a counting sort on their run's group.
  const n = data.runOf.length;
  const start = new Uint32Array(groups + 1);
  for (let i = 0; i < n; i++) start[group[data.runOf[i]] + 1]++;
  for (let g = 0; g < groups; g++) start[g + 1] += start[g];
  const order = new Uint32Array(n);
  const fill = start.slice(0, groups);
  for (let i = 0; i < n; i++) order[fill[group[data.runOf[i]]]++] = i;

  const by = /^reached_by_(\d+)$/.exec(name);
  const week = by ? Number(by[1]) : 0;
  for (let g = 0; g < groups; g++) {
    const members = order.subarray(start[g], start[g + 1]);
    const m = members.length;
    if (m === 0) {
      values[g] = NaN;
      continue;
    }
    if (by || name === 'coherent_success') {
      let hits = 0;
      for (const i of members) {
        if (by) hits += happenedBy(data.reachedWeek[i], week, data.horizon) ? 1 : 0;
        else hits += isCoherent(data.formalisedWeek[i], data.alignment[i], data.alignedAt[data.runOf[i]], data.horizon) ? 1 : 0;
      }
      values[g] = hits / m;
      continue;
    }
    const steps = reachSteps(Float64Array.from(members, (i) => data.reachedWeek[i]), data.horizon, 'plain').steps;
    if (name === 'rmst') {
      values[g] = restrictedMean(steps, data.horizon);
    } else {
      const median = medianTime(steps).median;
      values[g] = median ?? data.horizon;
      censored[g] = median === null ? 1 : 0;
    }
  }
  return { values, censored };
}

/** The area under a Kaplan–Meier curve from week 0 to the horizon: the restricted mean time to the event (Royston & Parmar 2013). */
export function restrictedMean(steps: readonly { time: number; survival: number }[], horizon: number): number {
  let area = 0;
  let t = 0;
  let s = 1;
  for (const step of steps) {
    if (step.time >= horizon) break;
    area += s * (step.time - t);
    t = step.time;
    s = step.survival;
  }
  return area + s * (horizon - t);
}
