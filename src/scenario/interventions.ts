import { ACTION_SIZE, NO_INTERVENTION, NO_INTERVENTION_NL, PROGRAMME_ACTIONS, timelineShapes, untranslatedInDutch, type Intervention } from '../model/interventions/types.js';
import { CONDITION_METRICS } from '../model/metrics.js';
import { list, ref } from '../schema/shape.js';
import { show, type Report } from './errors.js';
import { joinPath } from './paths.js';
import type { Scenario, Section } from './types.js';

/** An intervention and a plan as a scenario writes them; a condition watches a metric of the registry. */
const { INTERVENTION, PLAN } = timelineShapes(CONDITION_METRICS);

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
    const where = e.where;
    if (Array.isArray(where)) {
      const count = fewestNeighbourhoods(scenario);
      for (const b of where) if (b >= count) report(joinPath(path, 'where'), `neighbourhood numbers from 0 to ${count - 1}`, show(b));
      // a neighbourhood given twice would have the action twice in it (two evenings, a double broken promise)
      const twice = where.findIndex((b, j) => where.indexOf(b) < j);
      if (twice >= 0) report(joinPath(joinPath(path, 'where'), twice), 'a neighbourhood not given before in the list', `${show(where[twice])} again`);
    }
    if (PROGRAMME_ACTIONS.has(e.action) && e.where !== undefined && e.where !== 'all') {
      report(joinPath(path, 'where'), `all (${e.action} changes the whole programme)`, show(e.where));
    }
    if (e.action === 'set' && e.set === undefined) report(joinPath(path, 'set'), 'the strategy parameters to set, e.g. {strategy.serving: 0.8}', 'nothing');
    if (e.action !== 'set' && e.set !== undefined) report(joinPath(path, 'set'), `nothing (set goes with action set; this action is ${e.action})`, 'a set block');
    if (e.size !== undefined && e.action !== 'set') {
      const { min, max, integer } = ACTION_SIZE[e.action];
      if (e.size < min || e.size > max || (integer && !Number.isInteger(e.size))) {
        report(joinPath(path, 'size'), `${integer ? 'a whole number' : 'a number'} from ${min} to ${max} for ${e.action}`, show(e.size));
      }
    }
  });
}

/** A name as a reader tells it from another: without the case of its letters and the spaces around and between its words. */
function readAs(name: string): string {
  return name.trim().replace(/\s+/g, ' ').toLowerCase();
}

/**
 * Each plan must read apart from every other and from doing nothing in every report: as written in
 * an English one, and in a Dutch one as its Dutch name (translations.nl.names, else as written)
 * against the others' and "geen interventie". Two plans a reader cannot tell apart would be two
 * rows, lines and sentences under one name.
 */
function checkPlanNames(scenario: Scenario, report: Report): void {
  const dutch = scenario.translations?.nl?.names ?? {};
  const english = new Map([[readAs(NO_INTERVENTION), NO_INTERVENTION]]);
  const inDutch = new Map([[readAs(NO_INTERVENTION_NL), NO_INTERVENTION]]);
  (scenario.plans ?? []).forEach((plan, i) => {
    const taken = english.get(readAs(plan.name));
    if (taken !== undefined) {
      report(`plans[${i}].name`, `a name not used by another plan (nor "${NO_INTERVENTION}")`, `${show(plan.name)}${taken === plan.name ? '' : `, which reads as ${show(taken)}`}`);
      return;
    }
    english.set(readAs(plan.name), plan.name);
    const translated = Object.hasOwn(dutch, plan.name) ? dutch[plan.name] : undefined;
    const shown = translated ?? untranslatedInDutch(plan.name);
    const takenInDutch = inDutch.get(readAs(shown));
    if (takenInDutch === undefined) inDutch.set(readAs(shown), plan.name);
    else if (translated !== undefined) {
      report(joinPath('translations.nl.names', plan.name), `a Dutch name not used by another plan (nor "${NO_INTERVENTION_NL}")`, `${show(shown)}, the Dutch name of ${show(takenInDutch)}`);
    } else {
      report(`plans[${i}].name`, `a name a Dutch report shows apart from every other plan (and from "${NO_INTERVENTION_NL}"), or a Dutch name for it in translations.nl.names`, `${show(plan.name)}, the Dutch name of ${show(takenInDutch)}`);
    }
  });
}

const interventions: Section = {
  key: 'interventions',
  shape: list(ref('intervention', INTERVENTION), { description: 'A timeline applied in every point (and under every plan): what happens when, where.' }),
  definitions: { intervention: INTERVENTION },
  check: (scenario, report) => checkTimeline(scenario.interventions, 'interventions', scenario, report),
};

const plans: Section = {
  key: 'plans',
  shape: list(PLAN, {
    minItems: 1,
    title: 'a list of named plans, each {name, interventions}',
    description:
      "Named timelines compared with doing nothing ('no intervention', run first) on the same seeds per replicate (common random numbers).",
  }),
  definitions: { intervention: INTERVENTION },
  check(scenario, report) {
    checkPlanNames(scenario, report);
    (scenario.plans ?? []).forEach((plan, i) => checkTimeline(plan.interventions, `plans[${i}].interventions`, scenario, report));
  },
};

export const INTERVENTION_SECTIONS: readonly Section[] = [interventions, plans];
