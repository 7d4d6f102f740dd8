/**
 * The sweep pipeline's costs, measured in one run (`npm run bench:sweep`):
 * 1. the default sweep (scenarios/steering-sweep.yaml, 120 runs) as a bare, warm loop of runModel
 *    in this thread; through the whole pipeline in this thread; on the process's warm worker
 *    threads with 1 and 2 workers; and on 2 fresh threads (what every plan cost before threads were
 *    kept warm) — giving the speed-up of 2 workers over 1 and the pool's CPU overhead against the
 *    warm loop. The variants alternate over ROUNDS rounds (the order reversed every other round);
 *    medians are reported with the spread (min–max), and ratios are taken within each round.
 * 2. a 20 000-run sweep of a tiny scenario on the pool, sampling the process's memory as it goes,
 *    to show that memory stays flat rather than growing with the run count.
 * Wall time beside CPU time (all threads of this process): on a shared machine wall times carry
 * other work, CPU times much less so.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import { runModel } from '../src/model/run.js';
import { executePlan } from '../src/run/execute.js';
import { pointOf, replicateOf } from '../src/run/jobs.js';
import { packageRoot } from '../src/run/manifest.js';
import { closeWarmThreads, defaultModelModule } from '../src/run/pool.js';
import { runContext, runOne } from '../src/run/single.js';
import { planRuns } from '../src/scenario/design.js';
import { loadScenario } from '../src/scenario/load.js';
import type { RunPlan } from '../src/scenario/types.js';
import { alternate, median, spread, threadCpuMs } from './measure.js';

// Inside a fresh worker thread: the bare loop, cold, as a fresh pool worker starts it.
if (!isMainThread) {
  const plan = planRuns(loadScenario(resolve(packageRoot(), 'scenarios/steering-sweep.yaml')));
  const { part, parts } = workerData as { part: number; parts: number };
  bareLoop(plan, part, parts);
  parentPort!.postMessage('done');
  process.exit(0);
}

/** The bare loop in a fresh worker thread, timed from its start: start-up and JIT warm-up included. */
function coldBareLoop(part = 0, parts = 1): Promise<unknown> {
  return new Promise((done, fail) => {
    const w = new Worker(new URL(import.meta.url), { workerData: { part, parts } });
    w.once('exit', done);
    w.once('error', fail);
  });
}

const ROUNDS = Number(process.env.ROUNDS ?? 5);
const scratch = mkdtempSync(join(tmpdir(), 'draagvlak-bench-'));
let n = 0;
const out = () => join(scratch, `out${n++}`);

/** Every run of the plan (or every `parts`-th, from `part`), one after another, nothing recorded. */
function bareLoop(plan: RunPlan, part = 0, parts = 1): void {
  const ctx = runContext(plan);
  const R = plan.scenario.replications;
  for (let k = part; k < plan.points.length * R; k += parts) runOne(runModel, ctx, pointOf(k, R), replicateOf(k, R));
}

/** Wall time, CPU time (all threads of this process) and the main thread's CPU time of one call, in ms. */
interface Cost {
  wall: number;
  cpu: number;
  /** NaN where the system does not tell a thread's CPU time (Linux's /proc does). */
  main: number;
}
const cpuMs = () => {
  const c = process.cpuUsage();
  return (c.user + c.system) / 1000;
};
/**
 * CPU time of this process's main thread in ms (NaN where /proc does not tell). With the runs on
 * worker threads, what the main thread spends is the pool's own work: messages, the result set and
 * the result files.
 */
const mainThreadMs = () => threadCpuMs().get(process.pid) ?? NaN;

async function timed(what: () => unknown): Promise<Cost> {
  const t0 = performance.now();
  const c0 = cpuMs();
  const m0 = mainThreadMs();
  await what();
  return { wall: performance.now() - t0, cpu: cpuMs() - c0, main: mainThreadMs() - m0 };
}

const ms = (x: number) => `${x.toFixed(0)} ms`;
const root = packageRoot();
const plan = planRuns(loadScenario(resolve(root, 'scenarios/steering-sweep.yaml')));
const runs = plan.points.length * plan.scenario.replications;
const quiet = { quiet: true, handleSignals: false } as const;

console.log(`draagvlak sweep bench — Node ${process.version}, ${availableParallelism()} cores, load average ${loadavg().map((x) => x.toFixed(1)).join(' ')}, ${ROUNDS} rounds`);
console.log(`default sweep: scenarios/steering-sweep.yaml, ${plan.points.length} points × ${plan.scenario.replications} replications = ${runs} runs`);
// warm up the JIT in this thread and two warm worker threads before timing
bareLoop(plan);
await executePlan(plan, { ...quiet, out: out(), workers: 2 });
const variants: Record<string, () => unknown> = {
  bare: () => bareLoop(plan),
  inThread: () => executePlan(plan, { ...quiet, out: out(), workers: 1, model: runModel }),
  // the model named, so that one worker is a thread (short runs asked of one thread otherwise go in this one)
  pool1: () => executePlan(plan, { ...quiet, out: out(), workers: 1, modelModule: defaultModelModule() }),
  pool2: () => executePlan(plan, { ...quiet, out: out(), workers: 2 }),
  // fresh threads, as every plan started them before they were kept warm
  fresh2: async () => {
    await closeWarmThreads();
    await executePlan(plan, { ...quiet, out: out(), workers: 2 });
  },
  cold: () => coldBareLoop(),
  cold2: () => Promise.all([coldBareLoop(0, 2), coldBareLoop(1, 2)]),
};
type Variant = keyof typeof variants;
const costs = await alternate(Object.fromEntries(Object.entries(variants).map(([k, f]) => [k, () => timed(f)])), ROUNDS);
const med = (k: Variant, f: keyof Cost) => median(costs[k].map((c) => c[f]));
/** Per-round ratio a / b of a field, as median and spread. */
const ratio = (a: Variant, b: Variant, f: keyof Cost) => {
  const r = costs[a].map((c, i) => c[f] / costs[b][i][f]);
  return `${median(r).toFixed(2)} (${spread(r, 2)})`;
};
const row = (name: string, k: Variant, note = '') =>
  console.log(
    `  ${name.padEnd(34)}: wall ${ms(med(k, 'wall')).padStart(8)} (${spread(costs[k].map((c) => c.wall))}), ` +
      `cpu ${ms(med(k, 'cpu')).padStart(8)} (${spread(costs[k].map((c) => c.cpu))}), ${(med(k, 'cpu') / runs).toFixed(2)} ms cpu per run${note}`,
  );
row('bare runModel loop, warm, this thread', 'bare');
row('whole pipeline, this thread', 'inThread');
row('warm threads, 1 worker', 'pool1');
row('warm threads, 2 workers', 'pool2');
row('2 fresh threads (pool started anew)', 'fresh2');
row('bare loop, 1 fresh thread', 'cold');
row('bare loop, 2 fresh threads', 'cold2');
console.log(`  2 workers over 1, warm threads (wall ratio per round): ${ratio('pool1', 'pool2', 'wall')}×`);
console.log(`  2 bare fresh threads over 1 (wall, the machine's ceiling now): ${ratio('cold', 'cold2', 'wall')}×`);
console.log(`  cpu of 1 warm worker / warm bare loop: ${ratio('pool1', 'bare', 'cpu')}; of the in-thread pipeline / bare loop: ${ratio('inThread', 'bare', 'cpu')}`);
console.log(`  cpu of 2 warm workers / warm bare loop: ${ratio('pool2', 'bare', 'cpu')}; 2 fresh threads / 2 warm: ${ratio('fresh2', 'pool2', 'cpu')}`);
// The pool's own work against the runs, from the threads' CPU: the main thread's share on 1 warm worker.
const own = costs.pool1.map((c) => c.main / (c.cpu - c.main));
if (own.every(Number.isFinite)) {
  console.log(`  the pool's own work (main thread's CPU / the rest, 1 warm worker): ${(median(own) * 100).toFixed(1)} % (${spread(own.map((x) => x * 100), 1)}) — the threads' CPU split, not a ratio of two timings`);
}
console.log(`  cores kept busy (cpu / wall): 1 worker ${(med('pool1', 'cpu') / med('pool1', 'wall')).toFixed(2)}, 2 workers ${(med('pool2', 'cpu') / med('pool2', 'wall')).toFixed(2)}`);

// Memory over a long sweep of a tiny scenario.
const TINY = Number(process.env.TINY ?? 20_000);
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
const sample = () => {
  collect?.();
  const m = process.memoryUsage();
  samples.push({ done, rss: m.rss, heap: m.heapUsed });
};
const sampler = setInterval(sample, 200);
const t0 = performance.now();
await executePlan(tiny, { out: out(), workers: 2, handleSignals: false, progressStream });
const tinyTime = performance.now() - t0;
clearInterval(sampler);
sample(); // at the end too, so that a sweep shorter than one interval has its sample
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
