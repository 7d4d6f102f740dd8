import type { PositionDef, View } from './chart.js';
import { colourBy, type ChartContext } from './context.js';

/**
 * An x domain for intervals: 0 and every interval in it. When all are 0 (no difference in any
 * replicate), one unit each way, since Vega makes a scale of that one value, its ticks "0.000000".
 */
export function intervalDomain(values: readonly { lo: number; hi: number }[]): [number, number] {
  let lo = 0;
  let hi = 0;
  for (const v of values) [lo, hi] = [Math.min(lo, v.lo), Math.max(hi, v.hi)];
  return lo === hi ? [lo - 1, hi + 1] : [lo, hi];
}

/**
 * One panel of a paired-differences chart: the dashed zero line, a bar for each row's 95 % interval
 * (`lo`–`hi`) and a dot at its `mean`, for the rows whose `measure` is `measure`; on the x `domain`
 * given (panels in one unit share it), else on one fitted to the panel, zero always included.
 */
export function intervalPanel(
  ctx: ChartContext,
  options: { measure: string; unit: string; y: PositionDef; width: number; step: number; subtitle?: string; domain?: [number, number] },
): View {
  const { measure, unit, y, width, step } = options;
  const colour = colourBy(ctx, null);
  return {
    title: { text: measure, fontSize: 13, ...(options.subtitle !== undefined ? { subtitle: options.subtitle } : {}) },
    width,
    height: { step },
    transform: [{ filter: { field: 'measure', equal: measure } }],
    layer: [
      { mark: { type: 'rule', color: '#888', strokeDash: [4, 3] }, encoding: { x: { datum: 0, type: 'quantitative' } } },
      {
        mark: { type: 'rule', strokeWidth: 2.5 },
        encoding: { y, x: { field: 'lo', type: 'quantitative', title: unit, scale: { zero: true, ...(options.domain ? { domain: options.domain } : {}) }, axis: { tickCount: 4 } }, x2: { field: 'hi' }, color: colour },
      },
      { mark: { type: 'point', filled: true, size: 80, opacity: 1 }, encoding: { y, x: { field: 'mean', type: 'quantitative' }, color: colour } },
    ],
  };
}
