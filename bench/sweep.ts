/**
 * The sweep pipeline's costs, measured in one run (`npm run bench:sweep`):
 * 1. the default sweep (scenarios/steering-sweep.yaml) as a bare loop of runModel in this thread,
 *    through the whole pipeline in this thread, and on the worker pool with 1 and 2 workers —
 *    giving the speed-up of 2 workers over 1 and the pool's per-run overhead against the bare loop;
 * 2. a 20 000-run sweep of a tiny scenario on the pool, sampling the process's memory as it goes,
 *    to show that memory stays flat rather than growing with the run count.
 * Times are wall-clock; the best of `REPEATS` is reported, as other work on the machine only adds.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { runModel } from '../src/model/run.js';
import { executePlan } from '../src/run/execute.js';
import { pointOf, replicateOf } from '../src/run/jobs.js';
import { packageRoot } from '../src/run/manifest.js';
import { runContext, runOne } from '../src/run/single.js';
import { planRuns } from '../src/scenario/design.js';
import { loadScenario } from '../src/scenario/load.js';
import type { RunPlan } from '../src/scenario/types.js';

const REPEATS = Number(process.env.REPEATS ?? 3);
const scratch = mkdtempSync(join(tmpdir(), 'draagvlak-bench-'));
let n = 0;
const out = () => join(scratch, `out${n++}`);

function bareLoop(plan: RunPlan): void {
  const ctx = runContext(plan);
  const R = plan.scenario.replications;
  for (let k = 0; k < plan.points.length * R; k++) runOne(runModel, ctx, pointOf(k, R), replicateOf(k, R));
}

async function timed(what: () => unknown): Promise<number> {
  const t0 = performance.now();
  await what();
  return performance.now() - t0;
}

const ms = (x: number) => `${x.toFixed(0)} ms`;
const root = packageRoot();
const plan = planRuns(loadScenario(resolve(root, 'scenarios/steering-sweep.yaml')));
const runs = plan.points.length * plan.scenario.replications;
const quiet = { quiet: true, handleSignals: false } as const;

console.log(`draagvlak sweep bench — Node ${process.version}, ${availableParallelism()} cores, load average ${loadavg().map((x) => x.toFixed(1)).join(' ')}, best of ${REPEATS}`);
console.log(`default sweep: scenarios/steering-sweep.yaml, ${plan.points.length} points × ${plan.scenario.replications} replications = ${runs} runs`);
bareLoop(plan); // warm up the JIT before timing the in-thread variants
// Interleaved, so that a burst of other work on the machine does not fall on one variant only.
const times = { bare: Infinity, inThread: Infinity, pool1: Infinity, pool2: Infinity };
for (let i = 0; i < REPEATS; i++) {
  times.bare = Math.min(times.bare, await timed(() => bareLoop(plan)));
  times.inThread = Math.min(times.inThread, await timed(() => executePlan(plan, { ...quiet, out: out(), workers: 1, model: runModel })));
  times.pool1 = Math.min(times.pool1, await timed(() => executePlan(plan, { ...quiet, out: out(), workers: 1 })));
  times.pool2 = Math.min(times.pool2, await timed(() => executePlan(plan, { ...quiet, out: out(), workers: 2 })));
}
const { bare, inThread, pool1, pool2 } = times;
const over = (t: number) => `${(((t - bare) / bare) * 100).toFixed(1)} % over the bare loop, ${((t - bare) / runs).toFixed(2)} ms per run`;
console.log(`  bare runModel loop, this thread : ${ms(bare)} (${(bare / runs).toFixed(2)} ms per run)`);
console.log(`  whole pipeline, this thread     : ${ms(inThread)} (${over(inThread)}: rows, parts, assembly)`);
console.log(`  pool, 1 worker                  : ${ms(pool1)} (${over(pool1)})`);
console.log(`  pool, 2 workers                 : ${ms(pool2)}`);
console.log(`  speed-up of 2 workers over 1    : ${(pool1 / pool2).toFixed(2)}×`);
console.log(`  2 workers against the bare loop : ${(bare / pool2).toFixed(2)}×`);

// Memory over a long sweep of a tiny scenario.
const TINY = 20_000;
const tinyFile = join(scratch, 'tiny.yaml');
writeFileSync(
  tinyFile,
  `name: tiny\ndescription: bench\nquestion: bench\nreplications: ${TINY / 10}\nhorizon: 20\nsampleEvery: 5\n` +
    'population: {neighbourhoods: 2, households: 20}\nsweep:\n  design: grid\n  parameters:\n    strategy.steering: {from: 0, to: 1, steps: 10}\n',
);
const tiny = planRuns(loadScenario(tinyFile));
const total = tiny.points.length * tiny.scenario.replications;
const samples: { done: number; rss: number; heap: number }[] = [];
let done = 0;
const progressStream = Object.assign(Object.create(process.stderr) as NodeJS.WriteStream, {
  isTTY: false,
  write: (line: string) => {
    const m = /^draagvlak: (\d+)\//.exec(line);
    if (m) done = Number(m[1]);
    return true;
  },
});
// With --expose-gc (as `npm run bench:sweep` runs it) the main heap is measured after a collection,
// so it shows what is held rather than garbage not yet collected.
const collect = (globalThis as { gc?: () => void }).gc;
const sampler = setInterval(() => {
  collect?.();
  const m = process.memoryUsage();
  samples.push({ done, rss: m.rss, heap: m.heapUsed });
}, 200);
const t0 = performance.now();
await executePlan(tiny, { out: out(), workers: 2, handleSignals: false, progressStream });
const tinyTime = performance.now() - t0;
clearInterval(sampler);
const mb = (x: number) => `${(x / 2 ** 20).toFixed(0)} MB`;
const at = (share: number) => samples.filter((s) => s.done <= share * total).at(-1) ?? samples[0]!;
const peak = samples.reduce((a, s) => (s.rss > a.rss ? s : a), samples[0]!);
console.log(`memory: ${total} runs of a tiny scenario (2 × 20 households, 20 weeks) on 2 workers, ${ms(tinyTime)}`);
for (const share of [0.1, 0.25, 0.5, 0.75, 1]) {
  const s = at(share);
  console.log(`  after ${String(s.done).padStart(6)} runs: rss ${mb(s.rss)}, main heap ${mb(s.heap)}`);
}
console.log(`  peak rss ${mb(peak.rss)} (after ${peak.done} runs)${collect ? '; main heap measured after a collection' : ''}`);
rmSync(scratch, { recursive: true, force: true });
