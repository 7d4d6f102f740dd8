import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { outcomeByGroup, outcomeDefinition, type OutcomeData } from '../analysis/pooledOutcomes.js';
import { ResultsError } from '../analysis/readResults.js';
import { scenarioOf } from '../analysis/results.js';
import { analysisStream } from '../random/streams.js';
import type { Scenario } from '../scenario/types.js';
import { bootstrap, type Interval } from './bootstrap.js';
import { elementaryEffects, morrisMeasures } from './morris.js';
import { explorePlan, factorValue, type ExploreDesign, type Factor } from './plan.js';
import { prim, type PrimResult } from './prim.js';
import { sobolIndices } from './sobolIndices.js';

/** One row of indices.csv. */
export interface IndexRow {
  method: string;
  outcome: string;
  factor: string;
  kind: Factor['kind'];
  /** S1, ST (sobol); mu, mu_star, sigma (morris); srrc (lhs). */
  index: string;
  estimate: number;
  lo: number;
  hi: number;
}

/** What one outcome looked like over the design. */
export interface OutcomeSummary {
  outcome: string;
  title: string;
  mean: number;
  sd: number;
  /** Share of the variance of the point values that is run-to-run noise (replication noise / R over the variance between points). */
  noiseShare: number;
  /** Points whose value is censored (median not reached: set to the horizon). */
  censoredPoints: number;
}

export interface ExploreAnalysis {
  design: ExploreDesign;
  scenario: Scenario;
  replications: number;
  /** Factor values per point (row-major, k per point). */
  x: Float64Array;
  /** Outcome values per point, by outcome name. */
  y: Map<string, Float64Array>;
  indices: IndexRow[];
  outcomes: OutcomeSummary[];
  prim?: { outcome: string; case: string; result: PrimResult; cases: number };
}

/** The columns of runs.csv and initiatives.csv explore reads, as typed arrays. */
export function readOutcomeData(dir: string, scenario: Scenario, design: ExploreDesign, points: number): OutcomeData {
  const R = scenario.replications;
  const runs = points * R;
  const table = (name: string, columns: string[]) => {
    const path = join(dir, name);
    let text: string;
    try {
      text = readFileSync(path, 'utf8');
    } catch {
      throw new ResultsError(`${path}: cannot be read (is this a complete explore results folder?)`);
    }
    const lines = text.split('\n');
    const header = lines[0].split(',');
    const at = columns.map((c) => header.indexOf(c));
    const missing = columns.filter((_, i) => at[i] < 0);
    if (missing.length) throw new ResultsError(`${path}: missing column ${missing.join(', ')}`);
    const rows = lines.length - 1 - (lines[lines.length - 1] === '' ? 1 : 0);
    const cols = columns.map(() => new Float64Array(rows));
    for (let r = 0; r < rows; r++) {
      const cells = lines[r + 1].split(',');
      for (let c = 0; c < columns.length; c++) {
        const v = cells[at[c]];
        cols[c][r] = v === '' ? NaN : Number(v);
      }
    }
    return cols;
  };
  const [runPoint, runReplicate, trust] = table('runs.csv', ['point', 'replicate', 'trust_gov_final']);
  if (runPoint.length !== runs) throw new ResultsError(`${join(dir, 'runs.csv')}: ${runPoint.length} runs, expected ${runs} (${points} points × ${R} replications); failed runs leave explore incomplete`);
  const trustFinal = new Float64Array(runs).fill(NaN);
  for (let i = 0; i < runs; i++) trustFinal[runPoint[i] * R + runReplicate[i]] = trust[i];
  const [point, replicate, reached, formalised, alignment] = table('initiatives.csv', ['point', 'replicate', 'reached_week', 'formalised_week', 'alignment_final']);
  const runOf = new Uint32Array(point.length);
  for (let i = 0; i < point.length; i++) runOf[i] = point[i] * R + replicate[i];
  const alignedAtFactor = design.factors.findIndex((f) => f.path === 'initiative.alignedAt');
  const k = design.factors.length;
  const alignedAt = new Float64Array(runs);
  for (let r = 0; r < runs; r++) {
    const p = Math.floor(r / R);
    alignedAt[r] = alignedAtFactor >= 0 ? factorValue(design.factors[alignedAtFactor], design.unit[p * k + alignedAtFactor]) : scenario.initiative.alignedAt;
  }
  return { horizon: scenario.horizon, runs, runOf, reachedWeek: reached, formalisedWeek: formalised, alignment, alignedAt, trustFinal };
}

/**
 * Analyses explore outcomes: for every outcome, its value at each design point (pooled over the
 * point's replications), the sensitivity indices of the method with bootstrap intervals, the
 * share of its variance that is run-to-run noise, and PRIM on the case of interest.
 */
export function analyseOutcomes(design: ExploreDesign, scenario: Scenario, data: OutcomeData): ExploreAnalysis {
  const k = design.factors.length;
  const points = design.unit.length / k;
  const R = scenario.replications;
  const pointOfRun = Uint32Array.from({ length: data.runs }, (_, r) => Math.floor(r / R));
  const eachRun = Uint32Array.from({ length: data.runs }, (_, r) => r);
  const x = new Float64Array(points * k);
  for (let p = 0; p < points; p++) for (let i = 0; i < k; i++) x[p * k + i] = factorValue(design.factors[i], design.unit[p * k + i]);

  const y = new Map<string, Float64Array>();
  const indices: IndexRow[] = [];
  const outcomes: OutcomeSummary[] = [];
  for (const name of design.outcomes) {
    const byPoint = outcomeByGroup(name, data, pointOfRun, points);
    const values = byPoint.values;
    y.set(name, values);
    const byRun = outcomeByGroup(name, data, eachRun, data.runs).values;
    const { mean, variance } = meanVariance(values);
    outcomes.push({
      outcome: name,
      title: outcomeDefinition(name, scenario.horizon)!.title,
      mean,
      sd: Math.sqrt(variance),
      noiseShare: noiseShare(byRun, points, R, variance),
      censoredPoints: byPoint.censored.reduce((s, c) => s + c, 0),
    });
    if (values.some((v) => Number.isNaN(v))) continue;
    indices.push(...indicesOf(design, x, name, values));
  }

  let primResult: ExploreAnalysis['prim'];
  if (design.discover) {
    const d = design.discover;
    const values = y.get(d.outcome)!;
    const flags = Uint8Array.from(values, (v) => (d.below !== undefined ? v < d.below : v > (d.above as number)) ? 1 : 0);
    const cases = flags.reduce((s, f) => s + f, 0);
    const caseText = `${d.outcome} ${d.below !== undefined ? `below ${d.below}` : `above ${d.above}`}`;
    if (cases > 0) {
      const columns = design.factors.map((_, i) => Float64Array.from({ length: points }, (_, p) => x[p * k + i]));
      primResult = { outcome: d.outcome, case: caseText, result: prim(columns, flags), cases };
    }
  }
  return { design, scenario, replications: R, x, y, indices, outcomes, prim: primResult };
}

function meanVariance(v: ArrayLike<number>): { mean: number; variance: number } {
  let sum = 0;
  for (let i = 0; i < v.length; i++) sum += v[i];
  const mean = sum / v.length;
  let sq = 0;
  for (let i = 0; i < v.length; i++) sq += (v[i] - mean) ** 2;
  return { mean, variance: v.length > 1 ? sq / (v.length - 1) : 0 };
}

/**
 * The share of the variance between point values that replication noise accounts for: the mean
 * within-point variance of the run values divided by R (the noise left in a mean over R runs), over
 * the variance of the point values. Near 0: the points differ for real; near 1: mostly noise.
 */
function noiseShare(byRun: Float64Array, points: number, R: number, betweenVariance: number): number {
  if (R < 2 || !(betweenVariance > 0)) return NaN;
  let within = 0;
  let counted = 0;
  for (let p = 0; p < points; p++) {
    const runs = byRun.subarray(p * R, p * R + R);
    const { variance } = meanVariance(runs);
    if (Number.isNaN(variance)) continue;
    within += variance;
    counted++;
  }
  return Math.min(1, within / counted / R / betweenVariance);
}

/** `x`: the factors' values at each point (row-major, k per point). */
function indicesOf(design: ExploreDesign, x: Float64Array, outcome: string, y: Float64Array): IndexRow[] {
  const k = design.factors.length;
  const rng = analysisStream(design.seed, `explore/bootstrap/${outcome}`);
  const rows: IndexRow[] = [];
  const push = (index: string, intervals: Interval[]) =>
    intervals.forEach((iv, i) => rows.push({ method: design.method, outcome, factor: design.factors[i].path, kind: design.factors[i].kind, index, ...iv }));
  switch (design.method) {
    case 'sobol': {
      const s = sobolIndices(y, k, rng, design.bootstrap);
      push('S1', s.first);
      push('ST', s.total);
      break;
    }
    case 'morris': {
      // Steps as the share of its range a factor's value moved: a whole-number factor's value does
      // not move by exactly Δ of its range (parties 1–8 on 4 levels are 1, 3, 6, 8: a step of 5/7).
      const shares = Float64Array.from(design.unit, (u, j) => {
        const f = design.factors[j % k];
        return f.integer ? (x[j] - f.from) / (f.to - f.from) : u;
      });
      const m = morrisMeasures(elementaryEffects(shares, y, design.size, k), design.size, k, rng, design.bootstrap);
      push('mu', m.mu);
      push('mu_star', m.muStar);
      push('sigma', m.sigma);
      break;
    }
    case 'lhs':
      push('srrc', rankRegression(design.unit, y, k, rng, design.bootstrap));
      break;
  }
  return rows;
}

/**
 * Standardised rank regression coefficients (Saltelli et al. 2008 §1.2.5; Iman & Conover 1979):
 * the outcome's ranks regressed on the factors' ranks, all standardised; bootstrap over points.
 */
export function rankRegression(unit: Float64Array, y: Float64Array, k: number, rng: ReturnType<typeof analysisStream>, resamples: number): Interval[] {
  const n = y.length;
  const rx = Array.from({ length: k }, (_, i) => ranks(Float64Array.from({ length: n }, (_, p) => unit[p * k + i])));
  const ry = ranks(y);
  const statistic = (units: Uint32Array, into: Float64Array) => {
    const m = units.length;
    // Standardise on the resample, then solve the normal equations (X'X) b = X'y.
    const mx = new Float64Array(k);
    const sx = new Float64Array(k);
    let my = 0;
    let sy = 0;
    for (const u of units) my += ry[u];
    my /= m;
    for (const u of units) sy += (ry[u] - my) ** 2;
    sy = Math.sqrt(sy / m);
    for (let i = 0; i < k; i++) {
      for (const u of units) mx[i] += rx[i][u];
      mx[i] /= m;
      for (const u of units) sx[i] += (rx[i][u] - mx[i]) ** 2;
      sx[i] = Math.sqrt(sx[i] / m);
    }
    const a = new Float64Array(k * (k + 1));
    for (const u of units) {
      const yz = sy > 0 ? (ry[u] - my) / sy : 0;
      for (let i = 0; i < k; i++) {
        const xi = sx[i] > 0 ? (rx[i][u] - mx[i]) / sx[i] : 0;
        for (let j = 0; j < k; j++) a[i * (k + 1) + j] += xi * (sx[j] > 0 ? (rx[j][u] - mx[j]) / sx[j] : 0);
        a[i * (k + 1) + k] += xi * yz;
      }
    }
    solve(a, k, into);
  };
  return bootstrap(n, k, statistic, rng, resamples);
}

/** Spearman's rank correlation: the Pearson correlation of the average ranks; 0 when either is constant. */
export function rankCorrelation(x: Float64Array, y: Float64Array): number {
  const rx = ranks(x);
  const ry = ranks(y);
  const n = x.length;
  const mx = rx.reduce((s, v) => s + v, 0) / n;
  const my = ry.reduce((s, v) => s + v, 0) / n;
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (let i = 0; i < n; i++) {
    sxy += (rx[i] - mx) * (ry[i] - my);
    sxx += (rx[i] - mx) ** 2;
    syy += (ry[i] - my) ** 2;
  }
  return sxx > 0 && syy > 0 ? sxy / Math.sqrt(sxx * syy) : 0;
}

/** Average ranks (ties share their mean rank), 1-based. */
function ranks(v: Float64Array): Float64Array {
  const order = Array.from({ length: v.length }, (_, i) => i).sort((a, b) => v[a] - v[b]);
  const r = new Float64Array(v.length);
  for (let i = 0; i < order.length; ) {
    let j = i;
    while (j + 1 < order.length && v[order[j + 1]] === v[order[i]]) j++;
    for (let t = i; t <= j; t++) r[order[t]] = (i + j) / 2 + 1;
    i = j + 1;
  }
  return r;
}

/** Gaussian elimination with partial pivoting on an augmented k × (k + 1) matrix; a singular column gets 0. */
function solve(a: Float64Array, k: number, into: Float64Array): void {
  const w = k + 1;
  for (let c = 0; c < k; c++) {
    let pivot = c;
    for (let r = c + 1; r < k; r++) if (Math.abs(a[r * w + c]) > Math.abs(a[pivot * w + c])) pivot = r;
    if (Math.abs(a[pivot * w + c]) < 1e-12) continue;
    for (let j = 0; j < w; j++) [a[c * w + j], a[pivot * w + j]] = [a[pivot * w + j], a[c * w + j]];
    for (let r = 0; r < k; r++) {
      if (r === c) continue;
      const f = a[r * w + c] / a[c * w + c];
      if (f !== 0) for (let j = c; j < w; j++) a[r * w + j] -= f * a[c * w + j];
    }
  }
  for (let i = 0; i < k; i++) into[i] = Math.abs(a[i * w + i]) < 1e-12 ? 0 : a[i * w + k] / a[i * w + i];
}

/** The explore design and outcome columns of a complete explore results folder. */
export function loadExplore(dir: string): ExploreAnalysis {
  let manifest: Record<string, unknown>;
  try {
    manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as Record<string, unknown>;
  } catch {
    throw new ResultsError(`${join(dir, 'manifest.json')}: cannot be read`);
  }
  const scenario = scenarioOf(manifest) as unknown as Scenario;
  if (!scenario.explore) throw new ResultsError(`${dir}: not an explore results folder (its scenario has no explore section)`);
  const { design, plan } = explorePlan(scenario, join(dir, 'manifest.json'));
  return analyseOutcomes(design, scenario, readOutcomeData(dir, scenario, design, plan.points.length));
}
