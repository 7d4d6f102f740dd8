import type { CsrGraph } from '../src/network/csr.js';
import { defaultParameters } from '../src/model/parameters.js';
import { step, WEEK } from '../src/model/schedule.js';
import { createWorld } from '../src/model/createWorld.js';
import { bytesOf, resetPopulationCache } from '../src/model/drawnPopulation.js';
import { runModel } from '../src/model/run.js';
import type { World } from '../src/model/world.js';
import { loadavg } from 'node:os';
import { alternate, median, spread } from './measure.js';

/**
 * Kernel benchmark (`npm run bench`): the full model at the defaults (250 households per
 * neighbourhood) for 10 000, 100 000 and 1 000 000 residents against a minimal reference step on
 * the same CSR graph — each node averages a Float64Array over its neighbours into a second buffer,
 * the memory traffic any diffusion over the network must pay. Also the full model with each process
 * walking the residents on its own (`scratch.fuse` off) against the fused walk of the attitude
 * pass. The three take turns week-block by week-block in one process (the order reversed every
 * other round), each timed in CPU time, so that other work on the machine falls on all of them.
 * Reports the step time of each as a multiple of the reference's (median of the rounds' ratios,
 * spread min–max), the bytes of state a resident takes in each, the world's build time, where a
 * week of the separate walks goes (each process of the week in multiples of the reference step) and,
 * at 1 000 000 residents, peak memory. Target: the full model within 2× of the reference step.
 *
 * First, the reuse of drawn populations (src/model/drawnPopulation.ts): 20 runs of the defaults,
 * 5 strategies × 4 replicates on common random numbers, with the thread's cache of populations and
 * without it, alternated; CPU time of each and their ratio, at 20 and 156 weeks.
 */

/** The reference step's state: two buffers it swaps. */
interface Reference {
  x: Float64Array;
  y: Float64Array;
}

function referenceWeeks(graph: CsrGraph, ref: Reference, weeks: number): void {
  const { nodes, offsets, targets } = graph;
  for (let t = 0; t < weeks; t++) {
    const { x, y } = ref;
    for (let i = 0; i < nodes; i++) {
      const end = offsets[i + 1];
      let sum = 0;
      for (let e = offsets[i]; e < end; e++) sum += x[targets[e]];
      y[i] = end > offsets[i] ? sum / (end - offsets[i]) : x[i];
    }
    ref.x = y;
    ref.y = x;
  }
}

function stateBytes(world: World): number {
  const { network, residents, officials, neighbourhoods, initiatives, scratch } = world;
  return bytesOf({ network, residents, officials, neighbourhoods, initiatives, scratch });
}

function cpuMs<T>(f: () => T): number {
  const c0 = process.cpuUsage();
  f();
  const c = process.cpuUsage(c0);
  return (c.user + c.system) / 1000;
}

function sweepCpu(horizon: number, keep: boolean): number {
  resetPopulationCache(keep);
  return cpuMs(() => {
    for (let point = 0; point < 5; point++) {
      const params = defaultParameters();
      params.strategy.steering = point / 4;
      for (let replicate = 0; replicate < 4; replicate++) runModel(params, { horizon, sampleEvery: 4 }, 1000 + replicate);
    }
  });
}

const mb = (bytes: number) => `${(bytes / 2 ** 20).toFixed(0)} MB`;
const ROUNDS = Number(process.env.ROUNDS ?? 5);
const households = 250;
console.log(`draagvlak kernel bench — Node ${process.version}, load average ${loadavg().map((x) => x.toFixed(1)).join(' ')}, ${ROUNDS} rounds`);
console.log('drawn populations reused across the points of a sweep (20 runs: 5 strategies × 4 replicates, defaults), CPU time');
for (const horizon of [20, 156]) {
  sweepCpu(horizon, true); // warm-up
  const times = await alternate({ drawn: () => sweepCpu(horizon, false), reused: () => sweepCpu(horizon, true) }, ROUNDS);
  const ratios = times.reused.map((x, i) => x / times.drawn[i]);
  console.log(`  ${String(horizon).padStart(3)} weeks: drawn every run ${median(times.drawn).toFixed(0)} ms (${spread(times.drawn)}), reused ${median(times.reused).toFixed(0)} ms (${spread(times.reused)}); reused / drawn ${median(ratios).toFixed(2)} (${spread(ratios, 2)})`);
}
resetPopulationCache(true);
console.log('step time as a multiple of the reference step on the same graph (median of the rounds, min–max), CPU time');
console.log('residents   weeks/round   reference (ms/week)   full model, fused   full model, separate walks   fused / separate   bytes per resident (model / reference)   build (s)');
for (const residents of [10_000, 100_000, 1_000_000]) {
  const params = defaultParameters();
  params.population.households = households;
  params.population.neighbourhoods = residents / households;
  const block = Math.max(2, Math.min(40, Math.round(4e6 / residents)));
  const warm = 3;
  const horizon = warm + (ROUNDS + 1) * block; // the last block: each process of the week timed alone
  let fused: World | undefined;
  const build = cpuMs(() => (fused = createWorld(params, { horizon, sampleEvery: 4 }, 1)));
  const separate = createWorld(params, { horizon, sampleEvery: 4 }, 1);
  separate.scratch.fuse = false;
  const world = fused!;
  const ref: Reference = { x: new Float64Array(residents), y: new Float64Array(residents) };
  for (let i = 0; i < residents; i++) ref.x[i] = (i % 97) / 97;
  const weeks = (w: World, n: number) => {
    for (let t = 0; t < n; t++) step(w);
  };
  // Warm up the JIT on a few weeks of each.
  weeks(world, warm);
  weeks(separate, warm);
  referenceWeeks(world.network, ref, warm);
  const variants = {
    reference: () => cpuMs(() => referenceWeeks(world.network, ref, block)),
    fused: () => cpuMs(() => weeks(world, block)),
    separate: () => cpuMs(() => weeks(separate, block)),
  };
  const times: Record<keyof typeof variants, number[]> = { reference: [], fused: [], separate: [] };
  const names = Object.keys(variants) as (keyof typeof variants)[];
  for (let round = 0; round < ROUNDS; round++) {
    for (const k of round % 2 === 0 ? names : [...names].reverse()) times[k].push(variants[k]());
  }
  const ratio = (a: number[], b: number[]) => a.map((x, i) => x / b[i]);
  const show = (xs: number[]) => `${median(xs).toFixed(2)}× (${spread(xs, 2)})`;
  const referenceBytes = ref.x.byteLength + ref.y.byteLength + bytesOf(world.network);
  console.log(
    [
      String(residents).padStart(9),
      String(block).padStart(11),
      (median(times.reference) / block).toFixed(2).padStart(21),
      show(ratio(times.fused, times.reference)).padStart(19),
      show(ratio(times.separate, times.reference)).padStart(28),
      show(ratio(times.fused, times.separate)).padStart(18),
      `${(stateBytes(world) / residents).toFixed(0)} / ${(referenceBytes / residents).toFixed(0)}`.padStart(40),
      (build / 1000).toFixed(2).padStart(11),
    ].join(' '),
  );
  // Where a week goes: each process of the week timed alone over one more block of the separate
  // walks (so the commitment decisions and the capacity's count show under their own processes).
  const byProcess = new Float64Array(WEEK.length);
  for (let t = 0; t < block; t++) {
    separate.week++;
    for (let p = 0; p < WEEK.length; p++) byProcess[p] += cpuMs(() => WEEK[p].run(separate));
  }
  const refWeek = median(times.reference) / block;
  const shares = WEEK.map((p, k) => ({ name: p.name, x: byProcess[k] / block / refWeek })).filter((p) => p.x >= 0.01);
  console.log(`${' '.repeat(12)}where a week goes (separate walks, × the reference step): ${shares.map((p) => `${p.name} ${p.x.toFixed(2)}`).join(', ')}`);
  if (world.week < 0) console.log(ref.x[0]); // keep the reference's result alive
  if (residents === 1_000_000) {
    const m = process.memoryUsage();
    console.log(
      `memory with 1 000 000 residents (two worlds and the reference): rss ${mb(m.rss)} (peak ${mb(process.resourceUsage().maxRSS * 1024)}), array buffers ${mb(m.arrayBuffers)}, mean degree ${(world.network.targets.length / residents).toFixed(2)}`,
    );
  }
}
