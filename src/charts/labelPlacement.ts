import { dejaVuWidth } from './textWidth.js';

/** A dot to name: its centre in pixels from the panel's top left, and the name. */
export interface NamedDot {
  x: number;
  y: number;
  text: string;
}

/** A line in pixels, from a dot's edge to its name. */
export interface Leader {
  x1: number;
  y1: number;
  x2: number;
  y2: number;
}

/** Where a name goes: its box's left and top in pixels (drawn with align left, baseline top) and, set off from its dot, the line that ties it to it; or null if it fits nowhere. */
export type LabelPlace = { left: number; top: number; leader?: Leader } | null;

export interface PlacementOptions {
  /** The panel's size in pixels: a name is kept inside it. */
  width: number;
  height: number;
  fontSize: number;
  /** The dots' radius in pixels. */
  radius: number;
}

interface Box {
  x1: number;
  y1: number;
  x2: number;
  y2: number;
}

/** Pixels between a dot's edge and its name, and between two names. */
const GAP = 2;
/** How far from a dot's edge a name may stand, in pixels: beside it, then set off with a leader line, ever further out. */
const RINGS = [GAP, 10, 20, 35, 55];
/** Directions of a name from its dot, in degrees anticlockwise from the right: beside the dot first, right then left, then its diagonals, then above and below. */
const BESIDE = [0, 180, 45, -45, 135, -135, 90, -90];
/** Set off from the dot, every 30°, in the same order of preference. */
const AROUND = [0, 180, 30, -30, 150, -150, 60, -60, 120, -120, 90, -90];

const apart = (a: Box, b: Box) => a.x2 <= b.x1 || b.x2 <= a.x1 || a.y2 <= b.y1 || b.y2 <= a.y1;
const inside = (x: number, y: number, b: Box) => x > b.x1 && x < b.x2 && y > b.y1 && y < b.y2;
/** Points every 2 px along a line, its ends left out. */
function along(l: Leader): [number, number][] {
  const steps = Math.max(1, Math.ceil(Math.hypot(l.x2 - l.x1, l.y2 - l.y1) / 2));
  return Array.from({ length: steps - 1 }, (_, i) => [l.x1 + ((l.x2 - l.x1) * (i + 1)) / steps, l.y1 + ((l.y2 - l.y1) * (i + 1)) / steps]);
}

/**
 * Names dots in a scatter without any name running into another name, a dot or a leader line,
 * greedily: each dot in the order given (the caller puts first the dots most worth naming) takes the
 * first free place around it. First beside the dot: at its height, right then left, where a name reads
 * most plainly as that dot's; then on its diagonals; then above and below. Where all eight are taken,
 * a little further out, tied to the dot by a thin line that crosses no other dot or name, at twelve
 * directions and four distances. A dot with no free place inside the panel goes without a name: its
 * place is null, and the chart names it in words.
 */
export function placeLabels(dots: readonly NamedDot[], o: PlacementOptions): LabelPlace[] {
  const h = o.fontSize;
  const r = o.radius + GAP / 2;
  const taken: Box[] = dots.map((d) => ({ x1: d.x - r, y1: d.y - r, x2: d.x + r, y2: d.y + r }));
  const leaders: Leader[] = [];
  return dots.map((d, own) => {
    const w = dejaVuWidth(d.text, o.fontSize);
    for (const [ring, out] of RINGS.entries()) {
      for (const degrees of ring === 0 ? BESIDE : AROUND) {
        const cos = Math.cos((degrees * Math.PI) / 180);
        const sin = Math.sin((degrees * Math.PI) / 180);
        // the point of the name nearest the dot, and the name's box around it
        const ax = d.x + (o.radius + out) * cos;
        const ay = d.y - (o.radius + out) * sin;
        const left = cos > 0.3 ? ax : cos < -0.3 ? ax - w : ax - w / 2;
        const top = sin > 0.3 ? ay - h : sin < -0.3 ? ay : ay - h / 2;
        const box = { x1: left - GAP / 2, y1: top - GAP / 2, x2: left + w + GAP / 2, y2: top + h + GAP / 2 };
        if (box.x1 < 0 || box.y1 < 0 || box.x2 > o.width || box.y2 > o.height) continue;
        if (!taken.every((t) => apart(t, box))) continue;
        if (leaders.some((l) => along(l).some(([x, y]) => inside(x, y, box)))) continue;
        const leader = ring === 0 ? undefined : { x1: d.x + (o.radius + 1) * cos, y1: d.y - (o.radius + 1) * sin, x2: ax, y2: ay };
        if (leader && along(leader).some(([x, y]) => taken.some((t, i) => i !== own && inside(x, y, t)))) continue;
        taken.push(box);
        if (leader) leaders.push(leader);
        return leader ? { left, top, leader } : { left, top };
      }
    }
    return null;
  });
}
