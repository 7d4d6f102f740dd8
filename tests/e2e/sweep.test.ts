import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { csvRows, draagvlak, resultFiles, tinySweep, workdir } from './cli.js';

describe('draagvlak run through the real worker pool', () => {
  it('writes identical result files with 1, 2 and 3 workers', () => {
    const cwd = workdir({ 'tiny.yaml': tinySweep() });
    const outs = [1, 2, 3].map((workers) => {
      const r = draagvlak(['run', 'tiny.yaml', '--workers', String(workers), '--out', `w${workers}`, '--quiet', '--no-report'], cwd);
      expect(r.stderr).toBe('');
      expect(r.code).toBe(0);
      expect(r.stdout).toContain('12 runs of tiny in w');
      return resultFiles(join(cwd, `w${workers}`));
    });
    expect(outs[0]!['runs.csv']!.trimEnd().split('\n')).toHaveLength(13);
    expect(outs[0]!['failures.csv']).toBeNull();
    expect(outs[1]).toEqual(outs[0]);
    expect(outs[2]).toEqual(outs[0]);
    const manifest = JSON.parse(readFileSync(join(cwd, 'w3', 'manifest.json'), 'utf8'));
    expect(manifest).toMatchObject({ complete: true, runs: 12, points: 3, replications: 4, seed: 3, varied: ['strategy.steering'] });
    expect(manifest.execution.workers).toBe(3);
    expect(existsSync(join(cwd, 'w3', '.parts'))).toBe(false);
  });

  it('says what it ran, in the singular when there is one: 3 runs … (3 points × 1 replication)', () => {
    const cwd = workdir({ 'tiny.yaml': tinySweep() });
    const r = draagvlak(['run', 'tiny.yaml', '--replications', '1', '--quiet', '--no-report', '--workers', '1'], cwd);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(`draagvlak: 3 runs of tiny in ${join('results', 'tiny')}/ (3 points × 1 replication)\n`);
  });

  it('gives byte-identical files for the same scenario and seed, and different ones for another seed', () => {
    const cwd = workdir({ 'tiny.yaml': tinySweep() });
    const run = (out: string, ...more: string[]) =>
      expect(draagvlak(['run', 'tiny.yaml', '--out', out, '--quiet', '--no-report', '--workers', '2', ...more], cwd).code).toBe(0);
    run('a');
    run('b');
    run('c', '--seed', '4');
    const [a, b, c] = ['a', 'b', 'c'].map((d) => resultFiles(join(cwd, d)));
    expect(b).toEqual(a);
    for (const f of ['runs.csv', 'initiatives.csv', 'series.csv']) expect(c![f]).not.toEqual(a![f]);
  });

  it('puts the point, replicate, seed, label and swept value on every row, in canonical order', () => {
    const cwd = workdir({ 'tiny.yaml': tinySweep() });
    expect(draagvlak(['run', 'tiny.yaml', '--quiet', '--no-report', '--workers', '3'], cwd).code).toBe(0);
    const dir = join(cwd, 'results', 'tiny');
    const runs = csvRows(readFileSync(join(dir, 'runs.csv'), 'utf8'));
    expect(runs.map((r) => `${r.point}:${r.replicate}`)).toEqual(Array.from({ length: 12 }, (_, k) => `${Math.floor(k / 4)}:${k % 4}`));
    expect(runs.map((r) => r['strategy.steering'])).toEqual(['0.2', '0.5', '0.8'].flatMap((s) => [s, s, s, s]));
    // Common random numbers: replicate r has the same seed at every point.
    expect(new Set(runs.filter((r) => r.replicate === '1').map((r) => r.seed)).size).toBe(1);
    const series = csvRows(readFileSync(join(dir, 'series.csv'), 'utf8'));
    expect(series.every((s) => s.seed === runs.find((r) => r.point === s.point && r.replicate === s.replicate)!.seed)).toBe(true);
  });

  it('reached and formalised counts in runs.csv agree with initiatives.csv, seed after seed', () => {
    // A horizon at which some initiatives formalise and others are still censored.
    const cwd = workdir({ 'tiny.yaml': tinySweep({ households: 40, horizon: 70 }) });
    const formalisedWeeks: string[] = [];
    for (const seed of [1, 2, 3]) {
      const out = `s${seed}`;
      expect(draagvlak(['run', 'tiny.yaml', '--seed', String(seed), '--out', out, '--quiet', '--no-report'], cwd).code).toBe(0);
      const runs = csvRows(readFileSync(join(cwd, out, 'runs.csv'), 'utf8'));
      const initiatives = csvRows(readFileSync(join(cwd, out, 'initiatives.csv'), 'utf8'));
      for (const run of runs) {
        const mine = initiatives.filter((i) => i.point === run.point && i.replicate === run.replicate);
        expect(mine.map((i) => i.seed)).toEqual(mine.map(() => run.seed));
        expect(Number(run.initiatives)).toBe(mine.length);
        expect(Number(run.reached)).toBe(mine.filter((i) => i.reached_week !== '').length);
        expect(Number(run.formalised)).toBe(mine.filter((i) => i.formalised_week !== '').length);
        const weeks = mine.filter((i) => i.reached_week !== '').map((i) => Number(i.reached_week));
        expect(run.first_reached_week).toBe(weeks.length ? String(Math.min(...weeks)) : '');
        for (const i of mine) {
          formalisedWeeks.push(i.formalised_week!);
          if (i.formalised_week !== '') expect(Number(i.formalised_week)).toBeGreaterThanOrEqual(Number(i.reached_week));
        }
      }
    }
    expect(formalisedWeeks).toContain('');
    expect(formalisedWeeks.some((w) => w !== '')).toBe(true);
  });
});
