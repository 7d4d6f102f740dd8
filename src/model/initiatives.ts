import { COMPETENCE_DIMENSIONS, type World } from './world.js';
import { exp } from '../maths/fdlibm.js';

/**
 * Step 5a: initiatives. An initiative reaches its support threshold in the first week its
 * supportShare ≥ threshold (recorded whether or not the other initiative mechanisms run). Then,
 * when initiatives are switched on:
 *  - capacity = size × members' mean drive × ((1 − δ) × coverage + δ × diversity), where size =
 *    min(1, supportShare / threshold), coverage is the best member's level in each competence
 *    dimension averaged over the dimensions, and diversity is the members' Blau index 1 − Σ p_g²
 *    over background groups, normalised by its maximum 1 − 1/G (Blau 1977; Hong & Page 2004:
 *    diverse groups solve problems better);
 *  - progress += progressRate × capacity × provenTechniques × (1 − costs) × (1 + stakeholderSupport
 *    × (1 − e^{−(parties − 1)/3})) + managerSupport × attention;
 *  - alignment += alignmentRate × (steering × (1 − alignment) − alignmentDrift × (1 − steering) ×
 *    alignment): steering pulls toward the programme's goals, local agendas pull away;
 *  - formalisation (Ostrom 1990: collective choice needs the parties' consent): while it holds its
 *    threshold with a mature plan (progress ≥ maturity), each party that has not yet approved does so
 *    this week with probability approvalRate × alignment × officials' trust in residents; approvals
 *    stick, and the initiative formalises in the week the last of `stakeholders` parties approves.
 */
export function updateInitiatives(world: World): void {
  const ini = world.initiatives;
  const week = world.week;
  for (let b = 0; b < ini.count; b++) {
    if (ini.reachedWeek[b] === 0 && ini.supportShare[b] >= ini.threshold[b]) ini.reachedWeek[b] = week;
  }
  if (!world.params.mechanisms.initiatives) return;
  assessCapacity(world);

  const { strategy, rates } = world.params;
  const env = world.env;
  const rng = world.rng;
  const parties = strategy.stakeholders;
  const stakeholderBoost = 1 + rates.stakeholderSupport * (1 - exp(-(parties - 1) / 3));
  const growth = rates.progressRate * env.provenTechniques * (1 - env.costs) * stakeholderBoost;
  const pull = rates.alignmentRate * strategy.steering;
  const drift = rates.alignmentRate * rates.alignmentDrift * (1 - strategy.steering);
  const maturity = rates.maturity;
  for (let b = 0; b < ini.count; b++) {
    if (ini.formalisedWeek[b] > 0) continue;
    const p = ini.progress[b] + growth * ini.capacity[b] + rates.managerSupport * ini.attention[b];
    ini.progress[b] = p > 1 ? 1 : p;
    const a = ini.alignment[b];
    const y = a + pull * (1 - a) - drift * a;
    ini.alignment[b] = y < 0 ? 0 : y > 1 ? 1 : y;
    if (ini.supportShare[b] < ini.threshold[b] || ini.progress[b] < maturity) continue;
    const approval = rates.approvalRate * ini.alignment[b] * world.neighbourhoods.officialTrust[b];
    for (let k = ini.approvals[b]; k < parties; k++) if (rng() < approval) ini.approvals[b]++;
    if (ini.approvals[b] >= parties) ini.formalisedWeek[b] = week;
  }
}

/** Capacity of every initiative from its members: drive, competence coverage and background diversity. */
function assessCapacity(world: World): void {
  const res = world.residents;
  const ini = world.initiatives;
  const { bestCompetence, membersByBackground, memberDrive } = world.scratch;
  const groups = world.params.population.backgroundGroups;
  const D = COMPETENCE_DIMENSIONS;
  bestCompetence.fill(0);
  membersByBackground.fill(0);
  memberDrive.fill(0);
  const { committed, neighbourhood, drive, competence, background } = res;
  for (let i = 0; i < res.count; i++) {
    if (committed[i] === 0) continue;
    const b = neighbourhood[i];
    memberDrive[b] += drive[i];
    membersByBackground[b * groups + background[i]]++;
    for (let d = 0; d < D; d++) {
      const c = competence[i * D + d];
      if (c > bestCompetence[b * D + d]) bestCompetence[b * D + d] = c;
    }
  }
  const { diversityWeight } = world.params.rates;
  const maxBlau = groups > 1 ? 1 - 1 / groups : 1;
  for (let b = 0; b < ini.count; b++) {
    const m = ini.members[b];
    if (m === 0) {
      ini.capacity[b] = 0;
      continue;
    }
    let coverage = 0;
    for (let d = 0; d < D; d++) coverage += bestCompetence[b * D + d];
    coverage /= D;
    let concentration = 0;
    for (let g = 0; g < groups; g++) {
      const p = membersByBackground[b * groups + g] / m;
      concentration += p * p;
    }
    const diversity = groups > 1 ? (1 - concentration) / maxBlau : 0;
    const size = ini.threshold[b] > 0 ? Math.min(1, ini.supportShare[b] / ini.threshold[b]) : 1;
    const c = size * (memberDrive[b] / m) * ((1 - diversityWeight) * coverage + diversityWeight * diversity);
    ini.capacity[b] = c < 0 ? 0 : c > 1 ? 1 : c;
  }
}
