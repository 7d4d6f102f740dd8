import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { scenarioOf } from '../analysis/results.js';
import { explorePlan } from '../explore/plan.js';
import { planRuns } from '../scenario/design.js';
import type { RunPlan, Scenario } from '../scenario/types.js';

/** The run plan of a scenario: its explore design when it has an `explore:` section, else its sweep, comparison and plans. */
export function scenarioPlan(scenario: Scenario, file: string): RunPlan {
  return scenario.explore ? explorePlan(scenario, file).plan : planRuns(scenario);
}

/** Whether a results folder holds an explore run (its scenario has an explore section). */
export function isExploreFolder(dir: string): boolean {
  try {
    return scenarioOf(JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as Record<string, unknown>).explore !== undefined;
  } catch {
    return false;
  }
}
