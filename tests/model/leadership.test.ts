import { describe, expect, it } from 'vitest';
import { createWorld } from '../../src/model/createWorld.js';
import { defaultParameters, type Parameters } from '../../src/model/parameters.js';
import { run } from '../../src/model/schedule.js';
import type { World } from '../../src/model/world.js';

/** A small world (4 neighbourhoods × 150 households) run for `weeks`, after `adjust`. */
function runWorld(adjust: (p: Parameters) => void, seed: number, weeks = 156): World {
  const params = defaultParameters();
  params.population.neighbourhoods = 4;
  params.population.households = 150;
  adjust(params);
  return run(createWorld(params, { horizon: weeks, sampleEvery: 13 }, seed), weeks);
}

const reachShare = (w: World) => Array.from(w.initiatives.reachedWeek).filter((x) => x > 0).length / w.initiatives.count;
const committedTotal = (w: World) => Array.from(w.residents.committed).reduce((a, b) => a + b, 0);

/** Mean and Student t 95 % interval of paired differences (t for 11 degrees of freedom: 2.201). */
function pairedInterval(d: number[]): { mean: number; lo: number; hi: number } {
  const n = d.length;
  const mean = d.reduce((a, b) => a + b, 0) / n;
  const sd = Math.sqrt(d.reduce((a, b) => a + (b - mean) ** 2, 0) / (n - 1));
  const h = (2.201 * sd) / Math.sqrt(n);
  return { mean, lo: mean - h, hi: mean + h };
}

describe('leadership: a core of initiators emerges from drive and competences, and can burn out', () => {
  it('off: its parameters change nothing (the earlier model, byte for byte)', () => {
    const plain = runWorld(() => {}, 5, 60);
    const tuned = runWorld((p) => {
      p.leadership = { leadDrive: 0.1, leadCompetence: 0, core: 50, maxCore: 100, burnout: 1, stepDown: 0.9, driveWeight: 1 };
    }, 5, 60);
    expect(Array.from(tuned.residents.committed)).toEqual(Array.from(plain.residents.committed));
    expect(Array.from(tuned.residents.drive)).toEqual(Array.from(plain.residents.drive));
    expect(Array.from(tuned.initiatives.reachedWeek)).toEqual(Array.from(plain.initiatives.reachedWeek));
  });

  it('on: without a core nobody joins, however high support is', () => {
    const world = runWorld((p) => {
      p.mechanisms.leadership = true;
      p.population.initiators = 0;
      p.leadership.leadDrive = 1; // nobody's drive reaches it: no one steps forward
      p.residents.support = 0.9;
    }, 3, 100);
    expect(committedTotal(world)).toBe(0);
    // The same neighbourhoods with initiators fixed at the start (mechanism off) do commit.
    expect(committedTotal(runWorld((p) => ((p.population.initiators = 0), (p.residents.support = 0.9)), 3, 100))).toBeGreaterThan(0);
  });

  it('on: leaders burn out while the initiative lags, and step down', () => {
    const world = runWorld((p) => {
      p.mechanisms.leadership = true;
      p.mechanisms.drive = false; // only burnout moves a leader's drive
      p.initiative.threshold = 1; // never reached: the shortfall stays
      p.leadership.burnout = 0.05;
    }, 4, 20);
    // Initiators start with drive 0.9 and lose 0.05 a week: below stepDown 0.3 after 13 weeks.
    expect(Array.from(world.initiatives.leaders)).toEqual([0, 0, 0, 0]);
    for (let i = 0; i < world.residents.count; i++) if (world.residents.drive[i] < 0.6) expect(world.residents.initiator[i]).toBe(0);
  });

  it('on: mean drive 0.6 against 0.1 raises the share reaching the threshold beyond its 95 % interval (off: it does not)', () => {
    const difference = (lead: boolean) =>
      pairedInterval(
        Array.from({ length: 12 }, (_, r) => {
          const at = (drive: number) => reachShare(runWorld((p) => ((p.mechanisms.leadership = lead), (p.residents.drive = drive)), 100 + r));
          return at(0.6) - at(0.1);
        }),
      );
    const on = difference(true);
    expect(on.lo).toBeGreaterThan(0);
    const off = difference(false);
    expect(off.lo).toBeLessThan(0.1);
    expect(on.mean - off.mean).toBeGreaterThan(0.3);
  }, 60_000);
});
