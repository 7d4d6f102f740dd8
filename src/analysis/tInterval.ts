import { mean, sampleStandardDeviation } from 'simple-statistics';
import { studentTQuantile } from './quantiles.js';

/** A mean with its t-interval; lo and hi are null when there are fewer than two values. */
export interface MeanInterval {
  n: number;
  mean: number;
  sd: number;
  lo: number | null;
  hi: number | null;
}

/** The mean of a sample with the two-sided Student t interval (exact, no bootstrap: deterministic). */
export function tInterval(values: readonly number[], level = 0.95): MeanInterval {
  const n = values.length;
  if (n === 0) return { n, mean: NaN, sd: NaN, lo: null, hi: null };
  const m = mean(values as number[]);
  if (n < 2) return { n, mean: m, sd: NaN, lo: null, hi: null };
  const sd = sampleStandardDeviation(values as number[]);
  const half = studentTQuantile(1 - (1 - level) / 2, n - 1) * (sd / Math.sqrt(n));
  return { n, mean: m, sd, lo: m - half, hi: m + half };
}

/**
 * The paired difference a − b over aligned pairs (a[i] and b[i] from the same replicate, hence the
 * same seed and the same simulated neighbourhoods under common random numbers): the mean
 * per-replicate difference with its t-interval. Pairing removes the between-replicate variation the
 * two share, so the interval is usually much narrower than comparing two independent means.
 */
export function pairedDifference(a: readonly number[], b: readonly number[], level = 0.95): MeanInterval {
  if (a.length !== b.length) throw new RangeError('pairedDifference needs the same number of values on both sides');
  return tInterval(a.map((x, i) => x - b[i]), level);
}
