import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cell } from '../../src/run/rows.js';
import { acquireLock } from '../../src/run/lock.js';
import { capacityProblems, neededAndFound } from '../../src/run/capacity.js';
import { UsageError } from '../../src/run/errors.js';
import { ScenarioError } from '../../src/scenario/errors.js';
import { loadScenario, resolveScenario } from '../../src/scenario/load.js';
import { planRuns } from '../../src/scenario/design.js';
import { TINY } from './harness.js';

/** The same promises through the library, in this process: its caller's objects stay clean. */

function tinyFile(): string {
  const dir = mkdtempSync(join(tmpdir(), 'draagvlak-lib-'));
  writeFileSync(join(dir, 'tiny.yaml'), TINY);
  return join(dir, 'tiny.yaml');
}

const polluted = () => ({}) as Record<string, unknown>;

describe('the library refuses keys that reach a prototype', () => {
  it.each([
    'strategy.__proto__.hasOwnProperty=1',
    'strategy.__proto__.polluted=1',
    'strategy.__proto__={steering: 0.9}',
    'strategy.constructor.prototype.polluted=1',
    'sweep.parameters.__proto__=[1]',
    'sweep={parameters: {__proto__: {polluted: 1}}}',
  ])('loadScenario(file, {set: [%j]}) throws a ScenarioError and Object.prototype is untouched', (set) => {
    expect(() => loadScenario(tinyFile(), { set: [set] })).toThrow(ScenarioError);
    expect(polluted().polluted).toBeUndefined();
    expect(typeof polluted().hasOwnProperty).toBe('function');
  });

  it('resolveScenario refuses a parsed JSON document with a __proto__ key', () => {
    const document = JSON.parse('{"name": "x", "strategy": {"__proto__": {"steering": 0.9}}}');
    expect(() => resolveScenario(document, 'doc.json')).toThrow(/strategy\.__proto__: expected a field name other than __proto__/);
  });
});

describe('CSV cells that a spreadsheet would run are guarded (OWASP CSV injection)', () => {
  it.each([
    ['=1+1', `"'=1+1"`],
    ['+1+1', `"'+1+1"`],
    ['-1+1', `"'-1+1"`],
    ['@SUM(A1)', `"'@SUM(A1)"`],
    ['\tx', `"'\tx"`],
    ['\rx', `"'\rx"`],
    ['=HYPERLINK("a","b")', `"'=HYPERLINK(""a"",""b"")"`],
  ])('%j → %s', (text, written) => expect(cell(text)).toBe(written));

  it.each([
    [-0.5, '-0.5'],
    [-12, '-12'],
    ['-0.5', '-0.5'],
    ['+3', '+3'],
    ['-1e-7', '-1e-7'],
    ['steering=0.2', 'steering=0.2'],
    ['a,b', '"a,b"'],
  ])('numbers and plain text are written as they are: %j → %s', (value, written) => expect(cell(value)).toBe(written));
});

describe('what the machine has is checked before a run', () => {
  it('a design of 100 000³ points is counted, not built, and refused', () => {
    const file = tinyFile();
    const set = ['steering', 'serving', 'buffer'].map((p) => `sweep.parameters.strategy.${p}={from: 0, to: 1, steps: 100000}`);
    expect(() => loadScenario(file, { set })).toThrow(/expected a design of at most 100000 points, found 1000000000000000 points/);
  });

  it('memory: refused beyond the machine, allowed with force; workers beyond 4 per core refused even with force', () => {
    const plan = planRuns(loadScenario(tinyFile()));
    expect(capacityProblems(plan, 2, { memory: 16 * 2 ** 30, cores: 2 })).toEqual([]);
    expect(capacityProblems(plan, 2, { memory: 100 * 2 ** 20, cores: 2 })[0]).toMatch(/^tiny: population: expected a run that fits in this machine's memory \(100\.0 MB\)/);
    expect(capacityProblems(plan, 2, { memory: 100 * 2 ** 20, cores: 2, force: true })).toEqual([]);
    expect(capacityProblems(plan, 9, { memory: 16 * 2 ** 30, cores: 2, force: true })).toEqual(['--workers: expected at most 8 (4 per available core, 2 here), found 9']);
  });
});

describe('a refusal for want of space compares two sizes that read differently', () => {
  it('in MB when they differ there, else in whole kB, the need rounded up and what was found down', () => {
    expect(neededAndFound(5 * 2 ** 20, 2 ** 20)).toEqual(['5.0 MB', '1.0 MB']);
    // 107.4 kB and 97.7 kB both read 0.1 MB
    expect(neededAndFound(110_000, 100_000)).toEqual(['108 kB', '97 kB']);
    // one byte short still reads as short
    expect(neededAndFound(102_401, 102_400)).toEqual(['101 kB', '100 kB']);
  });
});

describe('the lock of a results folder', () => {
  it('is taken once per process (a run, then its report) and refuses a second holder', () => {
    const dir = mkdtempSync(join(tmpdir(), 'draagvlak-lock-'));
    const outer = acquireLock(dir);
    const inner = acquireLock(dir);
    inner();
    expect(existsSync(join(dir, '.draagvlak.lock'))).toBe(true);
    outer();
    expect(existsSync(join(dir, '.draagvlak.lock'))).toBe(false);
    writeFileSync(join(dir, '.draagvlak.lock'), JSON.stringify({ pid: 1, host: 'elsewhere', startedAt: 'then' }));
    expect(() => acquireLock(dir)).toThrow(UsageError);
  });
});
