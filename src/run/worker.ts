import { parentPort, workerData } from 'node:worker_threads';
import { transferList } from '../model/output.js';
import { deriveRunSeed } from '../random/streams.js';
import { pointOf, replicateOf } from './jobs.js';
import type { FromWorker, ToWorker, WorkerData } from './protocol.js';
import { errorText, hookedRuns, runOne, type ModelFn } from './single.js';

/**
 * The worker entry (built to dist/src/run/worker.js): it receives the plan's points once, then
 * batches of canonical run indices; it runs each and posts the result back with its typed arrays
 * transferred, not copied. A run that throws is posted as a failure and the batch goes on.
 */
const port = parentPort;
if (!port) throw new Error('worker.ts runs only as a worker thread');
const data = workerData as WorkerData;
const model = ((await import(data.modelModule)) as { runModel: ModelFn }).runModel;
const crashRuns = hookedRuns(process.env.DRAAGVLAK_CRASH_RUN);

function post(message: FromWorker, transfer: ArrayBuffer[] = []): void {
  port!.postMessage(message, transfer);
}

port.on('message', (message: ToWorker) => {
  if (message.type === 'close') {
    port.close();
    return;
  }
  const R = data.replications;
  for (let k = message.start; k < message.end; k++) {
    const point = pointOf(k, R);
    const replicate = replicateOf(k, R);
    // Test hook: crash the whole worker on a run's first attempt (a later attempt, on a fresh worker, runs).
    const attempt = k === message.start ? message.attempt : 0;
    if (attempt === 0 && crashRuns.has(`${point}:${replicate}`)) process.exit(3);
    try {
      const result = runOne(model, data.ctx, point, replicate);
      post({ type: 'result', k, ...result }, transferList(result.output));
    } catch (err) {
      const seed = deriveRunSeed(data.ctx.seed, point, replicate, data.ctx.commonRandomNumbers);
      post({ type: 'failure', k, point, replicate, seed, error: errorText(err) });
    }
  }
  post({ type: 'done', start: message.start, end: message.end });
});
post({ type: 'ready' });
