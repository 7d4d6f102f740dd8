import { runView, type RunView } from '../analysis/outcomes.js';
import { runModel } from '../model/run.js';
import type { Executor } from '../run/executor.js';
import { inThreadExecutor } from '../run/inThread.js';
import { guidedBatches } from '../run/jobs.js';
import { planExecutor } from '../run/pool.js';
import { runContext } from '../run/single.js';
import type { RunPlan } from '../scenario/types.js';

/** What a pattern reads from one run: its outcomes' view (initiatives' weeks and alignment, finals, trust series). Small, kept in memory. */
export type RunRecord = RunView;

/**
 * Runs every (point, replicate) of a plan and returns the records as runs[point][replicate].
 * Seeds are those of `draagvlak run` (deriveRunSeed), so with common random numbers replicate r of
 * every point meets the same neighbourhoods and people. `workers` 0 runs in this thread (tests);
 * otherwise on the process's warm worker threads, which load the built model from dist/ (a plan too
 * small to pay for threads runs in this thread).
 */
export async function collectRuns(plan: RunPlan, workers: number): Promise<RunRecord[][]> {
  const R = plan.scenario.replications;
  const total = plan.points.length * R;
  const ctx = runContext(plan);
  const runs: RunRecord[][] = plan.points.map(() => new Array<RunRecord>(R));
  const failures: string[] = [];
  const executor: Executor = workers <= 0 ? inThreadExecutor(runModel, ctx, R) : planExecutor(ctx, R, { workers, smallInThread: true }).executor;
  await executor.run(guidedBatches([{ start: 0, end: total }], Math.max(1, workers)), {
    open() {
      return {
        result(run) {
          runs[run.point][run.replicate] = runView(run.output);
        },
        failure(run, error) {
          failures.push(`point ${run.point} replicate ${run.replicate}: ${error}`);
        },
        finish() {},
      };
    },
  });
  if (failures.length > 0) throw new Error(`${plan.scenario.name}: ${failures.length} runs failed, first: ${failures[0]}`);
  for (const p of runs) for (let r = 0; r < R; r++) if (!p[r]) throw new Error(`${plan.scenario.name}: a run did not report`);
  return runs;
}
