import { createWorld } from './createWorld.js';
import type { Intervention } from './interventions/types.js';
import type { Parameters } from './parameters.js';
import type { RunOutput } from './output.js';
import { snapshot, emptySnapshot } from './record.js';
import { run } from './schedule.js';
import type { World } from './world.js';

/**
 * One run of the model: build the world from the run seed's streams with its intervention
 * timeline, step `horizon` weeks, and hand back the recorded series, every initiative's outcome
 * and the week each intervention first applied, as typed arrays.
 */
export function runModel(
  params: Parameters,
  settings: { horizon: number; sampleEvery: number },
  runSeed: number,
  interventions: readonly Intervention[] = [],
): RunOutput {
  const world = createWorld(params, settings, runSeed, interventions);
  run(world, world.horizon);
  return outputOf(world);
}

/** The RunOutput of a world that has been stepped to its horizon. */
export function outputOf(world: World): RunOutput {
  const ini = world.initiatives;
  const n = ini.count;
  const neighbourhood = new Int32Array(n);
  for (let b = 0; b < n; b++) neighbourhood[b] = b;
  const last = snapshot(world, emptySnapshot());
  return {
    horizon: world.horizon,
    weeks: world.recorder.weeks,
    series: world.recorder.series,
    initiativeSeries: world.recorder.initiativeSeries,
    initiatives: {
      neighbourhood,
      households: Int32Array.from(ini.households),
      threshold: Float64Array.from(ini.threshold),
      reachedWeek: Int32Array.from(ini.reachedWeek),
      formalisedWeek: Int32Array.from(ini.formalisedWeek),
      supportShareFinal: Float64Array.from(ini.supportShare),
      progressFinal: Float64Array.from(ini.progress),
      alignmentFinal: Float64Array.from(ini.alignment),
    },
    final: {
      trustGov: last.trustGov,
      cohesion: last.cohesion,
      drive: last.drive,
      support: last.support,
      committedShare: last.committedShare,
    },
    interventionWeeks: Int32Array.from(world.timeline.firedWeek),
  };
}
