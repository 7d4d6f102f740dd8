import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { describe, expect, test } from 'vitest';
import { TABLES } from '../../src/analysis/codebook.js';
import { pairedContrast } from '../../src/analysis/contrasts.js';
import { reachCurve } from '../../src/analysis/reachCurve.js';
import { readResultSet, ResultsError } from '../../src/analysis/readResults.js';
import { writeSummary } from '../../src/analysis/summary.js';
import { comparisonResults, sweepResults } from './fixtures.js';

describe('reachCurve()', () => {
  test('is the cumulative share reached by each week when every initiative is followed to the horizon', () => {
    // 5 initiatives, horizon 10: reached in weeks 2, 2, 5; two never (censored at 10)
    const c = reachCurve([2, null, 5, 2, null], 10);
    expect(c.points).toHaveLength(11);
    expect(c.points[1].share).toBe(0);
    expect(c.points[2].share).toBeCloseTo(0.4, 12);
    expect(c.points[4].share).toBeCloseTo(0.4, 12);
    expect(c.points[5].share).toBeCloseTo(0.6, 12);
    expect(c.points[10].share).toBeCloseTo(0.6, 12);
    expect(c.median.median).toBe(5);
    expect(c.reached).toBe(3);
    for (const p of c.points) {
      expect(p.lo).toBeLessThanOrEqual(p.share + 1e-12);
      expect(p.hi).toBeGreaterThanOrEqual(p.share - 1e-12);
    }
  });

  test('an initiative reaching it in the last week counts as reached', () => {
    const c = reachCurve([10, null], 10);
    expect(c.points[10].share).toBeCloseTo(0.5, 12);
    expect(c.median.median).toBe(10);
  });

  test('when fewer than half reach it the median is never', () => {
    expect(reachCurve([3, null, null], 20).median.median).toBeNull();
  });
});

describe('readResultSet()', () => {
  test('finds the varied parameters in the manifest plan or, without it, between label and the outcomes', async () => {
    const withPlan = await readResultSet((await sweepResults()).dir);
    const fromHeader = await readResultSet((await sweepResults({ manifestWithoutPlan: true, flatManifest: true })).dir);
    expect(withPlan.varied).toEqual(['strategy.steering', 'strategy.participation']);
    expect(fromHeader.varied).toEqual(['strategy.steering', 'strategy.participation']);
    expect(fromHeader.points[4].values).toEqual({ 'strategy.steering': '0.5', 'strategy.participation': '0.5' });
    expect(fromHeader.horizon).toBe(156);
    expect(withPlan.horizon).toBe(156);
    expect(withPlan.scenario.question).toBe('Which strategy gets initiatives to their support threshold?');
    expect(fromHeader.scenario.question).toBe('Which strategy gets initiatives to their support threshold?');
  });

  test('says which file and column are wrong', async () => {
    const { dir } = await comparisonResults();
    const runs = readFileSync(join(dir, 'runs.csv'), 'utf8').replace('reached,', 'reachd,');
    writeFileSync(join(dir, 'runs.csv'), runs);
    await expect(readResultSet(dir)).rejects.toThrow(/runs\.csv: missing column reached/);
    await expect(readResultSet(join(dir, 'nope'))).rejects.toThrow(ResultsError);
  });
});

describe('writeSummary()', () => {
  test('writes one row per point with the columns of docs/results.md', async () => {
    const results = await sweepResults();
    const dir = results.dir;
    writeSummary(results);
    const text = readFileSync(join(dir, 'summary.csv'), 'utf8');
    const rows = parse(text, { columns: true }) as Record<string, string>[];
    expect(text.split('\n')[0]).toBe(
      'point,label,strategy.steering,strategy.participation,runs,initiatives,reach_probability,reach_lo,reach_hi,' +
        'median_reach_week,median_reach_lo,median_reach_hi,formalised_share,trust_gov_final,cohesion_final,' +
        'mean_reach_week,mean_reach_lo,mean_reach_hi,coherent_share,aligned_at',
    );
    expect(rows).toHaveLength(9);
    expect(rows[4]).toMatchObject({ point: '4', label: 'steering=0.5, participation=0.5', 'strategy.steering': '0.5', runs: '6', initiatives: '48' });
    const initiatives = parse(readFileSync(join(dir, 'initiatives.csv'), 'utf8'), { columns: true }) as Record<string, string>[];
    for (const row of rows) {
      const own = initiatives.filter((i) => i.point === row.point);
      const reached = own.filter((i) => i.reached_week !== '').length;
      expect(Number(row.reach_probability)).toBeCloseTo(reached / own.length, 12);
      expect(Number(row.reach_lo)).toBeLessThanOrEqual(Number(row.reach_probability));
      expect(Number(row.reach_hi)).toBeGreaterThanOrEqual(Number(row.reach_probability));
      if (reached / own.length < 0.5) expect(row.median_reach_week).toBe('');
      // Restricted mean reach week and coherent success, recomputed from initiatives.csv: with the
      // same number of initiatives in every run, the mean over runs is the mean over initiatives.
      const horizon = results.horizon;
      const week = (i: Record<string, string>) => (i.reached_week === '' ? horizon : Math.min(horizon, Number(i.reached_week)));
      expect(Number(row.mean_reach_week)).toBeCloseTo(own.reduce((s, i) => s + week(i), 0) / own.length, 9);
      expect(Number(row.mean_reach_lo)).toBeLessThanOrEqual(Number(row.mean_reach_week));
      const coherent = own.filter((i) => i.formalised_week !== '' && Number(i.alignment_final) >= Number(row.aligned_at)).length;
      expect(Number(row.coherent_share)).toBeCloseTo(coherent / own.length, 9);
    }
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });
});

describe('summary.csv: the median reach week and its interval', () => {
  test('the interval\'s lower end can be filled while the median is empty, and docs/results.md says so', async () => {
    // 10 initiatives, horizon 10, one reached in week 1: S(1) = 0.9 never falls to one half, so
    // the median is empty. Its lower limit is the first week the lower edge of S's band is at or below
    // one half (Brookmeyer & Crowley, read off as R's survfit does). By hand, log-log band at week 1:
    // Greenwood Σ = 1/(10·9), w = 1.96·√Σ / |ln 0.9| = 1.9609, lower = 0.9^e^w = 0.9^7.106 = 0.473 ≤ 0.5
    // → median_reach_lo = 1. The upper edge (0.9^e^−w = 0.985) never gets there: median_reach_hi empty.
    const dir = mkdtempSync(join(tmpdir(), 'draagvlak-median-'));
    const id = '0,0,1,only';
    writeFileSync(join(dir, 'manifest.json'), JSON.stringify({ scenario: { horizon: 10 } }));
    writeFileSync(join(dir, 'runs.csv'), [
      'point,replicate,seed,label,initiatives,reached,formalised,first_reached_week,trust_gov_final,cohesion_final,drive_final,support_final,committed_share_final',
      `${id},10,1,0,1,0.5,0.5,0.3,0.3,0.1`,
    ].join('\n') + '\n');
    writeFileSync(join(dir, 'initiatives.csv'), [
      'point,replicate,seed,label,initiative,neighbourhood,households,threshold,reached_week,formalised_week,support_share_final,progress_final,alignment_final',
      ...Array.from({ length: 10 }, (_, i) => `${id},${i},0,10,0.3,${i === 0 ? 1 : ''},,0.1,0,0`),
    ].join('\n') + '\n');
    writeSummary(await readResultSet(dir));
    const [row] = parse(readFileSync(join(dir, 'summary.csv'), 'utf8'), { columns: true }) as Record<string, string>[];
    expect(row).toMatchObject({ reach_probability: '0.1', median_reach_week: '', median_reach_lo: '1', median_reach_hi: '' });
    const columns = TABLES['summary.csv']!.columns;
    expect(columns.median_reach_lo!.description).toMatch(/can be filled while median_reach_week is empty/);
    expect(columns.median_reach_hi!.description).toMatch(/whenever median_reach_week is empty/);
  });
});

describe('pairedContrast()', () => {
  test('differences per replicate, hand-checked on two replicates', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'draagvlak-paired-'));
    const id = (p: number, r: number) => `${p},${r},${r + 1},${p === 0 ? 'classic' : 'cooperative'}`;
    writeFileSync(join(dir, 'manifest.json'), JSON.stringify({ scenario: { horizon: 10 } }));
    writeFileSync(join(dir, 'runs.csv'), [
      'point,replicate,seed,label,initiatives,reached,formalised,first_reached_week,trust_gov_final,cohesion_final,drive_final,support_final,committed_share_final',
      `${id(0, 0)},2,0,0,,0.4,0.5,0.3,0.3,0.1`,
      `${id(0, 1)},2,1,0,4,0.3,0.5,0.3,0.3,0.1`,
      `${id(1, 0)},2,2,0,2,0.6,0.5,0.3,0.3,0.1`,
      `${id(1, 1)},2,1,0,6,0.6,0.5,0.3,0.3,0.1`,
    ].join('\n') + '\n');
    writeFileSync(join(dir, 'initiatives.csv'), [
      'point,replicate,seed,label,initiative,neighbourhood,households,threshold,reached_week,formalised_week,support_share_final,progress_final,alignment_final',
      `${id(0, 0)},0,0,10,0.3,,,0.1,0,0`, `${id(0, 0)},1,1,10,0.3,,,0.1,0,0`,
      `${id(0, 1)},0,0,10,0.3,4,,0.3,0,0`, `${id(0, 1)},1,1,10,0.3,,,0.1,0,0`,
      `${id(1, 0)},0,0,10,0.3,2,,0.3,0,0`, `${id(1, 0)},1,1,10,0.3,8,,0.3,0,0`,
      `${id(1, 1)},0,0,10,0.3,6,,0.3,0,0`, `${id(1, 1)},1,1,10,0.3,,,0.1,0,0`,
    ].join('\n') + '\n');
    const c = pairedContrast(await readResultSet(dir), 1, 0);
    // reach share: replicate 0: 1 − 0 = 1; replicate 1: 0.5 − 0.5 = 0 → mean 0.5, sd √0.5, t(1) = 12.7062
    expect(c.pairs).toBe(2);
    expect(c.differences.reachShare!.mean).toBeCloseTo(0.5, 12);
    // the t interval 0.5 ± 6.35 is cut to what a difference of two shares can be: −1 … +1
    expect(c.differences.reachShare!.lo).toBe(-1);
    expect(c.differences.reachShare!.hi).toBe(1);
    // mean reach week (never = 10): rep 0: (2 + 8)/2 − (10 + 10)/2 = −5; rep 1: (6 + 10)/2 − (4 + 10)/2 = 1 → mean −2;
    // sd √18, so −2 ± 38.1, cut to what a difference of two weeks within the horizon can be: −10 … +10
    expect(c.differences.meanReachWeek!.mean).toBeCloseTo(-2, 12);
    expect([c.differences.meanReachWeek!.lo, c.differences.meanReachWeek!.hi]).toEqual([-10, 10]);
    // final trust: 0.6 − 0.4 = 0.2 and 0.6 − 0.3 = 0.3 → 0.25, sd √0.005: 0.25 ± 0.635 lies inside −1 … +1 and is not cut
    expect(c.differences.trustGovFinal!.mean).toBeCloseTo(0.25, 12);
    expect(c.differences.trustGovFinal!.hi).toBeCloseTo(0.25 + 12.7062047 * Math.sqrt(0.005) / Math.sqrt(2), 5);
  });
});
