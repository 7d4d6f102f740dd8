import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { csvRows, draagvlak, tinySweep, workdir } from './cli.js';

const read = (dir: string, f: string) => readFileSync(join(dir, f), 'utf8');
const manifest = (dir: string) => JSON.parse(read(dir, 'manifest.json')) as { files: string[]; output: { series: string; formats: string[] } };

describe('--series all | none | every:N', () => {
  it('thins or drops series.csv, records the choice, keeps every other file, and the report still renders', () => {
    // tinySweep: horizon 20, sampleEvery 5 → weeks 0, 5, 10, 15, 20
    const cwd = workdir({ 'tiny.yaml': tinySweep({ replications: 2 }) });
    for (const [series, out] of [['all', 'all'], ['none', 'none'], ['every:10', 'ten']] as const) {
      const r = draagvlak(['run', 'tiny.yaml', '--quiet', '--workers', '1', '--series', series, '--out', out], cwd);
      expect(r.stderr).toBe('');
      expect(r.code).toBe(0);
      expect(manifest(join(cwd, out)).output).toEqual({ series, formats: ['csv'] });
      expect(existsSync(join(cwd, out, 'report.html'))).toBe(true);
    }
    const [all, none, ten] = ['all', 'none', 'ten'].map((d) => join(cwd, d));
    expect(manifest(all).files).toContain('series.csv');
    expect(existsSync(join(none, 'series.csv'))).toBe(false);
    expect(manifest(none).files).not.toContain('series.csv');
    for (const f of ['runs.csv', 'initiatives.csv', 'summary.csv']) {
      expect(read(none, f), f).toBe(read(all, f));
      expect(read(ten, f), f).toBe(read(all, f));
    }
    const weeks = (dir: string) => [...new Set(csvRows(read(dir, 'series.csv')).map((row) => row.week))];
    expect(weeks(all)).toEqual(['0', '5', '10', '15', '20']);
    expect(weeks(ten)).toEqual(['0', '10', '20']);
    // the kept rows are the very rows of the full file
    const full = read(all, 'series.csv').split('\n');
    expect(read(ten, 'series.csv').split('\n').every((line) => full.includes(line))).toBe(true);
    // the report read back from the thinned files equals the one drawn from memory
    const before = read(ten, 'report.html');
    expect(draagvlak(['report', 'ten', '--quiet'], cwd).code).toBe(0);
    const strip = (html: string) => html.replace(/<dt>(Started|Finished|Workers|Node)<\/dt><dd>[^<]*<\/dd>/g, '');
    expect(strip(read(ten, 'report.html'))).toBe(strip(before));
  });

  it('--resume and merge refuse to mix choices; a bad --series is refused in one line', () => {
    const cwd = workdir({ 'tiny.yaml': tinySweep({ replications: 2 }) });
    expect(draagvlak(['run', 'tiny.yaml', '--quiet', '--no-report', '--series', 'none'], cwd).code).toBe(0);
    const resumed = draagvlak(['run', 'tiny.yaml', '--quiet', '--no-report', '--resume'], cwd);
    expect(resumed.code).toBe(2);
    expect(resumed.stderr.trimEnd()).toMatch(/^--resume: .*tiny was started with --series none --format csv, not --series all --format csv; give the same, or start afresh without --resume$/);

    expect(draagvlak(['run', 'tiny.yaml', '--shard', '1/2', '--quiet', '--series', 'every:10'], cwd).code).toBe(0);
    expect(draagvlak(['run', 'tiny.yaml', '--shard', '2/2', '--quiet'], cwd).code).toBe(0);
    const merged = draagvlak(['merge', 'merged', 'results/tiny.shards/1', 'results/tiny.shards/2', '--no-report'], cwd);
    expect(merged.code).toBe(2);
    expect(merged.stderr.trimEnd()).toMatch(/^merge: shard 2\/2 .* was run with --series all --format csv, shard 1\/2 .* with --series every:10 --format csv; run every shard with the same --series and --format$/);
    expect(existsSync(join(cwd, 'merged'))).toBe(false);

    const bad = draagvlak(['run', 'tiny.yaml', '--quiet', '--series', 'weekly', '--out', 'bad'], cwd);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toBe('--series: expected all, none or every:N (N a whole number of weeks, at least 1), found "weekly"\n');
    // tinySweep records every 5 weeks: every:7 could keep only week 0 and the horizon
    const unrecorded = draagvlak(['run', 'tiny.yaml', '--quiet', '--series', 'every:7', '--out', 'bad'], cwd);
    expect(unrecorded.code).toBe(2);
    expect(unrecorded.stderr).toBe("--series: expected every:N with N a multiple of the scenario's sampleEvery (5), the weeks it records, found every:7\n");
    expect(existsSync(join(cwd, 'bad'))).toBe(false);
  });

  it('a rerun into the folder replaces the Parquet files and datapackage.json it wrote, and leaves a file of the user\'s', () => {
    const cwd = workdir({ 'tiny.yaml': tinySweep({ replications: 1 }) });
    expect(draagvlak(['run', 'tiny.yaml', '--quiet', '--no-report', '--format', 'parquet', '--out', 'out'], cwd).code).toBe(0);
    expect(readdirSync(join(cwd, 'out')).sort()).toEqual(['datapackage.json', 'initiatives.parquet', 'manifest.json', 'runs.parquet', 'series.parquet']);
    writeFileSync(join(cwd, 'out', 'notes.md'), 'mine\n');
    expect(draagvlak(['run', 'tiny.yaml', '--quiet', '--no-report', '--out', 'out'], cwd).code).toBe(0);
    expect(readdirSync(join(cwd, 'out')).sort()).toEqual(['datapackage.json', 'initiatives.csv', 'manifest.json', 'notes.md', 'runs.csv', 'series.csv']);
    const described = (JSON.parse(read(join(cwd, 'out'), 'datapackage.json')) as { resources: { path: string }[] }).resources.map((r) => r.path);
    expect(described).toEqual(['runs.csv', 'initiatives.csv', 'series.csv']);
  });

  it('with --format parquet the message about failed runs names failures.parquet, the file there is, after a run and after a merge', () => {
    const cwd = workdir({ 'tiny.yaml': tinySweep({ replications: 1 }) });
    const fail = { DRAAGVLAK_FAIL_RUN: '0:0' };
    const run = draagvlak(['run', 'tiny.yaml', '--quiet', '--no-report', '--workers', '1', '--format', 'parquet', '--out', 'out'], cwd, fail);
    expect(run.code).toBe(1);
    expect(existsSync(join(cwd, 'out', 'failures.parquet'))).toBe(true);
    expect(run.stderr.split('\n')[0]).toBe('draagvlak: 1 run failed (point, replicate, seed, label, error), see out/failures.parquet:');
    for (const i of [1, 2]) expect(draagvlak(['run', 'tiny.yaml', '--shard', `${i}/2`, '--quiet', '--workers', '1', '--format', 'parquet'], cwd, fail).code).toBeLessThan(2);
    const merged = draagvlak(['merge', 'merged', 'results/tiny.shards/1', 'results/tiny.shards/2', '--no-report'], cwd);
    expect(merged.code).toBe(1);
    expect(existsSync(join(cwd, 'merged', 'failures.parquet'))).toBe(true);
    expect(merged.stderr).toBe('draagvlak: 1 run failed, see merged/failures.parquet\n');
  });

  it('shards run with one choice merge into what one unsplit run with it writes; slurm passes the choice to its shards', () => {
    const cwd = workdir({ 'tiny.yaml': tinySweep({ replications: 2 }) });
    const choice = ['--series', 'every:10', '--format', 'csv,parquet'];
    expect(draagvlak(['run', 'tiny.yaml', '--quiet', '--no-report', ...choice, '--out', 'whole'], cwd).code).toBe(0);
    for (const i of [1, 2]) expect(draagvlak(['run', 'tiny.yaml', '--shard', `${i}/2`, '--quiet', ...choice], cwd).code).toBe(0);
    expect(draagvlak(['merge', 'merged', 'results/tiny.shards/1', 'results/tiny.shards/2', '--no-report'], cwd).code).toBe(0);
    for (const f of ['runs.csv', 'initiatives.csv', 'series.csv', 'runs.parquet', 'initiatives.parquet', 'series.parquet', 'datapackage.json']) {
      expect(readFileSync(join(cwd, 'merged', f)), f).toEqual(readFileSync(join(cwd, 'whole', f)));
    }
    expect(manifest(join(cwd, 'merged')).output).toEqual({ series: 'every:10', formats: ['csv', 'parquet'] });

    expect(draagvlak(['slurm', 'tiny.yaml', '--tasks', '2', ...choice, '--out', 'split'], cwd).code).toBe(0);
    expect(read(cwd, 'draagvlak-tiny.sbatch')).toContain('tiny.yaml --series every:10 --format csv,parquet');
  });
});
