import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addEdge, csrFromEdges, edgeList } from '../../src/network/csr.js';
import { simpleGraphProblems } from './helpers.js';

describe('csrFromEdges', () => {
  it('turns any list of ties, with loops and repeats, into a simple symmetric graph with sorted rows', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 40 }).chain((n) =>
          fc.tuple(fc.constant(n), fc.array(fc.tuple(fc.nat(n - 1), fc.nat(n - 1)), { maxLength: 300 })),
        ),
        ([n, ties]) => {
          const edges = edgeList(4);
          for (const [u, v] of ties) addEdge(edges, u, v);
          const g = csrFromEdges(n, edges);
          expect(simpleGraphProblems(g)).toEqual([]);
          // Exactly the distinct non-loop pairs survive.
          const pairs = new Set(ties.filter(([u, v]) => u !== v).map(([u, v]) => (u < v ? `${u}-${v}` : `${v}-${u}`)));
          expect(g.targets.length).toBe(2 * pairs.size);
          for (const p of pairs) {
            const [u, v] = p.split('-').map(Number);
            expect(Array.from(g.targets.subarray(g.offsets[u], g.offsets[u + 1]))).toContain(v);
          }
        },
      ),
      { seed: 20240501, numRuns: 200 },
    );
  });

  it('rejects a tie that names a node outside the graph', () => {
    const edges = edgeList();
    addEdge(edges, 0, 5);
    expect(() => csrFromEdges(3, edges)).toThrow(RangeError);
  });
});
