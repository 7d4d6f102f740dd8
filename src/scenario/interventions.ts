import { PARAMETERS } from '../model/parameters.js';
import { ACTIONS, ACTION_SIZE, PROGRAMME_ACTIONS, type Intervention } from '../model/interventions/types.js';
import { CONDITION_METRICS } from '../model/metrics.js';
import { show, type Report } from './errors.js';
import { joinPath } from './paths.js';
import { specSchema, type JsonSchema } from './specSchema.js';
import type { Scenario, Section } from './types.js';

const WEEK: JsonSchema = { type: 'integer', minimum: 1, maximum: 5200 };

/** The schema of one timeline entry; kept among the definitions. */
export function interventionSchema(): JsonSchema {
  const sizes = ACTIONS.filter((a) => a !== 'set')
    .map((a) => `${a}: ${ACTION_SIZE[a].meaning} (default ${ACTION_SIZE[a].default})`)
    .join('; ');
  return {
    type: 'object',
    title: 'an intervention: {at | from and for | when}, action, and optionally where, size, set, name',
    required: ['action'],
    additionalProperties: false,
    properties: {
      name: { type: 'string', minLength: 1, description: 'Shown in the results; default: the action and its week.' },
      at: { ...WEEK, description: 'Fires in this week (1..horizon).' },
      from: { ...WEEK, description: 'Applies from this week …' },
      for: { type: 'integer', minimum: 1, maximum: 5200, description: '… for this many weeks, then is undone.' },
      when: {
        type: 'object',
        title: 'a condition {metric, above | below}',
        description: 'Fires in the first week that starts with the condition holding, over the neighbourhoods of `where`.',
        required: ['metric'],
        additionalProperties: false,
        properties: {
          metric: { type: 'string', enum: [...CONDITION_METRICS], description: 'support_share: the highest initiative support share; others: means over residents (cohesion over neighbourhoods).' },
          above: { type: 'number', minimum: 0, maximum: 1, description: 'Fires when the metric is at least this.' },
          below: { type: 'number', minimum: 0, maximum: 1, description: 'Fires when the metric is at most this.' },
        },
      },
      where: {
        description: '`all` (default) or neighbourhood numbers counted from 0.',
        anyOf: [
          { type: 'string', enum: ['all'] },
          { type: 'array', minItems: 1, items: { type: 'integer', minimum: 0 } },
        ],
      },
      action: { type: 'string', enum: [...ACTIONS], description: 'What happens; see docs/ODD.md, Interventions.' },
      size: { type: 'number', minimum: 0, description: `The action's strength. ${sizes}.` },
      set: {
        type: 'object',
        title: 'strategy parameters and their new values, e.g. {strategy.serving: 0.8}',
        minProperties: 1,
        additionalProperties: false,
        properties: Object.fromEntries(
          Object.entries(PARAMETERS.strategy).flatMap(([key, spec]) => [
            [`strategy.${key}`, specSchema(spec)],
            [key, specSchema(spec)],
          ]),
        ),
      },
    },
  };
}

/** The fewest neighbourhoods any point of the scenario has: its own, a compared strategy's, or a swept value. */
function fewestNeighbourhoods(scenario: Scenario): number {
  const counts = [scenario.population.neighbourhoods];
  for (const entry of scenario.compare ?? []) if (entry.population?.neighbourhoods !== undefined) counts.push(entry.population.neighbourhoods);
  const axis = scenario.sweep?.parameters['population.neighbourhoods'];
  if (Array.isArray(axis)) counts.push(...axis.filter((v): v is number => typeof v === 'number'));
  else if (axis) counts.push(Math.min(axis.from, axis.to));
  return Math.min(...counts);
}

/** Problems the schema cannot see in one timeline. */
function checkTimeline(entries: readonly Intervention[] | undefined, at: string, scenario: Scenario, report: Report): void {
  (entries ?? []).forEach((e, k) => {
    const path = joinPath(at, k);
    const triggers = ['at', 'from', 'when'].filter((key) => (e as unknown as Record<string, unknown>)[key] !== undefined);
    if (triggers.length !== 1) report(path, 'exactly one of at, from (with for) or when', triggers.length ? triggers.join(' and ') : 'none');
    if (e.from !== undefined && e.for === undefined) report(joinPath(path, 'for'), 'the number of weeks the intervention lasts', 'nothing');
    if (e.for !== undefined && e.from === undefined) report(joinPath(path, 'for'), 'nothing (for goes with from)', show(e.for));
    for (const key of ['at', 'from'] as const) {
      const week = e[key];
      if (week !== undefined && week > scenario.horizon) report(joinPath(path, key), `a week from 1 to the horizon (${scenario.horizon})`, show(week));
    }
    if (e.when && (e.when.above === undefined) === (e.when.below === undefined)) {
      report(joinPath(path, 'when'), 'exactly one of above or below', e.when.above === undefined ? 'neither' : 'both');
    }
    if (Array.isArray(e.where)) {
      const count = fewestNeighbourhoods(scenario);
      for (const b of e.where) if (b >= count) report(joinPath(path, 'where'), `neighbourhood numbers from 0 to ${count - 1}`, show(b));
    }
    if (PROGRAMME_ACTIONS.has(e.action) && e.where !== undefined && e.where !== 'all') {
      report(joinPath(path, 'where'), `all (${e.action} changes the whole programme)`, show(e.where));
    }
    if (e.action === 'set' && e.set === undefined) report(joinPath(path, 'set'), 'the strategy parameters to set, e.g. {strategy.serving: 0.8}', 'nothing');
    if (e.action !== 'set' && e.set !== undefined) report(joinPath(path, 'set'), `nothing (set goes with action set; this action is ${e.action})`, 'a set block');
    if (e.size !== undefined && e.action !== 'set') {
      const { min, max } = ACTION_SIZE[e.action];
      if (e.size < min || e.size > max) report(joinPath(path, 'size'), `a number from ${min} to ${max} for ${e.action}`, show(e.size));
    }
  });
}

const interventions: Section = {
  key: 'interventions',
  schema: () => ({
    type: 'array',
    description: 'A timeline applied in every point (and under every plan): what happens when, where.',
    items: { $ref: '#/definitions/intervention' },
  }),
  check: (scenario, report) => checkTimeline(scenario.interventions, 'interventions', scenario, report),
};

const plans: Section = {
  key: 'plans',
  schema: () => ({
    type: 'array',
    title: 'a list of named plans, each {name, interventions}',
    description:
      "Named timelines compared with doing nothing ('no intervention', run first) on the same seeds per replicate (common random numbers).",
    minItems: 1,
    items: {
      type: 'object',
      required: ['name', 'interventions'],
      additionalProperties: false,
      properties: {
        name: { type: 'string', minLength: 1 },
        description: { type: 'string' },
        interventions: { type: 'array', minItems: 1, items: { $ref: '#/definitions/intervention' } },
      },
    },
  }),
  check(scenario, report) {
    const seen = new Set<string>(['no intervention']);
    (scenario.plans ?? []).forEach((plan, i) => {
      if (seen.has(plan.name)) report(`plans[${i}].name`, 'a name not used by another plan (nor "no intervention")', show(plan.name));
      seen.add(plan.name);
      checkTimeline(plan.interventions, `plans[${i}].interventions`, scenario, report);
    });
  },
};

export const INTERVENTION_SECTIONS: readonly Section[] = [interventions, plans];
