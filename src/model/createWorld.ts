import { stream, type Rng } from '../random/streams.js';
import { drawPopulation } from './drawnPopulation.js';
import { evaluateSeries } from './environment.js';
import { createTimeline } from './interventions/timeline.js';
import type { Intervention } from './interventions/types.js';
import type { Parameters } from './parameters.js';
import { createOfficials, drawAgendas } from './population.js';
import { updateCommitment } from './commitment.js';
import { createRecorder, recordMetrics } from './record.js';
import { createParties } from './parties.js';
import { createSignposts } from './signposts.js';
import { COMPETENCE_DIMENSIONS, type Environment, type Initiatives, type Neighbourhoods, type Residents, type Scratch, type World } from './world.js';

/**
 * Build the world of one run: its population (drawn from the population and network streams, or a
 * copy of the one drawn last for the same seed and population parameters: src/model/drawnPopulation.ts);
 * the dynamics stream is kept for the step. Week 0 (the initial state) is
 * recorded at once. The interventions are compiled into the run's timeline, which draws from the
 * interventions stream only.
 */
export function createWorld(
  params: Parameters,
  settings: { horizon: number; sampleEvery: number },
  runSeed: number,
  interventions: readonly Intervention[] = [],
): World {
  const horizon = Math.max(0, Math.floor(settings.horizon));
  const groups = params.population.backgroundGroups;
  const { network, neighbourhoods, residents } = drawPopulation(params, runSeed);
  const officials = createOfficials(params, neighbourhoods.count);
  const count = neighbourhoods.count;
  const households = new Int32Array(count);
  const members = new Int32Array(count);
  const supportShare = new Float64Array(count);
  for (let b = 0; b < count; b++) {
    households[b] = neighbourhoods.end[b] - neighbourhoods.start[b];
    for (let i = neighbourhoods.start[b]; i < neighbourhoods.end[b]; i++) members[b] += residents.committed[i];
    supportShare[b] = households[b] > 0 ? members[b] / households[b] : 0;
  }
  const initiatives: Initiatives = {
    count,
    households,
    members,
    supportShare,
    threshold: new Float64Array(count).fill(params.initiative.threshold),
    capacity: new Float64Array(count),
    progress: new Float64Array(count),
    alignment: new Float64Array(count).fill(params.initiative.alignment),
    attention: new Float64Array(count),
    approvals: new Int32Array(count),
    reachedWeek: new Int32Array(count),
    formalisedWeek: new Int32Array(count),
    revenue: new Float64Array(count),
    agenda: new Float64Array(count),
    leaders: new Int32Array(count),
    delivery: new Float64Array(count),
    deliveredWeek: new Int32Array(count),
    failedWeek: new Int32Array(count),
    membersAtFormalisation: new Int32Array(count),
    droppedOut: new Int32Array(count),
    tippingWeek: new Int32Array(count),
  };
  if (params.mechanisms.agendas) startAgendas(params, residents, neighbourhoods, initiatives, stream(runSeed, 'agendas'));
  for (let i = 0; i < residents.count; i++) initiatives.leaders[residents.neighbourhood[i]] += residents.initiator[i];
  const e = params.environment;
  const env: Environment = {
    costsSeries: evaluateSeries(e.costs, horizon),
    provenTechniquesSeries: evaluateSeries(e.provenTechniques, horizon),
    climateSeries: evaluateSeries(e.climate, horizon),
    policyPressureSeries: evaluateSeries(e.policyPressure, horizon),
    costs: 0,
    provenTechniques: 0,
    climate: 0,
    policyPressure: 0,
  };
  env.costs = env.costsSeries[0];
  env.provenTechniques = env.provenTechniquesSeries[0];
  env.climate = env.climateSeries[0];
  env.policyPressure = env.policyPressureSeries[0];
  const scratch: Scratch = {
    changed: new Int32Array(residents.count),
    bestCompetence: new Float64Array(count * COMPETENCE_DIMENSIONS),
    membersByBackground: new Int32Array(count * groups),
    memberDrive: new Float64Array(count),
    memberAgenda: new Float64Array(count),
    memberTrust: new Float64Array(count),
    pull: new Float64Array(count),
    groupTally: new Float64Array(3 * groups),
    groupTallyWeek: -1,
    hoodBelonging: new Float64Array(count),
    hoodBelongingWeek: -1,
    residentSums: new Float64Array(6),
    residentSumsWeek: -1,
    served: new Uint8Array(count),
    fuse: true,
    decidedWeek: -1,
    decided: 0,
    countedWeek: -1,
  };
  const world: World = {
    // A per-run copy: interventions change the strategy during a run, and the caller's parameters
    // (a worker reuses one set for every replicate of a point) must stay as they were.
    params: structuredClone(params),
    horizon,
    week: 0,
    rng: stream(runSeed, 'dynamics'),
    network,
    residents,
    officials,
    neighbourhoods,
    initiatives,
    parties: createParties(params, count, runSeed),
    env,
    timeline: createTimeline(interventions, runSeed),
    signposts: createSignposts(params.strategy.signposts ?? [], count),
    scratch,
    recorder: createRecorder(horizon, settings.sampleEvery, count),
  };
  findTippingWeeks(world);
  recordMetrics(world);
  return world;
}

/**
 * Mechanism agendas (ODD §7.6a): residents draw their agendas from the agendas stream, and each
 * initiative starts with its members' mean agenda (all residents' when it has no members yet) as
 * its agenda and its alignment, in place of `initiative.alignment`.
 */
function startAgendas(params: Parameters, res: Residents, hoods: Neighbourhoods, ini: Initiatives, rng: Rng): void {
  drawAgendas(params, res, hoods, rng);
  for (let b = 0; b < ini.count; b++) {
    let sum = 0;
    let all = 0;
    for (let i = hoods.start[b]; i < hoods.end[b]; i++) {
      sum += res.committed[i] * res.agenda[i];
      all += res.agenda[i];
    }
    const a = ini.members[b] > 0 ? sum / ini.members[b] : ini.households[b] > 0 ? all / ini.households[b] : 0;
    ini.agenda[b] = a;
    ini.alignment[b] = a;
  }
}

/**
 * Sets each initiative's `tippingWeek` (ODD §5): the commitment rule (step 4b) applied week after
 * week to the starting state with nothing else moving — no attitudes, no officials, no
 * interventions — up to the horizon or until nobody changes, and the week its support share first
 * reaches the threshold. The world's commitments are put back as they were; the rule draws no random
 * numbers. A chance rule (`commitment.rule = hazard`) has no tipping point: 0 everywhere.
 */
function findTippingWeeks(world: World): void {
  if (world.params.commitment.rule === 'hazard') return;
  const { residents: res, initiatives: ini } = world;
  const saved = [res.committed.slice(), res.committedNeighbours.slice(), ini.members.slice(), ini.supportShare.slice()] as const;
  for (let week = 1; week <= world.horizon; week++) {
    const changes = updateCommitment(world);
    for (let b = 0; b < ini.count; b++) if (ini.tippingWeek[b] === 0 && ini.supportShare[b] >= ini.threshold[b]) ini.tippingWeek[b] = week;
    if (changes === 0) break;
  }
  res.committed.set(saved[0]);
  res.committedNeighbours.set(saved[1]);
  ini.members.set(saved[2]);
  ini.supportShare.set(saved[3]);
}
