import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { TINY, exited, pauseAt, reached, resultBytes, run, snapshot, start, stopStarted, workdir } from './harness.js';

/**
 * kill -9 at each named phase of a run, reached through the DRAAGVLAK_PAUSE_AT hook (not by
 * timing), then --resume: the folder ends byte-identical to one that never stopped (report.html
 * up to the execution times it shows). And two runs into one folder: the second is refused.
 */

const ARGS = ['run', 'tiny.yaml', '--quiet', '--workers', '1'];
const NO_REPORT = [...ARGS, '--no-report'];
const FAIL = { DRAAGVLAK_FAIL_RUN: '1:1' };

let project: string;
const reference: Record<string, Record<string, string>> = {};

beforeAll(() => {
  project = workdir({ 'tiny.yaml': TINY });
  for (const [name, args, env] of [['plain', NO_REPORT, {}], ['report', ARGS, {}], ['failing', NO_REPORT, FAIL]] as const) {
    const r = run([...args, '--out', `ref-${name}`], project, env);
    expect(r.code, r.stderr).toBe(name === 'failing' ? 1 : 0);
    reference[name] = resultBytes(join(project, `ref-${name}`));
  }
  expect(Object.keys(reference.report!)).toContain('charts/reach-curve.png');
  expect(Object.keys(reference.failing!)).toContain('failures.csv');
});

afterEach(stopStarted);

/** [phase, which reference (and so which arguments)]. */
const PHASES: [string, 'plain' | 'report' | 'failing'][] = [
  ['manifest-start', 'plain'],
  ['parts', 'plain'],
  ['assembly', 'plain'],
  ['rename:runs.csv', 'plain'],
  ['rename:initiatives.csv', 'plain'],
  ['rename:series.csv', 'plain'],
  ['rename:failures.csv', 'failing'],
  ['manifest', 'plain'],
  ['summary', 'report'],
  ['charts', 'report'],
  ['report', 'report'],
];

describe('kill -9 at each phase of a run, then --resume: the same bytes as a run that never stopped', () => {
  it.each(PHASES)('killed at %s', async (phase, kind) => {
    const args = kind === 'report' ? ARGS : NO_REPORT;
    const env = kind === 'failing' ? FAIL : {};
    const out = `killed-${phase.replace(':', '-')}`;
    const dir = join(project, out);
    const marker = join(project, `${out}.paused`);
    const outside = snapshot(project, [out]);
    const child = start([...args, '--out', out], project, { ...env, ...pauseAt(phase, marker) });
    expect(await reached(marker, child), child.output.stderr).toBe(true);
    child.kill('SIGKILL');
    expect(await exited(child)).toBeNull();
    rmSync(marker);
    expect(snapshot(project, [out])).toEqual(outside);

    const resumed = run([...args, '--out', out, '--resume'], project, env);
    if (kind === 'failing') expect(resumed.stderr).toMatch(/^draagvlak: 1 run failed/);
    else expect(resumed.stderr).toBe('');
    expect(resumed.code).toBe(kind === 'failing' ? 1 : 0);
    expect(resultBytes(dir)).toEqual(reference[kind]);
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp') || f.startsWith('.'))).toEqual([]);
    expect(JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')).complete).toBe(true);
    expect(snapshot(project, [out])).toEqual(outside);
  });
});

describe('two runs into the same folder', () => {
  it('the second is refused with exit code 2 while the first holds the lock; the first finishes whole', async () => {
    const marker = join(project, 'first.paused');
    const first = start([...NO_REPORT, '--out', 'shared'], project, pauseAt('parts', marker));
    expect(await reached(marker, first), first.output.stderr).toBe(true);
    const before = snapshot(project);

    const second = run([...NO_REPORT, '--out', 'shared'], project);
    expect(second.code).toBe(2);
    expect(second.stderr).toMatch(new RegExp(`^--out .*/shared: in use by another draagvlak run \\(pid ${first.pid} on [^,]+, since [^)]+\\); wait for it to finish, or if that run is gone remove .*/shared/\\.draagvlak\\.lock\\n$`));
    const resumeToo = run([...NO_REPORT, '--out', 'shared', '--resume'], project);
    expect(resumeToo.code).toBe(2);
    expect(resumeToo.stderr).toMatch(/in use by another draagvlak run/);
    const report = run(['report', 'shared'], project);
    expect(report.code).toBe(2);
    expect(report.stderr).toMatch(/^draagvlak report: shared: in use by another draagvlak run \(pid \d+ on [^,]+, since [^)]+\); wait for it to finish, or if that run is gone remove .*\/shared\/\.draagvlak\.lock\n$/);
    expect(snapshot(project)).toEqual(before);

    rmSync(marker);
    expect(await exited(first)).toBe(0);
    expect(resultBytes(join(project, 'shared'))).toEqual(reference.plain);
    expect(existsSync(join(project, 'shared', '.draagvlak.lock'))).toBe(false);
  });

  it('two started at once: one finishes, the other finishes after it or is refused, and the folder is whole', async () => {
    const a = start([...NO_REPORT, '--out', 'race'], project);
    const b = start([...NO_REPORT, '--out', 'race'], project);
    const codes = [await exited(a), await exited(b)];
    expect(codes).toContain(0);
    for (const child of [a, b]) {
      if (child.output.code === 2) expect(child.output.stderr).toMatch(/in use by another draagvlak run|not a draagvlak results folder/);
      else expect(child.output.code, child.output.stderr).toBe(0);
    }
    expect(resultBytes(join(project, 'race'))).toEqual(reference.plain);
  });
});
