import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { placeLabels, type NamedDot, type PlacementOptions } from '../../src/charts/labelPlacement.js';
import { dejaVuWidth } from '../../src/charts/textWidth.js';

const PANEL: PlacementOptions = { width: 300, height: 220, fontSize: 10, radius: 4.7 };

/** The box a placed name covers, as the chart draws it (DejaVu Sans, align left, baseline top). */
const boxOf = (d: NamedDot, at: { left: number; top: number }) => ({ x1: at.left, y1: at.top, x2: at.left + dejaVuWidth(d.text, PANEL.fontSize), y2: at.top + PANEL.fontSize });
const overlap = (a: { x1: number; y1: number; x2: number; y2: number }, b: typeof a) => Math.min(a.x2, b.x2) > Math.max(a.x1, b.x1) && Math.min(a.y2, b.y2) > Math.max(a.y1, b.y1);
/** Whether a circle and a box share any point. */
const touches = (cx: number, cy: number, r: number, b: { x1: number; y1: number; x2: number; y2: number }) => Math.hypot(cx - Math.max(b.x1, Math.min(cx, b.x2)), cy - Math.max(b.y1, Math.min(cy, b.y2))) < r;

describe('placing the names of dots', () => {
  test('a lone dot is named right of it, at its height; at the right edge, left of it', () => {
    const [right] = placeLabels([{ x: 100, y: 100, text: 'Threshold' }], PANEL);
    expect(right).toEqual({ left: 100 + 4.7 + 2, top: 95 });
    const [left] = placeLabels([{ x: 290, y: 100, text: 'Threshold' }], PANEL);
    expect(left!.left + dejaVuWidth('Threshold', 10)).toBeCloseTo(290 - 4.7 - 2);
    expect(left!.leader).toBeUndefined();
  });

  test('a crowd: the first dots are named beside them, later ones set off with a line where beside is taken; where nothing is free, none', () => {
    // five dots in a row, 12 px apart: no room beside the middle ones
    const dots = Array.from({ length: 5 }, (_, i) => ({ x: 100 + 12 * i, y: 110, text: `Factor ${i}` }));
    const places = placeLabels(dots, PANEL);
    expect(places[0]).toEqual({ left: 100 - 4.7 - 2 - dejaVuWidth('Factor 0', 10), top: 105 });
    expect(places[1]!.leader).toBeDefined();
    expect(places.filter((p) => p !== null).length).toBeGreaterThanOrEqual(4);
    // a panel too small for any name: nothing is placed
    expect(placeLabels(dots, { ...PANEL, width: 30, height: 30 })).toEqual([null, null, null, null, null]);
  });

  test('property: names stay in the panel and run into no other name, no dot, and no line', () => {
    const dot = fc.record({ x: fc.double({ min: 0, max: 300, noNaN: true }), y: fc.double({ min: 0, max: 220, noNaN: true }), text: fc.constantFrom('Threshold', 'Costs', 'Proven techniques', 'Peer influence', 'Trust gov', 'Buffer') });
    fc.assert(
      fc.property(fc.array(dot, { minLength: 1, maxLength: 30 }), (dots) => {
        const places = placeLabels(dots, PANEL);
        expect(places).toHaveLength(dots.length);
        const boxes = places.flatMap((p, i) => (p ? [{ i, box: boxOf(dots[i]!, p), leader: p.leader }] : []));
        for (const { i, box, leader } of boxes) {
          expect(box.x1).toBeGreaterThanOrEqual(0);
          expect(box.y1).toBeGreaterThanOrEqual(0);
          expect(box.x2).toBeLessThanOrEqual(300);
          expect(box.y2).toBeLessThanOrEqual(220);
          for (const d of dots) expect(touches(d.x, d.y, PANEL.radius, box)).toBe(false);
          for (const other of boxes) if (other.i !== i) expect(overlap(box, other.box)).toBe(false);
          if (!leader) continue;
          // the line starts at its own dot's edge and ends on its name's box
          expect(Math.hypot(leader.x1 - dots[i]!.x, leader.y1 - dots[i]!.y)).toBeCloseTo(PANEL.radius + 1);
          expect(leader.x2).toBeGreaterThanOrEqual(box.x1 - 1e-9);
          expect(leader.x2).toBeLessThanOrEqual(box.x2 + 1e-9);
          // and passes through no other dot and no other name (sampled every pixel)
          const steps = Math.ceil(Math.hypot(leader.x2 - leader.x1, leader.y2 - leader.y1));
          for (let s = 1; s < steps; s++) {
            const x = leader.x1 + ((leader.x2 - leader.x1) * s) / steps;
            const y = leader.y1 + ((leader.y2 - leader.y1) * s) / steps;
            dots.forEach((d, j) => j !== i && expect(Math.hypot(x - d.x, y - d.y)).toBeGreaterThan(PANEL.radius - 0.5));
            for (const other of boxes) if (other.i !== i) expect(x > other.box.x1 + 1 && x < other.box.x2 - 1 && y > other.box.y1 + 1 && y < other.box.y2 - 1).toBe(false);
          }
        }
      }),
      { numRuns: 300, seed: 20261201 },
    );
  });
});
