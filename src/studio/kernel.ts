import { watcher, type Hoods } from '../model/metrics.js';
import { SERIES_METRICS } from '../model/output.js';
import type { Parameters } from '../model/parameters.js';
import { step } from '../model/schedule.js';
import type { Intervention } from '../model/interventions/types.js';
import { createWorld } from '../model/createWorld.js';
import type { World } from '../model/world.js';
import { deriveRunSeed } from '../random/streams.js';

/**
 * The studio's one contact with the kernel: building a world, stepping it a week, reading the
 * week's metrics and the map, and applying interventions. Everything else in the studio goes
 * through these functions.
 */

/** The world metrics the studio shows and exports, in SERIES_METRICS order (names as in series.csv). */
export const METRICS = SERIES_METRICS;

/** A run the studio drives: its world and the timeline it was built with. */
export interface LiveRun {
  world: World;
  /** The parameters it started from, before any intervention. */
  params: Parameters;
  scenarioSeed: number;
  interventions: Intervention[];
}

/**
 * A run as `draagvlak run` makes the first replicate of a scenario: the run seed derived from the
 * scenario seed exactly as the CLI derives it (replicate 0, common random numbers), series recorded
 * every week.
 */
export function startRun(params: Parameters, horizon: number, scenarioSeed: number, interventions: Intervention[] = []): LiveRun {
  const runSeed = deriveRunSeed(scenarioSeed, 0, 0, true);
  const world = createWorld(params, { horizon, sampleEvery: 1 }, runSeed, interventions);
  return { world, params, scenarioSeed, interventions };
}

/** Per timeline entry, the week it first applied (0: not yet), in the order of `run.interventions`. */
export function firedWeeks(run: LiveRun): Int32Array {
  return run.world.timeline.firedWeek;
}

/** Steps one week; false at the horizon. */
export function stepWeek(run: LiveRun): boolean {
  if (run.world.week >= run.world.horizon) return false;
  step(run.world);
  return true;
}

/** The value of every metric in a week already simulated, in METRICS order, into `out`. */
export function weekMetrics(run: LiveRun, week: number, out: Float64Array): Float64Array {
  const rec = run.world.recorder;
  const samples = rec.weeks.length;
  const k = week; // recorded every week: sample k is week k
  for (let m = 0; m < METRICS.length; m++) out[m] = rec.series[m * samples + k];
  return out;
}

/**
 * Some metrics of every neighbourhood, week by week, for the charts to follow one neighbourhood: each
 * read over that one neighbourhood as a trigger's condition reads it (the registry's own formula).
 * `values` is week-major, then neighbourhood, then metric.
 */
export class NeighbourhoodSeries {
  readonly values: Float64Array;
  private readonly read: ((world: World, hoods: Hoods) => number)[];
  private readonly one: Int32Array[];
  private readonly stride: number;

  constructor(readonly metrics: readonly string[], readonly neighbourhoods: number, horizon: number) {
    this.read = metrics.map(watcher);
    this.one = Array.from({ length: neighbourhoods }, (_, b) => Int32Array.of(b));
    this.stride = neighbourhoods * metrics.length;
    this.values = new Float64Array((horizon + 1) * this.stride);
  }

  /** Records the run's current week. */
  record(run: LiveRun): void {
    let k = run.world.week * this.stride;
    for (let b = 0; b < this.neighbourhoods; b++) for (let m = 0; m < this.read.length; m++) this.values[k++] = this.read[m](run.world, this.one[b]);
  }

  /** A copy of weeks `from` … `from + count − 1`. */
  weeks(from: number, count: number): Float64Array {
    return this.values.slice(from * this.stride, (from + count) * this.stride);
  }
}

/** What the map draws, in typed arrays sized once per world. */
export interface MapState {
  /** Per household: 0 opposed, 1 undecided, 2 supportive, 3 committed. */
  state: Uint8Array;
  /** Per household: trust in government × 255. */
  trust: Uint8Array;
  /** Per official: presence (share of time in the field). */
  presence: Float32Array;
  /** Per initiative: committed share, threshold, plan progress, week reached (0: not yet), week formalised. */
  supportShare: Float32Array;
  threshold: Float32Array;
  progress: Float32Array;
  reachedWeek: Int32Array;
  formalisedWeek: Int32Array;
}

/** Where each neighbourhood's households and officials sit in the arrays of MapState. */
export interface MapLayout {
  householdStart: Int32Array;
  householdEnd: Int32Array;
  officialStart: Int32Array;
}

export function mapLayout(run: LiveRun): MapLayout {
  const nb = run.world.neighbourhoods;
  return { householdStart: Int32Array.from(nb.start), householdEnd: Int32Array.from(nb.end), officialStart: Int32Array.from(nb.officialStart) };
}

/** Support below which a household counts as opposed, and above which as supportive. */
export const OPPOSED_BELOW = 0.25;
export const SUPPORTIVE_ABOVE = 0.5;

export function mapState(run: LiveRun): MapState {
  const w = run.world;
  const res = w.residents;
  const ini = w.initiatives;
  const state = new Uint8Array(res.count);
  const trust = new Uint8Array(res.count);
  for (let i = 0; i < res.count; i++) {
    const s = res.support[i];
    state[i] = res.committed[i] ? 3 : s > SUPPORTIVE_ABOVE ? 2 : s < OPPOSED_BELOW ? 0 : 1;
    trust[i] = Math.round(res.trustGov[i] * 255);
  }
  return {
    state,
    trust,
    presence: Float32Array.from(w.officials.presence),
    supportShare: Float32Array.from(ini.supportShare),
    threshold: Float32Array.from(ini.threshold),
    progress: Float32Array.from(ini.progress),
    reachedWeek: Int32Array.from(ini.reachedWeek),
    formalisedWeek: Int32Array.from(ini.formalisedWeek),
  };
}

/**
 * Adds an intervention from the next week on. The kernel compiles its timeline when a world is built,
 * so the run is rebuilt with the longer timeline and replayed to the current week: an entry that
 * fires next week changes nothing before it, so the replay passes through the same states, and the
 * result is the run `draagvlak run` makes of the same timeline.
 */
export function intervene(run: LiveRun, entry: Intervention): LiveRun {
  const week = run.world.week;
  const next = startRun(run.params, run.world.horizon, run.scenarioSeed, [...run.interventions, entry]);
  while (next.world.week < week) step(next.world);
  return next;
}
