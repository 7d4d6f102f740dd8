import { copyFileSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { exploreCharts } from '../../src/charts/exploreCharts.js';
import { buildExploreReport, exploreSentences } from '../../src/charts/exploreReport.js';
import { words } from '../../src/charts/words.js';
import type { ExploreAnalysis, IndexRow } from '../../src/explore/analyse.js';
import type { Factor } from '../../src/explore/plan.js';
import type { Scenario } from '../../src/scenario/types.js';

const COMMITTED = 'results/explore-drivers';

/** An explore analysis as analyseOutcomes gives it, from the factors, each outcome's point values and the index rows. */
function analysis(method: 'sobol' | 'morris', size: number, factors: Omit<Factor, 'integer'>[], y: Record<string, number[]>, indices: Omit<IndexRow, 'method'>[]): ExploreAnalysis {
  const points = Object.values(y)[0].length;
  return {
    design: { method, factors: factors.map((f) => ({ ...f, integer: false })), unit: new Float64Array(points * factors.length), size, levels: 4, outcomes: Object.keys(y), bootstrap: 1000, seed: 1 },
    scenario: { horizon: 60 } as Scenario,
    replications: 1,
    x: new Float64Array(points * factors.length),
    y: new Map(Object.entries(y).map(([k, v]) => [k, Float64Array.from(v)])),
    indices: indices.map((r) => ({ method, ...r })),
    outcomes: Object.keys(y).map((outcome) => ({ outcome, title: outcome, mean: 0, sd: 0, noiseShare: NaN, censoredPoints: 0 })),
  };
}

const FACTORS: Omit<Factor, 'integer'>[] = [
  { path: 'strategy.serving', kind: 'lever', from: 0, to: 1 },
  { path: 'residents.threshold', kind: 'uncertainty', from: 0.35, to: 0.55 },
];

describe('the explore report says what Morris μ* is', () => {
  it('μ* is a change per whole range, extrapolated from steps of 2/3 of it, as the committed numbers show', async () => {
    // Oracle: Morris (1991), an elementary effect is Δy / Δ with Δ = p / (2(p − 1)) = 2/3 of the range
    // on 4 levels. Recomputed from the committed explore-points.csv: the 40 steps of residents.threshold
    // change reached_by_104 by 0.628 on average, and 0.628 / (2/3) = 0.942 is the committed μ*.
    const [head, ...lines] = readFileSync(join(COMMITTED, 'explore-points.csv'), 'utf8').trim().split('\n');
    const columns = head.split(',');
    const rows = lines.map((l) => l.split(',').map(Number));
    const t = columns.indexOf('residents.threshold');
    const y = columns.indexOf('reached_by_104');
    const factors = columns.slice(1, columns.indexOf('reached_by_104'));
    const steps: number[] = [];
    for (let i = 0; i + 1 < rows.length; i++) {
      if (Math.floor(i / (factors.length + 1)) !== Math.floor((i + 1) / (factors.length + 1))) continue;
      const moved = factors.map((_, j) => j + 1).filter((j) => rows[i][j] !== rows[i + 1][j]);
      if (moved.length === 1 && moved[0] === t) steps.push(Math.abs(rows[i + 1][y] - rows[i][y]));
    }
    expect(steps).toHaveLength(40);
    const meanStep = steps.reduce((s, v) => s + v, 0) / steps.length;
    const muStar = readFileSync(join(COMMITTED, 'indices.csv'), 'utf8')
      .split('\n')
      .find((l) => l.startsWith('morris,reached_by_104,residents.threshold,uncertainty,mu_star,'))!
      .split(',')[5];
    expect(meanStep / (2 / 3)).toBeCloseTo(Number(muStar), 4);

    const dir = mkdtempSync(join(tmpdir(), 'draagvlak-explore-words-'));
    for (const f of ['manifest.json', 'runs.csv', 'initiatives.csv']) copyFileSync(join(COMMITTED, f), join(dir, f));
    const { analysis: a } = await buildExploreReport(dir, { png: false });
    const html = readFileSync(join(dir, 'report.html'), 'utf8');
    expect(html).toContain('a change per whole range of the factor, extrapolated from steps of 2/3 of it');
    expect(html).not.toMatch(/across its range|over the factor’s range/);
    const indices = exploreCharts(a).find((c) => c.name === 'explore-indices')!;
    expect(JSON.stringify(indices.spec)).toContain('μ*: outcome change per whole range of the factor (outcome units)');
    expect(indices.caption).toContain('per whole range of the factor, extrapolated from steps of 2/3 of it');
    // the indices table heads in words, in both languages (the CSV keeps mu, mu_star, sigma)
    expect(html).toContain('<th>μ* (mean |elementary effect|)</th><th>σ (sd of the elementary effects)</th>');
    await buildExploreReport(dir, { png: false, lang: 'nl' });
    const nl = readFileSync(join(dir, 'report.html'), 'utf8');
    expect(nl).toContain('<th>μ (gemiddeld elementair effect)</th><th>μ* (gemiddeld |elementair effect|)</th>');
    expect(nl).toContain('per heel bereik van de factor, geëxtrapoleerd uit stappen van 2/3 ervan');
    expect(nl).not.toMatch(/<th>(mu|mu_star|sigma)<\/th>/);
  });
});

describe('the Morris chart names an intervention setting with its intervention', () => {
  it('"subsidy: size", not "Size"', () => {
    const factors: Omit<Factor, 'integer'>[] = [
      { path: 'interventions.subsidy.size', kind: 'lever', from: 0, to: 0.5 },
      { path: 'interventions.mandate.size', kind: 'uncertainty', from: 0, to: 0.6 },
      { path: 'interventions[1].for', kind: 'lever', from: 1, to: 50 },
    ];
    const rows = factors.flatMap((f, i) => [
      { outcome: 'rmst', factor: f.path, kind: f.kind, index: 'mu_star', estimate: 10 * (i + 1), lo: 0, hi: 40 },
      { outcome: 'rmst', factor: f.path, kind: f.kind, index: 'sigma', estimate: 5 * (3 - i), lo: 0, hi: 20 },
    ]);
    const a = analysis('morris', 4, factors, { rmst: [1, 2, 3, 4] }, rows);
    const named = (lang: 'en' | 'nl') => {
      const spec = exploreCharts(a, words(lang)).find((c) => c.name === 'explore-morris')!.spec as { concat: { layer: { data: { values: { short?: string }[] } }[] }[] };
      return spec.concat[0].layer[2].data.values.map((v) => v.short).sort();
    };
    expect(named('en')).toEqual(['interventions[1]: weeks it lasts', 'mandate: size', 'subsidy: size']);
    expect(named('nl')).toEqual(['interventions[1]: weken dat ze duurt', 'mandate: omvang', 'subsidy: omvang']);
    // and the sentences name the intervention, not the path: "size (subsidy; lever, …)"
    expect(exploreSentences(a)[0]).toContain('weeks it lasts (interventions[1]; lever, μ* 30.00');
    expect(exploreSentences(a)[0]).toContain('size (subsidy; lever, μ* 10.00');
  });
});

describe('the explore report on Sobol’ estimates it cannot stand behind', () => {
  const sobol = (trust: [number, number, number, number]) =>
    analysis('sobol', 8, FACTORS, { coherent_success: [0, 0, 0, 0], trust_final: [0.4, 0.5, 0.45, 0.6] }, [
      ...FACTORS.flatMap((f) => ['S1', 'ST'].map((index) => ({ outcome: 'coherent_success', factor: f.path, kind: f.kind, index, estimate: 0, lo: 0, hi: 0 }))),
      { outcome: 'trust_final', factor: 'strategy.serving', kind: 'lever', index: 'S1', estimate: trust[0], lo: trust[0] - 0.1, hi: trust[0] + 0.1 },
      { outcome: 'trust_final', factor: 'residents.threshold', kind: 'uncertainty', index: 'S1', estimate: trust[1], lo: 0, hi: trust[1] + 0.1 },
      { outcome: 'trust_final', factor: 'strategy.serving', kind: 'lever', index: 'ST', estimate: trust[2], lo: trust[2] - 0.1, hi: trust[2] + 0.1 },
      { outcome: 'trust_final', factor: 'residents.threshold', kind: 'uncertainty', index: 'ST', estimate: trust[3], lo: 0, hi: trust[3] + 0.1 },
    ]);

  it('an outcome that is the same at every point has no drivers', () => {
    const [coherent] = exploreSentences(sobol([0.6, 0.2, 0.7, 0.3]));
    expect(coherent).toBe('Coherent success: formalised and aligned: 0 at every point. An outcome that never varies has no drivers: no factor moved it.');
  });

  it('estimates outside 0–1 are called unreliable and give no shares of variance', () => {
    // serving's first-order index 3.57 (as a Saltelli design of 8 base rows gave it): no share of variance can be
    const [, trust] = exploreSentences(sobol([3.57, 0.09, 0.84, 0.02]));
    expect(trust).toContain('the Sobol’ estimates are not reliable with 8 base rows: the first order S1 of serving (strategy) is 3.57 (a share of the variance lies from 0 to 1)');
    expect(trust).toContain('the first-order indices add up to 366 % (more than the whole variance)');
    expect(trust).not.toContain('account for');
    expect(trust).not.toContain('strongest drivers');
  });

  it('noise as large as the variance between points is said in words, not as "100 %"', () => {
    // analyseOutcomes caps the noise share at 1 (src/explore/analyse.ts): then noise alone covers the spread of the points
    const a = sobol([0.6, 0.2, 0.7, 0.3]);
    a.replications = 2;
    a.outcomes[1].noiseShare = 1;
    const [, trust] = exploreSentences(a);
    expect(trust).toContain('Run-to-run noise alone is as large as the variance between points (2 replications averaged per point)');
    expect(trust).not.toContain('100 %');
    a.outcomes[1].noiseShare = 0.25;
    expect(exploreSentences(a)[1]).toContain('Run-to-run noise is 25 % of the variance between points');
  });

  it('estimates within 0–1 and narrow intervals are reported as shares', () => {
    const [, trust] = exploreSentences(sobol([0.6, 0.2, 0.7, 0.3]));
    expect(trust).toContain('the strongest drivers are serving');
    expect(trust).toContain('levers together account for 60 % of its variance on their own');
    expect(trust).not.toContain('not reliable');
  });
});
