import { stream } from '../random/streams.js';
import { PARAMETERS, type Parameters } from './parameters.js';

/* Stakeholders as actors (switch `mechanisms.parties`; docs/ODD.md §7.6b); their state: `Parties` in world.ts. */
import type { Parties, World } from './world.js';

/** The registry's most parties (strategy.stakeholders ≤ 20): the columns hold that many per initiative. */
export const MAX_PARTIES = PARAMETERS.strategy.stakeholders.max;

const AWAY = 0;
const SEATED = 1;
const LEFT = 2;

/**
 * The parties of every initiative, drawn from the run's `parties` stream: stance uniform on (0, 1)
 * (the field of interests spread evenly between the local agenda and the programme's goals), a veto
 * with chance parties.vetoChance, a weight uniform on (0, 1), the invitation level uniform on (0, 1);
 * trust starts at residents.trustGov. Off: empty columns, no draws.
 */
export function createParties(params: Parameters, initiatives: number, runSeed: number): Parties {
  const slots = params.mechanisms.parties ? MAX_PARTIES : 0;
  const n = initiatives * slots;
  const parties: Parties = {
    slots,
    stance: new Float64Array(n),
    veto: new Uint8Array(n),
    weight: new Float64Array(n),
    trust: new Float64Array(n).fill(params.residents.trustGov),
    invite: new Float64Array(n),
    seat: new Uint8Array(n),
    consent: new Uint8Array(n),
  };
  if (slots === 0) return parties;
  const rng = stream(runSeed, 'parties');
  const vetoChance = params.parties.vetoChance;
  for (let k = 0; k < slots; k++) {
    for (let b = 0; b < initiatives; b++) {
      const s = b * slots + k;
      parties.stance[s] = rng();
      parties.veto[s] = rng() < vetoChance ? 1 : 0;
      parties.weight[s] = rng();
      parties.invite[s] = rng();
    }
  }
  return parties;
}

/**
 * The week's process work with initiative b's parties (it is not formalised). Returns the parties at
 * the table.
 *  - seat: a party is at the table from the week participation exceeds its invitation level
 *    (openness); one nobody invited comes to the first consent round (`seekConsent`);
 *  - for each party at the table, interest = 1 − |alignment − stance|, and
 *    stance += r × participation × (alignment − stance) (goal intertwining),
 *    trust += r × (g × (1 − trust) − A × l × trust), with process work
 *    g = (serving + attention + progress) / 3 and the cost of being passed over
 *    l = steering × (1 − buffer) × (1 − interest): steering overrides its interest unless the
 *    manager protects its core values (buffer); A = rates.trustAsymmetry;
 *  - a weighted party at the table leaves with chance r × (1 − interest) × (1 − trust), and one that
 *    left comes back with chance r × interest × trust; r = parties.processRate, the pace of the process.
 */
export function workWithParties(world: World, b: number): number {
  const pt = world.parties;
  const { strategy, rates } = world.params;
  const rate = world.params.parties.processRate;
  const alignment = world.initiatives.alignment[b];
  const good = (strategy.serving + world.initiatives.attention[b] + world.initiatives.progress[b]) / 3;
  const passedOver = rates.trustAsymmetry * strategy.steering * (1 - strategy.buffer);
  const open = strategy.participation;
  const rng = world.rng;
  const first = b * pt.slots;
  const end = first + strategy.stakeholders;
  let seated = 0;
  for (let s = first; s < end; s++) {
    if (pt.seat[s] === AWAY && pt.invite[s] < open) pt.seat[s] = SEATED;
    const d = alignment - pt.stance[s];
    const interest = 1 - (d < 0 ? -d : d);
    const t = pt.trust[s];
    if (pt.seat[s] === LEFT) {
      if (rng() < rate * interest * t) pt.seat[s] = SEATED;
      else continue;
    } else if (pt.seat[s] === AWAY) continue;
    pt.stance[s] += rate * open * d;
    const y = t + rate * (good * (1 - t) - passedOver * (1 - interest) * t);
    pt.trust[s] = y < 0 ? 0 : y > 1 ? 1 : y;
    if (pt.veto[s] === 0 && rng() < rate * (1 - interest) * (1 - t)) {
      pt.seat[s] = LEFT;
      pt.consent[s] = 0;
      continue;
    }
    seated++;
  }
  return seated;
}

/**
 * Consent this week to initiative b's plan (it is up for consent): a party still away comes to the
 * table now (a clearance point nobody invited shows up when the plan is up for consent, without the
 * process work the others had); each party at the table that does not consent does so with chance
 * approvalRate × willingness, and one that consents withdraws it with
 * chance approvalRate × (1 − willingness), willingness = interest × trust; in the long run a party
 * consents in a share `willingness` of the weeks. Then the quorum rule (`agreed`) with parties.quorum.
 */
export function seekConsent(world: World, b: number): boolean {
  const pt = world.parties;
  const rate = world.params.rates.approvalRate;
  const alignment = world.initiatives.alignment[b];
  const rng = world.rng;
  const first = b * pt.slots;
  const end = first + world.params.strategy.stakeholders;
  for (let s = first; s < end; s++) {
    if (pt.seat[s] === AWAY) pt.seat[s] = SEATED;
    else if (pt.seat[s] === LEFT) continue;
    const d = alignment - pt.stance[s];
    const willing = (1 - (d < 0 ? -d : d)) * pt.trust[s];
    if (pt.consent[s] === 0) {
      if (rng() < rate * willing) pt.consent[s] = 1;
    } else if (rng() < rate * (1 - willing)) pt.consent[s] = 0;
  }
  return agreed(pt, first, end, world.params.parties.quorum);
}

/**
 * The quorum rule over slots first … end − 1 (Tsebelis 2002: every veto player must agree;
 * Ostrom 1990: a collective-choice rule for the rest): every veto party consents, and the consenting
 * weighted parties at the table hold at least `quorum` of the weight of all weighted parties at the
 * table (met when none is at the table). A veto party not at the table has not consented.
 */
export function agreed(pt: Pick<Parties, 'veto' | 'weight' | 'seat' | 'consent'>, first: number, end: number, quorum: number): boolean {
  let total = 0;
  let yes = 0;
  for (let s = first; s < end; s++) {
    if (pt.veto[s] === 1) {
      if (pt.consent[s] === 0 || pt.seat[s] !== SEATED) return false;
      continue;
    }
    if (pt.seat[s] !== SEATED) continue;
    total += pt.weight[s];
    if (pt.consent[s] === 1) yes += pt.weight[s];
  }
  return yes >= quorum * total;
}

/**
 * Blocked at the horizon: initiative b has not formalised although its plan is up for consent
 * (threshold held, plan mature), and a party whose consent is needed withholds it — a veto party
 * (mechanism on), or (off) one of the parties that must all approve in turn.
 */
export function isBlocked(world: World, b: number): boolean {
  const ini = world.initiatives;
  if (ini.formalisedWeek[b] > 0 || ini.supportShare[b] < ini.threshold[b] || ini.progress[b] < world.params.rates.maturity) return false;
  const pt = world.parties;
  const parties = world.params.strategy.stakeholders;
  if (pt.slots === 0) return ini.approvals[b] < parties;
  for (let s = b * pt.slots; s < b * pt.slots + parties; s++) if (pt.veto[s] === 1 && pt.consent[s] === 0) return true;
  return false;
}
