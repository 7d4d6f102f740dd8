import { existsSync, readdirSync, statSync } from 'node:fs';
import { isAbsolute, join, relative, resolve } from 'node:path';
import { readManifest } from './manifest.js';

/**
 * The rule for a results folder (`--out`), checked before anything is written:
 * - it must lie inside the current working directory (so a typo cannot scatter files over the
 *   disk or overwrite something elsewhere); `--force` lifts this;
 * - it must not be a file;
 * - if it exists it must be empty or an earlier draagvlak results folder (it has a draagvlak
 *   manifest.json), whose result files are then replaced; anything else is refused, even with
 *   `--force`;
 * - `--resume` needs an earlier, interrupted results folder there.
 * Returns one message per problem; none means the folder may be used.
 */
export function outDirProblems(out: string, options: { cwd?: string; force?: boolean; resume?: boolean } = {}): string[] {
  const cwd = resolve(options.cwd ?? process.cwd());
  const dir = resolve(cwd, out);
  const problems: string[] = [];
  const rel = relative(cwd, dir);
  if (!options.force && (rel === '' || rel.startsWith('..') || isAbsolute(rel))) {
    problems.push(`--out ${out}: resolves to ${dir}, which is not inside the current directory ${cwd}; choose a folder inside it, or pass --force`);
  }
  if (!existsSync(dir)) {
    if (options.resume) problems.push(`--resume: ${dir} does not exist, so there is nothing to resume`);
    return problems;
  }
  if (!statSync(dir).isDirectory()) {
    problems.push(`--out ${out}: ${dir} is a file, not a folder`);
    return problems;
  }
  const manifest = readManifest(join(dir, 'manifest.json'));
  if (!manifest && readdirSync(dir).length > 0) {
    problems.push(`--out ${out}: ${dir} exists and is not a draagvlak results folder (no draagvlak manifest.json); choose another folder or empty it`);
  }
  if (options.resume && !manifest) problems.push(`--resume: ${dir} holds no earlier run to resume`);
  return problems;
}
