import { ResultsError } from '../analysis/results.js';
import { writeSummary } from '../analysis/summary.js';
import { buildReport } from '../charts/report.js';

/**
 * `draagvlak report DIR`: rebuilds summary.csv, the charts and report.html of a results folder
 * from its CSVs (PNGs unless `png` is false). Exit code 0 on success; 2 when the folder is missing or not a readable results
 * folder (one clear message, nothing half-written).
 */
export async function reportCommand(dir: string, options: { png?: boolean } = {}): Promise<number> {
  try {
    const results = await writeSummary(dir);
    const { report } = await buildReport(dir, { png: options.png, results });
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
