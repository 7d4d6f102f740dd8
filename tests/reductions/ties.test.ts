import { describe, expect, it } from 'vitest';
import { createWorld } from '../../src/model/createWorld.js';
import { loadScenario } from '../model/helpers.js';
import { stepUntilStable } from './settle.js';

// Oracle: Watts (2002) and Granovetter (1978) switch at a share of neighbours *at least* equal to
// the threshold. With own support weighted 0 (neighbourWeight 1) and no collective efficacy, the
// support path of the threshold rule must count exact ties as the whole-number path does.
const scenario = loadScenario('scenarios/reductions/granovetter.yaml');

function settle(thresholds: number[], households: number, supportDecides: boolean): number {
  const params = structuredClone(scenario.params);
  params.population.households = households;
  params.residents.thresholds = thresholds;
  params.mechanisms.supportDecides = supportDecides;
  params.mechanisms.efficacy = false;
  params.commitment.neighbourWeight = 1;
  const world = createWorld(params, { horizon: scenario.horizon, sampleEvery: scenario.sampleEvery }, scenario.seed);
  return stepUntilStable(world, 200);
}

describe('exact ties count as reaching the threshold, with own support in the rule or not', () => {
  it('7 of 35 committed neighbours meet a threshold of 0.2', () => {
    // 36 people on a complete graph: seven act at once (threshold 0), the other 29 need 0.2 of their 35.
    const thresholds = [...Array(7).fill(0), ...Array(29).fill(0.2)];
    expect(settle(thresholds, 36, false)).toBe(36);
    expect(settle(thresholds, 36, true)).toBe(36);
    // One short of the tie (6 starters) stops the chain on both paths: the test can fail.
    const short = [...Array(6).fill(0), ...Array(30).fill(0.2)];
    expect(settle(short, 36, true)).toBe(6);
  });

  it("Granovetter's hundred thresholds k / 99 bring in all hundred on the support path too", () => {
    const thresholds = scenario.params.residents.thresholds ?? [];
    expect(settle([...thresholds], 100, true)).toBe(100);
  });
});
