import { accessSync, constants, existsSync, lstatSync, readdirSync, realpathSync, statfsSync, statSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { lockHolder, lockMessage } from './lock.js';
import { inspectManifest } from './manifest.js';
import { megabytes, neededAndFound } from './capacity.js';
import { isLeftover, linkedSubfolders, ownedBytes } from './owned.js';

export interface OutDirCheck {
  /** The folder with every symlink resolved: where the run will write. */
  dir: string;
  /** One message per problem; none means the folder may be used. */
  problems: string[];
}

export interface OutDirOptions {
  /** `--resume`: the folder must hold an earlier run. */
  resume?: boolean;
  /** The free space the run needs, in bytes. */
  bytes?: number;
  /** How the folder was given, to begin each problem with: `--out DIR` by default. */
  name?: string;
}

/**
 * The rule for a results folder (`--out`), checked before anything is written. Any path may be
 * used; symlinks are resolved first, so every check applies to where the files would really go:
 * - it must be a folder, or not exist yet (its parent path must then lead to a folder);
 * - it must be writable (not on a read-only file system) and have the free space the run needs
 *   (`bytes`, estimated from the run count), counting as free the space of an earlier run's own
 *   files in the folder, which a new run replaces and a resumed one keeps as its own;
 * - if it exists it must be empty or an earlier draagvlak results folder (it has a draagvlak
 *   manifest.json), whose own files are then replaced; anything else is refused;
 * - no other live draagvlak run may hold its lock;
 * - `--resume` needs an earlier results folder there.
 */
export function checkOutDir(out: string, options: OutDirOptions = {}): OutDirCheck {
  const problems: string[] = [];
  const name = options.name ?? `--out ${out}`;
  const target = resolve(out);
  // The deepest part of the path that exists, with its symlinks resolved; the rest is to be made.
  let existing = target;
  const missing: string[] = [];
  while (!existsSync(existing)) {
    if (isDanglingLink(existing)) {
      return { dir: target, problems: [`${name}: ${existing} is a symlink to nothing`] };
    }
    missing.unshift(basename(existing));
    const up = dirname(existing);
    if (up === existing) break;
    existing = up;
  }
  const real = realpathSync(existing);
  const dir = join(real, ...missing);
  const shown = dir === target ? dir : `${dir} (${target} resolved)`;
  if (!statSync(real).isDirectory()) {
    return { dir, problems: [`${name}: ${missing.length ? `${real} is a file, so ${shown} cannot be a folder` : `${shown} is a file, not a folder`}`] };
  }
  try {
    accessSync(real, constants.W_OK);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    return { dir, problems: [`${name}: ${code === 'EROFS' ? `${real} is on a read-only file system` : `${real} is not writable (${code})`}`] };
  }
  if (options.bytes !== undefined) {
    // an earlier run's own files in the folder are replaced (or, resumed, kept as part of the run): their space counts as free
    const reused = missing.length === 0 ? ownedBytes(dir) : 0;
    const fs = statfsSync(real);
    const free = fs.bavail * fs.bsize;
    if (free + reused < options.bytes) {
      const [need, found] = neededAndFound(options.bytes, free + reused);
      const where = reused > 0 ? `${found} on ${real} (${megabytes(free)} free and ${megabytes(reused)} in the earlier run's files there)` : `${found} free on ${real}`;
      problems.push(`${name}: expected about ${need} of free space for the results, found ${where}`);
    }
  }
  if (missing.length > 0) {
    if (options.resume) problems.push(`--resume: ${dir} does not exist, so there is nothing to resume`);
    return { dir, problems };
  }
  const holder = lockHolder(dir);
  if (holder) problems.push(lockMessage(dir, holder, options.name));
  problems.push(...linkedSubfolders(dir, name));
  // a manifest draagvlak wrote that was changed since (damaged): which of the folder's files are draagvlak's is not known
  const { manifest, damaged } = inspectManifest(join(dir, 'manifest.json'));
  const foreign = readdirSync(dir).filter((entry) => !isLeftover(entry));
  if (damaged) problems.push(`${name}: ${join(dir, 'manifest.json')}: ${damaged}; restore it, or choose another folder or empty it`);
  else if (!manifest && foreign.length > 0) {
    problems.push(`${name}: ${shown} exists and is not a draagvlak results folder (no draagvlak manifest.json); choose another folder or empty it`);
  }
  if (options.resume && !manifest && !damaged && foreign.length > 0) problems.push(`--resume: ${dir} holds no earlier run to resume`);
  return { dir, problems };
}

function isDanglingLink(path: string): boolean {
  try {
    return lstatSync(path).isSymbolicLink();
  } catch {
    return false;
  }
}

/** The problems of checkOutDir alone (the library's and the tests' shorthand). */
export function outDirProblems(out: string, options: OutDirOptions = {}): string[] {
  return checkOutDir(out, options).problems;
}
