import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { draagvlak, folderBytes, tinySweep, workdir } from './cli.js';

describe('draagvlak run --shard and draagvlak merge', () => {
  it('three shards merge into the folder one unsplit run writes: result files, summary, charts, report', () => {
    const cwd = workdir({ 'tiny.yaml': tinySweep({ replications: 3 }) });
    const whole = draagvlak(['run', 'tiny.yaml', '--out', 'whole', '--quiet', '--workers', '2'], cwd);
    expect(whole.code).toBe(0);
    for (const i of [1, 2, 3]) {
      const r = draagvlak(['run', 'tiny.yaml', '--shard', `${i}/3`, '--quiet', '--workers', '1'], cwd);
      expect(r.stderr).toBe('');
      expect(r.code).toBe(0);
      expect(r.stdout).toContain(`shard ${i}/3 of tiny: 3 of 9 runs in results/tiny.shards/${i}/`);
      expect(existsSync(join(cwd, 'results/tiny.shards', String(i), 'report.html'))).toBe(false);
    }
    // a shard's folder is not reported on its own: report says to merge, exit 2, nothing written
    const before = folderBytes(join(cwd, 'results/tiny.shards/1'));
    const report = draagvlak(['report', 'results/tiny.shards/1'], cwd);
    expect(report.code).toBe(2);
    expect(report.stderr).toBe('draagvlak report: results/tiny.shards/1: expected a results folder, found shard 1/3 of a run; join every shard\'s folder with draagvlak merge OUT SHARD_DIR..., which writes the report\n');
    expect(folderBytes(join(cwd, 'results/tiny.shards/1'))).toEqual(before);
    const merged = draagvlak(['merge', 'merged', 'results/tiny.shards/3', 'results/tiny.shards/1', 'results/tiny.shards/2'], cwd);
    expect(merged.stderr).toBe('');
    expect(merged.code).toBe(0);
    expect(merged.stdout).toContain('merged 3 shards: 9 runs in merged/');
    const expected = folderBytes(join(cwd, 'whole'));
    expect(Object.keys(expected)).toEqual(expect.arrayContaining(['runs.csv', 'initiatives.csv', 'series.csv', 'summary.csv', 'report.html', 'manifest.json']));
    expect(Object.keys(expected).filter((f) => f.startsWith('charts/')).length).toBeGreaterThan(3);
    expect(folderBytes(join(cwd, 'merged'))).toEqual(expected);

    // the output folder may be any path, as merge --help says: here one outside the current directory
    const elsewhere = join(workdir(), 'merged');
    const outside = draagvlak(['merge', elsewhere, 'results/tiny.shards/1', 'results/tiny.shards/2', 'results/tiny.shards/3', '--no-report'], cwd);
    expect(outside.code).toBe(0);
    expect(readFileSync(join(elsewhere, 'runs.csv'), 'latin1')).toBe(expected['runs.csv']);
    const help = draagvlak(['merge', '--help'], cwd).stdout;
    expect(help).toMatch(/out\s+results folder to write: any path, under the rules of run --out/);
    expect(help).not.toContain('inside the current directory');
  });

  it('refuses a shard missing, given twice or from another scenario, and a bad --shard: one line, exit 2, nothing written', () => {
    const cwd = workdir({ 'tiny.yaml': tinySweep({ replications: 2 }) });
    for (const i of [1, 2, 3]) expect(draagvlak(['run', 'tiny.yaml', '--shard', `${i}/3`, '--quiet', '--workers', '1'], cwd).code).toBe(0);
    expect(draagvlak(['run', 'tiny.yaml', '--shard', '2/3', '--seed', '9', '--out', 'other', '--quiet', '--workers', '1'], cwd).code).toBe(0);
    const s = (i: number) => `results/tiny.shards/${i}`;
    const cases: [string[], RegExp][] = [
      [[s(1), s(3)], /^merge: missing shard 2\/3 \(2 of 6 runs\); give every shard's folder, running the missing shards first$/],
      [[s(1), s(2), s(2), s(3)], /^merge: shard 2\/3 is given twice, as .*tiny.shards\/2 and .*tiny.shards\/2; give each shard once$/],
      [[s(1), 'other', s(3)], /^merge: shard 2\/3 \(.*other\) comes from another scenario than shard 1\/3 .*; shards to merge must be run from the same scenario file/],
    ];
    for (const [dirs, message] of cases) {
      const r = draagvlak(['merge', 'merged', ...dirs, '--no-report'], cwd);
      expect(r.code).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr.trimEnd().split('\n')).toHaveLength(1);
      expect(r.stderr.trimEnd()).toMatch(message);
      expect(existsSync(join(cwd, 'merged'))).toBe(false);
    }
    // merge has no --out: its output folder is named as given
    writeFileSync(join(cwd, 'notes.txt'), 'mine\n');
    const onFile = draagvlak(['merge', 'notes.txt', s(1), s(2), s(3), '--no-report'], cwd);
    expect(onFile.code).toBe(2);
    expect(onFile.stderr).toMatch(/^merge: notes\.txt: \/.*\/notes\.txt is a file, not a folder\n$/);
    expect(readFileSync(join(cwd, 'notes.txt'), 'utf8')).toBe('mine\n');
    const bad = draagvlak(['run', 'tiny.yaml', '--shard', '4/3', '--quiet'], cwd);
    expect(bad.code).toBe(2);
    expect(bad.stderr.trimEnd()).toBe('--shard: expected I/N with whole numbers 1 ≤ I ≤ N (e.g. 2/8), found "4/3"');
  });
});
