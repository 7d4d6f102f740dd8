import { availableParallelism } from 'node:os';
import { PATTERNS } from '../patterns/definitions.js';
import { runGlobal } from '../patterns/global.js';
import { patternPlan, patternScenarios, runPatterns, selectedPatterns, verdictSummary, EVIDENCE_NOTE } from '../patterns/run.js';
import { ScenarioError } from '../scenario/errors.js';

export interface PatternsCommandOptions {
  quick?: boolean;
  out?: string;
  workers?: number;
  /** false with --no-sensitivity. */
  sensitivity?: boolean;
  only?: string[];
  /** `--set path=value` overrides applied to every pattern's scenario. */
  set?: string[];
  /** `--global N`: also measure the patterns at N points of the global sample. */
  global?: number;
}

/**
 * `draagvlak patterns`: measures the patterns of docs/ODD.md §1 on the default model (with `--set`,
 * on the model so changed) and writes patterns.csv, patterns-sensitivity.csv, one chart per pattern
 * and, with `--global N`, the global sample's files. Exit 0 when done (whether or not every pattern
 * holds: the table says), 2 on an unknown pattern or an override no pattern scenario takes (one line
 * per problem, nothing written).
 */
export async function patternsCommand(options: PatternsCommandOptions): Promise<number> {
  const known = new Set(PATTERNS.map((p) => p.id));
  const unknown = (options.only ?? []).filter((id) => !known.has(id));
  if (unknown.length > 0) {
    process.stderr.write(`--only: no pattern ${unknown.map((u) => JSON.stringify(u)).join(', ')}; the patterns are ${[...known].join(', ')}\n`);
    return 2;
  }
  try {
    for (const def of selectedPatterns(options.only)) patternPlan(def, patternScenarios(), { replications: 1, set: options.set });
  } catch (err) {
    if (!(err instanceof ScenarioError)) throw err;
    process.stderr.write(`${err.message}\n`);
    return 2;
  }
  const started = Date.now();
  const out = options.out ?? 'results/patterns';
  const workers = options.workers ?? availableParallelism();
  const log = (line: string) => process.stderr.write(`${line}\n`);
  const { results } = await runPatterns({ quick: options.quick, out, workers, sensitivity: options.sensitivity, only: options.only, set: options.set, log });
  process.stdout.write(`${verdictSummary(results)}; ${out}/patterns.csv (${((Date.now() - started) / 1000).toFixed(0)} s)\n`);
  process.stdout.write(`${EVIDENCE_NOTE}\n`);
  if (options.global !== undefined) {
    const globalStarted = Date.now();
    const { shares } = await runGlobal({ points: options.global, out, workers, only: options.only, set: options.set, log });
    const line = shares.map((s) => `${s.pattern} ${s.held}/${s.points}`).join(', ');
    process.stdout.write(`across ${options.global} points of the global sample: ${line}; ${out}/patterns-global-share.csv (${((Date.now() - globalStarted) / 1000).toFixed(0)} s)\n`);
  }
  return 0;
}
