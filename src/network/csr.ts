/**
 * An undirected graph in compressed sparse row form: the neighbours of node i are
 * `targets[offsets[i] … offsets[i + 1] − 1]`. Each undirected tie appears in both rows.
 * Generators build it once; the step loop only reads it.
 */
export interface CsrGraph {
  /** Number of nodes. */
  readonly nodes: number;
  /** Row starts, length nodes + 1. */
  readonly offsets: Int32Array;
  /** Neighbour ids, length offsets[nodes] (twice the number of ties). */
  readonly targets: Int32Array;
}

/** The degree of node i. */
export function degree(g: CsrGraph, i: number): number {
  return g.offsets[i + 1] - g.offsets[i];
}
