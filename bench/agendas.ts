import { createWorld } from '../src/model/createWorld.js';
import { defaultParameters } from '../src/model/parameters.js';
import { WEEK_METRICS } from '../src/model/metrics.js';
import { run, WEEK } from '../src/model/schedule.js';
import { kernelRate, printRates } from './kernelRate.js';
import { alternate } from './measure.js';

/**
 * What local agendas cost the kernel: resident-weeks per second (CPU time) of the full model at
 * 100 000 residents over 60 weeks, with `mechanisms.agendas` off (the default: the kernel as before,
 * but for one untaken branch per member) and on, at the default steering and at full steering (more
 * members overridden). The variants alternate within one run; medians with min–max over the rounds,
 * and each rate as a ratio of the first. Then what the who-is-at-the-table metrics add: the CPU time
 * of measuring them on a recorded week (one tally of the residents by group, shared by the three;
 * every sampleEvery = 4 weeks by default) against the time of one simulated week, in the same world.
 */
const residents = 100_000;
const weeks = 60;

const off = defaultParameters();
off.population.neighbourhoods = residents / off.population.households;
const on = structuredClone(off);
on.mechanisms.agendas = true;
const full = structuredClone(on);
full.strategy.steering = 1;
const rates = await alternate(
  {
    'agendas off (default)': () => kernelRate(off, WEEK, weeks),
    'agendas on': () => kernelRate(on, WEEK, weeks),
    'agendas on, full steering': () => kernelRate(full, WEEK, weeks),
  },
  Number(process.argv[2] ?? 5),
);
printRates(`full model, ${residents} residents, ${weeks} weeks`, rates);

const TABLE = ['least_group_share', 'participation_dissimilarity', 'leader_dissimilarity'].map((c) => WEEK_METRICS.find((m) => m.column === c)!);
const world = createWorld(off, { horizon: weeks, sampleEvery: 4 }, 1);
const all = world.recorder.all;
const cpu = (f: () => void) => {
  const t0 = process.cpuUsage();
  f();
  const used = process.cpuUsage(t0);
  return (used.user + used.system) / 1e6;
};
const perWeek = cpu(() => run(world, 20)) / 20;
let sink = 0;
const perRecord = cpu(() => {
  for (let k = 0; k < 200; k++) {
    world.scratch.groupTallyWeek = -1; // as on a newly recorded week: tally once, then the three metrics
    for (const m of TABLE) sink += m.measure(world, all);
  }
}) / 200;
console.log(`who-is-at-the-table metrics: ${(perRecord * 1e3).toFixed(2)} ms per recorded week against ${(perWeek * 1e3).toFixed(1)} ms per simulated week: ${((perRecord / 4 / perWeek) * 100).toFixed(1)} % of the kernel at sampleEvery 4 (${sink > 0 ? 'measured' : ''})`);
