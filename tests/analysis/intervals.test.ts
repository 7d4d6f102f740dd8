import { describe, expect, test } from 'vitest';
import { normalQuantile, studentTCdf, studentTQuantile } from '../../src/analysis/quantiles.js';
import { differenceRange, pairedDifference, tInterval, within } from '../../src/analysis/tInterval.js';
import { SeriesReducer } from '../../src/analysis/seriesSummary.js';
import { wilsonInterval } from '../../src/analysis/wilson.js';

describe('wilsonInterval()', () => {
  // Oracle: Newcombe (1998), "Two-sided confidence intervals for the single proportion",
  // Statistics in Medicine 17:857–872, Table I, method 3 (score interval without continuity correction).
  test.each([
    [81, 263, 0.2553, 0.3662],
    [15, 148, 0.0624, 0.1605],
    [0, 20, 0.0, 0.1611],
    [1, 29, 0.0061, 0.1718],
    [29, 29, 0.883, 1.0],
  ])('%i of %i gives %f to %f (Newcombe 1998, Table I)', (k, n, lo, hi) => {
    const w = wilsonInterval(k, n);
    expect(w.estimate).toBeCloseTo(k / n, 12);
    expect(w.lo).toBeCloseTo(lo, 4);
    expect(w.hi).toBeCloseTo(hi, 4);
  });

  test('is exactly 0 or 1 at the edges and refuses impossible counts', () => {
    expect(wilsonInterval(0, 5).lo).toBe(0);
    expect(wilsonInterval(5, 5).hi).toBe(1);
    expect(() => wilsonInterval(6, 5)).toThrow(RangeError);
    expect(() => wilsonInterval(0, 0)).toThrow(RangeError);
  });
});

describe('quantiles', () => {
  test('normalQuantile gives the textbook points (Abramowitz & Stegun, Table 26.5)', () => {
    expect(normalQuantile(0.975)).toBeCloseTo(1.959963985, 9);
    expect(normalQuantile(0.95)).toBeCloseTo(1.644853627, 9);
    expect(normalQuantile(0.995)).toBeCloseTo(2.575829304, 9);
    expect(normalQuantile(0.5)).toBe(0);
    expect(normalQuantile(0.025)).toBeCloseTo(-1.959963985, 9);
  });

  // Oracle: the t table (e.g. Abramowitz & Stegun Table 26.10; R's qt(0.975, df)).
  test.each([
    [1, 12.706205],
    [2, 4.302653],
    [5, 2.570582],
    [9, 2.262157],
    [19, 2.093024],
    [30, 2.042272],
    [120, 1.979930],
  ])('studentTQuantile(0.975, %i) = %f', (df, q) => {
    expect(studentTQuantile(0.975, df)).toBeCloseTo(q, 5);
    expect(studentTCdf(q, df)).toBeCloseTo(0.975, 6);
  });
});

describe('tInterval() and pairedDifference()', () => {
  test('mean 3 of [1..5] with t(4) = 2.776445: 3 ± 2.776445·√2.5/√5', () => {
    const t = tInterval([1, 2, 3, 4, 5]);
    const half = 2.776445 * Math.sqrt(2.5 / 5);
    expect(t.mean).toBe(3);
    expect(t.lo).toBeCloseTo(3 - half, 5);
    expect(t.hi).toBeCloseTo(3 + half, 5);
  });

  test('one value has no interval', () => {
    expect(tInterval([0.4])).toMatchObject({ n: 1, mean: 0.4, lo: null, hi: null });
  });

  test('pairing removes what both sides share: a constant shift gives a zero-width interval', () => {
    const base = [0.1, 0.5, 0.9, 0.3];
    const d = pairedDifference(base.map((x) => x + 0.2), base);
    expect(d.mean).toBeCloseTo(0.2, 12);
    expect(d.hi! - d.lo!).toBeCloseTo(0, 12);
  });
});

describe('intervals cut to the values a mean can take', () => {
  test('within() cuts a t interval to a range and leaves it without one', () => {
    const t = tInterval([0.1, 0.9]); // 0.5 ± 12.706 × 0.566 / √2 = 0.5 ± 5.08
    expect(within(t, [0, 1])).toMatchObject({ mean: 0.5, lo: 0, hi: 1 });
    expect(within(t, null)).toBe(t);
    expect(differenceRange([0, 156])).toEqual([-156, 156]);
  });

  test('the weekly band of a 0–1 level over two replicates stays within 0 … 1', () => {
    const reducer = new SeriesReducer(['trust_gov', 'drive']);
    for (const v of [0.1, 0.9]) reducer.addWorld(0, 'trust_gov', 0, v);
    for (const v of [0.2, 0.3]) reducer.addWorld(0, 'drive', 0, v);
    const [drive, trust] = reducer.finish()!.world;
    // the mean of values in 0 … 1 lies in 0 … 1: the t interval 0.5 ± 5.08 is cut to it
    expect(trust).toMatchObject({ metric: 'trust_gov', centre: 0.5, lo: 0, hi: 1 });
    // 0.25 ± 12.706 × 0.0707 / √2 = 0.25 ± 0.635 reaches below 0 only
    expect(drive).toMatchObject({ metric: 'drive', lo: 0 });
    expect(drive!.hi).toBeCloseTo(0.25 + 12.7062047 * Math.sqrt(0.005) / Math.sqrt(2), 6);
  });
});
