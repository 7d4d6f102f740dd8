declare module 'worker-threads-pool' {
  import type { Worker, WorkerOptions } from 'node:worker_threads';

  /** A pool of at most `max` live worker threads (https://github.com/watson/worker-threads-pool). */
  export default class Pool {
    constructor(options?: { max?: number; maxWaiting?: number });
    readonly size: number;
    acquire(filename: string | URL, options: WorkerOptions | undefined, callback: (err: Error | null, worker: Worker) => void): void;
    acquire(filename: string | URL, callback: (err: Error | null, worker: Worker) => void): void;
    destroy(callback?: () => void): void;
  }
}
