import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { planRuns } from '../scenario/design.js';
import type { RunPlan, Scenario } from '../scenario/types.js';
import { UsageError } from './errors.js';
import { acquireLock } from './lock.js';
import { finishResults } from './execute.js';
import { clearResults } from './owned.js';
import { missingRanges, type RunRange } from './jobs.js';
import { inspectManifest, planManifest, scenarioHash, writeManifest, type Manifest } from './manifest.js';
import { copyPart, damagedPart, ensurePartsDir, listParts, partsDir } from './parts.js';
import { blockSize, intersect, runsIn, shardRanges } from './shard.js';
import { outputFlags, recordedOutput } from './resultFiles.js';

export interface MergeResult {
  out: string;
  runs: number;
  shards: number;
  /** Failed runs (listed in failures.csv). */
  failures: number;
  /** Releases the output folder's lock, when the merge was asked to `hold` it (else it is released already). */
  release: () => void;
}

interface ShardFolder {
  dir: string;
  manifest: Manifest & { shard: NonNullable<Manifest['shard']> };
  /** Its runs, as the split rule gives them. */
  ranges: RunRange[];
}

const name = (s: ShardFolder) => `shard ${s.manifest.shard.index}/${s.manifest.shard.count} (${s.dir})`;

/** Reads each folder's manifest; every problem is one line naming the folder. */
function readShards(dirs: readonly string[]): ShardFolder[] {
  const problems: string[] = [];
  const shards: ShardFolder[] = [];
  for (const dir of dirs) {
    const { manifest, damaged } = inspectManifest(join(dir, 'manifest.json'));
    if (damaged) problems.push(`${join(dir, 'manifest.json')}: ${damaged}; restore it, or run the shard again`);
    else if (!manifest) problems.push(`${dir}: not a draagvlak results folder (no readable manifest.json)`);
    else if (!manifest.shard) problems.push(`${dir}: not a shard (its manifest has no "shard"; it was run without --shard)`);
    else if (!manifest.complete) {
      problems.push(`${dir}: shard ${manifest.shard.index}/${manifest.shard.count} is incomplete; finish it with the same \`draagvlak run … --shard ${manifest.shard.index}/${manifest.shard.count}\` and --resume`);
    } else {
      shards.push({ dir, manifest: manifest as ShardFolder['manifest'], ranges: shardRanges(manifest.runs, manifest.shard) });
    }
  }
  if (problems.length > 0) throw new UsageError(problems);
  if (shards.length === 0) throw new UsageError('merge: no shard folders given');
  return shards;
}

/**
 * Checks that the shards come from one scenario, one version of the code and one split, that
 * every shard of the split is given exactly once, and that each folder holds all its runs.
 */
function checkShards(shards: ShardFolder[]): void {
  const first = shards[0]!;
  const { hash } = first.manifest.scenario;
  const { count } = first.manifest.shard;
  for (const s of shards) {
    if (s.manifest.scenario.hash !== hash) {
      throw new UsageError(
        `merge: ${name(s)} comes from another scenario than ${name(first)} (scenario hash ${s.manifest.scenario.hash.slice(0, 12)}…, not ${hash.slice(0, 12)}…); ` +
          'shards to merge must be run from the same scenario file, --set, --seed and --replications',
      );
    }
    for (const field of ['version', 'gitCommit', 'gitModified'] as const) {
      if (s.manifest[field] !== first.manifest[field]) {
        throw new UsageError(`merge: ${name(s)} was run by draagvlak ${field} ${s.manifest[field]}, ${name(first)} by ${first.manifest[field]}; run every shard with the same code`);
      }
    }
    const theirs = outputFlags(recordedOutput(s.manifest.output));
    const ours = outputFlags(recordedOutput(first.manifest.output));
    if (theirs !== ours) {
      throw new UsageError(`merge: ${name(s)} was run with ${theirs}, ${name(first)} with ${ours}; run every shard with the same --series and --format`);
    }
    if (s.manifest.shard.count !== count) {
      throw new UsageError(`merge: ${name(s)} and ${name(first)} belong to different splits (into ${s.manifest.shard.count} and ${count}); merge the shards of one split`);
    }
    if (s.manifest.shard.block !== blockSize(s.manifest.runs, count) || s.manifest.shard.runs !== runsIn(s.ranges)) {
      throw new UsageError(`merge: ${name(s)} was split by another rule (blocks of ${s.manifest.shard.block} runs); run every shard with the same code`);
    }
  }
  const byIndex = new Map<number, ShardFolder>();
  for (const s of shards) {
    const twin = byIndex.get(s.manifest.shard.index);
    if (twin) throw new UsageError(`merge: shard ${s.manifest.shard.index}/${count} is given twice, as ${twin.dir} and ${s.dir}; give each shard once`);
    byIndex.set(s.manifest.shard.index, s);
  }
  const missing = Array.from({ length: count }, (_, i) => i + 1).filter((i) => !byIndex.has(i));
  if (missing.length > 0) {
    const total = first.manifest.runs;
    const lost = missing.reduce((n, index) => n + runsIn(shardRanges(total, { index, count })), 0);
    throw new UsageError(
      `merge: missing shard${missing.length > 1 ? 's' : ''} ${missing.map((i) => `${i}/${count}`).join(', ')} (${lost} of ${total} runs); ` +
        'give every shard\'s folder, running the missing shards first',
    );
  }
  for (const s of shards) {
    const damaged = damagedPart(partsDir(s.dir));
    if (damaged) throw new UsageError(`merge: ${name(s)}: ${damaged}; remove it, and finish that shard with its command and --resume`);
    const lacking = intersect(missingRanges(s.manifest.runs, listParts(partsDir(s.dir))), s.ranges);
    if (lacking.length > 0) throw new UsageError(`merge: ${name(s)} says it is complete but holds no results for ${runsIn(lacking)} of its runs (from run ${lacking[0]!.start}); run that shard again`);
  }
}

/**
 * `draagvlak merge`: assembles the folders of shards (`draagvlak run --shard I/N`) into `out`,
 * through the very code an unsplit run ends with (`finishResults`), so the result files are
 * byte-identical to one unsplit run's; the manifest too, but for its `execution` block, which
 * lists the shards' executions. Refuses (UsageError, nothing written) shards that are incomplete,
 * from another scenario or code version, missing or given twice.
 * `plan` is rebuilt from the shards' resolved scenario (by `planOf`, default planRuns; the command
 * passes one that knows explore designs) unless given (tests with hand-made plans).
 */
export function mergeShards(out: string, dirs: readonly string[], options: { plan?: RunPlan; planOf?: (scenario: Scenario) => RunPlan; hold?: boolean } = {}): MergeResult {
  const shards = readShards(dirs.map((d) => resolve(d)));
  checkShards(shards);
  const first = shards[0]!.manifest;
  const resolved = first.scenario.resolved as Scenario;
  const plan = options.plan ?? (options.planOf ?? planRuns)(resolved);
  if (scenarioHash(plan.scenario) !== first.scenario.hash || plan.points.length * plan.scenario.replications !== first.runs) {
    throw new UsageError(`merge: the shards' scenario does not give the plan they ran (hash ${first.scenario.hash.slice(0, 12)}…); were they run by another version of draagvlak?`);
  }

  const target = resolve(out);
  if (shards.some((s) => s.dir === target)) throw new UsageError(`merge: the output folder ${out} is one of the shards; choose another`);
  const manifest = planManifest(plan, first.scenario.file, {
    node: process.version,
    workers: shards.reduce((n, s) => n + s.manifest.execution.workers, 0),
    startedAt: shards.map((s) => s.manifest.execution.startedAt).sort()[0]!,
    finishedAt: null,
    workerRestarts: shards.reduce((n, s) => n + s.manifest.execution.workerRestarts, 0),
    resumedFrom: [],
    shards: [...shards]
      .sort((a, b) => a.manifest.shard.index - b.manifest.shard.index)
      .map((s) => ({ dir: s.dir, shard: `${s.manifest.shard.index}/${s.manifest.shard.count}`, ...s.manifest.execution })),
  }, recordedOutput(first.output));
  manifest.note = 'incomplete: the merge stopped before it could finish; run the same draagvlak merge again';
  mkdirSync(target, { recursive: true });
  const release = acquireLock(target, `merge: ${out}`);
  try {
    clearResults(target);
    writeManifest(join(target, 'manifest.json'), manifest);
    const journal = ensurePartsDir(target);
    for (const s of shards) {
      const from = partsDir(s.dir);
      for (const range of listParts(from)) {
        if (runsIn(intersect([range], s.ranges)) === range.end - range.start) copyPart(from, journal, range);
      }
    }
    const failures = finishResults(plan, target, manifest);
    return { out: target, runs: first.runs, shards: shards.length, failures, release };
  } finally {
    if (!options.hold) release();
  }
}
