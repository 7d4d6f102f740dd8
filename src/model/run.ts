import { createWorld } from './createWorld.js';
import type { Intervention } from './interventions/types.js';
import type { Parameters } from './parameters.js';
import type { RunOutput } from './output.js';
import { columnOf, INITIATIVE_METRICS } from './metrics.js';
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

/** The RunOutput of a world that has been stepped to its horizon: its series and each initiative metric of the registry. */
export function outputOf(world: World): RunOutput {
  const count = world.initiatives.count;
  const initiatives = {} as Record<string, Int32Array | Float64Array>;
  for (const m of INITIATIVE_METRICS) {
    const column = columnOf(m.kind, count);
    for (let b = 0; b < count; b++) column[b] = m.value(world, b);
    initiatives[m.key] = column;
  }
  return {
    horizon: world.horizon,
    weeks: world.recorder.weeks,
    series: world.recorder.series,
    initiativeSeries: world.recorder.initiativeSeries,
    initiatives: initiatives as RunOutput['initiatives'],
    interventionWeeks: Int32Array.from(world.timeline.firedWeek),
  };
}
