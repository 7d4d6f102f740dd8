import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BIN, folderBytes, workdir, type CliResult } from './cli.js';

/**
 * bin/draagvlak.js runs the command line bundled by esbuild (dist/cli/). Its oracle is the same
 * command run from the modules tsc built (dist/src/cli/main.js): every file and every line printed
 * must be the same, byte for byte — results, report, charts with their PNGs, problems and exit codes.
 */
const UNBUNDLED = resolve(import.meta.dirname, '../../dist/src/cli/main.js');
// a file, not `node -e`: worker threads inherit the process's node options
const runUnbundled = join(mkdtempSync(join(tmpdir(), 'draagvlak-unbundled-')), 'unbundled.mjs');
writeFileSync(runUnbundled, `const { main } = await import(process.argv[2]); process.exitCode = await main([process.argv[0], 'draagvlak', ...process.argv.slice(3)]);`);

function run(argv: string[], cwd: string): CliResult {
  const r = spawnSync(process.execPath, argv, { cwd, encoding: 'utf8', timeout: 110_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}
const bundled = (args: string[], cwd: string) => run([BIN, ...args], cwd);
const unbundled = (args: string[], cwd: string) => run([runUnbundled, UNBUNDLED, ...args], cwd);

const comparison = `name: pair
description: Two strategies on the same small neighbourhoods.
question: Does the bundled command write the same bytes?
seed: 5
replications: 3
horizon: 30
sampleEvery: 5
population:
  neighbourhoods: 2
  households: 40
compare:
  - preset: classic
  - preset: cooperative
`;

describe('the bundled command line', () => {
  it('writes the results, charts, PNGs and report of the unbundled modules, byte for byte (threads and in-thread)', () => {
    const cwd = workdir({ 'pair.yaml': comparison });
    expect(unbundled(['run', 'pair.yaml', '--workers', '2', '--out', 'modules'], cwd).code).toBe(0);
    expect(bundled(['run', 'pair.yaml', '--workers', '2', '--out', 'threads'], cwd).code).toBe(0);
    // without --workers a plan this small runs in the calling thread
    expect(bundled(['run', 'pair.yaml', '--out', 'inThread'], cwd).code).toBe(0);
    const expected = folderBytes(join(cwd, 'modules'));
    expect(Object.keys(expected)).toContain(join('charts', 'reach-curve.png'));
    for (const out of ['threads', 'inThread']) {
      const found = folderBytes(join(cwd, out));
      expect(Object.keys(found)).toEqual(Object.keys(expected));
      for (const name of Object.keys(expected)) expect(found[name], `${out}/${name}`).toBe(expected[name]);
    }
    // and a report rebuilt from the folder
    expect(bundled(['report', 'threads', '--quiet'], cwd).code).toBe(0);
    expect(unbundled(['report', 'modules', '--quiet'], cwd).code).toBe(0);
    expect(folderBytes(join(cwd, 'threads'))).toEqual(folderBytes(join(cwd, 'modules')));
  });

  it('prints the same problems and exits with the same code on bad input', () => {
    const cwd = workdir({ 'bad.yaml': comparison.replace('households: 40', 'households: many') });
    const found = bundled(['run', 'bad.yaml'], cwd);
    expect(found.code).toBe(2);
    expect(found.stderr).toContain('households');
    expect(found).toEqual(unbundled(['run', 'bad.yaml'], cwd));
    expect(bundled(['validate', 'bad.yaml'], cwd)).toEqual(unbundled(['validate', 'bad.yaml'], cwd));
  });

  it('reads the files that lie beside its modules: the scenario schema and the studio page', () => {
    const cwd = workdir({ 'pair.yaml': comparison });
    const schema = bundled(['schema'], cwd);
    expect(schema.code).toBe(0);
    expect(schema).toEqual(unbundled(['schema'], cwd));
    expect(bundled(['studio', 'pair.yaml', '--out', 'bundled.html'], cwd).code).toBe(0);
    expect(unbundled(['studio', 'pair.yaml', '--out', 'modules.html'], cwd).code).toBe(0);
    const page = readFileSync(join(cwd, 'bundled.html'), 'utf8');
    expect(page.length).toBeGreaterThan(100_000);
    expect(page).toBe(readFileSync(join(cwd, 'modules.html'), 'utf8'));
  });
});
