import { setImmediate as yieldToEvents } from 'node:timers/promises';
import { deriveRunSeed } from '../random/streams.js';
import type { Executor } from './executor.js';
import { pointOf, replicateOf } from './jobs.js';
import { errorText, runOne, type ModelFn, type RunContext } from './single.js';

/**
 * Runs batches one after another in this thread: the bare loop the pool is measured against,
 * and the way to run draagvlak where worker threads are not available. Between runs it yields to
 * the event loop so that signals and progress are still served.
 */
export function inThreadExecutor(model: ModelFn, ctx: RunContext, replications: number): Executor {
  let stopped = false;
  return {
    async run(batches, sink) {
      for (const batch of batches) {
        if (stopped) return;
        const rec = sink.open(batch.start);
        let k = batch.start;
        for (; k < batch.end && !stopped; k++) {
          const point = pointOf(k, replications);
          const replicate = replicateOf(k, replications);
          try {
            rec.result(runOne(model, ctx, point, replicate));
          } catch (err) {
            rec.failure({ point, replicate, seed: deriveRunSeed(ctx.seed, point, replicate, ctx.commonRandomNumbers) }, errorText(err));
          }
          await yieldToEvents();
        }
        rec.finish(k);
      }
    },
    async stop() {
      stopped = true;
    },
  };
}
