import { describe, expect, it } from 'vitest';
import { pairedDifference } from '../../src/analysis/tInterval.js';
import { createWorld } from '../../src/model/createWorld.js';
import { updateInitiatives } from '../../src/model/initiatives.js';
import { defaultParameters, type Parameters } from '../../src/model/parameters.js';
import { runModel } from '../../src/model/run.js';
import type { World } from '../../src/model/world.js';

const SETTINGS = { horizon: 156, sampleEvery: 4 };

/** The whole output of a run, as plain arrays: what the result files are written from. */
function bytesOf(params: Parameters, seed: number): unknown {
  const out = runModel(params, SETTINGS, seed);
  return [Array.from(out.series), Array.from(out.initiativeSeries), Object.values(out.initiatives).map((c) => Array.from(c))];
}

/** A small world with local agendas, built but not stepped. */
function agendaWorld(adjust: (p: Parameters) => void = () => {}): World {
  const params = defaultParameters();
  params.population.neighbourhoods = 3;
  params.population.households = 60;
  params.population.initiators = 10;
  params.mechanisms.agendas = true;
  params.initiative.threshold = 1; // never formalises: alignment moves every week
  adjust(params);
  return createWorld(params, { horizon: 60, sampleEvery: 4 }, 11);
}

/** The programme's pull s_b worked out by hand from the world's state (ODD §7.6a). */
function pullByHand(w: World, b: number): { s: number; agenda: number } {
  const { residents: res, officials: off, neighbourhoods: hoods, params } = w;
  let members = 0;
  let agenda = 0;
  let trust = 0;
  for (let i = hoods.start[b]; i < hoods.end[b]; i++) {
    if (!res.committed[i]) continue;
    members++;
    agenda += res.agenda[i];
    trust += res.trustGov[i];
  }
  let presence = 0;
  const o0 = hoods.officialStart[b];
  const o1 = hoods.officialStart[b + 1];
  for (let o = o0; o < o1; o++) presence += off.presence[o] / (o1 - o0);
  const parties = 1 - Math.exp(-(params.strategy.stakeholders - 1) / 3);
  const contact = 1 - (1 - w.initiatives.attention[b]) * (1 - presence) * (1 - parties);
  return { s: params.strategy.steering * contact * (trust / members), agenda: agenda / members };
}

const share = (xs: ArrayLike<number>, keep: (b: number) => boolean) => Array.from(xs).filter((_, b) => keep(b)).length / xs.length;

describe('local agendas: alignment through contact and acceptance, overriding costs support', () => {
  it('off: the agenda parameters change nothing, byte for byte', () => {
    const tuned = defaultParameters();
    tuned.residents.agenda = 0.9;
    tuned.residents.agendaSpread = 0.5;
    tuned.rates.overrideCost = 1;
    for (const seed of [1, 2]) expect(bytesOf(tuned, seed)).toEqual(bytesOf(defaultParameters(), seed));
  });

  it('on: agendas come from their own stream — every other starting draw is the same', () => {
    const off = agendaWorld((p) => (p.mechanisms.agendas = false));
    const on = agendaWorld();
    for (const col of ['support', 'trustGov', 'drive', 'threshold', 'committed'] as const) expect(Array.from(on.residents[col])).toEqual(Array.from(off.residents[col]));
    expect(Array.from(off.residents.agenda).every((x) => x === 0)).toBe(true);
    // Without spreads everyone holds the mean agenda; with them, 40 neighbourhoods average near it
    // (neighbourhood offsets sd 0.15: the mean's standard error is about 0.024).
    const flat = agendaWorld((p) => ((p.population.neighbourhoodSpread = 0), (p.residents.agendaSpread = 0), (p.residents.agenda = 0.35)));
    expect(Array.from(flat.residents.agenda).every((x) => x === 0.35)).toBe(true);
    const many = Array.from(agendaWorld((p) => (p.population.neighbourhoods = 40)).residents.agenda);
    expect(Math.abs(many.reduce((a, x) => a + x, 0) / many.length - 0.35)).toBeLessThan(0.08);
    // Each initiative starts at its members' (the initiators') mean agenda.
    for (let b = 0; b < on.initiatives.count; b++) expect(on.initiatives.alignment[b]).toBeCloseTo(pullByHand(on, b).agenda, 12);
  });

  it('closed form: with members, trust and contact held, alignment relaxes geometrically to s + (1 − s) × agenda', () => {
    const w = agendaWorld((p) => (p.strategy.steering = 0.8));
    const r = w.params.rates.alignmentRate;
    w.initiatives.attention.fill(0.25);
    const a0 = Array.from(w.initiatives.alignment);
    const weeks = 40;
    for (let t = 0; t < weeks; t++) updateInitiatives(w);
    for (let b = 0; b < w.initiatives.count; b++) {
      const { s, agenda } = pullByHand(w, b);
      const fixed = s + (1 - s) * agenda;
      // a_t − a* = (1 − r)^t (a_0 − a*), since Δa = r (a* − a).
      expect(w.initiatives.alignment[b]).toBeCloseTo(fixed + (1 - r) ** weeks * (a0[b] - fixed), 12);
      expect(w.initiatives.alignment[b]).toBeGreaterThan(agenda);
    }
  });

  it('steering that overrides members costs each exactly overrideCost × s × (alignment − own agenda) of support, and only those it overrides', () => {
    const w = agendaWorld((p) => ((p.strategy.steering = 1), (p.rates.overrideCost = 0.2)));
    updateInitiatives(w);
    const res = w.residents;
    let charged = 0;
    for (let i = 0; i < res.count; i++) {
      const b = res.neighbourhood[i];
      const over = w.initiatives.alignment[b] - res.agenda[i];
      const expected = res.committed[i] && over > 0 ? -0.2 * pullByHand(w, b).s * over : 0;
      expect(res.nudge[i]).toBeCloseTo(expected, 14);
      if (expected < 0) charged++;
    }
    expect(charged).toBeGreaterThan(0);
  });

  it('without steering alignment follows the members\' agenda and nobody is charged', () => {
    const w = agendaWorld((p) => (p.strategy.steering = 0));
    const before = Array.from(w.initiatives.alignment);
    updateInitiatives(w);
    expect(Array.from(w.initiatives.alignment)).toEqual(before); // started at the agenda, stays there
    expect(Array.from(w.residents.nudge).every((x) => x === 0)).toBe(true);
  });

  it('on: coherent success without steering and reach under full steering move beyond their 95 % paired intervals', () => {
    const seeds = Array.from({ length: 12 }, (_, r) => 300 + r);
    const outcomes = (agendas: boolean, steering: number) =>
      seeds.map((seed) => {
        const p = defaultParameters();
        p.mechanisms.agendas = agendas;
        p.strategy.steering = steering;
        const ini = runModel(p, SETTINGS, seed).initiatives;
        return {
          coherent: share(ini.formalisedWeek, (b) => ini.formalisedWeek[b] > 0 && ini.alignmentFinal[b] >= p.initiative.alignedAt),
          reach: share(ini.reachedWeek, (b) => ini.reachedWeek[b] > 0),
        };
      });
    // Without steering the old rule lets alignment decay to 0 (no coherent success at all);
    // members whose agenda lies near the programme's goals now carry some initiatives there.
    const [on0, off0] = [outcomes(true, 0), outcomes(false, 0)];
    expect(off0.every((o) => o.coherent === 0)).toBe(true);
    const coherent = pairedDifference(on0.map((o) => o.coherent), off0.map((o) => o.coherent));
    expect(coherent.lo).toBeGreaterThan(0);
    // Full steering overrides members: support falls and fewer initiatives reach their threshold.
    const [on1, off1] = [outcomes(true, 1), outcomes(false, 1)];
    const reach = pairedDifference(on1.map((o) => o.reach), off1.map((o) => o.reach));
    expect(reach.hi).toBeLessThan(0);
  }, 60_000);
});
