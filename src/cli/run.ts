import { mkdirSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { basename, extname, join, relative, resolve } from 'node:path';
import { filePlan } from './plan.js';
import { executeToResultSet } from '../analysis/execute.js';
import { type ResultSet } from '../analysis/results.js';
import { writeDataPackage } from '../analysis/dataPackage.js';
import { capacityProblems, diskBytes } from '../run/capacity.js';
import { StorageError, UsageError, isStorageFailure } from '../run/errors.js';
import { acquireLock } from '../run/lock.js';
import { checkOutDir } from '../run/outDir.js';
import { readManifest } from '../run/manifest.js';
import { count } from './count.js';
import { EXIT } from './exit.js';
import { langProblem, parseLang, type Lang } from '../charts/words.js';
import { parseShard, type Shard } from '../run/shard.js';
import { DEFAULT_OUTPUT, parseFormats, parseSeries, tableFile, type OutputChoice } from '../run/resultFiles.js';

export interface RunCommandOptions {
  set?: string[];
  seed?: number;
  replications?: number;
  out?: string;
  workers?: number;
  resume?: boolean;
  quiet?: boolean;
  /** false with --no-report. */
  report?: boolean;
  /** false with --no-png: charts without their PNG. */
  png?: boolean;
  force?: boolean;
  /** `I/N`: only the I-th of N shares of the runs (`draagvlak merge` joins the shards). */
  shard?: string;
  /** `all`, `none` or `every:N` (src/run/resultFiles.ts). */
  series?: string;
  /** `csv`, `parquet` or `csv,parquet`. */
  format?: string;
  /** Language of the report and its charts: `en` (default) or `nl`. */
  lang?: string;
}

/** `--series` and `--format` as a run takes them; problems worded for the flags. */
export function outputChoice(options: { series?: string; format?: string }, problems: string[]): OutputChoice {
  const series = parseSeries(options.series ?? 'all');
  const formats = parseFormats(options.format ?? 'csv');
  if (typeof series === 'string') problems.push(series);
  if (typeof formats === 'string') problems.push(formats);
  return {
    series: typeof series === 'string' ? DEFAULT_OUTPUT.series : series,
    formats: typeof formats === 'string' ? DEFAULT_OUTPUT.formats : formats,
  };
}

/** The default results folder of a scenario file: results/<file name without extension>. */
export function defaultOut(scenarioFile: string): string {
  return join('results', basename(scenarioFile, extname(scenarioFile)));
}

/** The default folder of shard I of a scenario file: results/<name>.shards/<I>. */
export function defaultShardOut(scenarioFile: string, shard: Shard): string {
  return join(`${defaultOut(scenarioFile)}.shards`, String(shard.index));
}

/**
 * Writes summary.csv, the charts and report.html of a result set into its folder — or, for an
 * explore run, indices.csv, boxes.csv and the other explore files, its charts and report.html —
 * and datapackage.json describing them all; returns the report's path as shown.
 */
export async function writeReportFiles(results: ResultSet, options: { png?: boolean; lang?: Lang } = {}): Promise<string> {
  if (results.scenario.explore !== undefined) {
    const { buildExploreReport } = await import('../charts/exploreReport.js');
    const { report } = await buildExploreReport(results.dir, { png: options.png, lang: options.lang });
    writeDataPackage(results.dir);
    return relative(process.cwd(), resolve(report)) || report;
  }
  const { writeSummary } = await import('../analysis/summary.js');
  writeSummary(results);
  const { buildReport } = await import('../charts/report.js');
  const { report } = await buildReport(results, { png: options.png, lang: options.lang });
  writeDataPackage(results.dir);
  return relative(process.cwd(), resolve(report)) || report;
}

/** `--lang` checked: the report's language (English when not given), or English with the problem added. */
export function reportLang(value: string | undefined, problems: string[]): Lang {
  const lang = parseLang(value ?? 'en');
  if (lang === null) problems.push(langProblem(value));
  return lang ?? 'en';
}

function fail(problems: string[]): number {
  for (const p of problems) process.stderr.write(`${p}\n`);
  return EXIT.badInput;
}

/** The command line to continue an interrupted run with. */
function resumeCommand(): string {
  return `draagvlak run ${process.argv.slice(3).filter((a) => a !== '--resume').join(' ')} --resume`;
}

/**
 * `draagvlak run SCENARIO`: checks everything first — the scenario, the options, the results
 * folder — and writes nothing when anything is wrong (exit 2). Then runs every point and
 * replicate, writes the results folder, and (unless --no-report) summary.csv, the charts and
 * report.html. Exit codes: EXIT (src/cli/exit.ts).
 */
export async function runCommand(file: string, options: RunCommandOptions): Promise<number> {
  const problems: string[] = [];
  const workers = options.workers ?? availableParallelism();
  if (!Number.isInteger(workers) || workers < 1 || workers > 1024) {
    problems.push(`--workers: expected a whole number from 1 to 1024, found ${options.workers}`);
  }
  const output = outputChoice(options, problems);
  const lang = reportLang(options.lang, problems);
  let shard: Shard | undefined;
  if (options.shard !== undefined) {
    const parsed = parseShard(options.shard);
    if (typeof parsed === 'string') problems.push(parsed);
    else shard = parsed;
  }
  const plan = filePlan(file, { set: options.set, seed: options.seed, replications: options.replications }, output.series, problems);
  if (plan?.scenario.explore !== undefined && !output.formats.includes('csv')) {
    problems.push('--format: explore reads its runs from the CSV files; give csv or csv,parquet, found "parquet"');
  }
  if (plan && problems.length === 0) {
    const setSize = options.set?.some((s) => /^\s*(sweep\.parameters\.)?(population|network)\b/.test(s));
    problems.push(...capacityProblems(plan, workers, { force: options.force, source: setSize ? '--set' : file }));
  }
  const out = options.out ?? (shard ? defaultShardOut(file, shard) : defaultOut(file));
  const checked = checkOutDir(out, { resume: options.resume, bytes: plan ? diskBytes(plan, options.report !== false && !shard) : undefined });
  problems.push(...checked.problems);
  if (problems.length > 0 || !plan) return fail(problems);

  const previous = options.resume ? null : readManifest(join(checked.dir, 'manifest.json'));
  if (previous && !previous.complete) {
    process.stderr.write(`draagvlak: ${out} held an unfinished run; starting it afresh (--resume would have continued it)\n`);
  }
  const shown = relative(process.cwd(), checked.dir) || '.';
  let release: (() => void) | undefined;
  try {
    if (!options.resume) mkdirSync(checked.dir, { recursive: true });
    release = acquireLock(checked.dir);
    // The result set is built in memory as runs finish; summary and report read it, not the files.
    const { result, results } = await executeToResultSet(plan, {
      out: checked.dir,
      workers,
      // without --workers, a plan too small to pay for starting threads runs in this thread
      smallInThread: options.workers === undefined,
      resume: options.resume,
      quiet: options.quiet,
      scenarioFile: file,
      shard,
      output,
    });
    if (result.status === 'interrupted') {
      process.stderr.write(`draagvlak: interrupted (${result.signal}); ${shown} is incomplete. Continue with:\n  ${resumeCommand()}\n`);
      return EXIT.interrupted;
    }
    const say = (line: string) => process.stdout.write(`${line}\n`);
    if (shard) {
      say(`draagvlak: shard ${shard.index}/${shard.count} of ${plan.scenario.name}: ${result.runs} of ${plan.points.length * plan.scenario.replications} runs in ${shown}/; join the shards with draagvlak merge`);
    } else say(`draagvlak: ${count(result.runs, 'run')} of ${plan.scenario.name} in ${shown}/ (${count(plan.points.length, 'point')} × ${count(plan.scenario.replications, 'replication')})`);
    if (result.failures.count > 0) {
      process.stderr.write(`draagvlak: ${result.failures.count} run${result.failures.count === 1 ? '' : 's'} failed (point, replicate, seed, label, error), see ${shard ? `${tableFile('failures.csv', output.formats)} of the merge` : join(shown, tableFile('failures.csv', output.formats))}:\n`);
      for (const row of result.failures.first) process.stderr.write(`  ${row}\n`);
      if (result.failures.count > result.failures.first.length) process.stderr.write(`  …\n`);
    }
    if (result.failures.count === result.runs && !shard) {
      process.stderr.write(`draagvlak: every run failed, so there is no summary, chart or report\n`);
    } else if (options.report !== false && !shard && results) say(`draagvlak: report: ${await writeReportFiles(results, { png: options.png, lang })}`);
    return result.failures.count > 0 ? EXIT.runsFailed : EXIT.done;
  } catch (err) {
    if (err instanceof UsageError) return fail(err.problems);
    const storage = err instanceof StorageError ? err : isStorageFailure(err) ? new StorageError(checked.dir, err) : undefined;
    if (!storage) throw err;
    process.stderr.write(`draagvlak: stopped: ${storage.message}; the runs done are kept and ${shown} is marked incomplete; free space or fix the disk, then continue with: ${resumeCommand()}\n`);
    return EXIT.storage;
  } finally {
    release?.();
  }
}
