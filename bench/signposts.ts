import { createWorld } from '../src/model/createWorld.js';
import { defaultParameters, type Parameters } from '../src/model/parameters.js';
import { WEEK } from '../src/model/schedule.js';
import type { World } from '../src/model/world.js';
import { mergeParams } from '../src/scenario/paths.js';
import { PRESETS } from '../src/scenario/presets.js';
import { alternate, median, spread } from './measure.js';

/**
 * What the adaptive manager costs the kernel: resident-weeks per second (CPU time) of the full
 * model at 100 000 residents over 60 weeks, for the week without the signposts step (the kernel
 * before it existed), with it and no signposts (the default), and with the four signposts of the
 * `process-management` preset. The three alternate within one run; medians with min–max over the
 * rounds, and each rate as a ratio of the first.
 */
const residents = 100_000;
const weeks = 60;
const without = WEEK.filter((p) => p.name !== 'signposts');

function rate(params: Parameters, processes: typeof WEEK): number {
  const world: World = createWorld(params, { horizon: weeks, sampleEvery: 4 }, 1);
  const t0 = process.cpuUsage();
  for (let t = 0; t < weeks; t++) {
    world.week++;
    for (let p = 0; p < processes.length; p++) processes[p].run(world);
  }
  const used = process.cpuUsage(t0);
  return (residents * weeks) / ((used.user + used.system) / 1e6);
}

const fixed = defaultParameters();
fixed.population.neighbourhoods = residents / fixed.population.households;
const adaptive = mergeParams(fixed, PRESETS['process-management'].overrides);
const rates = await alternate(
  {
    'without the signposts step': () => rate(fixed, without),
    'signposts off (default)': () => rate(fixed, WEEK),
    'process-management (4 signposts)': () => rate(adaptive, WEEK),
  },
  Number(process.argv[2] ?? 5),
);
const base = median(rates['without the signposts step']);
console.log(`full model, ${residents} residents, ${weeks} weeks: resident-weeks per CPU second, median (min–max), and ratio to the first`);
for (const [name, xs] of Object.entries(rates)) {
  console.log(`${name.padEnd(34)} ${median(xs).toExponential(3)} (${spread(xs.map((x) => x / 1e6), 2)} e6)   ${(median(xs) / base).toFixed(3)}`);
}
