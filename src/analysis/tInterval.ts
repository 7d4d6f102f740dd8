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
  const half = halfWidth(sd, n, level);
  return { n, mean: m, sd, lo: m - half, hi: m + half };
}

/**
 * The half-width of the t interval of a mean of n values with standard deviation sd (NaN with
 * fewer than two): what the interval is before any cut to the possible values (within), so what
 * narrows as 1/√n.
 */
export function halfWidth(sd: number, n: number, level = 0.95): number {
  return n < 2 ? NaN : studentTQuantile(1 - (1 - level) / 2, n - 1) * (sd / Math.sqrt(n));
}

/** The values a quantity can take, lowest and highest. */
export type Range = readonly [number, number];

/**
 * A t interval cut to the values its mean can take: a mean of values in [min, max] lies in
 * [min, max], but with few values t reaches past it (two values: ±12.7 standard errors). Without a
 * range (null) the interval is left as it is.
 */
export function within(m: MeanInterval, range: Range | null): MeanInterval {
  if (range === null) return m;
  const [min, max] = range;
  const clip = (x: number | null) => (x === null ? null : Math.min(max, Math.max(min, x)));
  return { ...m, lo: clip(m.lo), hi: clip(m.hi) };
}

/** What a difference of two quantities in `range` can be (two shares: −1 … +1); null stays null. */
export function differenceRange(range: Range | null): Range | null {
  return range === null ? null : [range[0] - range[1], range[1] - range[0]];
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
