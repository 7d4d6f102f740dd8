import { completeGraph } from './completeGraph.js';
import { addEdge, csrFromEdges, edgeList, type CsrGraph } from './csr.js';

/** The even lattice degree used for a requested mean degree: rounded down to even, never negative. */
export function evenDegree(degree: number): number {
  return Math.max(0, 2 * Math.floor(degree / 2));
}

/**
 * A ring lattice: n nodes on a circle, each tied to the k/2 nearest on either side (k rounded down
 * to even). When k ≥ n − 1 every pair is within reach and the lattice is the complete graph.
 * Watts & Strogatz 1998, the β = 0 end of their interpolation.
 */
export function ringLattice(n: number, k: number): CsrGraph {
  if (!Number.isInteger(n) || n < 0) throw new RangeError(`ringLattice: n must be a whole number ≥ 0, got ${n}`);
  const even = evenDegree(k);
  if (even >= n - 1) return completeGraph(n);
  const half = even / 2;
  const edges = edgeList(n * half);
  for (let i = 0; i < n; i++) {
    for (let j = 1; j <= half; j++) addEdge(edges, i, (i + j) % n);
  }
  return csrFromEdges(n, edges);
}
