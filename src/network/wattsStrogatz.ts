import { addEdge, csrFromEdges, edgeList, type CsrGraph } from './csr.js';
import { neighbourhoodRanges, type NetworkLayout } from './layout.js';
import { evenDegree } from './ringLattice.js';
import type { Rng } from '../random/streams.js';

/** The Watts–Strogatz settings, as in `PARAMETERS.network`. */
export interface WattsStrogatzOptions {
  /** Lattice degree within a neighbourhood, rounded down to even. */
  readonly degree: number;
  /** Chance that a lattice tie has its far end rewired to a random resident of the same neighbourhood. */
  readonly rewire: number;
  /** Mean number of bridging ties per resident (the bridging degree), ends in different neighbourhoods. */
  readonly bridges: number;
  /** Chance that a rewired or bridging end is redrawn among residents of the same background. */
  readonly homophily: number;
}

/**
 * A small world in each neighbourhood, joined by weak ties. Within a neighbourhood of s residents:
 * a ring lattice of even degree k, each tie's far end rewired with probability `rewire` to a
 * uniform other resident of that neighbourhood (Watts & Strogatz 1998); a neighbourhood with
 * s ≤ k + 1 residents becomes a complete graph. Between neighbourhoods: about bridges × n / 2 ties,
 * one end a uniform resident, the other a uniform resident of another neighbourhood, so each
 * resident has on average `bridges` bridging ties (Granovetter 1973). With probability `homophily`
 * a rewired or bridging end is drawn again, up to 10 × backgroundGroups times, until it shares the
 * first end's background; after that the last draw stands (McPherson, Smith-Lovin & Cook 2001).
 * A rewired tie may land on an existing one; the duplicate is dropped, so the mean degree sits
 * slightly below k when rewiring is strong in small neighbourhoods.
 */
export function wattsStrogatz(options: WattsStrogatzOptions, layout: NetworkLayout, rng: Rng): CsrGraph {
  const { neighbourhoodOf, background } = layout;
  const n = neighbourhoodOf.length;
  const { start, end } = neighbourhoodRanges(neighbourhoodOf);
  const k = evenDegree(options.degree);
  const half = k / 2;
  const rewire = options.rewire;
  const homophily = options.homophily;
  const tries = 10 * Math.max(1, layout.backgroundGroups);
  const bridgeMean = (Math.max(0, options.bridges) * n) / 2;
  const edges = edgeList(n * half + bridgeMean * 1.1 + 16);

  for (let b = 0; b < start.length; b++) {
    const lo = start[b];
    const s = end[b] - lo;
    if (s < 2) continue;
    if (k >= s - 1) {
      // Too few residents for a lattice of this degree: everyone knows everyone.
      for (let a = lo; a < lo + s; a++) for (let c = a + 1; c < lo + s; c++) addEdge(edges, a, c);
      continue;
    }
    for (let a = 0; a < s; a++) {
      const u = lo + a;
      for (let j = 1; j <= half; j++) {
        let v = lo + ((a + j) % s);
        if (rewire > 0 && rng() < rewire) {
          const alike = homophily > 0 && rng() < homophily;
          // A uniform other resident of the same neighbourhood (skip u itself).
          let t = 0;
          do {
            v = lo + Math.floor(rng() * (s - 1));
            if (v >= u) v++;
          } while (alike && background[v] !== background[u] && ++t < tries);
        }
        addEdge(edges, u, v);
      }
    }
  }

  if (start.length > 1 && bridgeMean > 0) {
    const whole = Math.floor(bridgeMean);
    const count = whole + (rng() < bridgeMean - whole ? 1 : 0);
    for (let e = 0; e < count; e++) {
      const u = Math.floor(rng() * n);
      const b = neighbourhoodOf[u];
      const lo = start[b];
      const outside = n - (end[b] - lo);
      if (outside === 0) continue;
      const alike = homophily > 0 && rng() < homophily;
      // A uniform resident of any other neighbourhood: index the residents outside u's range.
      let v = 0;
      let t = 0;
      do {
        v = Math.floor(rng() * outside);
        if (v >= lo) v += end[b] - lo;
      } while (alike && background[v] !== background[u] && ++t < tries);
      addEdge(edges, u, v);
    }
  }
  return csrFromEdges(n, edges);
}
