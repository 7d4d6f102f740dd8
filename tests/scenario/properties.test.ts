import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { axisValues, latinHypercube, planRuns } from '../../src/scenario/design.js';
import { loadScenario, parseScenario, resolveScenario } from '../../src/scenario/load.js';

describe('design properties', () => {
  it('a Latin hypercube hits each of its n strata exactly once in every dimension, for any n, ranges and seed', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 60 }),
        fc.array(fc.tuple(fc.double({ min: -10, max: 10, noNaN: true }), fc.double({ min: 0.01, max: 10, noNaN: true })), { minLength: 1, maxLength: 4 }),
        fc.integer({ min: 0, max: 2 ** 32 - 1 }),
        (n, ranges, seed) => {
          const axes = ranges.map(([from, width], d) => [`strategy.dim${d}`, { from, to: from + width }] as [string, { from: number; to: number }]);
          const rows = latinHypercube(axes, n, seed);
          expect(rows).toHaveLength(n);
          for (const [path, { from, to }] of axes) {
            const strata = rows.map((r) => Math.min(n - 1, Math.floor((((r[path] as number) - from) / (to - from)) * n))).sort((a, b) => a - b);
            expect(strata).toEqual(Array.from({ length: n }, (_, i) => i));
          }
        },
      ),
      { seed: 20240601, numRuns: 200 },
    );
  });

  it('a grid has as many points as the product of its axes, each combination once', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 2, max: 5 }), { minLength: 1, maxLength: 3 }), (steps) => {
        const levers = ['steering', 'participation', 'serving'];
        const lines = steps.map((s, d) => `    strategy.${levers[d]}: {from: 0, to: 1, steps: ${s}}`).join('\n');
        const { points } = planRuns(parseScenario(`sweep:\n  parameters:\n${lines}\n`, 'p.yaml'));
        expect(points).toHaveLength(steps.reduce((a, b) => a * b, 1));
        expect(new Set(points.map((p) => p.label)).size).toBe(points.length);
      }),
      { seed: 7, numRuns: 40 },
    );
  });

  it('a range of steps values starts at from and ends at to', () => {
    expect(axisValues('strategy.steering', { from: 0.1, to: 0.9, steps: 5 })).toEqual([0.1, 0.3, 0.5, 0.7, 0.9]);
  });
});

describe('a resolved scenario loads back to itself (a manifest can be re-run)', () => {
  it.each(['baseline', 'steering-sweep', 'classic'])('scenarios/%s.yaml', (name) => {
    const scenario = loadScenario(`scenarios/${name}.yaml`);
    const again = resolveScenario(JSON.parse(JSON.stringify(scenario)), 'manifest.json');
    expect(again).toEqual(scenario);
    expect(planRuns(again)).toEqual(planRuns(scenario));
  });
});
