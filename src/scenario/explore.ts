import type { ParamSpec } from '../model/spec.js';
import { integer, list, mapping, number, object, oneOf, text, type TypeOf } from '../schema/shape.js';
import { SWEEPABLE } from './paths.js';

/** How explore spreads its points: Morris trajectories, a Saltelli design for Sobol' indices, or a Latin hypercube. */
export const EXPLORE_METHODS = ['morris', 'sobol', 'lhs'] as const;
export type ExploreMethod = (typeof EXPLORE_METHODS)[number];

/** Numeric parameters (numbers and constant levels of series) a factor may range over. */
const NUMERIC = [...SWEEPABLE].filter(([, spec]) => spec.kind === 'number' || spec.kind === 'series');

/** The range of one factor, within the parameter's own range. */
function rangeShape(path: string, spec: ParamSpec) {
  const bounds = spec.kind === 'number' || spec.kind === 'series' ? { minimum: spec.min, maximum: spec.max } : {};
  const value = spec.kind === 'number' && spec.integer ? integer(bounds) : number(bounds);
  return object({ from: value, to: value }, { required: ['from', 'to'], title: `a range {from, to} within ${path}'s range`, description: spec.doc });
}

/** A factor's range. */
export type FactorRange = TypeOf<ReturnType<typeof rangeShape>>;

/**
 * A factor that ranges over a setting of one of the scenario's interventions:
 * `interventions.<name>.<setting>` or `interventions[<i>].<setting>` (src/explore/interventionSettings.ts
 * checks the intervention, the setting and its range when the plan is made).
 */
export const INTERVENTION_FACTOR = /^interventions(\.|\[)/;

const INTERVENTION_RANGE = object(
  { from: number(), to: number() },
  { required: ['from', 'to'], title: 'an intervention setting, interventions.<name>.<setting> or interventions[<i>].<setting>, as {from, to}' },
);

/**
 * Levers are the strategy group's numeric parameters. Uncertainties take any numeric path here, so
 * that a strategy parameter listed among them meets the plan's check, which says why it is refused
 * (a lever, or listed twice). Both take intervention settings: what the manager does (an evening,
 * officials in the field, a subsidy) is a lever, what is done to the programme (a mandate from
 * above, a broken promise) an uncertainty; the scenario says which.
 */
const factors = (leversOnly: boolean, title: string) =>
  mapping<FactorRange>(
    Object.fromEntries(NUMERIC.filter(([path]) => !leversOnly || path.startsWith('strategy.')).map(([path, spec]) => [path, rangeShape(path, spec).schema])),
    { title, patterns: { [INTERVENTION_FACTOR.source]: INTERVENTION_RANGE.schema } },
  );

/**
 * The `explore:` section, from the parameter registry: which paths may be levers or uncertainties,
 * and their ranges. What depends on the outcomes and the method — outcome names, sample sizes, a
 * factor listed twice — is checked when the plan is made (src/explore/plan.ts).
 */
export const EXPLORE = object(
  {
    method: oneOf(EXPLORE_METHODS, { description: 'morris: elementary effects; sobol: first-order and total indices; lhs: Latin hypercube with rank regression.' }),
    trajectories: integer({ minimum: 1, maximum: 100_000 }, { description: 'Morris trajectories (each k + 1 points).' }),
    levels: integer({ minimum: 2, maximum: 100 }, { description: 'Morris grid levels (even). Default 4.' }),
    candidates: integer({ minimum: 3, maximum: 500 }, {
      description: 'Morris: draw this many trajectories and keep the `trajectories` best spread (Campolongo, Cariboni & Saltelli 2007). Default: no choice.',
    }),
    samples: integer({ minimum: 1, maximum: 1_000_000 }, { description: 'sobol: base rows of the Saltelli design, a power of two (N(k + 2) points); lhs: points.' }),
    levers: factors(true, 'levers the manager controls: strategy parameters and intervention settings, as path: {from, to}'),
    uncertainties: factors(false, 'uncertainties nobody controls: parameters outside strategy and intervention settings, as path: {from, to}'),
    outcomes: list(text(), { minItems: 1, description: 'reached_by_<week>, rmst, median_reach, coherent_success, trust_final.' }),
    discover: object({ outcome: text(), below: number(), above: number() }, { required: ['outcome'], title: 'a case of interest {outcome, below} or {outcome, above}' }),
    bootstrap: integer({ minimum: 100, maximum: 100_000 }, { description: 'Bootstrap resamples for the intervals. Default 1000.' }),
  },
  {
    required: ['method'],
    description:
      'Global sensitivity analysis and scenario discovery: levers (strategy parameters, intervention settings) and uncertainties (what nobody controls) over ranges; method morris (trajectories), sobol (samples, Saltelli design) or lhs (samples); the outcomes to analyse; the case of interest for PRIM.',
  },
);

/** The `explore:` section of a scenario: levers and uncertainties, a method and what to analyse. */
export type Explore = TypeOf<typeof EXPLORE>;
