import { describe, expect, it } from 'vitest';
import { createWorld } from '../../src/model/createWorld.js';
import { defaultParameters, type Parameters } from '../../src/model/parameters.js';
import { outputOf } from '../../src/model/run.js';
import { run } from '../../src/model/schedule.js';
import type { Intervention } from '../../src/model/interventions/types.js';
import { planRuns } from '../../src/scenario/design.js';
import { loadScenario } from '../../src/scenario/load.js';
import { join } from 'node:path';
import { ROOT, shippedScenarios } from '../golden/scenarios.js';

/**
 * The attitude pass takes the commitment decisions and counts the capacity's members in the same
 * walk over the residents (src/model/attitudes.ts). The oracle is the schedule as written in
 * docs/ODD.md §3: each process walking the residents on its own (`scratch.fuse` off). Both must
 * give every number of a run to the bit, for every shipped scenario and for the switches that
 * change what a decision reads.
 */
function bytes(params: Parameters, horizon: number, seed: number, interventions: readonly Intervention[], fuse: boolean): number[][] {
  const world = createWorld(params, { horizon, sampleEvery: 1 }, seed, interventions);
  world.scratch.fuse = fuse;
  const out = outputOf(run(world, world.horizon));
  return [out.series, out.initiativeSeries, ...Object.values(out.initiatives), out.interventionWeeks].map((a) => Array.from(a));
}

function same(params: Parameters, horizon: number, seed: number, interventions: readonly Intervention[] = []): void {
  const fused = bytes(params, horizon, seed, interventions, true);
  const separate = bytes(params, horizon, seed, interventions, false);
  expect(fused.map((a) => a.map((x) => Object.is(x, -0) ? 'minus zero' : x))).toEqual(separate.map((a) => a.map((x) => Object.is(x, -0) ? 'minus zero' : x)));
}

function small(adjust: (p: Parameters) => void = () => {}): Parameters {
  const p = defaultParameters();
  p.population.neighbourhoods = 4;
  p.population.households = 150;
  p.strategy.participation = 0.8;
  p.strategy.serving = 0.9;
  p.initiative.threshold = 0.15;
  p.rates.maturity = 0.2;
  adjust(p);
  return p;
}

describe('one walk over the residents gives the bytes of the separate processes', () => {
  it('the fused run really differs in how it gets there (the decisions are taken in the attitude pass)', () => {
    const world = createWorld(small(), { horizon: 10, sampleEvery: 1 }, 3);
    run(world, 10);
    expect(world.scratch.decidedWeek).toBe(10);
    expect(world.scratch.countedWeek).toBe(10);
    const separate = createWorld(small(), { horizon: 10, sampleEvery: 1 }, 3);
    separate.scratch.fuse = false;
    run(separate, 10);
    expect(separate.scratch.decidedWeek).toBe(-1);
    expect(separate.scratch.countedWeek).toBe(-1);
  });

  it.each([
    ['defaults', () => {}],
    ['only neighbours count', (p: Parameters) => (p.mechanisms.supportDecides = false)],
    ['no efficacy', (p: Parameters) => (p.mechanisms.efficacy = false)],
    ['no initiatives', (p: Parameters) => (p.mechanisms.initiatives = false)],
    ['no belonging, no drive', (p: Parameters) => ((p.mechanisms.belonging = false), (p.mechanisms.drive = false))],
    ['hysteresis 0, all neighbours', (p: Parameters) => ((p.commitment.hysteresis = 0), (p.commitment.neighbourWeight = 1))],
    ['agendas (the members’ agenda and trust counted too)', (p: Parameters) => (p.mechanisms.agendas = true)],
    ['leadership (separate walks)', (p: Parameters) => (p.mechanisms.leadership = true)],
    ['hazard rule (separate walks)', (p: Parameters) => (p.commitment.rule = 'hazard')],
  ])('%s', (_name, adjust) => same(small(adjust), 60, 11));

  it.each(shippedScenarios())('%s, first and last point', (file) => {
    const scenario = loadScenario(join(ROOT, file));
    const points = scenario.explore ? [] : planRuns(scenario).points;
    for (const point of points.length > 1 ? [points[0], points[points.length - 1]] : points) {
      const params = structuredClone(point.params);
      // Big worlds are cut down: the walks are the same at any size.
      params.population.households = Math.min(params.population.households, 200);
      params.population.neighbourhoods = Math.min(params.population.neighbourhoods, 6);
      same(params, Math.min(scenario.horizon, 104), 5, point.interventions ?? []);
    }
  });
});
