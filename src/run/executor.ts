import type { RunOutput } from '../model/output.js';
import type { RunRange } from './jobs.js';
import type { RunIdentity } from './rows.js';

/**
 * Where the runs of a batch report to, in canonical order: each result or failure as it comes,
 * then `finish(end)` once runs [start, end) have all reported. After an interruption or a worker
 * crash `end` may fall short of the batch's end: only the runs before it are recorded.
 */
export interface BatchRecorder {
  result(run: RunIdentity & { output: RunOutput }): void;
  failure(run: RunIdentity, error: string): void;
  finish(end: number): void;
}

/**
 * Takes every run kept in the results, by canonical index (point × replications + replicate), in
 * any order: a result set being built (src/analysis/results.ts) while the files are written.
 */
export interface RunCollector {
  add(k: number, seed: number, output: RunOutput): void;
  fail(k: number): void;
}

export interface Sink {
  /** A recorder for the batch that starts at canonical run `start`. */
  open(start: number): BatchRecorder;
}

/** Something that carries out batches of runs: the worker pool, or a plain loop in this thread. */
export interface Executor {
  /** Runs every batch, reporting to the sink; resolves once all have finished (or after stop()). */
  run(batches: readonly RunRange[], sink: Sink): Promise<void>;
  /** Stops dispatching, drops runs in flight (finishing their batches short), and resolves when idle. */
  stop(): Promise<void>;
  /** Workers that died and were replaced so far. */
  readonly restarts?: number;
}
