import { normalQuantile } from './quantiles.js';

/** A proportion with its interval: all three in [0, 1]. */
export interface Proportion {
  estimate: number;
  lo: number;
  hi: number;
}

/**
 * The Wilson score interval for k successes out of n (Wilson 1927; method 3 of Newcombe 1998),
 * without continuity correction. It stays inside [0, 1] and keeps close to its nominal coverage for
 * small n and for proportions near 0 or 1, where the plain Wald interval fails (Agresti & Coull 1998).
 */
export function wilsonInterval(k: number, n: number, level = 0.95): Proportion {
  if (!(n > 0) || k < 0 || k > n) throw new RangeError(`wilsonInterval needs 0 <= k <= n and n > 0, got k = ${k}, n = ${n}`);
  const z = normalQuantile(1 - (1 - level) / 2);
  const p = k / n;
  const z2 = z * z;
  const centre = p + z2 / (2 * n);
  const half = z * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n));
  const denom = 1 + z2 / n;
  // At k = 0 or k = n one limit is exactly 0 or 1; the formula gives it up to rounding only.
  const lo = k === 0 ? 0 : Math.max(0, (centre - half) / denom);
  const hi = k === n ? 1 : Math.min(1, (centre + half) / denom);
  return { estimate: p, lo, hi };
}
