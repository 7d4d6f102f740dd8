import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createWorld } from '../../src/model/createWorld.js';
import { CACHE_BYTES, populationCacheStats, resetPopulationCache } from '../../src/model/drawnPopulation.js';
import { defaultParameters, type Parameters } from '../../src/model/parameters.js';
import { runModel } from '../../src/model/run.js';
import { run } from '../../src/model/schedule.js';
import type { World } from '../../src/model/world.js';
import { deriveRunSeed } from '../../src/random/streams.js';
import { planRuns } from '../../src/scenario/design.js';
import { loadScenario } from '../../src/scenario/load.js';
import { ROOT } from '../golden/scenarios.js';

/**
 * A world whose population comes from the thread's cache of drawn populations must be the world a
 * fresh draw builds: the oracle is createWorld with the cache off, compared in every typed array of
 * the world's state and in every number of a run.
 */
function state(world: World): Record<string, number[]> {
  const out: Record<string, number[]> = {};
  const walk = (prefix: string, value: unknown): void => {
    if (ArrayBuffer.isView(value)) out[prefix] = Array.from(value as Float64Array);
    else if (value !== null && typeof value === 'object') for (const [k, v] of Object.entries(value)) walk(`${prefix}.${k}`, v);
    else if (typeof value === 'number') out[prefix] = [value];
  };
  for (const part of ['network', 'residents', 'officials', 'neighbourhoods', 'initiatives', 'env', 'recorder'] as const) walk(part, world[part]);
  return out;
}

function small(): Parameters {
  const p = defaultParameters();
  p.population.neighbourhoods = 3;
  p.population.households = 120;
  return p;
}

const settings = { horizon: 40, sampleEvery: 4 };

afterEach(() => resetPopulationCache(true));

describe('drawn populations are reused as fresh copies', () => {
  it('a second world of the same seed and population is a copy of the first as built, even after the first has run', () => {
    resetPopulationCache(false);
    const fresh = state(createWorld(small(), settings, 42));
    resetPopulationCache(true);
    const first = createWorld(small(), settings, 42);
    expect(state(first)).toEqual(fresh);
    run(first, 40);
    expect(state(first)).not.toEqual(fresh); // the run moved the first world's copy …
    const other = small();
    other.strategy.steering = 0.9; // … and a point that differs in the strategy only
    const second = createWorld(other, settings, 42);
    expect(state(second)).toEqual(fresh); // … gets the population as drawn
    expect(populationCacheStats()).toMatchObject({ hits: 1, misses: 1, entries: 1 });
  });

  it('keeps at most CACHE_BYTES, dropping the least recently used, and counts the bytes it keeps', () => {
    // three populations of about 24 MB each: the third pushes the cache past its 64 MB
    const big = defaultParameters();
    big.population.neighbourhoods = 3;
    big.population.households = 45_000;
    const brief = { horizon: 0, sampleEvery: 1 };
    createWorld(big, brief, 1);
    const one = populationCacheStats().bytes;
    expect(one).toBeGreaterThan(CACHE_BYTES / 4);
    expect(one).toBeLessThan(CACHE_BYTES / 2);
    createWorld(big, brief, 2);
    createWorld(big, brief, 1); // 1 is now the most recently used
    createWorld(big, brief, 3); // … so 2 goes
    const stats = populationCacheStats();
    expect(stats).toMatchObject({ hits: 1, misses: 3, entries: 2 });
    expect(stats.bytes).toBeLessThanOrEqual(CACHE_BYTES);
    expect(stats.bytes).toBeGreaterThan(2 * one * 0.99); // two populations' worth, counted once each
    createWorld(big, brief, 1);
    expect(populationCacheStats()).toMatchObject({ hits: 2, misses: 3 });
    createWorld(big, brief, 2);
    expect(populationCacheStats()).toMatchObject({ hits: 2, misses: 4, entries: 2 });
  });

  it('another seed or other population parameters draw anew', () => {
    createWorld(small(), settings, 1);
    createWorld(small(), settings, 2);
    const p = small();
    p.residents.trustGov = 0.6;
    createWorld(p, settings, 1);
    const q = small();
    q.network.rewire = 0.2;
    createWorld(q, settings, 1);
    expect(populationCacheStats()).toMatchObject({ hits: 0, misses: 4, entries: 4 });
    resetPopulationCache(false);
    const fresh = state(createWorld(p, settings, 1));
    resetPopulationCache(true);
    createWorld(p, settings, 1);
    expect(state(createWorld(p, settings, 1))).toEqual(fresh);
  });

  it('a common-random-numbers sweep of the strategy (steering-sweep.yaml) gives the bytes of fresh draws, drawing each replicate once', () => {
    const scenario = loadScenario(join(ROOT, 'scenarios/steering-sweep.yaml'), { replications: 2 });
    const points = planRuns(scenario).points.slice(0, 4);
    const runs = (cached: boolean) => {
      resetPopulationCache(cached);
      return points.flatMap((point) =>
        [0, 1].map((r) => {
          const out = runModel(point.params, { horizon: 30, sampleEvery: 5 }, deriveRunSeed(scenario.seed, point.index, r), point.interventions ?? []);
          return [out.series, out.initiativeSeries, ...Object.values(out.initiatives)].map((a) => Array.from(a));
        }),
      );
    };
    const fresh = runs(false);
    const cached = runs(true);
    expect(populationCacheStats()).toMatchObject({ misses: 2, hits: 2 * points.length - 2 });
    expect(cached).toEqual(fresh);
  });
});
