import { describe, expect, it } from 'vitest';
import { keptSamples, parseFormats, parseSeries, recordedOutput, seriesText } from '../../src/run/resultFiles.js';

describe('--series and --format', () => {
  it('parses all, none and every:N, and refuses anything else in one line naming the flag', () => {
    expect(parseSeries('all')).toEqual({ kind: 'all' });
    expect(parseSeries('none')).toEqual({ kind: 'none' });
    expect(parseSeries('every:8')).toEqual({ kind: 'every', n: 8 });
    expect(parseSeries('every:1')).toEqual({ kind: 'all' });
    for (const bad of ['every:0', 'every:', 'some', 'every:2.5', 'every:-4']) expect(parseSeries(bad)).toMatch(/^--series: expected all, none or every:N .*found/);
    expect(seriesText({ kind: 'every', n: 8 })).toBe('every:8');
    expect(parseFormats('csv')).toEqual(['csv']);
    expect(parseFormats('parquet,csv')).toEqual(['csv', 'parquet']);
    for (const bad of ['', 'xlsx', 'csv,csv', 'csv,']) expect(parseFormats(bad)).toMatch(/^--format: expected csv, parquet or csv,parquet/);
  });

  it('every:N keeps week 0, the recorded multiples of N and the last recorded week (the horizon)', () => {
    // sampleEvery 4, horizon 30: recorded 0, 4, …, 28, 30
    const weeks = [0, 4, 8, 12, 16, 20, 24, 28, 30];
    const at = (choice: Parameters<typeof keptSamples>[0]) => keptSamples(choice, weeks).map((s) => weeks[s]);
    expect(at({ kind: 'every', n: 8 })).toEqual([0, 8, 16, 24, 30]);
    expect(at({ kind: 'every', n: 12 })).toEqual([0, 12, 24, 30]);
    expect(at({ kind: 'every', n: 100 })).toEqual([0, 30]);
    expect(at({ kind: 'all' })).toEqual(weeks);
    expect(at({ kind: 'none' })).toEqual([]);
  });

  it('a manifest from before the choice was recorded reads as the default', () => {
    expect(recordedOutput(undefined)).toEqual({ series: { kind: 'all' }, formats: ['csv'] });
    expect(recordedOutput({ series: 'every:6', formats: ['parquet'] })).toEqual({ series: { kind: 'every', n: 6 }, formats: ['parquet'] });
  });
});
