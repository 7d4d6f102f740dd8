import { defaultParameters } from '../src/model/parameters.js';
import { WEEK } from '../src/model/schedule.js';
import { kernelRate, printRates } from './kernelRate.js';
import { alternate } from './measure.js';

/**
 * What stakeholders as actors cost the kernel: resident-weeks per second (CPU time) of the full
 * model at 100 000 residents over 60 weeks, with the mechanism off (the default, the kernel as it
 * was), on with the default 3 parties, and on with 20 parties (the most the registry allows). The
 * three alternate within one run; medians with min–max over the rounds, and each rate as a ratio
 * of the first.
 */
const residents = 100_000;
const weeks = 60;

const off = defaultParameters();
off.population.neighbourhoods = residents / off.population.households;
const on = structuredClone(off);
on.mechanisms.parties = true;
const many = structuredClone(on);
many.strategy.stakeholders = 20;
const rates = await alternate(
  {
    'parties off (default)': () => kernelRate(off, WEEK, weeks),
    'parties on, 3 parties': () => kernelRate(on, WEEK, weeks),
    'parties on, 20 parties': () => kernelRate(many, WEEK, weeks),
  },
  Number(process.argv[2] ?? 5),
);
printRates(`full model, ${residents} residents, ${weeks} weeks`, rates);
