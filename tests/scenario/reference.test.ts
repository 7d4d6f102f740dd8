import { describe, expect, it } from 'vitest';
import { planRuns } from '../../src/scenario/design.js';
import { parseScenario } from '../../src/scenario/load.js';
import { findReference, referencePoint } from '../../src/scenario/reference.js';

const sweep = (design: string, extra = '') =>
  parseScenario(`sweep:\n  design: ${design}\n${design === 'lhs' ? '  samples: 5\n' : ''}  parameters:\n    strategy.steering: ${design === 'lhs' ? '{from: 0, to: 1}' : '[0, 0.5, 1]'}\n    strategy.participation: ${design === 'lhs' ? '{from: 0, to: 1}' : '[0.2, 0.8]'}\n${extra}`, 'x.yaml');

describe('the reference point of a report', () => {
  it('defaults to the base point of oat, none for grid and lhs, the first compared strategy', () => {
    for (const [design, expected] of [['oat', 0], ['grid', null], ['lhs', null]] as const) {
      const s = sweep(design);
      expect(referencePoint(s, planRuns(s).points), design).toBe(expected);
    }
    const compare = parseScenario('compare: [{preset: classic}, {preset: cooperative}]\n', 'c.yaml');
    expect(referencePoint(compare, planRuns(compare).points)).toBe(0);
  });

  it('is the point the scenario names, by number or by its values, in the design and in a results folder alike', () => {
    const byNumber = sweep('grid', '  reference: 3\n');
    expect(referencePoint(byNumber, planRuns(byNumber).points)).toBe(3);
    const byValues = sweep('grid', '  reference: {strategy.steering: 0.5, strategy.participation: 0.8}\n');
    const points = planRuns(byValues).points;
    expect(points[3].values).toEqual({ 'strategy.steering': 0.5, 'strategy.participation': 0.8 });
    expect(referencePoint(byValues, points)).toBe(3);
    // A results folder holds the values as printed.
    const printed = points.map((p) => ({ index: p.index, values: Object.fromEntries(Object.entries(p.values).map(([k, v]) => [k, String(v)])) }));
    expect(referencePoint(byValues, printed)).toBe(3);
    expect(findReference({ 'strategy.steering': 0.25 }, printed)).toEqual({ expected: 'the values of a point of the sweep', found: 'strategy.steering: 0.25' });
  });
});
