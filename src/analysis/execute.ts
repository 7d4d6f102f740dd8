import { executePlan, type ExecuteOptions, type ExecuteResult } from '../run/execute.js';
import type { RunPlan } from '../scenario/types.js';
import { finishFolder } from './folder.js';
import { readResultSet } from './readResults.js';
import { ResultSetBuilder, type ResultSet } from './results.js';

/**
 * Carries out a plan (executePlan) and hands back its result set with the execution's outcome: the
 * result set is built in memory as runs finish, or — when a resumed run met earlier runs only in
 * the files — read back from them. null when the run was interrupted, or for a shard.
 */
export async function executeToResultSet(plan: RunPlan, options: ExecuteOptions): Promise<{ result: ExecuteResult; results: ResultSet | null }> {
  const collector = new ResultSetBuilder(plan, options.output?.series);
  const result = await executePlan(plan, { ...options, collector });
  // a shard's runs stay parts until `draagvlak merge`: it has no result set of its own
  if (result.status !== 'complete' || options.shard) return { result, results: null };
  // Parquet (when asked for) and datapackage.json; the manifest as it then is
  const manifest = await finishFolder(result.out);
  const results = collector.complete && manifest ? collector.finish(result.out, manifest) : await readResultSet(result.out);
  return { result, results };
}
