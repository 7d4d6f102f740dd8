import { kaplanMeier, medianTime, type BandKind, type KaplanMeierStep, type MedianTime } from './kaplanMeier.js';

/** The share of initiatives that have reached the support threshold by a week, with its band. */
export interface ReachPoint {
  week: number;
  /** 1 − S(week): share that reached the threshold at or before the end of this week. */
  share: number;
  lo: number;
  hi: number;
}

export interface ReachCurve {
  /** One entry per week 0..horizon. */
  points: ReachPoint[];
  /** The Kaplan–Meier steps behind it (survival = not yet reached). */
  steps: KaplanMeierStep[];
  /** The median reach week with its Brookmeyer–Crowley interval (null: not reached by half). */
  median: MedianTime;
  initiatives: number;
  reached: number;
}

/**
 * The Kaplan–Meier steps of the initiatives' reach weeks (survival = not yet reached), an
 * initiative that never reached the threshold within the horizon (null, 0 or NaN) censored there,
 * and how many reached it: the reach curve of the point summaries and the pooled outcomes' curve.
 */
export function reachSteps(reachedWeeks: ArrayLike<number | null>, horizon: number, band: BandKind): { steps: KaplanMeierStep[]; reached: number } {
  const n = reachedWeeks.length;
  const times = new Float64Array(n);
  const events: boolean[] = new Array(n);
  let reached = 0;
  for (let i = 0; i < n; i++) {
    const w = reachedWeeks[i];
    const hit = w !== null && w > 0 && w <= horizon;
    times[i] = hit ? (w as number) : horizon;
    events[i] = hit;
    if (hit) reached++;
  }
  return { steps: n > 0 ? kaplanMeier(times, events, band) : [], reached };
}

/**
 * The reach curve: the Kaplan–Meier estimate of the share of initiatives that have reached the
 * threshold by each week (1 − S(t)), an initiative that never reached it being censored at the
 * horizon. `reachedWeeks[i]` is null (or 0) when initiative i never reached it. The band is the
 * pointwise 95 % band of S turned around (lo = 1 − upper, hi = 1 − lower); log-log by default.
 *
 * With every initiative followed to the same horizon, the curve equals the plain cumulative share;
 * the Kaplan–Meier form also carries runs that stopped early and gives the Greenwood band.
 */
export function reachCurve(reachedWeeks: ArrayLike<number | null>, horizon: number, band: BandKind = 'log-log'): ReachCurve {
  const n = reachedWeeks.length;
  const { steps, reached } = reachSteps(reachedWeeks, horizon, band);
  const points: ReachPoint[] = [];
  let k = 0;
  let s = { survival: 1, lower: 1, upper: 1 };
  for (let week = 0; week <= horizon; week++) {
    while (k < steps.length && steps[k].time <= week) s = steps[k++];
    points.push({ week, share: 1 - s.survival, lo: 1 - s.upper, hi: 1 - s.lower });
  }
  return { points, steps, median: medianTime(steps), initiatives: n, reached };
}
