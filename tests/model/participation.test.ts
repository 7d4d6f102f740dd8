import { describe, expect, it } from 'vitest';
import { createWorld } from '../../src/model/createWorld.js';
import { dissimilarity } from '../../src/model/measures.js';
import { WEEK_METRICS } from '../../src/model/metrics.js';
import { defaultParameters } from '../../src/model/parameters.js';
import { run } from '../../src/model/schedule.js';
import type { World } from '../../src/model/world.js';

const measure = (w: World, column: string, hoods: number[]) => WEEK_METRICS.find((m) => m.column === column)!.measure(w, Int32Array.from(hoods));

/**
 * Two neighbourhoods of ten households, two background groups, set by hand:
 *   neighbourhood 0: ids 0–5 group 0, 6–9 group 1; members 0, 1, 2, 3, 6; leader 0
 *   neighbourhood 1: ids 10–14 group 0, 15–19 group 1; members 10, 11, 15; leader 10
 */
function handWorld(): World {
  const params = defaultParameters();
  params.population.neighbourhoods = 2;
  params.population.households = 10;
  params.population.backgroundGroups = 2;
  params.population.initiators = 0;
  const w = createWorld(params, { horizon: 4, sampleEvery: 4 }, 3);
  const res = w.residents;
  res.background.set([0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1]);
  res.committed.fill(0);
  for (const i of [0, 1, 2, 3, 6, 10, 11, 15]) res.committed[i] = 1;
  res.initiator.fill(0);
  res.initiator[0] = 1;
  res.initiator[10] = 1;
  return w;
}

describe('who is at the table: participation by background group (hand-computed oracle)', () => {
  it('the index of dissimilarity (Duncan & Duncan 1955) of hand-made tallies', () => {
    // residents per group [10, 10]; a part [10, 0] shares no group with the rest [0, 10]: 1
    expect(dissimilarity([10, 10, 10, 0], 2, 1)).toBe(1);
    // a part with the rest's make-up: 0
    expect(dissimilarity([6, 3, 2, 1], 2, 1)).toBe(0);
    // an empty part or an empty rest: 0 by definition
    expect(dissimilarity([5, 5, 0, 0], 2, 1)).toBe(0);
    expect(dissimilarity([5, 5, 5, 5], 2, 1)).toBe(0);
  });

  it('over both neighbourhoods: members [6, 2] against the rest [5, 7] give 1/3; the least-joined group 2/9; leaders [2, 0] against [9, 9] give 1/2', () => {
    const w = handWorld();
    // ½ (|6/8 − 5/12| + |2/8 − 7/12|) = ½ (1/3 + 1/3)
    expect(measure(w, 'participation_dissimilarity', [0, 1])).toBeCloseTo(1 / 3, 14);
    // group 0: 6 of 11 joined, group 1: 2 of 9
    expect(measure(w, 'least_group_share', [0, 1])).toBeCloseTo(2 / 9, 14);
    // ½ (|2/2 − 9/18| + |0/2 − 9/18|)
    expect(measure(w, 'leader_dissimilarity', [0, 1])).toBeCloseTo(1 / 2, 14);
  });

  it('over neighbourhood 1 alone: members [2, 1] against [3, 4] give 5/21; group 1 joined least, 1 of 5', () => {
    const w = handWorld();
    // ½ (|2/3 − 3/7| + |1/3 − 4/7|) = ½ (5/21 + 5/21)
    expect(measure(w, 'participation_dissimilarity', [1])).toBeCloseTo(5 / 21, 14);
    expect(measure(w, 'least_group_share', [1])).toBeCloseTo(1 / 5, 14);
  });

  it('with one background group nobody is over- or under-represented, and the least-joined group is everyone', () => {
    const params = defaultParameters();
    params.population.neighbourhoods = 2;
    params.population.households = 50;
    params.population.backgroundGroups = 1;
    const w = createWorld(params, { horizon: 4, sampleEvery: 4 }, 5);
    expect(measure(w, 'participation_dissimilarity', [0, 1])).toBe(0);
    expect(measure(w, 'leader_dissimilarity', [0, 1])).toBe(0);
    expect(measure(w, 'least_group_share', [0, 1])).toBe(measure(w, 'committed_share', [0, 1]));
  });

  it('what the recorder writes each recorded week is what a fresh tally gives (the shared tally never goes stale)', () => {
    const params = defaultParameters();
    params.population.neighbourhoods = 3;
    params.population.households = 80;
    const w = createWorld(params, { horizon: 12, sampleEvery: 4 }, 7);
    const rec = w.recorder;
    const samples = rec.weeks.length;
    for (let week = 4; week <= 12; week += 4) {
      run(w, 4);
      for (const column of ['least_group_share', 'participation_dissimilarity', 'leader_dissimilarity']) {
        const m = WEEK_METRICS.findIndex((x) => x.column === column);
        expect(rec.series[m * samples + week / 4]).toBe(measure(w, column, [0, 1, 2]));
      }
    }
    expect(rec.series[WEEK_METRICS.findIndex((x) => x.column === 'participation_dissimilarity') * samples + 3]).toBeGreaterThan(0);
  });
});
