import { ADAPTATION_KEYS, PARAMETERS } from '../parameters.js';
import { anyOf, integer, list, mapping, number, object, oneOf, ref, text, TEXT_LENGTH, type TypeOf } from '../../schema/shape.js';
import { specSchema } from '../../schema/specSchema.js';

/**
 * An intervention timeline as written in a scenario: when an action applies, where, and how strongly,
 * described once (timelineShapes) for the scenario's schema and the kernel's types.
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

/** The strength of each action when `size` is not given, what `size` means, its range, and whether it counts (whole numbers). */
export const ACTION_SIZE: Record<ActionName, { default: number; min: number; max: number; meaning: string; integer?: true }> = {
  set: { default: 0, min: 0, max: 0, meaning: 'unused: `set` names the parameters and values' },
  evening: { default: 0.5, min: 0, max: 1, meaning: 'turnout: chance to come, times the mean of belonging and trust in government' },
  field: { default: 0.6, min: 0, max: 1, meaning: "officials' presence held at least at this share of their time" },
  'broken-promise': { default: 5, min: 0, max: 100, meaning: 'the promise, in good contacts: trust falls by trustGain × size × trustAsymmetry' },
  subsidy: { default: 0.2, min: 0, max: 1, meaning: 'cost level taken off the costs driver' },
  mandate: { default: 0.4, min: 0, max: 1, meaning: 'policy pressure added, passed on by officials and softened by the buffer' },
  'share-revenues': { default: 0.8, min: 0, max: 1, meaning: 'revenue share set for the community' },
  'add-stakeholder': { default: 1, min: 1, max: 20, meaning: 'parties added to those that must agree', integer: true },
  'remove-stakeholder': { default: 1, min: 1, max: 20, meaning: 'parties removed from those that must agree (at least one remains)', integer: true },
};

/** A quantity a condition can watch, over the neighbourhoods of `where`: a watchable metric of the registry (CONDITION_METRICS in src/model/metrics.ts). */
export type ConditionMetric = string;

const WEEK = { minimum: 1, maximum: 5200 };
const SIZES = ACTIONS.filter((a) => a !== 'set')
  .map((a) => `${a}: ${ACTION_SIZE[a].meaning} (default ${ACTION_SIZE[a].default})`)
  .join('; ');

/**
 * The shapes of a timeline as a scenario writes it — a condition, an intervention, a plan —
 * given the metrics a condition may watch (CONDITION_METRICS of the metric registry,
 * src/model/metrics.ts, passed in so that the kernel's state need not import the recorder).
 */
export function timelineShapes(conditionMetrics: readonly ConditionMetric[]) {
  const CONDITION = object(
    {
      metric: oneOf(conditionMetrics, { description: 'support_share: the highest initiative support share; reached_share and formalised_share: shares of the initiatives; others: means over residents (cohesion over neighbourhoods).' }),
      above: number({ minimum: 0, maximum: 1 }, { description: 'Fires when the metric is at least this.' }),
      below: number({ minimum: 0, maximum: 1 }, { description: 'Fires when the metric is at most this.' }),
    },
    {
      required: ['metric'],
      title: 'a condition {metric, above | below}',
      description: 'Fires in the first week that starts with the condition holding, over the neighbourhoods of `where`.',
    },
  );
  const INTERVENTION = object(
    {
      name: text({ minLength: 1, maxLength: TEXT_LENGTH.name, description: 'Shown in the results; default: the action and its week.' }),
      at: integer(WEEK, { description: 'Fires in this week (1..horizon).' }),
      from: integer(WEEK, { description: 'Applies from this week …' }),
      for: integer(WEEK, { description: '… for this many weeks, then is undone.' }),
      when: CONDITION,
      where: anyOf([oneOf(['all'] as const), list(integer({ minimum: 0 }), { minItems: 1 })], { description: '`all` (default) or neighbourhood numbers counted from 0.' }),
      action: oneOf(ACTIONS, { description: 'What happens; see docs/ODD.md, Interventions.' }),
      size: number({ minimum: 0 }, { description: `The action's strength. ${SIZES}.` }),
      // `set` names strategy parameters, with or without the `strategy.` prefix, each as the registry describes it
      set: mapping<number | string>(
        Object.fromEntries(
          // the strategy's adaptive part is fixed for a run (its signposts are compiled when it starts)
          Object.entries(PARAMETERS.strategy).filter(([key]) => !ADAPTATION_KEYS.has(key)).flatMap(([key, spec]) => [
            [`strategy.${key}`, specSchema(spec)],
            [key, specSchema(spec)],
          ]),
        ),
        { minProperties: 1, title: 'strategy parameters and their new values, e.g. {strategy.serving: 0.8}' },
      ),
    },
    { required: ['action'], title: 'an intervention: {at | from and for | when}, action, and optionally where, size, set, name' },
  );
  const PLAN = object(
    {
      name: text({ minLength: 1, maxLength: TEXT_LENGTH.name }),
      description: text({ maxLength: TEXT_LENGTH.text, multiline: true }),
      interventions: list(ref('intervention', INTERVENTION), {
        minItems: 1,
        title: "at least one intervention (a plan needs at least one; doing nothing is run anyway, as 'no intervention')",
      }),
    },
    { required: ['name', 'interventions'] },
  );
  return { CONDITION, INTERVENTION, PLAN };
}

type TimelineShapes = ReturnType<typeof timelineShapes>;
/** A condition on a metric over the neighbourhoods of `where`. */
export type Condition = TypeOf<TimelineShapes['CONDITION']>;
/** One entry of a timeline: when (`at`, `from` and `for`, or `when`), where, what and how strongly. */
export type Intervention = TypeOf<TimelineShapes['INTERVENTION']>;
/** A named timeline compared against doing nothing. */
export type Plan = TypeOf<TimelineShapes['PLAN']>;

/** The name of the implicit plan without interventions. */
export const NO_INTERVENTION = 'no intervention';
/** Its name in a Dutch report. */
export const NO_INTERVENTION_NL = 'geen interventie';

/** A name the scenario gives no Dutch name for, as a Dutch report shows it: "no intervention" in it said in Dutch. */
export function untranslatedInDutch(name: string): string {
  return name.replace(/\bno intervention\b/g, NO_INTERVENTION_NL);
}

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
