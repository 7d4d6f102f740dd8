import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { defaultParameters } from '../../src/model/parameters.js';
import { runModel } from '../../src/model/run.js';
import { step } from '../../src/model/schedule.js';
import { createWorld } from '../../src/model/createWorld.js';
import type { World } from '../../src/model/world.js';
import { anyParameters } from './arbitraries.js';

const runs = { seed: 20240611, numRuns: 60 };
const weeks = 25;

/** Every value that should stay in [0, 1], as [name, column] pairs. */
function unitColumns(w: World): Array<[string, ArrayLike<number>]> {
  const r = w.residents;
  const o = w.officials;
  const i = w.initiatives;
  return [
    ['support', r.support], ['trustGov', r.trustGov], ['belonging', r.belonging], ['drive', r.drive],
    ['awareness', r.awareness], ['competence', r.competence], ['threshold', r.threshold],
    ['pressure', o.pressure], ['presence', o.presence], ['trustInResidents', o.trustInResidents], ['orientation', o.orientation],
    ['supportShare', i.supportShare], ['capacity', i.capacity], ['progress', i.progress], ['alignment', i.alignment],
    ['attention', i.attention], ['feltPressure', w.neighbourhoods.feltPressure],
  ];
}

function outOfRange(w: World): string | null {
  for (const [name, col] of unitColumns(w)) {
    for (let k = 0; k < col.length; k++) if (!(col[k] >= 0 && col[k] <= 1)) return `${name}[${k}] = ${col[k]} in week ${w.week}`;
  }
  return null;
}

describe('step() over random valid parameters', () => {
  it('keeps every state value inside [0, 1] after each week', () => {
    fc.assert(
      fc.property(anyParameters, fc.integer({ min: 0, max: 2 ** 31 }), (params, seed) => {
        const w = createWorld(params, { horizon: weeks, sampleEvery: 3 }, seed);
        expect(outOfRange(w)).toBeNull();
        for (let t = 0; t < weeks; t++) {
          step(w);
          expect(outOfRange(w)).toBeNull();
        }
      }),
      runs,
    );
  });

  it('conserves households: residents per neighbourhood stay the same and members never exceed them', () => {
    fc.assert(
      fc.property(anyParameters, fc.integer({ min: 0, max: 2 ** 31 }), (params, seed) => {
        const w = createWorld(params, { horizon: weeks, sampleEvery: 5 }, seed);
        const before = Int32Array.from(w.initiatives.households);
        const { offsets, targets } = w.network;
        for (let t = 0; t < weeks; t++) {
          step(w);
          const r = w.residents;
          for (let b = 0; b < w.initiatives.count; b++) {
            expect(w.neighbourhoods.end[b] - w.neighbourhoods.start[b]).toBe(before[b]);
            expect(w.initiatives.households[b]).toBe(before[b]);
            let members = 0;
            for (let i = w.neighbourhoods.start[b]; i < w.neighbourhoods.end[b]; i++) {
              expect(r.neighbourhood[i]).toBe(b);
              expect(r.committed[i] === 0 || r.committed[i] === 1).toBe(true);
              members += r.committed[i];
            }
            expect(w.initiatives.members[b]).toBe(members);
            expect(members).toBeLessThanOrEqual(before[b]);
          }
          for (let i = 0; i < r.count; i++) {
            let c = 0;
            for (let e = offsets[i]; e < offsets[i + 1]; e++) c += r.committed[targets[e]];
            expect(r.committedNeighbours[i]).toBe(c);
          }
        }
      }),
      { ...runs, numRuns: 30 },
    );
  });

  it('formalises an initiative at most once, and never before it reached its threshold', () => {
    fc.assert(
      fc.property(anyParameters, fc.integer({ min: 0, max: 2 ** 31 }), (params, seed) => {
        const w = createWorld(params, { horizon: 60, sampleEvery: 10 }, seed);
        const seen = new Int32Array(w.initiatives.count);
        const reached = new Int32Array(w.initiatives.count);
        for (let t = 0; t < 60; t++) {
          step(w);
          const ini = w.initiatives;
          for (let b = 0; b < ini.count; b++) {
            if (reached[b] > 0) expect(ini.reachedWeek[b]).toBe(reached[b]);
            reached[b] = ini.reachedWeek[b];
            if (seen[b] > 0) expect(ini.formalisedWeek[b]).toBe(seen[b]);
            if (ini.formalisedWeek[b] > 0) {
              expect(ini.reachedWeek[b]).toBeGreaterThan(0);
              expect(ini.formalisedWeek[b]).toBeGreaterThanOrEqual(ini.reachedWeek[b]);
            }
            seen[b] = ini.formalisedWeek[b];
          }
        }
      }),
      { ...runs, numRuns: 40 },
    );
  });
});

describe('runModel() reproducibility', () => {
  it('gives identical output for the same parameters and run seed', () => {
    fc.assert(
      fc.property(anyParameters, fc.integer({ min: 0, max: 2 ** 31 }), (params, seed) => {
        const a = runModel(params, { horizon: 20, sampleEvery: 4 }, seed);
        const b = runModel(structuredClone(params), { horizon: 20, sampleEvery: 4 }, seed);
        expect(b).toEqual(a);
      }),
      { ...runs, numRuns: 30 },
    );
  });

  it('gives different output for a different run seed', () => {
    // Defaults with a small world: noise and field contacts draw every week, so two seeds cannot agree.
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2 ** 30 }), (seed) => {
        const params = anyDefaultSmall();
        const a = runModel(params, { horizon: 10, sampleEvery: 5 }, seed);
        const b = runModel(params, { horizon: 10, sampleEvery: 5 }, seed + 1);
        expect(b.series).not.toEqual(a.series);
      }),
      { ...runs, numRuns: 20 },
    );
  });

  it('records week 0, every sampleEvery weeks and the horizon, with reach and formalisation weeks in 0 … horizon', () => {
    const out = runModel(anyDefaultSmall(), { horizon: 23, sampleEvery: 5 }, 3);
    expect([...out.weeks]).toEqual([0, 5, 10, 15, 20, 23]);
    for (const w of [...out.initiatives.reachedWeek, ...out.initiatives.formalisedWeek]) {
      expect(w).toBeGreaterThanOrEqual(0);
      expect(w).toBeLessThanOrEqual(23);
    }
  });
});

function anyDefaultSmall() {
  const p = defaultParameters();
  p.population.neighbourhoods = 2;
  p.population.households = 40;
  return p;
}
