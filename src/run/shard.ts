import type { RunRange } from './jobs.js';

/**
 * Splitting a sweep across machines: shard I of N (I from 1 to N) carries out the I-th of N
 * contiguous, balanced slices of the canonical run list [0, total). The slice depends on the
 * run count and N only — never on the machine, the worker count or the order runs finish in —
 * so N separate executions, each writing its own folder, together hold every run exactly once,
 * and `draagvlak merge` can assemble them into the files one unsplit run writes.
 */
export interface Shard {
  /** 1-based. */
  index: number;
  count: number;
}

/** Shard `index` of `count`: runs ⌊(I−1)·total/N⌋ … ⌊I·total/N⌋−1; slice sizes differ by at most one. */
export function sliceOf(total: number, shard: Shard): RunRange {
  return {
    start: Math.floor(((shard.index - 1) * total) / shard.count),
    end: Math.floor((shard.index * total) / shard.count),
  };
}

/** Parses `I/N`; returns the shard or the problem, worded for `--shard`. */
export function parseShard(text: string): Shard | string {
  const m = /^\s*(\d+)\s*\/\s*(\d+)\s*$/.exec(text);
  const index = m ? Number(m[1]) : NaN;
  const count = m ? Number(m[2]) : NaN;
  if (!m || !Number.isSafeInteger(count) || count < 1 || index < 1 || index > count) {
    return `--shard: expected I/N with whole numbers 1 ≤ I ≤ N (e.g. 2/8), found ${JSON.stringify(text)}`;
  }
  return { index, count };
}

/** The parts of `ranges` that fall inside `slice`, in order. */
export function clip(ranges: readonly RunRange[], slice: RunRange): RunRange[] {
  return ranges
    .map((r) => ({ start: Math.max(r.start, slice.start), end: Math.min(r.end, slice.end) }))
    .filter((r) => r.end > r.start);
}

/** "runs 3…5", "run 3" (0-based canonical run indices, as failures.csv and the manifest count them). */
export function describeRange(r: RunRange): string {
  return r.end - r.start === 1 ? `run ${r.start}` : `runs ${r.start}…${r.end - 1}`;
}
