import { createWorld } from '../src/model/createWorld.js';
import { defaultParameters, type Parameters } from '../src/model/parameters.js';
import { run } from '../src/model/schedule.js';
import { alternate, median, spread } from './measure.js';

/**
 * What local agendas cost the kernel: resident-weeks per second (CPU time) of the full model at
 * 100 000 residents over 60 weeks, with `mechanisms.agendas` off (the default: the kernel as before,
 * but for one untaken branch per member) and on, at the default steering and at full steering (more
 * members overridden). The variants alternate within one run; medians with min–max over the rounds,
 * and each rate as a ratio of the first.
 */
const residents = 100_000;
const weeks = 60;

function rate(params: Parameters): number {
  const world = createWorld(params, { horizon: weeks, sampleEvery: 4 }, 1);
  const t0 = process.cpuUsage();
  run(world, weeks);
  const used = process.cpuUsage(t0);
  return (residents * weeks) / ((used.user + used.system) / 1e6);
}

const off = defaultParameters();
off.population.neighbourhoods = residents / off.population.households;
const on = structuredClone(off);
on.mechanisms.agendas = true;
const full = structuredClone(on);
full.strategy.steering = 1;
const rates = await alternate(
  {
    'agendas off (default)': () => rate(off),
    'agendas on': () => rate(on),
    'agendas on, full steering': () => rate(full),
  },
  Number(process.argv[2] ?? 5),
);
const base = median(rates['agendas off (default)']);
console.log(`full model, ${residents} residents, ${weeks} weeks: resident-weeks per CPU second, median (min–max), and ratio to the first`);
for (const [name, xs] of Object.entries(rates)) {
  console.log(`${name.padEnd(28)} ${median(xs).toExponential(3)} (${spread(xs.map((x) => x / 1e6), 2)} e6)   ${(median(xs) / base).toFixed(3)}`);
}
