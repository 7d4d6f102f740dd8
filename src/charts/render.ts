import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Resvg } from '@resvg/resvg-js';
import * as vega from 'vega';
import { compile } from 'vega-lite';
import type { Chart, VegaLiteSpec } from './chart.js';
import { useDejaVuMetrics } from './textWidth.js';
import { FONT, PNG_MAX_SIDE, PNG_SCALE } from './theme.js';
import { VEGA_LOCALE, type Lang } from './words.js';

/** Compiles a Vega-Lite spec to Vega; a Vega-Lite warning is an error here (it means a chart is drawn wrong). */
export function compileSpec(spec: VegaLiteSpec): vega.Spec {
  const problems: string[] = [];
  const logger = vega.logger(vega.Warn, undefined, (_method, _level, args) => problems.push(args.map(String).join(' ')));
  const out = compile(spec, { logger });
  if (problems.length > 0) throw new Error(`Vega-Lite: ${problems.join('; ')}`);
  return out.spec as vega.Spec;
}

/**
 * Renders a Vega-Lite spec to SVG headless (no canvas, no browser). An error in Vega's dataflow (a
 * transform or an expression that throws) is an error here: Vega itself only logs it and goes on to
 * draw what it has, a chart that is silently wrong or an SVG that the PNG renderer cannot read.
 */
export async function renderSvg(spec: VegaLiteSpec): Promise<string> {
  useDejaVuMetrics();
  // ids of clip paths and gradients restart for every chart, so the same spec gives the same bytes
  vega.resetSVGDefIds();
  // Errors are collected. Warnings are dropped: they are about the data drawn (an empty layer's
  // "Infinite extent"), the chart is right, and the terminal is for the user's problems only.
  const errors: string[] = [];
  const logger = vega.logger(vega.Warn, undefined, (method, _level, args) => {
    if (method === 'error') errors.push(args.map((a) => (a instanceof Error ? a.message : String(a))).join(' '));
  });
  const view = new vega.View(vega.parse(compileSpec(spec)), { renderer: 'none', logger });
  try {
    const svg = await view.toSVG();
    if (errors.length > 0) throw new Error(`Vega: ${errors.join('; ')}`);
    return svg;
  } finally {
    view.finalize();
  }
}

/** The width and height an SVG declares. */
export function svgSize(svg: string): { width: number; height: number } {
  const tag = svg.match(/<svg[^>]*>/)?.[0] ?? '';
  const width = Number(tag.match(/\swidth="([\d.]+)"/)?.[1]);
  const height = Number(tag.match(/\sheight="([\d.]+)"/)?.[1]);
  return { width, height };
}

/**
 * Draws an SVG to PNG at PNG_SCALE times its size, with the system's DejaVu Sans as font; a chart
 * so large that its PNG would pass PNG_MAX_SIDE pixels on a side is drawn smaller to fit.
 */
export function svgToPng(svg: string, scale = PNG_SCALE): Buffer {
  const { width, height } = svgSize(svg);
  const longest = Math.max(width, height);
  const zoom = Number.isFinite(longest) && longest * scale > PNG_MAX_SIDE ? PNG_MAX_SIDE / longest : scale;
  const resvg = new Resvg(svg, {
    fitTo: { mode: 'zoom', value: zoom },
    font: { loadSystemFonts: true, defaultFontFamily: FONT, sansSerifFamily: FONT },
    background: 'white',
  });
  return resvg.render().asPng();
}

/** The files one chart was written to. */
export interface ChartFiles {
  chart: Chart;
  spec: string;
  svgPath: string;
  /** null when the chart was written without a PNG. */
  pngPath: string | null;
  svg: string;
}

/**
 * Writes a chart's `.vl.json`, `.svg` and (unless `png` is false) `.png` into a folder; without a
 * PNG, one left from an earlier report is removed so it cannot be taken for this one. In a language
 * with its own number format (Dutch: 0,35) the spec carries Vega's locale for it.
 */
/** The files writeChart writes for `charts`, as paths in a results folder: Vega-Lite, SVG and, unless `png` is false, PNG. */
export function chartFiles(charts: readonly Chart[], png?: boolean): string[] {
  return charts.flatMap((c) => ['vl.json', 'svg', ...(png === false ? [] : ['png'])].map((ext) => `charts/${c.name}.${ext}`));
}

export async function writeChart(dir: string, chart: Chart, options: { png?: boolean; lang?: Lang } = {}): Promise<ChartFiles> {
  const locale = VEGA_LOCALE[options.lang ?? 'en'];
  if (locale) chart = { ...chart, spec: { ...chart.spec, config: { ...chart.spec.config, locale } } };
  const spec = join(dir, `${chart.name}.vl.json`);
  const svgPath = join(dir, `${chart.name}.svg`);
  const png = join(dir, `${chart.name}.png`);
  const pngPath = options.png === false ? null : png;
  const svg = await renderSvg(chart.spec);
  writeFileSync(spec, JSON.stringify(chart.spec, null, 2) + '\n');
  writeFileSync(svgPath, svg);
  if (pngPath) writeFileSync(pngPath, svgToPng(svg));
  else rmSync(png, { force: true });
  return { chart, spec, svgPath, pngPath, svg };
}
