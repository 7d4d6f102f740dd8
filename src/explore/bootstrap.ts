import type { Rng } from '../random/streams.js';

/** An estimate with the limits of its interval. */
export interface Interval {
  estimate: number;
  lo: number;
  hi: number;
}

/** The q-quantile of sorted values (linear interpolation between order statistics, type 7). */
export function sortedQuantile(sorted: ArrayLike<number>, q: number): number {
  const n = sorted.length;
  if (n === 0) return NaN;
  const h = (n - 1) * q;
  const i = Math.floor(h);
  return i + 1 < n ? sorted[i] + (h - i) * (sorted[i + 1] - sorted[i]) : sorted[n - 1];
}

/**
 * Percentile bootstrap (Efron & Tibshirani 1993, ch. 13) over n independent units (rows of a
 * design, Morris trajectories): `statistic` fills `into` with m statistics from a resample given
 * as unit indices; it is called once on the units as they are (the estimate) and `resamples` times
 * on draws with replacement from `rng`. Returns one interval per statistic at the given level.
 */
export function bootstrap(
  n: number,
  m: number,
  statistic: (units: Uint32Array, into: Float64Array) => void,
  rng: Rng,
  resamples = 1000,
  level = 0.95,
): Interval[] {
  const units = new Uint32Array(n);
  for (let i = 0; i < n; i++) units[i] = i;
  const estimate = new Float64Array(m);
  statistic(units, estimate);
  const draws = Array.from({ length: m }, () => new Float64Array(resamples));
  const one = new Float64Array(m);
  for (let b = 0; b < resamples; b++) {
    for (let i = 0; i < n; i++) units[i] = Math.floor(rng() * n);
    statistic(units, one);
    for (let s = 0; s < m; s++) draws[s][b] = one[s];
  }
  const tail = (1 - level) / 2;
  return draws.map((d, s) => {
    d.sort();
    return { estimate: estimate[s], lo: sortedQuantile(d, tail), hi: sortedQuantile(d, 1 - tail) };
  });
}
