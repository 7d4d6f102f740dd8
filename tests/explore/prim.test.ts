import { describe, expect, test } from 'vitest';
import { analysisStream } from '../../src/random/streams.js';
import { binomialUpperTail, prim } from '../../src/explore/prim.js';

describe('PRIM scenario discovery (Friedman & Fisher 1999; Bryant & Lempert 2010)', () => {
  test('recovers a box planted in uniform noise: coverage and density ≥ 0.8, limits within 0.05', () => {
    // Five factors uniform on [0, 1]; cases of interest: 90 % of the points in
    // [0.2, 0.6] × [0.3, 0.8] (factors 0 and 1) and 2 % of the points outside it.
    const rng = analysisStream(11, 'prim');
    const n = 4000;
    const k = 5;
    const x = Array.from({ length: k }, () => new Float64Array(n));
    const y = new Uint8Array(n);
    for (let i = 0; i < n; i++) {
      for (let j = 0; j < k; j++) x[j][i] = rng();
      const inside = x[0][i] >= 0.2 && x[0][i] <= 0.6 && x[1][i] >= 0.3 && x[1][i] <= 0.8;
      y[i] = rng() < (inside ? 0.9 : 0.02) ? 1 : 0;
    }
    const result = prim(x, y);
    expect(result.box.coverage).toBeGreaterThanOrEqual(0.8);
    expect(result.box.density).toBeGreaterThanOrEqual(0.8);
    const { lo, hi } = result.box.box;
    expect(Math.abs(lo[0] - 0.2)).toBeLessThan(0.05);
    expect(Math.abs(hi[0] - 0.6)).toBeLessThan(0.05);
    expect(Math.abs(lo[1] - 0.3)).toBeLessThan(0.05);
    expect(Math.abs(hi[1] - 0.8)).toBeLessThan(0.05);
    // The planted factors' limits matter; any restriction on a noise factor does not.
    const tests = new Map(result.limits.map((t) => [t.factor, t.pValue]));
    expect(tests.get(0)).toBeLessThan(1e-6);
    expect(tests.get(1)).toBeLessThan(1e-6);
    for (let j = 2; j < k; j++) if (tests.has(j)) expect(tests.get(j)).toBeGreaterThan(0.01);
    // The trajectory starts at the whole space and trades coverage for density.
    expect(result.trajectory[0].coverage).toBe(1);
    expect(result.trajectory[0].mass).toBe(1);
    for (let s = 1; s < result.trajectory.length; s++) {
      expect(result.trajectory[s].coverage).toBeLessThanOrEqual(result.trajectory[s - 1].coverage);
      expect(result.trajectory[s].mass).toBeLessThan(result.trajectory[s - 1].mass);
    }
  });

  test('minDensity chooses the box with most coverage among those dense enough', () => {
    const rng = analysisStream(12, 'prim');
    const n = 2000;
    const x = [new Float64Array(n), new Float64Array(n)];
    const y = new Uint8Array(n);
    for (let i = 0; i < n; i++) {
      x[0][i] = rng();
      x[1][i] = rng();
      y[i] = x[0][i] < 0.3 ? 1 : 0;
    }
    const r = prim(x, y, { minDensity: 0.5 });
    const dense = r.trajectory.filter((s) => s.density >= 0.5);
    expect(r.trajectory[r.chosen].coverage).toBe(Math.max(...dense.map((s) => s.coverage)));
  });

  test('peels whole levels of a factor on a grid (a Morris design): ties never stall it', () => {
    const rng = analysisStream(13, 'prim');
    const n = 800;
    const levels = [0, 1 / 3, 2 / 3, 1];
    const x = [new Float64Array(n), new Float64Array(n), new Float64Array(n)];
    const y = new Uint8Array(n);
    for (let i = 0; i < n; i++) {
      for (const col of x) col[i] = levels[Math.floor(rng() * 4)];
      y[i] = x[0][i] >= 2 / 3 && x[1][i] <= 1 / 3 ? 1 : 0;
    }
    const r = prim(x, y);
    expect(r.trajectory.length).toBeGreaterThan(1);
    expect(r.box.density).toBe(1);
    expect(r.box.coverage).toBe(1);
    expect(r.box.box.lo[0]).toBe(2 / 3);
    expect(r.box.box.hi[1]).toBe(1 / 3);
  });

  test('binomial upper tail against closed forms', () => {
    // P(X ≥ 1) = 1 − (1 − p)^n; P(X ≥ n) = p^n; P(X ≥ 0) = 1.
    expect(binomialUpperTail(1, 10, 0.2)).toBeCloseTo(1 - 0.8 ** 10, 12);
    expect(binomialUpperTail(10, 10, 0.2)).toBeCloseTo(0.2 ** 10, 15);
    expect(binomialUpperTail(0, 10, 0.2)).toBe(1);
    // P(X ≥ 3) for Binomial(5, 0.5) = (10 + 5 + 1)/32.
    expect(binomialUpperTail(3, 5, 0.5)).toBeCloseTo(16 / 32, 12);
  });
});
