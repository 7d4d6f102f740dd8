import { join, resolve } from 'node:path';
import { checkResultsFolder, readResultSet, ResultsError } from '../analysis/readResults.js';
import { writeSummary } from '../analysis/summary.js';
import { writeDataPackage } from '../analysis/dataPackage.js';
import { buildReport } from '../charts/report.js';
import { isStorageFailure, UsageError } from '../run/errors.js';
import { acquireLock } from '../run/lock.js';
import { linkedSubfolders } from '../run/owned.js';
import { inspectManifest } from '../run/manifest.js';
import { EXIT } from './exit.js';
import { isExploreFolder } from './plan.js';
import { reportLang } from './run.js';

/**
 * Throws a UsageError when a results folder holds what report cannot finish: a run that was
 * interrupted (--resume is what it needs), or a shard of a run (merge is what it needs).
 */
function notReportable(dir: string): void {
  const { manifest, damaged } = inspectManifest(join(dir, 'manifest.json'));
  if (damaged) throw new UsageError(`${join(dir, 'manifest.json')}: ${damaged}; restore it, or run the scenario again`);
  if (manifest?.complete && manifest.shard) {
    const { index, count } = manifest.shard;
    throw new UsageError(`${dir}: expected a results folder, found shard ${index}/${count} of a run; join every shard's folder with draagvlak merge OUT SHARD_DIR..., which writes the report`);
  }
  if (!manifest || manifest.complete) return;
  const why = manifest.note ? ` (${manifest.note.split(';')[0]})` : '';
  const command = `draagvlak run ${manifest.scenario.file ?? 'SCENARIO'}${manifest.shard ? ` --shard ${manifest.shard.index}/${manifest.shard.count}` : ''} --out ${dir} --resume`;
  throw new UsageError(`${dir}: expected a finished run, found an unfinished one${why}; finish it with ${command} and the other options it was started with`);
}

/**
 * `draagvlak report DIR`: rebuilds summary.csv, the charts, report.html and datapackage.json of a results folder
 * from its CSVs, read back into a result set, holding the folder's lock. Exit code 0 on success; 2
 * when the folder is missing, not a readable results folder, in use by a run, holds a run that
 * was interrupted (one clear message, naming the --resume that finishes it) or a shard (naming merge;
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
    const linked = linkedSubfolders(dir);
    if (linked.length > 0) throw new UsageError(linked);
    release = acquireLock(resolve(dir), dir);
    notReportable(dir);
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

