import { describe, expect, it } from 'vitest';
import { SERIES_METRICS } from '../../src/model/output.js';
import { cell, formatFailure, formatRun, headers } from '../../src/run/rows.js';
import { runContext, runOne } from '../../src/run/single.js';
import { fakeModel, fakePlan } from './fakeModel.js';

describe('result rows', () => {
  it('cell() quotes only text with commas, quotes or line breaks and prints numbers by String(x)', () => {
    expect(cell('plain')).toBe('plain');
    expect(cell('a, b')).toBe('"a, b"');
    expect(cell('say "hi"')).toBe('"say ""hi"""');
    expect(cell(0.1 + 0.2)).toBe('0.30000000000000004');
    expect(cell(Number.NaN)).toBe('');
    expect(cell(true)).toBe('true');
  });

  it('headers() start with the run identity and the varied parameters, as docs/results.md lists', () => {
    const h = headers(['strategy.steering']);
    expect(h.runs).toBe(
      'point,replicate,seed,label,strategy.steering,initiatives,reached,formalised,first_reached_week,delivered,failed,dropped_out,trust_gov_final,cohesion_final,drive_final,support_final,committed_share_final,least_group_share_final,participation_dissimilarity_final,leader_dissimilarity_final,decision_weeks,blocked\n',
    );
    expect(h.initiatives).toBe(
      'point,replicate,seed,label,strategy.steering,initiative,neighbourhood,households,threshold,reached_week,formalised_week,support_share_final,progress_final,alignment_final,members_final,members_at_formalisation,delivered_week,failed_week,dropped_out,tipping_week,decision_weeks,blocked\n',
    );
    expect(h.series).toBe('point,replicate,seed,label,strategy.steering,week,metric,initiative,value\n');
    expect(h.failures).toBe('point,replicate,seed,label,error\n');
  });

  it('formatRun() counts reached and formalised initiatives as initiatives.csv lists them, censored weeks empty', async () => {
    const { runModel } = await fakeModel();
    const plan = fakePlan(2, 5);
    const ctx = runContext(plan);
    for (let r = 0; r < 5; r++) {
      const run = runOne(runModel, ctx, 1, r);
      const rows = formatRun(plan, run, run.output);
      const prefix = `1,${r},${run.seed},"steering=1, run",1,`;
      const initiatives = rows.initiatives.trimEnd().split('\n');
      expect(initiatives.every((l) => l.startsWith(prefix))).toBe(true);
      const cols = initiatives.map((l) => l.slice(prefix.length).split(','));
      const reached = cols.filter((c) => c[4] !== '').length;
      const formalised = cols.filter((c) => c[5] !== '').length;
      const run_ = rows.runs.slice(prefix.length).trimEnd().split(',');
      expect(run_.slice(0, 3)).toEqual([String(cols.length), String(reached), String(formalised)]);
      const weeks = cols.map((c) => c[4]).filter((w) => w !== '').map(Number);
      expect(run_[3]).toBe(weeks.length ? String(Math.min(...weeks)) : '');
      expect(cols.some((c) => c[4] === '0' || c[5] === '0')).toBe(false);
    }
  });

  it('series rows come week by week, metric by metric, world metrics before each initiative', async () => {
    const { runModel } = await fakeModel();
    const plan = fakePlan(1, 1);
    const run = runOne(runModel, runContext(plan), 0, 0);
    const lines = formatRun(plan, run, run.output).series.trimEnd().split('\n');
    const S = run.output.weeks.length;
    expect(lines).toHaveLength(S * SERIES_METRICS.length + 3 * S);
    const fields = lines.map((l) => l.split(',').slice(-4));
    expect(fields[0]).toEqual(['0', 'support', '', String(run.output.series[0])]);
    expect(fields[1]![1]).toBe('committed_share');
    expect(fields[SERIES_METRICS.length]![0]).toBe('4');
    expect(fields[S * SERIES_METRICS.length]).toEqual(['0', 'support_share', '0', String(run.output.initiativeSeries[0])]);
  });

  it('formatFailure() gives point, replicate, seed, label and the error, quoted where needed', () => {
    const plan = fakePlan(1, 1);
    expect(formatFailure(plan, { point: 0, replicate: 0, seed: 42 }, 'boom, "bad"')).toBe('0,0,42,"steering=0, run","boom, ""bad"""\n');
  });
});
