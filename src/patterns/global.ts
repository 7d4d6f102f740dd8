import { writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { csvText } from '../analysis/csvText.js';
import { wilsonInterval } from '../analysis/wilson.js';
import { writeChart } from '../charts/render.js';
import { rankCorrelation } from '../explore/analyse.js';
import { prim } from '../explore/prim.js';
import { sobolPoints } from '../explore/sobolSequence.js';
import { analysisStream } from '../random/streams.js';
import type { RunPlan } from '../scenario/types.js';
import { shareChart } from './charts.js';
import type { Effect, PatternDef } from './definitions.js';
import { holdsCell, measurePattern, num, patternPlan, patternScenarios, scaled, selectedPatterns } from './run.js';

/**
 * The global sample of the uncertainties (docs/patterns.md, "Across the uncertainty space"): every
 * parameter of the patterns' sensitivity lists, all changed at once, each by a factor in
 * [1 − GLOBAL_BAND, 1 + GLOBAL_BAND] of the value the pattern's scenario gives it (kept in its range,
 * whole numbers whole: `scaled`), on the points of a Sobol' sequence with a random digital shift.
 * At every point each pattern runs its own seeds (common random numbers: replicate r meets the same
 * neighbourhoods and people at every point), with only the points its primary effects need.
 */
export const GLOBAL_BAND = 0.2;

/** Seed of the digital shift of the sample (analysisStream `patterns/global`). */
export const GLOBAL_SEED = 2005;

export interface GlobalOptions {
  /** Points of the sample. */
  points: number;
  out?: string;
  workers: number;
  scenarios?: string;
  only?: string[];
  /** `path=value` overrides applied to every pattern before the sample's own. */
  set?: string[];
  /** Replications of every pattern (tests); default each pattern's `globalReplications`. */
  replications?: number;
  seed?: number;
  log?: (line: string) => void;
}

/** One primary effect of one pattern at one point of the sample. */
export interface GlobalRow extends Omit<Effect, 'primary'> {
  point: number;
  pattern: string;
  /** The value of each sampled parameter in this pattern's runs; null where the pattern varies it itself. */
  values: (number | null)[];
}

/** How a parameter separates the points where a pattern holds from those where it fails. */
export interface Separation {
  parameter: string;
  /** Spearman rank correlation of the parameter's factor with holding (1) against failing (0). */
  rankCorrelation: number;
  /** |rank correlation| beyond the 95 % band of independence, 1.96 / √(n − 1). */
  separates: boolean;
  /** PRIM's box of the failures (Friedman & Fisher 1999), on the factor, when it restricts this parameter with quasi-p < 0.05. */
  failsFrom?: number;
  failsTo?: number;
}

/** The share of the sampled space in which a pattern holds (all its primary effects' intervals above zero), with its Wilson 95 % interval. */
export interface GlobalShare {
  pattern: string;
  points: number;
  held: number;
  /** Points where every primary effect's mean is above zero, whether or not its interval is (the direction, apart from power). */
  positive: number;
  share: number;
  lo: number;
  hi: number;
  replications: number;
  separation: Separation[];
}

export const GLOBAL_COLUMNS = ['point', 'pattern', 'comparison', 'outcome', 'effect', 'lo', 'hi', 'replications', 'holds'] as const;
export const SHARE_COLUMNS = ['pattern', 'points', 'held', 'share', 'lo', 'hi', 'positive', 'replications'] as const;
export const SEPARATION_COLUMNS = ['pattern', 'parameter', 'rank_correlation', 'separates', 'fails_from', 'fails_to'] as const;

/** The sampled parameters: the union of the patterns' sensitivity lists, in the order first listed. */
export function globalParameters(defs: readonly PatternDef[]): string[] {
  return [...new Set(defs.flatMap((d) => d.sensitivity))];
}

/** n points × k factors, row-major, each factor in [1 − GLOBAL_BAND, 1 + GLOBAL_BAND]; the same for the same seed. */
export function globalFactors(n: number, k: number, seed = GLOBAL_SEED): Float64Array {
  const unit = sobolPoints(n, k, { shift: analysisStream(seed, 'patterns/global') });
  return unit.map((u) => 1 - GLOBAL_BAND + 2 * GLOBAL_BAND * u);
}

/** Whether the sample sets a parameter in a pattern: not when the pattern varies it (or, comparing presets, its strategy). */
export function sampledIn(plan: RunPlan, path: string): boolean {
  return !plan.varied.some((v) => v === path || path.startsWith(`${v}.`));
}

/**
 * One pattern at one point: its base plan (cut to the points its primary effects need) with every
 * sampled parameter it does not vary scaled by the point's factor, run on the pattern's own seeds.
 */
export async function measureAtPoint(def: PatternDef, base: RunPlan, dir: string, paths: readonly string[], factors: ArrayLike<number>, options: { replications: number; set?: string[]; workers: number }) {
  const values = paths.map((path, j) => (sampledIn(base, path) ? scaled(base, path, factors[j]) : null));
  const set = [...(options.set ?? []), ...paths.flatMap((path, j) => (values[j] === null ? [] : [`${path}=${values[j]}`]))];
  const plan = patternPlan(def, dir, { replications: options.replications, keepOnly: true, set });
  return { plan, values, ...(await measurePattern(def, plan, options.workers)) };
}

/** The share of points where each pattern holds, and which parameters separate holding from failing. */
export function globalShares(defs: readonly PatternDef[], paths: readonly string[], factors: Float64Array, rows: readonly GlobalRow[]): GlobalShare[] {
  const k = paths.length;
  return defs.map((def) => {
    const own = rows.filter((r) => r.pattern === def.id);
    const n = Math.max(0, ...own.map((r) => r.point + 1));
    const holds = new Uint8Array(n).fill(1);
    for (const r of own) if (r.holds !== true) holds[r.point] = 0;
    const held = holds.reduce((s, h) => s + h, 0);
    const negative = new Set(own.filter((r) => !(r.effect > 0)).map((r) => r.point));
    const { lo, hi } = wilsonInterval(held, n);
    const share: GlobalShare = { pattern: def.id, points: n, held, positive: n - negative.size, share: held / n, lo, hi, replications: own[0]?.replications ?? 0, separation: [] };
    if (held === 0 || held === n) return share;
    const sampled = paths.map((_, j) => j).filter((j) => own[0].values[j] !== null);
    const columns = sampled.map((j) => Float64Array.from({ length: n }, (_, p) => factors[p * k + j]));
    const fails = holds.map((h) => 1 - h);
    const box = prim(columns, fails);
    const band = 1.96 / Math.sqrt(n - 1);
    share.separation = sampled
      .map((j, c) => {
        const rho = rankCorrelation(columns[c], Float64Array.from(holds));
        const limit = box.limits.find((l) => l.factor === c && l.pValue < 0.05);
        return { parameter: paths[j], rankCorrelation: rho, separates: Math.abs(rho) > band, ...(limit ? { failsFrom: limit.lo, failsTo: limit.hi } : {}) };
      })
      .sort((a, b) => Math.abs(b.rankCorrelation) - Math.abs(a.rankCorrelation));
    return share;
  });
}

/**
 * `draagvlak patterns --global N`: measures every pattern's primary effects at N points of the
 * global sample and writes patterns-global.csv (one row per point × pattern × primary effect, with
 * the point's parameter values), patterns-global-share.csv (the share of points where each pattern
 * holds, Wilson 95 %), patterns-global-separation.csv and the chart patterns-global.
 */
export async function runGlobal(options: GlobalOptions): Promise<{ paths: string[]; factors: Float64Array; rows: GlobalRow[]; shares: GlobalShare[] }> {
  const dir = options.scenarios ? resolve(options.scenarios) : patternScenarios();
  const log = options.log ?? (() => {});
  const defs = selectedPatterns(options.only);
  const paths = globalParameters(defs);
  const k = paths.length;
  const n = options.points;
  const factors = globalFactors(n, k, options.seed);
  const bases = defs.map((def) => {
    const replications = options.replications ?? def.globalReplications;
    return { def, replications, base: patternPlan(def, dir, { replications, keepOnly: true, set: options.set }) };
  });
  const rows: GlobalRow[] = [];
  for (let p = 0; p < n; p++) {
    const started = Date.now();
    const verdicts: string[] = [];
    for (const { def, base, replications } of bases) {
      const { values, effects, verdict } = await measureAtPoint(def, base, dir, paths, factors.subarray(p * k, (p + 1) * k), { replications, set: options.set, workers: options.workers });
      for (const { primary, ...e } of effects) if (primary) rows.push({ point: p, pattern: def.id, ...e, values });
      verdicts.push(`${def.id} ${verdict}`);
    }
    log(`global point ${p + 1} of ${n}: ${verdicts.join(', ')} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
  }
  const shares = globalShares(defs, paths, factors, rows);
  for (const s of shares) {
    const separating = s.separation.filter((x) => x.separates).map((x) => `${x.parameter} ${x.rankCorrelation > 0 ? '+' : '−'}`);
    log(`${s.pattern}: holds at ${s.held} of ${s.points} points, ${pct(s.share)} (${pct(s.lo)} … ${pct(s.hi)}), every primary effect positive at ${s.positive}${separating.length ? `; separated by ${separating.join(', ')}` : ''}`);
  }
  if (options.out) writeGlobalFiles(resolve(options.out), paths, rows, shares);
  if (options.out) await writeChart(resolve(options.out), shareChart(shares, n, GLOBAL_BAND));
  return { paths, factors, rows, shares };
}

const pct = (x: number) => `${(100 * x).toFixed(0)} %`;

function writeGlobalFiles(out: string, paths: readonly string[], rows: readonly GlobalRow[], shares: readonly GlobalShare[]): void {
  writeFileSync(join(out, 'patterns-global.csv'), csvText([...GLOBAL_COLUMNS, ...paths], rows.map((r) => [
    r.point, r.pattern, r.comparison, r.outcome, num(r.effect), num(r.lo), num(r.hi), r.replications, holdsCell(r.holds), ...r.values,
  ])));
  writeFileSync(join(out, 'patterns-global-share.csv'), csvText(SHARE_COLUMNS, shares.map((s) => [s.pattern, s.points, s.held, num(s.share), num(s.lo), num(s.hi), s.positive, s.replications])));
  writeFileSync(join(out, 'patterns-global-separation.csv'), csvText(SEPARATION_COLUMNS, shares.flatMap((s) => s.separation.map((x) => [
    s.pattern, x.parameter, num(x.rankCorrelation), String(x.separates), x.failsFrom === undefined ? null : num(x.failsFrom), x.failsTo === undefined ? null : num(x.failsTo),
  ]))));
}
