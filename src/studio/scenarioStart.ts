import type { Intervention } from '../model/interventions/types.js';
import type { Parameters } from '../model/parameters.js';
import { parametersOf } from '../scenario/paths.js';
import type { Scenario } from '../scenario/types.js';
import { PLAYED_PLAN } from './exportScenario.js';
import { text, type Lang } from './i18n.js';

/** What the studio plays of a scenario — one run — and what it leaves out. */
export interface StudioStart {
  params: Parameters;
  seed: number;
  horizon: number;
  /** The timeline played from the start, triggered as written: the scenario's own entries, then the plan's. */
  interventions: Intervention[];
  /** The plan played, when the scenario has plans. */
  plan?: string;
  /** The plan's name in the languages the scenario translates it to (`translations.nl.names`). */
  planNames?: Partial<Record<Lang, string>>;
  /** What one run cannot show: the other plans, compared strategies, a sweep or an exploration. */
  leftOut: { otherPlans: number; compared: boolean; swept: boolean };
}

/** What the page starts from: a scenario as the studio plays it (or the defaults), in a language. */
export interface StudioInput extends StudioStart {
  lang: Lang;
}

/** A start that leaves nothing out: the defaults, or parameters made up by hand. */
export const NOTHING_LEFT_OUT: StudioStart['leftOut'] = { otherPlans: 0, compared: false, swept: false };

/**
 * A scenario as the studio plays it, from the command line and by Import alike: its parameters
 * (its own strategy, not a compared one; a sweep's base values) and seed, and the timeline of one
 * plan as `draagvlak run` builds it: the plan played in the studio, else the first.
 */
export function studioStart(scenario: Scenario): StudioStart {
  const plans = scenario.plans ?? [];
  const plan = plans.find((p) => p.name === PLAYED_PLAN) ?? plans[0];
  return {
    params: parametersOf(scenario),
    seed: scenario.seed,
    horizon: scenario.horizon,
    interventions: [...(scenario.interventions ?? []), ...(plan?.interventions ?? [])],
    ...(plan ? { plan: plan.name } : {}),
    ...(plan && scenario.translations?.nl?.names?.[plan.name] !== undefined ? { planNames: { nl: scenario.translations.nl.names[plan.name] } } : {}),
    leftOut: { otherPlans: Math.max(0, plans.length - 1), compared: (scenario.compare?.length ?? 0) > 0, swept: scenario.sweep !== undefined || scenario.explore !== undefined },
  };
}

/** The plan played and what was left out, in one line ('' when the scenario has neither). */
export function startNote(start: Pick<StudioStart, 'plan' | 'planNames' | 'leftOut'>, lang: Lang): string {
  const { otherPlans, compared, swept } = start.leftOut;
  const left = [
    otherPlans > 0 ? `${otherPlans} ${text(otherPlans === 1 ? 'otherPlan' : 'otherPlans', lang)}` : '',
    compared ? text('compared', lang) : '',
    swept ? text('swept', lang) : '',
  ].filter(Boolean);
  const plan = start.plan === undefined ? undefined : (start.planNames?.[lang] ?? start.plan);
  return [plan !== undefined ? `${text('playedPlan', lang)} “${plan}”` : '', left.length ? `${text('leftOut', lang)}: ${left.join('; ')}` : ''].filter(Boolean).join('. ');
}
