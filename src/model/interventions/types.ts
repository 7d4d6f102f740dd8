/**
 * An intervention timeline as written in a scenario: when an action applies, where, and how strongly.
 * Each action is documented in docs/ODD.md ("Interventions") with what it touches.
 */

/** What a programme manager can do, or have done to them. */
export const ACTIONS = [
  'set',
  'evening',
  'field',
  'broken-promise',
  'subsidy',
  'mandate',
  'share-revenues',
  'add-stakeholder',
  'remove-stakeholder',
] as const;
export type ActionName = (typeof ACTIONS)[number];

/**
 * One-off events act once when they fire (and every week of a `from`/`for` window); lasting
 * actions hold from the week they fire to the horizon, or for the weeks of their window and are
 * then undone.
 */
export const EVENT_ACTIONS: ReadonlySet<ActionName> = new Set(['evening', 'broken-promise']);

/** Actions that change the programme as a whole, so `where` must be `all`. */
export const PROGRAMME_ACTIONS: ReadonlySet<ActionName> = new Set([
  'set',
  'subsidy',
  'mandate',
  'share-revenues',
  'add-stakeholder',
  'remove-stakeholder',
]);

/** The strength of each action when `size` is not given, and what `size` means. */
export const ACTION_SIZE: Record<ActionName, { default: number; min: number; max: number; meaning: string }> = {
  set: { default: 0, min: 0, max: 0, meaning: 'unused: `set` names the parameters and values' },
  evening: { default: 0.5, min: 0, max: 1, meaning: 'turnout: chance to come, times the mean of belonging and trust in government' },
  field: { default: 0.6, min: 0, max: 1, meaning: "officials' presence held at least at this share of their time" },
  'broken-promise': { default: 5, min: 0, max: 100, meaning: 'the promise, in good contacts: trust falls by trustGain × size × trustAsymmetry' },
  subsidy: { default: 0.2, min: 0, max: 1, meaning: 'cost level taken off the costs driver' },
  mandate: { default: 0.4, min: 0, max: 1, meaning: 'policy pressure added, passed on by officials and softened by the buffer' },
  'share-revenues': { default: 0.8, min: 0, max: 1, meaning: 'revenue share set for the community' },
  'add-stakeholder': { default: 1, min: 1, max: 20, meaning: 'parties added to those that must agree' },
  'remove-stakeholder': { default: 1, min: 1, max: 20, meaning: 'parties removed from those that must agree (at least one remains)' },
};

/** A quantity a condition can watch, over the neighbourhoods of `where`: a watchable metric of the registry (CONDITION_METRICS in src/model/metrics.ts). */
export type ConditionMetric = string;

export interface Condition {
  metric: ConditionMetric;
  /** Fires when the metric is at least this. */
  above?: number;
  /** Fires when the metric is at most this. */
  below?: number;
}

export interface Intervention {
  /** Shown in the results; defaults to the action and its week. */
  name?: string;
  /** Fires in this week. */
  at?: number;
  /** Applies from this week … */
  from?: number;
  /** … for this many weeks. */
  for?: number;
  /** Fires in the first week that starts with the condition holding. */
  when?: Condition;
  /** `all` (the default) or neighbourhood numbers (0-based). */
  where?: 'all' | number[];
  action: ActionName;
  /** The action's strength; see ACTION_SIZE. */
  size?: number;
  /** For `set`: strategy parameters (dotted paths) and their new values. */
  set?: Record<string, number | string>;
}

/** A named timeline compared against doing nothing. */
export interface Plan {
  name: string;
  description?: string;
  interventions: Intervention[];
}

/** The name of the implicit plan without interventions. */
export const NO_INTERVENTION = 'no intervention';

/** A readable name for an intervention, for results and charts. */
export function interventionName(entry: Intervention): string {
  if (entry.name) return entry.name;
  const when =
    entry.at !== undefined
      ? `week ${entry.at}`
      : entry.from !== undefined
        ? `weeks ${entry.from}–${entry.from + (entry.for ?? 1) - 1}`
        : entry.when
          ? `when ${entry.when.metric} ${entry.when.above !== undefined ? `≥ ${entry.when.above}` : `≤ ${entry.when.below}`}`
          : '';
  return `${entry.action} ${when}`.trim();
}
