/** Scenario files: schema, loading and validation, overrides, and the designs of sweeps and comparisons. */
export { loadScenario, parseScenario, resolveScenario, type LoadOptions } from './load.js';
export { planRuns, axisValues, latinHypercube } from './design.js';
export { CONTEXTS, CONTEXT_NAMES, type Context, type ContextName } from './contexts.js';
export { strategyDifferences, type StrategyDifference } from './strategyDifferences.js';
export { scenarioSchema } from './schema.js';
export { ScenarioError, formatProblem, type Problem } from './errors.js';
export { SECTIONS } from './sections.js';
export { PRESET_NAMES } from './presets.js';
export type { CompareEntry, PresetName, RunPlan, Scenario, ScenarioPoint, Sweep, SweepAxis, SweepDesign, SweepValue, Section } from './types.js';
