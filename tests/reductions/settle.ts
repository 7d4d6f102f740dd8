import { step } from '../../src/model/schedule.js';
import type { World } from '../../src/model/world.js';

/** Committed households in the world. */
export function committedCount(world: World): number {
  let c = 0;
  for (let b = 0; b < world.initiatives.count; b++) c += world.initiatives.members[b];
  return c;
}

/** Step until a week passes in which nobody joins or leaves (or `maxWeeks` pass); the final committed count. */
export function stepUntilStable(world: World, maxWeeks: number): number {
  let before = committedCount(world);
  for (let t = 0; t < maxWeeks; t++) {
    step(world);
    const now = committedCount(world);
    if (now === before) return now;
    before = now;
  }
  return before;
}
