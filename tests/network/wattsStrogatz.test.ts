import { describe, expect, it } from 'vitest';
import { crossesNeighbourhoods, ringLattice, wattsStrogatz } from '../../src/network/index.js';
import { stream } from '../../src/random/streams.js';
import { clustering, degrees, layoutOf, simpleGraphProblems } from './helpers.js';

const rngOf = (seed: number) => stream(seed, 'network');
const ws = (degree: number, rewire: number, bridges = 0, homophily = 0) => ({ degree, rewire, bridges, homophily });

describe('wattsStrogatz per neighbourhood', () => {
  it('with rewire 0 and no bridges is exactly a ring lattice in each neighbourhood', () => {
    const layout = layoutOf(4, 50);
    const g = wattsStrogatz(ws(6, 0), layout, rngOf(1));
    const ring = ringLattice(50, 6);
    for (let b = 0; b < 4; b++) {
      for (let a = 0; a < 50; a++) {
        const i = b * 50 + a;
        const row = Array.from(g.targets.subarray(g.offsets[i], g.offsets[i + 1]));
        const expected = Array.from(ring.targets.subarray(ring.offsets[a], ring.offsets[a + 1])).map((j) => j + b * 50);
        expect(row).toEqual(expected);
      }
    }
  });

  it('keeps the lattice clustering C(0) = 3(k − 2)/(4(k − 1)) at rewire 0 and loses it at rewire 1 (Watts & Strogatz 1998)', () => {
    const k = 8;
    const layout = layoutOf(5, 400);
    const c0 = clustering(wattsStrogatz(ws(k, 0), layout, rngOf(2)));
    expect(c0).toBeCloseTo((3 * (k - 2)) / (4 * (k - 1)), 10);
    // Fully rewired within 400 residents: a random graph with C ≈ k/s = 0.02.
    const c1 = clustering(wattsStrogatz(ws(k, 1), layout, rngOf(3)));
    expect(c1).toBeLessThan(0.05);
    // In between, the small-world regime keeps C near C(0)(1 − β)^3 (Barrat & Weigt 2000).
    const cMid = clustering(wattsStrogatz(ws(k, 0.1), layout, rngOf(4)));
    expect(Math.abs(cMid - c0 * 0.9 ** 3)).toBeLessThan(0.03);
  });

  it('keeps every tie inside its neighbourhood when there are no bridges, whatever the rewiring', () => {
    const layout = layoutOf(6, 80);
    const g = wattsStrogatz(ws(8, 0.7, 0, 0.5), layout, rngOf(5));
    expect(simpleGraphProblems(g)).toEqual([]);
    expect(crossesNeighbourhoods(g, layout.neighbourhoodOf).every((x) => x === 0)).toBe(true);
  });

  it('degrades to a complete graph in a neighbourhood of at most degree + 1 residents', () => {
    const layout = { neighbourhoodOf: Int32Array.from([0, 0, 0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 2]), background: new Int32Array(13), backgroundGroups: 1 };
    const g = wattsStrogatz(ws(8, 0.5), layout, rngOf(6));
    expect(simpleGraphProblems(g)).toEqual([]);
    expect(Array.from(degrees(g))).toEqual([2, 2, 2, 8, 8, 8, 8, 8, 8, 8, 8, 8, 0]);
  });

  it('adds bridges so that residents have on average `bridges` ties to other neighbourhoods', () => {
    // Expected share of CSR entries that cross: bridges / (k + bridges), less the few lattice ties lost to duplicates.
    const layout = layoutOf(20, 500);
    for (const [seed, bridges] of [[7, 0.05], [8, 0.5], [9, 2]]) {
      const g = wattsStrogatz(ws(8, 0.1, bridges), layout, rngOf(seed));
      const crosses = crossesNeighbourhoods(g, layout.neighbourhoodOf);
      let count = 0;
      for (const x of crosses) count += x;
      // Bridging ties ≈ Binomial-ish count around bridges·n/2; 5 sd of a Poisson count.
      const ties = count / 2;
      const expected = (bridges * 10_000) / 2;
      expect(Math.abs(ties - expected)).toBeLessThan(5 * Math.sqrt(expected) + 1);
      expect(Math.abs(count / g.targets.length - bridges / (8 + bridges))).toBeLessThan(0.01);
    }
  });

  it('with homophily 1 makes bridging ties join residents of the same background far more often than with 0', () => {
    // Oracle: with 3 equal groups, homophily 0 gives same-background share ≈ 1/3; homophily 1 ≈ 1.
    const layout = layoutOf(10, 300, 3, (i) => (i * 7) % 3);
    const sameShare = (homophily: number, seed: number) => {
      const g = wattsStrogatz(ws(6, 0.2, 1, homophily), layout, rngOf(seed));
      const crosses = crossesNeighbourhoods(g, layout.neighbourhoodOf);
      let same = 0;
      let all = 0;
      for (let i = 0; i < g.nodes; i++) {
        for (let e = g.offsets[i]; e < g.offsets[i + 1]; e++) {
          if (!crosses[e]) continue;
          all++;
          if (layout.background[g.targets[e]] === layout.background[i]) same++;
        }
      }
      return same / all;
    };
    const none = sameShare(0, 10);
    const full = sameShare(1, 11);
    expect(Math.abs(none - 1 / 3)).toBeLessThan(0.05);
    expect(full).toBeGreaterThan(0.99);
  });

  it('with homophily 1 makes rewired ties within a neighbourhood same-background too', () => {
    const layout = layoutOf(2, 600, 2, (i) => (i < 300 || (i >= 600 && i < 900) ? 0 : 1));
    // Backgrounds in blocks, so lattice ties are almost all same-background and rewired ones ½ without homophily.
    const share = (homophily: number) => {
      const g = wattsStrogatz(ws(6, 1, 0, homophily), layout, rngOf(12));
      let same = 0;
      for (let i = 0; i < g.nodes; i++) {
        for (let e = g.offsets[i]; e < g.offsets[i + 1]; e++) if (layout.background[g.targets[e]] === layout.background[i]) same++;
      }
      return same / g.targets.length;
    };
    expect(Math.abs(share(0) - 0.5)).toBeLessThan(0.05);
    expect(share(1)).toBeGreaterThan(0.99);
  });

  it('rejects a layout whose neighbourhoods are not contiguous id ranges', () => {
    const layout = { neighbourhoodOf: Int32Array.from([0, 0, 1, 1, 0]), background: new Int32Array(5), backgroundGroups: 1 };
    expect(() => wattsStrogatz(ws(2, 0), layout, rngOf(1))).toThrow(/contiguous/);
  });
});
