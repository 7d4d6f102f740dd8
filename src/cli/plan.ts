import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { scenarioOf } from '../analysis/results.js';
import { explorePlan } from '../explore/plan.js';
import { planRuns } from '../scenario/design.js';
import { formatProblem, ScenarioError } from '../scenario/errors.js';
import { blameOptions, loadScenario, type LoadOptions } from '../scenario/load.js';
import { seriesProblem, type SeriesChoice } from '../run/resultFiles.js';
import type { RunPlan, Scenario } from '../scenario/types.js';

/**
 * The run plan of a scenario: its explore design when it has an `explore:` section, else its sweep,
 * comparison and plans. A problem the explore design finds in a field `options` gave (`--set`) is told
 * against that option, as loadScenario tells it.
 */
export function scenarioPlan(scenario: Scenario, file: string, options: LoadOptions = {}): RunPlan {
  if (!scenario.explore) return planRuns(scenario);
  try {
    return explorePlan(scenario, file).plan;
  } catch (err) {
    if (err instanceof ScenarioError) throw new ScenarioError(err.problems.map(blameOptions(file, options)));
    throw err;
  }
}

/**
 * The plan of a scenario file as `run` and `slurm` take it, with the options `given` (--set, --seed,
 * --replications), or undefined; each problem — the file's, or a `--series` thinning its sampling
 * cannot give — goes to `problems` as one line.
 */
export function filePlan(file: string, given: LoadOptions, series: SeriesChoice, problems: string[]): RunPlan | undefined {
  let plan;
  try {
    plan = scenarioPlan(loadScenario(file, given), file, given);
  } catch (err) {
    if (!(err instanceof ScenarioError)) throw err;
    problems.push(...err.problems.map(formatProblem));
    return undefined;
  }
  const thinning = seriesProblem(series, plan.scenario.sampleEvery);
  if (thinning) problems.push(thinning);
  return plan;
}

/** Whether a results folder holds an explore run (its scenario has an explore section). */
export function isExploreFolder(dir: string): boolean {
  try {
    return scenarioOf(JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as Record<string, unknown>).explore !== undefined;
  } catch {
    return false;
  }
}
