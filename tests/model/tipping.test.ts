import { describe, expect, test } from 'vitest';
import { createWorld } from '../../src/model/createWorld.js';
import { defaultParameters, type Parameters } from '../../src/model/parameters.js';
import { run } from '../../src/model/schedule.js';

const SETTINGS = { horizon: 156, sampleEvery: 4 };

function world(change: (p: Parameters) => void = () => {}, seed = 3) {
  const params = defaultParameters();
  change(params);
  return createWorld(params, SETTINGS, seed);
}

describe('tipping week (ODD §5, step 8)', () => {
  test('finding it leaves the starting state as drawn: only the initiators are members', () => {
    const w = world((p) => (p.residents.support = 0.9));
    expect([...w.initiatives.tippingWeek].every((t) => t > 0)).toBe(true);
    const initiators = w.params.population.initiators;
    expect([...w.initiatives.members]).toEqual(new Array(w.initiatives.count).fill(initiators));
    expect(w.residents.committed.reduce((a, c) => a + c, 0)).toBe(initiators * w.initiatives.count);
    for (let b = 0; b < w.initiatives.count; b++) expect(w.initiatives.supportShare[b]).toBe(initiators / w.initiatives.households[b]);
  });

  test('nobody tips with no goodwill at all, and a chance rule has no tipping point', () => {
    expect([...world((p) => (p.residents.support = 0)).initiatives.tippingWeek].every((t) => t === 0)).toBe(true);
    const hazard = world((p) => {
      p.residents.support = 0.9;
      p.commitment.rule = 'hazard';
    });
    expect([...hazard.initiatives.tippingWeek].every((t) => t === 0)).toBe(true);
  });

  test('at the defaults it is the early jump: every tipped initiative reaches the threshold within 12 weeks, no other before week 8', () => {
    let tipped = 0;
    let total = 0;
    for (let seed = 1; seed <= 12; seed++) {
      const w = world(() => {}, seed);
      const tipping = w.initiatives.tippingWeek.slice();
      run(w, 12);
      for (let b = 0; b < w.initiatives.count; b++) {
        total++;
        const reached = w.initiatives.reachedWeek[b];
        if (tipping[b] > 0) {
          tipped++;
          expect(reached, `seed ${seed}, initiative ${b}`).toBeGreaterThan(0);
        } else if (reached > 0) expect(reached, `seed ${seed}, initiative ${b}`).toBeGreaterThan(7);
      }
    }
    // about one initiative in ten starts past its tipping point at the defaults
    expect(tipped / total).toBeGreaterThan(0.04);
    expect(tipped / total).toBeLessThan(0.2);
  });
});
