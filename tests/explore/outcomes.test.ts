import { describe, expect, test } from 'vitest';
import { OUTCOMES, coherentShare, reachedBy, type RunView } from '../../src/analysis/outcomes.js';
import { outcomeByGroup, outcomeDefinition, restrictedMean, type OutcomeData } from '../../src/analysis/pooledOutcomes.js';
import { kaplanMeier } from '../../src/analysis/kaplanMeier.js';
import { reachCurve } from '../../src/analysis/reachCurve.js';

/** Two runs of three initiatives each, horizon 100. NaN: never reached (censored at the horizon). */
function data(): OutcomeData {
  return {
    horizon: 100,
    runs: 2,
    runOf: Uint32Array.from([0, 0, 0, 1, 1, 1]),
    reachedWeek: Float64Array.from([10, 30, NaN, 50, NaN, NaN]),
    formalisedWeek: Float64Array.from([40, NaN, NaN, 90, NaN, NaN]),
    alignment: Float64Array.from([0.6, 0.9, 0.1, 0.3, 0.9, 0.9]),
    alignedAt: Float64Array.from([0.5, 0.5]),
    trustFinal: Float64Array.from([0.4, 0.6]),
  };
}
const each = Uint32Array.from([0, 1]);
const pooled = Uint32Array.from([0, 0]);

describe('censoring-aware outcomes', () => {
  test('reached by a week: the share of initiatives with a reach week at or before it', () => {
    expect(Array.from(outcomeByGroup('reached_by_30', data(), each, 2).values)).toEqual([2 / 3, 0]);
    expect(Array.from(outcomeByGroup('reached_by_100', data(), pooled, 1).values)).toEqual([3 / 6]);
  });

  test('RMST: with censoring only at the horizon it is the mean of min(T, horizon) (closed form)', () => {
    // run 0: (10 + 30 + 100) / 3; run 1: (50 + 100 + 100) / 3; pooled: 390 / 6.
    const rmst = outcomeByGroup('rmst', data(), each, 2).values;
    expect(rmst[0]).toBeCloseTo(140 / 3, 12);
    expect(rmst[1]).toBeCloseTo(250 / 3, 12);
    expect(outcomeByGroup('rmst', data(), pooled, 1).values[0]).toBeCloseTo(65, 12);
  });

  test('RMST with censoring before the horizon: the area under the Kaplan–Meier steps', () => {
    // Events at 2 and 6, one censored at 4, among 3: S = 2/3 on [2, 6), then 0 (one at risk, its event).
    const steps = kaplanMeier([2, 4, 6], [true, false, true]);
    expect(restrictedMean(steps, 10)).toBeCloseTo(2 + (2 / 3) * 4, 12);
  });

  test('median reach week: censored (set to the horizon) when fewer than half reached it', () => {
    const m = outcomeByGroup('median_reach', data(), each, 2);
    expect(m.values[0]).toBe(30);
    expect(m.censored[0]).toBe(0);
    expect(m.values[1]).toBe(100);
    expect(m.censored[1]).toBe(1);
  });

  test('coherent success: formalised by the horizon and aligned at or above alignedAt', () => {
    // run 0: initiative 0 (formalised, 0.6 ≥ 0.5); run 1: initiative 3 formalised but 0.3 < 0.5.
    expect(Array.from(outcomeByGroup('coherent_success', data(), each, 2).values)).toEqual([1 / 3, 0]);
  });

  test('final trust: the mean over the group’s runs', () => {
    expect(outcomeByGroup('trust_final', data(), pooled, 1).values[0]).toBeCloseTo(0.5, 12);
  });

  test('names: reached_by_<week> within the horizon and the four others; anything else is unknown', () => {
    expect(outcomeDefinition('reached_by_100', 100)).not.toBeNull();
    expect(outcomeDefinition('reached_by_101', 100)).toBeNull();
    expect(outcomeDefinition('reached_by_0', 100)).toBeNull();
    expect(outcomeDefinition('rmts', 100)).toBeNull();
    expect(() => outcomeByGroup('rmts', data(), each, 2)).toThrow(/unknown outcome rmts/);
  });
});

describe('one definition: pooled outcomes of one run equal the per-run outcomes, pooled curves the reach curve', () => {
  // 40 runs of 6 initiatives, horizon 52, from a fixed linear congruential sequence.
  let state = 12345;
  const next = () => (state = (state * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  const horizon = 52;
  const runs = 40;
  const per = 6;
  const reached = Array.from({ length: runs * per }, () => (next() < 0.3 ? 0 : 1 + Math.floor(next() * horizon)));
  const formalised = reached.map((w) => (w > 0 && next() < 0.6 ? Math.min(horizon, w + Math.floor(next() * 10)) : 0));
  const alignment = reached.map(() => next());
  const trust = Array.from({ length: runs }, () => next());
  const data: OutcomeData = {
    horizon,
    runs,
    runOf: Uint32Array.from(reached, (_, i) => Math.floor(i / per)),
    reachedWeek: Float64Array.from(reached, (w) => (w > 0 ? w : NaN)),
    formalisedWeek: Float64Array.from(formalised, (w) => (w > 0 ? w : NaN)),
    alignment: Float64Array.from(alignment),
    alignedAt: new Float64Array(runs).fill(0.5),
    trustFinal: Float64Array.from(trust),
  };
  const view = (r: number): RunView => ({
    horizon,
    reachedWeek: reached.slice(r * per, (r + 1) * per),
    formalisedWeek: formalised.slice(r * per, (r + 1) * per),
    alignmentFinal: alignment.slice(r * per, (r + 1) * per),
    trustGovFinal: trust[r],
    cohesionFinal: null,
    leastGroupShareFinal: null,
    participationDissimilarityFinal: null,
    driveFinal: null,
  });
  const eachRun = Uint32Array.from({ length: runs }, (_, r) => r);

  test('reached by a week, coherent success and final trust, run by run', () => {
    for (const week of [1, 13, 26, 52]) {
      const pooled = outcomeByGroup(`reached_by_${week}`, data, eachRun, runs).values;
      for (let r = 0; r < runs; r++) expect(pooled[r]).toBe(reachedBy(week).of(view(r)));
    }
    const coherent = outcomeByGroup('coherent_success', data, eachRun, runs).values;
    const trustFinal = outcomeByGroup('trust_final', data, eachRun, runs).values;
    for (let r = 0; r < runs; r++) {
      expect(coherent[r]).toBe(coherentShare(0.5).of(view(r)));
      expect(trustFinal[r]).toBe(OUTCOMES.trust_gov_final.of(view(r)));
    }
  });

  test('the pooled median reach week is the reach curve’s median (censored: the horizon)', () => {
    const groups = Uint32Array.from({ length: runs }, (_, r) => r % 4);
    const median = outcomeByGroup('median_reach', data, groups, 4);
    for (let g = 0; g < 4; g++) {
      const weeks = reached.filter((_, i) => Math.floor(i / per) % 4 === g);
      const curve = reachCurve(weeks, horizon).median.median;
      expect(median.values[g]).toBe(curve ?? horizon);
      expect(median.censored[g]).toBe(curve === null ? 1 : 0);
    }
  });
});
