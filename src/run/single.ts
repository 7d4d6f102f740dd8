import type { Parameters } from '../model/parameters.js';
import type { RunOutput } from '../model/output.js';
import type { Intervention } from '../model/interventions/types.js';
import { deriveRunSeed } from '../random/streams.js';
import type { RunIdentity } from './rows.js';

/** The model as the pipeline sees it: one seeded run of one parameter set. */
export type ModelFn = (params: Parameters, settings: { horizon: number; sampleEvery: number }, runSeed: number, interventions?: readonly Intervention[]) => RunOutput;

/** What every run of a plan shares, small enough to send to each worker once. */
export interface RunContext {
  seed: number;
  horizon: number;
  sampleEvery: number;
  commonRandomNumbers: boolean;
  /** The parameters of each point, by point index. */
  params: Parameters[];
  /** The intervention timeline of each point, by point index (empty: none). */
  interventions?: Intervention[][];
}

/**
 * Test hook: `DRAAGVLAK_FAIL_RUN=point:replicate[,point:replicate…]` makes those runs throw, to
 * exercise failure reporting. `DRAAGVLAK_CRASH_RUN=point:replicate` makes the worker running it
 * exit abruptly on its first attempt (the run is then retried on a fresh worker).
 */
export function hookedRuns(value: string | undefined): Set<string> {
  return new Set((value ?? '').split(',').map((s) => s.trim()).filter((s) => s.length > 0));
}

let failHook: { value: string | undefined; runs: Set<string> } = { value: undefined, runs: new Set() };
function failRuns(): Set<string> {
  const value = process.env.DRAAGVLAK_FAIL_RUN;
  if (value !== failHook.value) failHook = { value, runs: hookedRuns(value) };
  return failHook.runs;
}

/** Runs one (point, replicate): derives its seed from the scenario seed and its identity, never from order. */
export function runOne(model: ModelFn, ctx: RunContext, point: number, replicate: number): RunIdentity & { output: RunOutput } {
  const seed = deriveRunSeed(ctx.seed, point, replicate, ctx.commonRandomNumbers);
  if (failRuns().has(`${point}:${replicate}`)) {
    throw new Error(`DRAAGVLAK_FAIL_RUN test hook: run ${point}:${replicate} made to throw`);
  }
  const params = ctx.params[point];
  if (!params) throw new Error(`no point ${point} in the plan`);
  // The point's timeline draws only from the run's interventions stream, so the network, the
  // people and the dynamics stream stay those of every other plan.
  const output = model(params, { horizon: ctx.horizon, sampleEvery: ctx.sampleEvery }, seed, ctx.interventions?.[point] ?? []);
  return { point, replicate, seed, output };
}

/** The shared context of a plan's runs. */
export function runContext(plan: {
  scenario: { seed: number; horizon: number; sampleEvery: number; commonRandomNumbers: boolean };
  points: { params: Parameters; interventions?: Intervention[] }[];
}): RunContext {
  const s = plan.scenario;
  return {
    seed: s.seed,
    horizon: s.horizon,
    sampleEvery: s.sampleEvery,
    commonRandomNumbers: s.commonRandomNumbers,
    params: plan.points.map((p) => p.params),
    interventions: plan.points.map((p) => p.interventions ?? []),
  };
}

/** A one-line description of anything thrown. */
export function errorText(err: unknown): string {
  if (err instanceof Error) return err.message.split('\n')[0] ?? String(err);
  return String(err).split('\n')[0] ?? '';
}
