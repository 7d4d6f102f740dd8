import type { RunOutput } from '../model/output.js';
import type { RunContext } from './single.js';

/** What a worker gets for each plan: the plan's shared context (sent once per plan) and the model to load. */
export interface WorkerData {
  ctx: RunContext;
  /** URL of the module whose `runModel` export runs one simulation. */
  modelModule: string;
  replications: number;
  /** The test hooks DRAAGVLAK_FAIL_RUN and DRAAGVLAK_CRASH_RUN as they stand when the plan starts (a warm thread's own environment is a copy from when it started). */
  hooks: { failRun?: string; crashRun?: string };
}

/** Main thread → worker. */
export type ToWorker =
  /** A new plan: the batches that follow are its runs. */
  | { type: 'plan'; data: WorkerData }
  /** Run canonical runs [start, end); `attempt` counts earlier crashes on run `start`. */
  | { type: 'batch'; start: number; end: number; attempt: number };

/** Worker → main thread. */
export type FromWorker =
  | { type: 'ready' }
  | { type: 'result'; k: number; point: number; replicate: number; seed: number; output: RunOutput }
  | { type: 'failure'; k: number; point: number; replicate: number; seed: number; error: string }
  | { type: 'done'; start: number; end: number };
