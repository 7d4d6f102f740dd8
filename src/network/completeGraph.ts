import type { CsrGraph } from './csr.js';

/** The complete graph on n nodes: everyone tied to everyone else (n(n − 1) entries, written directly). */
export function completeGraph(n: number): CsrGraph {
  if (!Number.isInteger(n) || n < 0) throw new RangeError(`completeGraph: n must be a whole number ≥ 0, got ${n}`);
  const row = Math.max(0, n - 1);
  if (n * row > 0x7fffffff) throw new RangeError(`completeGraph: ${n} nodes need more than 2^31 entries`);
  const offsets = new Int32Array(n + 1);
  const targets = new Int32Array(n * row);
  let w = 0;
  for (let i = 0; i < n; i++) {
    offsets[i] = w;
    for (let j = 0; j < n; j++) if (j !== i) targets[w++] = j;
  }
  offsets[n] = w;
  return { nodes: n, offsets, targets };
}
