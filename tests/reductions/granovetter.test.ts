import { describe, expect, it } from 'vitest';
import { createWorld } from '../../src/model/createWorld.js';
import { loadScenario } from '../model/helpers.js';
import { stepUntilStable } from './settle.js';

// Oracle: Granovetter (1978), American Journal of Sociology 83:1420, the riot example — thresholds
// 0, 1, …, 99 (others already acting) bring everyone in; changing the threshold-1 person to 2 stops
// the chain after the instigator.
const scenario = loadScenario('scenarios/reductions/granovetter.yaml');

describe('Granovetter (1978): a hundred people with thresholds 0 … 99 on a complete graph', () => {
  it('all hundred end up acting', () => {
    const world = createWorld(scenario.params, { horizon: scenario.horizon, sampleEvery: scenario.sampleEvery }, scenario.seed);
    expect(stepUntilStable(world, 200)).toBe(100);
  });

  it('only one acts when the threshold-1 person is raised to 2', () => {
    const params = structuredClone(scenario.params);
    const thresholds = [...(params.residents.thresholds ?? [])];
    expect(thresholds).toHaveLength(100);
    thresholds[1] = 2 / 99;
    params.residents.thresholds = thresholds;
    const world = createWorld(params, { horizon: scenario.horizon, sampleEvery: scenario.sampleEvery }, scenario.seed);
    expect(stepUntilStable(world, 200)).toBe(1);
  });
});
