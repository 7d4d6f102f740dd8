import type { Config } from 'vega-lite';
import type { ParamSpec } from '../model/spec.js';
import { PARAMETER_SPECS } from '../scenario/paths.js';
import { dejaVuWidth } from './textWidth.js';
import { parameterLabel, unitNl } from './labels.js';
import type { Lang } from './language.js';

/** The font of every chart; resvg finds it among the system fonts (Debian: fonts-dejavu-core). */
export const FONT = 'DejaVu Sans';
/** Size of the plotting area of a single chart, in CSS pixels. */
export const WIDTH = 620;
export const HEIGHT = 320;
/** PNGs are drawn at this multiple of the SVG size, sharp enough for slides and print. */
export const PNG_SCALE = 2;
/** No PNG is drawn wider or taller than this many pixels: a larger chart is drawn at a smaller scale. */
export const PNG_MAX_SIDE = 4000;

/**
 * Pixels a scatter keeps between its outermost dots and its axes, so that a dot at the lowest or
 * highest value does not lie on the axis line and vanish into it.
 */
export const DOT_PADDING = 6;

/**
 * The colours of lines, dots and bars that stand for points (strategies, plans, settings): the
 * Okabe–Ito palette (Okabe & Ito 2008, "Color Universal Design"; Wong 2011, "Points of view: Color
 * blindness", Nature Methods 8, 441), ordered so that the first few, which most charts draw together,
 * stay furthest apart for readers with deuteranopia or protanopia: blue, orange, black, sky blue,
 * bluish green, vermillion, reddish purple, yellow. Simulated with Machado, Oliveira & Fernandes
 * (2009), any two of the first five differ by CIEDE2000 ≥ 17.9 for normal, deuteranopic and
 * protanopic vision; all eight together by ≥ 11.6 (tests/charts/palette.test.ts).
 */
export const PALETTE = ['#0072b2', '#e69f00', '#000000', '#56b4e9', '#009e73', '#d55e00', '#cc79a7', '#f0e442'] as const;

/**
 * Colours for `count` points in point order: the first `count` of PALETTE, or past its eight
 * colours, where no set of categorical colours stays apart for dichromats, `count` samples of
 * viridis (van der Walt & Smith 2015: uniform in lightness and readable with colour-vision
 * deficiencies), which for a sweep follow the order of its values.
 */
export function pointColours(count: number): { range: string[] } | { scheme: 'viridis' } {
  return count <= PALETTE.length ? { range: PALETTE.slice(0, count) } : { scheme: 'viridis' };
}

/** Vega-Lite config shared by every chart: one font, white background, quiet grid, readable labels. */
export const CONFIG: Config = {
  font: FONT,
  background: 'white',
  padding: 12,
  view: { stroke: null },
  title: { fontSize: 16, fontWeight: 'bold', anchor: 'start', subtitleFontSize: 12, subtitleColor: '#444', subtitlePadding: 6, offset: 12 },
  axis: { labelFontSize: 11, titleFontSize: 12, titleFontWeight: 'normal', titleColor: '#222', gridColor: '#e6e6e6', domainColor: '#888', tickColor: '#888' },
  legend: { labelFontSize: 12, titleFontSize: 12, titleFontWeight: 'normal', labelLimit: 320, symbolStrokeWidth: 3 },
  header: { labelFontSize: 12, titleFontSize: 12, labelAnchor: 'start', labelFontWeight: 'bold', labelLimit: 600 },
  range: { category: [...PALETTE] },
};

/** "revenueShare" → "Revenue share". */
export function humanise(key: string): string {
  const words = key.replace(/([a-z0-9])([A-Z])/g, '$1 $2').toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** The registry entry of a dotted parameter path, if there is one. */
export function parameterSpec(path: string): ParamSpec | undefined {
  return PARAMETER_SPECS.get(path);
}

/**
 * An axis title for a varied parameter: its name in words with its unit, e.g. "Steering (0–1)"; in
 * Dutch, "Sturing (0–1)" (a parameter without a Dutch name keeps its path, e.g. "network.rewire").
 */
export function parameterTitle(path: string, lang: Lang = 'en'): string {
  const spec = parameterSpec(path);
  const name = lang === 'en' ? humanise(path.split('.').pop() ?? path) : (parameterLabel(path, lang) ?? path);
  if (!spec || !('unit' in spec)) return name;
  const unit = /share/.test(spec.unit) ? '0–1' : lang === 'en' ? spec.unit : unitNl(spec.unit);
  return `${name} (${unit})`;
}

/** A share as a whole percentage, "72 %". */
export function percent(x: number): string {
  return `${Math.round(x * 100)} %`;
}

/** A text broken between words into lines of at most `width` pixels in DejaVu Sans; a longer word stands on a line alone. */
export function wrapText(text: string, width: number, fontSize: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const next = line ? `${line} ${word}` : word;
    if (line && dejaVuWidth(next, fontSize) > width) {
      lines.push(line);
      line = word;
    } else line = next;
  }
  return line ? [...lines, line] : lines;
}

/** The most lines any of the labels takes when wrapped to `width` pixels. */
export function mostLines(labels: readonly string[], width: number, fontSize: number): number {
  return Math.max(1, ...labels.map((l) => wrapText(l, width, fontSize).length));
}

/**
 * Axis or legend settings that show every label whole: a label wider than `width` pixels is drawn
 * on several lines (a Vega labelExpr looking up its lines), none is cut short.
 */
export function wholeLabels(labels: readonly string[], width: number, fontSize: number): { labelLimit: 0; labelExpr?: string } {
  const wrapped = Object.fromEntries(labels.map((l) => [l, wrapText(l, width, fontSize)]).filter(([, lines]) => lines.length > 1));
  if (Object.keys(wrapped).length === 0) return { labelLimit: 0 };
  return { labelLimit: 0, labelExpr: `(${JSON.stringify(wrapped)})[datum.label] || datum.label` };
}
