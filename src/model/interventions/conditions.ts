import { watch } from '../metrics.js';
import type { World } from '../world.js';
import type { ConditionMetric } from './types.js';

/**
 * The value of a condition's metric over the given neighbourhoods, read from the state at the end
 * of last week (the hook runs before this week's processes). The formula is the metric's own in
 * the registry (src/model/metrics.ts), as recorded in the series, restricted to the neighbourhoods;
 * support_share is the highest initiative's, so "an initiative's support share passes 0.2" reads as written.
 */
export function conditionValue(world: World, metric: ConditionMetric, hoods: Int32Array): number {
  return watch(world, metric, hoods);
}
