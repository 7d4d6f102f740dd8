import type { Parameters, RunSettings } from '../model/parameters.js';
import type { ContextName } from './contexts.js';
import type { DeepPartial, PresetName } from './presets.js';
import type { Intervention, Plan } from '../model/interventions/types.js';
import type { Report } from './errors.js';
import type { JsonSchema } from './specSchema.js';

export type { ContextName, PresetName };

/** How a sweep spreads its points: full factorial, Latin hypercube, or one factor at a time. */
export type SweepDesign = 'grid' | 'lhs' | 'oat';

/** A value a swept parameter can take: a number, an enum name or a switch. */
export type SweepValue = number | string | boolean;

/**
 * The values of one swept parameter: an explicit list, or a range. A grid or oat range needs
 * `steps` (the number of evenly spaced values, ends included); an lhs range is sampled.
 */
export type SweepAxis = SweepValue[] | { from: number; to: number; steps?: number };

/** The `sweep:` block of a scenario. */
export interface Sweep {
  /** Defaults to grid. */
  design: SweepDesign;
  /** Dotted parameter path → its values, in the order the columns appear. */
  parameters: Record<string, SweepAxis>;
  /** Points of an lhs design. */
  samples?: number;
}

/** One entry of `compare:`: a preset, inline parameter groups, or a preset plus overrides. */
export type CompareEntry = DeepPartial<Parameters> & {
  /** Shown in charts and the `strategy` column; defaults to the preset's name. */
  name?: string;
  preset?: PresetName;
  /** Starting conditions of this strategy alone, over the scenario's (the report names the difference). */
  context?: ContextName;
  description?: string;
};

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
 * A top-level section of a scenario beyond the parameters and run settings: what it may hold (its
 * schema) and what the schema cannot say about it (its check). Adding a section — interventions,
 * plans — is adding an entry to SECTIONS and a field to `Scenario`.
 */
export interface Section {
  key: string;
  schema(): JsonSchema;
  check?(scenario: Scenario, report: Report): void;
}
