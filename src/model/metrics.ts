import {
  AWARENESS, COMMITTED, DRIVE, hoodMean, hoodPressure, initiativeAlignment, initiativeProgress, initiativeShare, leastGroupShare, meanBelonging,
  meanCohesion, officialMean, partDissimilarity, perResident, residentMean, SUPPORT, TRUST, type Hoods,
} from './measures.js';
import { isBlocked } from './parties.js';
import type { World } from './world.js';

export type { Hoods } from './measures.js';

/**
 * The metric registry: every quantity a run records, once, with its column name, unit, level,
 * meaning, how it is recorded and how it is reduced. The recorder (record.ts), the metrics a
 * `when:` condition may watch, the CSV columns (src/run/rows.ts), the result set and its reader,
 * the chart labels and the metric tables of docs/results.md (metricTable.ts) all read it. Adding a
 * metric is one entry here plus its computation (over neighbourhoods: src/model/measures.ts).
 *
 * Levels:
 *  - `week`: a world-level value, recorded every `sampleEvery` weeks into series.csv (empty `initiative`);
 *  - `initiative-week`: a per-initiative value recorded with the same weeks (series.csv, `initiative` named);
 *  - `initiative`: one value per initiative at the horizon (initiatives.csv);
 *  - `run`: one value per run (runs.csv), reduced from the initiative or week metrics.
 */

interface Described {
  /** Column (or `metric` value in series.csv). */
  readonly column: string;
  readonly unit: string;
  /** What it means, for docs/results.md. */
  readonly meaning: string;
  /** A short title for charts and tables. */
  readonly label: string;
}

/** A world-level weekly metric: `measure` gives its value over some neighbourhoods (all of them when recorded). */
export interface WeekMetric extends Described {
  readonly level: 'week';
  /** How the value is formed from the state, for docs/results.md. */
  readonly recorded: string;
  /** May a `when:` condition watch it (over the condition's neighbourhoods)? */
  readonly watchable: boolean;
  readonly measure: (world: World, hoods: Hoods) => number;
}

/** A per-initiative weekly metric: `value` of initiative b; a condition watches `watch` over its neighbourhoods. */
export interface InitiativeWeekMetric extends Described {
  readonly level: 'initiative-week';
  readonly recorded: string;
  readonly watchable: boolean;
  readonly value: (world: World, b: number) => number;
  /** The condition's value over some neighbourhoods, and what it is. */
  readonly watch: (world: World, hoods: Hoods) => number;
}

/** How a value is stored and printed: a week (0 = never, printed empty), a whole number, or a number. */
export type Kind = 'week' | 'int' | 'number';

/** A per-initiative value at the horizon (initiatives.csv). */
export interface InitiativeMetric extends Described {
  readonly level: 'initiative';
  readonly kind: Kind;
  readonly recorded: string;
  /** Name of the typed column in a run's output. */
  readonly key: string;
  readonly value: (world: World, b: number) => number;
}

/** A per-run value (runs.csv), reduced from the initiative or week metric `from`. */
export interface RunMetric extends Described {
  readonly level: 'run';
  readonly kind: Kind;
  readonly from: string;
  /** count: initiatives; countPositive: initiatives with a value > 0; minPositive: least value > 0 (0 when none); mean: mean of the finite values (NaN when none); sum: over the initiatives; last: value at the last recorded week. */
  readonly reduce: 'count' | 'countPositive' | 'minPositive' | 'mean' | 'sum' | 'last';
  readonly key: string;
}

export type Metric = WeekMetric | InitiativeWeekMetric | InitiativeMetric | RunMetric;

function week(
  column: string, label: string, meaning: string, recorded: string, watchable: boolean, measure: WeekMetric['measure'], unit = 'share 0–1',
): WeekMetric {
  return { level: 'week', column, label, unit, meaning, recorded, watchable, measure };
}

/** World metrics recorded every `sampleEvery` weeks, in series.csv order. */
export const WEEK_METRICS: readonly WeekMetric[] = [
  week('support', 'Support', 'mean support of residents for their local initiative', 'mean over residents', true,
    residentMean(SUPPORT), 'level 0–1'),
  week('committed_share', 'Committed households', 'share of households committed to (members of) their initiative', 'mean over residents of 1 when committed', true,
    residentMean(COMMITTED)),
  week('trust_gov', 'Trust in government', 'mean trust of residents in officials and the programme', 'mean over residents', true,
    residentMean(TRUST), 'level 0–1'),
  week('belonging', 'Belonging', 'mean belonging (horizontal trust in neighbours)', 'mean over residents (summed per neighbourhood)', true,
    meanBelonging, 'level 0–1'),
  week('cohesion', 'Social cohesion', "mean neighbourhood cohesion: a neighbourhood's mean belonging × the share of its residents' ties that stay inside it", 'mean over neighbourhoods', true,
    meanCohesion, 'level 0–1'),
  week('drive', 'Drive to act for the community', 'mean drive of residents', 'mean over residents', true,
    residentMean(DRIVE), 'level 0–1'),
  week('awareness', 'Awareness', 'mean awareness of residents', 'mean over residents', true,
    residentMean(AWARENESS), 'level 0–1'),
  week('pressure', 'Felt pressure', 'mean pressure felt by residents', "mean over residents of their neighbourhood's felt pressure", false,
    (w, h) => perResident(w, h, hoodPressure), 'level 0–1'),
  week('presence', 'Official presence', 'mean presence of officials in the neighbourhoods', 'mean over officials', false,
    (w, h) => officialMean(w, h, w.officials.presence), 'level 0–1'),
  week('orientation', 'Official orientation', 'mean orientation of officials (1 = top-down)', 'mean over officials', false,
    (w, h) => officialMean(w, h, w.officials.orientation), 'level 0–1'),
  week('trust_in_residents', 'Officials’ trust in residents', 'mean trust of officials in residents', 'mean over officials', false,
    (w, h) => officialMean(w, h, w.officials.trustInResidents), 'level 0–1'),
  week('reached_share', 'Initiatives past the threshold', 'share of initiatives that have reached their support threshold', 'share of initiatives with a reach week', true,
    (w, h) => initiativeShare(h, w.initiatives.reachedWeek)),
  week('formalised_share', 'Initiatives formalised', 'share of initiatives formalised', 'share of initiatives with a formalisation week', true,
    (w, h) => initiativeShare(h, w.initiatives.formalisedWeek)),
  week('alignment', 'Alignment', "mean alignment of initiatives with the programme's goals", 'mean over initiatives', false,
    (w, h) => hoodMean(w, h, initiativeAlignment), 'level 0–1'),
  week('progress', 'Progress', 'mean progress of initiatives towards formalisation', 'mean over initiatives', false,
    (w, h) => hoodMean(w, h, initiativeProgress), 'level 0–1'),
  week('least_group_share', 'Least-joined group', "committed share of the background group whose households joined least (over committed_share: that group's representation ratio)",
    'min over background groups of members / residents', false, leastGroupShare),
  week('participation_dissimilarity', 'Who joins: dissimilarity', "index of dissimilarity (Duncan & Duncan 1955) between members and non-members across background groups: the share of members who would have to be of another group for members to have the make-up of those who stay out (0: the same make-up)",
    '½ Σ_g |members_g / members − others_g / others|; 0 without members', false, partDissimilarity(1), 'index 0–1'),
  week('leader_dissimilarity', 'Who leads: dissimilarity', 'the same index between leaders (the initiators; with mechanisms.leadership those leading) and the other residents',
    '½ Σ_g |leaders_g / leaders − others_g / others|; 0 without leaders', false, partDissimilarity(2), 'index 0–1'),
];

/** Per-initiative metrics recorded with the same weeks (series.csv rows that name an initiative). */
export const INITIATIVE_WEEK_METRICS: readonly InitiativeWeekMetric[] = [
  {
    level: 'initiative-week', column: 'support_share', label: 'Support share', unit: 'share 0–1',
    meaning: "committed households over the households of the initiative's neighbourhood",
    recorded: 'members / households', watchable: true,
    value: (w, b) => w.initiatives.supportShare[b],
    // "an initiative's support share passes 0.2" reads as written: the highest one
    watch: (w, hoods) => {
      let best = 0;
      for (let k = 0; k < hoods.length; k++) if (w.initiatives.supportShare[hoods[k]] > best) best = w.initiatives.supportShare[hoods[k]];
      return best;
    },
  },
];

function initiative<K extends string, T extends Kind>(
  column: string, key: K, kind: T, unit: string, label: string, meaning: string, value: InitiativeMetric['value'],
): InitiativeMetric & { key: K; kind: T } {
  return { level: 'initiative', column, key, kind, unit, label, meaning, recorded: 'at the horizon', value };
}

/** Per-initiative values at the horizon, in initiatives.csv order (after `initiative`, its 0-based index). */
export const INITIATIVE_METRICS = [
  initiative('neighbourhood', 'neighbourhood', 'int', 'index', 'Neighbourhood', 'the neighbourhood it belongs to', (_w, b) => b),
  initiative('households', 'households', 'int', 'households', 'Households', 'households in its neighbourhood (its catchment)', (w, b) => w.initiatives.households[b]),
  initiative('threshold', 'threshold', 'number', 'share 0–1', 'Threshold', 'its support threshold: the support share it must reach', (w, b) => w.initiatives.threshold[b]),
  initiative('reached_week', 'reachedWeek', 'week', 'week 1–horizon', 'Reach week', 'the week it first reached its threshold; empty when it never did (censored at the horizon)', (w, b) => w.initiatives.reachedWeek[b]),
  initiative('formalised_week', 'formalisedWeek', 'week', 'week 1–horizon', 'Formalisation week', 'the week it formalised; empty when it never did', (w, b) => w.initiatives.formalisedWeek[b]),
  initiative('support_share_final', 'supportShareFinal', 'number', 'share 0–1', 'Support share at the horizon', 'its support share at the horizon', (w, b) => w.initiatives.supportShare[b]),
  initiative('progress_final', 'progressFinal', 'number', 'level 0–1', 'Progress at the horizon', 'its progress towards formalisation at the horizon', (w, b) => w.initiatives.progress[b]),
  initiative('alignment_final', 'alignmentFinal', 'number', 'level 0–1', 'Alignment at the horizon', "its alignment with the programme's goals at the horizon", (w, b) => w.initiatives.alignment[b]),
  initiative('members_final', 'membersFinal', 'int', 'households', 'Members at the horizon', 'households committed to it (its members) at the horizon', (w, b) => w.initiatives.members[b]),
  initiative('members_at_formalisation', 'membersAtFormalisation', 'int', 'households', 'Members at formalisation', 'households committed to it in the week it formalised; 0 when it never did', (w, b) => w.initiatives.membersAtFormalisation[b]),
  initiative('delivered_week', 'deliveredWeek', 'week', 'week 1–horizon', 'Delivery week', 'week it delivered its plan (mechanism realisation)', (w, b) => w.initiatives.deliveredWeek[b]),
  initiative('failed_week', 'failedWeek', 'week', 'week 1–horizon', 'Failure week', 'week it failed after formalising (mechanism realisation)', (w, b) => w.initiatives.failedWeek[b]),
  initiative('dropped_out', 'droppedOut', 'int', 'households', 'Dropped out', 'members who left it dissatisfied (mechanism realisation)', (w, b) => w.initiatives.droppedOut[b]),
  initiative(
    'tipping_week', 'tippingWeek', 'week', 'week 1–horizon', 'Tipping week from the start',
    'the week in which the commitment rule alone, every attitude held at its starting value, would carry it over its threshold; empty when it would not (it did not start past its tipping point; ODD §5)',
    (w, b) => w.initiatives.tippingWeek[b],
  ),
  initiative(
    'decision_weeks', 'decisionWeeks', 'number', 'weeks', 'Weeks from reach to formalisation',
    'weeks from reaching its threshold to formalising (to the horizon when it did not); empty when it never reached it',
    (w, b) => {
      const reached = w.initiatives.reachedWeek[b];
      const formalised = w.initiatives.formalisedWeek[b];
      return reached > 0 ? (formalised > 0 ? formalised : w.horizon) - reached : NaN;
    },
  ),
  initiative(
    'blocked', 'blocked', 'int', '0 or 1', 'Blocked at the horizon',
    '1 when its plan is up for consent at the horizon but a party whose consent is needed withholds it (ODD §7.6b)',
    (w, b) => (isBlocked(w, b) ? 1 : 0),
  ),
] as const;

function run<K extends string, T extends Kind>(
  column: string, key: K, kind: T, unit: string, label: string, meaning: string, from: string, reduce: RunMetric['reduce'],
): RunMetric & { key: K; kind: T } {
  return { level: 'run', column, key, kind, unit, label, meaning, from, reduce };
}

/** Per-run values, in runs.csv order. */
export const RUN_METRICS = [
  run('initiatives', 'initiatives', 'int', 'initiatives', 'Initiatives', 'initiatives in the run (one per neighbourhood)', 'reached_week', 'count'),
  run('reached', 'reached', 'int', 'initiatives', 'Reached', 'initiatives that reached their threshold by the horizon', 'reached_week', 'countPositive'),
  run('formalised', 'formalised', 'int', 'initiatives', 'Formalised', 'initiatives formalised by the horizon', 'formalised_week', 'countPositive'),
  run('first_reached_week', 'firstReachedWeek', 'week', 'week 1–horizon', 'First reach week', 'the week the first initiative reached its threshold; empty when none did', 'reached_week', 'minPositive'),
  run('delivered', 'delivered', 'int', 'initiatives', 'Delivered', 'initiatives that delivered their plan (mechanism realisation)', 'delivered_week', 'countPositive'),
  run('failed', 'failed', 'int', 'initiatives', 'Failed after formalising', 'initiatives that failed after formalising (mechanism realisation)', 'failed_week', 'countPositive'),
  run('dropped_out', 'droppedOut', 'int', 'households', 'Dropped out', 'members who left dissatisfied (mechanism realisation)', 'dropped_out', 'sum'),
  run('trust_gov_final', 'trustGovFinal', 'number', 'level 0–1', 'Trust in government at the horizon', 'trust_gov at the horizon', 'trust_gov', 'last'),
  run('cohesion_final', 'cohesionFinal', 'number', 'level 0–1', 'Social cohesion at the horizon', 'cohesion at the horizon', 'cohesion', 'last'),
  run('drive_final', 'driveFinal', 'number', 'level 0–1', 'Drive at the horizon', 'drive at the horizon', 'drive', 'last'),
  run('support_final', 'supportFinal', 'number', 'level 0–1', 'Support at the horizon',
    "support at the horizon: the residents' mean attitude towards their initiative (0–1), whether or not they joined it — not membership (that is committed_share_final)", 'support', 'last'),
  run('committed_share_final', 'committedShareFinal', 'number', 'share 0–1', 'Committed households at the horizon',
    'committed_share at the horizon: the share of households that have joined (committed to) their initiative — the members its threshold counts; support_final is the attitude behind it', 'committed_share', 'last'),
  run('least_group_share_final', 'leastGroupShareFinal', 'number', 'share 0–1', 'Least-joined group at the horizon',
    "least_group_share at the horizon: the committed share of the background group that joined least; over committed_share_final it is that group's representation ratio", 'least_group_share', 'last'),
  run('participation_dissimilarity_final', 'participationDissimilarityFinal', 'number', 'index 0–1', 'Who joins: dissimilarity at the horizon',
    'participation_dissimilarity at the horizon: how far the background make-up of members differs from that of those who stay out (Duncan & Duncan 1955)', 'participation_dissimilarity', 'last'),
  run('leader_dissimilarity_final', 'leaderDissimilarityFinal', 'number', 'index 0–1', 'Who leads: dissimilarity at the horizon',
    'leader_dissimilarity at the horizon: how far the background make-up of leaders differs from that of the other residents', 'leader_dissimilarity', 'last'),
  run('decision_weeks', 'decisionWeeks', 'number', 'weeks', 'Weeks from reach to formalisation',
    'mean decision_weeks of the initiatives that reached their threshold', 'decision_weeks', 'mean'),
  run('blocked', 'blocked', 'int', 'initiatives', 'Blocked', 'initiatives blocked at the horizon', 'blocked', 'countPositive'),
] as const;

/** The typed array a kind is stored in: weeks and whole numbers as Int32Array, numbers as Float64Array. */
export type ColumnOf<T extends Kind> = T extends 'number' ? Float64Array : Int32Array;
export type InitiativeKey = (typeof INITIATIVE_METRICS)[number]['key'];
export type RunKey = (typeof RUN_METRICS)[number]['key'];
/** One typed column per initiative metric, by key. */
export type InitiativeColumns = { [M in (typeof INITIATIVE_METRICS)[number] as M['key']]: ColumnOf<M['kind']> };
/** One typed column per run metric, by key. */
export type RunColumns = { [M in (typeof RUN_METRICS)[number] as M['key']]: ColumnOf<M['kind']> };

/** A typed column of `length` for a kind. */
export function columnOf(kind: Kind, length: number): Int32Array | Float64Array {
  return kind === 'number' ? new Float64Array(length) : new Int32Array(length);
}

export const METRICS: readonly Metric[] = [...RUN_METRICS, ...INITIATIVE_METRICS, ...WEEK_METRICS, ...INITIATIVE_WEEK_METRICS];

/** Names of the world metrics, in series.csv order. */
export const SERIES_METRICS = WEEK_METRICS.map((m) => m.column);

/** The metric of a column name (any level); undefined when there is none. */
export function metric(column: string): Metric | undefined {
  return METRICS.find((m) => m.column === column);
}

/** The key of an initiative metric's typed column, from its column name. */
export function initiativeKey(column: string): InitiativeKey {
  const m = INITIATIVE_METRICS.find((x) => x.column === column);
  if (!m) throw new Error(`no initiative metric ${column}`);
  return m.key;
}

/** Index of a world metric in the series of a run's output. */
export function weekIndex(column: string): number {
  const i = WEEK_METRICS.findIndex((m) => m.column === column);
  if (i < 0) throw new Error(`no week metric ${column}`);
  return i;
}

/** The metrics a `when:` condition may watch, by name. */
export const CONDITION_METRICS = [...INITIATIVE_WEEK_METRICS, ...WEEK_METRICS].filter((m) => m.watchable).map((m) => m.column);

/** A watchable metric's value over some neighbourhoods, as a condition sees it. */
export function watch(world: World, column: string, hoods: Hoods): number {
  return watcher(column)(world, hoods);
}

/** The function that reads a watchable metric over some neighbourhoods (looked up once, called every week). */
export function watcher(column: string): (world: World, hoods: Hoods) => number {
  const m = WATCH.get(column);
  if (!m) throw new Error(`metric ${column} cannot be watched`);
  return m.level === 'week' ? m.measure : m.watch;
}
const WATCH = new Map([...INITIATIVE_WEEK_METRICS, ...WEEK_METRICS].filter((m) => m.watchable).map((m) => [m.column, m]));
