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

/**
 * A growable list of undirected ties in two typed columns, the raw material generators fill before
 * `csrFromEdges` turns it into a graph. Ties may repeat or be loops; the builder drops those.
 */
export interface EdgeList {
  /** One endpoint of each tie; only the first `count` entries are ties. */
  from: Int32Array;
  /** The other endpoint of each tie. */
  to: Int32Array;
  /** Number of ties added so far. */
  count: number;
}

/** An empty edge list with room for `capacity` ties before it grows. */
export function edgeList(capacity = 1024): EdgeList {
  const size = Math.max(16, Math.ceil(capacity));
  return { from: new Int32Array(size), to: new Int32Array(size), count: 0 };
}

/** Add the undirected tie u–v, doubling the columns when full. */
export function addEdge(edges: EdgeList, u: number, v: number): void {
  if (edges.count === edges.from.length) {
    if (edges.from.length >= 2 ** 29) throw new RangeError('edge list: more than 2^29 ties');
    const from = new Int32Array(edges.from.length * 2);
    const to = new Int32Array(edges.to.length * 2);
    from.set(edges.from);
    to.set(edges.to);
    edges.from = from;
    edges.to = to;
  }
  edges.from[edges.count] = u;
  edges.to[edges.count] = v;
  edges.count++;
}

/** Sort targets[start … end − 1] ascending, in place (insertion sort for the short rows most nodes have). */
function sortRow(targets: Int32Array, start: number, end: number): void {
  if (end - start > 24) {
    targets.subarray(start, end).sort();
    return;
  }
  for (let a = start + 1; a < end; a++) {
    const x = targets[a];
    let b = a - 1;
    while (b >= start && targets[b] > x) {
      targets[b + 1] = targets[b];
      b--;
    }
    targets[b + 1] = x;
  }
}

/**
 * Build a simple undirected graph on `nodes` nodes from an edge list: count degrees, take prefix
 * sums, fill both rows of every tie, then sort each row and drop repeated ties. Loops are dropped.
 * Memory stays at a few typed arrays; no per-node JavaScript arrays.
 */
export function csrFromEdges(nodes: number, edges: EdgeList): CsrGraph {
  const { from, to, count } = edges;
  const offsets = new Int32Array(nodes + 1);
  for (let e = 0; e < count; e++) {
    const u = from[e];
    const v = to[e];
    if (u === v) continue;
    if (u < 0 || v < 0 || u >= nodes || v >= nodes) throw new RangeError(`tie ${u}–${v} outside 0 … ${nodes - 1}`);
    offsets[u + 1]++;
    offsets[v + 1]++;
  }
  for (let i = 0; i < nodes; i++) offsets[i + 1] += offsets[i];
  const targets = new Int32Array(offsets[nodes]);
  const fill = offsets.slice(0, nodes);
  for (let e = 0; e < count; e++) {
    const u = from[e];
    const v = to[e];
    if (u === v) continue;
    targets[fill[u]++] = v;
    targets[fill[v]++] = u;
  }
  // Sort each row and compact it leftward past repeated ties; the write point never passes the read point.
  let write = 0;
  let start = 0;
  for (let i = 0; i < nodes; i++) {
    const end = offsets[i + 1];
    sortRow(targets, start, end);
    offsets[i] = write;
    let last = -1;
    for (let a = start; a < end; a++) {
      const t = targets[a];
      if (t !== last) {
        targets[write++] = t;
        last = t;
      }
    }
    start = end;
  }
  offsets[nodes] = write;
  return { nodes, offsets, targets: write === targets.length ? targets : targets.slice(0, write) };
}

/** Number of undirected ties in g. */
export function tieCount(g: CsrGraph): number {
  return g.targets.length / 2;
}
