import { Worker } from 'node:worker_threads';
import { runModel } from '../model/run.js';
import type { BatchRecorder, Executor, Sink } from './executor.js';
import { inThreadExecutor } from './inThread.js';
import type { RunRange } from './jobs.js';
import { pointOf, replicateOf } from './jobs.js';
import type { FromWorker, ToWorker, WorkerData } from './protocol.js';
import type { RunContext } from './single.js';
import { deriveRunSeed } from '../random/streams.js';

/** The worker entry as built JavaScript: workers always load dist/, also when this file runs from src/. */
export function workerFile(): URL {
  const here = new URL(import.meta.url);
  return here.pathname.endsWith('.js') ? new URL('./worker.js', here) : new URL('../../dist/src/run/worker.js', here);
}

/** The built model module that workers load by default (its `runModel` export). */
export function defaultModelModule(): string {
  return new URL('../model/run.js', workerFile()).href;
}

export interface PoolOptions {
  workers: number;
  /** URL of the module whose `runModel` the workers call; the built model by default. */
  modelModule?: string;
  /** Crashes of one run's worker before the run is recorded as a failure. Default 3. */
  maxAttempts?: number;
}

interface InFlight extends RunRange {
  attempt: number;
  /** The first run of the batch that has not reported yet. */
  next: number;
  rec: BatchRecorder;
}

interface Slot {
  worker: Worker;
  ready: boolean;
  closing: boolean;
  batch?: InFlight;
  /** Takes the worker's listeners off again when it goes back to the warm threads. */
  detach: () => void;
}

/**
 * Worker threads kept warm between plans, one set per process: a thread that finishes a plan's
 * last batch waits here (unreferenced, so it never keeps the process alive) for the next plan, which
 * skips the start-up and JIT warm-up a fresh thread costs. A thread that dies here is dropped.
 */
const warm = new Set<Worker>();
let started = 0;

function rest(worker: Worker): void {
  const drop = () => warm.delete(worker);
  worker.on('error', () => {});
  worker.once('exit', drop);
  worker.unref();
  warm.add(worker);
}

/** A warm thread when there is one, else a fresh one. */
function takeThread(): Worker {
  for (const worker of warm) {
    warm.delete(worker);
    worker.removeAllListeners('error');
    worker.removeAllListeners('exit');
    worker.ref();
    return worker;
  }
  started++;
  return new Worker(workerFile());
}

/** Worker threads this process has started so far. */
export function threadsStarted(): number {
  return started;
}

/** Warm threads waiting for a plan. */
export function warmThreads(): number {
  return warm.size;
}

/** Ends the warm threads (they never hold the process open; this frees their memory at once). */
export async function closeWarmThreads(): Promise<void> {
  const all = [...warm];
  warm.clear();
  await Promise.all(all.map((w) => w.terminate()));
}

/**
 * Runs batches on up to `workers` worker threads, taken warm from earlier plans of this process when
 * there are some. Each thread gets the plan's points once, then pulls one batch at a time; when the
 * queue is empty it goes back to the warm threads. A worker that dies is replaced: the runs of its
 * batch that reported are kept, the rest are queued again, and the run it died on counts an
 * attempt — after `maxAttempts` it is a failure.
 */
export function poolExecutor(ctx: RunContext, replications: number, options: PoolOptions): Executor {
  const maxAttempts = options.maxAttempts ?? 3;
  const data: WorkerData = {
    ctx, modelModule: options.modelModule ?? defaultModelModule(), replications,
    hooks: { failRun: process.env.DRAAGVLAK_FAIL_RUN, crashRun: process.env.DRAAGVLAK_CRASH_RUN },
  };
  const slots = new Set<Slot>();
  const queue: (RunRange & { attempt: number })[] = [];
  let sink: Sink;
  let stopping = false;
  let everReady = false;
  let startFailures = 0;
  let settle: { resolve: () => void; reject: (e: Error) => void } | undefined;
  let idle: (() => void) | undefined;
  let restarts = 0;

  const send = (slot: Slot, message: ToWorker) => slot.worker.postMessage(message);

  function finished(): boolean {
    if (queue.length > 0) return false;
    for (const s of slots) if (s.batch) return false;
    return true;
  }

  function maybeDone(): void {
    if (slots.size === 0) {
      idle?.();
      if (stopping || finished()) settle?.resolve();
    }
  }

  function dispatch(slot: Slot): void {
    const next = stopping ? undefined : queue.shift();
    if (!next) {
      // back to the warm threads for the next plan
      slot.closing = true;
      slot.detach();
      slots.delete(slot);
      rest(slot.worker);
      maybeDone();
      return;
    }
    slot.batch = { ...next, next: next.start, rec: sink.open(next.start) };
    send(slot, { type: 'batch', start: next.start, end: next.end, attempt: next.attempt });
  }

  function onMessage(slot: Slot, message: FromWorker): void {
    if (stopping) return;
    const batch = slot.batch;
    switch (message.type) {
      case 'ready':
        slot.ready = true;
        everReady = true;
        dispatch(slot);
        return;
      case 'result':
      case 'failure':
        if (!batch || message.k !== batch.next) throw new Error(`worker reported run ${message.k} out of order`);
        if (message.type === 'result') batch.rec.result(message);
        else batch.rec.failure(message, message.error);
        batch.next = message.k + 1;
        return;
      case 'done':
        if (!batch) throw new Error('worker finished a batch it was not given');
        batch.rec.finish(batch.end);
        slot.batch = undefined;
        dispatch(slot);
        return;
    }
  }

  function onExit(slot: Slot, code: number, error: Error | undefined): void {
    slots.delete(slot);
    if (stopping || slot.closing) return maybeDone();
    const batch = slot.batch;
    if (!slot.ready && !everReady && ++startFailures >= maxAttempts) {
      stopping = true;
      for (const s of slots) void s.worker.terminate();
      settle?.reject(new Error(`workers fail to start (${workerFile().pathname}): ${error?.message ?? `exit code ${code}`}`));
      return;
    }
    if (batch) {
      // Keep what reported; the run the worker died on counts an attempt; queue the rest again.
      const died = batch.next;
      const why = error ? `worker crashed: ${error.message.split('\n')[0]}` : `worker exited with code ${code}`;
      const attempt = died === batch.start ? batch.attempt + 1 : 1;
      if (attempt >= maxAttempts) {
        const point = pointOf(died, replications);
        const replicate = replicateOf(died, replications);
        const seed = deriveRunSeed(ctx.seed, point, replicate, ctx.commonRandomNumbers);
        batch.rec.failure({ point, replicate, seed }, `${why} (${attempt} attempts)`);
        batch.rec.finish(died + 1);
        if (died + 1 < batch.end) queue.unshift({ start: died + 1, end: batch.end, attempt: 0 });
      } else {
        batch.rec.finish(died);
        queue.unshift({ start: died, end: batch.end, attempt });
      }
    }
    if (finished()) return maybeDone();
    restarts++;
    spawn();
  }

  function spawn(): void {
    const worker = takeThread();
    let error: Error | undefined;
    const onMessageEvent = (m: FromWorker) => {
      try {
        onMessage(slot, m);
      } catch (e) {
        stopping = true;
        for (const s of slots) void s.worker.terminate();
        settle?.reject(e as Error);
      }
    };
    const onError = (e: Error) => {
      error = e;
    };
    const onExitEvent = (code: number) => onExit(slot, code, error);
    const slot: Slot = {
      worker,
      ready: false,
      closing: false,
      detach: () => {
        worker.off('message', onMessageEvent);
        worker.off('error', onError);
        worker.off('exit', onExitEvent);
      },
    };
    slots.add(slot);
    worker.on('message', onMessageEvent);
    worker.on('error', onError);
    worker.once('exit', onExitEvent);
    if (stopping) {
      void worker.terminate();
      return;
    }
    send(slot, { type: 'plan', data });
  }

  return {
    get restarts() {
      return restarts;
    },
    run(batches, s) {
      sink = s;
      for (const b of batches) queue.push({ ...b, attempt: 0 });
      return new Promise<void>((resolve, reject) => {
        settle = { resolve, reject };
        if (queue.length === 0) return resolve();
        const n = Math.min(options.workers, queue.length);
        for (let i = 0; i < n; i++) spawn();
      });
    },
    stop() {
      stopping = true;
      // Runs in flight are dropped; what already reported is kept.
      for (const slot of slots) {
        if (slot.batch) {
          slot.batch.rec.finish(slot.batch.next);
          slot.batch = undefined;
        }
      }
      return new Promise<void>((resolve) => {
        if (slots.size === 0) {
          settle?.resolve();
          return resolve();
        }
        idle = resolve;
        for (const slot of slots) void slot.worker.terminate();
      });
    },
  };
}

/**
 * A plan's estimated CPU time in this thread, in ms, from its size: about 0.03 ms per simulated week
 * of a run and 0.0002 ms per resident-week (measured on the default model; the first run of a
 * thread also pays for compiling the model).
 */
export function estimatedCost(ctx: RunContext, replications: number): number {
  let residentWeeks = 0;
  for (const p of ctx.params) residentWeeks += p.population.neighbourhoods * p.population.households;
  return replications * ctx.horizon * (0.03 * ctx.params.length + 0.0002 * residentWeeks);
}

/**
 * Below this estimated cost (ms) a plan runs in the calling thread when no warm worker thread is
 * waiting: starting and warming a thread costs about 450 ms of CPU, more than such a plan saves.
 */
export const IN_THREAD_BELOW = 500;

/**
 * With one worker thread asked for, runs estimated below this cost each (ms) go in the calling
 * thread instead: one thread runs them no sooner than this one, and costs its start-up. The calling
 * thread answers an interrupt between runs, so no later than about this long after it comes; longer
 * runs keep their thread, which is stopped at once.
 */
export const ONE_THREAD_RUN_BELOW = 2000;

/**
 * The executor for a plan: the warm worker threads, or a loop in this thread when no warm thread
 * waits and the plan is of the built model and either too small to pay for starting threads (with
 * `smallInThread`) or asked of one thread with short runs. Both give the same runs, so the same bytes.
 */
export function planExecutor(
  ctx: RunContext,
  replications: number,
  options: PoolOptions & { smallInThread?: boolean },
): { executor: Executor; inThread: boolean } {
  const cost = estimatedCost(ctx, replications);
  const runs = ctx.params.length * replications;
  const inThread =
    options.modelModule === undefined &&
    warm.size === 0 &&
    ((options.smallInThread === true && cost < IN_THREAD_BELOW) || (options.workers === 1 && cost / runs < ONE_THREAD_RUN_BELOW));
  return inThread
    ? { executor: inThreadExecutor(runModel, ctx, replications), inThread }
    : { executor: poolExecutor(ctx, replications, options), inThread };
}
