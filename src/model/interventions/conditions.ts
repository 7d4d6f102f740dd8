import type { World } from '../world.js';
import type { ConditionMetric } from './types.js';

/**
 * The value of a condition's metric over the given neighbourhoods, read from the state at the end
 * of last week (the hook runs before this week's processes). Means are over residents, except
 * cohesion (mean over neighbourhoods of mean belonging × share of ties inside, as in the series) and
 * the initiative metrics (over initiatives; support_share is the highest one, so "an initiative's
 * support share passes 0.2" reads as written).
 */
export function conditionValue(world: World, metric: ConditionMetric, hoods: Int32Array): number {
  const res = world.residents;
  const nb = world.neighbourhoods;
  const ini = world.initiatives;
  if (metric === 'support_share') {
    let best = 0;
    for (let k = 0; k < hoods.length; k++) if (ini.supportShare[hoods[k]] > best) best = ini.supportShare[hoods[k]];
    return best;
  }
  if (metric === 'reached_share' || metric === 'formalised_share') {
    const weeks = metric === 'reached_share' ? ini.reachedWeek : ini.formalisedWeek;
    let count = 0;
    for (let k = 0; k < hoods.length; k++) if (weeks[hoods[k]] > 0) count++;
    return hoods.length > 0 ? count / hoods.length : 0;
  }
  if (metric === 'cohesion') {
    let sum = 0;
    for (let k = 0; k < hoods.length; k++) {
      const b = hoods[k];
      const size = nb.end[b] - nb.start[b];
      let belonging = 0;
      for (let i = nb.start[b]; i < nb.end[b]; i++) belonging += res.belonging[i];
      sum += size > 0 ? (belonging / size) * nb.withinShare[b] : 0;
    }
    return hoods.length > 0 ? sum / hoods.length : 0;
  }
  let sum = 0;
  let count = 0;
  for (let k = 0; k < hoods.length; k++) {
    const b = hoods[k];
    for (let i = nb.start[b]; i < nb.end[b]; i++) {
      switch (metric) {
        case 'support':
          sum += res.support[i];
          break;
        case 'committed_share':
          sum += res.committed[i];
          break;
        case 'trust_gov':
          sum += res.trustGov[i];
          break;
        case 'belonging':
          sum += res.belonging[i];
          break;
        case 'drive':
          sum += res.drive[i];
          break;
        case 'awareness':
          sum += res.awareness[i];
          break;
      }
      count++;
    }
  }
  return count > 0 ? sum / count : 0;
}
