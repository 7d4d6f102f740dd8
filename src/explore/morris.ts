import type { Rng } from '../random/streams.js';
import { bootstrap, type Interval } from './bootstrap.js';

/**
 * Morris (1991) trajectories in the unit cube: r trajectories of k + 1 points on a p-level grid,
 * each moving one factor at a time by Δ = p / (2(p − 1)), in a random order and direction, from a
 * random grid point. Row-major: trajectory t, step s, factor i at [(t(k + 1) + s)·k + i].
 */
export function morrisDesign(r: number, k: number, levels: number, rng: Rng): Float64Array {
  if (levels < 2 || levels % 2 !== 0) throw new RangeError(`Morris levels must be even and at least 2, got ${levels}`);
  const delta = levels / (2 * (levels - 1));
  const out = new Float64Array(r * (k + 1) * k);
  const x = new Float64Array(k);
  const order = new Uint32Array(k);
  const up = new Uint8Array(k);
  for (let t = 0; t < r; t++) {
    for (let i = 0; i < k; i++) {
      // Start levels 0 … p/2 − 1 keep x + Δ inside [0, 1]; the direction decides which end we start from.
      const base = Math.floor(rng() * (levels / 2)) / (levels - 1);
      up[i] = rng() < 0.5 ? 1 : 0;
      x[i] = up[i] ? base : base + delta;
      order[i] = i;
    }
    for (let i = k - 1; i > 0; i--) {
      const j = Math.floor(rng() * (i + 1));
      const tmp = order[i];
      order[i] = order[j];
      order[j] = tmp;
    }
    let row = t * (k + 1) * k;
    out.set(x, row);
    for (let s = 0; s < k; s++) {
      const i = order[s];
      x[i] += up[i] ? delta : -delta;
      row += k;
      out.set(x, row);
    }
  }
  return out;
}

/**
 * The elementary effects of a morrisDesign's outputs y: EE[t·k + i] = (y after − y before) / Δx_i
 * for the step of trajectory t that moved factor i (in output units per unit of the factor's range).
 */
export function elementaryEffects(design: Float64Array, y: ArrayLike<number>, r: number, k: number): Float64Array {
  const ee = new Float64Array(r * k);
  for (let t = 0; t < r; t++) {
    for (let s = 0; s < k; s++) {
      const before = (t * (k + 1) + s) * k;
      const after = before + k;
      let i = 0;
      while (i < k && design[after + i] === design[before + i]) i++;
      const step = design[after + i] - design[before + i];
      ee[t * k + i] = (y[t * (k + 1) + s + 1] - y[t * (k + 1) + s]) / step;
    }
  }
  return ee;
}

/** Morris measures of each factor with bootstrap intervals over trajectories. */
export interface MorrisMeasures {
  /** Mean elementary effect (Morris 1991). */
  mu: Interval[];
  /** Mean absolute elementary effect (Campolongo, Cariboni & Saltelli 2007). */
  muStar: Interval[];
  /** Standard deviation of the elementary effects: non-linearity and interactions (Morris 1991). */
  sigma: Interval[];
}

/** μ, μ* and σ from elementary effects (r × k), with percentile bootstrap intervals over the r trajectories. */
export function morrisMeasures(ee: Float64Array, r: number, k: number, rng: Rng, resamples = 1000, level = 0.95): MorrisMeasures {
  if (r < 2) throw new RangeError('Morris measures need at least 2 trajectories');
  const statistic = (units: Uint32Array, into: Float64Array) => {
    const n = units.length;
    for (let i = 0; i < k; i++) {
      let sum = 0;
      let abs = 0;
      for (let u = 0; u < n; u++) {
        const e = ee[units[u] * k + i];
        sum += e;
        abs += Math.abs(e);
      }
      const mean = sum / n;
      let sq = 0;
      for (let u = 0; u < n; u++) sq += (ee[units[u] * k + i] - mean) ** 2;
      into[i] = mean;
      into[k + i] = abs / n;
      into[2 * k + i] = Math.sqrt(sq / (n - 1));
    }
  };
  const all = bootstrap(r, 3 * k, statistic, rng, resamples, level);
  return { mu: all.slice(0, k), muStar: all.slice(k, 2 * k), sigma: all.slice(2 * k) };
}
