import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, test, vi } from 'vitest';
import { reportCommand } from '../../src/cli/report.js';
import { comparisonResults } from '../analysis/fixtures.js';

describe('draagvlak report DIR', () => {
  afterEach(() => vi.restoreAllMocks());

  test('rebuilds summary.csv, the charts and report.html, prints where the report is and exits 0', async () => {
    const { dir } = await comparisonResults({ withSeries: false });
    const out = vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
    expect(await reportCommand(dir)).toBe(0);
    expect(existsSync(join(dir, 'summary.csv'))).toBe(true);
    expect(existsSync(join(dir, 'report.html'))).toBe(true);
    expect(existsSync(join(dir, 'charts', 'reach-curve.png'))).toBe(true);
    expect(out.mock.calls.join('')).toContain(join(dir, 'report.html'));
  });

  test('--quiet: nothing on stdout', async () => {
    const { dir } = await comparisonResults({ withSeries: false });
    const out = vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
    expect(await reportCommand(dir, { quiet: true })).toBe(0);
    expect(existsSync(join(dir, 'report.html'))).toBe(true);
    expect(out).not.toHaveBeenCalled();
  });

  test('a missing folder or one without runs.csv gets one clear message and exit code 2', async () => {
    const err = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
    expect(await reportCommand('/nonexistent/results')).toBe(2);
    expect(err.mock.calls.join('')).toMatch(/\/nonexistent\/results: no such results folder/);
    const empty = mkdtempSync(join(tmpdir(), 'draagvlak-empty-'));
    expect(await reportCommand(empty)).toBe(2);
    expect(err.mock.calls.join('')).toMatch(/runs\.csv: cannot be read/);
    expect(existsSync(join(empty, 'report.html'))).toBe(false);
  });
});
