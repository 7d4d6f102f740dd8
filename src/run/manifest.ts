import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, realpathSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { show } from '../scenario/errors.js';
import type { RunPlan, Scenario } from '../scenario/types.js';
import { writeFileAtomic } from './atomic.js';
import type { Phase } from './phase.js';
import { DEFAULT_OUTPUT, outputRecord, type Format, type OutputChoice } from './resultFiles.js';

/**
 * manifest.json: what was run, with what, and how far it got. Everything in it but the
 * `execution` block is fixed by the scenario and the code; `execution` (times, workers, notes)
 * describes this particular execution and differs between otherwise identical runs.
 */
export interface Manifest {
  generator: 'draagvlak';
  version: string;
  gitCommit: string | null;
  /** True when the checkout's tracked files differ from `gitCommit`: the results come from changed code (null without git). */
  gitModified?: boolean | null;
  complete: boolean;
  note?: string;
  scenario: {
    file: string | null;
    name: string;
    /** SHA-256 of the resolved scenario as canonical JSON (keys sorted, no spaces). */
    hash: string;
    resolved: Scenario;
  };
  seed: number;
  seedRule: string;
  points: number;
  replications: number;
  runs: number;
  /** Varied parameters, in column order. */
  varied: string[];
  /** What was written of the results (`--series`, `--format`); a resumed run or a merge must keep it. */
  output: { series: string; formats: Format[] };
  /** Runs that failed (listed in failures.csv); null until the run is complete. */
  failures: number | null;
  files: string[];
  /** The files the report step writes (the charts), listed before it writes them; absent until then. */
  reportFiles?: string[];
  execution: Execution & {
    /** A merged folder: the shards it was assembled from (`draagvlak merge`), each with its execution. */
    shards?: (Execution & { dir: string; shard: string })[];
  };
  /**
   * Present in a shard's folder only (`draagvlak run --shard I/N`): shard `index` of `count`, holding
   * `runs` runs, blocks of `block` runs dealt in turn (src/run/shard.ts).
   */
  shard?: { index: number; count: number; block: number; runs: number };
}

/** How one execution went: differs between otherwise identical runs. */
export interface Execution {
  node: string;
  workers: number;
  startedAt: string;
  finishedAt: string | null;
  /** Workers that died and were replaced (their runs were run again). */
  workerRestarts: number;
  /** When each earlier, interrupted attempt started; empty for a run that never stopped. */
  resumedFrom: string[];
}

export const SEED_RULE =
  'run seed = xor4096("draagvlak/<scenario seed>/r<replicate>").int32() >>> 0 with common random numbers ' +
  '(the default; point left out so every point meets the same people), else ' +
  'xor4096("draagvlak/<scenario seed>/p<point>/r<replicate>"); each purpose (network, population, dynamics, ' +
  'interventions) draws from xor4096("<run seed>/<purpose>") — src/random/streams.ts';

/**
 * The manifest of a plan before its runs: everything but `execution` follows from the plan and the
 * code, so an unsplit run and a merge of shards write the same fields in the same order.
 */
export function planManifest(plan: RunPlan, scenarioFile: string | null, execution: Manifest['execution'], output: OutputChoice = DEFAULT_OUTPUT): Manifest {
  const scenario = plan.scenario;
  return {
    generator: 'draagvlak',
    version: packageVersion(),
    ...gitState(),
    complete: false,
    note: 'incomplete: still running, or stopped before it could say so; continue with the same command and --resume',
    scenario: { file: scenarioFile, name: scenario.name, hash: scenarioHash(scenario), resolved: scenario },
    seed: scenario.seed,
    seedRule: SEED_RULE,
    points: plan.points.length,
    replications: scenario.replications,
    runs: plan.points.length * scenario.replications,
    varied: plan.varied,
    output: outputRecord(output),
    failures: null,
    files: [],
    execution,
  };
}

/** JSON with object keys sorted at every level: the same value always gives the same text. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) => {
    if (v && typeof v === 'object' && !Array.isArray(v)) {
      return Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
    }
    return v;
  });
}

export function scenarioHash(scenario: Scenario): string {
  return createHash('sha256').update(canonicalJson(scenario)).digest('hex');
}

/** The directory of draagvlak's package.json, found upward from this module (src/ or dist/src/). */
export function packageRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const file = join(dir, 'package.json');
    if (existsSync(file) && (JSON.parse(readFileSync(file, 'utf8')) as { name?: string }).name === 'draagvlak') return dir;
    const up = dirname(dir);
    if (up === dir) throw new Error('cannot find draagvlak package.json');
    dir = up;
  }
}

export function packageVersion(): string {
  return (JSON.parse(readFileSync(join(packageRoot(), 'package.json'), 'utf8')) as { version: string }).version;
}

/**
 * The files of a checkout that make its results: the source, the command, the build and the
 * dependencies' versions. Results folders, docs, notebooks and tests are not among them, so that a run
 * writing into a results folder the checkout tracks (results/patterns, results/explore-drivers) does
 * not count its own output as changed code.
 */
const CODE_PATHS = ['src', 'bin', 'scripts', 'package.json', 'package-lock.json', 'tsconfig.build.json'];

/**
 * The git commit of the code, when it runs from a git checkout of its own (not from a package
 * installed inside another project's checkout, whose commit says nothing of draagvlak's code), and
 * whether the checkout's tracked code (CODE_PATHS) differs from it (changed, staged or deleted;
 * files git does not track are not counted); both null otherwise.
 */
export function gitState(dir: string = packageRoot()): { gitCommit: string | null; gitModified: boolean | null } {
  const git = (...args: string[]) => execFileSync('git', args, { cwd: dir, stdio: ['ignore', 'pipe', 'ignore'], timeout: 5000 }).toString().trim();
  try {
    const [top, commit] = git('rev-parse', '--show-toplevel', 'HEAD').split('\n');
    if (!commit || realpathSync(top) !== realpathSync(dir)) return { gitCommit: null, gitModified: null };
    return { gitCommit: commit, gitModified: git('status', '--porcelain', '--untracked-files=no', '--', ...CODE_PATHS) !== '' };
  } catch {
    return { gitCommit: null, gitModified: null };
  }
}

/**
 * The manifest of a results folder, or null when there is none draagvlak could have written: no
 * file, not JSON, another generator, or a field that draagvlak reads back of the wrong type (a
 * manifest edited or damaged by hand, which inspectManifest names).
 */
export function readManifest(file: string): Manifest | null {
  return inspectManifest(file).manifest;
}

/**
 * A results folder's manifest, read once: the manifest (as readManifest gives it), and what is
 * wrong with one that draagvlak wrote (its generator says so) but that was changed since —
 * `scenario.hash: expected text, found 5` — or null when nothing is, or the file is no draagvlak
 * manifest at all.
 */
export function inspectManifest(file: string): { manifest: Manifest | null; damaged: string | null } {
  let m: unknown;
  try {
    m = JSON.parse(readFileSync(file, 'utf8')) as unknown;
  } catch {
    return { manifest: null, damaged: null };
  }
  const problem = manifestProblem(m);
  if (problem === null) return { manifest: m as Manifest, damaged: null };
  const ours = typeof m === 'object' && m !== null && (m as { generator?: unknown }).generator === 'draagvlak';
  return { manifest: null, damaged: ours ? problem : null };
}

/** The first field draagvlak reads back from a manifest that is missing or of the wrong type, as `field: expected …, found …`. */
function manifestProblem(m: unknown): string | null {
  const record = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);
  const strings = (x: unknown) => Array.isArray(x) && x.every((f) => typeof f === 'string');
  const whole = (x: unknown) => Number.isSafeInteger(x) && (x as number) >= 0;
  const text = (x: unknown) => typeof x === 'string';
  const optional = (test: (x: unknown) => boolean) => (x: unknown) => x === undefined || test(x);
  const fields: [string, (x: unknown) => boolean, string][] = [
    ['generator', (x) => x === 'draagvlak', '"draagvlak"'],
    ['complete', (x) => typeof x === 'boolean', 'true or false'],
    ['note', optional(text), 'text'],
    ['runs', whole, 'a whole number'],
    ['failures', (x) => x === null || x === undefined || whole(x), 'a whole number or null'],
    ['files', strings, 'a list of file names'],
    ['reportFiles', optional(strings), 'a list of file names'],
    ['scenario', record, 'a mapping'],
    ['scenario.file', (x) => x === null || text(x), 'text or null'],
    ['scenario.name', text, 'text'],
    ['scenario.hash', text, 'text'],
    ['scenario.resolved', record, 'a mapping'],
    ['execution', record, 'a mapping'],
    ['execution.startedAt', text, 'text'],
    ['execution.resumedFrom', strings, 'a list of times'],
    ['shard', optional(record), 'a mapping'],
    ...(['index', 'count', 'block', 'runs'] as const).map((k): [string, (x: unknown) => boolean, string] => [`shard.${k}`, whole, 'a whole number']),
  ];
  for (const [path, ok, expected] of fields) {
    const [head, key] = path.split('.');
    const parent = record(m) ? m[head] : undefined;
    // a field inside an optional mapping that is absent is not asked for
    if (key !== undefined && parent === undefined && head === 'shard') continue;
    const value = key === undefined ? parent : record(parent) ? parent[key] : undefined;
    if (!ok(value)) return `${path}: expected ${expected}, found ${show(value)}`;
  }
  return null;
}

/** Writes a manifest atomically; `at` names the phase of a run this write is. */
export function writeManifest(file: string, manifest: Manifest, at?: Phase): void {
  writeFileAtomic(file, JSON.stringify(manifest, null, 2) + '\n', at);
}

/**
 * Adds files the report step writes (charts) to a folder's manifest, so that a later run knows
 * them as draagvlak's own and may replace them. A folder without a manifest is left alone.
 */
export function recordFiles(dir: string, files: readonly string[]): void {
  const file = join(dir, 'manifest.json');
  const manifest = readManifest(file);
  if (!manifest) return;
  const listed = new Set(manifest.reportFiles ?? []);
  if (files.every((f) => listed.has(f))) return;
  manifest.reportFiles = [...listed, ...files.filter((f) => !listed.has(f))];
  writeManifest(file, manifest);
}
