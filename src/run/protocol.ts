import type { RunOutput } from '../model/output.js';
import type { RunContext } from './single.js';

/** What a worker is started with: the plan's shared context (sent once) and the model to load. */
export interface WorkerData {
  ctx: RunContext;
  /** URL of the module whose `runModel` export runs one simulation. */
  modelModule: string;
  replications: number;
}

/** Main thread → worker. */
export type ToWorker =
  /** Run canonical runs [start, end); `attempt` counts earlier crashes on run `start`. */
  | { type: 'batch'; start: number; end: number; attempt: number }
  | { type: 'close' };

/** Worker → main thread. */
export type FromWorker =
  | { type: 'ready' }
  | { type: 'result'; k: number; point: number; replicate: number; seed: number; output: RunOutput }
  | { type: 'failure'; k: number; point: number; replicate: number; seed: number; error: string }
  | { type: 'done'; start: number; end: number };
