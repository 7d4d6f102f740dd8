import type { Rng } from '../random/streams.js';
import { barabasiAlbert } from './barabasiAlbert.js';
import { completeGraph } from './completeGraph.js';
import type { CsrGraph } from './csr.js';
import { erdosRenyi } from './erdosRenyi.js';
import type { NetworkLayout } from './layout.js';
import { ringLattice } from './ringLattice.js';
import { wattsStrogatz, type WattsStrogatzOptions } from './wattsStrogatz.js';

// Storage
export { addEdge, csrFromEdges, degree, edgeList, tieCount, type CsrGraph, type EdgeList } from './csr.js';
export { neighbourhoodRanges, type NeighbourhoodRanges, type NetworkLayout } from './layout.js';
// Generators
export { barabasiAlbert } from './barabasiAlbert.js';
export { completeGraph } from './completeGraph.js';
export { erdosRenyi } from './erdosRenyi.js';
export { evenDegree, ringLattice } from './ringLattice.js';
export { wattsStrogatz, type WattsStrogatzOptions } from './wattsStrogatz.js';
// Reading a network
export { crossesNeighbourhoods } from './crossesNeighbourhoods.js';

/** The generators `buildNetwork` can use. */
export type NetworkKind = 'watts-strogatz' | 'erdos-renyi' | 'barabasi-albert' | 'ring' | 'complete';

/** What the builder needs to know: the generator and its settings (the model's `network` parameters fit it). */
export interface NetworkSettings extends WattsStrogatzOptions {
  readonly kind: NetworkKind;
}

/**
 * The residents' social network for one run, drawn from the network stream. Watts–Strogatz is built
 * per neighbourhood plus bridging ties; the other kinds span all residents and ignore neighbourhoods.
 * Barabási–Albert adds max(1, round(degree / 2)) ties per new node.
 */
export function buildNetwork(network: NetworkSettings, layout: NetworkLayout, rng: Rng): CsrGraph {
  const n = layout.neighbourhoodOf.length;
  switch (network.kind) {
    case 'watts-strogatz':
      return wattsStrogatz(network, layout, rng);
    case 'erdos-renyi':
      return erdosRenyi(n, network.degree, rng);
    case 'barabasi-albert':
      return barabasiAlbert(n, Math.max(1, Math.round(network.degree / 2)), rng);
    case 'ring':
      return ringLattice(n, network.degree);
    case 'complete':
      return completeGraph(n);
    default: {
      const never: never = network.kind;
      throw new Error(`unknown network kind ${String(never)}`);
    }
  }
}
