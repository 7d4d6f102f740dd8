import { closeSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { UsageError } from './errors.js';

/** The lock file of a results folder: present while a draagvlak run writes into it. */
export const LOCK = '.draagvlak.lock';

export interface LockHolder {
  pid: number;
  host: string;
  startedAt: string;
}

/** Locks this process holds, by folder, with how many times each was taken (a run takes it, then its report). */
const held = new Map<string, number>();

/** What a lock file says; null when there is none or it names no one (cut short by a kill between its creation and its write). */
function readHolder(dir: string): LockHolder | null {
  try {
    const h = JSON.parse(readFileSync(join(dir, LOCK), 'utf8')) as Partial<LockHolder> | null;
    return h && typeof h.pid === 'number' && h.pid > 0 && typeof h.host === 'string' ? { pid: h.pid, host: h.host, startedAt: String(h.startedAt) } : null;
  } catch {
    return null;
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * The live run that holds a folder's lock, or null. A lock left by a process that no longer runs
 * on this host (after a kill -9) is stale and counts as free; a lock taken on another host cannot
 * be checked and counts as held.
 */
export function lockHolder(dir: string): LockHolder | null {
  const h = readHolder(dir);
  if (!h || (h.host === hostname() && (h.pid === process.pid || !alive(h.pid)))) return null;
  return h;
}

/** The refusal of a folder another run holds; `name` is how the folder was given (`--out DIR` by default). */
export function lockMessage(dir: string, h: LockHolder, name = `--out ${dir}`): string {
  return `${name}: in use by another draagvlak run (pid ${h.pid} on ${h.host}, since ${h.startedAt}); wait for it to finish, or if that run is gone remove ${join(dir, LOCK)}`;
}

/**
 * Takes the lock of a results folder (which must exist) for this process: writes its pid and host
 * into DIR/.draagvlak.lock, created exclusively; a stale lock is taken over. Throws a UsageError
 * naming the holder (and the folder as `name`, `--out DIR` by default) when another live run has it.
 * Returns the function that releases it.
 */
export function acquireLock(dir: string, name?: string): () => void {
  const count = held.get(dir) ?? 0;
  if (count === 0) {
    for (let attempt = 0; ; attempt++) {
      try {
        const fd = openSync(join(dir, LOCK), 'wx');
        try {
          writeSync(fd, JSON.stringify({ pid: process.pid, host: hostname(), startedAt: new Date().toISOString() } satisfies LockHolder) + '\n');
        } finally {
          closeSync(fd);
        }
        break;
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
        const holder = lockHolder(dir);
        // A stale lock is taken over once; finding it taken again means another run just took it.
        if (holder || attempt > 0) throw new UsageError(lockMessage(dir, holder ?? { pid: 0, host: 'this host', startedAt: 'just now' }, name));
        rmSync(join(dir, LOCK), { force: true });
      }
    }
  }
  held.set(dir, count + 1);
  let released = false;
  return () => {
    if (released) return;
    released = true;
    const left = (held.get(dir) ?? 1) - 1;
    if (left > 0) return void held.set(dir, left);
    held.delete(dir);
    const h = readHolder(dir);
    if (h && h.pid === process.pid && h.host === hostname()) rmSync(join(dir, LOCK), { force: true });
  };
}
