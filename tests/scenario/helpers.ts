import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ScenarioError } from '../../src/scenario/errors.js';

/** A fresh temporary folder holding the given files (name → text); returns their paths. */
export function writeScenarios(files: Record<string, string>): Record<string, string> {
  const dir = mkdtempSync(join(tmpdir(), 'draagvlak-scenario-'));
  const paths: Record<string, string> = {};
  for (const [name, text] of Object.entries(files)) {
    paths[name] = join(dir, name);
    writeFileSync(paths[name], text);
  }
  return paths;
}

/** The ScenarioError a call throws (fails the test when it throws something else or nothing). */
export function scenarioErrorOf(fn: () => unknown): ScenarioError {
  try {
    fn();
  } catch (err) {
    if (err instanceof ScenarioError) return err;
    throw err;
  }
  throw new Error('expected a ScenarioError, but the scenario loaded');
}
