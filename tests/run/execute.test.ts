import { existsSync, mkdtempSync, readdirSync, readFileSync, statSync, utimesSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { executePlan } from '../../src/run/execute.js';
import { LOCK, lockTiming } from '../../src/run/lock.js';
import { readManifest } from '../../src/run/manifest.js';
import { closeWarmThreads, defaultModelModule, estimatedCost, IN_THREAD_BELOW, ONE_THREAD_RUN_BELOW, planExecutor, threadsStarted, warmThreads } from '../../src/run/pool.js';
import { runContext } from '../../src/run/single.js';
import type { ModelFn } from '../../src/run/single.js';
import { fakeModel, fakePlan } from './fakeModel.js';

// The pool runs the built worker (dist/src/run/worker.js): `npm test` builds first.
let model: { url: string; runModel: ModelFn };
beforeAll(async () => {
  model = await fakeModel();
});
afterEach(() => {
  delete process.env.DRAAGVLAK_FAIL_RUN;
  delete process.env.DRAAGVLAK_CRASH_RUN;
});

const FILES = ['runs.csv', 'initiatives.csv', 'series.csv', 'failures.csv'];
function tmp(): string {
  return join(mkdtempSync(join(tmpdir(), 'draagvlak-exec-')), 'out');
}
function files(dir: string): Record<string, string | null> {
  return Object.fromEntries(FILES.map((f) => [f, existsSync(join(dir, f)) ? readFileSync(join(dir, f), 'utf8') : null]));
}
const quiet = { quiet: true, handleSignals: false } as const;

describe('executePlan()', () => {
  const plan = fakePlan(4, 9);

  it('gives the same bytes in this thread and on a pool of 1, 2 or 3 workers', async () => {
    const bare = tmp();
    const r = await executePlan(plan, { ...quiet, out: bare, workers: 1, model: model.runModel });
    expect(r).toMatchObject({ status: 'complete', runs: 36, ranNow: 36, failures: { count: 0 } });
    const expected = files(bare);
    expect(expected['runs.csv']!.trimEnd().split('\n')).toHaveLength(37);
    expect(expected['failures.csv']).toBeNull();
    for (const workers of [1, 2, 3]) {
      const out = tmp();
      await executePlan(plan, { ...quiet, out, workers, modelModule: model.url });
      expect(files(out)).toEqual(expected);
      expect(existsSync(join(out, '.parts'))).toBe(false);
      const m = readManifest(join(out, 'manifest.json'))!;
      expect(m).toMatchObject({ complete: true, runs: 36, points: 4, replications: 9, seed: 7, failures: 0 });
      expect(m.execution.workers).toBe(workers);
      expect(m.scenario.hash).toMatch(/^[0-9a-f]{64}$/);
    }
  });

  it('orders rows by (point, replicate) whatever order runs finish in', async () => {
    const out = tmp();
    await executePlan(plan, { ...quiet, out, workers: 3, modelModule: model.url });
    const ids = readFileSync(join(out, 'runs.csv'), 'utf8').trimEnd().split('\n').slice(1).map((l) => l.split(',').slice(0, 2).join(':'));
    expect(ids).toEqual(Array.from({ length: 36 }, (_, k) => `${Math.floor(k / 9)}:${k % 9}`));
  });

  // Runs in this thread yield to the event loop between runs, so the lock's heartbeat (an
  // interval timer) keeps firing through a long run: a live run's lock never looks stale to another host.
  it('keeps its lock fresh during a long run in this thread', async () => {
    const out = tmp();
    const lock = join(out, LOCK);
    const saved = lockTiming.heartbeatMs;
    lockTiming.heartbeatMs = 1;
    // each run notes whether the lock was refreshed since the run before set its time to the epoch
    const refreshed: boolean[] = [];
    const slow: ModelFn = (...args) => {
      refreshed.push(statSync(lock).mtimeMs > 0);
      utimesSync(lock, 0, 0);
      // each run lasts longer than a heartbeat
      const from = performance.now();
      while (performance.now() - from < 2);
      return model.runModel(...args);
    };
    try {
      expect((await executePlan(plan, { ...quiet, out, workers: 1, model: slow })).status).toBe('complete');
    } finally {
      lockTiming.heartbeatMs = saved;
    }
    // the heartbeat fired between most of the 36 runs, not once or only at the end
    expect(refreshed.filter((r) => r).length).toBeGreaterThan(refreshed.length / 2);
    expect(existsSync(lock)).toBe(false);
  });

  it('an interrupted run says it is incomplete, and --resume ends with the bytes of one that never stopped', async () => {
    const whole = tmp();
    await executePlan(plan, { ...quiet, out: whole, workers: 2, modelModule: model.url });

    const out = tmp();
    const stop = new AbortController();
    let calls = 0;
    const stopping: ModelFn = (...args) => {
      if (++calls === 11) stop.abort();
      return model.runModel(...args);
    };
    const first = await executePlan(plan, { ...quiet, out, workers: 1, model: stopping, abort: stop.signal });
    expect(first.status).toBe('interrupted');
    const m = readManifest(join(out, 'manifest.json'))!;
    expect(m.complete).toBe(false);
    expect(m.note).toMatch(/interrupted by SIGINT after \d+ of 36 runs/);
    expect(existsSync(join(out, 'runs.csv'))).toBe(false);
    expect(readdirSync(join(out, '.parts')).length).toBeGreaterThan(0);

    const second = await executePlan(plan, { ...quiet, out, workers: 2, modelModule: model.url, resume: true });
    expect(second.status).toBe('complete');
    expect(second.ranNow).toBeLessThan(36);
    expect(files(out)).toEqual(files(whole));
    const resumed = readManifest(join(out, 'manifest.json'))!;
    expect(resumed.complete).toBe(true);
    expect(resumed.execution.resumedFrom).toEqual([m.execution.startedAt]);
  });

  it('refuses to resume a folder started with another scenario', async () => {
    const out = tmp();
    const stop = new AbortController();
    stop.abort();
    await executePlan(plan, { ...quiet, out, workers: 1, model: model.runModel, abort: stop.signal });
    await expect(executePlan(fakePlan(4, 9, 8), { ...quiet, out, workers: 1, model: model.runModel, resume: true })).rejects.toThrow(
      /scenario differs/,
    );
  });

  it('records a run that throws in failures.csv and finishes the others', async () => {
    process.env.DRAAGVLAK_FAIL_RUN = '2:3';
    const out = tmp();
    const r = await executePlan(plan, { ...quiet, out, workers: 2, modelModule: model.url });
    expect(r.failures.count).toBe(1);
    const f = files(out);
    const failure = f['failures.csv']!.split('\n');
    expect(failure[0]).toBe('point,replicate,seed,label,error');
    expect(failure[1]).toMatch(/^2,3,\d+,"steering=0.6666666666666666, run",DRAAGVLAK_FAIL_RUN test hook: run 2:3 made to throw$/);
    const runs = f['runs.csv']!.trimEnd().split('\n');
    expect(runs).toHaveLength(36);
    expect(runs.some((l) => l.startsWith('2,3,'))).toBe(false);
    expect(readManifest(join(out, 'manifest.json'))!.failures).toBe(1);
  });

  it('replaces a worker that dies and runs its unfinished runs again, with the same bytes', async () => {
    const whole = tmp();
    await executePlan(plan, { ...quiet, out: whole, workers: 2, modelModule: model.url });
    process.env.DRAAGVLAK_CRASH_RUN = '1:4';
    const out = tmp();
    const r = await executePlan(plan, { ...quiet, out, workers: 2, modelModule: model.url });
    expect(r.workerRestarts).toBe(1);
    expect(r.failures.count).toBe(0);
    expect(files(out)).toEqual(files(whole));
    expect(readManifest(join(out, 'manifest.json'))!.execution.workerRestarts).toBe(1);
  });
});

describe('warm worker threads', () => {
  it('one set of threads serves plan after plan, with the bytes of a run in this thread', async () => {
    await closeWarmThreads();
    const first = fakePlan(3, 6);
    const second = fakePlan(5, 4, 11);
    await executePlan(first, { ...quiet, out: tmp(), workers: 2, modelModule: model.url });
    const afterFirst = threadsStarted();
    expect(warmThreads()).toBe(2);
    const pooled = tmp();
    await executePlan(second, { ...quiet, out: pooled, workers: 2, modelModule: model.url });
    expect(threadsStarted()).toBe(afterFirst);
    const bare = tmp();
    await executePlan(second, { ...quiet, out: bare, workers: 1, model: model.runModel });
    expect(files(pooled)).toEqual(files(bare));
    await closeWarmThreads();
    expect(warmThreads()).toBe(0);
  });

  it('a plan of the built model too small for threads runs in this thread, with the bytes the threads give', async () => {
    await closeWarmThreads();
    const plan = fakePlan(2, 2);
    expect(estimatedCost(runContext(plan), 2)).toBeLessThan(IN_THREAD_BELOW);
    const before = threadsStarted();
    const here = tmp();
    expect(warmThreads()).toBe(0);
    await executePlan(plan, { ...quiet, out: here, workers: 2, smallInThread: true });
    expect(threadsStarted()).toBe(before);
    // asked for threads, it gets them
    await executePlan(plan, { ...quiet, out: tmp(), workers: 2 });
    expect(threadsStarted()).toBe(before + 2);
    await closeWarmThreads();
    expect(readManifest(join(here, 'manifest.json'))!.execution.workers).toBe(1);
    // the same built model, named explicitly, goes to the threads
    const threads = tmp();
    await executePlan(plan, { ...quiet, out: threads, workers: 2, modelModule: defaultModelModule(), smallInThread: true });
    expect(threadsStarted()).toBe(before + 4);
    expect(files(here)).toEqual(files(threads));
    expect(files(here)['runs.csv']!.split('\n').length).toBeGreaterThan(4);
    await closeWarmThreads();
  });

  it('asked for one thread, short runs go in this thread, with the bytes of the thread; long runs keep it', async () => {
    await closeWarmThreads();
    const plan = fakePlan(8, 40);
    expect(estimatedCost(runContext(plan), 40)).toBeGreaterThan(IN_THREAD_BELOW);
    const before = threadsStarted();
    const here = tmp();
    await executePlan(plan, { ...quiet, out: here, workers: 1 });
    expect(threadsStarted()).toBe(before);
    expect(readManifest(join(here, 'manifest.json'))!.execution.workers).toBe(1);
    const thread = tmp();
    await executePlan(plan, { ...quiet, out: thread, workers: 1, modelModule: defaultModelModule() });
    expect(threadsStarted()).toBe(before + 1);
    expect(files(here)).toEqual(files(thread));
    expect(files(here)['runs.csv']!.split('\n').length).toBeGreaterThan(100);
    await closeWarmThreads();
    // a run of about 2 s or more (here of a million households a neighbourhood) keeps its thread, so
    // that an interrupt stops it at once; more than one thread asked, the plan gets them
    const large = runContext(plan);
    large.params = large.params.map((p) => ({ ...p, population: { ...p.population, households: 1_000_000 } }));
    expect(estimatedCost(large, 1)).toBeGreaterThan(ONE_THREAD_RUN_BELOW * large.params.length);
    expect(planExecutor(large, 1, { workers: 1 }).inThread).toBe(false);
    expect(planExecutor(runContext(plan), 40, { workers: 1 }).inThread).toBe(true);
    expect(planExecutor(runContext(plan), 40, { workers: 2 }).inThread).toBe(false);
  });
});
