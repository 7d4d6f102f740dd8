import { COMPETENCE_DIMENSIONS, type World } from './world.js';

/**
 * Step 4b (before commitment, switch `leadership`): a core of initiators emerges, leads and can burn
 * out. Community-energy initiatives start from a few residents with the drive and the competences
 * to lead; without that core no initiative forms, however high average support is (Ghorbani,
 * Nascimento & Filatova 2020). Leading wears people out while the initiative is still short of its
 * support (volunteer burnout), and motivation crowding (step 4a) wears their drive down too.
 *
 *  - A resident who is not leading steps forward when drive ≥ leadDrive and the mean of the four
 *    competences ≥ leadCompetence, while the neighbourhood has fewer than maxCore leaders (a core
 *    is a handful); a leader is a member and does not leave while leading. Initiators placed at
 *    the start (population.initiators) are leaders from week 0.
 *  - A leader's drive falls by burnout × (1 − min(1, supportShare / threshold)) a week; below
 *    stepDown the leader steps down and becomes an ordinary resident (still a member until the
 *    commitment rule says otherwise).
 *  - `initiatives.leaders` counts each neighbourhood's leaders after this week's changes; the
 *    commitment rule lets others join only while it is at least `core` (src/model/commitment.ts).
 *
 * Leaders are marked in `residents.initiator`. Reads and writes only this week's values of drive
 * and leadership; support and membership are last week's.
 */
export function updateLeadership(world: World): void {
  if (!world.params.mechanisms.leadership) return;
  const { leadDrive, leadCompetence, maxCore, burnout, stepDown } = world.params.leadership;
  const res = world.residents;
  const { drive, competence, initiator, neighbourhood } = res;
  const { leaders, supportShare, threshold } = world.initiatives;
  const minimumCompetence = leadCompetence * COMPETENCE_DIMENSIONS;
  leaders.fill(0);
  // First the leaders carry on or burn out, then others step forward into the places left, so a
  // neighbourhood never holds more than maxCore leaders (the initiators placed at the start aside).
  for (let i = 0; i < res.count; i++) {
    if (initiator[i] === 0) continue;
    const b = neighbourhood[i];
    const shortfall = 1 - (threshold[b] > 0 ? Math.min(1, supportShare[b] / threshold[b]) : 1);
    const d = drive[i] - burnout * shortfall;
    drive[i] = d < 0 ? 0 : d;
    if (drive[i] < stepDown) initiator[i] = 0;
    else leaders[b]++;
  }
  for (let i = 0; i < res.count; i++) {
    const b = neighbourhood[i];
    if (initiator[i] === 1 || drive[i] < leadDrive || leaders[b] >= maxCore) continue;
    let sum = 0;
    for (let k = i * COMPETENCE_DIMENSIONS; k < (i + 1) * COMPETENCE_DIMENSIONS; k++) sum += competence[k];
    if (sum >= minimumCompetence) {
      initiator[i] = 1;
      leaders[b]++;
    }
  }
}
