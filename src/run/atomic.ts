import { renameSync, writeFileSync } from 'node:fs';

/** Writes a file so that readers see the old content or the new, never half of it: temp + rename. */
export function writeFileAtomic(file: string, content: string | Uint8Array): void {
  const tmp = `${file}.${process.pid}.tmp`;
  writeFileSync(tmp, content);
  renameSync(tmp, file);
}
