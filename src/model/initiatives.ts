import { COMPETENCE_DIMENSIONS, type World } from './world.js';
import { exp } from '../maths/fdlibm.js';
import { seekConsent, workWithParties } from './parties.js';

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
 *    alignment): steering pulls toward the programme's goals, local agendas pull away; with
 *    mechanisms.agendas instead alignment += alignmentRate × (s × 1 + (1 − s) × agenda − alignment),
 *    the programme's pull s = steering × contact × acceptance (see `programmePull`);
 *  - formalisation (Ostrom 1990: collective choice needs the parties' consent): while it holds its
 *    threshold with a mature plan (progress ≥ maturity), each party that has not yet approved does so
 *    this week with probability approvalRate × alignment × officials' trust in residents; approvals
 *    stick, and the initiative formalises in the week the last of `stakeholders` parties approves;
 *  - with stakeholders as actors (mechanisms.parties, src/model/parties.ts) instead: the manager's
 *    process work moves the parties' trust and stance every week, the boost counts the parties at the
 *    table, and the plan formalises in the week every veto party and a quorum of the weighted parties
 *    consent.
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
  const base = rates.progressRate * env.provenTechniques * (1 - env.costs);
  const growth = base * boost(rates.stakeholderSupport, parties);
  const agendas = world.params.mechanisms.agendas;
  if (agendas) programmePull(world);
  const programme = world.scratch.pull;
  const rate = rates.alignmentRate;
  const pull = rate * strategy.steering;
  const drift = rate * rates.alignmentDrift * (1 - strategy.steering);
  const maturity = rates.maturity;
  const actors = world.params.mechanisms.parties;
  for (let b = 0; b < ini.count; b++) {
    if (ini.formalisedWeek[b] > 0) continue;
    if (actors) {
      // Parties at the table bring knowledge and means: the boost counts them, not the field.
      const seated = workWithParties(world, b);
      const p = ini.progress[b] + base * boost(rates.stakeholderSupport, seated > 1 ? seated : 1) * ini.capacity[b] + rates.managerSupport * ini.attention[b];
      ini.progress[b] = p > 1 ? 1 : p;
    } else {
      const p = ini.progress[b] + growth * ini.capacity[b] + rates.managerSupport * ini.attention[b];
      ini.progress[b] = p > 1 ? 1 : p;
    }
    const a = ini.alignment[b];
    let y: number;
    if (agendas) {
      const s = programme[b];
      y = a + rate * (s + (1 - s) * ini.agenda[b] - a);
    } else {
      y = a + pull * (1 - a) - drift * a;
    }
    ini.alignment[b] = y < 0 ? 0 : y > 1 ? 1 : y;
    if (ini.supportShare[b] < ini.threshold[b] || ini.progress[b] < maturity) continue;
    if (actors) {
      if (seekConsent(world, b)) {
        ini.formalisedWeek[b] = week;
        ini.membersAtFormalisation[b] = ini.members[b];
      }
      continue;
    }
    const approval = rates.approvalRate * ini.alignment[b] * world.neighbourhoods.officialTrust[b];
    for (let k = ini.approvals[b]; k < parties; k++) if (rng() < approval) ini.approvals[b]++;
    if (ini.approvals[b] >= parties) {
      ini.formalisedWeek[b] = week;
      ini.membersAtFormalisation[b] = ini.members[b];
    }
  }
  if (agendas) chargeOverride(world);
}

/**
 * Mechanism agendas (ODD §7.6a): each open initiative's agenda A_b, its members' mean agenda (kept
 * from last time while it has no members), and the programme's pull on its course this week,
 * s_b = steering × contact_b × acceptance_b, where
 *  - contact_b = 1 − (1 − attention_b)(1 − presence_b)(1 − σ): the chance the initiative meets the
 *    programme through at least one channel — the manager's attention, its officials' mean share of
 *    time in the field (0 without field contacts or officials), and the parties around the table,
 *    σ = 1 − e^{−(stakeholders − 1)/3} (Klijn & Koppenjan 2016: steering in networks works through
 *    interaction; Ansell & Gash 2008: face-to-face dialogue builds shared understanding);
 *  - acceptance_b = its members' mean trust in government (0 without members): residents take the
 *    programme's direction on board as far as they trust it (Tyler 1990).
 * Alignment then relaxes toward s_b + (1 − s_b) × A_b, a Friedkin–Johnsen mix of the programme's
 * goals (1) and the members' own agenda as anchor (Friedkin & Johnsen 1990).
 */
function programmePull(world: World): void {
  const ini = world.initiatives;
  const off = world.officials;
  const hoods = world.neighbourhoods;
  const { memberAgenda, memberTrust, pull } = world.scratch;
  const { steering, stakeholders } = world.params.strategy;
  const presenceOn = world.params.mechanisms.fieldContacts;
  const parties = 1 - exp(-(stakeholders - 1) / 3);
  for (let b = 0; b < ini.count; b++) {
    const m = ini.members[b];
    if (m > 0) ini.agenda[b] = memberAgenda[b] / m;
    let presence = 0;
    const o0 = hoods.officialStart[b];
    const o1 = hoods.officialStart[b + 1];
    if (presenceOn && o1 > o0) {
      for (let o = o0; o < o1; o++) presence += off.presence[o];
      presence /= o1 - o0;
    }
    const contact = 1 - (1 - ini.attention[b]) * (1 - presence) * (1 - parties);
    pull[b] = steering * contact * (m > 0 ? memberTrust[b] / m : 0);
  }
}

/**
 * Steering that overrides residents costs their support (ODD §7.6a): each member of an open
 * initiative loses overrideCost × s_b × max(0, alignment_b − agenda_i) of support, collected in
 * `nudge` for next week's attitude update — the programme's pull times how far the initiative's
 * course now lies beyond what the member wants (Arnstein 1969: participation without power;
 * Frey & Jegen 2001: control without voice crowds out).
 */
function chargeOverride(world: World): void {
  const cost = world.params.rates.overrideCost;
  if (cost <= 0) return;
  const res = world.residents;
  const ini = world.initiatives;
  const pull = world.scratch.pull;
  const { committed, neighbourhood, agenda, nudge } = res;
  for (let i = 0; i < res.count; i++) {
    if (committed[i] === 0) continue;
    const b = neighbourhood[i];
    const over = ini.alignment[b] - agenda[i];
    if (over > 0 && ini.formalisedWeek[b] === 0) nudge[i] -= cost * pull[b] * over;
  }
}

/** What `parties` parties add to the rate of progress: 1 + stakeholderSupport × (1 − e^{−(parties − 1)/3}). */
function boost(stakeholderSupport: number, parties: number): number {
  return 1 + stakeholderSupport * (1 - exp(-(parties - 1) / 3));
}

/**
 * Progress a week at full capacity, before the manager's attention: progressRate × provenTechniques
 * × (1 − costs) × (1 + stakeholderSupport × (1 − e^{−(parties − 1)/3})). The plan matures at this
 * pace, and (mechanism realisation) it is delivered at the same pace.
 */
export function planGrowth(world: World): number {
  const { strategy, rates } = world.params;
  const env = world.env;
  return rates.progressRate * env.provenTechniques * (1 - env.costs) * boost(rates.stakeholderSupport, strategy.stakeholders);
}

/** Capacity of every initiative from its members: drive, competence coverage and background diversity (and, with mechanism agendas, members' summed agenda and trust). */
function assessCapacity(world: World): void {
  const ini = world.initiatives;
  const scratch = world.scratch;
  const { bestCompetence, membersByBackground, memberDrive } = scratch;
  const groups = world.params.population.backgroundGroups;
  const D = COMPETENCE_DIMENSIONS;
  // The attitude pass may have counted the members already, neighbourhood by neighbourhood (src/model/attitudes.ts).
  if (scratch.countedWeek !== world.week) {
    clearMembers(world);
    for (let b = 0; b < ini.count; b++) countMembers(world, b, 0, 0);
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

/** Empties the capacity's per-neighbourhood accumulators of members. */
export function clearMembers(world: World): void {
  const { bestCompetence, membersByBackground, memberDrive, memberAgenda, memberTrust } = world.scratch;
  bestCompetence.fill(0);
  membersByBackground.fill(0);
  memberDrive.fill(0);
  if (world.params.mechanisms.agendas) {
    memberAgenda.fill(0);
    memberTrust.fill(0);
  }
}

/**
 * Adds the members of neighbourhood b to the capacity's accumulators, in id order: drive to the
 * summed drive, background to the counts by group, competences to the best of each dimension (and,
 * with mechanism agendas, agenda and trust in government to their sums).
 * Residents listed in `scratch.changed[from … to − 1]` (in id order) are about to flip membership
 * and count as they will be.
 * The sums and maxima are kept in local variables while the walk lasts and stored once at its end:
 * the same additions in the same order, so the same doubles, without a store and reload per member.
 */
export function countMembers(world: World, b: number, from: number, to: number): void {
  const { bestCompetence, membersByBackground, memberDrive, memberAgenda, memberTrust, changed } = world.scratch;
  const { committed, drive, competence, background, agenda, trustGov } = world.residents;
  const agendas = world.params.mechanisms.agendas;
  const groups = world.params.population.backgroundGroups;
  const byGroup = b * groups;
  const hoods = world.neighbourhoods;
  const end = hoods.end[b];
  // the four best competences are held in four variables below (a type error if the count changes)
  const D: 4 = COMPETENCE_DIMENSIONS;
  let driveSum = memberDrive[b];
  let agendaSum = memberAgenda[b];
  let trustSum = memberTrust[b];
  let best0 = bestCompetence[b * D];
  let best1 = bestCompetence[b * D + 1];
  let best2 = bestCompetence[b * D + 2];
  let best3 = bestCompetence[b * D + 3];
  let k = from;
  for (let i = hoods.start[b]; i < end; i++) {
    let member = committed[i];
    if (k < to && changed[k] === i) {
      member = 1 - member;
      k++;
    }
    if (member === 0) continue;
    driveSum += drive[i];
    membersByBackground[byGroup + background[i]]++;
    if (agendas) {
      agendaSum += agenda[i];
      trustSum += trustGov[i];
    }
    const c = i * D;
    if (competence[c] > best0) best0 = competence[c];
    if (competence[c + 1] > best1) best1 = competence[c + 1];
    if (competence[c + 2] > best2) best2 = competence[c + 2];
    if (competence[c + 3] > best3) best3 = competence[c + 3];
  }
  memberDrive[b] = driveSum;
  if (agendas) {
    memberAgenda[b] = agendaSum;
    memberTrust[b] = trustSum;
  }
  bestCompetence[b * D] = best0;
  bestCompetence[b * D + 1] = best1;
  bestCompetence[b * D + 2] = best2;
  bestCompetence[b * D + 3] = best3;
}
