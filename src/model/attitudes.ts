import { decide } from './commitment.js';
import { clearMembers, countMembers } from './initiatives.js';
import { loseTrust } from './trust.js';
import type { World } from './world.js';

/**
 * Step 4a: residents update awareness, support, trust, drive and belonging. Every resident reads
 * last week's support of its neighbours (support is double-buffered: this writes `supportNext`,
 * then the buffers swap).
 *  - Awareness relaxes toward the awareness drivers, (climate + policyPressure) / 2.
 *  - Support: peer influence pulls it toward the neighbours' mean, weighted by belonging (DeGroot
 *    1974; Friedkin & Johnsen 1990); it relaxes toward the resident's own evaluation,
 *    awareness × (1 + provenTechniques − costs) (up with awareness and falling costs); felt pressure
 *    moves it up when trust is above `legitimacy` and down below (Tyler 1990); contacts and
 *    neighbouring successes add their nudge; uniform noise with standard deviation `noise`.
 *  - Trust: felt pressure without participation is a small broken promise every week, a loss of
 *    pressureTrustCost × felt × (1 − participation), times the asymmetry (Slovic 1993).
 *  - Drive grows with participation and membership, (participation + member) / 2 × (1 − drive),
 *    and is crowded out by control felt without voice: (felt pressure + member × steering) ×
 *    (1 − participation) × drive (Frey & Jegen 2001, motivation crowding).
 *  - Belonging grows for members with the committed share of their neighbours (joint membership).
 *
 * When nothing between them changes what they read (see `decidesHere`), the same walk also takes
 * step 4b's commitment decisions and counts the members for step 5a's capacity, each neighbourhood
 * right after its residents' attitudes, while they are in the cache: one walk over memory instead
 * of three, and the same bytes, as a decision reads only the resident's own attitudes of this week
 * and last week's committed neighbours, and members are counted in id order.
 */
export function updateAttitudes(world: World): void {
  const { strategy, rates, mechanisms } = world.params;
  const res = world.residents;
  const hoods = world.neighbourhoods;
  const env = world.env;
  const { offsets, targets } = world.network;
  const rng = world.rng;
  const support = res.support;
  const next = res.supportNext;
  const { awareness, trustGov, drive, belonging, committed, nudge, invDegree, committedNeighbours } = res;

  const awarenessOn = mechanisms.awareness;
  const peerOn = mechanisms.peerInfluence;
  const pressureOn = mechanisms.pressure;
  const trustOn = mechanisms.trust && mechanisms.pressure;
  const driveOn = mechanisms.drive;
  const belongingOn = mechanisms.belonging;
  const noiseAmp = mechanisms.noise ? rates.noise * Math.sqrt(12) : 0;
  const awarenessTarget = (env.climate + env.policyPressure) / 2;
  const awarenessRelax = rates.awarenessRelax;
  const evaluation = Math.max(0, 1 + env.provenTechniques - env.costs);
  const fromAwareness = rates.supportFromAwareness;
  const peer = rates.peerInfluence;
  const legitimacy = rates.legitimacy;
  const voiceless = 1 - strategy.participation;
  const asymmetry = rates.trustAsymmetry;
  const driveGrowth = rates.driveGrowth * 0.5;
  const participation = strategy.participation;
  const crowding = rates.crowding * voiceless;
  const steering = strategy.steering;
  const belongingGrowth = rates.belongingGrowth;
  const scratch = world.scratch;
  const decides = decidesHere(world);
  const counts = decides && mechanisms.initiatives;
  let decided = 0;
  if (counts) clearMembers(world);

  for (let b = 0; b < hoods.count; b++) {
    const felt = pressureOn ? hoods.feltPressure[b] : 0;
    const pressurePush = rates.pressureEffect * felt;
    const trustCost = rates.pressureTrustCost * felt * voiceless;
    const end = hoods.end[b];
    for (let i = hoods.start[b]; i < end; i++) {
      const s = support[i];
      let ds = nudge[i];
      if (ds !== 0) nudge[i] = 0;
      if (awarenessOn) {
        const a = awareness[i] + awarenessRelax * (awarenessTarget - awareness[i]);
        awareness[i] = a;
        ds += fromAwareness * (a * evaluation - s);
      }
      if (peerOn) {
        const last = offsets[i + 1];
        let e = offsets[i];
        if (last > e) {
          let sum = 0;
          for (; e < last; e++) sum += support[targets[e]];
          ds += peer * belonging[i] * (sum * invDegree[i] - s);
        }
      }
      const trust = trustGov[i];
      if (pressureOn) ds += pressurePush * (trust - legitimacy);
      if (noiseAmp > 0) ds += noiseAmp * (rng() - 0.5);
      const x = s + ds;
      next[i] = x < 0 ? 0 : x > 1 ? 1 : x;

      if (trustOn && trustCost > 0) trustGov[i] = loseTrust(trust, trustCost, asymmetry);
      const member = committed[i];
      if (driveOn) {
        const d = drive[i];
        const y = d + driveGrowth * (participation + member) * (1 - d) - crowding * (felt + member * steering) * d;
        drive[i] = y < 0 ? 0 : y > 1 ? 1 : y;
      }
      if (belongingOn && member === 1) {
        const l = belonging[i];
        belonging[i] = l + belongingGrowth * committedNeighbours[i] * invDegree[i] * (1 - l);
      }
    }
    if (decides) {
      const from = decided;
      // The decisions read this week's support: the buffer being written.
      res.support = next;
      decided = decide(world, hoods.start[b], hoods.end[b], decided);
      res.support = support;
      if (counts) countMembers(world, b, from, decided);
    }
  }
  res.support = next;
  res.supportNext = support;
  if (decides) {
    scratch.decidedWeek = world.week;
    scratch.decided = decided;
  }
  if (counts) scratch.countedWeek = world.week;
}

/**
 * Whether this week's attitude pass takes the commitment decisions (step 4b) too: under the
 * threshold rule, which draws no random numbers (the hazard rule's draws would fall between the
 * noise draws), and without leadership, which runs between the two and changes the drive and the
 * leaders a decision reads. Capacity (step 5a) then counts the members as they will be after the
 * decisions, with the drive of this week.
 */
function decidesHere(world: World): boolean {
  return world.scratch.fuse && world.params.commitment.rule !== 'hazard' && !world.params.mechanisms.leadership;
}
