import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { csvCells } from '../../src/analysis/csvText.js';

/** The built command, as `npx draagvlak` runs it (`npm test` builds first). */
export const BIN = resolve(import.meta.dirname, '../../bin/draagvlak.js');

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs `draagvlak ARGS` in `cwd` and waits for it. */
export function draagvlak(args: string[], cwd: string, env: Record<string, string> = {}): CliResult {
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd, env: { ...process.env, ...env }, encoding: 'utf8', timeout: 110_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** What startDraagvlak started and has not exited. */
const running = new Set<ChildProcess>();

/** Starts `draagvlak ARGS` in `cwd` without waiting. */
export function startDraagvlak(args: string[], cwd: string, env: Record<string, string> = {}): ChildProcess {
  const child = spawn(process.execPath, [BIN, ...args], { cwd, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  running.add(child);
  child.once('exit', () => running.delete(child));
  return child;
}

/**
 * Kills whatever startDraagvlak started that still runs: after a test that failed before it
 * stopped its run (one paused by DRAAGVLAK_PAUSE_AT waits for ever, a server serves for ever), so
 * that nothing outlives it. Files that start runs call it after each test.
 */
export function stopStarted(): void {
  for (const child of running) child.kill('SIGKILL');
}

export function exited(child: ChildProcess): Promise<number | null> {
  return new Promise((done) => child.once('exit', (code) => done(code)));
}

/** A fresh working directory holding the given scenario files. */
export function workdir(files: Record<string, string> = {}): string {
  const dir = mkdtempSync(join(tmpdir(), 'draagvlak-e2e-'));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return dir;
}

/** A small, fast scenario: two tiny neighbourhoods, a short horizon, a 3-point steering sweep. */
export function tinySweep(options: { replications?: number; households?: number; horizon?: number; seed?: number } = {}): string {
  return `name: tiny
description: A tiny sweep for end-to-end tests.
question: Does the pipeline keep every byte?
seed: ${options.seed ?? 3}
replications: ${options.replications ?? 4}
horizon: ${options.horizon ?? 20}
sampleEvery: 5
population:
  neighbourhoods: 2
  households: ${options.households ?? 30}
sweep:
  design: grid
  parameters:
    strategy.steering: [0.2, 0.5, 0.8]
`;
}

export const RESULT_FILES = ['runs.csv', 'initiatives.csv', 'series.csv', 'failures.csv'];

/** The result files of a folder (null for one that is absent). */
export function resultFiles(dir: string): Record<string, string | null> {
  return Object.fromEntries(RESULT_FILES.map((f) => [f, existsSync(join(dir, f)) ? readFileSync(join(dir, f), 'utf8') : null]));
}

export function listing(dir: string): string[] {
  return existsSync(dir) ? readdirSync(dir).sort() : [];
}

/** Rows of a CSV as draagvlak writes it (no line breaks inside cells), by column name. */
export function csvRows(text: string): Record<string, string>[] {
  const [head, ...lines] = text.trimEnd().split('\n');
  const cols = csvCells(head!);
  return lines.map((l) => {
    const cells = csvCells(l);
    return Object.fromEntries(cols.map((c, i) => [c, cells[i] ?? '']));
  });
}

/**
 * Every file of a results folder, by path inside it, for comparing a merged folder with an unsplit
 * one: the manifest without its `execution` block, and report.html without the lines that show it (started, finished, workers, Node,
 * and the full manifest it prints) — what differs between any two executions of one scenario.
 */
export function folderBytes(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const name of readdirSync(dir, { recursive: true, encoding: 'utf8' }).sort()) {
    const path = join(dir, name);
    if (!statSync(path).isFile()) continue;
    let text = readFileSync(path, 'latin1');
    if (name === 'manifest.json') text = JSON.stringify({ ...JSON.parse(text), execution: undefined });
    if (name === 'report.html') {
      text = text
        .replace(/<dt>(Started|Finished|Workers|Node)<\/dt><dd>[^<]*<\/dd>/g, '<dt>$1</dt><dd>…</dd>')
        .replace(/\n {2}&quot;execution&quot;: \{[\s\S]*?\n {2}\}/, '\n  &quot;execution&quot;: …');
    }
    out[name] = text;
  }
  return out;
}
