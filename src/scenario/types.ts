import type { Parameters, RunSettings } from '../model/parameters.js';

/** A scenario as loaded and validated: run settings, the model's parameters, and what to vary. */
export interface Scenario extends RunSettings, Parameters {
  /** Short name, shown in charts and the report. */
  name: string;
  /** What the scenario is about, in a sentence or two. */
  description: string;
  /** The question the scenario asks, shown at the top of the report. */
  question: string;
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
}

/** Everything needed to carry out a scenario: its settings and its points. */
export interface RunPlan {
  scenario: Scenario;
  /** The dotted paths that vary between points, in column order. */
  varied: string[];
  points: ScenarioPoint[];
}
