import { spendAttention } from './attention.js';
import { updateAttitudes } from './attitudes.js';
import { updateCommitment } from './commitment.js';
import { environmentDrivers } from './environment.js';
import { fieldContacts } from './fieldContacts.js';
import { updateInitiatives } from './initiatives.js';
import { officialsLearn } from './learning.js';
import { setPressureAndPresence } from './officials.js';
import { recordMetrics } from './record.js';
import { shareRevenue } from './revenue.js';
import type { World } from './world.js';

/** One week in the neighbourhoods, in the order of DESIGN §2. */
export function step(world: World): void {
  world.week++;
  environmentDrivers(world); // 1. this week's drivers
  world.hooks.beforeWeek?.(world); // 1. scheduled interventions of this week
  spendAttention(world); // 2. the manager divides attention
  setPressureAndPresence(world); // 2. officials set pressure and presence
  fieldContacts(world); // 3. officials meet residents
  updateAttitudes(world); // 4. awareness, support, trust, drive, belonging
  updateCommitment(world); // 4. residents join and leave
  updateInitiatives(world); // 5. capacity, progress, alignment, reach, formalisation
  shareRevenue(world); // 5. revenue, its trust effect and its spillover
  officialsLearn(world); // 6. officials learn
  recordMetrics(world); // 7. record
}

/** Step `weeks` times. */
export function run(world: World, weeks: number): World {
  for (let t = 0; t < weeks; t++) step(world);
  return world;
}
