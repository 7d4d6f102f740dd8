import type { CsrGraph } from '../src/network/csr.js';
import { defaultParameters } from '../src/model/parameters.js';
import { step } from '../src/model/schedule.js';
import { createWorld } from '../src/model/createWorld.js';

/**
 * Kernel benchmark: resident-weeks per second of the full model at the defaults (250 households per
 * neighbourhood) for 10 000, 100 000 and 1 000 000 residents, against the memory-traffic floor —
 * a minimal diffusion step over the same CSR graph, in which each node averages a Float64Array over
 * its neighbours into a second buffer. Reports their ratio and, for 1 000 000 residents, peak memory.
 * Target: the full model within 4× of the minimal step; 1 000 000 residents under 1 GB.
 */

function diffusionRate(graph: CsrGraph, weeks: number): number {
  const { nodes, offsets, targets } = graph;
  let x = new Float64Array(nodes);
  let y = new Float64Array(nodes);
  for (let i = 0; i < nodes; i++) x[i] = (i % 97) / 97;
  const t0 = process.hrtime.bigint();
  for (let t = 0; t < weeks; t++) {
    for (let i = 0; i < nodes; i++) {
      const end = offsets[i + 1];
      let sum = 0;
      for (let e = offsets[i]; e < end; e++) sum += x[targets[e]];
      y[i] = end > offsets[i] ? sum / (end - offsets[i]) : x[i];
    }
    const z = x;
    x = y;
    y = z;
  }
  const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
  if (x[0] < -1) console.log('unreachable'); // keep the loop's result alive
  return (nodes * weeks) / seconds;
}

function mb(bytes: number): string {
  return `${(bytes / 2 ** 20).toFixed(0)} MB`;
}

const households = 250;
console.log('residents   weeks   full model (res-weeks/s)   minimal step (res-weeks/s)   ratio   build (s)');
for (const residents of [10_000, 100_000, 1_000_000]) {
  const params = defaultParameters();
  params.population.households = households;
  params.population.neighbourhoods = residents / households;
  const weeks = Math.max(20, Math.min(156, Math.round(3e7 / residents)));
  const b0 = process.hrtime.bigint();
  const world = createWorld(params, { horizon: weeks, sampleEvery: 4 }, 1);
  const build = Number(process.hrtime.bigint() - b0) / 1e9;
  // Warm up the JIT on a few weeks, then time the rest.
  const warm = 3;
  for (let t = 0; t < warm; t++) step(world);
  const t0 = process.hrtime.bigint();
  for (let t = warm; t < weeks; t++) step(world);
  const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
  const full = (residents * (weeks - warm)) / seconds;
  diffusionRate(world.network, warm);
  const floor = diffusionRate(world.network, weeks - warm);
  console.log(
    `${String(residents).padStart(9)}   ${String(weeks).padStart(5)}   ${full.toExponential(3).padStart(24)}   ${floor.toExponential(3).padStart(26)}   ${(floor / full).toFixed(2).padStart(5)}   ${build.toFixed(2).padStart(9)}`,
  );
  if (residents === 1_000_000) {
    const m = process.memoryUsage();
    console.log(`memory with 1 000 000 residents: rss ${mb(m.rss)} (peak ${mb(process.resourceUsage().maxRSS * 1024)}), heap used ${mb(m.heapUsed)}, array buffers ${mb(m.arrayBuffers)}, mean degree ${(world.network.targets.length / residents).toFixed(2)}`);
  }
}
