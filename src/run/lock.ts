import { closeSync, openSync, readFileSync, rmSync, statSync, utimesSync, writeSync } from 'node:fs';
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

/**
 * The heartbeat of a lock: while a process holds it, it sets the lock file's modification time to
 * now every `heartbeatMs`. A lock taken on another host whose file was last modified more than
 * `staleMs` ago (several heartbeats missed: that run is gone) is stale. Changed only by tests.
 */
export const lockTiming = { heartbeatMs: 30_000, staleMs: 120_000 };

/** Locks this process holds, by folder: how many times each was taken (a run takes it, then its report), its heartbeat and when it last beat. */
const held = new Map<string, { count: number; heartbeat: NodeJS.Timeout; beat: () => void; last: number }>();

/**
 * A lock file that names no run: one being written this instant (the file is created, empty, before
 * its holder writes into it), or one left by a run killed between the two.
 */
const UNNAMED: LockHolder = { pid: 0, host: '', startedAt: '' };

/** What a lock file says; null when there is none, UNNAMED when it names no run. */
function readHolder(dir: string): LockHolder | null {
  let text: string;
  try {
    text = readFileSync(join(dir, LOCK), 'utf8');
  } catch {
    return null;
  }
  try {
    const h = JSON.parse(text) as Partial<LockHolder> | null;
    return h && typeof h.pid === 'number' && h.pid > 0 && typeof h.host === 'string' ? { pid: h.pid, host: h.host, startedAt: String(h.startedAt) } : UNNAMED;
  } catch {
    return UNNAMED;
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

/** Whether the lock file was last modified (by its holder's heartbeat) more than `staleMs` ago. */
function silent(dir: string): boolean {
  try {
    return Date.now() - statSync(join(dir, LOCK)).mtimeMs > lockTiming.staleMs;
  } catch {
    return true;
  }
}

/**
 * The live run that holds a folder's lock, or null. A lock left by a process that no longer runs
 * on this host (after a kill -9) is stale and counts as free. A lock taken on another host cannot
 * be checked by its pid: it counts as held while its holder's heartbeat keeps it fresh, and as
 * stale once its file has not been modified for `lockTiming.staleMs`. So is a lock file that names
 * no run: it is held by a run that is writing it now, so that two runs started at once never both
 * take the folder, unless it has not been modified for as long.
 */
export function lockHolder(dir: string): LockHolder | null {
  const h = readHolder(dir);
  if (!h) return null;
  const local = h !== UNNAMED && h.host === hostname();
  if (local ? h.pid === process.pid || !alive(h.pid) : silent(dir)) return null;
  return h;
}

/** The refusal of a folder another run holds; `name` is how the folder was given (`--out DIR` by default). */
export function lockMessage(dir: string, h: LockHolder, name = `--out ${dir}`): string {
  const who = h === UNNAMED ? 'one starting: its lock file names no run yet' : `pid ${h.pid} on ${h.host}, since ${h.startedAt}`;
  return `${name}: in use by another draagvlak run (${who}); wait for it to finish, or if that run is gone remove ${join(dir, LOCK)}`;
}

/**
 * Takes the lock of a results folder (which must exist) for this process: writes its pid and host
 * into DIR/.draagvlak.lock, created exclusively, and keeps the file's modification time fresh (the
 * heartbeat) until it is released; a stale lock is taken over. Throws a UsageError naming the
 * holder (and the folder as `name`, `--out DIR` by default) when another live run has it.
 * Returns the function that releases it.
 */
export function acquireLock(dir: string, name?: string): () => void {
  const mine = held.get(dir);
  if (mine) mine.count++;
  else {
    for (let attempt = 0; ; attempt++) {
      try {
        const fd = openSync(join(dir, LOCK), 'wx');
        try {
          writeSync(fd, JSON.stringify({ pid: process.pid, host: hostname(), startedAt: new Date().toISOString() } satisfies LockHolder) + '\n');
        } catch (err) {
          // a lock file that names no run keeps others out: not one this run could not write (a full disk)
          closeSync(fd);
          rmSync(join(dir, LOCK), { force: true });
          throw err;
        }
        closeSync(fd);
        break;
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
        const holder = lockHolder(dir);
        // A stale lock is taken over once; finding it taken again means another run just took it.
        if (holder || attempt > 0) throw new UsageError(lockMessage(dir, holder ?? { pid: 0, host: 'this host', startedAt: 'just now' }, name));
        rmSync(join(dir, LOCK), { force: true });
      }
    }
    const beat = () => {
      const now = new Date();
      entry.last = now.getTime();
      try {
        utimesSync(join(dir, LOCK), now, now);
      } catch {
        // the folder or its lock file was removed under the run: nothing to keep fresh
      }
    };
    // unref'd: the heartbeat never keeps a process alive; runs in this thread yield to it between runs
    const entry = { count: 1, heartbeat: setInterval(beat, lockTiming.heartbeatMs).unref(), beat, last: Date.now() };
    held.set(dir, entry);
  }
  let released = false;
  return () => {
    if (released) return;
    released = true;
    const entry = held.get(dir);
    if (!entry) return;
    if (--entry.count > 0) return;
    clearInterval(entry.heartbeat);
    held.delete(dir);
    const h = readHolder(dir);
    if (h && h.pid === process.pid && h.host === hostname()) rmSync(join(dir, LOCK), { force: true });
  };
}

/**
 * Beats now every lock this process holds whose heartbeat is due. The heartbeat is a timer, which
 * cannot fire while the thread works without a pause; work that can outlast it in one synchronous
 * stretch (assembling a large run's parts) calls this as it goes.
 */
export function keepLocksFresh(): void {
  const now = Date.now();
  for (const entry of held.values()) if (now - entry.last >= lockTiming.heartbeatMs) entry.beat();
}
