import { parentPort } from 'node:worker_threads';
import { transferList } from '../model/output.js';
import { deriveRunSeed } from '../random/streams.js';
import { pointOf, replicateOf } from './jobs.js';
import type { FromWorker, ToWorker, WorkerData } from './protocol.js';
import { errorText, hookedRuns, runOne, type ModelFn } from './single.js';

/**
 * The worker entry (built to dist/src/run/worker.js): for each plan it receives the plan's points
 * once (and loads the plan's model, once per module), then batches of canonical run indices; it
 * runs each and posts the result back with its typed arrays transferred, not copied. A run that
 * throws is posted as a failure and the batch goes on. The thread lives on between plans.
 */
const port = parentPort;
if (!port) throw new Error('worker.ts runs only as a worker thread');
let data: WorkerData;
let model: ModelFn;
let crashRuns = new Set<string>();

function post(message: FromWorker, transfer: ArrayBuffer[] = []): void {
  port!.postMessage(message, transfer);
}

port.on('message', async (message: ToWorker) => {
  if (message.type === 'plan') {
    data = message.data;
    if (data.hooks.failRun === undefined) delete process.env.DRAAGVLAK_FAIL_RUN;
    else process.env.DRAAGVLAK_FAIL_RUN = data.hooks.failRun;
    crashRuns = hookedRuns(data.hooks.crashRun);
    model = ((await import(data.modelModule)) as { runModel: ModelFn }).runModel;
    post({ type: 'ready' });
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
