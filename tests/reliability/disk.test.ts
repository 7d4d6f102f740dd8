import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { scenarioPlan } from '../../src/cli/plan.js';
import { diskBytes } from '../../src/run/capacity.js';
import { acquireLock } from '../../src/run/lock.js';
import { loadScenario } from '../../src/scenario/load.js';
import {
  TINY, bindReadOnly, exited, mountTmpfs, pauseAt, reached, remountReadOnly, resultBytes, run, snapshot, start, stopStarted, unmount, workdir,
} from './harness.js';

/**
 * Read-only and full disks, on real mounts (a small tmpfs, a read-only bind mount): CI runs as
 * root, and a mount that cannot be made fails these tests loudly rather than skipping them.
 */

const ARGS = ['run', 'tiny.yaml', '--quiet', '--workers', '1'];
const NO_REPORT = [...ARGS, '--no-report'];

let project: string;
const mounts: string[] = [];
const reference: Record<string, Record<string, string>> = {};

function tmpfs(name: string, size: string): string {
  const dir = join(project, name);
  mountTmpfs(dir, size);
  mounts.push(dir);
  return dir;
}

/** Fills a file system to the last byte. */
function fill(dir: string): void {
  try {
    writeFileSync(join(dir, 'filler'), Buffer.alloc(64 * 2 ** 20));
  } catch (err) {
    expect((err as NodeJS.ErrnoException).code).toBe('ENOSPC');
  }
}

beforeAll(() => {
  project = workdir({ 'tiny.yaml': TINY });
  for (const [name, args] of [['plain', NO_REPORT], ['report', ARGS]] as const) {
    expect(run([...args, '--out', `ref-${name}`], project).code).toBe(0);
    reference[name] = resultBytes(join(project, `ref-${name}`));
  }
});

// a run left paused by a failed test would keep its tmpfs busy, and the mount would stay
afterEach(stopStarted);

afterAll(() => {
  for (const dir of mounts.reverse()) unmount(dir);
});

/** Runs a refused case: exit 2, one line matching `message`, nothing under the project changed. */
function refused(args: string[], message: RegExp): void {
  const before = snapshot(project);
  const r = run(args, project);
  expect(r.stderr.trimEnd()).toMatch(message);
  expect(r.stderr.trimEnd().split('\n')).toHaveLength(1);
  expect(r.code).toBe(2);
  expect(snapshot(project)).toEqual(before);
}

describe('unusable output folders are refused up front (exit 2, nothing written)', () => {
  it('a read-only tmpfs', () => {
    const ro = tmpfs('ro', '4m');
    remountReadOnly(ro);
    refused([...NO_REPORT, '--out', 'ro/out'], /^--out ro\/out: .*\/ro is on a read-only file system$/);
  });

  it('a read-only bind mount of a writable folder', () => {
    mkdirSync(join(project, 'source'));
    const bound = join(project, 'bound');
    bindReadOnly(join(project, 'source'), bound);
    mounts.push(bound);
    refused([...NO_REPORT, '--out', 'bound/out'], /^--out bound\/out: .*\/bound is on a read-only file system$/);
  });

  it('an earlier results folder that has become read-only', () => {
    const bound = join(project, 'frozen');
    bindReadOnly(join(project, 'ref-plain'), bound);
    mounts.push(bound);
    refused([...NO_REPORT, '--out', 'frozen'], /^--out frozen: .*\/frozen is on a read-only file system$/);
  });

  it('a 1 MB tmpfs for a run with its report', () => {
    tmpfs('small', '1m');
    refused([...ARGS, '--out', 'small/out'], /^--out small\/out: expected about [\d.]+ MB of free space for the results, found 1\.0 MB free on .*\/small$/);
  });

  it('a tmpfs that is already full', () => {
    const full = tmpfs('full', '1m');
    fill(full);
    // both sizes read 0.1 MB in MB, so they are given in kB, which tells them apart
    refused([...NO_REPORT, '--out', 'full/out'], /^--out full\/out: expected about \d+ kB of free space for the results, found 0 kB free on /);
  });
});

/** [phase at which the disk fills, report or not]. */
const FULL_AT: [string, boolean][] = [
  ['parts', false],
  ['assembly', false],
  ['summary', true],
];

describe('a disk that fills mid-run: exit 74, one line naming the folder and --resume, then --resume gives the same bytes', () => {
  it.each(FULL_AT)('full at %s', async (phase, report) => {
    const name = `fills-${phase}`;
    const disk = tmpfs(name, '4m');
    const out = `${name}/out`;
    const marker = join(project, `${name}.paused`);
    const args = report ? ARGS : NO_REPORT;
    const outside = snapshot(project, [name]);
    const child = start([...args, '--out', out], project, pauseAt(phase, marker));
    expect(await reached(marker, child), child.output.stderr).toBe(true);
    fill(disk);
    rmSync(marker);
    expect(await exited(child)).toBe(74);
    const lines = child.output.stderr.trimEnd().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(
      new RegExp(`^draagvlak: stopped: no space left on the device \\(ENOSPC\\) while writing .*/${name}/out; the runs done are kept and ${name}/out is marked incomplete; free space or fix the disk, then continue with: draagvlak run tiny\\.yaml .*--resume$`),
    );
    if (!report) expect(JSON.parse(readFileSync(join(disk, 'out', 'manifest.json'), 'utf8')).complete).toBe(false);
    expect(existsSync(join(disk, 'out', '.draagvlak.lock'))).toBe(false);
    expect(snapshot(project, [name])).toEqual(outside);

    rmSync(join(disk, 'filler'));
    const resumed = run([...args, '--out', out, '--resume'], project);
    expect(resumed.stderr).toBe('');
    expect(resumed.code).toBe(0);
    expect(resultBytes(join(disk, 'out'))).toEqual(reference[report ? 'report' : 'plain']);
    expect(readdirSync(join(disk, 'out')).filter((f) => f.endsWith('.tmp') || f.startsWith('.'))).toEqual([]);
  });
});

describe('the --resume printed after a full disk continues once the other program has freed its space', () => {
  it('on a disk the run just fits, the runs already written count toward the space it needs', async () => {
    // The disk holds the run's estimate (the up-front check's own number, diskBytes) and 32 KB
    // more: the run is accepted, and the ~100 KB it has written by assembly leaves less than the
    // estimate free, so a check that asks for the whole estimate again refuses the resume.
    const estimate = diskBytes(scenarioPlan(loadScenario(join(project, 'tiny.yaml')), 'tiny.yaml'), false);
    const size = Math.ceil((estimate + 32 * 2 ** 10) / 4096) * 4096;
    const disk = tmpfs('just-fits', String(size));
    const marker = join(project, 'just-fits.paused');
    const child = start([...NO_REPORT, '--out', 'just-fits/out'], project, pauseAt('assembly', marker));
    expect(await reached(marker, child), child.output.stderr).toBe(true);
    fill(disk);
    rmSync(marker);
    expect(await exited(child)).toBe(74);

    rmSync(join(disk, 'filler'));
    const resumed = run([...NO_REPORT, '--out', 'just-fits/out', '--resume'], project);
    expect(resumed.stderr).toBe('');
    expect(resumed.code).toBe(0);
    expect(resultBytes(join(disk, 'out'))).toEqual(reference.plain);
  });
});

describe('the lock of a results folder on a full disk', () => {
  it('is not left behind when its holder cannot write its name into it', () => {
    // a lock file that names no run keeps every later run out (as one being written): the run that
    // created it and could not write it must remove it
    const full = tmpfs('full-lock', '1m');
    mkdirSync(join(full, 'out'));
    fill(full);
    expect(() => acquireLock(join(full, 'out'))).toThrow(/ENOSPC/);
    expect(readdirSync(join(full, 'out'))).toEqual([]);
  });
});
