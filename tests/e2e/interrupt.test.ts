import { existsSync, readdirSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { lockTiming } from '../../src/run/lock.js';
import { exited, pauseAt, reached, start, stopStarted } from '../reliability/harness.js';
import { draagvlak, resultFiles, tinySweep, workdir } from './cli.js';

// Many runs (15 parts of 12 with one worker), so that a run stopped after its first part is partway.
const SLOW = tinySweep({ replications: 60, households: 150, horizon: 60 });

afterEach(stopStarted);

function parts(dir: string): string[] {
  const p = join(dir, '.parts');
  return existsSync(p) ? readdirSync(p).filter((f) => f.endsWith('.part')) : [];
}

/**
 * Starts a run that stops, paused, once it has written its first part (the DRAAGVLAK_PAUSE_AT hook),
 * and waits for it to get there: the test then interrupts it partway however fast the run or slow
 * the test. `go` lets the paused run go on.
 */
async function pausedAfterFirstPart(args: string[], cwd: string) {
  const marker = join(cwd, 'paused');
  const child = start(args, cwd, pauseAt('parts', marker));
  expect(await reached(marker, child), child.output.stderr).toBe(true);
  return { child, go: () => rmSync(marker) };
}

describe('interrupting and resuming a run', () => {
  it('a run killed with SIGKILL partway and resumed gives the same bytes as one that never stopped', async () => {
    const cwd = workdir({ 'slow.yaml': SLOW });
    expect(draagvlak(['run', 'slow.yaml', '--out', 'whole', '--quiet', '--no-report', '--workers', '2'], cwd).code).toBe(0);

    const { child, go } = await pausedAfterFirstPart(['run', 'slow.yaml', '--out', 'killed', '--quiet', '--no-report', '--workers', '1'], cwd);
    const dir = join(cwd, 'killed');
    child.kill('SIGKILL');
    expect(await exited(child)).toBeNull();
    go();
    expect(parts(dir)).toHaveLength(1);
    expect(existsSync(join(dir, 'runs.csv'))).toBe(false);
    expect(JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')).complete).toBe(false);

    const resumed = draagvlak(['run', 'slow.yaml', '--out', 'killed', '--quiet', '--no-report', '--workers', '2', '--resume'], cwd);
    expect(resumed.stderr).toBe('');
    expect(resumed.code).toBe(0);
    expect(resultFiles(dir)).toEqual(resultFiles(join(cwd, 'whole')));
    expect(existsSync(join(dir, '.parts'))).toBe(false);
    const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8'));
    expect(manifest.complete).toBe(true);
    expect(manifest.execution.resumedFrom).toHaveLength(1);
  });

  // A Kubernetes pod retried for its index, or a Slurm task resubmitted to another node: the killed
  // shard's lock names a host that is not this one, and its pid cannot be checked from here.
  it('a shard killed with SIGKILL on another host is resumed here once its lock has gone stale, to the same bytes', async () => {
    const cwd = workdir({ 'slow.yaml': SLOW });
    const shard = ['run', 'slow.yaml', '--shard', '2/3', '--quiet', '--workers', '1'];
    expect(draagvlak([...shard, '--out', 'whole'], cwd).code).toBe(0);

    const { child, go } = await pausedAfterFirstPart([...shard, '--out', 'killed'], cwd);
    const dir = join(cwd, 'killed');
    child.kill('SIGKILL');
    expect(await exited(child)).toBeNull();
    go();
    const lock = join(dir, '.draagvlak.lock');
    const left = JSON.parse(readFileSync(lock, 'utf8'));
    expect(left.pid).toBe(child.pid);
    writeFileSync(lock, JSON.stringify({ ...left, host: 'draagvlak-slow-1-aaaaa' }) + '\n');

    // just now refreshed, as by a live run there: refused
    const early = draagvlak([...shard, '--out', 'killed', '--resume'], cwd);
    expect(early.code).toBe(2);
    expect(early.stderr).toMatch(new RegExp(`^--out .*/killed: in use by another draagvlak run \\(pid ${child.pid} on draagvlak-slow-1-aaaaa, since `));

    // not refreshed for longer than the staleness limit: that run is gone, and its lock is taken over
    const then = (Date.now() - 2 * lockTiming.staleMs) / 1000;
    utimesSync(lock, then, then);
    const resumed = draagvlak([...shard, '--out', 'killed', '--resume'], cwd);
    expect(resumed.stderr).toBe('');
    expect(resumed.code).toBe(0);
    expect(existsSync(lock)).toBe(false);
    const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8'));
    expect(manifest.complete).toBe(true);
    expect(manifest.execution.resumedFrom).toHaveLength(1);
    const partsOf = (d: string) => Object.fromEntries(parts(d).map((f) => [f, readFileSync(join(d, '.parts', f), 'utf8')]));
    expect(partsOf(dir)).toEqual(partsOf(join(cwd, 'whole')));
  });

  // With one worker the runs (short ones) go in the calling thread, which answers between runs.
  it.each(['2', '1'])('Ctrl-C (SIGINT) stops with exit code 130 and a manifest that says the folder is incomplete (--workers %s)', async (workers) => {
    const cwd = workdir({ 'slow.yaml': SLOW });
    const { child, go } = await pausedAfterFirstPart(['run', 'slow.yaml', '--out', 'stopped', '--quiet', '--no-report', '--workers', workers], cwd);
    const dir = join(cwd, 'stopped');
    // the signal waits for the paused run to go on, which takes it up before its next run or two
    child.kill('SIGINT');
    go();
    expect(await exited(child)).toBe(130);
    const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8'));
    expect(manifest.complete).toBe(false);
    expect(manifest.note).toMatch(/^interrupted by SIGINT after \d+ of 180 runs/);
    expect(child.output.stderr).toContain('--resume');
    expect(existsSync(join(dir, 'runs.csv'))).toBe(false);

    // Resuming with another scenario is refused, and changes nothing.
    const before = readdirSync(join(dir, '.parts')).sort();
    const other = draagvlak(['run', 'slow.yaml', '--out', 'stopped', '--seed', '99', '--resume', '--quiet', '--no-report'], cwd);
    expect(other.code).toBe(2);
    expect(other.stderr).toMatch(/scenario differs/);
    expect(readdirSync(join(dir, '.parts')).sort()).toEqual(before);

    // report cannot build on it: one line naming the --resume that finishes it, exit 2, nothing written.
    const report = draagvlak(['report', 'stopped'], cwd);
    expect(report.stderr).toMatch(
      /^draagvlak report: stopped: expected a finished run, found an unfinished one \(interrupted by SIGINT after \d+ of 180 runs\); finish it with draagvlak run slow\.yaml --out stopped --resume and the other options it was started with\n$/,
    );
    expect(report.code).toBe(2);
    expect(readdirSync(dir).sort()).toEqual(['.parts', 'manifest.json']);
  });
});

describe('a run that throws', () => {
  it('is listed in failures.csv with its point, replicate, seed and error; the others finish; exit code 1', () => {
    const cwd = workdir({ 'tiny.yaml': tinySweep() });
    const r = draagvlak(['run', 'tiny.yaml', '--quiet', '--no-report', '--workers', '2'], cwd, { DRAAGVLAK_FAIL_RUN: '1:2' });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/1 run failed/);
    const files = resultFiles(join(cwd, 'results', 'tiny'));
    const failures = files['failures.csv']!.trimEnd().split('\n');
    expect(failures[0]).toBe('point,replicate,seed,label,error');
    expect(failures).toHaveLength(2);
    expect(failures[1]).toMatch(/^1,2,\d+,[^,]*,DRAAGVLAK_FAIL_RUN test hook: run 1:2 made to throw$/);
    const runs = files['runs.csv']!.trimEnd().split('\n').slice(1);
    expect(runs).toHaveLength(11);
    expect(runs.some((l) => l.startsWith('1,2,'))).toBe(false);
    expect(failures[1]!.split(',')[2]).toBe(runs.find((l) => l.startsWith('0,2,'))!.split(',')[2]);
  });
});

describe('a worker that dies', () => {
  it('is replaced, its unfinished runs are run again, and the files are those of a run where none died', () => {
    const cwd = workdir({ 'tiny.yaml': tinySweep() });
    expect(draagvlak(['run', 'tiny.yaml', '--out', 'calm', '--quiet', '--no-report', '--workers', '2'], cwd).code).toBe(0);
    const r = draagvlak(['run', 'tiny.yaml', '--out', 'crash', '--quiet', '--no-report', '--workers', '2'], cwd, { DRAAGVLAK_CRASH_RUN: '1:1' });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(resultFiles(join(cwd, 'crash'))).toEqual(resultFiles(join(cwd, 'calm')));
    expect(JSON.parse(readFileSync(join(cwd, 'crash', 'manifest.json'), 'utf8')).execution.workerRestarts).toBe(1);
  });
});
