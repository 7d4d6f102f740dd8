/**
 * What one run hands back: typed arrays only, so a worker can transfer them without copying.
 * The result writer turns them into rows of runs.csv, initiatives.csv and series.csv.
 */

/** World-level metrics recorded every `sampleEvery` weeks, in this order (names as in series.csv). */
export const SERIES_METRICS = [
  'support', // mean support of residents
  'committed_share', // committed households over all households
  'trust_gov', // mean trust in government
  'belonging', // mean belonging
  'cohesion', // mean neighbourhood cohesion
  'drive', // mean drive
  'awareness', // mean awareness
  'pressure', // mean pressure felt by residents
  'presence', // mean official presence
  'orientation', // mean official orientation (1 = top-down)
  'trust_in_residents', // mean official trust in residents
  'reached_share', // share of initiatives that have reached their threshold
  'formalised_share', // share of initiatives formalised
  'alignment', // mean initiative alignment
  'progress', // mean initiative progress
] as const;
export type SeriesMetric = (typeof SERIES_METRICS)[number];

/** Per-initiative metrics recorded every `sampleEvery` weeks (series.csv rows with an initiative). */
export const INITIATIVE_METRICS = ['support_share'] as const;
export type InitiativeMetric = (typeof INITIATIVE_METRICS)[number];

export interface InitiativeOutcomes {
  /** Neighbourhood index of each initiative. */
  neighbourhood: Int32Array;
  /** Households in its catchment. */
  households: Int32Array;
  /** Its support threshold (share). */
  threshold: Float64Array;
  /** Week (1..horizon) it first reached the threshold; 0 when it never did (censored). */
  reachedWeek: Int32Array;
  /** Week it formalised; 0 when it never did. */
  formalisedWeek: Int32Array;
  supportShareFinal: Float64Array;
  progressFinal: Float64Array;
  alignmentFinal: Float64Array;
}

export interface RunOutput {
  horizon: number;
  /** The weeks at which series were recorded: 0 (the initial state), every sampleEvery weeks, and the horizon. */
  weeks: Int32Array;
  /** World series, metric-major: value of SERIES_METRICS[m] at weeks[s] is series[m * weeks.length + s]. */
  series: Float64Array;
  /** Initiative series: [initiative][metric][sample] flattened. */
  initiativeSeries: Float64Array;
  initiatives: InitiativeOutcomes;
  /** End-of-run world values for runs.csv. */
  final: {
    trustGov: number;
    cohesion: number;
    drive: number;
    support: number;
    committedShare: number;
  };
  /** Per entry of the run's intervention timeline, the week (1..horizon) it first applied; 0 when it never did. */
  interventionWeeks: Int32Array;
}

/** The typed arrays of an output, for `postMessage(output, transferList(output))`. */
export function transferList(out: RunOutput): ArrayBuffer[] {
  const i = out.initiatives;
  return [
    out.weeks, out.series, out.initiativeSeries, i.neighbourhood, i.households, i.threshold, i.reachedWeek,
    i.formalisedWeek, i.supportShareFinal, i.progressFinal, i.alignmentFinal, out.interventionWeeks,
  ].map((a) => a.buffer as ArrayBuffer);
}
