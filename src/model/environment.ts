import { clamp01 } from '../maths/clamp.js';
import type { SeriesValue } from './spec.js';
import type { World } from './world.js';

/**
 * The value of a driver in each week 0 … horizon, computed once at world creation so that the step
 * reads a number and allocates nothing. A number is constant; `points` interpolate linearly between
 * [week, value] pairs and hold flat before the first and after the last; `steps` hold each value
 * from its week until the next step (before the first step, the first value holds). Values are
 * clamped to [0, 1].
 */
export function evaluateSeries(value: SeriesValue, horizon: number): Float64Array {
  const out = new Float64Array(horizon + 1);
  if (typeof value === 'number') {
    out.fill(clamp01(value));
    return out;
  }
  if ('points' in value) {
    const pts = [...value.points].sort((a, b) => a[0] - b[0]);
    if (pts.length === 0) return out;
    for (let t = 0; t <= horizon; t++) {
      let v: number;
      if (t <= pts[0][0]) v = pts[0][1];
      else if (t >= pts[pts.length - 1][0]) v = pts[pts.length - 1][1];
      else {
        let k = 1;
        while (pts[k][0] < t) k++;
        const [w0, v0] = pts[k - 1];
        const [w1, v1] = pts[k];
        v = w1 === w0 ? v1 : v0 + ((v1 - v0) * (t - w0)) / (w1 - w0);
      }
      out[t] = clamp01(v);
    }
    return out;
  }
  const steps = [...value.steps].sort((a, b) => a[0] - b[0]);
  if (steps.length === 0) return out;
  let k = 0;
  for (let t = 0; t <= horizon; t++) {
    while (k + 1 < steps.length && steps[k + 1][0] <= t) k++;
    out[t] = clamp01(steps[k][1]);
  }
  return out;
}

/** Step 1: this week's principal knowledge drivers (costs, proven techniques) and awareness drivers (climate, policy pressure). */
export function environmentDrivers(world: World): void {
  const env = world.env;
  const t = Math.min(world.week, world.horizon);
  env.costs = env.costsSeries[t];
  env.provenTechniques = env.provenTechniquesSeries[t];
  env.climate = env.climateSeries[t];
  env.policyPressure = env.policyPressureSeries[t];
}
