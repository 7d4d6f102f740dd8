import { existsSync, mkdtempSync, readFileSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { csvCells } from '../../src/analysis/csvText.js';
import { cell, unguard } from '../../src/run/rows.js';
import { acquireLock, LOCK, lockTiming } from '../../src/run/lock.js';
import { assemble, ensurePartsDir, writePart } from '../../src/run/parts.js';
import { capacityProblems, neededAndFound } from '../../src/run/capacity.js';
import { ownedBytes } from '../../src/run/owned.js';
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
    // a name's own ' before a formula is guarded too, so that a reader can take the guard off
    ["'=1+1", `"''=1+1"`],
  ])('%j → %s', (text, written) => {
    expect(cell(text)).toBe(written);
    expect(unguard(csvCells(cell(text))[0]!), 'read back').toBe(text);
  });

  it.each([
    [-0.5, '-0.5'],
    [-12, '-12'],
    ['-0.5', '-0.5'],
    ['+3', '+3'],
    ['-1e-7', '-1e-7'],
    ['steering=0.2', 'steering=0.2'],
    ['a,b', '"a,b"'],
    ["'quoted'", "'quoted'"],
  ])('numbers and plain text are written as they are: %j → %s', (value, written) => {
    expect(cell(value)).toBe(written);
    expect(unguard(csvCells(written)[0]!), 'read back').toBe(String(value));
  });
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

describe('the space of an earlier run in a results folder', () => {
  it('is counted while another run changes the folder: a journal that is gone, or not a folder, counts as nothing', () => {
    // two runs started at once into one folder: the first may remove its journal (.parts) while the
    // second is counting it; the count must not fail (exit 70) on what vanished between two looks
    const dir = mkdtempSync(join(tmpdir(), 'draagvlak-owned-'));
    writeFileSync(join(dir, 'runs.csv'), 'x'.repeat(5000));
    const withoutJournal = ownedBytes(dir);
    expect(withoutJournal).toBeGreaterThanOrEqual(5000);
    writeFileSync(join(dir, '.parts'), ''); // what stands where the journal was is no folder
    expect(ownedBytes(dir)).toBe(withoutJournal);
    expect(ownedBytes(join(dir, 'gone'))).toBe(0);
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

  // A lock of another host cannot be checked by its pid: its holder's heartbeat keeps the file's
  // modification time fresh, and one not refreshed for lockTiming.staleMs is left by a run that is gone.
  it('of another host is refused while fresh and taken over once not refreshed for the staleness limit', () => {
    const dir = mkdtempSync(join(tmpdir(), 'draagvlak-lock-'));
    const file = join(dir, '.draagvlak.lock');
    writeFileSync(file, JSON.stringify({ pid: 1, host: 'draagvlak-sweep-1-aaaaa', startedAt: 'then' }));
    const justInside = (Date.now() - lockTiming.staleMs / 2) / 1000;
    utimesSync(file, justInside, justInside);
    expect(() => acquireLock(dir)).toThrow(/in use by another draagvlak run \(pid 1 on draagvlak-sweep-1-aaaaa/);
    const past = (Date.now() - 2 * lockTiming.staleMs) / 1000;
    utimesSync(file, past, past);
    const release = acquireLock(dir);
    expect(JSON.parse(readFileSync(file, 'utf8'))).toMatchObject({ pid: process.pid, host: hostname() });
    release();
    expect(existsSync(file)).toBe(false);
  });

  it('is kept fresh by its holder every heartbeat until released', () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval', 'Date'] });
    try {
      const dir = mkdtempSync(join(tmpdir(), 'draagvlak-lock-'));
      const file = join(dir, '.draagvlak.lock');
      const release = acquireLock(dir);
      utimesSync(file, 0, 0);
      vi.advanceTimersByTime(lockTiming.heartbeatMs - 1);
      expect(statSync(file).mtimeMs).toBe(0);
      vi.advanceTimersByTime(1);
      // the heartbeat set it to the (fake) clock's now
      expect(Math.round(statSync(file).mtimeMs)).toBe(Date.now());
      release();
      expect(vi.getTimerCount()).toBe(0);
    } finally {
      vi.useRealTimers();
    }
  });

  // The heartbeat is a timer, which cannot fire while the thread assembles a large run's parts in
  // one synchronous stretch; reading the parts beats it when it is due, so a run busy assembling
  // for longer than the staleness limit is not taken for gone by a run on another host.
  it('is kept fresh through a long assembly, which never lets the timer fire', () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval', 'Date'] });
    try {
      const dir = mkdtempSync(join(tmpdir(), 'draagvlak-lock-'));
      const journal = ensurePartsDir(dir);
      const empty = { runs: '', initiatives: '', series: '', interventions: '', failures: '' };
      for (let k = 0; k < 3; k++) writePart(journal, { start: k, end: k + 1 }, { ...empty, runs: `${k}\n` });
      const release = acquireLock(dir);
      utimesSync(join(dir, LOCK), 0, 0);
      // the clock moves past a heartbeat with no turn of the event loop, as in a long synchronous step
      vi.setSystemTime(Date.now() + lockTiming.heartbeatMs);
      assemble(dir, 3, { ...empty, runs: 'run\n' });
      expect(readFileSync(join(dir, 'runs.csv'), 'utf8')).toBe('run\n0\n1\n2\n');
      expect(Math.round(statSync(join(dir, LOCK)).mtimeMs)).toBe(Date.now());
      release();
    } finally {
      vi.useRealTimers();
    }
  });
});
