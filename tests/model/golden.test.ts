import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { defaultParameters } from '../../src/model/parameters.js';
import { runValue, type RunOutput } from '../../src/model/output.js';
import { RUN_METRICS } from '../../src/model/metrics.js';
import { runModel } from '../../src/model/run.js';

/** A fingerprint of every number a run hands back. */
function fingerprint(out: RunOutput): string {
  const h = createHash('sha256');
  const i = out.initiatives;
  for (const a of [out.weeks, out.series, out.initiativeSeries, i.reachedWeek, i.formalisedWeek, i.supportShareFinal, i.progressFinal, i.alignmentFinal]) {
    h.update(new Uint8Array(a.buffer, a.byteOffset, a.byteLength));
  }
  return h.digest('hex').slice(0, 16);
}

// A short seeded run at the defaults, in a small world. When a change to the model, its defaults or
// the random streams alters these numbers, that is a deliberate event: check it, then update them here.
const params = defaultParameters();
params.population.neighbourhoods = 4;
params.population.households = 120;
const out = runModel(params, { horizon: 52, sampleEvery: 13 }, 20240611);

describe('golden run (defaults, 4 × 120 households, 52 weeks, run seed 20240611)', () => {
  it('reaches and formalises in the same weeks as before', () => {
    expect([...out.initiatives.reachedWeek]).toEqual(GOLDEN.reachedWeek);
    expect([...out.initiatives.formalisedWeek]).toEqual(GOLDEN.formalisedWeek);
  });

  it('ends with the same world means as before', () => {
    const final = (column: string) => runValue(out, RUN_METRICS.find((m) => m.column === column)!);
    expect(final('trust_gov_final')).toBeCloseTo(GOLDEN.trustGov, 12);
    expect(final('committed_share_final')).toBeCloseTo(GOLDEN.committedShare, 12);
    expect(final('support_final')).toBeCloseTo(GOLDEN.support, 12);
  });

  it('hands back the same bytes as before', () => {
    expect(fingerprint(out)).toBe(GOLDEN.fingerprint);
  });
});

const GOLDEN = {
  reachedWeek: [0, 0, 26, 0],
  formalisedWeek: [0, 0, 0, 0],
  trustGov: 0.5313161731430281,
  committedShare: 0.26666666666666666,
  support: 0.3920810373390061,
  fingerprint: '382b41978f666fef', // the series grew by the who-is-at-the-table metrics (least_group_share, participation and leader dissimilarity); every earlier value unchanged
};
