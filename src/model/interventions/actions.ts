import { clamp01 } from '../../maths/clamp.js';
import { gainTrust, loseTrust } from '../trust.js';
import type { Rng } from '../../random/streams.js';
import type { World } from '../world.js';

/** A neighbourhood evening counts as this many serving contacts for those who come. */
export const EVENING_CONTACTS = 3;

/**
 * A neighbourhood evening: each resident of the neighbourhoods comes with probability
 * turnout × (belonging + trustGov) / 2 — who feels part of the neighbourhood and trusts the
 * organisers comes. Those who come gain trust and awareness as from EVENING_CONTACTS serving
 * contacts, scaled like every contact by the manager's competence (k = 0.5 + competence); the
 * neighbourhood's officials gain trust in residents as from the same number of good contacts.
 * Who comes is drawn from the interventions stream, so the dynamics stream is untouched.
 */
export function holdEvening(world: World, hoods: Int32Array, turnout: number, rng: Rng): void {
  const { strategy, rates, mechanisms } = world.params;
  const res = world.residents;
  const nb = world.neighbourhoods;
  const k = (0.5 + strategy.competence) * EVENING_CONTACTS;
  for (let h = 0; h < hoods.length; h++) {
    const b = hoods[h];
    for (let i = nb.start[b]; i < nb.end[b]; i++) {
      if (rng() >= turnout * 0.5 * (res.belonging[i] + res.trustGov[i])) continue;
      if (mechanisms.trust) res.trustGov[i] = gainTrust(res.trustGov[i], rates.trustGain * k);
      if (mechanisms.awareness) res.awareness[i] = clamp01(res.awareness[i] + rates.awarenessGain * k);
    }
    if (!mechanisms.trust) continue;
    const off = world.officials;
    for (let o = nb.officialStart[b]; o < nb.officialStart[b + 1]; o++) {
      off.trustInResidents[o] = gainTrust(off.trustInResidents[o], rates.officialTrustGain * k);
    }
  }
}

/**
 * A broken promise: every resident of the neighbourhoods loses the trust that `size` good contacts
 * would have given, multiplied by the trust asymmetry (Slovic 1993).
 */
export function breakPromise(world: World, hoods: Int32Array, size: number): void {
  for (let h = 0; h < hoods.length; h++) breakPromiseIn(world, hoods[h], size);
}

/** A broken promise in one neighbourhood (see breakPromise); also what a failed initiative does (mechanism realisation). */
export function breakPromiseIn(world: World, b: number, size: number): void {
  const { rates, mechanisms } = world.params;
  if (!mechanisms.trust) return;
  const res = world.residents;
  const nb = world.neighbourhoods;
  const loss = rates.trustGain * size;
  for (let i = nb.start[b]; i < nb.end[b]; i++) res.trustGov[i] = loseTrust(res.trustGov[i], loss, rates.trustAsymmetry);
}

/** Officials into the field: the neighbourhoods' officials spend at least `presence` of their time there this week. */
export function sendIntoField(world: World, hoods: Int32Array, presence: number): void {
  const off = world.officials;
  const nb = world.neighbourhoods;
  for (let h = 0; h < hoods.length; h++) {
    const b = hoods[h];
    for (let o = nb.officialStart[b]; o < nb.officialStart[b + 1]; o++) if (off.presence[o] < presence) off.presence[o] = presence;
  }
}
