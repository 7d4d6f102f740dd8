import { scheme as vegaScheme } from 'vega';
import { describe, expect, test } from 'vitest';
import { contrast, inked, inkOn, luminance } from '../../src/charts/ink.js';
import { chartContext, chartsFor } from '../../src/charts/report.js';
import { steeringChart } from '../../src/patterns/charts.js';
import { syntheticResults } from '../analysis/fixtures.js';
import { renderScene } from './scenegraph.js';

describe('ink on coloured cells', () => {
  test('luminance and contrast as WCAG 2.1 defines them', () => {
    // the specification's own end points and its worked mid grey: #777 has luminance 0.184 and a
    // contrast of 4.48 on white
    expect(luminance('#ffffff')).toBe(1);
    expect(luminance('#000000')).toBe(0);
    expect(luminance('rgb(255, 255, 255)')).toBe(1);
    expect(luminance('#fff')).toBe(1);
    expect(contrast(1, 0)).toBe(21);
    expect(luminance('#777777')).toBeCloseTo(0.184, 3);
    expect(contrast(luminance('#777777'), 1)).toBeCloseTo(4.48, 2);
  });

  test('along every scheme the charts use, forwards and reversed, the ink reaches a contrast of 4.5', () => {
    for (const scheme of ['blues', 'greens']) {
      for (const reverse of [false, true]) {
        const inks = new Set<string>();
        for (let v = 0; v <= 100; v++) {
          const ink = inkOn(scheme, v, [0, 100], reverse);
          inks.add(ink);
          const t = reverse ? 1 - v / 100 : v / 100;
          // the ink against the colour of the cell (checked on rendered charts below)
          expect(contrast(luminance(ink), luminance(cellColour(scheme, t)))).toBeGreaterThanOrEqual(4.5);
        }
        // light cells get black numbers, dark ones white
        expect([...inks].sort()).toEqual(['#000', '#fff']);
      }
    }
  });

  test('a cell without a finite value gets black ink, and no error', () => {
    const rows = inked([{ v: null }, { v: Number.NaN }, { v: 0 }, { v: 1 }], (r) => r.v, 'blues', [0, 1]);
    expect(rows.map((r) => r.ink)).toEqual(['#000', '#000', '#000', '#fff']);
  });

  test('every number written on a heatmap cell stands out from its cell by a contrast of at least 4.5: a sweep and the steering pattern', async () => {
    const grid = [0, 0.25, 0.5, 0.75, 1].flatMap((s) => [0, 0.5, 1].map((p) => ({ label: `s${s} p${p}`, values: { 'strategy.steering': s, 'strategy.participation': p }, hazard: 0.002 + 0.02 * s * (0.5 + p) })));
    const sweep = chartsFor(chartContext(await syntheticResults({ points: grid, varied: ['strategy.steering', 'strategy.participation'], replicates: 2 }))).filter((c) => c.name.endsWith('heatmap'));
    expect(sweep).toHaveLength(2);
    const cells = [0, 0.125, 0.25, 0.375, 0.5, 0.625, 0.75, 0.875, 1].flatMap((steering) =>
      [0.2, 0.5, 0.8].map((participation) => ({ steering, participation, coherent: steering < 0.3 ? 0 : 0.9 - Math.abs(steering - 0.6) * participation, median: 70 + 8 * (1 - steering), optimum: false })),
    );
    const steering = steeringChart({ title: 'Steering', subtitle: '', caption: '', cells });
    let checked = 0;
    const inks = new Set<string>();
    for (const chart of [...sweep, steering]) {
      const marks = await renderScene(chart.spec);
      const rects = marks.filter((m) => m.marktype === 'rect' && m.role === 'mark').flatMap((m) => m.items).filter((r) => r.fill);
      for (const text of marks.filter((m) => m.marktype === 'text' && m.role === 'mark').flatMap((m) => m.items)) {
        const under = rects.find((r) => text.x > r.bounds!.x1 && text.x < r.bounds!.x2 && text.y > r.bounds!.y1 && text.y < r.bounds!.y2)!;
        expect(under, `${chart.name}: “${text.text}” on no cell`).toBeDefined();
        expect(contrast(luminance(text.fill!), luminance(under.fill!)), `${chart.name}: “${text.text}” in ${text.fill} on ${under.fill}`).toBeGreaterThanOrEqual(4.5);
        inks.add(text.fill!);
        checked++;
      }
    }
    expect(checked).toBe(2 * grid.length + 2 * cells.length);
    expect([...inks].sort()).toEqual(['#000', '#fff']);
  });
});

/** A scheme's colour at t, as Vega draws it. */
const cellColour = (scheme: string, t: number) => (vegaScheme(scheme) as (t: number) => string)(t);
