import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import seedrandom from 'seedrandom';
import { ResultSetBuilder, type ResultSet } from '../../src/analysis/results.js';
import { INITIATIVE_WEEK_METRICS, WEEK_METRICS } from '../../src/model/metrics.js';
import type { RunOutput } from '../../src/model/output.js';
import { defaultParameters, defaultRunSettings, type Parameters } from '../../src/model/parameters.js';
import { sampleWeeks } from '../../src/model/record.js';
import { executePlan } from '../../src/run/execute.js';
import type { ModelFn } from '../../src/run/single.js';
import type { RunPlan, Scenario } from '../../src/scenario/types.js';

/** One point of a synthetic result set. */
export interface SyntheticPoint {
  label: string;
  values?: Record<string, string | number>;
  /** Weekly chance that an initiative reaches the threshold. */
  hazard: number;
  /** Level trust drifts toward. */
  trust?: number;
  threshold?: number;
}

export interface SyntheticOptions {
  points: SyntheticPoint[];
  varied?: string[];
  replicates?: number;
  initiatives?: number;
  horizon?: number;
  sampleEvery?: number;
  seed?: number;
  scenario?: Record<string, unknown>;
  /** Leave the varied parameters out of the manifest, so the reader has to find them in the header. */
  manifestWithoutPlan?: boolean;
  /** Rewrite the manifest in the older flat shape (scenario fields at `scenario`, times at the top). */
  flatManifest?: boolean;
  /** false: no series (series.csv removed, no bands). */
  withSeries?: boolean;
}

/**
 * A stand-in for the model with known outcomes: each initiative reaches its threshold after a
 * geometric waiting time with the point's weekly hazard and formalises 20 weeks later; its support
 * share rises along a logistic curve through the threshold then; trust, cohesion and drive move
 * linearly toward the point's levels. Which point a run belongs to is told by its parameters.
 */
function syntheticModel(byParams: Map<Parameters, { point: number; spec: SyntheticPoint }>): ModelFn {
  return (params, settings, seed) => {
    const { point, spec } = byParams.get(params)!;
    const rng = seedrandom.xor4096(`synthetic/${seed}/${point}`);
    const n = params.population.neighbourhoods;
    const horizon = settings.horizon;
    const weeks = sampleWeeks(horizon, settings.sampleEvery);
    const S = weeks.length;
    const threshold = spec.threshold ?? 0.3;
    const reachedWeek = new Int32Array(n);
    for (let i = 0; i < n; i++) {
      const w = Math.ceil(Math.log(1 - rng()) / Math.log(1 - spec.hazard));
      reachedWeek[i] = w >= 1 && w <= horizon ? w : 0;
    }
    const formalisedWeek = reachedWeek.map((w) => (w > 0 && w + 20 <= horizon ? w + 20 : 0));
    const trustEnd = (spec.trust ?? 0.5) + (rng() - 0.5) * 0.05;
    const wobble = (rng() - 0.5) * 0.04;
    const series = new Float64Array(WEEK_METRICS.length * S);
    WEEK_METRICS.forEach((m, k) => {
      const target = m.column === 'trust_gov' ? trustEnd : m.column === 'cohesion' ? 0.5 + spec.hazard : m.column === 'drive' ? 0.3 + spec.hazard : 0.4;
      for (let s = 0; s < S; s++) series[k * S + s] = 0.5 + (target - 0.5) * (weeks[s] / horizon) + wobble * (weeks[s] / horizon);
    });
    const initiativeSeries = new Float64Array(n * INITIATIVE_WEEK_METRICS.length * S);
    for (let i = 0; i < n; i++) {
      const mid = reachedWeek[i] || horizon * 1.6;
      for (let s = 0; s < S; s++) initiativeSeries[i * S + s] = Math.min(1, ((threshold / (1 + Math.exp(-(weeks[s] - mid) / 12))) * 2 * 0.9 + 0.02));
    }
    const filled = (v: (i: number) => number) => Float64Array.from({ length: n }, (_, i) => v(i));
    return {
      horizon, weeks, series, initiativeSeries,
      initiatives: {
        neighbourhood: Int32Array.from({ length: n }, (_, i) => i),
        households: new Int32Array(n).fill(250),
        threshold: new Float64Array(n).fill(threshold),
        reachedWeek, formalisedWeek,
        supportShareFinal: filled((i) => (reachedWeek[i] === 0 ? threshold * 0.8 : threshold + 0.05)),
        progressFinal: new Float64Array(n).fill(0.5),
        alignmentFinal: new Float64Array(n).fill(0.5),
        membersFinal: Int32Array.from(reachedWeek, (w) => (w === 0 ? 60 : 88)),
        // no realisation phase: members at formalisation only
        membersAtFormalisation: Int32Array.from(formalisedWeek, (w) => (w === 0 ? 0 : 80)),
        deliveredWeek: new Int32Array(n),
        failedWeek: new Int32Array(n),
        droppedOut: new Int32Array(n),
        // the ones that reach it in the first three weeks started past their tipping point
        tippingWeek: Int32Array.from(reachedWeek, (w) => (w > 0 && w <= 3 ? w : 0)),
        decisionWeeks: Float64Array.from(reachedWeek, (w, i) => (w === 0 ? NaN : formalisedWeek[i] > 0 ? 20 : horizon - w)),
        // formalised 20 weeks after reaching: none is held at a clearance point
        blocked: new Int32Array(n),
      },
      interventionWeeks: new Int32Array(0),
    } satisfies RunOutput;
  };
}

/**
 * A small result set with outcomes drawn from a known model (syntheticModel), built the way a run
 * builds one: the runs go through the run pipeline in this thread, which writes the results folder
 * (`dir`, for the reader's tests) and fills the result set in memory.
 */
export async function syntheticResults(opts: SyntheticOptions, dir = mkdtempSync(join(tmpdir(), 'draagvlak-results-'))): Promise<ResultSet> {
  const { points, varied = [], replicates = 10, initiatives = 8, horizon = 156, sampleEvery = 4, seed = 7 } = opts;
  const scenario = {
    ...defaultRunSettings(), ...defaultParameters(), seed, replications: replicates, horizon, sampleEvery,
    name: 'Synthetic comparison', description: 'Made-up results for tests.', question: 'Which strategy gets initiatives to their support threshold?',
    ...opts.scenario,
  } as Scenario;
  const byParams = new Map<Parameters, { point: number; spec: SyntheticPoint }>();
  const plan: RunPlan = {
    scenario,
    varied,
    points: points.map((spec, index) => {
      const params = structuredClone(defaultParameters());
      params.population.neighbourhoods = initiatives;
      byParams.set(params, { point: index, spec });
      return { index, label: spec.label, values: spec.values ?? {}, params };
    }),
  };
  const collector = new ResultSetBuilder(plan);
  const result = await executePlan(plan, { out: dir, workers: 1, model: syntheticModel(byParams), quiet: true, handleSignals: false, collector, scenarioFile: 'scenarios/synthetic.yaml' });
  let manifest = result.manifest as unknown as Record<string, unknown>;
  if (opts.manifestWithoutPlan) delete manifest.varied;
  if (opts.flatManifest) {
    manifest = { scenario: { ...scenario }, hash: 'sha256:0123abcd', seed: 42, version: '0.1.0', commit: 'abc1234', runs: points.length * replicates, complete: true };
  }
  if (opts.manifestWithoutPlan || opts.flatManifest) writeFileSync(join(dir, 'manifest.json'), JSON.stringify(manifest, null, 2));
  const results = collector.finish(dir, manifest);
  if (opts.withSeries === false) {
    rmSync(join(dir, 'series.csv'));
    return { ...results, series: null };
  }
  return results;
}

/** The default comparison: classic, cooperative, laissez-faire. */
export function comparisonResults(extra: Partial<SyntheticOptions> = {}, dir?: string): Promise<ResultSet> {
  return syntheticResults({
    points: [
      { label: 'classic', hazard: 0.003, trust: 0.35 },
      { label: 'cooperative', hazard: 0.02, trust: 0.65 },
      { label: 'laissez-faire', hazard: 0.008, trust: 0.5 },
    ],
    scenario: { compare: ['classic', 'cooperative', 'laissez-faire'] },
    ...extra,
  }, dir);
}

/** A 3 × 3 sweep over steering and participation. */
export function sweepResults(extra: Partial<SyntheticOptions> = {}, dir?: string): Promise<ResultSet> {
  const points: SyntheticPoint[] = [];
  for (const steering of [0, 0.5, 1]) {
    for (const participation of [0, 0.5, 1]) {
      points.push({
        label: `steering=${steering}, participation=${participation}`,
        values: { 'strategy.steering': steering, 'strategy.participation': participation },
        hazard: 0.002 + 0.02 * participation * (1 - Math.abs(steering - 0.5)),
        trust: 0.3 + 0.4 * participation,
      });
    }
  }
  return syntheticResults({ points, varied: ['strategy.steering', 'strategy.participation'], replicates: 6, ...extra }, dir);
}
