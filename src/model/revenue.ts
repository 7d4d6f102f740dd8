import { gainTrust, loseTrust } from './trust.js';
import type { World } from './world.js';

/**
 * Step 5c: revenue after formalisation (from the week after it formalised; with
 * `mechanisms.realisation`, from the week after it delivered its plan). A formalised initiative
 * earns revenueRate × supportShare a week. Its members weigh the community's share against what they
 * see as fair (Ostrom 1990; Walker & Devine-Wright 2008): trust changes by revenueRate ×
 * (revenueShare − fairShare) — a gain when above, a loss times the asymmetry when below ("not
 * sharing in success") — and belonging grows by revenueRate × revenueShare × (1 − belonging).
 * Neighbourhoods with bridging ties into it see the success (demonstration effect): their residents'
 * support is nudged up by spillover × revenueRate × revenueShare × the share of their bridging ties
 * that lead there.
 */
export function shareRevenue(world: World): void {
  const { strategy, rates, mechanisms } = world.params;
  if (!mechanisms.initiatives || !mechanisms.revenue) return;
  const ini = world.initiatives;
  const hoods = world.neighbourhoods;
  const res = world.residents;
  const week = world.week;
  const fairness = strategy.revenueShare - rates.fairShare;
  const fair = fairness >= 0;
  const { committed, trustGov, belonging, nudge } = res;
  const trustStep = rates.revenueRate * Math.abs(fairness);
  const belongingStep = rates.revenueRate * strategy.revenueShare;
  const asymmetry = rates.trustAsymmetry;
  const trustOn = mechanisms.trust;
  const belongingOn = mechanisms.belonging;
  // With realisation an initiative earns once it has delivered its plan, not when it formalises.
  const earning = mechanisms.realisation ? ini.deliveredWeek : ini.formalisedWeek;
  for (let b = 0; b < ini.count; b++) {
    if (earning[b] === 0 || earning[b] >= week) continue;
    ini.revenue[b] += rates.revenueRate * ini.supportShare[b];
    const end = hoods.end[b];
    for (let i = hoods.start[b]; i < end; i++) {
      if (committed[i] === 0) continue;
      if (trustOn) trustGov[i] = fair ? gainTrust(trustGov[i], trustStep) : loseTrust(trustGov[i], trustStep, asymmetry);
      if (belongingOn) belonging[i] += belongingStep * (1 - belonging[i]);
    }
  }
  const demonstration = rates.spillover * rates.revenueRate * strategy.revenueShare;
  if (demonstration <= 0) return;
  for (let c = 0; c < hoods.count; c++) {
    let seen = 0;
    for (let k = hoods.bridgeOffsets[c]; k < hoods.bridgeOffsets[c + 1]; k++) {
      const b = hoods.bridgeTargets[k];
      if (earning[b] > 0 && earning[b] < week) seen += hoods.bridgeWeight[k];
    }
    if (seen === 0) continue;
    const push = demonstration * seen;
    const end = hoods.end[c];
    for (let i = hoods.start[c]; i < end; i++) nudge[i] += push;
  }
}
