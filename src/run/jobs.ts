/**
 * The runs of a plan in canonical order. Run k is (point ⌊k / R⌋, replicate k mod R) for R
 * replications: rows of every result file follow k, so a contiguous range of k is a contiguous
 * block of rows. Work is handed out, recorded and resumed as such ranges.
 */

/** A half-open range [start, end) of canonical run indices. */
export interface RunRange {
  start: number;
  end: number;
}

export function pointOf(k: number, replications: number): number {
  return Math.floor(k / replications);
}

export function replicateOf(k: number, replications: number): number {
  return k % replications;
}

/** The ranges of [0, total) not covered by `done` (which must not overlap), in order. */
export function missingRanges(total: number, done: readonly RunRange[]): RunRange[] {
  const sorted = [...done].sort((a, b) => a.start - b.start);
  const gaps: RunRange[] = [];
  let at = 0;
  for (const r of sorted) {
    if (r.start < at) throw new Error(`overlapping result parts at run ${r.start}`);
    if (r.start > at) gaps.push({ start: at, end: r.start });
    at = r.end;
  }
  if (at < total) gaps.push({ start: at, end: total });
  return gaps;
}

/**
 * A batch size that amortises a worker's start-up and message costs: about sixteen batches per
 * worker, at most 16 runs each.
 */
export function batchSize(runs: number, workers: number): number {
  return Math.max(1, Math.min(16, Math.ceil(runs / (workers * 16))));
}

/**
 * Cuts ranges into batches for `workers` threads that pull them one at a time, keeping canonical
 * order: each batch takes batchSize of the runs still to cut, so the batches shrink toward the end
 * (guided self-scheduling, Polychronopoulos & Kuck 1987) and the last 16 runs of each worker go one
 * at a time. A worker that draws the last batch then keeps the others waiting for one run at most,
 * not for a whole batch.
 */
export function guidedBatches(ranges: readonly RunRange[], workers: number): RunRange[] {
  let left = ranges.reduce((n, r) => n + (r.end - r.start), 0);
  const out: RunRange[] = [];
  for (const r of ranges) {
    for (let s = r.start; s < r.end; ) {
      const end = Math.min(r.end, s + batchSize(left, workers));
      out.push({ start: s, end });
      left -= end - s;
      s = end;
    }
  }
  return out;
}
