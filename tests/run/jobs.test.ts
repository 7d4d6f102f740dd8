import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { batchSize, guidedBatches, missingRanges } from '../../src/run/jobs.js';

describe('run ranges', () => {
  it('missingRanges() and guidedBatches() hand out every run not yet done exactly once, in canonical order, the last ones singly', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 3000 }), fc.array(fc.integer({ min: 0, max: 3000 })), fc.integer({ min: 1, max: 8 }), (total, cuts, workers) => {
        // Done ranges: every other interval between sorted cut points.
        const points = [...new Set([0, total, ...cuts.filter((c) => c <= total)])].sort((a, b) => a - b);
        const done = [];
        for (let i = 0; i + 1 < points.length; i += 2) done.push({ start: points[i]!, end: points[i + 1]! });
        const todo = guidedBatches(missingRanges(total, done), workers);
        const seen: number[] = [];
        let left = todo.reduce((n, b) => n + (b.end - b.start), 0);
        for (const b of todo) {
          expect(b.end - b.start).toBeGreaterThan(0);
          expect(b.end - b.start).toBeLessThanOrEqual(batchSize(left, workers));
          // the last 16 runs of each worker go one at a time, so no worker waits on another's batch
          if (left <= workers * 16) expect(b.end - b.start).toBe(1);
          left -= b.end - b.start;
          for (let k = b.start; k < b.end; k++) seen.push(k);
        }
        const doneSet = new Set(done.flatMap((r) => Array.from({ length: r.end - r.start }, (_, i) => r.start + i)));
        expect(seen).toEqual(Array.from({ length: total }, (_, k) => k).filter((k) => !doneSet.has(k)));
      }),
    );
  });

  it('missingRanges() refuses overlapping parts', () => {
    expect(() => missingRanges(10, [{ start: 0, end: 5 }, { start: 4, end: 6 }])).toThrow(/overlapping/);
  });

  it('guidedBatches() cuts the default sweep (120 runs, 2 workers) into batches of 4, 3, 2 and then 1', () => {
    const sizes = guidedBatches([{ start: 0, end: 120 }], 2).map((b) => b.end - b.start);
    expect(sizes.reduce((a, b) => a + b, 0)).toBe(120);
    expect(sizes.slice(0, 6)).toEqual([4, 4, 4, 4, 4, 4]);
    expect(sizes.slice(-31)).toEqual(new Array(31).fill(1));
    expect(sizes.every((x, i) => i === 0 || x <= sizes[i - 1]!)).toBe(true);
  });

  it('batchSize() stays between 1 and 16 runs', () => {
    expect(batchSize(1, 8)).toBe(1);
    expect(batchSize(100_000, 2)).toBe(16);
    expect(batchSize(100, 2)).toBe(4);
  });
});
