import { existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { RunPlan } from '../scenario/types.js';
import { isStorageFailure, StorageError, UsageError } from './errors.js';
import type { Executor, RunCollector, Sink } from './executor.js';
import type { RunOutput } from '../model/output.js';
import { inThreadExecutor } from './inThread.js';
import { guidedBatches, missingRanges } from './jobs.js';
import { planManifest, readManifest, scenarioHash, writeManifest, type Manifest } from './manifest.js';
import { assemble, countFailures, damagedPart, ensurePartsDir, FILES, listParts, PARTS, partsDir, removeParts, writePart, type PartContent } from './parts.js';
import { acquireLock } from './lock.js';
import { clearResults, isLeftover, removeTemporaries } from './owned.js';
import { planExecutor } from './pool.js';
import { createProgress } from './progress.js';
import { formatFailure, formatRun, hasInterventions, headers } from './rows.js';
import { DEFAULT_OUTPUT, outputFlags, recordedOutput, type OutputChoice } from './resultFiles.js';
import { blockSize, intersect, runsIn, shardRanges, type Shard } from './shard.js';
import { runContext, type ModelFn } from './single.js';

export interface ExecuteOptions {
  /** The results folder (its suitability is checked by `outDirProblems` beforehand). */
  out: string;
  /** Worker threads; ignored when `model` is given. One thread's short runs go in this thread (see planExecutor). */
  workers: number;
  /** Run a plan too small to pay for starting threads in this thread (when no warm thread waits). */
  smallInThread?: boolean;
  /** Continue an interrupted run in `out` instead of starting afresh. */
  resume?: boolean;
  /** No progress output. */
  quiet?: boolean;
  /** The scenario file, recorded in the manifest. */
  scenarioFile?: string | null;
  /** Run in this thread with this model instead of on worker threads (the bare loop; tests). */
  model?: ModelFn;
  /** URL of the model module the workers load (default: the built src/model/run.js). */
  modelModule?: string;
  /** Stop cleanly on SIGINT and SIGTERM (default true). */
  handleSignals?: boolean;
  /** Aborting it stops the run as SIGINT would (a notebook's cancel button; tests). */
  abort?: AbortSignal;
  /** Where progress goes (default stderr). */
  progressStream?: NodeJS.WriteStream;
  /**
   * Carry out only this shard's runs (src/run/shard.ts): the folder then keeps its runs as parts,
   * and its manifest names the shard, for `draagvlak merge` to assemble.
   */
  shard?: Shard;
  /** Also hands every kept run to this collector (the in-memory result set), as it is written. */
  collector?: RunCollector;
  /** What is written of the results (`--series`, `--format`); default every week, as CSV. */
  output?: OutputChoice;
}

export interface ExecuteResult {
  status: 'complete' | 'interrupted';
  out: string;
  /** Runs in the plan (in the shard, for a shard). */
  runs: number;
  /** Runs carried out by this execution (not counting those a resumed run found done). */
  ranNow: number;
  /** Failed runs: their count, and the failures.csv rows of the first few. */
  failures: { count: number; first: string[] };
  /** Workers that died and were replaced. */
  workerRestarts: number;
  /** The signal that interrupted the run. */
  signal?: NodeJS.Signals;
  /** The manifest as written to manifest.json, once complete. */
  manifest?: Manifest;
}

/**
 * Carries out every run of a plan and writes the results folder. Rows stream to part files in
 * DIR/.parts/ as batches finish (bounded memory); at the end they are assembled, in canonical
 * order, into runs.csv, initiatives.csv, series.csv (and failures.csv when runs failed), so the
 * files are byte-identical whatever the worker count, completion order or interruptions.
 * On SIGINT/SIGTERM it stops dispatching, drops runs in flight, keeps what is done, and marks the
 * manifest incomplete; `resume` continues from there.
 */
export async function executePlan(plan: RunPlan, options: ExecuteOptions): Promise<ExecuteResult> {
  const out = resolve(options.out);
  if (options.resume && !existsSync(out)) throw new UsageError(`--resume: ${out} does not exist, so there is nothing to resume`);
  mkdirSync(out, { recursive: true });
  const release = acquireLock(out);
  try {
    return await executeLocked(plan, options, out);
  } catch (err) {
    throw isStorageFailure(err) ? new StorageError(out, err) : err;
  } finally {
    release();
  }
}

/** executePlan, once the folder's lock is held. */
async function executeLocked(plan: RunPlan, options: ExecuteOptions, out: string): Promise<ExecuteResult> {
  const manifestFile = join(out, 'manifest.json');
  const scenario = plan.scenario;
  const hash = scenarioHash(scenario);
  const R = scenario.replications;
  const total = plan.points.length * R;
  const ctx = runContext(plan);
  const chosen = options.model
    ? { executor: inThreadExecutor(options.model, ctx, R), inThread: true }
    : planExecutor(ctx, R, { workers: options.workers, modelModule: options.modelModule, smallInThread: options.smallInThread });
  const executor: Executor = chosen.executor;
  const workers = chosen.inThread ? 1 : options.workers;
  const startedAt = new Date().toISOString();
  const mine = options.shard ? shardRanges(total, options.shard) : [{ start: 0, end: total }];
  const size = runsIn(mine);
  const shard = options.shard && { ...options.shard, block: blockSize(total, options.shard.count), runs: size };
  const output = options.output ?? DEFAULT_OUTPUT;

  let resumedFrom: string[] = [];
  // A run killed before its first manifest was written left nothing to resume: it starts afresh.
  const previous = options.resume ? readManifest(manifestFile) : null;
  if (options.resume && !previous && readdirSync(out).some((name) => !isLeftover(name))) {
    throw new UsageError(`--resume: ${out} holds no earlier run to resume`);
  }
  if (previous) {
    if (previous.scenario.hash !== hash) {
      throw new UsageError(
        `--resume: the scenario differs from the one this folder was started with (hash ${previous.scenario.hash.slice(0, 12)}…, now ${hash.slice(0, 12)}…); ` +
          'give the same scenario file, --set, --seed and --replications, or start afresh without --resume',
      );
    }
    const was = previous.shard ? `shard ${previous.shard.index}/${previous.shard.count}` : 'an unsplit run';
    const now = shard ? `shard ${shard.index}/${shard.count}` : 'an unsplit run';
    if (was !== now) throw new UsageError(`--resume: ${out} holds ${was}, not ${now}; give the same --shard, or start afresh without --resume`);
    const [before, after] = [outputFlags(recordedOutput(previous.output)), outputFlags(output)];
    if (before !== after) throw new UsageError(`--resume: ${out} was started with ${before}, not ${after}; give the same, or start afresh without --resume`);
    removeTemporaries(out);
    const damaged = damagedPart(partsDir(out));
    if (damaged) throw new UsageError(`--resume: ${damaged}; remove it, and --resume runs its runs again`);
    if (previous.complete) {
      if (!shard) removeParts(out);
      return { status: 'complete', out, runs: size, ranNow: 0, failures: { count: previous.failures ?? 0, first: [] }, workerRestarts: 0 };
    }
    resumedFrom = [...previous.execution.resumedFrom, previous.execution.startedAt];
  } else {
    clearResults(out);
  }

  const manifest = planManifest(plan, options.scenarioFile ?? null, {
    node: process.version, workers, startedAt, finishedAt: null, workerRestarts: 0, resumedFrom,
  }, output);
  if (shard) manifest.shard = shard;
  writeManifest(manifestFile, manifest, 'manifest-start');

  const dir = ensurePartsDir(out);
  const left = () => intersect(missingRanges(total, listParts(dir)), mine);
  const todo = left();
  const remaining = runsIn(todo);
  const progress = createProgress({ total: size, done: size - remaining, quiet: options.quiet, stream: options.progressStream });
  const failures = { count: 0, first: [] as string[] };
  let ranNow = 0;

  // Every run that reports is kept (a batch cut short by a crash or an interruption keeps the
  // runs before the cut), so progress counts runs as they report, not as parts are written.
  const reported = (failed: string | null) => {
    ranNow++;
    progress.tick(1);
    if (failed !== null) {
      failures.count++;
      if (failures.first.length < 5) failures.first.push(failed.trimEnd());
    }
  };
  const sink: Sink = {
    open(start) {
      const content: PartContent = { runs: '', initiatives: '', series: '', interventions: '', failures: '' };
      const collected: { k: number; seed: number; output: RunOutput | null }[] = [];
      return {
        result(run) {
          if (options.collector) collected.push({ k: run.point * R + run.replicate, seed: run.seed, output: run.output });
          const rows = formatRun(plan, run, run.output, output.series);
          content.runs += rows.runs;
          content.initiatives += rows.initiatives;
          content.series += rows.series;
          content.interventions += rows.interventions;
          reported(null);
        },
        failure(run, error) {
          if (options.collector) collected.push({ k: run.point * R + run.replicate, seed: run.seed, output: null });
          const row = formatFailure(plan, run, error);
          content.failures += row;
          reported(row);
        },
        finish(end) {
          if (end > start) writePart(dir, { start, end }, content);
          // the runs the part keeps go to the collector too
          for (const c of collected) {
            if (c.k >= end) continue;
            if (c.output) options.collector!.add(c.k, c.seed, c.output);
            else options.collector!.fail(c.k);
          }
        },
      };
    },
  };

  let signal: NodeJS.Signals | undefined;
  const onSignal = (s: NodeJS.Signals) => {
    if (signal) process.exit(130); // a second Ctrl-C: leave now; the journal is still consistent
    signal = s;
    void executor.stop();
  };
  const onAbort = () => {
    if (!signal) onSignal('SIGINT');
  };
  if (options.abort?.aborted) onAbort();
  options.abort?.addEventListener('abort', onAbort);
  const handleSignals = options.handleSignals ?? true;
  if (handleSignals) {
    process.on('SIGINT', onSignal);
    process.on('SIGTERM', onSignal);
  }
  try {
    await executor.run(guidedBatches(todo, workers), sink);
  } finally {
    options.abort?.removeEventListener('abort', onAbort);
    if (handleSignals) {
      process.off('SIGINT', onSignal);
      process.off('SIGTERM', onSignal);
    }
    progress.stop();
  }

  manifest.execution.workerRestarts = executor.restarts ?? 0;
  if (signal) {
    const done = size - runsIn(left());
    manifest.note = `interrupted by ${signal} after ${done} of ${size} runs; continue with the same command and --resume`;
    manifest.execution.finishedAt = new Date().toISOString();
    writeManifest(manifestFile, manifest);
    return { status: 'interrupted', out, runs: size, ranNow, failures, workerRestarts: manifest.execution.workerRestarts, signal };
  }
  if (shard) {
    // A shard keeps its parts for the merge; its failures are counted from them.
    manifest.complete = true;
    manifest.note = `shard ${shard.index} of ${shard.count}: ${size} of ${total} runs, kept in ${PARTS}/ until \`draagvlak merge\` assembles the shards`;
    manifest.failures = countFailures(out);
    manifest.execution.finishedAt = new Date().toISOString();
    writeManifest(manifestFile, manifest);
    return { status: 'complete', out, runs: size, ranNow, failures: { count: manifest.failures, first: failures.first }, workerRestarts: manifest.execution.workerRestarts };
  }
  const failureRows = finishResults(plan, out, manifest);
  // The first failures as failures.csv lists them (a resumed run may have met some before).
  const first = failureRows > 0 ? readFileSync(join(out, FILES.failures), 'utf8').split('\n').slice(1, 6).filter(Boolean) : [];
  return { status: 'complete', out, runs: total, ranNow, failures: { count: failureRows, first }, workerRestarts: manifest.execution.workerRestarts, manifest };
}

/**
 * The end of every complete run, unsplit or merged from shards: assembles the parts in `out`'s
 * journal into the result files, completes the manifest, and removes the journal. Returns the
 * number of failed runs.
 */
export function finishResults(plan: RunPlan, out: string, manifest: Manifest): number {
  const withInterventions = hasInterventions(plan);
  const { series } = recordedOutput(manifest.output);
  const { failureRows } = assemble(out, manifest.runs, headers(plan.varied, withInterventions, series));
  manifest.complete = true;
  delete manifest.note;
  manifest.failures = failureRows;
  manifest.files = [
    FILES.runs, FILES.initiatives,
    ...(series.kind === 'none' ? [] : [FILES.series]),
    ...(withInterventions ? [FILES.interventions] : []),
    ...(failureRows > 0 ? [FILES.failures] : []),
  ];
  manifest.execution.finishedAt = new Date().toISOString();
  writeManifest(join(out, 'manifest.json'), manifest, 'manifest');
  removeParts(out);
  return failureRows;
}
