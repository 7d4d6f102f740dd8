import { defaultParameters } from '../src/model/parameters.js';
import { WEEK } from '../src/model/schedule.js';
import { mergeParams } from '../src/scenario/paths.js';
import { PRESETS } from '../src/scenario/presets.js';
import { kernelRate, printRates } from './kernelRate.js';
import { alternate } from './measure.js';

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

const fixed = defaultParameters();
fixed.population.neighbourhoods = residents / fixed.population.households;
const adaptive = mergeParams(fixed, PRESETS['process-management'].overrides);
const rates = await alternate(
  {
    'without the signposts step': () => kernelRate(fixed, without, weeks),
    'signposts off (default)': () => kernelRate(fixed, WEEK, weeks),
    'process-management (4 signposts)': () => kernelRate(adaptive, WEEK, weeks),
  },
  Number(process.argv[2] ?? 5),
);
printRates(`full model, ${residents} residents, ${weeks} weeks`, rates);
