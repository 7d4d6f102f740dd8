/// <reference lib="dom" />
import { BAR_HEX, STATE_HEX, TRUST_HEX } from '../colours.js';
import type { MapLayout, MapState } from '../kernel.js';
import type { ColourBy } from '../protocol.js';

/**
 * The map, drawn in the kernel's worker on the page's canvas handed over as an OffscreenCanvas: the
 * page's own thread never paints it. The neighbourhoods as blocks of households, one pixel block per household, scaled to fit: colour
 * by attitude (committed, supportive, undecided, opposed) or by trust in government. Above each
 * block its officials (a circle filled by their time in the field) and its initiative: a bar of the
 * committed share against the threshold (the tick), and of plan progress; green once formalised.
 */

const STATE_COLOURS = STATE_HEX.map(hex);
const [TRUST_LOW, TRUST_HIGH] = TRUST_HEX.map(hex);
/**
 * The size of the header's text in the canvas's pixels. The canvas (720 wide) is shown narrower than
 * it is drawn — about 470 CSS pixels at a 1280 × 720 projector — so 16 here is some 10 on screen.
 */
const HEADER_FONT = 16;
/** The header's parts are laid out in units of its text size: at 11 px one unit is one pixel. */
const U = HEADER_FONT / 11;
const HEADER = Math.round(30 * U);
const GAP = 8;

function hex(s: string): [number, number, number] {
  return [parseInt(s.slice(1, 3), 16), parseInt(s.slice(3, 5), 16), parseInt(s.slice(5, 7), 16)];
}

export interface Cell {
  x: number;
  y: number;
  w: number;
  h: number;
}

/** Where each neighbourhood goes on a canvas of the given size: a grid of near-square cells. */
export function cells(count: number, width: number, height: number): Cell[] {
  const cols = Math.max(1, Math.ceil(Math.sqrt((count * width) / height)));
  const rows = Math.ceil(count / cols);
  const w = Math.floor(width / cols);
  const h = Math.floor(height / rows);
  return Array.from({ length: count }, (_, b) => ({ x: (b % cols) * w, y: Math.floor(b / cols) * h, w, h }));
}

/** The neighbourhood under a point of the canvas, or -1. */
export function cellAt(list: Cell[], x: number, y: number): number {
  return list.findIndex((c) => x >= c.x && x < c.x + c.w && y >= c.y && y < c.y + c.h);
}

export class MapPainter {
  private readonly pixels = new OffscreenCanvas(1, 1);
  /** Maps drawn so far. */
  drawn = 0;

  constructor(private readonly canvas: OffscreenCanvas) {}

  draw(layout: MapLayout, map: MapState, colourBy: ColourBy, selected: number): void {
    const ctx = this.canvas.getContext('2d')!;
    const { width, height } = this.canvas;
    ctx.clearRect(0, 0, width, height);
    const count = layout.householdStart.length;
    const list = cells(count, width, height);
    // One pixel per household, a square block per neighbourhood, on an offscreen canvas.
    let side = 1;
    for (let b = 0; b < count; b++) side = Math.max(side, Math.ceil(Math.sqrt(layout.householdEnd[b] - layout.householdStart[b])));
    if (this.pixels.width !== side * count || this.pixels.height !== side) {
      this.pixels.width = side * count;
      this.pixels.height = side;
    }
    const pctx = this.pixels.getContext('2d')!;
    const image = pctx.createImageData(side * count, side);
    const data = image.data;
    for (let b = 0; b < count; b++) {
      for (let i = layout.householdStart[b], k = 0; i < layout.householdEnd[b]; i++, k++) {
        const p = ((k / side) | 0) * side * count + b * side + (k % side);
        const c = colourBy === 'state' ? STATE_COLOURS[map.state[i]] : mix(TRUST_LOW, TRUST_HIGH, map.trust[i] / 255);
        data[4 * p] = c[0];
        data[4 * p + 1] = c[1];
        data[4 * p + 2] = c[2];
        data[4 * p + 3] = 255;
      }
    }
    pctx.putImageData(image, 0, 0);
    ctx.imageSmoothingEnabled = false;
    for (let b = 0; b < count; b++) {
      const cell = list[b];
      const size = Math.max(1, Math.min(cell.w - GAP, cell.h - HEADER - GAP));
      const x = cell.x + (cell.w - size) / 2;
      const y = cell.y + HEADER;
      const rows = Math.ceil((layout.householdEnd[b] - layout.householdStart[b]) / side);
      ctx.drawImage(this.pixels, b * side, 0, side, rows, x, y, size, (size * rows) / side);
      if (b === selected) {
        ctx.strokeStyle = '#0b5394';
        ctx.lineWidth = 3;
        ctx.strokeRect(cell.x + 2, cell.y + 2, cell.w - 4, cell.h - 4);
      }
      this.header(ctx, layout, map, b, x, cell.y, size);
    }
    this.drawn++;
  }

  private header(ctx: OffscreenCanvasRenderingContext2D, layout: MapLayout, map: MapState, b: number, x: number, y: number, width: number): void {
    ctx.fillStyle = '#222';
    ctx.font = `${HEADER_FONT}px DejaVu Sans, sans-serif`;
    ctx.textBaseline = 'top';
    ctx.fillText(`${b}`, x, y + 2 * U);
    // Officials: circles filled by their presence in the field.
    let ox = x + ctx.measureText(`${b}`).width + 8 * U;
    for (let o = layout.officialStart[b]; o < layout.officialStart[b + 1]; o++) {
      ctx.beginPath();
      ctx.arc(ox, y + 7 * U, 5 * U, 0, 2 * Math.PI);
      ctx.strokeStyle = '#444';
      ctx.lineWidth = 1;
      ctx.stroke();
      ctx.beginPath();
      ctx.moveTo(ox, y + 7 * U);
      ctx.arc(ox, y + 7 * U, 5 * U, -Math.PI / 2, -Math.PI / 2 + 2 * Math.PI * map.presence[o]);
      ctx.fillStyle = '#e69f00';
      ctx.fill();
      ox += 13 * U;
    }
    // The initiative: committed share against the threshold, then plan progress.
    const bar = Math.max(10, width);
    ctx.fillStyle = BAR_HEX.empty;
    ctx.fillRect(x, y + 15 * U, bar, 5 * U);
    ctx.fillRect(x, y + 22 * U, bar, 4 * U);
    ctx.fillStyle = map.reachedWeek[b] > 0 ? STATE_HEX[3] : STATE_HEX[2];
    ctx.fillRect(x, y + 15 * U, bar * Math.min(1, map.supportShare[b]), 5 * U);
    ctx.fillStyle = map.formalisedWeek[b] > 0 ? BAR_HEX.formalised : BAR_HEX.progress;
    ctx.fillRect(x, y + 22 * U, bar * Math.min(1, map.progress[b]), 4 * U);
    ctx.fillStyle = BAR_HEX.tick;
    ctx.fillRect(x + bar * map.threshold[b] - 1, y + 13 * U, 2, 9 * U);
    if (map.formalisedWeek[b] > 0) {
      ctx.fillStyle = BAR_HEX.formalised;
      ctx.fillText('✓', x + bar - 10 * U, y + 1);
    }
  }
}

function mix(a: [number, number, number], b: [number, number, number], t: number): [number, number, number] {
  return [a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t, a[2] + (b[2] - a[2]) * t];
}
