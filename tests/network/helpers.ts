import type { CsrGraph } from '../../src/network/csr.js';
import type { NetworkLayout } from '../../src/network/layout.js';

/** Every way a CSR graph can fail to be simple and undirected, as a list of messages (empty when fine). */
export function simpleGraphProblems(g: CsrGraph): string[] {
  const problems: string[] = [];
  const { nodes, offsets, targets } = g;
  if (offsets.length !== nodes + 1) problems.push(`offsets has length ${offsets.length}, expected ${nodes + 1}`);
  if (offsets[0] !== 0 || offsets[nodes] !== targets.length) problems.push('offsets do not span targets');
  const has = (i: number, j: number): boolean => {
    let lo = offsets[i];
    let hi = offsets[i + 1] - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (targets[mid] === j) return true;
      if (targets[mid] < j) lo = mid + 1;
      else hi = mid - 1;
    }
    return false;
  };
  for (let i = 0; i < nodes && problems.length < 10; i++) {
    if (offsets[i + 1] < offsets[i]) problems.push(`row ${i} has negative length`);
    for (let e = offsets[i]; e < offsets[i + 1]; e++) {
      const j = targets[e];
      if (j < 0 || j >= nodes) problems.push(`row ${i} names node ${j}`);
      else if (j === i) problems.push(`self-loop at ${i}`);
      else if (!has(j, i)) problems.push(`tie ${i}→${j} has no mirror`);
      if (e > offsets[i] && targets[e - 1] >= j) problems.push(`row ${i} not strictly ascending at ${e}`);
    }
  }
  return problems;
}

/** Degrees of all nodes. */
export function degrees(g: CsrGraph): Int32Array {
  const d = new Int32Array(g.nodes);
  for (let i = 0; i < g.nodes; i++) d[i] = g.offsets[i + 1] - g.offsets[i];
  return d;
}

/**
 * The mean local clustering coefficient (Watts & Strogatz 1998): for each node of degree ≥ 2, the
 * share of pairs of its neighbours that are tied; nodes of degree < 2 count as 0.
 */
export function clustering(g: CsrGraph): number {
  const mark = new Int32Array(g.nodes).fill(-1);
  let sum = 0;
  for (let i = 0; i < g.nodes; i++) {
    const a = g.offsets[i];
    const b = g.offsets[i + 1];
    const k = b - a;
    if (k < 2) continue;
    for (let e = a; e < b; e++) mark[g.targets[e]] = i;
    let links = 0;
    for (let e = a; e < b; e++) {
      const j = g.targets[e];
      for (let f = g.offsets[j]; f < g.offsets[j + 1]; f++) if (mark[g.targets[f]] === i) links++;
    }
    sum += links / (k * (k - 1));
  }
  return sum / g.nodes;
}

/** A layout of `neighbourhoods` × `size` residents, backgrounds assigned round-robin (or by `backgroundOf`). */
export function layoutOf(neighbourhoods: number, size: number, groups = 3, backgroundOf?: (i: number) => number): NetworkLayout {
  const n = neighbourhoods * size;
  const neighbourhoodOf = new Int32Array(n);
  const background = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    neighbourhoodOf[i] = Math.floor(i / size);
    background[i] = backgroundOf ? backgroundOf(i) : i % groups;
  }
  return { neighbourhoodOf, background, backgroundGroups: groups };
}
