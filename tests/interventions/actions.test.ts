import { describe, expect, it } from 'vitest';
import { applyInterventions } from '../../src/model/interventions/timeline.js';
import type { Intervention } from '../../src/model/interventions/types.js';
import { environmentDrivers } from '../../src/model/environment.js';
import { setPressureAndPresence } from '../../src/model/officials.js';
import { createWorld } from '../../src/model/createWorld.js';
import type { World } from '../../src/model/world.js';
import { SETTINGS, smallParams } from './helpers.js';

/** A fresh world at the start of week 1 with one entry applied by the interventions step, and its state just before. */
function applyAtWeek1(entry: Intervention, tune: (w: World) => void = () => {}) {
  const world = createWorld(smallParams(), SETTINGS, 3, [{ ...entry, at: 1 }]);
  tune(world);
  world.week = 1;
  environmentDrivers(world);
  const before = {
    trust: Float64Array.from(world.residents.trustGov),
    awareness: Float64Array.from(world.residents.awareness),
    presence: Float64Array.from(world.officials.presence),
    officialTrust: Float64Array.from(world.officials.trustInResidents),
    env: { ...world.env },
    strategy: { ...world.params.strategy },
  };
  applyInterventions(world);
  expect(world.timeline.firedWeek[0]).toBe(1);
  return { world, before };
}

/** Residents of neighbourhood b. */
function residentsOf(world: World, b: number): number[] {
  const ids: number[] = [];
  for (let i = world.neighbourhoods.start[b]; i < world.neighbourhoods.end[b]; i++) ids.push(i);
  return ids;
}

describe('each action does what docs/ODD.md says', () => {
  it('a broken promise lowers trust by trustGain × size × asymmetry in its neighbourhoods, and nowhere else', () => {
    const { world, before } = applyAtWeek1({ action: 'broken-promise', size: 4, where: [1] });
    const { trustGain, trustAsymmetry } = world.params.rates;
    const loss = trustGain * 4 * trustAsymmetry;
    for (const i of residentsOf(world, 1)) expect(world.residents.trustGov[i]).toBeCloseTo(Math.max(0, before.trust[i] - loss), 12);
    for (const b of [0, 2]) for (const i of residentsOf(world, b)) expect(world.residents.trustGov[i]).toBe(before.trust[i]);
  });

  it('a broken promise costs more trust than an evening of the same size gives (trust leaves on horseback)', () => {
    const { world, before } = applyAtWeek1({ action: 'broken-promise', size: 1 });
    const lost = before.trust[0] - world.residents.trustGov[0];
    const gain = world.params.rates.trustGain;
    expect(lost).toBeCloseTo(gain * world.params.rates.trustAsymmetry, 12);
    expect(lost).toBeGreaterThan(gain);
  });

  it('an evening raises trust and awareness of those who come, as EVENING_CONTACTS serving contacts; nobody comes at turnout 0', () => {
    const { world, before } = applyAtWeek1({ action: 'evening', size: 1, where: [0] });
    const { trustGain, awarenessGain, officialTrustGain } = world.params.rates;
    const k = (0.5 + world.params.strategy.competence) * 3;
    let came = 0;
    for (const i of residentsOf(world, 0)) {
      const t = world.residents.trustGov[i];
      if (t === before.trust[i]) continue;
      came++;
      expect(t).toBeCloseTo(Math.min(1, before.trust[i] + trustGain * k), 12);
      expect(world.residents.awareness[i]).toBeCloseTo(Math.min(1, before.awareness[i] + awarenessGain * k), 12);
    }
    // Turnout 1 × mean of belonging and trust (about 0.5): some come, not all.
    expect(came).toBeGreaterThan(5);
    expect(came).toBeLessThan(residentsOf(world, 0).length);
    for (const i of residentsOf(world, 1)) expect(world.residents.trustGov[i]).toBe(before.trust[i]);
    const o = world.neighbourhoods.officialStart[0];
    expect(world.officials.trustInResidents[o]).toBeCloseTo(before.officialTrust[o] + officialTrustGain * k, 12);

    const none = applyAtWeek1({ action: 'evening', size: 0 });
    expect(Array.from(none.world.residents.trustGov)).toEqual(Array.from(none.before.trust));
  });

  it('sending officials into the field holds their presence at least at size, only in the named neighbourhoods', () => {
    const { world } = applyAtWeek1({ action: 'field', size: 0.7, where: [2] });
    const nb = world.neighbourhoods;
    for (let o = nb.officialStart[2]; o < nb.officialStart[3]; o++) expect(world.officials.presence[o]).toBeGreaterThanOrEqual(0.7);
    for (let o = nb.officialStart[0]; o < nb.officialStart[2]; o++) expect(world.officials.presence[o]).toBeLessThan(0.7);
  });

  it('a subsidy takes size off the costs driver', () => {
    const { world, before } = applyAtWeek1({ action: 'subsidy', size: 0.25 });
    expect(world.env.costs).toBeCloseTo(before.env.costs - 0.25, 12);
  });

  it("a mandate adds size to the policy pressure, which officials pass on unless the manager's buffer absorbs it", () => {
    const pressed = (buffer: number, mandate: boolean) => {
      const { world } = mandate
        ? applyAtWeek1({ action: 'mandate', size: 0.4 }, (w) => (w.params.strategy.buffer = buffer))
        : applyAtWeek1({ action: 'subsidy', size: 0 }, (w) => (w.params.strategy.buffer = buffer));
      setPressureAndPresence(world);
      return { pressure: world.officials.pressure[0], policy: world.env.policyPressure };
    };
    const without = pressed(0, false);
    const withMandate = pressed(0, true);
    expect(withMandate.policy).toBeCloseTo(without.policy + 0.4, 12);
    expect(withMandate.pressure).toBeGreaterThan(without.pressure);
    expect(pressed(1, true).pressure).toBe(pressed(1, false).pressure);
  });

  it('set, share-revenues and the stakeholder actions change the strategy', () => {
    expect(applyAtWeek1({ action: 'set', set: { 'strategy.serving': 0.9, participation: 0.2 } }).world.params.strategy).toMatchObject({ serving: 0.9, participation: 0.2 });
    expect(applyAtWeek1({ action: 'share-revenues', size: 0.8 }).world.params.strategy.revenueShare).toBe(0.8);
    const stakeholders = smallParams().strategy.stakeholders;
    expect(applyAtWeek1({ action: 'add-stakeholder', size: 2 }).world.params.strategy.stakeholders).toBe(stakeholders + 2);
    expect(applyAtWeek1({ action: 'remove-stakeholder', size: 10 }).world.params.strategy.stakeholders).toBe(1);
  });
});
