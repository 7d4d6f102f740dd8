import { describe, expect, test } from 'vitest';
import { analysisStream } from '../../src/random/streams.js';
import { sobolPoints } from '../../src/explore/sobolSequence.js';
import { saltelliDesign, sobolIndices } from '../../src/explore/sobolIndices.js';

/** Evaluates f on every point of a row-major design of k columns. */
function evaluate(design: Float64Array, k: number, f: (x: Float64Array) => number): Float64Array {
  const n = design.length / k;
  const y = new Float64Array(n);
  for (let p = 0; p < n; p++) y[p] = f(design.subarray(p * k, p * k + k));
  return y;
}

/** Ishigami & Homma (1990) with a = 7, b = 0.1 on [−π, π]³ (unit coordinates mapped). */
function ishigami(u: Float64Array): number {
  const [x1, x2, x3] = Array.from(u, (v) => -Math.PI + 2 * Math.PI * v);
  return Math.sin(x1) + 7 * Math.sin(x2) ** 2 + 0.1 * x3 ** 4 * Math.sin(x1);
}
// Closed-form indices (Saltelli et al. 2008, Global Sensitivity Analysis: The Primer, §4.6; Homma & Saltelli 1996).
const ISHIGAMI_FIRST = [0.3139, 0.4424, 0];
const ISHIGAMI_TOTAL = [0.5576, 0.4424, 0.2437];

/** Sobol' G function with a = (0, 1, 4.5, 9, 99, 99, 99, 99) (Saltelli & Sobol' 1995). */
const G_A = [0, 1, 4.5, 9, 99, 99, 99, 99];
function gFunction(u: Float64Array): number {
  let y = 1;
  for (let i = 0; i < G_A.length; i++) y *= (Math.abs(4 * u[i] - 2) + G_A[i]) / (1 + G_A[i]);
  return y;
}
/** Closed form: V_i = 1/(3(1 + a_i)²), V = Π(1 + V_i) − 1, S_i = V_i/V, S_Ti = V_i Π_{j≠i}(1 + V_j)/V. */
function gIndices(): { first: number[]; total: number[] } {
  const vi = G_A.map((a) => 1 / (3 * (1 + a) ** 2));
  const prod = vi.reduce((p, v) => p * (1 + v), 1);
  const v = prod - 1;
  return { first: vi.map((x) => x / v), total: vi.map((x) => (x * prod) / (1 + x) / v) };
}

describe("Sobol' sequence (Joe & Kuo, new-joe-kuo-6.21201)", () => {
  test('the first ten three-dimensional points match the published ones', () => {
    // As printed by Joe & Kuo's reference generator (Gray-code order, first point the origin).
    const published = [
      [0, 0, 0], [0.5, 0.5, 0.5], [0.75, 0.25, 0.25], [0.25, 0.75, 0.75], [0.375, 0.375, 0.625],
      [0.875, 0.875, 0.125], [0.625, 0.125, 0.875], [0.125, 0.625, 0.375], [0.1875, 0.3125, 0.9375], [0.6875, 0.8125, 0.4375],
    ];
    expect(Array.from(sobolPoints(10, 3))).toEqual(published.flat());
  });

  test('every dimension of the first 2^m points hits each interval [i/2^m, (i+1)/2^m) once', () => {
    const d = 32;
    const n = 256;
    const pts = sobolPoints(n, d);
    for (let j = 0; j < d; j++) {
      const hit = new Uint8Array(n);
      for (let i = 0; i < n; i++) hit[Math.floor(pts[i * d + j] * n)]++;
      expect(hit.every((h) => h === 1)).toBe(true);
    }
  });

  test('skip continues the sequence; a digital shift keeps the stratification', () => {
    const all = sobolPoints(20, 4);
    expect(Array.from(sobolPoints(10, 4, { skip: 10 }))).toEqual(Array.from(all.subarray(40)));
    const shifted = sobolPoints(64, 2, { shift: analysisStream(1, 'test') });
    const hit = new Uint8Array(64);
    for (let i = 0; i < 64; i++) hit[Math.floor(shifted[i * 2] * 64)]++;
    expect(hit.every((h) => h === 1)).toBe(true);
    expect(shifted[0]).not.toBe(0);
  });
});

describe("Sobol' indices (Saltelli 2010 first order, Jansen total)", () => {
  test('Ishigami a = 7, b = 0.1: every index within 0.02 of its closed form', () => {
    const k = 3;
    const y = evaluate(saltelliDesign(8192, k), k, ishigami);
    const { first, total } = sobolIndices(y, k, analysisStream(1, 'bootstrap'), 200);
    for (let i = 0; i < k; i++) {
      expect(Math.abs(first[i].estimate - ISHIGAMI_FIRST[i])).toBeLessThan(0.02);
      expect(Math.abs(total[i].estimate - ISHIGAMI_TOTAL[i])).toBeLessThan(0.02);
      expect(first[i].lo).toBeLessThanOrEqual(first[i].hi);
    }
  });

  test('Sobol G function a = (0, 1, 4.5, 9, 99, 99, 99, 99): within 0.02 of the closed form', () => {
    const k = G_A.length;
    const y = evaluate(saltelliDesign(8192, k), k, gFunction);
    const { first, total } = sobolIndices(y, k, analysisStream(1, 'bootstrap'), 200);
    const exact = gIndices();
    expect(exact.first[0]).toBeCloseTo(0.7165, 3); // the published value for x1
    for (let i = 0; i < k; i++) {
      expect(Math.abs(first[i].estimate - exact.first[i])).toBeLessThan(0.02);
      expect(Math.abs(total[i].estimate - exact.total[i])).toBeLessThan(0.02);
    }
  });

  /** Share of the 95 % intervals (6 per seed) that cover the Ishigami indices over 100 seeds. */
  function coverage(design: (seed: number) => Float64Array): number {
    const k = 3;
    let covered = 0;
    let total = 0;
    for (let seed = 1; seed <= 100; seed++) {
      const idx = sobolIndices(evaluate(design(seed), k, ishigami), k, analysisStream(seed, 'bootstrap'), 300);
      for (let i = 0; i < k; i++) {
        for (const [iv, truth] of [[idx.first[i], ISHIGAMI_FIRST[i]], [idx.total[i], ISHIGAMI_TOTAL[i]]] as const) {
          total++;
          if (iv.lo <= truth && truth <= iv.hi) covered++;
        }
      }
    }
    return covered / total;
  }

  test('95 % bootstrap intervals cover the Ishigami indices at about their nominal rate over 100 seeds (independent rows)', () => {
    // Monte Carlo A and B, a fresh draw per seed. 100 seeds × 6 indices = 600 intervals; at a true
    // rate of 0.95 the binomial sd of the observed rate is sqrt(0.95 · 0.05 / 600) = 0.009. The
    // band 0.95 ± 0.04 is about 4.5 sd: a rate outside it is not sampling luck.
    const rate = coverage((seed) => saltelliDesign(512, 3, { monteCarlo: analysisStream(seed, 'design') }));
    expect(rate).toBeGreaterThan(0.91);
    expect(rate).toBeLessThan(0.99);
  });

  test("on a Sobol' design the same intervals are conservative: they cover at least at their nominal rate", () => {
    // Each seed digitally shifts the sequence. The bootstrap treats the rows as independent, which
    // a low-discrepancy design is not (its error is smaller), so the intervals err on the wide side.
    const rate = coverage((seed) => saltelliDesign(256, 3, { shift: analysisStream(seed, 'shift') }));
    expect(rate).toBeGreaterThan(0.95 - 0.04);
  });
});
