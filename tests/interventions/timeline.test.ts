import { describe, expect, it } from 'vitest';
import { ACTIONS, type ActionName, type Intervention } from '../../src/model/interventions/types.js';
import { conditionValue } from '../../src/model/interventions/conditions.js';
import { createWorld } from '../../src/model/createWorld.js';
import { step, WEEK } from '../../src/model/schedule.js';
import type { World } from '../../src/model/world.js';
import { runModel } from '../../src/model/run.js';
import { SETTINGS, runWith, seriesBefore, seriesFrom, smallParams } from './helpers.js';

/** An entry of each action that does something at the defaults. */
function entryOf(action: ActionName, at: number): Intervention {
  if (action === 'set') return { at, action, set: { 'strategy.serving': 1, 'strategy.participation': 1 } };
  if (action === 'add-stakeholder') return { at, action, size: 10 };
  if (action === 'remove-stakeholder') return { at, action, size: 2 };
  if (action === 'share-revenues') return { at, action, size: 1 };
  if (action === 'broken-promise') return { at, action, size: 10, where: [0, 2] };
  if (action === 'evening' || action === 'field') return { at, action, size: 1, where: [1] };
  return { at, action, size: 0.5 };
}

/** One week as `step` runs it, with the process `name` handed to `watch` to run around it. */
function stepWatching(world: World, name: string, watch: (world: World, run: () => void) => void): void {
  world.week++;
  for (const process of WEEK) {
    if (process.name === name) watch(world, () => process.run(world));
    else process.run(world);
  }
}

describe('an intervention timeline', () => {
  const seeds = [11, 12, 13];
  const t = 20;

  /** Revenue sharing acts only once initiatives formalise: make them formalise early. */
  function paramsFor(action: ActionName) {
    const p = smallParams();
    if (action === 'share-revenues') {
      p.initiative.threshold = 0.05;
      p.rates.maturity = 0.05;
      p.rates.approvalRate = 1;
      p.strategy.stakeholders = 1;
    }
    return p;
  }

  it.each([...ACTIONS])('%s at week 20 changes nothing before week 20, and something from then on', (action) => {
    let changedAfter = 0;
    for (const seed of seeds) {
      const baseline = runModel(paramsFor(action), SETTINGS, seed);
      const rehearsed = runWith([entryOf(action, t)], seed, paramsFor(action));
      expect(seriesBefore(rehearsed, t)).toEqual(seriesBefore(baseline, t));
      expect(Array.from(rehearsed.interventionWeeks)).toEqual([t]);
      if (seriesFrom(rehearsed, t).some((v, i) => v !== seriesFrom(baseline, t)[i])) changedAfter++;
    }
    // Every action acts on someone: in at least one of the seeds the world goes another way.
    expect(changedAfter).toBeGreaterThan(0);
  });

  it('shares the network and the population with the run without it, byte for byte', () => {
    const entries: Intervention[] = [{ at: 1, action: 'evening', size: 1 }, { at: 1, action: 'broken-promise', size: 20 }];
    const plain = createWorld(smallParams(), SETTINGS, 99);
    const planned = createWorld(smallParams(), SETTINGS, 99, entries);
    const bytes = (a: ArrayBufferView) => Buffer.from(a.buffer, a.byteOffset, a.byteLength);
    expect(bytes(planned.network.offsets).equals(bytes(plain.network.offsets))).toBe(true);
    expect(bytes(planned.network.targets).equals(bytes(plain.network.targets))).toBe(true);
    for (const column of ['background', 'threshold', 'trustGov', 'belonging', 'drive', 'awareness', 'support', 'competence', 'committed', 'initiator'] as const) {
      expect(bytes(planned.residents[column]).equals(bytes(plain.residents[column])), column).toBe(true);
    }
    // … and the weekly chances: the plan acts in week 1 and draws only from its own interventions
    // stream, so after that week the dynamics stream stands at the same place in both worlds.
    step(plain);
    step(planned);
    expect(Array.from(planned.timeline.firedWeek)).toEqual([1, 1]);
    expect(bytes(planned.residents.trustGov).equals(bytes(plain.residents.trustGov)), 'the broken promise must have cost trust').toBe(false);
    expect(planned.rng()).toBe(plain.rng());
  });

  it("leaves the caller's parameters as they were (each run works on its own copy)", () => {
    const params = smallParams();
    const before = structuredClone(params);
    runWith([{ at: 2, action: 'set', set: { 'strategy.steering': 1 } }, { at: 3, action: 'share-revenues', size: 1 }, { at: 4, action: 'add-stakeholder', size: 5 }], 5, params);
    expect(params).toEqual(before);
  });

  it('fires a condition-triggered action once, in the first week that starts with the condition holding, and records that week', () => {
    const threshold = 0.15;
    for (const seed of [21, 22, 23]) {
      // The week the condition first holds, read off the run without interventions (both runs are
      // identical until the action fires): the state at the end of week t − 1, seen at the start of t.
      const world = createWorld(smallParams(), SETTINGS, seed);
      const all = Int32Array.from([0, 1, 2]);
      let expected = 0;
      for (let week = 1; week <= SETTINGS.horizon && expected === 0; week++) {
        if (conditionValue(world, 'support_share', all) >= threshold) expected = week;
        step(world);
      }
      expect(expected, `seed ${seed}: the condition must hold inside the horizon for this test to mean anything`).toBeGreaterThan(1);

      // Count the weeks in which the interventions step touched anyone's trust.
      const rehearsed = createWorld(smallParams(), SETTINGS, seed, [{ when: { metric: 'support_share', above: threshold }, action: 'broken-promise', size: 5 }]);
      const touched: number[] = [];
      for (let week = 1; week <= SETTINGS.horizon; week++) {
        stepWatching(rehearsed, 'interventions', (w, applyStep) => {
          const before = Float64Array.from(w.residents.trustGov);
          applyStep();
          if (w.residents.trustGov.some((x, i) => x !== before[i])) touched.push(w.week);
        });
      }
      expect(touched).toEqual([expected]);
      expect(rehearsed.timeline.firedWeek[0]).toBe(expected);
    }
  });

  it('records 0 (never) for an entry whose condition never holds', () => {
    const out = runWith([{ when: { metric: 'trust_gov', below: 0 }, action: 'evening' }, { at: 3, action: 'evening' }], 4);
    expect(Array.from(out.interventionWeeks)).toEqual([0, 3]);
  });

  it('undoes a windowed strategy change when its weeks are over', () => {
    const seen: number[] = [];
    const world = createWorld(smallParams(), SETTINGS, 1, [{ from: 5, for: 3, action: 'set', set: { 'strategy.serving': 0.9 } }]);
    for (let week = 1; week <= 10; week++) {
      step(world);
      seen.push(world.params.strategy.serving);
    }
    expect(seen).toEqual([0.5, 0.5, 0.5, 0.5, 0.9, 0.9, 0.9, 0.5, 0.5, 0.5]);
  });

  it('refuses a neighbourhood the world does not have, instead of doing nothing', () => {
    expect(() => runWith([{ at: 2, action: 'evening', where: [7] }], 1)).toThrow(/no neighbourhood 7/);
  });
});
