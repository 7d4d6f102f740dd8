import type { World } from './world.js';
import { exp } from '../maths/fdlibm.js';

/**
 * Step 4b: who joins and who leaves the initiative. Decisions read the committed neighbours as of
 * last week; the changes are collected first and applied after everyone has decided (synchronous).
 *
 * threshold rule (Granovetter 1978; Watts 2002): a resident joins when the mix
 *   w × (committed share of neighbours) + (1 − w) × own support ≥ personal threshold,
 * and a member leaves when the mix falls below threshold − hysteresis. Collective efficacy
 * (Sampson, Raudenbush & Earls 1997; Kalkbrenner & Roosen 2016): residents who trust their
 * neighbours expect them to contribute and join on less evidence (the expectation channel, beside
 * the observed committed share: conditional cooperation, Fischbacher, Gächter & Fehr 2001), so the
 * personal threshold is lowered by efficacy × (belonging − 0.5), raised for those below the
 * neutral midpoint of belonging (switch `efficacy`). The committed share is one division,
 * committed / degree, so an exact tie with neighbourWeight 1 (7 of 35 against φ = 0.2) is met, as
 * Watts' "at least φ" asks. When `supportDecides` is off only neighbours count, compared as whole
 * numbers precomputed at creation, committedNeighbours ≥ ceil(φ·degree − 1e-9).
 *
 * hazard rule (Bass 1969 on a network): a resident joins with probability
 *   1 − exp(−(p × externalDrive + q × committed share of neighbours))
 * per week and never leaves. externalDrive is the resident's awareness of climate, costs and policy
 * (the mass-media channel of Bass), or 1 when the awareness mechanism is off.
 *
 * With `mechanisms.realisation`, residents of a formalised initiative are passed by: from then on
 * its membership changes only through the realisation rule (drop-out and failure, ODD §7.6c).
 *
 * Returns the number of residents who joined or left.
 */
export function updateCommitment(world: World): number {
  const scratch = world.scratch;
  // The attitude pass may have taken the decisions already, neighbourhood by neighbourhood (src/model/attitudes.ts).
  const count = scratch.decidedWeek === world.week ? scratch.decided : decide(world, 0, world.residents.count, 0);
  applyChanges(world, count);
  return count;
}

/**
 * Residents lo … hi − 1 decide, on last week's committed neighbours; those who change membership
 * are listed in `scratch.changed` from index `count` on, in id order. Changes nothing else, so a
 * range may decide before or after the others. Returns the new length of the list.
 */
export function decide(world: World, lo: number, hi: number, count: number): number {
  const { commitment, mechanisms } = world.params;
  const res = world.residents;
  const { committed, committedNeighbours, invDegree, threshold, joinCount, leaveCount } = res;
  const support = res.support;
  const changed = world.scratch.changed;
  // Realisation (src/model/realisation.ts): a formalised initiative's membership changes there only.
  const fixed = mechanisms.realisation && mechanisms.initiatives ? world.initiatives.formalisedWeek : null;
  const hood = res.neighbourhood;
  if (commitment.rule === 'hazard') {
    const rng = world.rng;
    const p = commitment.p;
    const q = commitment.q;
    const awareness = mechanisms.awareness ? res.awareness : null;
    for (let i = lo; i < hi; i++) {
      if (committed[i] === 1 || (fixed !== null && fixed[hood[i]] > 0)) continue;
      const external = awareness === null ? 1 : awareness[i];
      const rate = p * external + q * committedNeighbours[i] * invDegree[i];
      if (rate > 0 && rng() < 1 - exp(-rate)) changed[count++] = i;
    }
  } else if (mechanisms.supportDecides) {
    const w = commitment.neighbourWeight;
    const own = 1 - w;
    const h = commitment.hysteresis;
    const e = mechanisms.efficacy ? commitment.efficacy : 0;
    const belonging = res.belonging;
    const offsets = world.network.offsets;
    // Leadership (src/model/leadership.ts): a leader is a member and does not leave; anyone else
    // joins only while the initiative has a core of `core` leaders (Ghorbani, Nascimento & Filatova
    // 2020), and drive lowers the personal threshold by driveWeight × (drive − 0.5).
    const lead = mechanisms.leadership;
    const dw = lead ? world.params.leadership.driveWeight : 0;
    const core = world.params.leadership.core;
    const { drive, initiator, neighbourhood } = res;
    const leaders = world.initiatives.leaders;
    const checks = fixed !== null || lead;
    let next = offsets[lo];
    for (let i = lo; i < hi; i++) {
      const first = next;
      next = offsets[i + 1];
      if (checks) {
        if (fixed !== null && fixed[neighbourhood[i]] > 0) continue;
        if (lead) {
          if (initiator[i] === 1) {
            if (committed[i] === 0) changed[count++] = i;
            continue;
          }
          if (committed[i] === 0 && leaders[neighbourhood[i]] < core) continue;
        }
      }
      // The share as one correctly rounded division: a share equal to the threshold as written
      // (7 of 35 = 0.2) is the same double, so the tie counts (7 × (1/35) falls just below 0.2).
      const degree = next - first;
      const share = degree > 0 ? committedNeighbours[i] / degree : 0;
      const mix = w * share + own * support[i];
      let t = threshold[i] - e * (belonging[i] - 0.5);
      if (lead) t -= dw * (drive[i] - 0.5); // without leadership this term is 0 (the same comparisons)
      if (committed[i] === 0 ? mix >= t : mix < t - h) changed[count++] = i;
    }
  } else {
    for (let i = lo; i < hi; i++) {
      if (fixed !== null && fixed[hood[i]] > 0) continue;
      const c = committedNeighbours[i];
      if (committed[i] === 0 ? c >= joinCount[i] : c < leaveCount[i]) changed[count++] = i;
    }
  }
  return count;
}

/** Flip the membership of the first `count` residents in `scratch.changed`, and tell their neighbours and initiatives. */
export function applyChanges(world: World, count: number): void {
  const res = world.residents;
  const { committed, committedNeighbours, neighbourhood } = res;
  const { offsets, targets } = world.network;
  const changed = world.scratch.changed;
  const ini = world.initiatives;
  for (let k = 0; k < count; k++) {
    const i = changed[k];
    const delta = committed[i] === 0 ? 1 : -1;
    committed[i] = delta > 0 ? 1 : 0;
    for (let e = offsets[i]; e < offsets[i + 1]; e++) committedNeighbours[targets[e]] += delta;
    ini.members[neighbourhood[i]] += delta;
  }
  for (let b = 0; b < ini.count; b++) ini.supportShare[b] = ini.households[b] > 0 ? ini.members[b] / ini.households[b] : 0;
}
