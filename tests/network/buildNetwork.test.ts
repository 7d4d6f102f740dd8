import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { defaultParameters, type Parameters } from '../../src/model/parameters.js';
import { buildNetwork, crossesNeighbourhoods } from '../../src/network/index.js';
import { stream } from '../../src/random/streams.js';
import { degrees, layoutOf, simpleGraphProblems } from './helpers.js';

const KINDS = ['watts-strogatz', 'erdos-renyi', 'barabasi-albert', 'ring', 'complete'] as const;

const networkOf = (overrides: Partial<Parameters['network']>): Parameters['network'] => ({ ...defaultParameters().network, ...overrides });

describe('buildNetwork', () => {
  it('builds a simple symmetric graph with sorted rows, the same for the same seed, for every kind and any settings', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...KINDS),
        fc.integer({ min: 1, max: 6 }),
        fc.integer({ min: 1, max: 40 }),
        fc.double({ min: 0, max: 14, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: 0, max: 3, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.integer({ min: 0, max: 2 ** 31 - 1 }),
        (kind, neighbourhoods, size, degree, rewire, bridges, homophily, seed) => {
          const layout = layoutOf(neighbourhoods, size);
          const g = buildNetwork(networkOf({ kind, degree, rewire, bridges, homophily }), layout, stream(seed, 'network'));
          expect(g.nodes).toBe(neighbourhoods * size);
          expect(simpleGraphProblems(g)).toEqual([]);
          const again = buildNetwork(networkOf({ kind, degree, rewire, bridges, homophily }), layout, stream(seed, 'network'));
          expect(again.offsets).toEqual(g.offsets);
          expect(again.targets).toEqual(g.targets);
        },
      ),
      { seed: 4242, numRuns: 300 },
    );
  });

  it('gives identical arrays for the same seed, and different ones for another seed', () => {
    const layout = layoutOf(8, 250);
    for (const kind of KINDS) {
      const a = buildNetwork(networkOf({ kind }), layout, stream(99, 'network'));
      const b = buildNetwork(networkOf({ kind }), layout, stream(99, 'network'));
      expect(Buffer.from(a.offsets.buffer, 0, a.offsets.byteLength).equals(Buffer.from(b.offsets.buffer, 0, b.offsets.byteLength))).toBe(true);
      expect(Buffer.from(a.targets.buffer, 0, a.targets.byteLength).equals(Buffer.from(b.targets.buffer, 0, b.targets.byteLength))).toBe(true);
      if (kind !== 'ring' && kind !== 'complete') {
        const c = buildNetwork(networkOf({ kind }), layout, stream(100, 'network'));
        expect(Array.from(c.targets)).not.toEqual(Array.from(a.targets));
      }
    }
  });

  it('spans all residents for the non-neighbourhood kinds, keeps Watts–Strogatz mostly local', () => {
    const layout = layoutOf(8, 250);
    const share = (kind: (typeof KINDS)[number]) => {
      const g = buildNetwork(networkOf({ kind }), layout, stream(5, 'network'));
      const c = crossesNeighbourhoods(g, layout.neighbourhoodOf);
      return c.reduce((s, x) => s + x, 0) / c.length;
    };
    // Random graphs ignore neighbourhoods: 7 in 8 ties cross. The default Watts–Strogatz: 0.05/8.05.
    expect(share('erdos-renyi')).toBeGreaterThan(0.8);
    expect(share('barabasi-albert')).toBeGreaterThan(0.8);
    expect(share('watts-strogatz')).toBeLessThan(0.02);
  });

  it('uses m = max(1, round(degree / 2)) ties per new node for Barabási–Albert', () => {
    const layout = layoutOf(1, 1000);
    const g = buildNetwork(networkOf({ kind: 'barabasi-albert', degree: 1 }), layout, stream(1, 'network'));
    expect(Math.min(...degrees(g))).toBe(1);
    expect(g.targets.length).toBe(2 * 999);
  });
});

describe('buildNetwork at scale', () => {
  it('builds the default Watts–Strogatz network for a million residents (4 000 neighbourhoods of 250)', () => {
    const layout = layoutOf(4000, 250);
    const g = buildNetwork(networkOf({}), layout, stream(7, 'network'));
    // Lattice 8 plus bridging 0.05 per resident, less the rewired ties that land on an existing one
    // (about rewire × k × k/(s − 1) ≈ 0.026 per resident).
    const mean = g.targets.length / g.nodes;
    expect(mean).toBeGreaterThan(8.0);
    expect(mean).toBeLessThan(8.05);
    expect(g.offsets[g.nodes]).toBe(g.targets.length);
  });
});
