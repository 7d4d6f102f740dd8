import { spendAttention } from './attention.js';
import { updateAttitudes } from './attitudes.js';
import { updateCommitment } from './commitment.js';
import { environmentDrivers } from './environment.js';
import { fieldContacts } from './fieldContacts.js';
import { updateInitiatives } from './initiatives.js';
import { applyInterventions } from './interventions/timeline.js';
import { updateLeadership } from './leadership.js';
import { officialsLearn } from './learning.js';
import { realise } from './realisation.js';
import { reviewSignposts } from './signposts.js';
import { setPressureAndPresence } from './officials.js';
import { recordMetrics } from './record.js';
import { shareRevenue } from './revenue.js';
import { sense } from './sensing.js';
import type { World } from './world.js';

/** A process of the week: its name and what it does to the world. */
export interface Process {
  readonly name: string;
  readonly run: (world: World) => void;
}

/** The processes of one week, in the order of docs/ODD.md §3 ("Process overview and scheduling"). */
export const WEEK: readonly Process[] = [
  { name: 'sensing', run: sense }, // 1. when-conditions and signposts read on last week's end
  { name: 'environment drivers', run: environmentDrivers }, // 1. this week's drivers
  { name: 'interventions', run: applyInterventions }, // 1. the timeline's interventions of this week
  { name: 'signposts', run: reviewSignposts }, // 1. the manager reviews the signposts and responds
  { name: 'attention', run: spendAttention }, // 2. the manager divides attention
  { name: 'pressure and presence', run: setPressureAndPresence }, // 2. officials set pressure and presence
  { name: 'field contacts', run: fieldContacts }, // 3. officials meet residents
  { name: 'attitudes', run: updateAttitudes }, // 4. awareness, support, trust, drive, belonging
  { name: 'leadership', run: updateLeadership }, // 4. a core of initiators steps forward, leads, burns out
  { name: 'commitment', run: updateCommitment }, // 4. residents join and leave
  { name: 'initiatives', run: updateInitiatives }, // 5. capacity, progress, alignment, reach, formalisation
  { name: 'realisation', run: realise }, // 5. formalised initiatives deliver; members judge, drop out; failure
  { name: 'revenue', run: shareRevenue }, // 5. revenue, its trust effect and its spillover
  { name: 'learning', run: officialsLearn }, // 6. officials learn
  { name: 'record', run: recordMetrics }, // 7. record
];

/** One week in the neighbourhoods. */
export function step(world: World): void {
  world.week++;
  for (let p = 0; p < WEEK.length; p++) WEEK[p].run(world);
}

/** Step `weeks` times. */
export function run(world: World, weeks: number): World {
  for (let t = 0; t < weeks; t++) step(world);
  return world;
}
