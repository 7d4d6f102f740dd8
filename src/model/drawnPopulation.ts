import { buildNetwork } from '../network/index.js';
import type { CsrGraph } from '../network/csr.js';
import { stream } from '../random/streams.js';
import type { Parameters } from './parameters.js';
import { describeNeighbourhoods, drawBackgrounds, drawResidents, layoutNeighbourhoods } from './population.js';
import type { Neighbourhoods, Residents } from './world.js';

/**
 * The parameters the population is drawn from, and nothing else: the builders below see only these,
 * so the type checker keeps the cache's key complete.
 */
const POPULATION_KEYS = ['population', 'network', 'residents', 'officials', 'commitment'] as const;
export type PopulationParameters = Pick<Parameters, (typeof POPULATION_KEYS)[number]>;

/** A run's drawn population: its residents at week 0, their network and their neighbourhoods. */
export interface DrawnPopulation {
  readonly network: CsrGraph;
  readonly neighbourhoods: Neighbourhoods;
  readonly residents: Residents;
}

/**
 * The population of one run. The population stream first draws every resident's background, the
 * network stream then builds the social network on that layout, and the population stream goes on
 * to draw the residents. Neither stream is used again in the run.
 *
 * Drawing is most of building a world (the step's processes come after), and with common random
 * numbers every point of a sweep that varies only the strategy draws the same population in
 * replicate r. So each thread keeps the populations it drew last (up to CACHE_BYTES), by run seed
 * and these parameters, and hands out fresh copies of them: the same bytes as drawing anew, as a
 * copy is the drawn state itself and the streams were left alone.
 */
export function drawPopulation(params: PopulationParameters, runSeed: number): DrawnPopulation {
  if (!cache.enabled) return draw(params, runSeed);
  const key = JSON.stringify([runSeed, ...POPULATION_KEYS.map((k) => params[k])]);
  let kept = cache.entries.get(key);
  if (kept) {
    cache.hits++;
    cache.entries.delete(key); // most recently used last
  } else {
    cache.misses++;
    const population = copy(draw(params, runSeed));
    kept = { population, bytes: bytesOf(population) };
    if (kept.bytes > CACHE_BYTES) return copy(population);
    cache.bytes += kept.bytes;
  }
  cache.entries.set(key, kept);
  for (const [k, entry] of cache.entries) {
    if (cache.bytes <= CACHE_BYTES) break;
    cache.entries.delete(k);
    cache.bytes -= entry.bytes;
  }
  return copy(kept.population);
}

function draw(params: PopulationParameters, runSeed: number): DrawnPopulation {
  const populationRng = stream(runSeed, 'population');
  const neighbourhoodOf = layoutNeighbourhoods(params);
  const groups = params.population.backgroundGroups;
  const background = drawBackgrounds(neighbourhoodOf.length, groups, populationRng);
  const network = buildNetwork(params.network, { neighbourhoodOf, background, backgroundGroups: groups }, stream(runSeed, 'network'));
  const neighbourhoods = describeNeighbourhoods(params, neighbourhoodOf, network);
  const residents = drawResidents(params, neighbourhoodOf, background, network, neighbourhoods, populationRng);
  return { network, neighbourhoods, residents };
}

/** The most bytes of drawn populations a thread keeps (a population larger than this is not kept). */
export const CACHE_BYTES = 64 * 2 ** 20;

/** The populations kept, least recently used first, each with its bytes (summed in `bytes`). */
const cache = { enabled: true, entries: new Map<string, { population: DrawnPopulation; bytes: number }>(), bytes: 0, hits: 0, misses: 0 };

/** How often a drawn population was reused and drawn in this thread, and the bytes kept (for tests and benches). */
export function populationCacheStats(): { hits: number; misses: number; bytes: number; entries: number } {
  return { hits: cache.hits, misses: cache.misses, bytes: cache.bytes, entries: cache.entries.size };
}

/** Empties the cache and sets whether populations are kept (on by default; benches and tests compare). */
export function resetPopulationCache(enabled = true): void {
  cache.entries.clear();
  cache.bytes = cache.hits = cache.misses = 0;
  cache.enabled = enabled;
}

/** A deep copy in which every typed array is a copy of its own (numbers and strings as they are). */
function copy<T>(value: T): T {
  if (ArrayBuffer.isView(value)) return (value as unknown as Int32Array).slice() as T;
  if (value === null || typeof value !== 'object') return value;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) out[k] = copy(v);
  return out as T;
}

/** Bytes held in the typed arrays of a value. */
export function bytesOf(value: unknown): number {
  if (ArrayBuffer.isView(value)) return value.byteLength;
  if (value === null || typeof value !== 'object') return 0;
  let sum = 0;
  for (const v of Object.values(value)) sum += bytesOf(v);
  return sum;
}
