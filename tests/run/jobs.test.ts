import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { batches, batchSize, missingRanges } from '../../src/run/jobs.js';

describe('run ranges', () => {
  it('missingRanges() and batches() hand out every run not yet done exactly once, in canonical order', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 300 }), fc.array(fc.integer({ min: 0, max: 300 })), fc.integer({ min: 1, max: 20 }), (total, cuts, size) => {
        // Done ranges: every other interval between sorted cut points.
        const points = [...new Set([0, total, ...cuts.filter((c) => c <= total)])].sort((a, b) => a - b);
        const done = [];
        for (let i = 0; i + 1 < points.length; i += 2) done.push({ start: points[i]!, end: points[i + 1]! });
        const todo = batches(missingRanges(total, done), size);
        const seen: number[] = [];
        for (const b of todo) {
          expect(b.end - b.start).toBeGreaterThan(0);
          expect(b.end - b.start).toBeLessThanOrEqual(size);
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

  it('batchSize() stays between 1 and 16 runs', () => {
    expect(batchSize(1, 8)).toBe(1);
    expect(batchSize(100_000, 2)).toBe(16);
    expect(batchSize(100, 2)).toBe(4);
  });
});
