import { INITIATIVE_METRICS, INITIATIVE_WEEK_METRICS, RUN_METRICS, SERIES_METRICS, type Kind } from '../model/metrics.js';
import { PARAMETER_SPECS } from '../scenario/paths.js';
import { outcomeDefinition } from './pooledOutcomes.js';
import { isInterventionFactor } from '../explore/interventionSettings.js';

/**
 * The codebook of a results folder: every column of every table draagvlak writes — its type, unit
 * and meaning — read off the registries (the metric registry src/model/metrics.ts, the parameter
 * registry src/model/parameters.ts, explore's pooled outcomes in src/analysis/outcomes.ts) and, for the tables analysis writes, the
 * column lists below. datapackage.json (src/analysis/dataPackage.ts) and the column tables of
 * docs/results.md (`npm run docs`) are both generated from it, so neither is written by hand.
 */

/** One column: a Frictionless Table Schema field, with its unit. */
export interface Field {
  name: string;
  type: 'integer' | 'number' | 'string' | 'boolean';
  /** Unit of its values ('' for text). */
  unit: string;
  description: string;
}

/** What a file's varying columns are named after: the run's varied parameters and horizon. */
export interface Context {
  horizon: number;
}

type Spec = Omit<Field, 'name'>;
const int = (unit: string, description: string): Spec => ({ type: 'integer', unit, description });
const num = (unit: string, description: string): Spec => ({ type: 'number', unit, description });
const text = (description: string): Spec => ({ type: 'string', unit: '', description });

/** A metric's kind as a Table Schema type: weeks and counts are integers (an empty week: never). */
function typeOf(kind: Kind): Field['type'] {
  return kind === 'number' ? 'number' : 'integer';
}

/** The identity every row of the result tables starts with. */
export const IDENTITY: Record<string, Spec> = {
  point: int('index', '0-based index of the design point'),
  replicate: int('index', '0-based replicate index'),
  seed: int('seed', 'the run seed, derived from the scenario seed and the replicate (and the point without common random numbers); manifest.json states the rule'),
  label: text("the point's name: the compared strategy or plan, the swept values, or the scenario name"),
};

/** Varied columns that are not parameters. */
const DESIGN: Record<string, Spec> = {
  strategy: text('the compared strategy (its name or preset), for scenarios with compare:'),
  plan: text("the rehearsed plan ('no intervention' first, then each plan), for scenarios with plans:"),
};

const metricSpec = (m: { kind: Kind; unit: string; meaning: string }): Spec => ({
  type: typeOf(m.kind), unit: m.unit, description: m.kind === 'week' && !/empty/.test(m.meaning) ? `${m.meaning}; empty when it never happened` : m.meaning,
});

const SERIES_METRIC_NAMES = [...SERIES_METRICS, ...INITIATIVE_WEEK_METRICS.map((m) => m.column)];

/**
 * The columns of each table, after the identity and the varied parameters (where a table has them),
 * by file name. The run's own tables come from the metric registry.
 */
export const TABLES: Record<string, { identity: boolean; about: string; columns: Record<string, Spec> }> = {
  'runs.csv': {
    identity: true,
    about: 'one row per run',
    columns: Object.fromEntries(RUN_METRICS.map((m) => [m.column, metricSpec(m)])),
  },
  'initiatives.csv': {
    identity: true,
    about: 'one row per run and initiative, at the horizon',
    columns: {
      initiative: int('index', '0-based index of the initiative in its run'),
      ...Object.fromEntries(INITIATIVE_METRICS.map((m) => [m.column, metricSpec(m)])),
    },
  },
  'series.csv': {
    identity: true,
    about: 'long format: one row per run, recorded week, metric and (for per-initiative metrics) initiative',
    columns: {
      week: int('week 0–horizon', 'the recorded week: 0 (the initial state), every sampleEvery weeks, and the horizon (fewer with --series every:N)'),
      metric: text(`the metric recorded: one of ${SERIES_METRIC_NAMES.join(', ')} (each defined in docs/results.md, with its unit)`),
      initiative: int('index', 'the initiative of a per-initiative metric (support_share); empty for a world metric'),
      value: num("the metric's unit", 'the value of the metric in that week'),
    },
  },
  'interventions.csv': {
    identity: true,
    about: 'one row per run and entry of its intervention timeline',
    columns: {
      intervention: int('index', "0-based position of the entry in the point's timeline (the scenario's interventions, then its plan's)"),
      name: text('the name of the entry (default: its action and trigger)'),
      action: text('what the intervention does (evening, field, mandate, …)'),
      week: int('week 1–horizon', 'the week it first applied; empty when it never did'),
    },
  },
  'failures.csv': {
    identity: false,
    about: 'one row per failed run',
    columns: { ...IDENTITY, error: text('the error the run stopped with') },
  },
  'summary.csv': {
    identity: false,
    about: 'one row per design point (its point, label and varied parameters first)',
    columns: {
      point: IDENTITY.point!,
      label: IDENTITY.label!,
      runs: int('runs', 'runs of the point that finished'),
      initiatives: int('initiatives', 'initiatives over those runs'),
      reach_probability: num('share 0–1', 'share of the initiatives that reached their threshold by the horizon'),
      reach_lo: num('share 0–1', 'lower end of its 95 % Wilson interval'),
      reach_hi: num('share 0–1', 'upper end of its 95 % Wilson interval'),
      median_reach_week: int('week 1–horizon', 'Kaplan–Meier median reach week of the initiatives; empty when fewer than half reached the threshold'),
      median_reach_lo: int('week 1–horizon', "lower end of its 95 % interval (Brookmeyer–Crowley, read off the reach curve's band as R's survfit does): the first week the band's upper edge reaches one half; empty when it never does (the band is not read where every initiative has reached the threshold: R gives no limit there). It can be filled while median_reach_week is empty: the median is then that week or later, perhaps past the horizon"),
      median_reach_hi: int('week 1–horizon', "upper end of its 95 % interval: the first week the band's lower edge reaches one half; empty when it never does — and so whenever median_reach_week is empty — or does only in the week the last initiative reaches the threshold (the band is undefined there: R gives no limit)"),
      formalised_share: num('share 0–1', 'share of the initiatives formalised by the horizon'),
      trust_gov_final: num('level 0–1', 'mean over runs of trust_gov_final'),
      cohesion_final: num('level 0–1', 'mean over runs of cohesion_final'),
      mean_reach_week: num('week 0–horizon', "restricted mean reach week: per run, the mean week its initiatives reached the threshold, one that never did counting as the horizon; then the mean over runs (the report's statistic for how soon)"),
      mean_reach_lo: num('week 0–horizon', 'lower end of its 95 % t interval over runs, cut at 0; empty with one run'),
      mean_reach_hi: num('week 0–horizon', 'upper end of its 95 % t interval over runs, cut at the horizon; empty with one run'),
      coherent_share: num('share 0–1', 'coherent success: share of the initiatives formalised with alignment at least aligned_at (mean over runs)'),
      aligned_at: num('alignment 0–1', "the alignment at or above which a formalised initiative counts as a coherent success (the point's initiative.alignedAt)"),
    },
  },
  'contrasts.csv': {
    identity: false,
    about: 'paired effects of plans: one row per plan, baseline and metric (the other varied parameters first)',
    columns: {
      plan: DESIGN.plan!,
      baseline: text("the plan it is compared with ('no intervention', or a plan listed before it)"),
      metric: text('the outcome compared: reached_by_week_<week> (share 0–1), mean_reach_week (weeks: the restricted mean, never counting as the horizon), trust_gov_final, cohesion_final (level 0–1)'),
      estimate: num("the metric's unit", 'mean over replicates of plan − baseline (same replicate, same seed)'),
      lo: num("the metric's unit", 'lower end of the 95 % paired Student t interval'),
      hi: num("the metric's unit", 'upper end of the 95 % paired Student t interval'),
      replications: int('runs', 'pairs of runs compared'),
      plan_mean: num("the metric's unit", 'mean of the metric under the plan'),
      baseline_mean: num("the metric's unit", 'mean of the metric under the baseline'),
    },
  },
  'indices.csv': {
    identity: false,
    about: "explore: sensitivity indices of each outcome to each factor",
    columns: {
      method: text('sobol, morris or lhs'),
      outcome: text('the outcome (see explore-outcomes.csv)'),
      factor: text('the factor: a parameter path'),
      kind: text('lever (the manager’s strategy) or uncertainty'),
      index: text("the index: S1, ST (Sobol'), mu_star, sigma (Morris) or srrc (Latin hypercube)"),
      estimate: num('index', 'its estimate'),
      lo: num('index', 'lower end of its 95 % bootstrap interval'),
      hi: num('index', 'upper end of its 95 % bootstrap interval'),
    },
  },
  'boxes.csv': {
    identity: false,
    about: 'explore: the chosen PRIM box, one row per restricted factor',
    columns: {
      outcome: text('the outcome the cases are defined on'),
      case: text('what makes a point a case'),
      cases: int('points', 'points that are cases'),
      coverage: num('share 0–1', 'share of the cases inside the box'),
      density: num('share 0–1', 'share of the points inside the box that are cases'),
      mass: num('share 0–1', 'share of all points inside the box'),
      factor: text('the restricted factor: a parameter path'),
      kind: text('lever or uncertainty'),
      lo: num("the factor's unit", 'lower limit of the box'),
      hi: num("the factor's unit", 'upper limit of the box'),
      p_value: num('probability', 'quasi-p-value of the restriction'),
    },
  },
  'prim-trajectory.csv': {
    identity: false,
    about: 'explore: the PRIM peeling trajectory, one row per step',
    columns: {
      step: int('index', 'the peeling step'),
      coverage: num('share 0–1', 'share of the cases inside the box'),
      density: num('share 0–1', 'share of the points inside the box that are cases'),
      mass: num('share 0–1', 'share of all points inside the box'),
      restricted: int('factors', 'factors restricted'),
      chosen: int('0 or 1', '1 for the box chosen'),
    },
  },
  'explore-outcomes.csv': {
    identity: false,
    about: 'explore: each outcome over the points',
    columns: {
      outcome: text('the outcome'),
      title: text('the outcome in words'),
      mean: num("the outcome's unit", 'mean over the points'),
      sd: num("the outcome's unit", 'standard deviation over the points'),
      noise_share: num('share 0–1', 'share of the variance between points that is run-to-run noise'),
      censored_points: int('points', 'points where fewer than half the initiatives reached the threshold (counted at the horizon)'),
    },
  },
  'explore-points.csv': {
    identity: false,
    about: 'explore: the factors and outcomes of each point',
    columns: { point: IDENTITY.point! },
  },
};

/** What an intervention setting explore varies measures (`interventions.<name>.<setting>`). */
const SETTING_UNITS: [RegExp, string][] = [[/\.(at|from)$/, 'week'], [/\.for$/, 'weeks'], [/\.size$/, "the action's size"], [/\.when\.(above|below)$/, "the condition's metric"]];

/** A varied column of the design: a parameter path, an explored intervention setting, or strategy / plan. */
export function variedField(name: string): Field | undefined {
  const design = DESIGN[name];
  if (design) return { name, ...design };
  if (isInterventionFactor(name)) {
    const unit = SETTING_UNITS.find(([pattern]) => pattern.test(name))?.[1] ?? 'as the parameter it sets';
    return { name, type: 'number', unit, description: 'explored intervention setting: interventions.<name or [index]>.<setting> — the week it fires (at), starts (from), lasts (for), its size, the level of its condition, or a value it sets' };
  }
  const spec = PARAMETER_SPECS.get(name);
  if (!spec) return undefined;
  const type: Field['type'] = spec.kind === 'boolean' ? 'boolean' : spec.kind === 'enum' ? 'string' : spec.kind === 'number' && spec.integer ? 'integer' : 'number';
  const unit = spec.kind === 'number' || spec.kind === 'series' ? spec.unit : '';
  return { name, type, unit, description: `varied parameter: ${spec.doc}` };
}

/**
 * The field of a column of a file as written; undefined when the codebook does not know it (a
 * test keeps that from happening for any file draagvlak writes).
 */
export function fieldOf(file: string, column: string, context: Context): Field | undefined {
  const table = TABLES[file];
  if (!table) return undefined;
  const own = table.columns[column] ?? (table.identity ? IDENTITY[column] : undefined);
  if (own) return { name: column, ...own };
  const varied = variedField(column);
  if (varied) return varied;
  const outcome = file === 'explore-points.csv' ? outcomeDefinition(column, context.horizon) : null;
  return outcome ? { name: column, type: 'number', unit: outcome.unit, description: `outcome: ${outcome.title}` } : undefined;
}
