import { describe, expect, it } from 'vitest';
import { defaultParameters, type Parameters } from '../../src/model/parameters.js';
import { run } from '../../src/model/schedule.js';
import { createWorld } from '../../src/model/createWorld.js';
import type { World } from '../../src/model/world.js';

type Mechanism = keyof Parameters['mechanisms'];

/** A small world run for 80 weeks with the named mechanisms off (and cooperative levers, so that everything moves). */
function runWithout(off: Mechanism[], adjust: (params: Parameters) => void = () => {}): { before: World; after: World } {
  const params = defaultParameters();
  params.population.neighbourhoods = 3;
  params.population.households = 80;
  params.strategy.participation = 0.8;
  params.strategy.serving = 0.9;
  params.strategy.revenueShare = 0.9;
  params.initiative.threshold = 0.1;
  params.rates.maturity = 0.2;
  for (const m of off) params.mechanisms[m] = false;
  adjust(params);
  const before = createWorld(params, { horizon: 80, sampleEvery: 10 }, 7);
  const after = run(createWorld(params, { horizon: 80, sampleEvery: 10 }, 7), 80);
  return { before, after };
}

const same = (a: ArrayLike<number>, b: ArrayLike<number>) => expect(Array.from(b)).toEqual(Array.from(a));
const differs = (a: ArrayLike<number>, b: ArrayLike<number>) => expect(Array.from(b)).not.toEqual(Array.from(a));

describe('each mechanism switch really stops its process', () => {
  it('the defaults move every state the switches control (so the checks below can fail)', () => {
    const { before, after } = runWithout([]);
    differs(before.residents.trustGov, after.residents.trustGov);
    differs(before.residents.drive, after.residents.drive);
    differs(before.residents.belonging, after.residents.belonging);
    differs(before.residents.awareness, after.residents.awareness);
    differs(before.officials.orientation, after.officials.orientation);
    expect(Math.max(...after.initiatives.revenue)).toBeGreaterThan(0);
  });

  it('trust: off keeps residents’ trust in government and officials’ trust in residents fixed', () => {
    const { before, after } = runWithout(['trust']);
    same(before.residents.trustGov, after.residents.trustGov);
    same(before.officials.trustInResidents, after.officials.trustInResidents);
  });

  it('drive, belonging, awareness: off keeps that column fixed', () => {
    same(runWithout(['drive']).before.residents.drive, runWithout(['drive']).after.residents.drive);
    const b = runWithout(['belonging']);
    same(b.before.residents.belonging, b.after.residents.belonging);
    const a = runWithout(['awareness']);
    same(a.before.residents.awareness, a.after.residents.awareness);
  });

  it('pressure: off means officials exert none and residents feel none', () => {
    const { after } = runWithout(['pressure']);
    same(new Float64Array(after.officials.count), after.officials.pressure);
    same(new Float64Array(after.neighbourhoods.count), after.neighbourhoods.feltPressure);
  });

  it('fieldContacts: off, with pressure, revenue and learning off too, leaves trust untouched', () => {
    const { before, after } = runWithout(['fieldContacts', 'pressure', 'revenue', 'learning']);
    same(before.residents.trustGov, after.residents.trustGov);
    const on = runWithout(['pressure', 'revenue', 'learning']);
    differs(on.before.residents.trustGov, on.after.residents.trustGov);
  });

  it('peerInfluence and noise: with every other push on support off, support stays where it started', () => {
    const quiet: Mechanism[] = ['awareness', 'pressure', 'fieldContacts', 'revenue', 'noise', 'peerInfluence'];
    const { before, after } = runWithout(quiet);
    same(before.residents.support, after.residents.support);
    const peer = runWithout(quiet.filter((m) => m !== 'peerInfluence'));
    differs(peer.before.residents.support, peer.after.residents.support);
    const noise = runWithout(quiet.filter((m) => m !== 'noise'));
    differs(noise.before.residents.support, noise.after.residents.support);
  });

  it('initiatives: off leaves progress, alignment and formalisation untouched; revenue: off earns nothing', () => {
    const { before, after } = runWithout(['initiatives']);
    same(before.initiatives.progress, after.initiatives.progress);
    same(before.initiatives.alignment, after.initiatives.alignment);
    same(new Int32Array(after.initiatives.count), after.initiatives.formalisedWeek);
    const r = runWithout(['revenue']);
    same(new Float64Array(r.after.initiatives.count), r.after.initiatives.revenue);
  });

  it('efficacy: off runs exactly as efficacy 0, and on changes who commits', () => {
    const off = runWithout(['efficacy']).after;
    const zero = runWithout([], (params) => {
      params.commitment.efficacy = 0;
    }).after;
    same(off.residents.committed, zero.residents.committed);
    same(off.residents.support, zero.residents.support);
    differs(off.residents.committed, runWithout([]).after.residents.committed);
  });

  it('learning: off keeps officials’ orientation fixed', () => {
    const { before, after } = runWithout(['learning']);
    same(before.officials.orientation, after.officials.orientation);
  });
});
