import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { RunPlan } from '../scenario/types.js';
import { UsageError } from './errors.js';
import type { Executor, Sink } from './executor.js';
import { inThreadExecutor } from './inThread.js';
import { batches, batchSize, missingRanges } from './jobs.js';
import {
  gitCommit, packageVersion, readManifest, scenarioHash, SEED_RULE, writeManifest, type Manifest,
} from './manifest.js';
import { assemble, ensurePartsDir, FILES, listParts, removeParts, writePart, type PartContent } from './parts.js';
import { poolExecutor } from './pool.js';
import { createProgress } from './progress.js';
import { formatFailure, formatRun, hasInterventions, headers } from './rows.js';
import { runContext, type ModelFn } from './single.js';

export interface ExecuteOptions {
  /** The results folder (its suitability is checked by `outDirProblems` beforehand). */
  out: string;
  /** Worker threads; ignored when `model` is given. */
  workers: number;
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
}

export interface ExecuteResult {
  status: 'complete' | 'interrupted';
  out: string;
  /** Runs in the plan. */
  runs: number;
  /** Runs carried out by this execution (not counting those a resumed run found done). */
  ranNow: number;
  /** Failed runs: their count, and the failures.csv rows of the first few. */
  failures: { count: number; first: string[] };
  /** Workers that died and were replaced. */
  workerRestarts: number;
  /** The signal that interrupted the run. */
  signal?: NodeJS.Signals;
}

/** Files of a results folder that a fresh run replaces. */
const OUTPUTS = [...Object.values(FILES), 'summary.csv', 'contrasts.csv', 'report.html', 'manifest.json'];

function clearResults(out: string): void {
  for (const f of OUTPUTS) rmSync(join(out, f), { force: true });
  rmSync(join(out, 'charts'), { recursive: true, force: true });
  removeParts(out);
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
  const manifestFile = join(out, 'manifest.json');
  const scenario = plan.scenario;
  const hash = scenarioHash(scenario);
  const R = scenario.replications;
  const total = plan.points.length * R;
  const workers = options.model ? 1 : options.workers;
  const startedAt = new Date().toISOString();

  let resumedFrom: string[] = [];
  if (options.resume) {
    const previous = readManifest(manifestFile);
    if (!previous) throw new UsageError(`--resume: ${out} holds no earlier run to resume`);
    if (previous.scenario.hash !== hash) {
      throw new UsageError(
        `--resume: the scenario differs from the one this folder was started with (hash ${previous.scenario.hash.slice(0, 12)}…, now ${hash.slice(0, 12)}…); ` +
          'give the same scenario file, --set, --seed and --replications, or start afresh without --resume',
      );
    }
    if (previous.complete) {
      removeParts(out);
      return { status: 'complete', out, runs: total, ranNow: 0, failures: { count: previous.failures ?? 0, first: [] }, workerRestarts: 0 };
    }
    resumedFrom = [...previous.execution.resumedFrom, previous.execution.startedAt];
  } else {
    mkdirSync(out, { recursive: true });
    clearResults(out);
  }

  const manifest: Manifest = {
    generator: 'draagvlak',
    version: packageVersion(),
    gitCommit: gitCommit(),
    complete: false,
    note: 'incomplete: still running, or stopped before it could say so; continue with the same command and --resume',
    scenario: { file: options.scenarioFile ?? null, name: scenario.name, hash, resolved: scenario },
    seed: scenario.seed,
    seedRule: SEED_RULE,
    points: plan.points.length,
    replications: R,
    runs: total,
    varied: plan.varied,
    failures: null,
    files: [],
    execution: { node: process.version, workers, startedAt, finishedAt: null, workerRestarts: 0, resumedFrom },
  };
  writeManifest(manifestFile, manifest);

  const dir = ensurePartsDir(out);
  const todo = missingRanges(total, listParts(dir));
  const remaining = todo.reduce((n, r) => n + r.end - r.start, 0);
  const progress = createProgress({ total, done: total - remaining, quiet: options.quiet, stream: options.progressStream });
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
      return {
        result(run) {
          const rows = formatRun(plan, run, run.output);
          content.runs += rows.runs;
          content.initiatives += rows.initiatives;
          content.series += rows.series;
          content.interventions += rows.interventions;
          reported(null);
        },
        failure(run, error) {
          const row = formatFailure(plan, run, error);
          content.failures += row;
          reported(row);
        },
        finish(end) {
          if (end > start) writePart(dir, { start, end }, content);
        },
      };
    },
  };

  const ctx = runContext(plan);
  const executor: Executor = options.model
    ? inThreadExecutor(options.model, ctx, R)
    : poolExecutor(ctx, R, { workers, modelModule: options.modelModule });

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
    await executor.run(batches(todo, batchSize(remaining, workers)), sink);
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
    const done = total - missingRanges(total, listParts(dir)).reduce((n, r) => n + r.end - r.start, 0);
    manifest.note = `interrupted by ${signal} after ${done} of ${total} runs; continue with the same command and --resume`;
    manifest.execution.finishedAt = new Date().toISOString();
    writeManifest(manifestFile, manifest);
    return { status: 'interrupted', out, runs: total, ranNow, failures, workerRestarts: manifest.execution.workerRestarts, signal };
  }

  const withInterventions = hasInterventions(plan);
  const { failureRows } = assemble(out, total, headers(plan.varied, withInterventions));
  manifest.complete = true;
  delete manifest.note;
  manifest.failures = failureRows;
  manifest.files = [
    FILES.runs, FILES.initiatives, FILES.series,
    ...(withInterventions ? [FILES.interventions] : []),
    ...(failureRows > 0 ? [FILES.failures] : []),
  ];
  manifest.execution.finishedAt = new Date().toISOString();
  writeManifest(manifestFile, manifest);
  removeParts(out);
  // The first failures as failures.csv lists them (a resumed run may have met some before).
  const first = failureRows > 0 ? readFileSync(join(out, FILES.failures), 'utf8').split('\n').slice(1, 6).filter(Boolean) : [];
  return { status: 'complete', out, runs: total, ranNow, failures: { count: failureRows, first }, workerRestarts: manifest.execution.workerRestarts };
}
