import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { csvText } from '../analysis/csvText.js';
import { writeChart } from '../charts/render.js';
import { parameterSpec } from '../charts/theme.js';
import { packageRoot } from '../run/manifest.js';
import { getParam } from '../scenario/paths.js';
import { loadScenario } from '../scenario/load.js';
import { planRuns } from '../scenario/design.js';
import type { RunPlan } from '../scenario/types.js';
import { collectRuns } from './collect.js';
import { PATTERNS, type Effect, type PatternDef } from './definitions.js';

/**
 * Sizes of the full and the quick run. Both run each scenario with its file's replications; quick
 * runs only the points the primary effects need (the same runs, on the same seeds, so the same
 * verdicts as the full run, with thinner charts) and re-checks only each pattern's first
 * sensitivity parameter, with 12 replications. Full re-checks every sensitivity parameter with the
 * pattern's own `sensitivityReplications`.
 */
export const SIZES: Record<'full' | 'quick', { keepOnly: boolean; sensitivityReplications?: number; sensitivityParameters: number }> = {
  full: { keepOnly: false, sensitivityParameters: Infinity },
  quick: { keepOnly: true, sensitivityReplications: 12, sensitivityParameters: 1 },
};

/** The pattern scenarios, shipped with the package in scenarios/patterns: found from the package, not the working directory. */
export const patternScenarios = (): string => join(packageRoot(), 'scenarios', 'patterns');

export interface PatternOptions {
  quick?: boolean;
  /** Folder for patterns.csv, patterns-sensitivity.csv and the charts. */
  out?: string;
  /** Worker threads; 0 runs in this thread. */
  workers: number;
  /** Where the scenario files are (default: the package's scenarios/patterns, patternScenarios()). */
  scenarios?: string;
  /** Skip the sensitivity check. */
  sensitivity?: boolean;
  /** Only these patterns (ids). */
  only?: string[];
  /** `path=value` overrides applied to every pattern's scenario (e.g. `mechanisms.agendas=true`), before any re-check's own. */
  set?: string[];
  log?: (line: string) => void;
}

export interface PatternResult {
  pattern: PatternDef;
  /** The plan it ran (with the command's overrides). */
  plan: RunPlan;
  effects: Effect[];
  /** Every primary effect's interval lies above zero. */
  holds: boolean;
  verdict: Verdict;
}

/**
 * A pattern's verdict from its primary effects: it *holds* when every interval lies above zero; it is
 * *not shown* when one reaches zero or below (the data do not show it, which is not evidence that it
 * is absent); it has *no interval* when none reaches zero but one has no interval (fewer than two
 * replicates, or a measure undefined in some replicate).
 */
export type Verdict = 'holds' | 'not shown' | 'no interval';

export function verdictOf(effects: readonly Effect[]): Verdict {
  const primary = effects.filter((e) => e.primary);
  if (primary.some((e) => e.holds === false)) return 'not shown';
  if (primary.some((e) => e.holds === null)) return 'no interval';
  return 'holds';
}

/** How a verdict reads in the command's log and summary. */
export const VERDICT_TEXT: Record<Verdict, string> = {
  holds: 'holds (every primary 95 % interval above 0)',
  'not shown': 'not shown (a primary 95 % interval reaches 0 or below)',
  'no interval': 'no verdict (no interval: fewer than two replications)',
};

export interface SensitivityRow {
  pattern: string;
  parameter: string;
  factor: number;
  value: number;
  comparison: string;
  effect: number;
  lo: number;
  hi: number;
  replications: number;
  holds: boolean | null;
}

export const PATTERN_COLUMNS = ['pattern', 'comparison', 'outcome', 'effect', 'lo', 'hi', 'replications', 'holds', 'primary'] as const;
export const SENSITIVITY_COLUMNS = ['pattern', 'parameter', 'factor', 'value', 'comparison', 'effect', 'lo', 'hi', 'replications', 'holds'] as const;

/** A pattern's plan: its scenario file with overrides, cut to the points the primary effects need when `keepOnly`. */
export function patternPlan(def: PatternDef, dir: string, options: { replications?: number; set?: string[]; keepOnly?: boolean }): RunPlan {
  const scenario = loadScenario(join(dir, def.file), { replications: options.replications, set: options.set });
  const plan = planRuns(scenario);
  if (!options.keepOnly || !def.keep) return plan;
  // With common random numbers a run's seed depends on the replicate only, so dropping points
  // leaves every remaining run exactly as it was.
  const points = plan.points.filter(def.keep).map((p, index) => ({ ...p, index }));
  return { ...plan, points };
}

/** Runs one pattern and measures its effects. */
export async function measurePattern(def: PatternDef, plan: RunPlan, workers: number) {
  const runs = await collectRuns(plan, workers);
  const effects = def.measure(plan, runs);
  const verdict = verdictOf(effects);
  return { runs, effects, verdict, holds: verdict === 'holds' };
}

/** A number parameter ±20 %, kept in its range (whole numbers stay whole); any other path is an error. */
export function scaled(plan: RunPlan, path: string, factor: number): number {
  const base = getParam(plan.points[0].params, path);
  const spec = parameterSpec(path);
  if (spec?.kind !== 'number' || typeof base !== 'number') throw new Error(`sensitivity: ${path} is not a number parameter of the model`);
  let v = base * factor;
  if (spec.integer) v = Math.round(v);
  v = Math.min(spec.max, Math.max(spec.min, v));
  return Number(v.toFixed(6));
}

/** The patterns named by `--only`, or all. */
export const selectedPatterns = (only?: readonly string[]): PatternDef[] => PATTERNS.filter((p) => !only?.length || only.includes(p.id));

export const num = (x: number) => (Number.isFinite(x) ? Number(x.toFixed(4)) : null);

/** An effect's `holds` in the CSV files: true, false, or empty where there is no interval. */
export const holdsCell = (holds: boolean | null) => (holds === null ? null : String(holds));

/** What the closing count does not say: the patterns were used to build the model, so holding is not validation. */
export const EVIDENCE_NOTE = 'Each pattern holds by construction or was calibrated to hold, at least in part: they are calibration targets, not validation (docs/patterns.md, "What kind of evidence each pattern is").';

/** The command's closing count: how many patterns hold, and how many are not shown or have no verdict. */
export function verdictSummary(results: readonly { verdict: Verdict }[]): string {
  const count = (v: Verdict) => results.filter((r) => r.verdict === v).length;
  const notShown = count('not shown');
  const none = count('no interval');
  return [
    `${count('holds')} of ${results.length} patterns hold`,
    ...(notShown > 0 ? [`${notShown} not shown`] : []),
    ...(none > 0 ? [`${none} without a verdict (fewer than two replications)`] : []),
  ].join(', ');
}

/**
 * `draagvlak patterns`: runs every pattern's scenario, writes patterns.csv with each effect and its
 * 95 % interval on common random numbers, one chart per pattern, and (unless switched off) the
 * one-at-a-time ±20 % sensitivity check in patterns-sensitivity.csv.
 */
export async function runPatterns(options: PatternOptions): Promise<{ results: PatternResult[]; sensitivity: SensitivityRow[] }> {
  const size = options.quick ? SIZES.quick : SIZES.full;
  const dir = options.scenarios ? resolve(options.scenarios) : patternScenarios();
  const log = options.log ?? (() => {});
  const defs = selectedPatterns(options.only);
  const results: PatternResult[] = [];
  const out = options.out ? resolve(options.out) : undefined;
  if (out) mkdirSync(out, { recursive: true });

  for (const def of defs) {
    const started = Date.now();
    const plan = patternPlan(def, dir, { keepOnly: size.keepOnly, set: options.set });
    const { runs, effects, holds, verdict } = await measurePattern(def, plan, options.workers);
    results.push({ pattern: def, plan, effects, holds, verdict });
    log(`${def.id}: ${VERDICT_TEXT[verdict]}; ${def.label} (${plan.points.length * plan.scenario.replications} runs, ${((Date.now() - started) / 1000).toFixed(1)} s)`);
    for (const e of effects) log(`  ${e.primary ? '*' : ' '} ${e.comparison}: ${e.effect.toFixed(3)} ${e.holds === null ? '(no interval)' : `[${e.lo.toFixed(3)}, ${e.hi.toFixed(3)}]`} ${e.outcome}`);
    if (out) await writeChart(out, def.chart(plan, runs, effects));
  }
  if (out) {
    const rows = results.flatMap((r) => r.effects.map((e) => [r.pattern.id, e.comparison, e.outcome, num(e.effect), num(e.lo), num(e.hi), e.replications, holdsCell(e.holds), String(e.primary)]));
    writeFileSync(join(out, 'patterns.csv'), csvText(PATTERN_COLUMNS, rows));
  }

  const sensitivity: SensitivityRow[] = [];
  if (options.sensitivity !== false) {
    for (const def of defs) {
      const started = Date.now();
      const replications = size.sensitivityReplications ?? def.sensitivityReplications;
      const base = patternPlan(def, dir, { replications, keepOnly: true, set: options.set });
      for (const path of def.sensitivity.slice(0, size.sensitivityParameters)) {
        for (const factor of [0.8, 1.2]) {
          const value = scaled(base, path, factor);
          const plan = patternPlan(def, dir, { replications, keepOnly: true, set: [...(options.set ?? []), `${path}=${value}`] });
          const { effects } = await measurePattern(def, plan, options.workers);
          for (const e of effects.filter((x) => x.primary)) {
            sensitivity.push({ pattern: def.id, parameter: path, factor, value, comparison: e.comparison, effect: e.effect, lo: e.lo, hi: e.hi, replications: e.replications, holds: e.holds });
          }
        }
      }
      log(`${def.id}: sensitivity done (${((Date.now() - started) / 1000).toFixed(1)} s)`);
    }
    if (out) {
      const rows = sensitivity.map((s) => [s.pattern, s.parameter, s.factor, s.value, s.comparison, num(s.effect), num(s.lo), num(s.hi), s.replications, holdsCell(s.holds)]);
      writeFileSync(join(out, 'patterns-sensitivity.csv'), csvText(SENSITIVITY_COLUMNS, rows));
    }
  }
  return { results, sensitivity };
}
