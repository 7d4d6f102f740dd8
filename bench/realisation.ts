import { defaultParameters } from '../src/model/parameters.js';
import { WEEK } from '../src/model/schedule.js';
import { kernelRate, printRates } from './kernelRate.js';
import { alternate } from './measure.js';

/**
 * What realisation after formalisation costs the kernel: resident-weeks per second (CPU time) of the
 * full model at 100 000 residents over 156 weeks (initiatives formalise from about week 60, so the
 * step has work to do), for the week without the realisation step (the kernel before it existed),
 * with it and the switch off (the default), and with `mechanisms.realisation` on. The three
 * alternate within one run; medians with min–max over the rounds, and each rate as a ratio of the first.
 */
const residents = 100_000;
const weeks = 156;
const without = WEEK.filter((p) => p.name !== 'realisation');

const off = defaultParameters();
off.population.neighbourhoods = residents / off.population.households;
const on = structuredClone(off);
on.mechanisms.realisation = true;
const rates = await alternate(
  {
    'without the realisation step': () => kernelRate(off, without, weeks),
    'realisation off (default)': () => kernelRate(off, WEEK, weeks),
    'realisation on': () => kernelRate(on, WEEK, weeks),
  },
  Number(process.argv[2] ?? 5),
);
printRates(`full model, ${residents} residents, ${weeks} weeks`, rates);
