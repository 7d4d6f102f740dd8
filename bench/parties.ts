import { createWorld } from '../src/model/createWorld.js';
import { defaultParameters, type Parameters } from '../src/model/parameters.js';
import { WEEK } from '../src/model/schedule.js';
import type { World } from '../src/model/world.js';
import { alternate, median, spread } from './measure.js';

/**
 * What stakeholders as actors cost the kernel: resident-weeks per second (CPU time) of the full
 * model at 100 000 residents over 60 weeks, with the mechanism off (the default, the kernel as it
 * was), on with the default 3 parties, and on with 20 parties (the most the registry allows). The
 * three alternate within one run; medians with min–max over the rounds, and each rate as a ratio
 * of the first.
 */
const residents = 100_000;
const weeks = 60;

function rate(params: Parameters): number {
  const world: World = createWorld(params, { horizon: weeks, sampleEvery: 4 }, 1);
  const t0 = process.cpuUsage();
  for (let t = 0; t < weeks; t++) {
    world.week++;
    for (let p = 0; p < WEEK.length; p++) WEEK[p].run(world);
  }
  const used = process.cpuUsage(t0);
  return (residents * weeks) / ((used.user + used.system) / 1e6);
}

const off = defaultParameters();
off.population.neighbourhoods = residents / off.population.households;
const on = structuredClone(off);
on.mechanisms.parties = true;
const many = structuredClone(on);
many.strategy.stakeholders = 20;
const rates = await alternate(
  {
    'parties off (default)': () => rate(off),
    'parties on, 3 parties': () => rate(on),
    'parties on, 20 parties': () => rate(many),
  },
  Number(process.argv[2] ?? 5),
);
const base = median(rates['parties off (default)']);
console.log(`full model, ${residents} residents, ${weeks} weeks: resident-weeks per CPU second, median (min–max), and ratio to the first`);
for (const [name, xs] of Object.entries(rates)) {
  console.log(`${name.padEnd(34)} ${median(xs).toExponential(3)} (${spread(xs.map((x) => x / 1e6), 2)} e6)   ${(median(xs) / base).toFixed(3)}`);
}
