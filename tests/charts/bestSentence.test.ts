import { describe, expect, it } from 'vitest';
import type { PointSummary } from '../../src/analysis/pointSummary.js';
import { bestSentence } from '../../src/charts/sentences.js';
import { words } from '../../src/charts/words.js';

/** A point as the sentence reads it: its share reaching the threshold with its interval, runs and mean reach week. */
const point = (index: number, estimate: number, lo: number, hi: number): PointSummary =>
  ({ point: { index }, initiatives: 40, runs: 5, reach: { estimate, lo, hi }, meanReachWeek: { mean: 60 + index } }) as unknown as PointSummary;

describe('the sentence on which point is best', () => {
  // three points with the same share: no number of replications separates them, in either language
  const tied = [point(0, 0.5, 0.35, 0.65), point(1, 0.5, 0.35, 0.65), point(2, 0.5, 0.35, 0.65)];
  const name = (i: number) => `P${i}`;

  it('says plainly, in English, that points with the same share are not told apart by more replications', () => {
    expect(bestSentence(tied, name, 'setting', words('en'))).toBe(
      'No setting is best: P0, with the highest share (50 %), cannot be told apart from any of the other 2 settings at this number of replications (5 per setting) — their 95 % intervals overlap its own. 2 of them have the same share, which no number of replications would separate (the table\'s mean reach week ranks them).',
    );
  });

  it('and in Dutch, with a sentence that says what more replications would not do', () => {
    const text = bestSentence(tied, name, 'instelling', words('nl'))!;
    expect(text).toContain('2 ervan hebben hetzelfde aandeel; meer herhalingen zouden ze daarin niet scheiden (de gemiddelde drempelweek in de tabel rangschikt ze).');
  });
});

describe('the sentence on a point against its reference', () => {
  it('counts its pairs of runs in the singular for one replicate, in both languages', () => {
    expect(words('en').against('A', 1, 'B', 'sooner')).toContain('(1 pair of runs on the same simulated neighbourhoods)');
    expect(words('en').against('A', 3, 'B', 'sooner')).toContain('(3 pairs of runs');
    expect(words('nl').against('A', 1, 'B', 'eerder')).toContain('(1 paar runs op dezelfde gesimuleerde buurten)');
    expect(words('nl').against('A', 3, 'B', 'eerder')).toContain('(3 paren runs');
  });
});
