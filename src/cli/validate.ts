import { ScenarioError, formatProblem } from '../scenario/errors.js';
import { loadScenario } from '../scenario/load.js';
import { count } from './count.js';
import { scenarioPlan } from './plan.js';

/**
 * `draagvlak validate FILE…`: checks each scenario file, printing `ok FILE (n points × r replications)`
 * or one line per problem. Returns the exit code: 0 when every file is valid, 2 otherwise.
 */
export function validateCommand(files: string[]): number {
  if (files.length === 0) {
    process.stderr.write('draagvlak validate: name at least one scenario file\n');
    return 2;
  }
  let code = 0;
  for (const file of files) {
    try {
      const scenario = loadScenario(file);
      const points = scenarioPlan(scenario, file).points.length;
      process.stdout.write(`ok ${file} (${count(points, 'point')} × ${count(scenario.replications, 'replication')})\n`);
    } catch (err) {
      if (!(err instanceof ScenarioError)) throw err;
      for (const problem of err.problems) process.stderr.write(`${formatProblem(problem)}\n`);
      code = 2;
    }
  }
  return code;
}
