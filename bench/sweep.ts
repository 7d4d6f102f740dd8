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
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import { runModel } from '../src/model/run.js';
import { executePlan } from '../src/run/execute.js';
import { pointOf, replicateOf } from '../src/run/jobs.js';
import { packageRoot } from '../src/run/manifest.js';
import { runContext, runOne } from '../src/run/single.js';
import { planRuns } from '../src/scenario/design.js';
import { loadScenario } from '../src/scenario/load.js';
import type { RunPlan } from '../src/scenario/types.js';

// Inside a fresh worker thread: the bare loop, cold, as a pool worker starts it.
if (!isMainThread) {
  const plan = planRuns(loadScenario(resolve(packageRoot(), 'scenarios/steering-sweep.yaml')));
  const { part, parts } = workerData as { part: number; parts: number };
  bareLoop(plan, part, parts);
  parentPort!.postMessage('done');
  process.exit(0);
}

/** The bare loop in a fresh worker thread, timed from its start: start-up and JIT warm-up included, like the pool's. */
function coldBareLoop(part = 0, parts = 1): Promise<unknown> {
  return new Promise((done, fail) => {
    const w = new Worker(new URL(import.meta.url), { workerData: { part, parts } });
    w.once('exit', done);
    w.once('error', fail);
  });
}

const REPEATS = Number(process.env.REPEATS ?? 3);
const scratch = mkdtempSync(join(tmpdir(), 'draagvlak-bench-'));
let n = 0;
const out = () => join(scratch, `out${n++}`);

/** Every run of the plan (or every `parts`-th, from `part`), one after another, nothing recorded. */
function bareLoop(plan: RunPlan, part = 0, parts = 1): void {
  const ctx = runContext(plan);
  const R = plan.scenario.replications;
  for (let k = part; k < plan.points.length * R; k += parts) runOne(runModel, ctx, pointOf(k, R), replicateOf(k, R));
}

/** Wall time and CPU time (all threads of this process) of one call, in ms. */
interface Cost {
  wall: number;
  cpu: number;
}
const cpuMs = () => {
  const c = process.cpuUsage();
  return (c.user + c.system) / 1000;
};
async function timed(what: () => unknown): Promise<Cost> {
  const t0 = performance.now();
  const c0 = cpuMs();
  await what();
  return { wall: performance.now() - t0, cpu: cpuMs() - c0 };
}
const least = (a: Cost, b: Cost): Cost => ({ wall: Math.min(a.wall, b.wall), cpu: Math.min(a.cpu, b.cpu) });

const ms = (x: number) => `${x.toFixed(0)} ms`;
const root = packageRoot();
const plan = planRuns(loadScenario(resolve(root, 'scenarios/steering-sweep.yaml')));
const runs = plan.points.length * plan.scenario.replications;
const quiet = { quiet: true, handleSignals: false } as const;

console.log(`draagvlak sweep bench — Node ${process.version}, ${availableParallelism()} cores, load average ${loadavg().map((x) => x.toFixed(1)).join(' ')}, best of ${REPEATS}`);
console.log(`default sweep: scenarios/steering-sweep.yaml, ${plan.points.length} points × ${plan.scenario.replications} replications = ${runs} runs`);
bareLoop(plan); // warm up the JIT before timing the in-thread variants
// Interleaved, so that a burst of other work on the machine does not fall on one variant only.
const none: Cost = { wall: Infinity, cpu: Infinity };
const times = { bare: none, cold: none, cold2: none, inThread: none, pool1: none, pool2: none };
for (let i = 0; i < REPEATS; i++) {
  times.bare = least(times.bare, await timed(() => bareLoop(plan)));
  times.cold = least(times.cold, await timed(() => coldBareLoop()));
  times.cold2 = least(times.cold2, await timed(() => Promise.all([coldBareLoop(0, 2), coldBareLoop(1, 2)])));
  times.inThread = least(times.inThread, await timed(() => executePlan(plan, { ...quiet, out: out(), workers: 1, model: runModel })));
  times.pool1 = least(times.pool1, await timed(() => executePlan(plan, { ...quiet, out: out(), workers: 1 })));
  times.pool2 = least(times.pool2, await timed(() => executePlan(plan, { ...quiet, out: out(), workers: 2 })));
}
const { bare, cold, cold2, inThread, pool1, pool2 } = times;
const pct = (a: number, b: number) => `${(((a - b) / b) * 100).toFixed(1)} %`;
const row = (name: string, c: Cost, note = '') =>
  console.log(`  ${name.padEnd(32)}: wall ${ms(c.wall).padStart(8)}, cpu ${ms(c.cpu).padStart(8)} (${(c.cpu / runs).toFixed(2)} ms cpu per run)${note}`);
row('bare runModel loop, this thread', bare);
row('whole pipeline, this thread', inThread, `; cpu +${pct(inThread.cpu, bare.cpu)} over the bare loop: rows, parts, assembly`);
row('bare loop, fresh worker thread', cold, `; cpu +${pct(cold.cpu, bare.cpu)}: thread start-up, JIT warm-up`);
row('bare loop, 2 fresh threads', cold2, ' (each half of the runs: what this machine allows now)');
row('pool, 1 worker', pool1, `; cpu +${pct(pool1.cpu, bare.cpu)} over the bare loop, +${pct(pool1.cpu, cold.cpu)} over the fresh-thread loop`);
row('pool, 2 workers', pool2, `; cpu +${pct(pool2.cpu, bare.cpu)} over the bare loop`);
console.log(`  speed-up of 2 workers over 1 (wall): ${(pool1.wall / pool2.wall).toFixed(2)}×; 2 workers against the bare loop: ${(bare.wall / pool2.wall).toFixed(2)}×`);
console.log(`  cores kept busy (cpu / wall): pool 1 worker ${(pool1.cpu / pool1.wall).toFixed(2)}, 2 workers ${(pool2.cpu / pool2.wall).toFixed(2)}`);
console.log(`  speed-up of 2 bare threads over 1 (wall, the machine's ceiling now): ${(cold.wall / cold2.wall).toFixed(2)}×`);
console.log(`  pool overhead per run (cpu, 1 worker against the bare loop): ${((pool1.cpu - bare.cpu) / runs).toFixed(2)} ms`);

// The same sweep with five times the replications: start-up and JIT warm-up (paid once per worker)
// weigh less, and the speed-up approaches what the pool allows on a longer sweep.
const longer = planRuns(loadScenario(resolve(root, 'scenarios/steering-sweep.yaml'), { replications: 5 * plan.scenario.replications }));
const longRuns = longer.points.length * longer.scenario.replications;
let long1 = none;
let long2 = none;
for (let i = 0; i < Math.min(REPEATS, 2); i++) {
  long1 = least(long1, await timed(() => executePlan(longer, { ...quiet, out: out(), workers: 1 })));
  long2 = least(long2, await timed(() => executePlan(longer, { ...quiet, out: out(), workers: 2 })));
}
console.log(`longer sweep: ${longRuns} runs; pool, 1 worker ${ms(long1.wall)}, 2 workers ${ms(long2.wall)}: speed-up ${(long1.wall / long2.wall).toFixed(2)}×`);
// CPU over wall: how many cores the process kept busy (2 workers on a free 2-core machine: near 2).
console.log(`  cores kept busy (cpu / wall): 1 worker ${(long1.cpu / long1.wall).toFixed(2)}, 2 workers ${(long2.cpu / long2.wall).toFixed(2)}`);

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
