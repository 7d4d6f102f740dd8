import { renameSync, writeFileSync } from 'node:fs';
import { phase, type Phase } from './phase.js';

/**
 * Writes a file so that readers see the old content or the new, never half of it: temp + rename.
 * `at` names the phase of a run this write is (the pause hook stops between the write and the rename).
 */
export function writeFileAtomic(file: string, content: string | Uint8Array, at?: Phase): void {
  const tmp = `${file}.${process.pid}.tmp`;
  writeFileSync(tmp, content);
  if (at) phase(at);
  renameSync(tmp, file);
}
