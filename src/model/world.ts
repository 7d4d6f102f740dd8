import type { CsrGraph } from '../network/csr.js';
import type { Rng } from '../random/streams.js';
import type { Intervention } from './interventions/types.js';
import type { Parameters } from './parameters.js';

/*
 * The state of a world: what a run holds and its processes read and write. Building it is
 * createWorld.ts; the week's processes are in schedule.ts.
 */

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
  /**
   * What a member expects of the formalised plan: their support in the week it formalised
   * (mechanism realisation; 0 for everyone else). Satisfaction is this plus delivery against the promise.
   */
  readonly expectation: Float64Array;
  /** 1 for the initiators who start the initiative. */
  readonly initiator: Uint8Array;
  /** Own agenda on the programme axis, [0,1] (1: the programme's goals); drawn only with mechanisms.agendas, else 0. */
  readonly agenda: Float64Array;
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
  /** Its agenda: the members' mean agenda, last computed (mechanism agendas; 0 otherwise). */
  readonly agenda: Float64Array;
  /** Share of its plan delivered since it formalised, [0,1] (mechanism realisation). */
  readonly delivery: Float64Array;
  /** Week its plan was fully delivered, 0 before (mechanism realisation). */
  readonly deliveredWeek: Int32Array;
  /** Week it failed after formalising (too few members, or not delivered by the deadline), 0 before (mechanism realisation). */
  readonly failedWeek: Int32Array;
  /** Members in the week it formalised, 0 before. */
  readonly membersAtFormalisation: Int32Array;
  /** Members who left it dissatisfied while it realised its plan (mechanism realisation). */
  readonly droppedOut: Int32Array;
  /** Residents leading it this week (the core of initiators; mechanism leadership). */
  readonly leaders: Int32Array;
  /**
   * Week (1..horizon) in which the commitment rule alone, every attitude held at its starting
   * value, would carry it over its threshold; 0 when it would not: it did not start past its
   * tipping point (ODD §5). Set once at creation.
   */
  readonly tippingWeek: Int32Array;
}

/**
 * Stakeholders as actors (switch `mechanisms.parties`; docs/ODD.md §7.6b). Every initiative has up
 * to MAX_PARTIES (src/model/parties.ts) parties, of which the first `strategy.stakeholders` are in its field. Party k of
 * initiative b is slot b × MAX_PARTIES + k of the typed columns below; all are drawn at creation
 * from the run's `parties` stream, party-major, so party k of a neighbourhood is the same party
 * whatever the number of parties (common random numbers across a sweep of strategy.stakeholders).
 */
export interface Parties {
  /** Slots per initiative: MAX_PARTIES when the mechanism is on, 0 when it is off (no columns). */
  readonly slots: number;
  /** Stance on the agenda axis: 0 the local agenda … 1 the programme's goals; interest = 1 − |alignment − stance|. */
  readonly stance: Float64Array;
  /** 1 for a veto party (a clearance point), 0 for a weighted party. */
  readonly veto: Uint8Array;
  /** A weighted party's weight in the quorum. */
  readonly weight: Float64Array;
  /** Trust in the programme, [0,1]. */
  readonly trust: Float64Array;
  /** Openness needed to invite the party from the start: it is at the table early once participation exceeds it. */
  readonly invite: Float64Array;
  /** 0: not at the table (yet); 1: at the table; 2: a weighted party that left. */
  readonly seat: Uint8Array;
  /** 1 while the party consents to formalising. */
  readonly consent: Uint8Array;
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

/** One entry of the run's intervention timeline and what applying it has left behind. */
export interface TimelineEntry {
  readonly entry: Intervention;
  /** The action's strength: the entry's size or the action's default. */
  readonly size: number;
  /** The neighbourhoods it acts on (filled at the first week, when checked against the world). */
  hoods: Int32Array | null;
  /** Lasting actions in a window: the strategy values before it applied, to undo at the window's end. */
  saved: Partial<Parameters['strategy']> | null;
  /** The week its window ends (exclusive); Infinity for actions that fire by `at` or `when`. */
  readonly until: number;
}

/** The run's intervention timeline, applied by the schedule right after the environment drivers. */
export interface Timeline {
  readonly entries: readonly TimelineEntry[];
  /** Per entry, the week (1..horizon) it first applied; 0 while it never did. */
  readonly firedWeek: Int32Array;
  /** Per entry, 1 when its `when` condition held at the start of this week (src/model/sensing.ts). */
  readonly due: Uint8Array;
  /** The run's interventions stream: the timeline's only source of chance. */
  readonly rng: Rng;
}

/**
 * The signposts of an adaptive strategy, compiled once per run into typed arrays (one slot per
 * signpost, in the strategy's order) and reviewed every week by src/model/signposts.ts.
 */
export interface Signposts {
  readonly count: number;
  /** Reads signpost k's metric over `hoods`. */
  readonly watch: readonly ((world: World, hoods: Int32Array) => number)[];
  readonly level: Float64Array;
  /** 1: the signpost is passed when the metric falls to its level; 0: when it rises to it. */
  readonly below: Uint8Array;
  /** Index into SIGNPOST_RESPONSES. */
  readonly response: Uint8Array;
  /** 1 while signpost k's response is in force. */
  readonly active: Uint8Array;
  /** The week signpost k's response last began. */
  readonly since: Int32Array;
  /** How far signpost k's response moved its lever (signed), to be moved back when it ends. */
  readonly moved: Float64Array;
  /** How many times signpost k has called for its response. */
  readonly responses: Int32Array;
  /** Signpost k's metric as last week ended, read at the start of this week (src/model/sensing.ts). */
  readonly seen: Float64Array;
  /** Every neighbourhood: signposts watch the whole programme. */
  readonly hoods: Int32Array;
  /** attend-lagging responses in force, and the attention rule (index into its values) they replaced. */
  attending: number;
  savedAttention: number;
}

/** Where the metrics of a run are written: preallocated when the world is created. */
export interface Recorder {
  /** Weeks at which metrics are recorded: 0, every sampleEvery weeks, and the horizon. */
  readonly weeks: Int32Array;
  /** Metric-major world series, WEEK_METRICS × weeks (src/model/metrics.ts). */
  readonly series: Float64Array;
  /** Initiative-major series: [initiative][INITIATIVE_WEEK_METRICS][sample]. */
  readonly initiativeSeries: Float64Array;
  /** Every neighbourhood, 0 … count − 1: world metrics are measured over all of them. */
  readonly all: Int32Array;
  /** Index of the next sample to write. */
  next: number;
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
  /** Per neighbourhood: summed agenda and summed trust in government of members (mechanism agendas). */
  readonly memberAgenda: Float64Array;
  readonly memberTrust: Float64Array;
  /** Per initiative: the programme's pull on its course this week (mechanism agendas). */
  readonly pull: Float64Array;
  /** Per background group g: residents [g], members [G + g] and leaders [2G + g], filled by the participation metrics (src/model/metrics.ts). */
  readonly groupTally: Float64Array;
  /** The week groupTally was last taken for the recorder's neighbourhoods (−1: never). */
  groupTallyWeek: number;
  /** Per neighbourhood: its residents' summed belonging, filled by the belonging and cohesion measures (src/model/measures.ts). */
  readonly hoodBelonging: Float64Array;
  /** The week hoodBelonging was last summed for the recorder's neighbourhoods (−1: never). */
  hoodBelongingWeek: number;
  /** Summed support, committed, trust in government, drive and awareness, and the residents counted, filled by their measures (src/model/measures.ts). */
  readonly residentSums: Float64Array;
  /** The week residentSums was last taken for the recorder's neighbourhoods (−1: never). */
  residentSumsWeek: number;
  /** Per initiative: 1 once the attention rule has served it this week. */
  readonly served: Uint8Array;
  /**
   * Whether the attitude pass may also take the commitment decisions and count the members for the
   * capacity, in the same walk over the residents (the same bytes; tests switch it off to compare).
   */
  fuse: boolean;
  /** The week whose commitment decisions are in `changed` (the first `decided` of it), −1 before any. */
  decidedWeek: number;
  decided: number;
  /** The week whose members the capacity accumulators hold, −1 before any. */
  countedWeek: number;
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
  /** The stakeholders of every initiative as actors (mechanisms.parties; empty when off). */
  readonly parties: Parties;
  readonly env: Environment;
  readonly timeline: Timeline;
  readonly signposts: Signposts;
  readonly scratch: Scratch;
  readonly recorder: Recorder;
}
