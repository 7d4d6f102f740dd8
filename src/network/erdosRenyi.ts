import { completeGraph } from './completeGraph.js';
import { addEdge, csrFromEdges, edgeList, type CsrGraph } from './csr.js';
import type { Rng } from '../random/streams.js';
import { log, log1p } from '../maths/fdlibm.js';

/**
 * The Erdős–Rényi random graph G(n, p) with p = meanDegree / (n − 1), so the expected degree is
 * meanDegree and the degree distribution tends to Poisson(meanDegree). Runs in time linear in the
 * number of ties by skipping over absent pairs with geometric jumps (Batagelj & Brandes 2005,
 * algorithm G(n, p)), so n = 1 000 000 is as cheap as drawing its ties.
 */
export function erdosRenyi(n: number, meanDegree: number, rng: Rng): CsrGraph {
  if (!Number.isInteger(n) || n < 0) throw new RangeError(`erdosRenyi: n must be a whole number ≥ 0, got ${n}`);
  if (n < 2 || !(meanDegree > 0)) return csrFromEdges(n, edgeList(0));
  const p = meanDegree / (n - 1);
  if (p >= 1) return completeGraph(n);
  const expected = (p * n * (n - 1)) / 2;
  const edges = edgeList(expected + 4 * Math.sqrt(expected) + 16);
  // log1p keeps the jump length finite for tiny p, where log(1 − p) would round to 0.
  const logQ = log1p(-p);
  if (!(logQ < 0)) return csrFromEdges(n, edgeList(0));
  // Walk the lower triangle (v, w), w < v, row by row; each jump skips a geometric number of absent pairs.
  let v = 1;
  let w = -1;
  while (v < n) {
    w += 1 + Math.floor(log(1 - rng()) / logQ);
    while (w >= v && v < n) {
      w -= v;
      v++;
    }
    if (v < n) addEdge(edges, v, w);
  }
  return csrFromEdges(n, edges);
}
