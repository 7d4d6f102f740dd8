import { describe, expect, it } from 'vitest';
import { pairedDifference } from '../../src/analysis/tInterval.js';
import { createWorld } from '../../src/model/createWorld.js';
import { defaultParameters, type Parameters } from '../../src/model/parameters.js';
import { agreed, isBlocked, MAJORITY, MAX_PARTIES, seekConsent } from '../../src/model/parties.js';
import { run } from '../../src/model/schedule.js';
import type { World } from '../../src/model/world.js';

/** A world of `neighbourhoods` × 150 households, after `adjust`, run for `weeks`. */
function runWorld(adjust: (p: Parameters) => void, seed: number, weeks = 156, neighbourhoods = 8): World {
  const params = defaultParameters();
  params.population.neighbourhoods = neighbourhoods;
  params.population.households = 150;
  adjust(params);
  return run(createWorld(params, { horizon: weeks, sampleEvery: 13 }, seed), weeks);
}

const blockedShare = (w: World) => {
  let n = 0;
  for (let b = 0; b < w.initiatives.count; b++) n += isBlocked(w, b) ? 1 : 0;
  return n / w.initiatives.count;
};

/** Slots for a quorum test: veto flags, weights, seats (1 = at the table) and consents. */
const slots = (veto: number[], weight: number[], seat: number[], consent: number[]) => ({
  veto: Uint8Array.from(veto), weight: Float64Array.from(weight), seat: Uint8Array.from(seat), consent: Uint8Array.from(consent),
});

describe('stakeholders as actors: the quorum rule', () => {
  it('every veto party must consent, and the weighted parties at the table by at least the quorum of their weight', () => {
    // two veto parties, three weighted ones of weight 0.2, 0.3, 0.5
    const veto = [1, 1, 0, 0, 0];
    const weight = [0.9, 0.9, 0.2, 0.3, 0.5];
    const all = [1, 1, 1, 1, 1];
    expect(agreed(slots(veto, weight, all, [1, 1, 0, 0, 1]), 0, 5, 0.5)).toBe(true); // 0.5 of 1.0: exactly the quorum
    expect(agreed(slots(veto, weight, all, [1, 1, 1, 1, 0]), 0, 5, 0.5)).toBe(true); // 0.5 again
    expect(agreed(slots(veto, weight, all, [1, 1, 1, 0, 0]), 0, 5, 0.5)).toBe(false); // 0.2 < 0.5
    expect(agreed(slots(veto, weight, all, [0, 1, 1, 1, 1]), 0, 5, 0.5)).toBe(false); // a veto withheld: blocked whatever the rest
    expect(agreed(slots(veto, weight, all, [1, 1, 1, 1, 1]), 0, 5, 1)).toBe(true); // unanimity met
    // a weighted party that left does not count: 0.2 of the 0.5 still at the table misses 0.5 …
    expect(agreed(slots(veto, weight, [1, 1, 1, 1, 2], [1, 1, 1, 0, 0]), 0, 5, 0.5)).toBe(false);
    // … and 0.3 of 0.5 meets it
    expect(agreed(slots(veto, weight, [1, 1, 1, 1, 2], [1, 1, 0, 1, 0]), 0, 5, 0.5)).toBe(true);
    // a veto party not at the table has not consented
    expect(agreed(slots(veto, weight, [0, 1, 1, 1, 1], [1, 1, 1, 1, 1]), 0, 5, 0.5)).toBe(false);
    // only veto parties: their consent is enough; no parties at all: nothing to agree
    expect(agreed(slots([1, 1], [0.5, 0.5], [1, 1], [1, 1]), 0, 2, 0.9)).toBe(true);
    expect(agreed(slots([], [], [], []), 0, 0, 0.5)).toBe(true);
    // only the slots first … end − 1 count
    expect(agreed(slots(veto, weight, all, [0, 1, 1, 1, 1]), 1, 5, 0.5)).toBe(true);
  });

  /**
   * Oracle (closed form): each party's consent is a two-state chain that consents with chance
   * rate × v and withdraws with chance rate × (1 − v), so in the long run it consents in a share v
   * of the weeks, independently of the others. The share of weeks in agreement is then
   * Π_veto v_k × P(consenting weight ≥ quorum × weight at the table), the second factor summed over
   * the 2^n subsets of weighted parties (Pressman & Wildavsky 1973: the chance of clearance is the
   * product over the clearance points).
   */
  it('in the long run the parties agree in the share of weeks the closed form gives', () => {
    const world = createWorld(
      (() => {
        const p = defaultParameters();
        p.population.neighbourhoods = 1;
        p.population.households = 20;
        p.mechanisms.parties = true;
        p.strategy.stakeholders = 5;
        p.rates.approvalRate = 0.5;
        return p;
      })(),
      { horizon: 1, sampleEvery: 1 },
      7,
    );
    const pt = world.parties;
    world.initiatives.alignment[0] = 0.5;
    // stance s gives interest 1 − |0.5 − s|; willingness v = interest × trust
    const stance = [0.5, 0.3, 0.5, 0.9, 0.6];
    const trust = [0.9, 0.8, 0.7, 0.6, 0.5];
    const veto = [1, 1, 0, 0, 0];
    const weight = [0, 0, 0.5, 0.3, 0.4];
    const v = stance.map((s, k) => (1 - Math.abs(0.5 - s)) * trust[k]);
    for (let k = 0; k < 5; k++) {
      pt.stance[k] = stance[k];
      pt.trust[k] = trust[k];
      pt.veto[k] = veto[k];
      pt.weight[k] = weight[k];
      pt.seat[k] = 1;
      pt.consent[k] = 0;
    }
    let quorumMet = 0;
    for (let mask = 0; mask < 8; mask++) {
      let yes = 0;
      let chance = 1;
      for (let j = 0; j < 3; j++) {
        const on = (mask >> j) & 1;
        chance *= on ? v[2 + j] : 1 - v[2 + j];
        if (on) yes += weight[2 + j];
      }
      if (yes >= MAJORITY * 1.2) quorumMet += chance;
    }
    const expected = v[0] * v[1] * quorumMet;
    const vetoExpected = v[0] * v[1];
    const weeks = 200_000;
    let together = 0;
    let vetoTogether = 0;
    for (let t = 0; t < 1000; t++) seekConsent(world, 0); // burn-in
    for (let t = 0; t < weeks; t++) {
      if (seekConsent(world, 0)) together++;
      if (pt.consent[0] === 1 && pt.consent[1] === 1) vetoTogether++;
    }
    expect(Math.abs(vetoTogether / weeks - vetoExpected)).toBeLessThan(0.01);
    expect(Math.abs(together / weeks - expected)).toBeLessThan(0.01);
  });
});

describe('stakeholders as actors: the switch', () => {
  it('off: no party is drawn (every shipped scenario with it off keeps its series bytes: tests/golden)', () => {
    const off = runWorld(() => {}, 5, 20);
    expect(off.parties.slots).toBe(0);
    expect(off.parties.trust.length).toBe(0);
    expect(Array.from(off.initiatives.formalisedWeek)).toEqual(Array.from(runWorld(() => {}, 5, 20).initiatives.formalisedWeek));
  });

  it('on: party k of a neighbourhood is the same party whatever the number of parties (common random numbers)', () => {
    const world = (parties: number) => createWorld(
      (() => {
        const p = defaultParameters();
        p.population.neighbourhoods = 3;
        p.population.households = 30;
        p.mechanisms.parties = true;
        p.strategy.stakeholders = parties;
        return p;
      })(),
      { horizon: 1, sampleEvery: 1 },
      11,
    );
    const few = world(2).parties;
    const many = world(8).parties;
    expect(few.slots).toBe(MAX_PARTIES);
    expect(Array.from(few.stance)).toEqual(Array.from(many.stance));
    expect(Array.from(few.veto)).toEqual(Array.from(many.veto));
  });

  it('on: more parties block more initiatives beyond the 95 % paired interval (off: approvals in turn do not)', () => {
    const difference = (on: boolean) => {
      const at = (parties: number) => Array.from({ length: 16 }, (_, r) =>
        blockedShare(runWorld((p) => ((p.mechanisms.parties = on), (p.strategy.stakeholders = parties)), 300 + r)));
      return pairedDifference(at(8), at(1));
    };
    const on = difference(true);
    expect(on.lo!).toBeGreaterThan(0);
    const off = difference(false);
    expect(on.mean - off.mean).toBeGreaterThan(0.05);
  }, 120_000);
});
