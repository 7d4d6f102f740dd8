import { describe, expect, it } from 'vitest';
import { pairedDifference } from '../../src/analysis/tInterval.js';
import { contrastMetrics, planContrasts, contrastsCsv } from '../../src/analysis/planContrasts.js';
import { Tables, type ResultSet } from '../../src/analysis/results.js';
import { INITIATIVE_METRICS, RUN_METRICS } from '../../src/model/metrics.js';

/**
 * Student (1908), "The probable error of a mean", Biometrika 6: extra hours of sleep of ten patients
 * under two drugs (R's `sleep` data set). The paired t test of drug 2 against drug 1 gives a mean
 * difference of 1.58 hours with 95 % interval 0.7001 to 2.4599 (R: t.test(extra ~ group, sleep,
 * paired = TRUE), sign reversed).
 */
const DRUG1 = [0.7, -1.6, -0.2, -1.2, -0.1, 3.4, 3.7, 0.8, 0.0, 2.0];
const DRUG2 = [1.9, 0.8, 1.1, 0.1, -0.1, 4.4, 5.5, 1.6, 4.6, 3.4];

/** The sleep data as final trust, on the 0–1 scale trust lives on: (hours + 2) / 10 (0.04 … 0.75). */
const asTrust = (hours: number) => (hours + 2) / 10;

/** A results folder in memory: 'no intervention' and one plan, the first `replicates` of ten, given final trust and reach weeks. */
function sleepResults(replicates = 10): ResultSet {
  const points = [
    { index: 0, label: 'no intervention', values: { plan: 'no intervention' } },
    { index: 1, label: 'drug 2', values: { plan: 'drug 2' } },
  ];
  // A result set built as execution builds one: final trust as given, cohesion half of it; two
  // initiatives per run, and under the plan one more reaches by week 52 in the even replicates.
  const tables = new Tables();
  const row = (metrics: readonly { column: string }[], values: Record<string, number>) => metrics.map((m) => values[m.column] ?? NaN);
  [DRUG1, DRUG2].forEach((values, point) =>
    values.slice(0, replicates).map(asTrust).forEach((v, replicate) => {
      tables.addRun(point, replicate, replicate, row(RUN_METRICS, { initiatives: 2, reached: 0, formalised: 0, first_reached_week: 0, trust_gov_final: v, cohesion_final: v / 2 }));
      tables.addInitiative(point, replicate, 0, row(INITIATIVE_METRICS, { threshold: 0.3, reached_week: 30, formalised_week: 0 }));
      tables.addInitiative(point, replicate, 1, row(INITIATIVE_METRICS, { threshold: 0.3, reached_week: point === 1 && replicate % 2 === 0 ? 40 : 0, formalised_week: 0 }));
    }),
  );
  return {
    dir: '', manifest: {}, scenario: {}, varied: ['plan'], points, horizon: 156, series: null,
    runs: tables.runs(), initiatives: tables.initiatives(), interventions: tables.interventions(),
  };
}

describe('paired effect sizes', () => {
  it("pairedDifference reproduces Student's sleep data: 1.58 hours, 95 % interval 0.70–2.46", () => {
    const d = pairedDifference(DRUG2, DRUG1);
    expect(d.n).toBe(10);
    expect(d.mean).toBeCloseTo(1.58, 10);
    expect(d.lo).toBeCloseTo(0.7001142, 5);
    expect(d.hi).toBeCloseTo(2.4598858, 5);
  });

  it('planContrasts pairs a plan with doing nothing replicate by replicate (the sleep data as final trust)', () => {
    const contrasts = planContrasts(sleepResults());
    const trust = contrasts.find((c) => c.metric === 'trust_gov_final')!;
    expect(trust).toMatchObject({ plan: 'drug 2', baseline: 'no intervention', replications: 10 });
    // Student's 1.58 hours (0.70–2.46) on the trust scale: a tenth of it
    expect(trust.estimate).toBeCloseTo(0.158, 10);
    expect(trust.lo).toBeCloseTo(0.07001142, 6);
    expect(trust.hi).toBeCloseTo(0.24598858, 6);
    expect(trust.planMean - trust.baselineMean).toBeCloseTo(trust.estimate, 12);
    const cohesion = contrasts.find((c) => c.metric === 'cohesion_final')!;
    expect(cohesion.estimate).toBeCloseTo(0.079, 10);
  });

  it('cuts an interval to what a difference can be: −1 … +1 for shares, −horizon … +horizon for weeks', () => {
    const contrasts = planContrasts(sleepResults(2));
    const of = (metric: string) => contrasts.find((c) => c.metric === metric)!;
    // reach by week 52: differences 0.5 and 0, mean 0.25, sd √0.125, t(1) 12.706: 0.25 ± 3.18, cut to −1 … +1
    expect(of('reached_by_week_52')).toMatchObject({ estimate: 0.25, lo: -1, hi: 1 });
    // mean reach week: differences −58 and 0, mean −29, sd 41.0: −29 ± 368, cut to −156 … +156 (horizon 156)
    expect(of('mean_reach_week')).toMatchObject({ estimate: -29, lo: -156, hi: 156 });
    // final trust: differences 0.12 and 0.24, mean 0.18, sd 0.0849: 0.18 ± 0.762 lies inside −1 … +1, not cut
    expect(of('trust_gov_final').lo).toBeCloseTo(0.18 - 12.7062047 * Math.sqrt(0.0072) / Math.sqrt(2), 6);
    expect(of('trust_gov_final').hi).toBeCloseTo(0.18 + 12.7062047 * Math.sqrt(0.0072) / Math.sqrt(2), 6);
  });

  it('reach by week 52 is the difference in the share of initiatives past the threshold; never reaching counts as the horizon in the restricted mean reach week', () => {
    const contrasts = planContrasts(sleepResults());
    const reach = contrasts.find((c) => c.metric === 'reached_by_week_52')!;
    // Half the replicates gain one initiative of two: +0.25 on average.
    expect(reach.estimate).toBeCloseTo(0.25, 12);
    expect(reach.baselineMean).toBeCloseTo(0.5, 12);
    const median = contrasts.find((c) => c.metric === 'mean_reach_week')!;
    // Baseline mean of {30, 156} = 93; under the plan {30, 40} = 35 in half the replicates.
    expect(median.baselineMean).toBe(93);
    expect(median.estimate).toBeCloseTo(-29, 12);
  });

  it('names the metrics by the weeks inside the horizon, and writes contrasts.csv with the documented columns', () => {
    expect(contrastMetrics(156)).toEqual(['reached_by_week_52', 'reached_by_week_104', 'reached_by_week_156', 'mean_reach_week', 'trust_gov_final', 'cohesion_final']);
    expect(contrastMetrics(52)).toEqual(['reached_by_week_52', 'mean_reach_week', 'trust_gov_final', 'cohesion_final']);
    const csv = contrastsCsv(sleepResults());
    expect(csv.split('\n')[0]).toBe('plan,baseline,metric,estimate,lo,hi,replications,plan_mean,baseline_mean');
    expect(csv.trim().split('\n')).toHaveLength(1 + 6);
  });
});
