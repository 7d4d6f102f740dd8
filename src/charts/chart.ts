import type { TopLevelSpec } from 'vega-lite';
/** A Vega-Lite specification as built here: plain JSON, typed by Vega-Lite and checked when compiled. */
export type VegaLiteSpec = TopLevelSpec;

// The parts of a spec, derived from TopLevelSpec (Vega-Lite's one public spec type).
/** A view of a concatenation. */
export type View = Extract<TopLevelSpec, { hconcat: unknown }>['hconcat'][number];
/** A layer of a layered view. */
export type Layer = Extract<TopLevelSpec, { layer: unknown }>['layer'][number];
/** The encoding of a single view. */
export type Encoding = NonNullable<Extract<Layer, { mark: unknown }>['encoding']>;
/** The encoding a layered view shares with its layers. */
export type SharedEncoding = NonNullable<Extract<TopLevelSpec, { layer: unknown }>['encoding']>;
/** A position channel (x, y). */
export type PositionDef = NonNullable<Encoding['x']>;
/** A colour channel. */
export type ColorDef = NonNullable<Encoding['color']>;
/** A legend's settings. */
export type Legend = NonNullable<Extract<ColorDef, { legend?: unknown }>['legend']>;

/** One chart of a report: its file name, its title and what a reader takes from it. */
export interface Chart {
  /** File name without extension, e.g. "reach-curve". */
  name: string;
  /** The chart's title, also shown in the SVG. */
  title: string;
  /** One or two sentences under the chart in the report: how to read it. */
  caption: string;
  spec: VegaLiteSpec;
}
