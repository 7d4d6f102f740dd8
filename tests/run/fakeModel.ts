import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { defaultParameters } from '../../src/model/parameters.js';
import type { RunPlan, Scenario, ScenarioPoint } from '../../src/scenario/types.js';
import { defaultRunSettings } from '../../src/model/parameters.js';
import type { ModelFn } from '../../src/run/single.js';

/**
 * A tiny stand-in for the model, for testing the pipeline only: a deterministic RunOutput made
 * from the run seed and the point's steering, with some initiatives censored (week 0). Written as
 * plain JavaScript so worker threads can load it by URL as they load the built model.
 */
export const FAKE_MODEL_SOURCE = `
const METRICS = 15;
export function runModel(params, settings, seed, interventions = []) {
  let s = seed >>> 0;
  const next = () => { s = (Math.imul(s, 1664525) + 1013904223) >>> 0; return s / 4294967296; };
  const n = params.population.neighbourhoods;
  const weeks = [];
  for (let w = 0; w < settings.horizon; w += settings.sampleEvery) weeks.push(w);
  weeks.push(settings.horizon);
  const S = weeks.length;
  const series = new Float64Array(METRICS * S);
  for (let i = 0; i < series.length; i++) series[i] = next() * params.strategy.steering;
  const initiativeSeries = new Float64Array(n * S);
  for (let i = 0; i < initiativeSeries.length; i++) initiativeSeries[i] = next();
  const reachedWeek = new Int32Array(n);
  const formalisedWeek = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    reachedWeek[i] = next() < 0.6 ? 1 + Math.floor(next() * settings.horizon) : 0;
    formalisedWeek[i] = reachedWeek[i] > 0 && next() < 0.5 ? Math.min(settings.horizon, reachedWeek[i] + 1) : 0;
  }
  const f64 = () => Float64Array.from({ length: n }, () => next());
  return {
    horizon: settings.horizon,
    weeks: Int32Array.from(weeks),
    series,
    initiativeSeries,
    initiatives: {
      neighbourhood: Int32Array.from({ length: n }, (_, i) => i),
      households: Int32Array.from({ length: n }, () => params.population.households),
      threshold: Float64Array.from({ length: n }, () => params.initiative.threshold),
      reachedWeek, formalisedWeek,
      supportShareFinal: f64(), progressFinal: f64(), alignmentFinal: f64(),
      membersFinal: Int32Array.from({ length: n }, () => Math.floor(next() * params.population.households)),
      tippingWeek: Int32Array.from(reachedWeek, (w) => (w > 0 && w <= 3 ? w : 0)),
      decisionWeeks: Float64Array.from(reachedWeek, (w, i) => (w === 0 ? NaN : (formalisedWeek[i] || settings.horizon) - w)),
      blocked: Int32Array.from(formalisedWeek, (w, i) => (reachedWeek[i] > 0 && w === 0 ? 1 : 0)),
      membersAtFormalisation: new Int32Array(n), deliveredWeek: new Int32Array(n), failedWeek: new Int32Array(n), droppedOut: new Int32Array(n),
    },
    interventionWeeks: new Int32Array(interventions.length),
  };
}
`;

/** Writes the fake model to a temp file; returns its URL and the imported function. */
export async function fakeModel(): Promise<{ url: string; runModel: ModelFn }> {
  const dir = mkdtempSync(join(tmpdir(), 'draagvlak-fake-'));
  const file = join(dir, 'fakeModel.mjs');
  writeFileSync(file, FAKE_MODEL_SOURCE);
  const url = pathToFileURL(file).href;
  const mod = (await import(url)) as { runModel: ModelFn };
  return { url, runModel: mod.runModel };
}

/** A sweep plan over steering with `points` points, built by hand (no scenario file). */
export function fakePlan(points: number, replications: number, seed = 7): RunPlan {
  const scenario: Scenario = {
    ...defaultRunSettings(),
    ...defaultParameters(),
    seed,
    replications,
    horizon: 12,
    sampleEvery: 4,
    name: 'fake, "quoted"',
    description: 'pipeline test',
    question: 'does the pipeline keep every byte?',
  };
  scenario.population = { ...scenario.population, neighbourhoods: 3 };
  const list: ScenarioPoint[] = [];
  for (let p = 0; p < points; p++) {
    const steering = p / Math.max(1, points - 1);
    const params = structuredClone(defaultParameters());
    params.population.neighbourhoods = 3;
    params.strategy.steering = steering;
    list.push({ index: p, label: `steering=${steering}, run`, values: { 'strategy.steering': steering }, params });
  }
  return { scenario, varied: ['strategy.steering'], points: list };
}
