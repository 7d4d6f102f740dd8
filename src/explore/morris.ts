import type { Rng } from '../random/streams.js';
import { bootstrap, type Interval } from './bootstrap.js';

/**
 * The step of a Morris design on a p-level grid, as a share of each factor's range: Δ = p / (2(p − 1)),
 * 2/3 on the usual 4 levels (Morris 1991). An elementary effect divides the outcome's change over one
 * step by Δ, so it is a change per whole range, extrapolated from a step of Δ of it.
 */
export const morrisStep = (levels: number): number => levels / (2 * (levels - 1));

/**
 * Morris (1991) trajectories in the unit cube: r trajectories of k + 1 points on a p-level grid,
 * each moving one factor at a time by Δ = p / (2(p − 1)), in a random order and direction, from a
 * random grid point. Row-major: trajectory t, step s, factor i at [(t(k + 1) + s)·k + i].
 */
export function morrisDesign(r: number, k: number, levels: number, rng: Rng): Float64Array {
  if (levels < 2 || levels % 2 !== 0) throw new RangeError(`Morris levels must be even and at least 2, got ${levels}`);
  const delta = morrisStep(levels);
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
 * The distance between trajectories a and b of a design (Campolongo, Cariboni & Saltelli 2007,
 * eq. 3): the sum of the Euclidean distances between every point of one and every point of the other.
 */
export function trajectoryDistance(design: Float64Array, a: number, b: number, k: number): number {
  let d = 0;
  for (let p = 0; p <= k; p++) {
    const x = (a * (k + 1) + p) * k;
    for (let q = 0; q <= k; q++) {
      const y = (b * (k + 1) + q) * k;
      let sq = 0;
      for (let i = 0; i < k; i++) sq += (design[x + i] - design[y + i]) ** 2;
      d += Math.sqrt(sq);
    }
  }
  return d;
}

/** The spread of a design's r trajectories (Campolongo, Cariboni & Saltelli 2007): D = √(Σ over pairs of their squared distances). */
export function trajectorySpread(design: Float64Array, r: number, k: number): number {
  let sum = 0;
  for (let a = 0; a < r; a++) for (let b = a + 1; b < r; b++) sum += trajectoryDistance(design, a, b, k) ** 2;
  return Math.sqrt(sum);
}

/**
 * Well-spread trajectories (Campolongo, Cariboni & Saltelli 2007): r of a design's `candidates`
 * trajectories that cover the factor space well, for a screen with few trajectories. Campolongo et
 * al. take the r with the largest spread D over all C(candidates, r) choices; that many are too
 * many to compare, so this drops, one at a time, the trajectory whose removal leaves the largest
 * spread — the one with the least sum of squared distances to those still kept — until r remain
 * (the backward elimination of Ruano, Ribes, Campos & Sebastián 2012). Kept trajectories stay in
 * their candidate order.
 */
export function spreadTrajectories(design: Float64Array, candidates: number, r: number, k: number): Float64Array {
  if (r > candidates) throw new RangeError(`cannot choose ${r} of ${candidates} trajectories`);
  const sq = new Float64Array(candidates * candidates);
  const row = new Float64Array(candidates);
  for (let a = 0; a < candidates; a++) {
    for (let b = a + 1; b < candidates; b++) {
      const d2 = trajectoryDistance(design, a, b, k) ** 2;
      sq[a * candidates + b] = d2;
      sq[b * candidates + a] = d2;
      row[a] += d2;
      row[b] += d2;
    }
  }
  const kept = new Uint8Array(candidates).fill(1);
  for (let left = candidates; left > r; left--) {
    let drop = -1;
    for (let a = 0; a < candidates; a++) if (kept[a] && (drop < 0 || row[a] < row[drop])) drop = a;
    kept[drop] = 0;
    for (let a = 0; a < candidates; a++) row[a] -= sq[a * candidates + drop];
  }
  const size = (k + 1) * k;
  const out = new Float64Array(r * size);
  let t = 0;
  for (let a = 0; a < candidates; a++) if (kept[a]) out.set(design.subarray(a * size, (a + 1) * size), size * t++);
  return out;
}

/**
 * The elementary effects of a morrisDesign's outputs y: EE[t·k + i] = (y after − y before) / Δx_i
 * for the step of trajectory t that moved factor i: output units per whole range of the factor, the
 * change over a step of Δ (morrisStep) of the range divided by Δ. `design` holds each factor's value
 * as a share of its range: the morrisDesign itself, or the values the points ran with (for a
 * whole-number factor the step is then the share its value really moved).
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
