import type { Worker } from 'node:worker_threads';
import Pool from 'worker-threads-pool';
import type { BatchRecorder, Executor, Sink } from './executor.js';
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
}

/**
 * Runs batches on a pool of long-lived worker threads (worker-threads-pool keeps at most
 * `workers` alive). Each worker gets the plan's points once, at start, then pulls one batch at a
 * time. A worker that dies is replaced: the runs of its batch that reported are kept, the rest are
 * queued again, and the run it died on counts an attempt — after `maxAttempts` it is a failure.
 */
export function poolExecutor(ctx: RunContext, replications: number, options: PoolOptions): Executor {
  const maxAttempts = options.maxAttempts ?? 3;
  const data: WorkerData = { ctx, modelModule: options.modelModule ?? defaultModelModule(), replications };
  const pool = new Pool({ max: options.workers });
  const slots = new Set<Slot>();
  const queue: (RunRange & { attempt: number })[] = [];
  let sink: Sink;
  let stopping = false;
  let everReady = false;
  let startFailures = 0;
  let settle: { resolve: () => void; reject: (e: Error) => void } | undefined;
  let idle: (() => void) | undefined;
  let spawning = 0;
  let restarts = 0;

  const send = (slot: Slot, message: ToWorker) => slot.worker.postMessage(message);

  function finished(): boolean {
    if (queue.length > 0) return false;
    for (const s of slots) if (s.batch) return false;
    return true;
  }

  function maybeDone(): void {
    if (slots.size === 0 && spawning === 0) {
      idle?.();
      if (stopping || finished()) settle?.resolve();
    }
  }

  function dispatch(slot: Slot): void {
    const next = stopping ? undefined : queue.shift();
    if (!next) {
      slot.closing = true;
      send(slot, { type: 'close' });
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
    spawning++;
    pool.acquire(workerFile(), { workerData: data }, (err, worker) => {
      spawning--;
      if (err) {
        settle?.reject(err);
        return;
      }
      const slot: Slot = { worker, ready: false, closing: false };
      slots.add(slot);
      if (stopping) void worker.terminate();
      let error: Error | undefined;
      worker.on('message', (m: FromWorker) => {
        try {
          onMessage(slot, m);
        } catch (e) {
          stopping = true;
          for (const s of slots) void s.worker.terminate();
          settle?.reject(e as Error);
        }
      });
      worker.on('error', (e) => {
        error = e;
      });
      worker.once('exit', (code) => onExit(slot, code, error));
    });
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
        if (slots.size === 0 && spawning === 0) {
          settle?.resolve();
          return resolve();
        }
        idle = resolve;
        for (const slot of slots) void slot.worker.terminate();
      });
    },
  };
}
