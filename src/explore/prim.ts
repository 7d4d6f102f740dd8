/**
 * PRIM, the patient rule induction method (Friedman & Fisher 1999), as used for scenario discovery
 * (Bryant & Lempert 2010): find a box in the factor space where the cases of interest concentrate.
 * Peeling removes, one step at a time, the slice of share α at one end of one factor that raises
 * the density most; each step is a box on the peeling trajectory (coverage against density). The
 * chosen box is then pasted: slices of share α are added back while that raises the density.
 */

/** A box: one [lo, hi] per factor. */
export interface Box {
  lo: Float64Array;
  hi: Float64Array;
}

/** One box of the peeling trajectory. */
export interface TrajectoryStep {
  /** Share of all cases of interest that fall in the box. */
  coverage: number;
  /** Share of the box's points that are cases of interest. */
  density: number;
  /** Share of all points in the box. */
  mass: number;
  /** Factors whose limits are narrower than the data's range. */
  restricted: number;
  box: Box;
}

/** How a restricted factor's limits matter: the quasi-p-value of keeping the restriction. */
export interface LimitTest {
  factor: number;
  lo: number;
  hi: number;
  /**
   * P(at least the box's cases | box size, density of the box without this restriction), upper
   * binomial tail (the quasi-p-value of Bryant & Lempert 2010): small means the limit matters.
   */
  pValue: number;
}

export interface PrimResult {
  trajectory: TrajectoryStep[];
  /** Index of the chosen step on the trajectory (before pasting). */
  chosen: number;
  /** The chosen box after pasting, with its coverage, density and mass. */
  box: TrajectoryStep;
  limits: LimitTest[];
}

export interface PrimOptions {
  /** Share peeled (and pasted) per step. Default 0.05. */
  alpha?: number;
  /** Peeling stops before a box would hold less than this share of the points. Default 0.05. */
  minMass?: number;
  /**
   * Which box to choose: the one with the most coverage among those with at least this density;
   * without it (or when none reaches it), the one with the largest coverage × density.
   */
  minDensity?: number;
}

/**
 * Runs PRIM on the points x (columns, one Float64Array of n values per factor) with the cases of
 * interest flagged in y (1 = case). Limits start at each factor's data range.
 */
export function prim(x: readonly Float64Array[], y: Uint8Array, options: PrimOptions = {}): PrimResult {
  const alpha = options.alpha ?? 0.05;
  const minMass = options.minMass ?? 0.05;
  const k = x.length;
  const n = y.length;
  let cases = 0;
  for (let i = 0; i < n; i++) cases += y[i];
  if (n === 0 || cases === 0) throw new RangeError('PRIM needs points and at least one case of interest');

  const full: Box = { lo: new Float64Array(k), hi: new Float64Array(k) };
  for (let j = 0; j < k; j++) {
    let lo = Infinity;
    let hi = -Infinity;
    for (let i = 0; i < n; i++) {
      lo = Math.min(lo, x[j][i]);
      hi = Math.max(hi, x[j][i]);
    }
    full.lo[j] = lo;
    full.hi[j] = hi;
  }
  const step = (box: Box, inside: Uint32Array): TrajectoryStep => {
    let c = 0;
    for (const i of inside) c += y[i];
    let restricted = 0;
    for (let j = 0; j < k; j++) if (box.lo[j] > full.lo[j] || box.hi[j] < full.hi[j]) restricted++;
    return { coverage: c / cases, density: c / inside.length, mass: inside.length / n, restricted, box: copy(box) };
  };

  let inside = Uint32Array.from({ length: n }, (_, i) => i);
  let box = copy(full);
  const trajectory: TrajectoryStep[] = [step(box, inside)];
  const values = new Float64Array(n);
  for (;;) {
    let best: { j: number; side: 0 | 1; limit: number; density: number; count: number } | null = null;
    for (let j = 0; j < k; j++) {
      const v = values.subarray(0, inside.length);
      for (let p = 0; p < inside.length; p++) v[p] = x[j][inside[p]];
      v.sort();
      const m = inside.length;
      const cut = Math.max(1, Math.floor(alpha * m));
      // Lower peel: drop the `cut` lowest points and any tied with the last of them; the new limit
      // is the next value up. Upper peel alike from the top. Ties (a design on a grid) peel a whole level.
      for (const side of [0, 1] as const) {
        const t = side === 0 ? v[cut - 1] : v[m - cut];
        let p = side === 0 ? cut : m - cut - 1;
        if (side === 0) while (p < m && v[p] <= t) p++;
        else while (p >= 0 && v[p] >= t) p--;
        if (p < 0 || p >= m) continue;
        const limit = v[p];
        let count = 0;
        let c = 0;
        for (const i of inside) {
          const xi = x[j][i];
          if (side === 0 ? xi >= limit : xi <= limit) {
            count++;
            c += y[i];
          }
        }
        if (count === m || count < minMass * n || count === 0) continue;
        const density = c / count;
        if (!best || density > best.density || (density === best.density && count > best.count)) best = { j, side, limit, density, count };
      }
    }
    if (!best) break;
    const { j, side, limit } = best;
    box = copy(box);
    if (side === 0) box.lo[j] = limit;
    else box.hi[j] = limit;
    inside = inside.filter((i) => (side === 0 ? x[j][i] >= limit : x[j][i] <= limit));
    trajectory.push(step(box, inside));
  }

  const chosen = choose(trajectory, options.minDensity);
  const pasted = paste(x, y, trajectory[chosen].box, alpha, step);
  return { trajectory, chosen, box: pasted, limits: limitTests(x, y, pasted.box, full) };
}

function copy(box: Box): Box {
  return { lo: Float64Array.from(box.lo), hi: Float64Array.from(box.hi) };
}

function choose(trajectory: readonly TrajectoryStep[], minDensity?: number): number {
  if (minDensity !== undefined) {
    let best = -1;
    trajectory.forEach((s, i) => {
      if (s.density >= minDensity && (best < 0 || s.coverage > trajectory[best].coverage)) best = i;
    });
    if (best >= 0) return best;
  }
  let best = 0;
  trajectory.forEach((s, i) => {
    if (s.coverage * s.density > trajectory[best].coverage * trajectory[best].density) best = i;
  });
  return best;
}

function inBox(x: readonly Float64Array[], i: number, box: Box, skip = -1): boolean {
  for (let j = 0; j < x.length; j++) {
    if (j === skip) continue;
    const v = x[j][i];
    if (v < box.lo[j] || v > box.hi[j]) return false;
  }
  return true;
}

/** Pasting (Friedman & Fisher 1999 §4): widen one limit by share α of the box's points while that raises the density. */
function paste(
  x: readonly Float64Array[],
  y: Uint8Array,
  start: Box,
  alpha: number,
  step: (box: Box, inside: Uint32Array) => TrajectoryStep,
): TrajectoryStep {
  const n = y.length;
  const k = x.length;
  const members = (box: Box) => Uint32Array.from({ length: n }, (_, i) => i).filter((i) => inBox(x, i, box));
  let box = copy(start);
  let current = step(box, members(box));
  for (;;) {
    const m = Math.round(current.mass * n);
    const add = Math.max(1, Math.floor(alpha * m));
    let best: TrajectoryStep | null = null;
    for (let j = 0; j < k; j++) {
      // Points inside every other limit but outside this one, on each side, nearest first.
      const below: number[] = [];
      const above: number[] = [];
      for (let i = 0; i < n; i++) {
        if (!inBox(x, i, box, j)) continue;
        const v = x[j][i];
        if (v < box.lo[j]) below.push(v);
        else if (v > box.hi[j]) above.push(v);
      }
      below.sort((a, b) => b - a);
      above.sort((a, b) => a - b);
      for (const [side, list] of [[0, below], [1, above]] as const) {
        if (list.length === 0) continue;
        const limit = list[Math.min(add, list.length) - 1];
        const wider = copy(box);
        if (side === 0) wider.lo[j] = limit;
        else wider.hi[j] = limit;
        const candidate = step(wider, members(wider));
        if (candidate.density > current.density && (!best || candidate.density > best.density)) best = candidate;
      }
    }
    if (!best) return current;
    box = best.box;
    current = best;
  }
}

/**
 * For each restricted factor, the quasi-p-value of its restriction: the chance of at least the
 * box's cases among the box's points if they were drawn at the density of the box with this
 * factor's limits lifted (one-sided binomial test, Bryant & Lempert 2010).
 */
function limitTests(x: readonly Float64Array[], y: Uint8Array, box: Box, full: Box): LimitTest[] {
  const n = y.length;
  let size = 0;
  let cases = 0;
  for (let i = 0; i < n; i++) {
    if (inBox(x, i, box)) {
      size++;
      cases += y[i];
    }
  }
  const tests: LimitTest[] = [];
  for (let j = 0; j < x.length; j++) {
    if (!(box.lo[j] > full.lo[j] || box.hi[j] < full.hi[j])) continue;
    let m = 0;
    let c = 0;
    for (let i = 0; i < n; i++) {
      if (inBox(x, i, box, j)) {
        m++;
        c += y[i];
      }
    }
    tests.push({ factor: j, lo: box.lo[j], hi: box.hi[j], pValue: binomialUpperTail(cases, size, c / m) });
  }
  return tests;
}

/** P(X ≥ c) for X ~ Binomial(n, p), summed in log space. */
export function binomialUpperTail(c: number, n: number, p: number): number {
  if (c <= 0) return 1;
  if (p <= 0) return 0;
  if (p >= 1) return 1;
  const lp = Math.log(p);
  const lq = Math.log1p(-p);
  const logChoose = (k: number) => logFactorial(n) - logFactorial(k) - logFactorial(n - k);
  let max = -Infinity;
  const terms: number[] = [];
  for (let k = c; k <= n; k++) {
    const t = logChoose(k) + k * lp + (n - k) * lq;
    terms.push(t);
    max = Math.max(max, t);
  }
  let sum = 0;
  for (const t of terms) sum += Math.exp(t - max);
  return Math.min(1, Math.exp(max) * sum);
}

const LOG_FACTORIALS: number[] = [0];

/** log(k!) by summation, cached (k up to the number of points). */
function logFactorial(k: number): number {
  while (LOG_FACTORIALS.length <= k) LOG_FACTORIALS.push(LOG_FACTORIALS[LOG_FACTORIALS.length - 1] + Math.log(LOG_FACTORIALS.length));
  return LOG_FACTORIALS[k];
}
