/** A Vega-Lite specification as built here: plain JSON, checked when compiled. */
export type VegaLiteSpec = Record<string, unknown>;

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
