import { spawnSync, execFileSync, type ChildProcess } from 'node:child_process';
import { existsSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, readlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { BIN, startDraagvlak } from '../e2e/cli.js';

export { stopStarted } from '../e2e/cli.js';

/**
 * Helpers of the reliability catalogue: run the built command, snapshot a folder tree (to show
 * that nothing outside the results folder changed), mount small or read-only file systems, and
 * stop a run at a named phase through the DRAAGVLAK_PAUSE_AT hook.
 */

export interface Outcome {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** A tiny sweep: 3 points × 2 replications of a small world, a second or two with its report. */
export const TINY = `name: tiny
seed: 5
replications: 2
horizon: 16
sampleEvery: 4
population:
  neighbourhoods: 2
  households: 24
sweep:
  design: grid
  parameters:
    strategy.steering: [0.2, 0.5, 0.8]
`;

export function run(args: string[], cwd: string, env: Record<string, string> = {}): Outcome {
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd, env: { ...process.env, ...env }, encoding: 'utf8', timeout: 110_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

export function start(args: string[], cwd: string, env: Record<string, string> = {}): ChildProcess & { output: Outcome } {
  const child = startDraagvlak(args, cwd, env);
  const output: Outcome = { code: null, stdout: '', stderr: '' };
  child.stdout!.on('data', (d: Buffer) => (output.stdout += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (output.stderr += d.toString()));
  child.once('exit', (code) => (output.code = code));
  return Object.assign(child, { output });
}

export function exited(child: ChildProcess): Promise<number | null> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve(child.exitCode);
  return new Promise((done) => child.once('exit', (code) => done(code)));
}

/** A fresh working directory under the system's temporary folder, holding the given files. */
export function workdir(files: Record<string, string> = {}): string {
  const dir = mkdtempSync(join(tmpdir(), 'draagvlak-rel-'));
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(join(dir, name, '..'), { recursive: true });
    writeFileSync(join(dir, name), text);
  }
  return dir;
}

/**
 * Every entry under a folder with its type, size and content digest (symlinks by target), except
 * those under `skip` (relative paths): two equal snapshots mean nothing there changed.
 */
export function snapshot(root: string, skip: string[] = []): Record<string, string> {
  const out: Record<string, string> = {};
  const visit = (dir: string) => {
    for (const name of readdirSync(dir).sort()) {
      const path = join(dir, name);
      const rel = relative(root, path);
      if (skip.some((s) => rel === s || rel.startsWith(`${s}/`))) continue;
      const st = lstatSync(path);
      if (st.isSymbolicLink()) out[rel] = `link ${readlinkSync(path)}`;
      else if (st.isDirectory()) {
        out[rel] = 'dir';
        visit(path);
      } else if (st.isFile()) out[rel] = `file ${st.size} ${readFileSync(path).toString('base64').slice(0, 64)}`;
      else out[rel] = 'special';
    }
  };
  if (existsSync(root)) visit(root);
  return out;
}

/** The files of a results folder, by relative path, for a byte comparison (report.html with its execution times masked). */
export function resultBytes(dir: string): Record<string, string> {
  const files: Record<string, string> = {};
  const visit = (sub: string) => {
    for (const name of readdirSync(join(dir, sub)).sort()) {
      const rel = sub ? `${sub}/${name}` : name;
      if (lstatSync(join(dir, rel)).isDirectory()) visit(rel);
      else if (rel !== 'manifest.json') files[rel] = readFileSync(join(dir, rel)).toString('base64');
    }
  };
  visit('');
  if (files['report.html']) {
    // The report shows the manifest's execution block (times, earlier attempts), which differs by design.
    files['report.html'] = Buffer.from(files['report.html'], 'base64')
      .toString('utf8')
      .replace(/\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d+Z/g, 'TIME')
      .replace(/resumedFrom&quot;: \[[^\]]*\]/g, 'resumedFrom')
      .replace(/resumedFrom": \[[^\]]*\]/g, 'resumedFrom');
  }
  return files;
}

/** Mounts a tmpfs of `size` at `dir` (made if missing). Fails loudly when mounting is impossible. */
export function mountTmpfs(dir: string, size: string): void {
  mkdirSync(dir, { recursive: true });
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${size}`, 'tmpfs', dir], { stdio: 'pipe' });
  } catch (err) {
    throw new Error(`cannot mount a tmpfs at ${dir} (these tests need root, as CI runs them): ${(err as { stderr?: Buffer }).stderr?.toString().trim() || (err as Error).message}`);
  }
}

export function remountReadOnly(dir: string): void {
  execFileSync('mount', ['-o', 'remount,ro', dir], { stdio: 'pipe' });
}

/** A read-only bind mount of `source` at `dir`. */
export function bindReadOnly(source: string, dir: string): void {
  mkdirSync(dir, { recursive: true });
  execFileSync('mount', ['--bind', source, dir], { stdio: 'pipe' });
  execFileSync('mount', ['-o', 'remount,bind,ro', dir], { stdio: 'pipe' });
}

export function unmount(dir: string): void {
  try {
    execFileSync('umount', [dir], { stdio: 'pipe' });
  } catch {
    // already gone
  }
}

/** The environment that pauses a run at `phase`, writing `marker` when it gets there. */
export function pauseAt(phase: string, marker: string): Record<string, string> {
  return { DRAAGVLAK_PAUSE_AT: phase, DRAAGVLAK_PAUSE_MARKER: marker };
}

/** Waits until a paused run has written its marker (or has exited, which fails the caller's checks). */
export async function reached(marker: string, child: ChildProcess): Promise<boolean> {
  for (let i = 0; i < 6000; i++) {
    if (existsSync(marker)) return true;
    if (child.exitCode !== null || child.signalCode !== null) return false;
    await sleep(10);
  }
  return false;
}
