import { CHART_METRICS, type ChartMetric, type FromWorker } from '../protocol.js';

/** Who a value is of: your run, or its doing-nothing twin. */
export type Who = 'you' | 'twin';

/**
 * The weeks of both runs the worker has sent the page: every metric of the town (rows of `metrics`,
 * one a week) and the charts' metrics per neighbourhood (rows of neighbourhoods × CHART_METRICS).
 */
export class Weeks {
  /** The town's metrics, by series.csv name, in the order of a week's row. */
  metrics: readonly string[] = [];
  neighbourhoods = 0;
  private readonly town: Record<Who, Float64Array[]> = { you: [], twin: [] };
  private readonly local: Record<Who, Float64Array[]> = { you: [], twin: [] };

  /** A fresh run: no weeks yet, and what its rows will hold. */
  start(metrics: readonly string[], neighbourhoods: number): void {
    this.metrics = metrics;
    this.neighbourhoods = neighbourhoods;
    this.clear();
  }

  clear(): void {
    for (const rows of [this.town, this.local]) [rows.you, rows.twin] = [[], []];
  }

  /** Weeks received so far (week 0 included). */
  get length(): number {
    return this.town.you.length;
  }

  /** The weeks of a frame, kept as views on its buffers. */
  add(frame: Extract<FromWorker, { type: 'frame' }>): void {
    const m = this.metrics.length;
    const l = this.neighbourhoods * CHART_METRICS.length;
    for (let k = 0; k < frame.count; k++) {
      const w = frame.from + k;
      this.town.you[w] = frame.you.subarray(k * m, (k + 1) * m);
      this.town.twin[w] = frame.twin.subarray(k * m, (k + 1) * m);
      this.local.you[w] = frame.youLocal.subarray(k * l, (k + 1) * l);
      this.local.twin[w] = frame.twinLocal.subarray(k * l, (k + 1) * l);
    }
  }

  /** The town's row of a week (undefined before it came). */
  row(who: Who, week: number): Float64Array | undefined {
    return this.town[who][week];
  }

  /** Every week's row, as plain arrays (the page's probe for tests). */
  rows(who: Who): number[][] {
    return this.town[who].map((r) => Array.from(r));
  }

  /** A chart's metric in a week: the town's (neighbourhood −1) or one neighbourhood's. */
  value(who: Who, metric: ChartMetric, week: number, neighbourhood: number): number {
    return neighbourhood < 0
      ? this.town[who][week][this.metrics.indexOf(metric)]
      : this.local[who][week][neighbourhood * CHART_METRICS.length + CHART_METRICS.indexOf(metric)];
  }
}
