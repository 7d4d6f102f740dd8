import { kaplanMeier, medianTime } from '../analysis/kaplanMeier.js';
import { pairedDifference, tInterval, type MeanInterval } from '../analysis/tInterval.js';
import type { RunPlan } from '../scenario/types.js';
import type { RunRecord } from './collect.js';

/** A week that never came counts as the horizon (restricted mean: a lower bound on the true mean). */
const at = (week: number, horizon: number) => (week > 0 ? week : horizon);

/** Share of the run's initiatives that reached the threshold by the horizon. */
export const reachShare = (r: RunRecord) => count(r.reached, (w) => w > 0) / r.reached.length;

/** Mean week in which the run's initiatives reached the threshold, censored at the horizon. */
export const meanReachWeek = (r: RunRecord) => mean(Array.from(r.reached, (w) => at(w, r.horizon)));

/** Mean week of formalisation, censored at the horizon. */
export const meanFormalisedWeek = (r: RunRecord) => mean(Array.from(r.formalised, (w) => at(w, r.horizon)));

/** Share of the run's initiatives that formalised by the horizon. */
export const formalisedShare = (r: RunRecord) => count(r.formalised, (w) => w > 0) / r.formalised.length;

/**
 * Mean reach week of the later half of the run's initiatives (those ranked after the median in
 * reach week, censored at the horizon): the initiatives that can profit from earlier successes.
 */
export function laterHalfReachWeek(r: RunRecord): number {
  const weeks = Array.from(r.reached, (w) => at(w, r.horizon)).sort((a, b) => a - b);
  return mean(weeks.slice(Math.floor(weeks.length / 2)));
}

/** Share of initiatives that formalised with alignment at least `alignedAt`: coherent success. */
export function coherentShare(r: RunRecord, alignedAt: number): number {
  let n = 0;
  for (let b = 0; b < r.formalised.length; b++) if (r.formalised[b] > 0 && r.alignment[b] >= alignedAt) n++;
  return n / r.formalised.length;
}

/** Mean trust in government at the horizon minus at week 0. */
export const trustChange = (r: RunRecord) => r.trust[r.trust.length - 1] - r.trust[0];

/** Mean trust in government in a recorded week. */
export function trustAt(r: RunRecord, week: number): number {
  const s = r.weeks.indexOf(week);
  if (s < 0) throw new Error(`week ${week} was not recorded`);
  return r.trust[s];
}

/**
 * Weeks after `week` until trust is back at least at its level just before it (week − 1); the rest
 * of the horizon when it never is (censored: a lower bound).
 */
export function recoveryWeeks(r: RunRecord, week: number): number {
  const before = trustAt(r, week - 1);
  for (let s = 0; s < r.weeks.length; s++) {
    if (r.weeks[s] >= week && r.trust[s] >= before) return r.weeks[s] - week + 1;
  }
  return r.horizon - week + 1;
}

/** Median week to the threshold over all initiatives of the runs (Kaplan–Meier; null when not reached by half). */
export function medianReachWeek(runs: readonly RunRecord[]): number | null {
  const times: number[] = [];
  const events: boolean[] = [];
  for (const r of runs) {
    for (const w of r.reached) {
      times.push(at(w, r.horizon));
      events.push(w > 0);
    }
  }
  return medianTime(kaplanMeier(times, events)).median;
}

/** Share of all initiatives of the runs past `which` (reached or formalised) by each week. */
export function shareByWeek(runs: readonly RunRecord[], which: 'reached' | 'formalised', every = 4): { week: number; share: number }[] {
  const horizon = runs[0]?.horizon ?? 0;
  const n = runs.reduce((s, r) => s + r[which].length, 0);
  const out: { week: number; share: number }[] = [];
  for (let week = 0; week <= horizon; week += every) {
    let k = 0;
    for (const r of runs) for (const w of r[which]) if (w > 0 && w <= week) k++;
    out.push({ week, share: k / n });
  }
  return out;
}

/** Mean trust in government by recorded week over the runs. */
export function meanTrustByWeek(runs: readonly RunRecord[], every = 1): { week: number; trust: number }[] {
  const first = runs[0];
  if (!first) return [];
  const out: { week: number; trust: number }[] = [];
  for (let s = 0; s < first.weeks.length; s++) {
    if (first.weeks[s] % every !== 0 && s !== first.weeks.length - 1) continue;
    out.push({ week: first.weeks[s], trust: mean(runs.map((r) => r.trust[s])) });
  }
  return out;
}

/** The index of the plan's point whose values include all of `values`. */
export function pointIndex(plan: RunPlan, values: Record<string, number | string | boolean>): number {
  const i = plan.points.findIndex((p) => Object.entries(values).every(([k, v]) => p.values[k] === v));
  if (i < 0) throw new Error(`${plan.scenario.name}: no point with ${JSON.stringify(values)}`);
  return i;
}

/** The paired difference f(a) − f(b) over replicates (common random numbers: replicate r meets the same people). */
export function paired(a: readonly RunRecord[], b: readonly RunRecord[], f: (r: RunRecord) => number): MeanInterval {
  return pairedDifference(a.map(f), b.map(f));
}

/** A one-sample mean with its t-interval. */
export function oneSample(runs: readonly RunRecord[], f: (r: RunRecord) => number): MeanInterval {
  return tInterval(runs.map(f));
}

export function mean(xs: readonly number[]): number {
  let s = 0;
  for (const x of xs) s += x;
  return xs.length ? s / xs.length : NaN;
}

function count(xs: ArrayLike<number>, pred: (x: number) => boolean): number {
  let k = 0;
  for (let i = 0; i < xs.length; i++) if (pred(xs[i])) k++;
  return k;
}
