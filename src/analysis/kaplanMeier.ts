import { normalQuantile } from './quantiles.js';

/**
 * How the 95 % band around a Kaplan–Meier curve is built from Greenwood's variance:
 * - `log-log` (the default): on log(−log S), so the band stays inside [0, 1] and is not symmetric
 *   near 0 and 1 (Kalbfleisch & Prentice 1980; Hosmer, Lemeshow & May 2008 §2.3);
 * - `log`: on log S, as R's `survfit` does by default, upper limit capped at 1;
 * - `plain`: S ± z·SE, clipped to [0, 1] (Kaplan & Meier 1958 with Greenwood 1926).
 */
export type BandKind = 'log-log' | 'log' | 'plain';

/** One step of the Kaplan–Meier estimate: the survival just after an event time. */
export interface KaplanMeierStep {
  time: number;
  /** At risk just before `time`. */
  atRisk: number;
  /** Events at `time`. */
  events: number;
  /** Censored at `time` (counted at risk at `time`: events come before censoring on ties). */
  censored: number;
  /** S(time): the share still without an event. */
  survival: number;
  /** Greenwood standard error of S(time). */
  se: number;
  /** Lower and upper limit of S(time). */
  lower: number;
  upper: number;
}

/**
 * The Kaplan–Meier product-limit estimate (Kaplan & Meier 1958) with Greenwood's variance
 * (Greenwood 1926) and a pointwise band. `times[i]` is when subject i had its event
 * (`events[i]` true) or was last seen without one (false: censored). Returns one step per distinct
 * time at which an event or censoring happened, in time order.
 */
export function kaplanMeier(times: ArrayLike<number>, events: ArrayLike<boolean>, band: BandKind = 'log-log', level = 0.95): KaplanMeierStep[] {
  const n = times.length;
  if (events.length !== n) throw new RangeError('kaplanMeier needs one event flag per time');
  const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => times[a] - times[b]);
  const z = normalQuantile(1 - (1 - level) / 2);
  const steps: KaplanMeierStep[] = [];
  let atRisk = n;
  let survival = 1;
  let greenwoodSum = 0; // Σ d / (n (n − d)) over event times so far
  let i = 0;
  while (i < n) {
    const time = times[order[i]];
    let d = 0;
    let c = 0;
    while (i < n && times[order[i]] === time) {
      if (events[order[i]]) d++;
      else c++;
      i++;
    }
    if (d > 0) {
      survival *= 1 - d / atRisk;
      greenwoodSum += d === atRisk ? Infinity : d / (atRisk * (atRisk - d));
    }
    const se = survival > 0 && Number.isFinite(greenwoodSum) ? survival * Math.sqrt(greenwoodSum) : 0;
    const [lower, upper] = bandAt(survival, greenwoodSum, z, band);
    steps.push({ time, atRisk, events: d, censored: c, survival, se, lower, upper });
    atRisk -= d + c;
  }
  return steps;
}

/** The pointwise band of S given Greenwood's sum Σ d/(n(n−d)). */
function bandAt(s: number, greenwoodSum: number, z: number, band: BandKind): [number, number] {
  if (s >= 1 || greenwoodSum === 0) return [s, s]; // no event yet: no uncertainty to speak of
  if (s <= 0 || !Number.isFinite(greenwoodSum)) return [0, 0]; // everyone has had the event
  const root = Math.sqrt(greenwoodSum);
  if (band === 'plain') {
    const se = s * root;
    return [Math.max(0, s - z * se), Math.min(1, s + z * se)];
  }
  if (band === 'log') {
    return [Math.max(0, s * Math.exp(-z * root)), Math.min(1, s * Math.exp(z * root))];
  }
  // log-log: Var(log(−log S)) = Σ d/(n(n−d)) / (log S)²; back on S's scale the limits are S^exp(±z·σ).
  const logS = Math.log(s);
  const w = (z * root) / Math.abs(logS);
  return [Math.pow(s, Math.exp(w)), Math.pow(s, Math.exp(-w))];
}

/**
 * The survival S(t) at time t read off the steps (right-continuous: an event at t counts at t),
 * with its band. Before the first step: S = 1 with no width.
 */
export function survivalAt(steps: readonly KaplanMeierStep[], t: number): { survival: number; lower: number; upper: number } {
  let found: KaplanMeierStep | undefined;
  for (const s of steps) {
    if (s.time > t) break;
    found = s;
  }
  return found ? { survival: found.survival, lower: found.lower, upper: found.upper } : { survival: 1, lower: 1, upper: 1 };
}

/** A time with its interval; null means "not reached" (the curve or a band limit never got there). */
export interface MedianTime {
  median: number | null;
  lo: number | null;
  hi: number | null;
}

/**
 * How far above one half a survival may lie and still count as one half: the product of the
 * factors 1 − d/n reaches exactly ½ in exact arithmetic (6 of 12 events: 2/3 · 7/8 · 6/7) but
 * 0.5000000000000001 in floating point. R's `quantile.survfit` compares with the same tolerance,
 * √(machine epsilon).
 */
const HALF_TOLERANCE = Math.sqrt(Number.EPSILON);

/**
 * The median time (the first time at which S ≤ 0.5) with the interval of Brookmeyer & Crowley
 * (1982) read off the band as R's `survfit` does: the lower limit is the first time the band's
 * lower edge reaches 0.5, the upper limit the first time its upper edge does. A limit the curve
 * never reaches within follow-up is null (R prints NA). Where S has fallen to 0 (the last subject
 * had its event) Greenwood's variance is undefined and so is the band — R's limits are NA there,
 * the [0, 0] kaplanMeier draws being no interval — so a limit is not read off such a step: with
 * three events and none censored the upper limit is not the last event's time but unknown.
 */
export function medianTime(steps: readonly KaplanMeierStep[]): MedianTime {
  const first = (pick: (s: KaplanMeierStep) => number, band: boolean): number | null => {
    for (const s of steps) {
      if (band && s.survival <= 0) return null;
      if (pick(s) <= 0.5 + HALF_TOLERANCE) return s.time;
    }
    return null;
  };
  return { median: first((s) => s.survival, false), lo: first((s) => s.lower, true), hi: first((s) => s.upper, true) };
}
