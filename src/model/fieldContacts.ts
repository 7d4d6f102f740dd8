import { gainTrust, loseTrust } from './trust.js';
import type { World } from './world.js';

/**
 * Step 3: field contacts. Each official makes contactsPerWeek × presence contacts (the fraction by a
 * coin flip) with residents of their own neighbourhood, drawn uniformly. A contact is serving with
 * probability (serving + 1 − orientation) / 2 — the strategy's serving share and the official's own
 * disposition count equally — and directive otherwise. Every effect is scaled by the manager's
 * competence, k = 0.5 + competence (1 at the default 0.5).
 *  - Serving: the resident's trust rises by trustGain·k and awareness by awarenessGain·k; the
 *    official's trust in residents rises by officialTrustGain·k.
 *  - Directive: a resident who trusts government at least `legitimacy` is persuaded, support rising
 *    by directiveEffect·k·trust (Tyler 1990); one with less trust and drive above `reactance` reacts
 *    against it (Brehm 1966): support falls by directiveEffect·k and trust takes a loss of
 *    trustGain·k, multiplied by the trust asymmetry (Slovic 1993). Others shrug it off.
 * Support changes are collected in `nudge` and enter next in the attitude process, so that
 * neighbours still read last week's support.
 */
export function fieldContacts(world: World): void {
  const { strategy, rates, mechanisms } = world.params;
  if (!mechanisms.fieldContacts) return;
  const rng = world.rng;
  const off = world.officials;
  const hoods = world.neighbourhoods;
  const res = world.residents;
  const k = 0.5 + strategy.competence;
  const trustOn = mechanisms.trust;
  const awarenessOn = mechanisms.awareness;
  const trustStep = rates.trustGain * k;
  const awarenessStep = rates.awarenessGain * k;
  const officialTrustStep = rates.officialTrustGain * k;
  const persuasion = rates.directiveEffect * k;
  const legitimacy = rates.legitimacy;
  const reactance = rates.reactance;
  const asymmetry = rates.trustAsymmetry;
  const contactsPerWeek = world.params.officials.contactsPerWeek;
  // the columns in local constants: read once, not again at every contact
  const { trustGov, awareness, nudge, drive } = res;
  const { trustInResidents, presence, orientation, neighbourhood } = off;
  for (let o = 0; o < off.count; o++) {
    const b = neighbourhood[o];
    const lo = hoods.start[b];
    const size = hoods.end[b] - lo;
    if (size <= 0) continue;
    const expected = contactsPerWeek * presence[o];
    let contacts = Math.floor(expected);
    if (rng() < expected - contacts) contacts++;
    const servingChance = (strategy.serving + 1 - orientation[o]) / 2;
    for (let c = 0; c < contacts; c++) {
      const i = lo + Math.floor(rng() * size);
      if (rng() < servingChance) {
        if (trustOn) {
          trustGov[i] = gainTrust(trustGov[i], trustStep);
          trustInResidents[o] = gainTrust(trustInResidents[o], officialTrustStep);
        }
        if (awarenessOn) {
          const a = awareness[i] + awarenessStep;
          awareness[i] = a > 1 ? 1 : a;
        }
      } else {
        const trust = trustGov[i];
        if (trust >= legitimacy) {
          nudge[i] += persuasion * trust;
        } else if (drive[i] > reactance) {
          nudge[i] -= persuasion;
          if (trustOn) trustGov[i] = loseTrust(trust, trustStep, asymmetry);
        }
      }
    }
  }
}
