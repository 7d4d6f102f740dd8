import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { pathToFileURL } from 'node:url';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { executeToResultSet } from '../../src/analysis/execute.js';
import { buildReport } from '../../src/charts/report.js';
import { runModel } from '../../src/model/run.js';
import { planRuns } from '../../src/scenario/design.js';
import { parseScenario } from '../../src/scenario/load.js';
import { draagvlak } from '../e2e/cli.js';

const README = readFileSync(resolve(import.meta.dirname, '../../README.md'), 'utf8');

/** The fenced blocks of a language in a section of the README (from its heading to the next of its level). */
function blocks(section: string, lang: string): string[] {
  const start = README.indexOf(section);
  if (start < 0) throw new Error(`README has no section ${section}`);
  const level = /^#+/.exec(section)![0];
  const rest = README.slice(start + section.length);
  const end = rest.search(new RegExp(`\\n${level} `));
  const text = end < 0 ? rest : rest.slice(0, end);
  return [...text.matchAll(new RegExp('```' + lang + '\\n([\\s\\S]*?)```', 'g'))].map((m) => m[1]);
}

describe('the README', () => {
  it('its library example runs as written and writes what draagvlak run writes, byte for byte', () => {
    // the block as a user would save it, importing the built package (what `from 'draagvlak'` resolves to)
    const [example] = blocks('## Using it as a library', 'js');
    expect(example).toContain("from 'draagvlak'");
    const index = pathToFileURL(resolve(import.meta.dirname, '../../dist/src/index.js')).href;
    const cwd = mkdtempSync(join(tmpdir(), 'draagvlak-readme-lib-'));
    mkdirSync(join(cwd, 'scenarios'));
    writeFileSync(join(cwd, 'scenarios/baseline.yaml'), readFileSync(resolve(import.meta.dirname, '../../scenarios/baseline.yaml')));
    writeFileSync(join(cwd, 'example.mjs'), example.replace("from 'draagvlak'", `from '${index}'`));
    const r = spawnSync(process.execPath, ['example.mjs'], { cwd, encoding: 'utf8', timeout: 110_000 });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    for (const f of ['report.html', 'datapackage.json']) expect(existsSync(join(cwd, 'results/mine', f)), f).toBe(true);
    // the oracle: the command itself, on the same scenario and replications
    const cli = draagvlak(['run', 'scenarios/baseline.yaml', '--replications', '2', '--out', 'results/cli', '--quiet', '--no-png', '--workers', '2'], cwd);
    expect(cli.code, cli.stderr).toBe(0);
    for (const f of ['runs.csv', 'initiatives.csv', 'series.csv', 'summary.csv', 'charts/reach-curve.vl.json']) {
      expect(readFileSync(join(cwd, 'results/mine', f), 'latin1'), f).toBe(readFileSync(join(cwd, 'results/cli', f), 'latin1'));
    }

    // Re-running one row: the second block prints point 2, replicate 1's row of runs.csv, byte for byte.
    const [, rerun] = blocks('## Using it as a library', 'js');
    expect(rerun).toContain('runOne(runModel, runContext(plan), 2, 1)');
    writeFileSync(join(cwd, 'rerun.mjs'), rerun.replace("from 'draagvlak'", `from '${index}'`));
    const again = spawnSync(process.execPath, ['rerun.mjs'], { cwd, encoding: 'utf8', timeout: 110_000 });
    expect(again.stderr).toBe('');
    const row = readFileSync(join(cwd, 'results/mine/runs.csv'), 'utf8').split('\n').find((line) => line.startsWith('2,1,'));
    expect(row).toBeDefined();
    expect(again.stdout).toBe(`${row}\n`);
  }, 120_000);

  it('quick start takes two commands: npm ci && npm start, then npm test', () => {
    const commands = blocks('## Quick start', 'sh').flatMap((b) => b.trim().split('\n'));
    expect(commands).toEqual(['npm ci && npm start', 'npm test']);
    const pkg = JSON.parse(readFileSync(resolve(import.meta.dirname, '../../package.json'), 'utf8')) as { scripts: Record<string, string> };
    expect(pkg.scripts.start).toBe('node bin/draagvlak.js run scenarios/baseline.yaml');
  });

  it("the rehearsal example is a valid scenario with every trigger, and its report names every intervention", async () => {
    const example = blocks('## Scenario format', 'yaml').find((b) => b.includes('plans:'));
    expect(example).toBeDefined();
    // Run small: the same file, two replicates of a smaller world.
    const scenario = parseScenario(example!, 'readme.yaml', { replications: 2, set: ['population.households=40', 'horizon=60'] });
    const triggers = scenario.plans!.flatMap((p) => p.interventions).map((i) => (i.at !== undefined ? 'at' : i.from !== undefined ? 'from' : i.when ? 'when' : '?'));
    expect(new Set(triggers)).toEqual(new Set(['at', 'from', 'when']));
    const plan = planRuns(scenario);
    expect(plan.points.map((p) => p.label)).toEqual(['no intervention', 'early evening', 'field for half a year', 'evening once support grows']);
    const out = mkdtempSync(join(tmpdir(), 'draagvlak-readme-'));
    const { results } = await executeToResultSet(plan, { out, workers: 1, model: runModel, quiet: true, handleSignals: false });
    await buildReport(results!, { png: false });
    const html = readFileSync(join(out, 'report.html'), 'utf8');
    for (const name of ['mandate from the ministry', 'evening', 'field']) expect(html).toContain(`“${name}”:`);
    for (const p of scenario.plans!) expect(html).toContain(`plan “${p.name}”`);
  });
});
