import type { Rng } from '../random/streams.js';
import { bootstrap, type Interval } from './bootstrap.js';
import { SOBOL_MAX_DIMENSIONS, sobolPoints } from './sobolSequence.js';

/** The most factors a Saltelli design can take: A and B together need twice as many dimensions. */
export const SALTELLI_MAX_FACTORS = Math.floor(SOBOL_MAX_DIMENSIONS / 2);

/**
 * The Saltelli (2010) design in the unit cube for k factors and n base rows: row j gives k + 2
 * points, A_j, B_j and A_B^(i)_j for i = 1 … k (A_j with its i-th coordinate taken from B_j), so the
 * design holds n(k + 2) points, row-major (point p, factor i at [p·k + i]). A and B are the first
 * and last k coordinates of a 2k-dimensional Sobol' sequence, its first point (the origin) skipped;
 * `shift` randomises the sequence by a digital shift (see sobolPoints). With `monteCarlo`, A and
 * B are independent uniform draws instead (the plain Monte Carlo scheme, whose rows are
 * independent, as the bootstrap assumes).
 */
export function saltelliDesign(n: number, k: number, options: { shift?: Rng; monteCarlo?: Rng } = {}): Float64Array {
  if (k < 1 || k > SALTELLI_MAX_FACTORS) throw new RangeError(`a Saltelli design takes 1 to ${SALTELLI_MAX_FACTORS} factors, got ${k}`);
  const mc = options.monteCarlo;
  const base = mc ? Float64Array.from({ length: n * 2 * k }, () => mc()) : sobolPoints(n, 2 * k, { skip: 1, shift: options.shift });
  const stride = k + 2;
  const out = new Float64Array(n * stride * k);
  for (let j = 0; j < n; j++) {
    const a = j * 2 * k;
    const b = a + k;
    const row = j * stride * k;
    for (let i = 0; i < k; i++) {
      out[row + i] = base[a + i];
      out[row + k + i] = base[b + i];
    }
    for (let f = 0; f < k; f++) {
      const p = row + (2 + f) * k;
      for (let i = 0; i < k; i++) out[p + i] = i === f ? base[b + i] : base[a + i];
    }
  }
  return out;
}

/** First-order and total indices of each factor. */
export interface SobolIndices {
  first: Interval[];
  total: Interval[];
}

/**
 * First-order (Saltelli et al. 2010, Table 2 (b): S_i = mean(f(B)(f(A_B^i) − f(A))) / V) and total
 * (Jansen 1999: S_Ti = mean((f(A) − f(A_B^i))²) / 2V) indices from outputs y of a saltelliDesign,
 * in its order; V is the variance of f(A) and f(B) together. Intervals: percentile bootstrap over
 * the n base rows.
 */
export function sobolIndices(y: ArrayLike<number>, k: number, rng: Rng, resamples = 1000, level = 0.95): SobolIndices {
  const stride = k + 2;
  const n = y.length / stride;
  if (!Number.isInteger(n) || n < 2) throw new RangeError(`sobolIndices needs n(k + 2) outputs with n ≥ 2, got ${y.length} for k = ${k}`);
  const statistic = (rows: Uint32Array, into: Float64Array) => {
    let sum = 0;
    let sumSq = 0;
    for (let r = 0; r < rows.length; r++) {
      const j = rows[r] * stride;
      sum += y[j] + y[j + 1];
      sumSq += y[j] * y[j] + y[j + 1] * y[j + 1];
    }
    const m = 2 * rows.length;
    const mean = sum / m;
    const v = sumSq / m - mean * mean;
    for (let i = 0; i < k; i++) {
      let s = 0;
      let t = 0;
      for (let r = 0; r < rows.length; r++) {
        const j = rows[r] * stride;
        const fa = y[j];
        const fab = y[j + 2 + i];
        s += y[j + 1] * (fab - fa);
        t += (fa - fab) * (fa - fab);
      }
      into[i] = v > 0 ? s / rows.length / v : 0;
      into[k + i] = v > 0 ? t / (2 * rows.length) / v : 0;
    }
  };
  const all = bootstrap(n, 2 * k, statistic, rng, resamples, level);
  return { first: all.slice(0, k), total: all.slice(k) };
}
