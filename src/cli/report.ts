import { readResultSet, ResultsError } from '../analysis/results.js';
import { writeSummary } from '../analysis/summary.js';
import { buildReport } from '../charts/report.js';
import { isExploreFolder } from './plan.js';

/**
 * `draagvlak report DIR`: rebuilds summary.csv, the charts and report.html of a results folder
 * from its CSVs, read back into a result set. Exit code 0 on success; 2 when the folder is missing or not a readable results
 * folder (one clear message, nothing half-written).
 */
export async function reportCommand(dir: string, options: { png?: boolean } = {}): Promise<number> {
  try {
    if (isExploreFolder(dir)) {
      const { buildExploreReport } = await import('../charts/exploreReport.js');
      const { report } = await buildExploreReport(dir);
      process.stdout.write(`Report: ${report}\n`);
      return 0;
    }
    const results = await readResultSet(dir);
    writeSummary(results);
    const { report } = await buildReport(results, { png: options.png });
    process.stdout.write(`Report: ${report}\n`);
    return 0;
  } catch (err) {
    if (err instanceof ResultsError) {
      process.stderr.write(`draagvlak report: ${err.message}\n`);
      return 2;
    }
    throw err;
  }
}

