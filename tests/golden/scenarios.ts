import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { executePlan } from '../../src/run/execute.js';
import { runModel } from '../../src/model/run.js';
import { loadScenario } from '../../src/scenario/load.js';
import { planRuns } from '../../src/scenario/design.js';
import type { RunPlan } from '../../src/scenario/types.js';
import { explorePlan } from '../../src/explore/plan.js';

/** The project root and every shipped scenario file, relative to it. */
export const ROOT = resolve(import.meta.dirname, '../..');
export function shippedScenarios(): string[] {
  const dirs = ['scenarios', ...readdirSync(join(ROOT, 'scenarios'), { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => join('scenarios', d.name))];
  return dirs.flatMap((d) => readdirSync(join(ROOT, d)).filter((f) => f.endsWith('.yaml')).map((f) => join(d, f))).sort();
}

/** The result files whose bytes the golden check pins. */
export const PINNED = ['runs.csv', 'initiatives.csv', 'series.csv', 'interventions.csv', 'failures.csv'];

/** Runs a shipped scenario at 2 replications in this thread and returns a sha256 (16 hex) of each result file. */
export async function scenarioDigests(file: string): Promise<Record<string, string>> {
  const scenario = loadScenario(join(ROOT, file), { replications: 2 });
  const out = mkdtempSync(join(tmpdir(), 'draagvlak-golden-'));
  try {
    const plan = scenario.explore ? firstExplorePoints(explorePlan(scenario, file).plan) : planRuns(scenario);
    await executePlan(plan, { out, workers: 1, model: runModel, quiet: true, handleSignals: false, scenarioFile: relative(ROOT, file) });
    const digests: Record<string, string> = {};
    for (const f of PINNED) {
      const path = join(out, f);
      if (existsSync(path)) digests[f] = createHash('sha256').update(readFileSync(path)).digest('hex').slice(0, 16);
    }
    return digests;
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}

/**
 * An explore design runs hundreds of points; the golden check pins its first 20 (the design's
 * draws, the factor values and the runs they give) so that the suite stays quick.
 */
function firstExplorePoints(plan: RunPlan): RunPlan {
  return { ...plan, points: plan.points.slice(0, 20) };
}
