import { describe, expect, test } from 'vitest';
import { chartContext, chartsFor } from '../../src/charts/report.js';
import { PALETTE, pointColours } from '../../src/charts/theme.js';
import { STATE_HEX } from '../../src/studio/colours.js';
import { comparisonResults, syntheticResults } from '../analysis/fixtures.js';
import { ciede2000, difference, MACHADO_2009, type Deficiency, type Lab } from './colourVision.js';

/**
 * The 34 test pairs of Sharma, Wu & Dalal (2005), Table 1: CIELAB L*, a*, b* of both colours and
 * their CIEDE2000 difference, given to four decimals.
 */
const SHARMA_2005: [Lab, Lab, number][] = [
  [[50, 2.6772, -79.7751], [50, 0, -82.7485], 2.0425],
  [[50, 3.1571, -77.2803], [50, 0, -82.7485], 2.8615],
  [[50, 2.8361, -74.02], [50, 0, -82.7485], 3.4412],
  [[50, -1.3802, -84.2814], [50, 0, -82.7485], 1.0],
  [[50, -1.1848, -84.8006], [50, 0, -82.7485], 1.0],
  [[50, -0.9009, -85.5211], [50, 0, -82.7485], 1.0],
  [[50, 0, 0], [50, -1, 2], 2.3669],
  [[50, -1, 2], [50, 0, 0], 2.3669],
  [[50, 2.49, -0.001], [50, -2.49, 0.0009], 7.1792],
  [[50, 2.49, -0.001], [50, -2.49, 0.001], 7.1792],
  [[50, 2.49, -0.001], [50, -2.49, 0.0011], 7.2195],
  [[50, 2.49, -0.001], [50, -2.49, 0.0012], 7.2195],
  [[50, -0.001, 2.49], [50, 0.0009, -2.49], 4.8045],
  [[50, -0.001, 2.49], [50, 0.001, -2.49], 4.8045],
  [[50, -0.001, 2.49], [50, 0.0011, -2.49], 4.7461],
  [[50, 2.5, 0], [50, 0, -2.5], 4.3065],
  [[50, 2.5, 0], [73, 25, -18], 27.1492],
  [[50, 2.5, 0], [61, -5, 29], 22.8977],
  [[50, 2.5, 0], [56, -27, -3], 31.903],
  [[50, 2.5, 0], [58, 24, 15], 19.4535],
  [[50, 2.5, 0], [50, 3.1736, 0.5854], 1.0],
  [[50, 2.5, 0], [50, 3.2972, 0], 1.0],
  [[50, 2.5, 0], [50, 1.8634, 0.5757], 1.0],
  [[50, 2.5, 0], [50, 3.2592, 0.335], 1.0],
  [[60.2574, -34.0099, 36.2677], [60.4626, -34.1751, 39.4387], 1.2644],
  [[63.0109, -31.0961, -5.8663], [62.8187, -29.7946, -4.0864], 1.263],
  [[61.2901, 3.7196, -5.3901], [61.4292, 2.248, -4.962], 1.8731],
  [[35.0831, -44.1164, 3.7933], [35.0232, -40.0716, 1.5901], 1.8645],
  [[22.7233, 20.0904, -46.694], [23.0331, 14.973, -42.5619], 2.0373],
  [[36.4612, 47.858, 18.3852], [36.2715, 50.5065, 21.2231], 1.4146],
  [[90.8027, -2.0831, 1.441], [91.1528, -1.6435, 0.0447], 1.4441],
  [[90.9257, -0.5406, -0.9208], [88.6381, -0.8985, -0.7239], 1.5381],
  [[6.7747, -0.2908, -2.4247], [5.8714, -0.0985, -2.2286], 0.6377],
  [[2.0776, 0.0795, -1.135], [0.9033, -0.0636, -0.5514], 0.9082],
];

const VISION: (Deficiency | undefined)[] = [undefined, 'deuteranopia', 'protanopia'];

/** The smallest CIEDE2000 difference between any two of the colours, for normal, deuteranopic and protanopic vision. */
function closest(colours: readonly string[]): { distance: number; pair: string } {
  let best = { distance: Infinity, pair: '' };
  for (let i = 0; i < colours.length; i++) {
    for (let j = i + 1; j < colours.length; j++) {
      for (const v of VISION) {
        const distance = difference(colours[i], colours[j], v);
        if (distance < best.distance) best = { distance, pair: `${colours[i]}/${colours[j]} (${v ?? 'normal vision'})` };
      }
    }
  }
  return best;
}

/**
 * Lines and dots drawn together must differ by at least this much CIEDE2000 for every reader: about
 * fifteen just-noticeable differences, since thin lines and small marks need far larger differences
 * than the colour patches colour-difference formulas were fitted on (Szafir 2017, "Modeling color
 * difference for visualization design", IEEE TVCG 24(1)).
 */
const APART = 15;
/** Most charts draw three to five points together; up to five, every pair stays APART. */
const TOGETHER = 5;
/** The old palette: Vega's tableau10, whose orange and red merge for a reader with deuteranopia. */
const TABLEAU10 = ['#4c78a8', '#f58518', '#e45756', '#72b7b2', '#54a24b', '#eeca3b', '#b279a2', '#ff9da6', '#9d755d', '#bab0ac'];

describe('the colour-difference oracle', () => {
  test('CIEDE2000 reproduces all 34 test pairs of Sharma, Wu & Dalal (2005) to four decimals', () => {
    for (const [a, b, expected] of SHARMA_2005) {
      expect(ciede2000(a, b)).toBeCloseTo(expected, 4);
      expect(ciede2000(b, a)).toBeCloseTo(expected, 4);
    }
  });

  test('the Machado, Oliveira & Fernandes (2009) dichromacy matrices keep greys grey (each row sums to 1)', () => {
    for (const m of Object.values(MACHADO_2009)) for (const row of m) expect(row[0] + row[1] + row[2]).toBeCloseTo(1, 5);
    for (const v of VISION) expect(difference('#777777', '#777777', v)).toBe(0);
    // the defining confusion: pure red and green, far apart for normal vision, close for a deuteranope
    expect(difference('#ff0000', '#00ff00')).toBeGreaterThan(80);
    expect(difference('#ff0000', '#00ff00', 'deuteranopia')).toBeLessThan(25);
  });
});

describe('the palette, as seen with deuteranopia and protanopia', () => {
  test(`any ${TOGETHER} first colours drawn together stay ${APART} CIEDE2000 apart; all eight at least 11`, () => {
    for (let k = 2; k <= TOGETHER; k++) {
      const { distance, pair } = closest(PALETTE.slice(0, k));
      expect(distance, `first ${k} colours, closest ${pair}`).toBeGreaterThanOrEqual(APART);
    }
    // eight categorical colours cannot all stay far apart for dichromats: the limit, stated
    expect(closest(PALETTE).distance).toBeGreaterThan(11);
  });

  test('the same check refuses the old palette: its orange and red fall together with deuteranopia', () => {
    const old = closest(TABLEAU10.slice(0, 3));
    expect(old.pair).toBe('#f58518/#e45756 (deuteranopia)');
    expect(old.distance).toBeLessThan(APART);
    // and its red and green, the fifth colour, are all but the same colour (ΔE00 ≈ 1)
    expect(difference(TABLEAU10[2], TABLEAU10[4], 'deuteranopia')).toBeLessThan(2);
  });

  test('every chart colours its points with the palette, in point order, and no chart uses a scheme of its own for them', async () => {
    const charts = chartsFor(chartContext(await comparisonResults()));
    const text = JSON.stringify(charts.map((c) => c.spec));
    expect(text).not.toMatch(/tableau|category10|set1|dark2/i);
    const ranges = [...text.matchAll(/"field":"label","type":"nominal"[^}]*"scale":\{"domain":(\[[^\]]*\]),"range":(\[[^\]]*\])/g)];
    expect(ranges.length).toBeGreaterThan(3);
    for (const [, domain, range] of ranges) {
      const n = (JSON.parse(domain) as string[]).length;
      expect(JSON.parse(range)).toEqual(PALETTE.slice(0, n));
    }
  });

  test('past eight points the lines follow viridis in point order', async () => {
    expect(pointColours(8)).toEqual({ range: [...PALETTE] });
    expect(pointColours(9)).toEqual({ scheme: 'viridis' });
    const points = Array.from({ length: 12 }, (_, i) => ({ label: `p${i}`, values: { 'strategy.steering': i / 11 }, hazard: 0.01 }));
    const charts = chartsFor(chartContext(await syntheticResults({ points, varied: ['strategy.steering'], replicates: 2 })));
    expect(JSON.stringify(charts.map((c) => c.spec))).toContain('"scheme":"viridis"');
  });
});

describe("the studio's map", () => {
  test('its four attitudes stay apart with deuteranopia and protanopia (the old red and dark green did not)', () => {
    const { distance, pair } = closest(STATE_HEX);
    expect(distance, pair).toBeGreaterThanOrEqual(APART);
    expect(difference('#d6604d', '#1b7837', 'protanopia')).toBeLessThan(APART);
  });
});
