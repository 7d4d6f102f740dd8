import { kaplanMeier, medianTime } from '../analysis/kaplanMeier.js';
import {
  censoredWeek, coherentShare as coherent, mean, OUTCOMES, recoveryWeeks as recovery, type Outcome, type RunView,
} from '../analysis/outcomes.js';
import { pairedDifference, tInterval, type MeanInterval } from '../analysis/tInterval.js';
import type { RunPlan } from '../scenario/types.js';
import type { RunRecord } from './collect.js';

export { mean, trustAt } from '../analysis/outcomes.js';

/** A per-run outcome as a number (the patterns read runs that record everything they use). */
const of = (o: Outcome) => (r: RunView) => o.of(r) as number;

/** Share of the run's initiatives that reached the threshold by the horizon. */
export const reachShare = of(OUTCOMES.reach_share);

/** Mean week in which the run's initiatives reached the threshold, censored at the horizon. */
export const meanReachWeek = of(OUTCOMES.mean_reach_week);

/** Mean week of formalisation, censored at the horizon. */
export const meanFormalisedWeek = of(OUTCOMES.mean_formalised_week);

/** Share of the run's initiatives that formalised by the horizon. */
export const formalisedShare = of(OUTCOMES.formalised_share);

/** Mean reach week of the later half of the run's initiatives: those that can profit from earlier successes. */
export const laterHalfReachWeek = of(OUTCOMES.later_half_reach_week);

/** Share of initiatives that formalised with alignment at least `alignedAt`: coherent success. */
export const coherentShare = (r: RunRecord, alignedAt: number) => of(coherent(alignedAt))(r);

/** Mean trust in government at the horizon minus at week 0. */
export const trustChange = of(OUTCOMES.trust_change);

/** Weeks after `week` until trust is back at least at its level just before it; censored at the horizon. */
export const recoveryWeeks = (r: RunRecord, week: number) => of(recovery(week))(r);

/** Median week to the threshold over all initiatives of the runs (Kaplan–Meier; null when not reached by half). */
export function medianReachWeek(runs: readonly RunRecord[]): number | null {
  const times: number[] = [];
  const events: boolean[] = [];
  for (const r of runs) {
    for (const w of Array.from(r.reachedWeek)) {
      times.push(censoredWeek(w, r.horizon));
      events.push(w > 0);
    }
  }
  return medianTime(kaplanMeier(times, events)).median;
}

/** Share of all initiatives of the runs past `which` (reached or formalised) by each week. */
export function shareByWeek(runs: readonly RunRecord[], which: 'reached' | 'formalised', every = 4): { week: number; share: number }[] {
  const horizon = runs[0]?.horizon ?? 0;
  const column = (r: RunRecord) => Array.from(which === 'reached' ? r.reachedWeek : r.formalisedWeek);
  const n = runs.reduce((s, r) => s + column(r).length, 0);
  const out: { week: number; share: number }[] = [];
  for (let week = 0; week <= horizon; week += every) {
    let k = 0;
    for (const r of runs) for (const w of column(r)) if (w > 0 && w <= week) k++;
    out.push({ week, share: k / n });
  }
  return out;
}

/** Mean trust in government by recorded week over the runs. */
export function meanTrustByWeek(runs: readonly RunRecord[], every = 1): { week: number; trust: number }[] {
  const first = runs[0];
  if (!first?.weeks) return [];
  const out: { week: number; trust: number }[] = [];
  for (let s = 0; s < first.weeks.length; s++) {
    if (first.weeks[s] % every !== 0 && s !== first.weeks.length - 1) continue;
    out.push({ week: first.weeks[s], trust: mean(runs.map((r) => r.trust![s])) });
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
