import { describe, expect, it } from 'vitest';
import { pairedDifference } from '../../src/analysis/tInterval.js';
import { createWorld } from '../../src/model/createWorld.js';
import { weekIndex } from '../../src/model/metrics.js';
import { defaultParameters, type Parameters } from '../../src/model/parameters.js';
import { realise, satisfaction } from '../../src/model/realisation.js';
import { runModel } from '../../src/model/run.js';
import type { World } from '../../src/model/world.js';

const SETTINGS = { horizon: 156, sampleEvery: 4 };

/** The whole output of a run, as plain arrays: what the result files are written from. */
function bytesOf(params: Parameters, seed: number): unknown {
  const out = runModel(params, SETTINGS, seed);
  return [Array.from(out.series), Array.from(out.initiativeSeries), Object.values(out.initiatives).map((c) => Array.from(c))];
}

const committedAtHorizon = (params: Parameters, seed: number): number => {
  const out = runModel(params, SETTINGS, seed);
  return out.series[(weekIndex('committed_share') + 1) * out.weeks.length - 1];
};

/**
 * One neighbourhood of 40 households, every one a member of an initiative that formalised in week
 * 1; the test sets support, thresholds, capacity and the drivers, and calls the realisation step
 * by hand, so that the rule alone acts (growth = progressRate × capacity with proven techniques 1,
 * costs 0 and one party; no attention).
 */
function formalisedWorld(adjust: (p: Parameters) => void = () => {}): World {
  const params = defaultParameters();
  params.initiative.promiseWeeks = 52;
  params.population.neighbourhoods = 1;
  params.population.households = 40;
  params.strategy.stakeholders = 1;
  params.mechanisms.realisation = true;
  adjust(params);
  const w = createWorld(params, { horizon: 400, sampleEvery: 4 }, 5);
  const ini = w.initiatives;
  w.residents.committed.fill(1);
  ini.members[0] = 40;
  ini.supportShare[0] = 1;
  ini.formalisedWeek[0] = 1;
  ini.membersAtFormalisation[0] = 40;
  ini.capacity[0] = 0;
  ini.attention[0] = 0;
  w.env.provenTechniques = 1;
  w.env.costs = 0;
  w.residents.threshold.fill(0.45);
  w.residents.trustGov.fill(0.5);
  return w;
}

/** Runs the realisation step for weeks from … to (inclusive). */
function realiseWeeks(w: World, from: number, to: number): void {
  for (let t = from; t <= to; t++) {
    w.week = t;
    realise(w);
  }
}

describe('realisation after formalisation: delivery, satisfaction, drop-out and failure', () => {
  it('satisfaction is expectation + delivery − promised share (Oliver 1980, additive form; closed form)', () => {
    expect(satisfaction(0.5, 0.2, 26, 52)).toBeCloseTo(0.2, 15); // 0.5 + 0.2 − 26/52
    expect(satisfaction(0.4, 0.9, 60, 52)).toBeCloseTo(0.3, 15); // past the promise: all of it was promised
    expect(satisfaction(0.6, 0, 0, 52)).toBe(0.6);
  });

  it('members drop out in the first week expectation − τ/52 < threshold − hysteresis; the last drop-outs make it fail (closed form)', () => {
    const w = formalisedWorld();
    const { support, trustGov } = w.residents;
    for (let i = 0; i < 40; i++) support[i] = i < 20 ? 0.5 : 0.8;
    realiseWeeks(w, 1, 1); // formalisation week: expectations set to support
    expect(w.residents.expectation[0]).toBe(0.5);
    expect(w.residents.expectation[39]).toBe(0.8);
    // 0.5 − τ/52 < 0.45 − 0.1 first at τ = 8 (7/52 = 0.1346 ≤ 0.15 < 8/52 = 0.1538): week 9
    realiseWeeks(w, 2, 8);
    expect(w.initiatives.members[0]).toBe(40);
    realiseWeeks(w, 9, 9);
    expect(w.initiatives.members[0]).toBe(20);
    expect(w.initiatives.droppedOut[0]).toBe(20);
    expect(w.residents.committed[0]).toBe(0);
    expect(support[0]).toBeCloseTo(0.5 - 8 / 52, 15); // a drop-out's support falls to their satisfaction
    expect(support[39]).toBe(0.8);
    // 20 of 40 left: 0.5 ≥ floor × threshold = 0.15, so it carries on.
    expect(w.initiatives.failedWeek[0]).toBe(0);
    // 0.8 − τ/52 < 0.35 first at τ = 24 (23.4 < τ): week 25; none left, below the floor: it fails
    realiseWeeks(w, 10, 24);
    expect(w.initiatives.members[0]).toBe(20);
    realiseWeeks(w, 25, 25);
    expect(w.initiatives.members[0]).toBe(0);
    expect(w.initiatives.droppedOut[0]).toBe(40);
    expect(w.initiatives.failedWeek[0]).toBe(25);
    // the broken promise: trustGain × 5 × trustAsymmetry = 0.02 × 5 × 3 off everyone's trust
    expect(trustGov[7]).toBeCloseTo(0.5 - 0.3, 12);
    realiseWeeks(w, 26, 30); // failed is done
    expect(w.initiatives.failedWeek[0]).toBe(25);
    expect(trustGov[7]).toBeCloseTo(0.2, 12);
  });

  /**
   * Oracle: the failure rule as written (ODD §7.6c) — it fails when the members left are fewer than
   * initiative.floor × threshold × households. With 20 of 40 members left at threshold 0.6 the
   * boundary is floor = 20 / 24 ≈ 0.83; with none left and floor 0 it is never below the floor and
   * fails only at the deadline, 2 × 52 weeks after formalising.
   */
  it('the floor is the registry parameter initiative.floor: 20 of 40 left at threshold 0.6 carry on at floor 0.8 and fail at 0.9; at floor 0 only the deadline ends it', () => {
    const dropHalf = (floor: number) => {
      const w = formalisedWorld((p) => ((p.initiative.floor = floor), (p.initiative.threshold = 0.6)));
      for (let i = 0; i < 40; i++) w.residents.support[i] = i < 20 ? 0.5 : 0.8;
      realiseWeeks(w, 1, 9); // the first 20 drop out in week 9 (as above)
      expect(w.initiatives.droppedOut[0]).toBe(20);
      return w;
    };
    const carries = dropHalf(0.8);
    expect([carries.initiatives.failedWeek[0], carries.initiatives.members[0]]).toEqual([0, 20]);
    const fails = dropHalf(0.9);
    expect([fails.initiatives.failedWeek[0], fails.initiatives.members[0]]).toEqual([9, 0]); // released
    const none = dropHalf(0);
    realiseWeeks(none, 10, 104);
    expect(none.initiatives.members[0]).toBe(0); // the rest left in week 25
    expect(none.initiatives.failedWeek[0]).toBe(0);
    realiseWeeks(none, 105, 105); // τ = 104 = 2 × promiseWeeks
    expect(none.initiatives.failedWeek[0]).toBe(105);
  });

  it('an initiative not delivered within twice the promise fails and releases its members', () => {
    const w = formalisedWorld((p) => (p.initiative.promiseWeeks = 10));
    w.residents.support.fill(1);
    w.residents.threshold.fill(0); // 1 − τ/10 ≥ −0.1 for ever: nobody drops out
    realiseWeeks(w, 1, 20);
    expect(w.initiatives.failedWeek[0]).toBe(0);
    realiseWeeks(w, 21, 21); // τ = 20 = 2 × promiseWeeks
    expect(w.initiatives.failedWeek[0]).toBe(21);
    expect(w.initiatives.droppedOut[0]).toBe(0);
    expect(w.initiatives.members[0]).toBe(0);
    expect(w.initiatives.supportShare[0]).toBe(0);
    expect(w.residents.support[3]).toBe(0); // released at satisfaction 1 + 0 − 1
  });

  /** Oracle: the deadline rule as written (ODD §7.6c): it fails in the week τ reaches initiative.deadline × promiseWeeks. */
  it('the deadline is the registry parameter initiative.deadline: at 3 × a 10-week promise it fails at τ = 30, not 20', () => {
    const w = formalisedWorld((p) => ((p.initiative.promiseWeeks = 10), (p.initiative.deadline = 3)));
    w.residents.support.fill(1);
    w.residents.threshold.fill(0);
    realiseWeeks(w, 1, 30);
    expect(w.initiatives.failedWeek[0]).toBe(0);
    realiseWeeks(w, 31, 31); // τ = 30 = 3 × promiseWeeks
    expect(w.initiatives.failedWeek[0]).toBe(31);
  });

  it('delivery grows by progressRate × capacity a week and the initiative is delivered when it reaches 1 (closed form)', () => {
    const w = formalisedWorld();
    w.residents.support.fill(1);
    w.initiatives.capacity[0] = 0.5; // 0.12 × 0.5 = 0.06 a week: 16 weeks give 0.96, 17 give 1
    realiseWeeks(w, 1, 17);
    expect(w.initiatives.delivery[0]).toBeCloseTo(0.96, 12);
    expect(w.initiatives.deliveredWeek[0]).toBe(0);
    realiseWeeks(w, 18, 18);
    expect(w.initiatives.delivery[0]).toBe(1);
    expect(w.initiatives.deliveredWeek[0]).toBe(18);
    expect(w.initiatives.members[0]).toBe(40);
    realiseWeeks(w, 19, 60); // delivered is done: nobody is judged any more
    expect(w.initiatives.members[0]).toBe(40);
    expect(w.initiatives.failedWeek[0]).toBe(0);
  });

  it('off: with the switch off, its parameters change nothing, byte for byte, and nothing is delivered, failed or dropped', () => {
    const plain = defaultParameters();
    const tuned = defaultParameters();
    tuned.initiative.promiseWeeks = 3;
    tuned.initiative.floor = 0.9;
    tuned.initiative.deadline = 1;
    for (const seed of [1, 2]) expect(bytesOf(tuned, seed)).toEqual(bytesOf(plain, seed));
    const out = runModel(plain, SETTINGS, 1);
    expect(Array.from(out.initiatives.deliveredWeek).every((w) => w === 0)).toBe(true);
    expect(Array.from(out.initiatives.failedWeek).every((w) => w === 0)).toBe(true);
    expect(Array.from(out.initiatives.droppedOut).every((n) => n === 0)).toBe(true);
    // members at formalisation are recorded either way
    const f = out.initiatives.formalisedWeek.findIndex((x) => x > 0);
    expect(f).toBeGreaterThanOrEqual(0);
    expect(out.initiatives.membersAtFormalisation[f]).toBeGreaterThan(0);
  });

  // Oracle: a paired comparison on common random numbers (the same 30 seeds, so the same
  // neighbourhoods and people), Student t 95 % interval (pairedDifference). Argument: with the
  // switch on, members of a formalised initiative who judge its delivery short of the promise leave
  // and a failed initiative releases the rest, while the commitment rule no longer adds members
  // after formalisation — so fewer households are committed at the horizon; how many is measured.
  it('on: fewer households are committed at the horizon than with the switch off, beyond the 95 % interval', () => {
    const off = defaultParameters();
    const on = defaultParameters();
    on.mechanisms.realisation = true;
    const seeds = Array.from({ length: 30 }, (_, r) => 200 + r);
    const iv = pairedDifference(seeds.map((s) => committedAtHorizon(on, s)), seeds.map((s) => committedAtHorizon(off, s)));
    expect(iv.hi).toBeLessThan(0);
  });
});
