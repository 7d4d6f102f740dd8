import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { draagvlak, listing, tinySweep, workdir } from './cli.js';

const TINY = tinySweep();
const withSweep = (sweep: string) => TINY.replace(/sweep:[\s\S]*$/, sweep);

/** [what, scenario text (or null: use tiny.yaml as is), extra arguments, what stderr must say]. */
const CASES: [string, string | null, string[], RegExp][] = [
  ['an unknown field', TINY.replace('population:', 'populaton:'), [], /populaton/],
  ['a value out of range', TINY.replace('households: 30', 'households: 1'), [], /population\.households/],
  ['a wrong type', TINY.replace('horizon: 20', 'horizon: soon'), [], /horizon/],
  ['an empty sweep', withSweep('sweep:\n  design: grid\n  parameters: {}\n'), [], /sweep/],
  ['a range with from > to', withSweep('sweep:\n  design: grid\n  parameters:\n    strategy.steering: {from: 0.9, to: 0.1, steps: 3}\n'), [], /from/],
  ['LHS without samples', withSweep('sweep:\n  design: lhs\n  parameters:\n    strategy.steering: {from: 0, to: 1}\n'), [], /samples/],
  ['broken YAML', 'name: [unclosed\n  seed: 1\n', [], /YAML/],
  ['a mechanism switch that is not true or false (stakeholders as actors)', TINY.replace('population:', 'mechanisms: {parties: 1}\npopulation:'), [],
    /^tiny\.yaml: mechanisms\.parties: expected .*found 1\n$/],
  ['a --set of an unknown field', null, ['--set', 'strategy.steerin=0.5'], /steerin/],
  ['--workers 0', null, ['--workers', '0'], /--workers/],
  ['--workers that is not a number', null, ['--workers', 'many'], /--workers/],
  ['--out the current directory itself (not a results folder)', null, ['--out', '.'], /not a draagvlak results folder/],
  ['--out a file', null, ['--out', 'notes.txt'], /is a file/],
  ['--out a folder that is not a results folder', null, ['--out', 'docs'], /not a draagvlak results folder/],
  ['--resume with nothing to resume', null, ['--resume'], /nothing to resume/],
  ['a misspelt action', `${TINY.replace(/sweep:[\s\S]*$/, '')}plans:\n  - name: p\n    interventions:\n      - {at: 4, action: neighbourhood-evening}\n`, [],
    /^tiny\.yaml: plans\[0\]\.interventions\[0\]\.action: expected one of .*found "neighbourhood-evening" \(did you mean evening\?\)\n$/],
  ['a plan without interventions', `${TINY.replace(/sweep:[\s\S]*$/, '')}plans:\n  - name: p\n    interventions: []\n`, [],
    /^tiny\.yaml: plans\[0\]\.interventions: expected at least one intervention \(a plan needs at least one;.*found an empty list\n$/],
];

describe('bad input is refused with exit code 2 and nothing written', () => {
  it.each(CASES)('%s', (_what, scenario, args, message) => {
    const cwd = workdir({ 'tiny.yaml': scenario ?? TINY, 'notes.txt': 'mine\n' });
    mkdirSync(join(cwd, 'docs'));
    writeFileSync(join(cwd, 'docs', 'keep.md'), 'mine\n');
    const before = listing(cwd);
    const r = draagvlak(['run', 'tiny.yaml', '--quiet', '--no-report', ...args], cwd);
    expect(r.stderr).toMatch(message);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(listing(cwd)).toEqual(before);
    expect(listing(join(cwd, 'docs'))).toEqual(['keep.md']);
  });

  it('a scenario file that does not exist', () => {
    const cwd = workdir();
    const r = draagvlak(['run', 'missing.yaml', '--quiet'], cwd);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/missing\.yaml/);
    expect(listing(cwd)).toEqual([]);
  });

  it('an unknown command or option', () => {
    const cwd = workdir({ 'tiny.yaml': TINY });
    expect(draagvlak(['rn', 'tiny.yaml'], cwd).code).toBe(2);
    expect(draagvlak(['run', 'tiny.yaml', '--wrkers', '2'], cwd).code).toBe(2);
    expect(listing(cwd)).toEqual(['tiny.yaml']);
  });
});

describe('schema and semantic problems come in one round, in the order of the file', () => {
  it.each([
    // a semantic problem (a week past the horizon) before a schema problem (steering out of range), and the reverse
    ['semantic first', 'plans:\n  - name: p\n    interventions:\n      - {at: 400, action: evening}\nstrategy:\n  steering: 2\n', ['plans[0].interventions[0].at', 'strategy.steering']],
    ['schema first', 'strategy:\n  steering: 2\nplans:\n  - name: p\n    interventions:\n      - {at: 400, action: evening}\n', ['strategy.steering', 'plans[0].interventions[0].at']],
  ])('%s', (_what, tail, paths) => {
    const cwd = workdir({ 'tiny.yaml': `${TINY.replace(/sweep:[\s\S]*$/, '')}${tail}` });
    const r = draagvlak(['run', 'tiny.yaml', '--quiet'], cwd);
    expect(r.code).toBe(2);
    const lines = r.stderr.trimEnd().split('\n');
    expect(lines.map((l) => l.split(': ')[1])).toEqual(paths);
    expect(lines[0]).toMatch(/^tiny\.yaml: \S+: expected .+, found .+$/);
    expect(listing(cwd)).toEqual(['tiny.yaml']);
  });

  it('a semantic problem inside a field the schema refused is not told twice', () => {
    const cwd = workdir({ 'tiny.yaml': `${TINY.replace('sampleEvery: 5', 'sampleEvery: 900')}` });
    const r = draagvlak(['validate', 'tiny.yaml'], cwd);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('tiny.yaml: sampleEvery: expected a whole number from 1 to 520, found 900\n');
  });
});

describe('the other commands', () => {
  it('validate reports ok for a good file and exit code 2 for a bad one', () => {
    const cwd = workdir({ 'tiny.yaml': TINY, 'bad.yaml': TINY.replace('horizon: 20', 'horizon: -1') });
    const ok = draagvlak(['validate', 'tiny.yaml'], cwd);
    expect(ok.code).toBe(0);
    expect(ok.stdout).toMatch(/ok tiny\.yaml/);
    const bad = draagvlak(['validate', 'tiny.yaml', 'bad.yaml'], cwd);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/bad\.yaml: horizon/);
  });

  it('schema prints the scenario JSON Schema', () => {
    const r = draagvlak(['schema'], workdir());
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toHaveProperty('properties');
  });

  it('--help and --version exit 0', () => {
    const cwd = workdir();
    const help = draagvlak(['run', '--help'], cwd);
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/--workers/);
    // the default folder as run chooses it: from the file name, not the scenario's name
    expect(help.stdout.replace(/\s+/g, ' ')).toContain('default: results/<scenario file name without extension>');
    const named = workdir({ 'tiny-file.yaml': tinySweep({ replications: 1 }) });
    expect(draagvlak(['run', 'tiny-file.yaml', '--quiet', '--no-report'], named).code).toBe(0);
    expect(listing(join(named, 'results'))).toEqual(['tiny-file']);
    const report = draagvlak(['report', join('results', 'tiny-file'), '--quiet'], named);
    expect(report.code).toBe(0);
    expect(report.stdout).toBe('');
    expect(listing(join(named, 'results', 'tiny-file'))).toContain('report.html');
    expect(draagvlak(['--version'], cwd).stdout.trim()).toMatch(/^\d+\.\d+\.\d+/);
  });
});

describe('patterns finds its scenarios wherever it runs', () => {
  it('outside the repository, a bad --set is told as itself, not as a missing pattern scenario', () => {
    // the pattern scenarios ship with the package (scenarios/patterns); a working directory without them
    // must still reach the --set check, which reads each scenario first
    const cwd = workdir();
    const r = draagvlak(['patterns', '--set', 'residents.threshold=7', '--no-sensitivity', '--out', 'p'], cwd);
    expect(r.stderr).toBe('--set: residents.threshold: expected a number from 0 to 1, found 7\n');
    expect(r.code).toBe(2);
    expect(listing(cwd)).toEqual([]);
  });
});
