import { describe, expect, it } from 'vitest';
import { planRuns } from '../../src/scenario/design.js';
import { parseScenario } from '../../src/scenario/load.js';
import { PRESETS } from '../../src/scenario/presets.js';
import { mergeParams } from '../../src/scenario/paths.js';
import { defaultParameters } from '../../src/model/parameters.js';

const plan = (yaml: string) => planRuns(parseScenario(yaml, 'test.yaml'));

describe('planRuns() lays out the points of a scenario', () => {
  it('gives one point, named after the scenario, when nothing varies', () => {
    const { points, varied } = plan('name: single\n');
    expect(varied).toEqual([]);
    expect(points).toHaveLength(1);
    expect(points[0]).toMatchObject({ index: 0, label: 'single', values: {} });
    expect(points[0].params).toEqual(defaultParameters());
  });

  it('runs a grid as the full factorial, the last parameter varying fastest', () => {
    const { points, varied } = plan(
      'sweep:\n  design: grid\n  parameters:\n    strategy.steering: {from: 0, to: 1, steps: 3}\n    strategy.participation: [0.2, 0.8]\n',
    );
    expect(varied).toEqual(['strategy.steering', 'strategy.participation']);
    expect(points.map((p) => [p.params.strategy.steering, p.params.strategy.participation])).toEqual([
      [0, 0.2],
      [0, 0.8],
      [0.5, 0.2],
      [0.5, 0.8],
      [1, 0.2],
      [1, 0.8],
    ]);
    expect(points.map((p) => p.index)).toEqual([0, 1, 2, 3, 4, 5]);
    expect(points[3].label).toBe('steering=0.5 participation=0.8');
    expect(points[3].values).toEqual({ 'strategy.steering': 0.5, 'strategy.participation': 0.8 });
  });

  it('spaces range values without binary noise and rounds integer parameters', () => {
    const { points } = plan('sweep:\n  parameters:\n    strategy.buffer: {from: 0.1, to: 0.3, steps: 3}\n    strategy.stakeholders: {from: 1, to: 4, steps: 3}\n');
    expect([...new Set(points.map((p) => p.params.strategy.buffer))]).toEqual([0.1, 0.2, 0.3]);
    expect([...new Set(points.map((p) => p.params.strategy.stakeholders))]).toEqual([1, 3, 4]);
  });

  it('sweeps choices and switches given as lists', () => {
    const { points } = plan("sweep:\n  parameters:\n    network.kind: [ring, complete]\n    mechanisms.trust: [true, false]\n");
    expect(points.map((p) => p.label)).toEqual(['kind=ring trust=true', 'kind=ring trust=false', 'kind=complete trust=true', 'kind=complete trust=false']);
  });

  it('names points by the full path when two parameters end alike', () => {
    const { points } = plan('sweep:\n  parameters:\n    residents.competence: [0.2]\n    strategy.competence: [0.4]\n');
    expect(points[0].label).toBe('residents.competence=0.2 strategy.competence=0.4');
  });

  it('varies one factor at a time around the base point, base first, without repeating it', () => {
    const { points, varied } = plan(
      'strategy: {steering: 0.5, participation: 0.5}\nsweep:\n  design: oat\n  parameters:\n    strategy.steering: [0, 0.5, 1]\n    strategy.participation: {from: 0, to: 1, steps: 5}\n',
    );
    expect(varied).toEqual(['strategy.steering', 'strategy.participation']);
    expect(points.map((p) => [p.values['strategy.steering'], p.values['strategy.participation']])).toEqual([
      [0.5, 0.5],
      [0, 0.5],
      [1, 0.5],
      [0.5, 0],
      [0.5, 0.25],
      [0.5, 0.75],
      [0.5, 1],
    ]);
    for (const p of points) {
      expect(p.params.strategy.steering).toBe(p.values['strategy.steering']);
      expect(p.params.strategy.participation).toBe(p.values['strategy.participation']);
    }
  });

  it('hits each of n strata exactly once per parameter in a Latin hypercube', () => {
    const n = 20;
    const { points } = plan(
      `sweep:\n  design: lhs\n  samples: ${n}\n  parameters:\n    strategy.steering: {from: 0, to: 1}\n    strategy.buffer: {from: 0.2, to: 0.6}\n    strategy.stakeholders: {from: 1, to: 20}\n`,
    );
    expect(points).toHaveLength(n);
    const strata = (values: number[], from: number, to: number) => values.map((v) => Math.floor(((v - from) / (to - from)) * n)).sort((a, b) => a - b);
    const all = Array.from({ length: n }, (_, i) => i);
    expect(strata(points.map((p) => p.params.strategy.steering), 0, 1)).toEqual(all);
    expect(strata(points.map((p) => p.params.strategy.buffer), 0.2, 0.6)).toEqual(all);
    // Twenty whole numbers 1..20 over twenty strata: each value exactly once.
    expect(points.map((p) => p.params.strategy.stakeholders).sort((a, b) => a - b)).toEqual(all.map((i) => i + 1));
  });

  it('draws the same Latin hypercube from the same seed, and another from another seed', () => {
    const yaml = (seed: number) => `seed: ${seed}\nsweep:\n  design: lhs\n  samples: 10\n  parameters:\n    strategy.steering: {from: 0, to: 1}\n    strategy.serving: {from: 0, to: 1}\n`;
    const values = (seed: number) => plan(yaml(seed)).points.map((p) => p.values);
    expect(values(5)).toEqual(values(5));
    expect(values(5)).not.toEqual(values(6));
  });

  it('runs compared strategies on presets and inline groups, the preset under its overrides', () => {
    const { points, varied } = plan(
      'strategy: {competence: 0.3}\ncompare:\n  - preset: classic\n  - name: mine\n    strategy: {steering: 0.1}\n  - {preset: cooperative, name: cooperative+, strategy: {revenueShare: 1}}\n',
    );
    expect(varied).toEqual(['strategy']);
    expect(points.map((p) => p.label)).toEqual(['classic', 'mine', 'cooperative+']);
    expect(points.map((p) => p.values)).toEqual([{ strategy: 'classic' }, { strategy: 'mine' }, { strategy: 'cooperative+' }]);
    const base = mergeParams(defaultParameters(), { strategy: { competence: 0.3 } });
    expect(points[0].params).toEqual(mergeParams(base, PRESETS.classic.overrides));
    expect(points[1].params).toEqual(mergeParams(base, { strategy: { steering: 0.1 } }));
    expect(points[2].params).toEqual(mergeParams(mergeParams(base, PRESETS.cooperative.overrides), { strategy: { revenueShare: 1 } }));
  });

  it('crosses compared strategies (outer) with the sweep (inner)', () => {
    const { points, varied } = plan('compare:\n  - preset: classic\n  - preset: cooperative\nsweep:\n  parameters:\n    strategy.steering: [0.2, 0.8]\n');
    expect(varied).toEqual(['strategy', 'strategy.steering']);
    expect(points.map((p) => p.label)).toEqual(['classic steering=0.2', 'classic steering=0.8', 'cooperative steering=0.2', 'cooperative steering=0.8']);
    expect(points[3].values).toEqual({ strategy: 'cooperative', 'strategy.steering': 0.8 });
    expect(points[3].params.strategy.steering).toBe(0.8);
  });

  it('gives every point its own copy of the parameters', () => {
    const { points } = plan('sweep:\n  parameters:\n    strategy.steering: [0.2, 0.8]\n');
    points[0].params.population.households = 3;
    expect(points[1].params.population.households).toBe(defaultParameters().population.households);
  });
});
