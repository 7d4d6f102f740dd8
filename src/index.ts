/**
 * draagvlak as a library: the same pieces the `draagvlak` command uses, grouped by purpose.
 * The kernel (model, network, random) has no timers, workers or files, so it serves the CLI, the
 * worker pool, a notebook and a browser alike; run, analysis and charts work on results folders.
 */

// Model: parameters (the one source of truth), a world, its weekly step, one seeded run, what it returns
export { PARAMETERS, RUN_SETTINGS, defaultParameters, defaultRunSettings, type Parameters, type RunSettings } from './model/parameters.js';
export { walkSpecs, type ParamSpec, type SeriesValue } from './model/spec.js';
export { createWorld } from './model/createWorld.js';
export type { World, Timeline } from './model/world.js';
export { step, run, WEEK, type Process } from './model/schedule.js';
export { runModel, outputOf } from './model/run.js';
export { INITIATIVE_SERIES_METRICS, SERIES_METRICS, runValue, transferList, type RunOutput, type InitiativeOutcomes } from './model/output.js';
export { CONDITION_METRICS, METRICS, RUN_METRICS, INITIATIVE_METRICS, WEEK_METRICS, INITIATIVE_WEEK_METRICS, metric, type Metric } from './model/metrics.js';

// Interventions: timelines of actions (at, from/for, when), applied by the week's interventions step
export { createTimeline, applyInterventions } from './model/interventions/timeline.js';
export {
  ACTIONS, ACTION_SIZE, NO_INTERVENTION, interventionName, type ActionName, type Condition, type Intervention, type Plan,
} from './model/interventions/types.js';

// An adaptive manager: a strategy's signposts, reviewed by the week's signposts step after the interventions
export { createSignposts, reviewSignposts } from './model/signposts.js';
export { SIGNPOST_METRICS, SIGNPOST_RESPONSES, type SignpostResponse } from './model/parameters.js';
export type { Signpost } from './model/spec.js';
// Realisation after formalisation (mechanisms.realisation): delivery, satisfaction, drop-out, failure
export { realise, satisfaction } from './model/realisation.js';

// Randomness: seeded streams, one per purpose, and run seeds derived from (scenario seed, point, replicate)
export { deriveRunSeed, stream, normal, randomInt, type Rng, type Purpose } from './random/streams.js';

// Network: CSR storage and generators
export * from './network/index.js';

// Scenario: loading, validation, JSON Schema, sweep designs
export * from './scenario/index.js';

// Run: one run, the worker pool, streaming results, resume, manifest
export { executePlan, type ExecuteOptions, type ExecuteResult } from './run/execute.js';
export { mergeShards, type MergeResult } from './run/merge.js';
export { shardRanges, type Shard } from './run/shard.js';
export { runOne, runContext, type ModelFn, type RunContext } from './run/single.js';
export { batchSize, guidedBatches, missingRanges, type RunRange } from './run/jobs.js';
export { formatRun, formatFailure, headers, type RunRows, type RunIdentity } from './run/rows.js';
export { poolExecutor, type PoolOptions } from './run/pool.js';
export { inThreadExecutor } from './run/inThread.js';
export type { Executor, Sink, BatchRecorder } from './run/executor.js';
export { outDirProblems } from './run/outDir.js';
export { canonicalJson, scenarioHash, readManifest, SEED_RULE, type Manifest } from './run/manifest.js';
export { createProgress, type Progress, type ProgressOptions } from './run/progress.js';
export { UsageError } from './run/errors.js';

// Analysis: results folders, threshold-time curves with censoring, intervals, paired contrasts
export { readResultSet, ResultsError } from './analysis/readResults.js';
export { executeToResultSet } from './analysis/execute.js';
export { writeDataPackage } from './analysis/dataPackage.js';
export { ResultSetBuilder, type ResultSet } from './analysis/results.js';
export {
  OUTCOMES, type Realisation, alignedShare, coherentShare, reachedBy, recoveryWeeks, runView, censoredWeek, type Outcome, type OutcomeName, type RunView,
} from './analysis/outcomes.js';
export { writeSummary, summaryCsv, SUMMARY_COLUMNS } from './analysis/summary.js';
export { summarisePoints, type PointSummary } from './analysis/pointSummary.js';
export { kaplanMeier, medianTime, survivalAt } from './analysis/kaplanMeier.js';
export { reachCurve, type ReachCurve } from './analysis/reachCurve.js';
export { wilsonInterval } from './analysis/wilson.js';
export { tInterval, pairedDifference } from './analysis/tInterval.js';
export { pairedContrast, pairedContrasts, type PairedContrast } from './analysis/contrasts.js';
export { planContrasts, contrastsCsv, hasPlans, interventionWeeks, type PlanContrast, type InterventionWeek } from './analysis/planContrasts.js';

// Charts: Vega-Lite specs, rendering to SVG/PNG, the offline report
export { buildReport, chartsFor, chartContext } from './charts/report.js';
export { renderSvg, svgToPng, writeChart } from './charts/render.js';
export type { Chart, VegaLiteSpec } from './charts/chart.js';

// Patterns: the practice's patterns measured on common random numbers (docs/patterns.md)
export { runPatterns, type PatternOptions, type PatternResult, type SensitivityRow } from './patterns/run.js';
export { runGlobal, GLOBAL_BAND, type GlobalOptions, type GlobalRow, type GlobalShare } from './patterns/global.js';
export { PATTERNS, type PatternDef } from './patterns/definitions.js';
