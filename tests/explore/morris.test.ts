import { describe, expect, test } from 'vitest';
import { analysisStream } from '../../src/random/streams.js';
import { elementaryEffects, morrisDesign, morrisMeasures, spreadTrajectories, trajectoryDistance, trajectorySpread } from '../../src/explore/morris.js';
import { analyseOutcomes } from '../../src/explore/analyse.js';
import { factorValue, type ExploreDesign, type Factor } from '../../src/explore/plan.js';
import type { Scenario } from '../../src/scenario/types.js';

function evaluate(design: Float64Array, k: number, f: (x: Float64Array) => number): Float64Array {
  const y = new Float64Array(design.length / k);
  for (let p = 0; p < y.length; p++) y[p] = f(design.subarray(p * k, p * k + k));
  return y;
}

describe('Morris elementary effects (Morris 1991; μ* of Campolongo, Cariboni & Saltelli 2007)', () => {
  test('trajectories: k + 1 grid points, each step moves one factor by Δ = p/(2(p − 1)) inside [0, 1]', () => {
    const k = 5;
    const levels = 4;
    const d = morrisDesign(10, k, levels, analysisStream(1, 'morris'));
    const delta = levels / (2 * (levels - 1));
    for (let t = 0; t < 10; t++) {
      const moved = new Set<number>();
      for (let s = 0; s < k; s++) {
        const a = (t * (k + 1) + s) * k;
        const changed = [];
        for (let i = 0; i < k; i++) if (d[a + k + i] !== d[a + i]) changed.push(i);
        expect(changed.length).toBe(1);
        expect(Math.abs(Math.abs(d[a + k + changed[0]] - d[a + changed[0]]) - delta)).toBeLessThan(1e-12);
        moved.add(changed[0]);
      }
      expect(moved.size).toBe(k);
    }
    for (const v of d) {
      expect(v).toBeGreaterThanOrEqual(0);
      expect(v).toBeLessThanOrEqual(1);
      expect(Math.abs(v * (levels - 1) - Math.round(v * (levels - 1)))).toBeLessThan(1e-12);
    }
  });

  test('a linear function: μ = μ* = the coefficient, σ = 0', () => {
    const coef = [4, -2, 1, 0];
    const d = morrisDesign(8, 4, 4, analysisStream(2, 'morris'));
    const y = evaluate(d, 4, (x) => coef.reduce((s, c, i) => s + c * x[i], 0));
    const m = morrisMeasures(elementaryEffects(d, y, 8, 4), 8, 4, analysisStream(2, 'bootstrap'), 200);
    coef.forEach((c, i) => {
      expect(m.mu[i].estimate).toBeCloseTo(c, 10);
      expect(m.muStar[i].estimate).toBeCloseTo(Math.abs(c), 10);
      expect(m.sigma[i].estimate).toBeCloseTo(0, 10);
    });
  });

  test('Sobol G function a = (0, 1, 4.5, 9, 99, …): μ* ranks the factors as their known importance', () => {
    // Known order (Saltelli & Sobol' 1995; Campolongo et al. 2007 §4): importance falls as a_i rises;
    // the four factors with a = 99 are negligible. The g_i are non-monotone, so μ is near 0 while μ* is not.
    const a = [0, 1, 4.5, 9, 99, 99, 99, 99];
    const k = a.length;
    const r = 50;
    const d = morrisDesign(r, k, 4, analysisStream(3, 'morris'));
    const y = evaluate(d, k, (x) => a.reduce((p, ai, i) => (p * (Math.abs(4 * x[i] - 2) + ai)) / (1 + ai), 1));
    const m = morrisMeasures(elementaryEffects(d, y, r, k), r, k, analysisStream(3, 'bootstrap'), 500);
    const muStar = m.muStar.map((v) => v.estimate);
    for (let i = 0; i < 3; i++) expect(muStar[i]).toBeGreaterThan(muStar[i + 1]);
    for (let i = 4; i < k; i++) expect(muStar[i]).toBeLessThan(muStar[3] / 2);
    // The interval of the strongest factor lies above every negligible one's.
    for (let i = 4; i < k; i++) expect(m.muStar[0].lo).toBeGreaterThan(m.muStar[i].hi);
    expect(Math.abs(m.mu[0].estimate)).toBeLessThan(muStar[0]);
  });
});

describe('well-spread trajectories (Campolongo, Cariboni & Saltelli 2007; elimination of Ruano et al. 2012)', () => {
  test('the distance between two trajectories: the sum of the distances between their points (closed form)', () => {
    // k = 1: trajectory 0 is (0) → (0.5), trajectory 1 is (1) → (0.5): |0−1| + |0−0.5| + |0.5−1| + 0 = 2.
    expect(trajectoryDistance(Float64Array.from([0, 0.5, 1, 0.5]), 0, 1, 1)).toBe(2);
  });

  test('the chosen r of M candidates are candidates, whole, and spread at least as well as any random r of them', () => {
    const k = 6;
    const M = 40;
    const r = 8;
    const size = (k + 1) * k;
    const candidates = morrisDesign(M, k, 4, analysisStream(4, 'morris'));
    const chosen = spreadTrajectories(candidates, M, r, k);
    expect(chosen).toHaveLength(r * size);
    const whole = Array.from({ length: M }, (_, t) => candidates.subarray(t * size, (t + 1) * size).join());
    for (let t = 0; t < r; t++) expect(whole).toContain(chosen.subarray(t * size, (t + 1) * size).join());
    const best = trajectorySpread(chosen, r, k);
    // 200 random choices of r of the same candidates (a partial Fisher–Yates shuffle each).
    const rng = analysisStream(4, 'choice');
    let beaten = 0;
    let mean = 0;
    for (let n = 0; n < 200; n++) {
      const order = Array.from({ length: M }, (_, i) => i);
      for (let i = 0; i < r; i++) {
        const j = i + Math.floor(rng() * (M - i));
        [order[i], order[j]] = [order[j], order[i]];
      }
      const pick = new Float64Array(r * size);
      order.slice(0, r).forEach((t, i) => pick.set(candidates.subarray(t * size, (t + 1) * size), i * size));
      const spread = trajectorySpread(pick, r, k);
      mean += spread / 200;
      if (spread > best) beaten++;
    }
    expect(beaten).toBe(0);
    expect(best).toBeGreaterThan(mean);
  });

  test('Sobol G function on well-spread trajectories: μ* still ranks the factors as their known importance', () => {
    const a = [0, 1, 4.5, 9, 99, 99, 99, 99];
    const k = a.length;
    const r = 20;
    const d = spreadTrajectories(morrisDesign(200, k, 4, analysisStream(5, 'morris')), 200, r, k);
    const y = evaluate(d, k, (x) => a.reduce((p, ai, i) => (p * (Math.abs(4 * x[i] - 2) + ai)) / (1 + ai), 1));
    const muStar = morrisMeasures(elementaryEffects(d, y, r, k), r, k, analysisStream(5, 'bootstrap'), 500).muStar.map((v) => v.estimate);
    for (let i = 0; i < 3; i++) expect(muStar[i]).toBeGreaterThan(muStar[i + 1]);
    for (let i = 4; i < k; i++) expect(muStar[i]).toBeLessThan(muStar[3] / 2);
  });
});

describe('Morris on a whole-number factor (explore)', () => {
  test('a linear function of the parties (1–8): μ is the change over the whole range, as for a continuous factor', () => {
    // Oracle: for y = c·x the change over a factor's whole range is c × (to − from) (Morris 1991's
    // elementary effect of a linear function, per whole range). On 4 levels the parties take the
    // values 1, 3, 6 and 8, so a step of Δ = 2/3 of the unit cube moves them by 5 of 7: dividing the
    // change by 2/3 instead of 5/7 would give 0.075 for a change of 0.07.
    const factors: Factor[] = [
      { path: 'strategy.stakeholders', kind: 'lever', from: 1, to: 8, integer: true },
      { path: 'strategy.steering', kind: 'lever', from: 0, to: 1, integer: false },
    ];
    const r = 6;
    const k = factors.length;
    const unit = morrisDesign(r, k, 4, analysisStream(4, 'morris'));
    const design: ExploreDesign = { method: 'morris', factors, unit, size: r, levels: 4, outcomes: ['trust_final'], bootstrap: 50, seed: 4 };
    const points = unit.length / k;
    const trustFinal = Float64Array.from({ length: points }, (_, p) => 0.01 * factorValue(factors[0], unit[p * k]) + 0.2 * factorValue(factors[1], unit[p * k + 1]));
    const data = { horizon: 156, runs: points, runOf: new Uint32Array(0), reachedWeek: new Float64Array(0), formalisedWeek: new Float64Array(0), alignment: new Float64Array(0), alignedAt: new Float64Array(points), trustFinal };
    const a = analyseOutcomes(design, { replications: 1, horizon: 156 } as Scenario, data);
    const mu = (factor: string) => a.indices.find((row) => row.factor === factor && row.index === 'mu')!;
    expect(mu('strategy.stakeholders').estimate).toBeCloseTo(0.07, 12);
    expect(mu('strategy.stakeholders').lo).toBeCloseTo(0.07, 12);
    expect(mu('strategy.steering').estimate).toBeCloseTo(0.2, 12);
  });
});
