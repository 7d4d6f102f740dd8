import * as vega from 'vega';
import { expect } from 'vitest';
import type { Chart } from '../../src/charts/chart.js';
import { compileSpec } from '../../src/charts/render.js';

/** A box in the chart's own coordinates. */
export interface Box {
  x1: number;
  y1: number;
  x2: number;
  y2: number;
}

/** One item of a rendered chart, placed in the chart's own coordinates. */
export interface Placed {
  x: number;
  y: number;
  text?: string;
  opacity?: number;
  fill?: string;
  bounds?: Box;
}

/** One mark of a rendered chart: its type, its role (`mark` for data, `axis-title`, `legend-symbol`, …), its items and the panel it is drawn in. */
export interface PlacedMark {
  marktype: string;
  role?: string;
  items: Placed[];
  panel: Box | null;
}

type Mark = { marktype: string; role?: string; items: Item[] };
type Item = { items?: Mark[]; x?: number; y?: number; width?: number; height?: number; text?: string | string[]; opacity?: number; fill?: string; bounds?: Box };

/**
 * Renders a chart with Vega (no canvas) and lists every mark of its scenegraph with its items placed
 * in the chart's own coordinates. The scenegraph: a mark holds items; a group's item holds marks,
 * whose coordinates are relative to it. A mark's panel is the innermost group with a size around it.
 */
export async function renderScene(spec: Chart['spec']): Promise<PlacedMark[]> {
  const view = new vega.View(vega.parse(compileSpec(spec)), { renderer: 'none' });
  await view.runAsync();
  const marks: PlacedMark[] = [];
  const visit = (mark: Mark, ox: number, oy: number, panel: Box | null) => {
    const shift = (b: Box | undefined) => b && { x1: b.x1 + ox, y1: b.y1 + oy, x2: b.x2 + ox, y2: b.y2 + oy };
    marks.push({
      marktype: mark.marktype,
      role: mark.role,
      panel,
      items: mark.items.map((i) => ({ x: (i.x ?? 0) + ox, y: (i.y ?? 0) + oy, text: i.text === undefined ? undefined : String(i.text), opacity: i.opacity, fill: i.fill, bounds: shift(i.bounds) })),
    });
    if (mark.marktype !== 'group') return;
    for (const group of mark.items) {
      const x = ox + (group.x ?? 0);
      const y = oy + (group.y ?? 0);
      const inner = (group.height ?? 0) > 0 ? { x1: x, y1: y, x2: x + (group.width ?? 0), y2: y + group.height! } : panel;
      for (const child of group.items ?? []) visit(child, x, y, inner);
    }
  };
  visit((view.scenegraph() as unknown as { root: Mark }).root, 0, 0, null);
  view.finalize();
  return marks;
}

/** The texts a rendered chart shows (titles, labels, axis titles; not a label Vega hid to avoid an overlap), with their boxes. */
export function shownTexts(marks: PlacedMark[]): (Placed & { text: string; bounds: Box })[] {
  return marks
    .filter((m) => m.marktype === 'text')
    .flatMap((m) => m.items)
    .filter((i): i is Placed & { text: string; bounds: Box } => !!i.text && i.opacity !== 0 && !!i.bounds);
}

/** Whether two boxes share more than half a pixel each way. */
export function overlaps(a: Box, b: Box): boolean {
  return Math.min(a.x2, b.x2) - Math.max(a.x1, b.x1) > 0.5 && Math.min(a.y2, b.y2) - Math.max(a.y1, b.y1) > 0.5;
}

/** Expects no text a chart shows to run into another; `what` names the chart in a failure. Returns how many texts it checked. */
export async function expectTextsApart(chart: Chart, what = chart.name): Promise<number> {
  const texts = shownTexts(await renderScene(chart.spec));
  for (let i = 0; i < texts.length; i++) {
    for (let j = i + 1; j < texts.length; j++) expect(overlaps(texts[i]!.bounds, texts[j]!.bounds), `${what}: “${texts[i]!.text}” runs into “${texts[j]!.text}”`).toBe(false);
  }
  return texts.length;
}
