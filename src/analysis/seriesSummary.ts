import { quantileSorted } from 'simple-statistics';
import { metric as registered } from '../model/metrics.js';
import { unitRange } from './outcomes.js';
import { tInterval, within, type Range } from './tInterval.js';

/** A value over time for one point: a centre line with a band. */
export interface BandRow {
  point: number;
  metric: string;
  week: number;
  centre: number;
  lo: number;
  hi: number;
  /** Values behind it (runs for world metrics, initiatives × runs for support). */
  n: number;
}

export interface SeriesSummary {
  /** World metrics: mean over replicates with its 95 % t-interval, cut to the metric's range (a level 0–1: 0 … 1). */
  world: BandRow[];
  /** Initiatives' support share: median over initiatives and replicates, with the middle half (25–75 %) as band. */
  support: BandRow[];
  /** The last week recorded. */
  lastWeek: number;
}

/**
 * Reduces weekly series, fed in canonical order (point by point; within a point, replicate by
 * replicate), into the per-point bands the report draws. Only the values of the point being fed are
 * held: when the next point starts, the last one is reduced and its values let go, so memory does
 * not grow with the number of points. Execution feeds it from each run's output as runs finish;
 * the reader feeds it from series.csv; both in the same order, so both give the same numbers.
 */
export class SeriesReducer {
  /** The world metrics to summarise, each with the values its mean can take. */
  private readonly wanted: Map<string, Range | null>;
  private point = -1;
  private world = new Map<string, number[]>();
  private support = new Map<number, number[]>();
  private lastWeek = 0;
  private seen = false;
  private readonly done: SeriesSummary = { world: [], support: [], lastWeek: 0 };

  /** `worldMetrics`: the world metrics to summarise (the others are skipped). */
  constructor(worldMetrics: readonly string[]) {
    // no world metric counts weeks, so the horizon does not bound any of them
    this.wanted = new Map(worldMetrics.map((m) => [m, unitRange(registered(m)?.unit ?? '', Infinity)]));
  }

  private at(point: number, week: number, value: number): boolean {
    if (!Number.isFinite(week) || !Number.isFinite(value)) return false;
    if (point !== this.point) {
      if (point < this.point) throw new Error(`series out of order: point ${point} after point ${this.point}`);
      this.flush();
      this.point = point;
    }
    this.seen = true;
    if (week > this.lastWeek) this.lastWeek = week;
    return true;
  }

  /** A world metric's value in a week of a run of `point` (non-finite values are skipped: printed empty). */
  addWorld(point: number, metric: string, week: number, value: number): void {
    if (!this.wanted.has(metric) || !this.at(point, week, value)) return;
    const key = `${metric}|${week}`;
    let list = this.world.get(key);
    if (!list) this.world.set(key, (list = []));
    list.push(value);
  }

  /** An initiative's support share in a week of a run of `point`. */
  addSupport(point: number, week: number, value: number): void {
    if (!this.at(point, week, value)) return;
    let list = this.support.get(week);
    if (!list) this.support.set(week, (list = []));
    list.push(value);
  }

  /** Reduces the point being fed and lets its values go. */
  private flush(): void {
    const point = this.point;
    for (const [key, values] of this.world) {
      const [metric, week] = key.split('|');
      const t = within(tInterval(values), this.wanted.get(metric!) ?? null);
      this.done.world.push({ point, metric: metric!, week: Number(week), centre: t.mean, lo: t.lo ?? t.mean, hi: t.hi ?? t.mean, n: values.length });
    }
    for (const [week, values] of this.support) {
      const q = Array.from(Float64Array.from(values).sort());
      this.done.support.push({ point, metric: 'support_share', week, centre: quantileSorted(q, 0.5), lo: quantileSorted(q, 0.25), hi: quantileSorted(q, 0.75), n: values.length });
    }
    this.world = new Map();
    this.support = new Map();
  }

  /** The summary; null when no value was fed (no series recorded). */
  finish(): SeriesSummary | null {
    this.flush();
    if (!this.seen) return null;
    const order = (a: BandRow, b: BandRow) => a.point - b.point || a.metric.localeCompare(b.metric) || a.week - b.week;
    return { world: this.done.world.sort(order), support: this.done.support.sort(order), lastWeek: this.lastWeek };
  }
}
