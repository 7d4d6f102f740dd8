import type { CsrGraph } from './csr.js';

/**
 * For every CSR entry (aligned with `g.targets`), 1 when the tie joins residents of different
 * neighbourhoods — a bridging tie — and 0 when both live in the same one.
 */
export function crossesNeighbourhoods(g: CsrGraph, neighbourhoodOf: Int32Array): Uint8Array {
  const crosses = new Uint8Array(g.targets.length);
  for (let i = 0; i < g.nodes; i++) {
    const b = neighbourhoodOf[i];
    for (let e = g.offsets[i]; e < g.offsets[i + 1]; e++) crosses[e] = neighbourhoodOf[g.targets[e]] !== b ? 1 : 0;
  }
  return crosses;
}
