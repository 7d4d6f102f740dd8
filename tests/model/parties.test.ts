import { describe, expect, it } from 'vitest';
import { pairedDifference } from '../../src/analysis/tInterval.js';
import { createWorld } from '../../src/model/createWorld.js';
import { defaultParameters, type Parameters } from '../../src/model/parameters.js';
import { agreed, createParties, isBlocked, MAX_PARTIES, seekConsent, workWithParties } from '../../src/model/parties.js';
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
      if (yes >= world.params.parties.quorum * 1.2) quorumMet += chance;
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

/** One initiative of 20 households with `stakeholders` parties (mechanism on), after `adjust`. */
function partiesWorld(stakeholders: number, adjust: (p: Parameters) => void = () => {}): World {
  const p = defaultParameters();
  p.population.neighbourhoods = 1;
  p.population.households = 20;
  p.mechanisms.parties = true;
  p.strategy.stakeholders = stakeholders;
  adjust(p);
  return createWorld(p, { horizon: 1, sampleEvery: 1 }, 7);
}

describe('stakeholders as actors: joining late', () => {
  /**
   * Oracle: ODD §7.6b — a party nobody invited comes to the table in the week the plan comes up for
   * consent, and must consent like the others. With nobody invited (every invitation level 1, above
   * any openness), no veto party (every party weighted) and no consent ever given (approvalRate 0),
   * no plan can formalise, and no party of a plan that came up is still away (it is at the table, or
   * has come and left). (The quorum is met
   * when nobody is at the table, so a round held without the late parties would formalise the plan
   * at once.)
   */
  it('parties nobody invited are at the first consent round: without their consent no plan formalises', () => {
    const p = defaultParameters();
    p.population.neighbourhoods = 8;
    p.population.households = 150;
    p.mechanisms.parties = true;
    p.strategy.stakeholders = 3;
    p.parties.vetoChance = 0;
    p.rates.approvalRate = 0;
    const w = createWorld(p, { horizon: 156, sampleEvery: 13 }, 17);
    w.parties.invite.fill(1);
    run(w, 156);
    const ini = w.initiatives;
    const up = Array.from({ length: ini.count }, (_, b) => b).filter((b) => ini.supportShare[b] >= ini.threshold[b] && ini.progress[b] >= w.params.rates.maturity);
    expect(up.length).toBeGreaterThan(0);
    expect(Array.from(ini.formalisedWeek)).toEqual(new Array(ini.count).fill(0));
    for (const b of up) expect(Array.from(w.parties.seat.subarray(b * w.parties.slots, b * w.parties.slots + 3))).not.toContain(0);
  });
});

describe('stakeholders as actors: the registry parameters reach the rules', () => {
  /** Oracle: a party holds a veto with chance parties.vetoChance, a Bernoulli draw: never at 0, always at 1, and near p in many draws. */
  it('parties.vetoChance: 0 draws no veto party, 1 only veto parties, 0.3 about 0.3 of 2 000', () => {
    const share = (vetoChance: number) => {
      const p = defaultParameters();
      p.mechanisms.parties = true;
      p.parties.vetoChance = vetoChance;
      const pt = createParties(p, 100, 3);
      return pt.veto.reduce((a, v) => a + v, 0) / pt.veto.length;
    };
    expect(share(0)).toBe(0);
    expect(share(1)).toBe(1);
    expect(Math.abs(share(0.3) - 0.3)).toBeLessThan(0.035); // sd of the share √(0.21 / 2000) = 0.010
  });

  /**
   * Oracle: the quorum rule by hand. Three weighted parties (0.5, 0.3, 0.2) at the table, no veto
   * party, consents held fixed (approvalRate 0): with the first two consenting, 0.8 of the weight
   * consents, so quorum 0.5 and 0.8 are met and 1 (every weighted party must consent) is not; with
   * all three it is; with none, only quorum 0 is.
   */
  it('parties.quorum: 1 needs every weighted party at the table to consent, 0.5 a majority of the weight', () => {
    const agreeing = (quorum: number, consent: number[]) => {
      const w = partiesWorld(3, (p) => ((p.parties.quorum = quorum), (p.rates.approvalRate = 0)));
      const pt = w.parties;
      for (let k = 0; k < 3; k++) {
        pt.veto[k] = 0;
        pt.weight[k] = [0.5, 0.3, 0.2][k];
        pt.seat[k] = 1;
        pt.consent[k] = consent[k];
      }
      return seekConsent(w, 0);
    };
    expect(agreeing(0.5, [1, 1, 0])).toBe(true);
    expect(agreeing(0.8, [1, 1, 0])).toBe(true);
    expect(agreeing(1, [1, 1, 0])).toBe(false);
    expect(agreeing(1, [1, 1, 1])).toBe(true);
    expect(agreeing(0.5, [0, 0, 0])).toBe(false);
    expect(agreeing(0, [0, 0, 0])).toBe(true);
  });

  /**
   * Oracle (closed form, one week of process work, ODD §7.6b): stance += r × participation ×
   * (alignment − stance) and trust += r × (g × (1 − trust) − A × l × trust), with r =
   * parties.processRate; at r = 0 nothing moves and nobody leaves. rates.alignmentRate is no longer
   * the pace of the parties.
   */
  it('parties.processRate is the pace of process work: one week moves stance and trust by the closed form, 0 moves nothing', () => {
    const week = (rate: number) => {
      const w = partiesWorld(2, (p) => ((p.parties.processRate = rate), (p.rates.alignmentRate = 0.9)));
      const pt = w.parties;
      w.initiatives.alignment[0] = 0.6;
      w.initiatives.attention[0] = 0.4;
      w.initiatives.progress[0] = 0.1;
      for (let k = 0; k < 2; k++) {
        pt.veto[k] = 1; // veto parties cannot leave: the week is deterministic
        pt.stance[k] = [0.2, 0.9][k];
        pt.trust[k] = 0.5;
        pt.seat[k] = 1;
      }
      workWithParties(w, 0);
      return { stance: Array.from(pt.stance.subarray(0, 2)), trust: Array.from(pt.trust.subarray(0, 2)) };
    };
    const { strategy, rates } = defaultParameters();
    const g = (strategy.serving + 0.4 + 0.1) / 3;
    const r = 0.1;
    const moved = week(r);
    [0.2, 0.9].forEach((s, k) => {
      const interest = 1 - Math.abs(0.6 - s);
      const lost = rates.trustAsymmetry * strategy.steering * (1 - strategy.buffer) * (1 - interest);
      expect(moved.stance[k]).toBeCloseTo(s + r * strategy.participation * (0.6 - s), 12);
      expect(moved.trust[k]).toBeCloseTo(0.5 + r * (g * 0.5 - lost * 0.5), 12);
    });
    expect(week(0)).toEqual({ stance: [0.2, 0.9], trust: [0.5, 0.5] });
  });
});

describe('stakeholders as actors: the switch', () => {
  it('off: no party is drawn (every shipped scenario with it off keeps its series bytes: tests/golden)', () => {
    const off = runWorld(() => {}, 5, 20);
    expect(off.parties.slots).toBe(0);
    expect(off.parties.trust.length).toBe(0);
    expect(Array.from(off.initiatives.formalisedWeek)).toEqual(Array.from(runWorld(() => {}, 5, 20).initiatives.formalisedWeek));
    // its parameters change nothing while it is off
    const tuned = runWorld((p) => ((p.parties.vetoChance = 1), (p.parties.quorum = 1), (p.parties.processRate = 0.9)), 5, 20);
    expect(Array.from(tuned.residents.support)).toEqual(Array.from(off.residents.support));
    expect(Array.from(tuned.initiatives.formalisedWeek)).toEqual(Array.from(off.initiatives.formalisedWeek));
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
