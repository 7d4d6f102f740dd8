import { existsSync, writeFileSync } from 'node:fs';

/**
 * The named phases of a run, in order: the first result part written, the final files assembled
 * (before their renames), each rename, the manifest (its first write, and its last), summary.csv,
 * the charts and report.html (each before the rename that puts it in place).
 */
export type Phase =
  | 'manifest-start' | 'parts' | 'assembly' | `rename:${string}` | 'manifest' | 'summary' | 'charts' | 'report';

const sleeper = new Int32Array(new SharedArrayBuffer(4));
/** Phases this process has paused at: each pauses once (a phase such as `parts` recurs). */
const paused = new Set<string>();

/**
 * Test hook: with `DRAAGVLAK_PAUSE_AT=<phase>` and `DRAAGVLAK_PAUSE_MARKER=<file>`, the process
 * writes its pid to the marker file when it reaches that phase and waits, blocking, until the
 * file is removed (or the process is killed). Tests use it to kill a run at an exact moment, or
 * to change the world under it (fill its disk), without relying on timing.
 */
export function phase(name: Phase): void {
  const marker = process.env.DRAAGVLAK_PAUSE_MARKER;
  if (!marker || process.env.DRAAGVLAK_PAUSE_AT !== name || paused.has(name)) return;
  paused.add(name);
  writeFileSync(marker, `${process.pid}\n`);
  while (existsSync(marker)) Atomics.wait(sleeper, 0, 0, 20);
}
