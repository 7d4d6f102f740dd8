import { readConditions } from './interventions/timeline.js';
import { readSignposts } from './signposts.js';
import type { World } from './world.js';

/**
 * The start of the week (docs/ODD.md §3, step 1, and §4 Sensing): the timeline's `when` conditions
 * and the manager's signposts are read on the state as last week ended, all of them before any of
 * this week's interventions or responses acts, so that no reading sees what another did this week.
 */
export function sense(world: World): void {
  readConditions(world);
  readSignposts(world);
}
