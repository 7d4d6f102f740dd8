import { buildNetwork } from '../network/index.js';
import type { CsrGraph } from '../network/csr.js';
import { stream, type Rng } from '../random/streams.js';
import { evaluateSeries } from './environment.js';
import type { Parameters } from './parameters.js';
import { createOfficials, describeNeighbourhoods, drawBackgrounds, drawResidents, layoutNeighbourhoods } from './population.js';
import { createRecorder, recordMetrics, type Recorder } from './record.js';

/** The competence dimensions of the seed's diversity: knowledge, network, competences, skills. */
export const COMPETENCE_DIMENSIONS = 4;

/**
 * Residents (households) as typed columns indexed by id. Residents of neighbourhood b hold the
 * contiguous ids `neighbourhoods.start[b] … neighbourhoods.end[b] − 1`.
 */
export interface Residents {
  readonly count: number;
  /** Neighbourhood of each resident, 0 … neighbourhoods − 1. */
  readonly neighbourhood: Int32Array;
  /** Background group, 0 … backgroundGroups − 1. */
  readonly background: Int32Array;
  /** Attitude to the local initiative, [0,1]. Neighbours read it: double-buffered with `supportNext`. */
  support: Float64Array;
  /** Next week's support, written by the attitude process, then swapped with `support`. */
  supportNext: Float64Array;
  /** 1 when the household is a member of its initiative. */
  readonly committed: Uint8Array;
  /** Personal commitment threshold (Granovetter 1978), share [0,1]; initiators have 0. */
  readonly threshold: Float64Array;
  /** Committed neighbours needed to join when only neighbours count: ceil(threshold × degree − 1e-9). */
  readonly joinCount: Int32Array;
  /** Committed neighbours below which a member leaves when only neighbours count: ceil((threshold − hysteresis) × degree − 1e-9). */
  readonly leaveCount: Int32Array;
  /** Number of committed neighbours as of the end of last week. */
  readonly committedNeighbours: Int32Array;
  /** 1 / degree, 0 for residents without ties. */
  readonly invDegree: Float64Array;
  /** Vertical trust in officials and the programme, [0,1]. */
  readonly trustGov: Float64Array;
  /** Horizontal trust in neighbours, [0,1]. */
  readonly belonging: Float64Array;
  /** Intrinsic motivation to act for the community, [0,1]. */
  readonly drive: Float64Array;
  /** Awareness of climate, costs and policy, [0,1]. */
  readonly awareness: Float64Array;
  /** Competences, resident-major: competence[i * COMPETENCE_DIMENSIONS + d], [0,1]. */
  readonly competence: Float64Array;
  /** 1 for the initiators who start the initiative. */
  readonly initiator: Uint8Array;
  /** Support pushed this week by contacts and by neighbouring successes, added in the attitude process, [−1,1]. */
  readonly nudge: Float64Array;
}

/** Officials and stakeholders, attached to neighbourhoods: official o works in `neighbourhood[o]`. */
export interface Officials {
  readonly count: number;
  readonly neighbourhood: Int32Array;
  /** Top-down pressure exerted this week, [0,1]. */
  readonly pressure: Float64Array;
  /** Share of time spent in the field, [0,1]. */
  readonly presence: Float64Array;
  /** Trust in residents, [0,1]. */
  readonly trustInResidents: Float64Array;
  /** Disposition, 1 = top-down (classic), 0 = serving. */
  readonly orientation: Float64Array;
}

/** Neighbourhood-level quantities: id ranges, the officials' combined effect, the bridging structure. */
export interface Neighbourhoods {
  readonly count: number;
  readonly start: Int32Array;
  readonly end: Int32Array;
  /** Officials of b hold ids officialStart[b] … officialStart[b + 1] − 1. */
  readonly officialStart: Int32Array;
  /** Share of residents' ties that stay inside the neighbourhood (density of strong ties), [0,1]. */
  readonly withinShare: Float64Array;
  /** Mean pressure of the neighbourhood's officials this week, after the manager's buffer, [0,1]. */
  readonly feltPressure: Float64Array;
  /** Mean trust in residents of the neighbourhood's officials, [0,1] (1 without officials). */
  readonly officialTrust: Float64Array;
  /** Bridging ties between neighbourhoods in CSR form: the neighbourhoods b's residents have ties into. */
  readonly bridgeOffsets: Int32Array;
  readonly bridgeTargets: Int32Array;
  /** Share of b's bridging ties that lead into that neighbourhood: how much of b's view of the outside it is. */
  readonly bridgeWeight: Float64Array;
}

/** One initiative per neighbourhood: initiative b gathers the households of neighbourhood b. */
export interface Initiatives {
  readonly count: number;
  readonly households: Int32Array;
  /** Committed households. */
  readonly members: Int32Array;
  /** members / households, [0,1]. */
  readonly supportShare: Float64Array;
  /** Support threshold that makes it viable, [0,1]. */
  readonly threshold: Float64Array;
  /** Capacity from members' drive, competence coverage and background diversity, [0,1]. */
  readonly capacity: Float64Array;
  /** Plan maturity, [0,1]. */
  readonly progress: Float64Array;
  /** Fit with the programme's goals, [0,1]. */
  readonly alignment: Float64Array;
  /** The manager's attention this week, [0,1]. */
  readonly attention: Float64Array;
  /** Parties that have approved so far (0 … stakeholders). */
  readonly approvals: Int32Array;
  /** Week (1..horizon) it first reached its threshold, 0 before. */
  readonly reachedWeek: Int32Array;
  /** Week it formalised, 0 before. */
  readonly formalisedWeek: Int32Array;
  /** Cumulative proceeds since formalisation, in member-weeks × revenueRate. */
  readonly revenue: Float64Array;
}

/** The environment drivers, one value per week 0 … horizon, and this week's values. */
export interface Environment {
  readonly costsSeries: Float64Array;
  readonly provenTechniquesSeries: Float64Array;
  readonly climateSeries: Float64Array;
  readonly policyPressureSeries: Float64Array;
  costs: number;
  provenTechniques: number;
  climate: number;
  policyPressure: number;
}

/** Called by the schedule right after the environment drivers of each week. */
export interface WorldHooks {
  beforeWeek?: (world: World) => void;
}

/** Scratch space the processes reuse every week, so stepping allocates nothing. */
export interface Scratch {
  /** Residents whose membership changes this week. */
  readonly changed: Int32Array;
  /** Per neighbourhood and competence dimension: the best member's level. */
  readonly bestCompetence: Float64Array;
  /** Per neighbourhood and background group: number of members. */
  readonly membersByBackground: Int32Array;
  /** Per neighbourhood: summed drive of members. */
  readonly memberDrive: Float64Array;
  /** Per initiative: 1 once the attention rule has served it this week. */
  readonly served: Uint8Array;
}

export interface World {
  readonly params: Parameters;
  readonly horizon: number;
  /** The week just simulated: 0 after creation, then 1 … horizon. */
  week: number;
  /** The dynamics stream: every draw of the step comes from it. */
  readonly rng: Rng;
  readonly network: CsrGraph;
  readonly residents: Residents;
  readonly officials: Officials;
  readonly neighbourhoods: Neighbourhoods;
  readonly initiatives: Initiatives;
  readonly env: Environment;
  readonly hooks: WorldHooks;
  readonly scratch: Scratch;
  readonly recorder: Recorder;
}

/**
 * Build the world of one run. The population stream first draws every resident's background, the
 * network stream then builds the social network on that layout, and the population stream goes on
 * to draw the residents; the dynamics stream is kept for the step. Week 0 (the initial state) is
 * recorded at once.
 */
export function createWorld(
  params: Parameters,
  settings: { horizon: number; sampleEvery: number },
  runSeed: number,
  hooks: WorldHooks = {},
): World {
  const horizon = Math.max(0, Math.floor(settings.horizon));
  const populationRng = stream(runSeed, 'population');
  const neighbourhoodOf = layoutNeighbourhoods(params);
  const groups = params.population.backgroundGroups;
  const background = drawBackgrounds(neighbourhoodOf.length, groups, populationRng);
  const network = buildNetwork(params.network, { neighbourhoodOf, background, backgroundGroups: groups }, stream(runSeed, 'network'));
  const neighbourhoods = describeNeighbourhoods(params, neighbourhoodOf, network);
  const residents = drawResidents(params, neighbourhoodOf, background, network, neighbourhoods, populationRng);
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
  };
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
    served: new Uint8Array(count),
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
    env,
    hooks,
    scratch,
    recorder: createRecorder(horizon, settings.sampleEvery, count),
  };
  recordMetrics(world);
  return world;
}
