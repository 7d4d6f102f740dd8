import type { Config } from 'vega-lite';
import type { ParamSpec } from '../model/spec.js';
import { PARAMETER_SPECS } from '../scenario/paths.js';

/** The font of every chart; resvg finds it among the system fonts (Debian: fonts-dejavu-core). */
export const FONT = 'DejaVu Sans';
/** Size of the plotting area of a single chart, in CSS pixels. */
export const WIDTH = 620;
export const HEIGHT = 320;
/** PNGs are drawn at this multiple of the SVG size, sharp enough for slides and print. */
export const PNG_SCALE = 2;
/** No PNG is drawn wider or taller than this many pixels: a larger chart is drawn at a smaller scale. */
export const PNG_MAX_SIDE = 4000;

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
  range: { category: { scheme: 'tableau10' } },
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

/** An axis title for a varied parameter: its name in words with its unit, e.g. "Steering (0–1)". */
export function parameterTitle(path: string): string {
  const spec = parameterSpec(path);
  const name = humanise(path.split('.').pop() ?? path);
  if (!spec || !('unit' in spec)) return name;
  const unit = /share/.test(spec.unit) ? '0–1' : spec.unit;
  return `${name} (${unit})`;
}

/** A share as a whole percentage, "72 %". */
export function percent(x: number): string {
  return `${Math.round(x * 100)} %`;
}
