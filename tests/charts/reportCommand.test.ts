import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, test, vi } from 'vitest';
import { reportCommand } from '../../src/cli/report.js';
import { runCommand } from '../../src/cli/run.js';
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

  test('a file instead of a folder is bad input: one line naming it, exit code 2 (not an internal error)', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'draagvlak-file-')), 'afile.txt');
    writeFileSync(file, 'hello\n');
    const err = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
    expect(await reportCommand(file)).toBe(2);
    expect(err.mock.calls.join('')).toBe(`draagvlak report: ${file}: expected a results folder, found a file\n`);
    expect(readFileSync(file, 'utf8')).toBe('hello\n');
  });

  test('--lang nl writes the report in Dutch; a bad --lang is one line naming what was expected and found, exit 2, nothing written', async () => {
    const { dir } = await comparisonResults({ withSeries: false });
    vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
    const err = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
    expect(await reportCommand(dir, { lang: 'nl', png: false })).toBe(0);
    const html = readFileSync(join(dir, 'report.html'), 'utf8');
    expect(html).toContain('<html lang="nl">');
    expect(html).toContain('<h2>In het kort</h2>');

    const fresh = (await comparisonResults({ withSeries: false })).dir;
    expect(await reportCommand(fresh, { lang: 'de' })).toBe(2);
    expect(err.mock.calls.join('')).toBe('draagvlak report: --lang: expected one of en, nl, found "de"\n');
    expect(existsSync(join(fresh, 'report.html'))).toBe(false);

    err.mockClear();
    const out = join(mkdtempSync(join(tmpdir(), 'draagvlak-lang-')), 'never');
    expect(await runCommand('scenarios/baseline.yaml', { out, lang: 'EN', quiet: true })).toBe(2);
    expect(err.mock.calls.join('')).toBe('--lang: expected one of en, nl, found "EN"\n');
    expect(existsSync(out)).toBe(false);
  });
});
