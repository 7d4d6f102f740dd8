import type { Parameters, RunSettings } from '../model/parameters.js';
import type { ContextName } from './contexts.js';
import type { PresetName } from './presets.js';
import type { Intervention, Plan } from '../model/interventions/types.js';
import type { Report } from './errors.js';
import type { Shape } from '../schema/shape.js';
import type { CompareEntry, Sweep } from './shapes.js';
import type { Explore } from './explore.js';

export type { ContextName, PresetName };
export type { CompareEntry, Sweep, SweepAxis, SweepDesign, SweepValue } from './shapes.js';
export type { Explore, ExploreMethod, FactorRange } from './explore.js';

/** A scenario as loaded and validated: run settings, the model's parameters, and what to vary. */
export interface Scenario extends RunSettings, Parameters {
  /** Short name, shown in charts and the report. */
  name: string;
  /** What the scenario is about, in a sentence or two. */
  description: string;
  /** The question the scenario asks, shown at the top of the report. */
  question: string;
  /** The preset the scenario's parameters start from (already merged into the parameters). */
  preset?: PresetName;
  /** The named starting conditions every point starts from (already merged into the parameters). */
  context?: ContextName;
  /** Parameters to vary between points. */
  sweep?: Sweep;
  /** Named strategies to run on the same replications. */
  compare?: CompareEntry[];
  /** A timeline applied in every point and under every plan. */
  interventions?: Intervention[];
  /** Named timelines compared with doing nothing on the same seeds. */
  plans?: Plan[];
  /** Levers and uncertainties over ranges, explored by Morris, Sobol' or a Latin hypercube. */
  explore?: Explore;
  /** The name, description and question in another language (a report in that language shows them). */
  translations?: { nl?: ScenarioWords };
}

/** What a scenario says of itself, in one language. */
export interface ScenarioWords {
  name?: string;
  description?: string;
  question?: string;
  /** Names the scenario gives (strategies, plans, interventions), by the name as written. */
  names?: Record<string, string>;
}

/** One point of a scenario's design: a full parameter set, with what sets it apart. */
export interface ScenarioPoint {
  /** 0-based position in the design; rows are ordered by (point, replicate). */
  index: number;
  /** A readable name: the compared strategy or plan, or the swept values, or the scenario name. */
  label: string;
  /** The values that set this point apart, by dotted parameter path (columns in every CSV row). */
  values: Record<string, number | string | boolean>;
  /** The model parameters of this point. */
  params: Parameters;
  /** The point's timeline: the scenario's interventions, then its plan's. */
  interventions?: Intervention[];
}

/** Everything needed to carry out a scenario: its settings and its points. */
export interface RunPlan {
  scenario: Scenario;
  /** The dotted paths that vary between points, in column order. */
  varied: string[];
  points: ScenarioPoint[];
}

/**
 * A top-level section of a scenario beyond the parameters and run settings: its shape (one
 * description giving both the schema and the type of the field of `Scenario` it fills), the shapes
 * it refers to by name, and what the schema cannot say about it (its check). Adding a section is
 * its shape, an entry in SECTIONS and its field in `Scenario`.
 */
export interface Section {
  key: string;
  shape: Shape<unknown>;
  /** Shapes its schema refers to by name, kept among the schema's definitions. */
  definitions?: Record<string, Shape<unknown>>;
  check?(scenario: Scenario, report: Report): void;
}
