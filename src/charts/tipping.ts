import type { Layer } from './chart.js';
import { colourBy, type ChartContext } from './context.js';
import { percent } from './theme.js';

/** Per point: the share of its initiatives that started past their tipping point, and the latest week one of them tipped. */
export interface StartedTipped {
  point: number;
  share: number;
  latest: number;
}

/**
 * The initiatives that started past their tipping point (initiatives.csv `tipping_week` > 0, ODD
 * §5): neighbourhoods drawn with so much support that the commitment rule alone, every attitude
 * held at its starting value, carries them over the threshold within weeks, whatever the strategy.
 * Per point with any such initiative.
 */
export function startedTipped(ctx: ChartContext): StartedTipped[] {
  const t = ctx.results.initiatives;
  const week = t.columns.tippingWeek;
  const total = new Map<number, number>();
  const tipped = new Map<number, { n: number; latest: number }>();
  for (let r = 0; r < t.length; r++) {
    const p = t.point[r];
    total.set(p, (total.get(p) ?? 0) + 1);
    if (week[r] > 0) {
      const s = tipped.get(p) ?? { n: 0, latest: 0 };
      tipped.set(p, { n: s.n + 1, latest: Math.max(s.latest, week[r]) });
    }
  }
  return [...tipped].map(([point, s]) => ({ point, share: s.n / total.get(point)!, latest: s.latest }));
}

/**
 * The early jump of the reach curves explained: a sentence for the caption and a dotted rule across
 * the plot at the share that started past the tipping point, labelled below its right end — one grey
 * rule with its label when every point has the same share, else one per point in its colour. The
 * label sits at the horizon, where the curves have long passed the rule: near the week the last of
 * them tipped a curve can still be rising through it, as an initiative may reach the threshold later
 * than its tipping week.
 */
export function tippingMarker(ctx: ChartContext): { sentence: string; layers: Layer[] } | null {
  const all = startedTipped(ctx);
  if (all.length === 0) return null;
  const shares = all.map((s) => s.share);
  const latest = Math.max(...all.map((s) => s.latest));
  const lo = Math.min(...shares);
  const hi = Math.max(...shares);
  const same = hi - lo < 1e-9 && all.length === ctx.results.points.length;
  const { w } = ctx;
  const amount = same ? percent(lo) : w.range(percent(lo), percent(hi));
  const sentence = w.tipping(amount, latest, same ? w.everyLine : w.theLines, w.whateverThe(ctx.groupTitle.toLowerCase()));
  // from week 0 (the field the charts' shared x encoding reads) to the horizon
  const rule = { x: { field: 'week', type: 'quantitative' }, x2: { datum: ctx.results.horizon }, y: { field: 'share', type: 'quantitative' } } as const;
  const layers: Layer[] = same
    ? [
        { data: { values: [{ week: 0, share: lo }] }, mark: { type: 'rule', strokeDash: [1, 3], strokeWidth: 2, color: '#555' }, encoding: rule },
        {
          data: { values: [{ week: ctx.results.horizon, share: lo, text: w.tippingLabel(percent(lo)) }] },
          mark: { type: 'text', align: 'right', baseline: 'top', dx: -4, dy: 4, fontSize: 10, color: '#555' },
          encoding: { x: { field: 'week', type: 'quantitative' }, y: { field: 'share', type: 'quantitative' }, text: { field: 'text' } },
        },
      ]
    : [{ data: { values: all.map((s) => ({ week: 0, share: s.share, label: ctx.labels.get(s.point) })) }, mark: { type: 'rule', strokeDash: [1, 3], strokeWidth: 2 }, encoding: { ...rule, color: colourBy(ctx) } }];
  return { sentence, layers };
}
