import { availableParallelism, totalmem } from 'node:os';
import { INITIATIVE_SERIES_METRICS, SERIES_METRICS } from '../model/output.js';
import type { Parameters } from '../model/parameters.js';
import type { RunPlan } from '../scenario/types.js';

/**
 * What a plan asks of the machine, estimated before anything runs: the memory of one run (from
 * households, ties and horizon), of the worker threads together, and the disk its results folder
 * needs. Estimates err on the large side; they exist to refuse in a second what would otherwise
 * be killed for memory, or stop on a full disk, an hour later.
 */

/** Memory of an idle worker thread (its V8 isolate, the model code, the plan), in bytes. */
const WORKER_BYTES = 64 * 2 ** 20;
/** Memory of the main process (the pool, the CSV rows of the batches in flight), in bytes. */
const MAIN_BYTES = 256 * 2 ** 20;
/** Bytes per resident: a few dozen typed-array columns, and the network's offsets. */
const RESIDENT_BYTES = 256;
/** Bytes per tie: its CSR entry, twice over while the network is built. */
const TIE_BYTES = 16;
/** Workers per available core beyond which more only compete for the same cores. */
export const WORKERS_PER_CORE = 4;

/** The residents and ties of a parameter set (a complete network ties everyone to everyone). */
function size(params: Parameters): { residents: number; ties: number } {
  const residents = params.population.neighbourhoods * params.population.households;
  const degree = params.network.kind === 'complete' ? residents - 1 : params.network.degree + params.network.bridges;
  // bridges are a share of a tie per resident: the count is rounded to a whole number of ties
  return { residents, ties: Math.round(residents * degree) };
}

/** Estimated peak memory of one run of a point, in bytes. */
export function runBytes(params: Parameters, horizon: number, sampleEvery: number): number {
  const { residents, ties } = size(params);
  const samples = Math.floor(horizon / sampleEvery) + 2;
  const series = samples * (SERIES_METRICS.length + params.population.neighbourhoods * INITIATIVE_SERIES_METRICS.length) * 8;
  return residents * RESIDENT_BYTES + ties * TIE_BYTES + series;
}

/** Estimated bytes of a run's rows in the result files (one row's identity, then its numbers). */
function rowBytes(plan: RunPlan): number {
  const point = plan.points[0]!;
  const neighbourhoods = Math.max(...plan.points.map((p) => p.params.population.neighbourhoods));
  const prefix = 40 + point.label.length + 12 * plan.varied.length;
  const samples = Math.floor(plan.scenario.horizon / plan.scenario.sampleEvery) + 2;
  const rows = 1 + neighbourhoods + samples * (SERIES_METRICS.length + neighbourhoods * INITIATIVE_SERIES_METRICS.length);
  return rows * (prefix + 40);
}

/** Estimated bytes a results folder needs: the parts and the assembled files (both exist at the end), and the report. */
export function diskBytes(plan: RunPlan, report: boolean): number {
  const runs = plan.points.length * plan.scenario.replications;
  return 2 * runs * rowBytes(plan) + (report ? 2 * 2 ** 20 + plan.points.length * 64 * 2 ** 10 : 0);
}

export function megabytes(bytes: number): string {
  return bytes >= 2 ** 30 ? `${(bytes / 2 ** 30).toFixed(1)} GB` : `${Math.max(0.1, bytes / 2 ** 20).toFixed(1)} MB`;
}

/**
 * A size needed and a smaller size found, as a refusal compares them: in MB (GB) as `megabytes`
 * shows them, unless that shows them the same ("0.1 MB … found 0.1 MB"); then in whole kB, the need
 * rounded up and what was found rounded down, which never read the same.
 */
export function neededAndFound(need: number, found: number): [string, string] {
  const [a, b] = [megabytes(need), megabytes(found)];
  return a !== b ? [a, b] : [`${Math.ceil(need / 1024)} kB`, `${Math.floor(found / 1024)} kB`];
}

/**
 * The problems of running a plan on this machine with this many workers: more workers than
 * WORKERS_PER_CORE per core, or more memory than the machine has (`force` lifts the memory check).
 * `source` names where the population was given, to begin the memory problem with: the scenario
 * file, or `--set` (the scenario's name by default).
 */
export function capacityProblems(plan: RunPlan, workers: number, options: { force?: boolean; memory?: number; cores?: number; source?: string } = {}): string[] {
  const problems: string[] = [];
  const cores = options.cores ?? availableParallelism();
  if (workers > WORKERS_PER_CORE * cores) {
    problems.push(`--workers: expected at most ${WORKERS_PER_CORE * cores} (${WORKERS_PER_CORE} per available core, ${cores} here), found ${workers}`);
  }
  if (options.force) return problems;
  const memory = options.memory ?? totalmem();
  const { horizon, sampleEvery } = plan.scenario;
  let largest = plan.points[0]!;
  let perRun = 0;
  for (const point of plan.points) {
    const bytes = runBytes(point.params, horizon, sampleEvery);
    if (bytes > perRun) [perRun, largest] = [bytes, point];
  }
  const running = Math.min(workers, plan.points.length * plan.scenario.replications);
  const need = MAIN_BYTES + running * (WORKER_BYTES + perRun);
  if (need > memory) {
    const { residents, ties } = size(largest.params);
    problems.push(
      `${options.source ?? plan.scenario.name}: population: expected a run that fits in this machine's memory (${megabytes(memory)}), found about ${megabytes(need)} for ${running} worker${running === 1 ? '' : 's'} ` +
        `× ${megabytes(perRun)} per run (${residents} residents, ${ties} ties${plan.points.length > 1 ? ` at point "${largest.label}"` : ''}); use fewer --workers or a smaller population, or --force to try anyway`,
    );
  }
  return problems;
}
