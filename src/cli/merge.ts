import { relative } from 'node:path';
import { UsageError } from '../run/errors.js';
import { mergeShards } from '../run/merge.js';
import { outDirProblems } from '../run/outDir.js';
import { readResultSet } from '../analysis/readResults.js';
import { finishFolder } from '../analysis/folder.js';
import { recordedOutput, tableFile } from '../run/resultFiles.js';
import { scenarioPlan } from './plan.js';
import { reportLang, writeReportFiles } from './run.js';

export interface MergeCommandOptions {
  /** false with --no-report. */
  report?: boolean;
  /** Language of the report: `en` (default) or `nl`. */
  lang?: string;
}

/**
 * `draagvlak merge OUT SHARD_DIR...`: joins the folders of `draagvlak run --shard I/N` into the
 * results folder one unsplit run would have written, then (unless --no-report) its summary,
 * charts and report (from the merged files, read back into a result set). Exit 0 done, 1 when runs failed, 2 when the shards do not fit together
 * (one line naming what is missing, duplicated or foreign; nothing written).
 */
export async function mergeCommand(out: string, dirs: string[], options: MergeCommandOptions): Promise<number> {
  const problems = outDirProblems(out, { name: `merge: ${out}` });
  const lang = reportLang(options.lang, problems);
  let result;
  if (problems.length === 0) {
    try {
      result = mergeShards(out, dirs, { planOf: (scenario) => scenarioPlan(scenario, 'manifest.json'), hold: true });
    } catch (err) {
      if (!(err instanceof UsageError)) throw err;
      problems.push(...err.problems);
    }
  }
  if (!result) {
    for (const p of problems) process.stderr.write(`${p}\n`);
    return 2;
  }
  try {
    const manifest = await finishFolder(result.out);
    const shown = relative(process.cwd(), result.out) || '.';
    process.stdout.write(`draagvlak: merged ${result.shards} shard${result.shards === 1 ? '' : 's'}: ${result.runs} runs in ${shown}/\n`);
    if (result.failures > 0) process.stderr.write(`draagvlak: ${result.failures} run${result.failures === 1 ? '' : 's'} failed, see ${shown}/${tableFile('failures.csv', recordedOutput(manifest?.output).formats)}\n`);
    if (options.report !== false) process.stdout.write(`draagvlak: report: ${await writeReportFiles(await readResultSet(result.out), { lang })}\n`);
    return result.failures > 0 ? 1 : 0;
  } finally {
    result.release(); // held from the first file the merge wrote to the report's last
  }
}
