import { defaultParameters, type Parameters } from '../../src/model/parameters.js';
import type { Intervention } from '../../src/model/interventions/types.js';
import { runModel } from '../../src/model/run.js';
import type { RunOutput } from '../../src/model/output.js';

/** A small world that runs in milliseconds: three neighbourhoods of 60 households. */
export function smallParams(): Parameters {
  const p = defaultParameters();
  p.population.neighbourhoods = 3;
  p.population.households = 60;
  p.network.degree = 6;
  return p;
}

export const SETTINGS = { horizon: 60, sampleEvery: 1 };

/** One run of `params` under a timeline, with the weeks each entry applied. */
export function runWith(entries: Intervention[], runSeed: number, params: Parameters = smallParams()): RunOutput {
  return runModel(params, SETTINGS, runSeed, entries);
}

/** The recorded series up to (not including) week `t`: every metric's values at weeks < t. */
export function seriesBefore(out: RunOutput, t: number): number[] {
  const samples = out.weeks.length;
  const values: number[] = [];
  const metrics = out.series.length / samples;
  for (let m = 0; m < metrics; m++) for (let s = 0; s < samples; s++) if (out.weeks[s] < t) values.push(out.series[m * samples + s]);
  return values;
}

/** The series at weeks ≥ t. */
export function seriesFrom(out: RunOutput, t: number): number[] {
  const samples = out.weeks.length;
  const values: number[] = [];
  const metrics = out.series.length / samples;
  for (let m = 0; m < metrics; m++) for (let s = 0; s < samples; s++) if (out.weeks[s] >= t) values.push(out.series[m * samples + s]);
  return values;
}
