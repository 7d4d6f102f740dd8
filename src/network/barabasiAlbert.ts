import { completeGraph } from './completeGraph.js';
import { addEdge, csrFromEdges, edgeList, type CsrGraph } from './csr.js';
import type { Rng } from '../random/streams.js';

/**
 * Preferential attachment (Barabási & Albert 1999): start from a complete core of m + 1 nodes;
 * every later node ties to m distinct earlier nodes, each chosen with probability proportional to
 * its degree. Degree-proportional choice is a uniform pick from the list of all tie endpoints so
 * far (Batagelj & Brandes 2005), which keeps the build linear in the number of ties. The degree
 * sum is m(m + 1) + 2m(n − m − 1) and the degree distribution has a power-law tail, P(k) ∝ k^−3.
 */
export function barabasiAlbert(n: number, m: number, rng: Rng): CsrGraph {
  if (!Number.isInteger(n) || n < 0) throw new RangeError(`barabasiAlbert: n must be a whole number ≥ 0, got ${n}`);
  if (!Number.isInteger(m) || m < 1) throw new RangeError(`barabasiAlbert: m must be a whole number ≥ 1, got ${m}`);
  const core = m + 1;
  if (n <= core) return completeGraph(n);
  const ties = (core * m) / 2 + (n - core) * m;
  const edges = edgeList(ties);
  // Every endpoint of every tie so far: a node appears as often as its degree.
  const endpoints = new Int32Array(2 * ties);
  let filled = 0;
  for (let i = 0; i < core; i++) {
    for (let j = i + 1; j < core; j++) {
      addEdge(edges, i, j);
      endpoints[filled++] = i;
      endpoints[filled++] = j;
    }
  }
  const chosen = new Int32Array(m);
  for (let v = core; v < n; v++) {
    // Targets are read from the endpoints of earlier nodes only, so a new node never picks itself.
    const pool = filled;
    for (let c = 0; c < m; c++) {
      let t: number;
      let repeat: boolean;
      do {
        t = endpoints[Math.floor(rng() * pool)];
        repeat = false;
        for (let d = 0; d < c; d++) if (chosen[d] === t) repeat = true;
      } while (repeat);
      chosen[c] = t;
    }
    for (let c = 0; c < m; c++) {
      addEdge(edges, v, chosen[c]);
      endpoints[filled++] = v;
      endpoints[filled++] = chosen[c];
    }
  }
  return csrFromEdges(n, edges);
}
