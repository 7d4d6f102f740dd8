import { createWorld } from '../src/model/createWorld.js';
import type { Parameters } from '../src/model/parameters.js';
import type { Process } from '../src/model/schedule.js';
import { median, spread } from './measure.js';

/** Resident-weeks per CPU second of the kernel stepping `processes` each week for `weeks` weeks (the world is built outside the timing). */
export function kernelRate(params: Parameters, processes: readonly Process[], weeks: number): number {
  const world = createWorld(params, { horizon: weeks, sampleEvery: 4 }, 1);
  const t0 = process.cpuUsage();
  for (let t = 0; t < weeks; t++) {
    world.week++;
    for (let p = 0; p < processes.length; p++) processes[p].run(world);
  }
  const used = process.cpuUsage(t0);
  return (world.residents.count * weeks) / ((used.user + used.system) / 1e6);
}

/** Prints each variant's median rate with its min–max over the rounds, and its ratio to the first variant. */
export function printRates(title: string, rates: Record<string, number[]>): void {
  const base = median(Object.values(rates)[0]);
  console.log(`${title}: resident-weeks per CPU second, median (min–max), and ratio to the first`);
  for (const [name, xs] of Object.entries(rates)) {
    console.log(`${name.padEnd(34)} ${median(xs).toExponential(3)} (${spread(xs.map((x) => x / 1e6), 2)} e6)   ${(median(xs) / base).toFixed(3)}`);
  }
}
