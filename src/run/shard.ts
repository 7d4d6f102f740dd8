import type { RunRange } from './jobs.js';

/**
 * Splitting a sweep across machines. The canonical run list [0, total) is cut into blocks of
 * `blockSize(total, N)` consecutive runs, dealt out in turn: shard I of N (I from 1 to N) carries
 * out blocks I−1, I−1+N, I−1+2N, … (block-cyclic). Dealing blocks rather than cutting N long
 * slices spreads every part of the design over every shard, so shards take about equally long
 * even when the points differ in cost (a grid sweep's first points may cost several times its
 * last). The split depends on the run count and N only — never on the machine, the worker count
 * or the order runs finish in — so N separate executions together hold every run exactly once, and
 * `draagvlak merge` assembles them into the files one unsplit run writes.
 */
export interface Shard {
  /** 1-based. */
  index: number;
  count: number;
}

/**
 * Runs per block: at most 16 (a worker batch), and small enough that each shard gets at least
 * about eight blocks; shards' run counts then differ by at most one block.
 */
export function blockSize(total: number, count: number): number {
  return Math.max(1, Math.min(16, Math.floor(total / (count * 8))));
}

/** The runs of a shard, as ranges in canonical order. */
export function shardRanges(total: number, shard: Shard): RunRange[] {
  const size = blockSize(total, shard.count);
  const ranges: RunRange[] = [];
  for (let start = (shard.index - 1) * size; start < total; start += shard.count * size) {
    ranges.push({ start, end: Math.min(total, start + size) });
  }
  return ranges;
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

/** The runs in both of two lists of ranges (each in order, without overlaps), in order. */
export function intersect(a: readonly RunRange[], b: readonly RunRange[]): RunRange[] {
  const out: RunRange[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    const start = Math.max(a[i]!.start, b[j]!.start);
    const end = Math.min(a[i]!.end, b[j]!.end);
    if (end > start) out.push({ start, end });
    if (a[i]!.end < b[j]!.end) i++;
    else j++;
  }
  return out;
}

export function runsIn(ranges: readonly RunRange[]): number {
  return ranges.reduce((n, r) => n + r.end - r.start, 0);
}
