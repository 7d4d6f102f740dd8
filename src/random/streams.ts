import seedrandom from 'seedrandom';
import { cos, log } from '../maths/fdlibm.js';

/**
 * A seeded stream of uniform numbers in [0, 1). Every draw in the kernel comes from one of these;
 * nothing reads the global, unseeded generator. The generator is seedrandom's xor4096 (Brent's xorgens), which runs
 * several times faster than seedrandom's default ARC4 and has a period of 2^4096 − 1.
 */
export type Rng = () => number;

/** The purposes a run draws for, each from its own stream so that one does not shift another. */
export type Purpose = 'network' | 'population' | 'dynamics' | 'interventions' | 'agendas' | 'parties';

/**
 * The seed of one run, derived from the scenario seed and the run's identity — never from the
 * order runs happen in. With common random numbers (the default) the point index is left out, so
 * every point of a sweep or comparison meets the same neighbourhoods and people in replicate r;
 * without them each point draws its own.
 */
export function deriveRunSeed(scenarioSeed: number, point: number, replicate: number, commonRandomNumbers = true): number {
  const key = commonRandomNumbers ? `draagvlak/${scenarioSeed}/r${replicate}` : `draagvlak/${scenarioSeed}/p${point}/r${replicate}`;
  return seedrandom.xor4096(key).int32() >>> 0;
}

/** The stream of one purpose within one run. */
export function stream(runSeed: number, purpose: Purpose): Rng {
  return seedrandom.xor4096(`${runSeed}/${purpose}`);
}

/** A standard normal draw (Box–Muller, one of the pair used). */
export function normal(rng: Rng): number {
  let u = rng();
  while (u <= Number.MIN_VALUE) u = rng();
  return Math.sqrt(-2 * log(u)) * cos(2 * Math.PI * rng());
}

/** An integer drawn uniformly from 0 … n − 1. */
export function randomInt(rng: Rng, n: number): number {
  return Math.floor(rng() * n);
}

/**
 * A stream for one step of an analysis (a design's draws, a bootstrap), keyed by the scenario seed
 * and the step's name, so that an analysis is reproducible and one step does not shift another.
 */
export function analysisStream(seed: number, name: string): Rng {
  return seedrandom.xor4096(`draagvlak/${seed}/${name}`);
}
