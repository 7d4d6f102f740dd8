import { resolve } from 'node:path';
import { checkResultsFolder, readResultSet, ResultsError } from '../analysis/readResults.js';
import { writeSummary } from '../analysis/summary.js';
import { writeDataPackage } from '../analysis/dataPackage.js';
import { buildReport } from '../charts/report.js';
import { isStorageFailure, UsageError } from '../run/errors.js';
import { acquireLock } from '../run/lock.js';
import { EXIT } from './exit.js';
import { isExploreFolder } from './plan.js';
import { reportLang } from './run.js';

/**
 * `draagvlak report DIR`: rebuilds summary.csv, the charts, report.html and datapackage.json of a results folder
 * from its CSVs, read back into a result set, holding the folder's lock. Exit code 0 on success; 2
 * when the folder is missing, not a readable results folder, or in use by a run (one clear message,
 * nothing half-written); 74 when the disk fails. `quiet`: nothing on stdout, problems still on stderr.
 */
export async function reportCommand(dir: string, options: { png?: boolean; quiet?: boolean; lang?: string } = {}): Promise<number> {
  const say = (line: string) => {
    if (!options.quiet) process.stdout.write(`${line}\n`);
  };
  const problems: string[] = [];
  const lang = reportLang(options.lang, problems);
  if (problems.length > 0) {
    for (const p of problems) process.stderr.write(`draagvlak report: ${p}\n`);
    return EXIT.badInput;
  }
  let release: (() => void) | undefined;
  try {
    checkResultsFolder(dir);
    release = acquireLock(resolve(dir));
    if (isExploreFolder(dir)) {
      const { buildExploreReport } = await import('../charts/exploreReport.js');
      const { report } = await buildExploreReport(dir, { png: options.png, lang });
      writeDataPackage(dir);
      say(`Report: ${report}`);
      return EXIT.done;
    }
    const results = await readResultSet(dir);
    writeSummary(results);
    const { report } = await buildReport(results, { png: options.png, lang });
    writeDataPackage(dir);
    say(`Report: ${report}`);
    return EXIT.done;
  } catch (err) {
    if (err instanceof ResultsError || err instanceof UsageError) {
      process.stderr.write(`draagvlak report: ${err.message}\n`);
      return EXIT.badInput;
    }
    if (!isStorageFailure(err)) throw err;
    process.stderr.write(`draagvlak report: stopped: ${err.code} while writing ${dir}; free space or fix the disk, then run draagvlak report ${dir} again\n`);
    return EXIT.storage;
  } finally {
    release?.();
  }
}

