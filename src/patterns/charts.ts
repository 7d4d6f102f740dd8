import type { Chart, Layer, PositionDef, VegaLiteSpec, View } from '../charts/chart.js';
import { colourDomain } from '../charts/heatmapCharts.js';
import { INK, inked } from '../charts/ink.js';
import { CONFIG, HEIGHT, PALETTE, WIDTH } from '../charts/theme.js';

/** Lines of a value by week, one per group, with an optional marked week (an intervention). */
export function linesChart(o: {
  name: string;
  title: string;
  subtitle: string;
  caption: string;
  data: { group: string; week: number; value: number }[];
  groupTitle: string;
  yTitle: string;
  yDomain?: [number, number];
  markWeek?: number;
}): Chart {
  const layers: Layer[] = [
    {
      mark: { type: 'line', strokeWidth: 2.5, interpolate: 'step-after' },
      encoding: {
        x: { field: 'week', type: 'quantitative', title: 'Week', scale: { nice: false } },
        y: { field: 'value', type: 'quantitative', title: o.yTitle, scale: o.yDomain ? { domain: o.yDomain } : { zero: true } },
        color: { field: 'group', type: 'nominal', title: o.groupTitle, sort: null },
      },
    },
  ];
  if (o.markWeek !== undefined) {
    layers.push({
      data: { values: [{ week: o.markWeek }] },
      mark: { type: 'rule', strokeDash: [4, 4], color: '#666' },
      encoding: { x: { field: 'week', type: 'quantitative' } },
    });
  }
  return chart(o.name, o.title, o.caption, {
    title: { text: o.title, subtitle: o.subtitle },
    width: WIDTH,
    height: HEIGHT,
    data: { values: o.data },
    layer: layers,
  });
}

/** A mean with its 95 % interval at each value of a swept parameter, with a line through the means. */
export function intervalChart(o: {
  name: string;
  title: string;
  subtitle: string;
  caption: string;
  data: { x: number; mean: number; lo: number; hi: number }[];
  xTitle: string;
  yTitle: string;
}): Chart {
  const x: PositionDef = { field: 'x', type: 'quantitative', title: o.xTitle, scale: { zero: false }, axis: { tickMinStep: 1, format: 'd' } };
  return chart(o.name, o.title, o.caption, {
    title: { text: o.title, subtitle: o.subtitle },
    width: WIDTH,
    height: HEIGHT,
    data: { values: o.data },
    layer: [
      { mark: { type: 'errorbar', ticks: true, color: PALETTE[0] }, encoding: { x, y: { field: 'lo', type: 'quantitative', title: o.yTitle, scale: { zero: false } }, y2: { field: 'hi' } } },
      { mark: { type: 'line', color: PALETTE[0] }, encoding: { x, y: { field: 'mean', type: 'quantitative' } } },
      { mark: { type: 'point', filled: true, size: 60, color: PALETTE[0] }, encoding: { x, y: { field: 'mean', type: 'quantitative' } } },
    ],
  });
}

/**
 * Steering × participation: two heatmaps side by side — coherent success and the median week to
 * the threshold — with the optimum region (cells within `tolerance` of the best coherent success of
 * their participation row) outlined in black.
 */
export function steeringChart(o: {
  title: string;
  subtitle: string | string[];
  caption: string;
  cells: { steering: number; participation: number; coherent: number; median: number | null; optimum: boolean }[];
}): Chart {
  const x: PositionDef = { field: 'steering', type: 'ordinal', title: 'Steering (0–1)', axis: { labelAngle: 0 } };
  const y: PositionDef = { field: 'participation', type: 'ordinal', title: 'Participation (0–1)', sort: 'descending' };
  const panel = (field: 'coherent' | 'median', title: string, scheme: 'greens' | 'blues', format: string, reverse: boolean): View => {
    const domain = colourDomain(o.cells.map((c) => c[field]));
    return {
      width: 400,
      height: 180,
      title,
      // black numbers on light cells, white on dark ones
      data: { values: inked(o.cells, (c) => c[field], scheme, domain, reverse) },
      layer: [
        { mark: { type: 'rect' }, encoding: { x, y, color: { field, type: 'quantitative', title: null, scale: { scheme, reverse, domain, nice: false, zero: false }, legend: { orient: 'bottom', gradientLength: 200 } } } },
        {
          transform: [{ filter: 'datum.optimum' }],
          mark: { type: 'rect', fill: null, stroke: 'black', strokeWidth: 2.5 },
          encoding: { x, y },
        },
        {
          transform: [{ filter: `isValid(datum.${field})` }],
          mark: { type: 'text', fontSize: 11 },
          encoding: { x, y, text: { field, type: 'quantitative', format }, color: INK },
        },
      ],
    };
  };
  return chart('steering', o.title, o.caption, {
    title: { text: o.title, subtitle: o.subtitle },
    hconcat: [
      panel('coherent', 'Coherent success (share formalised and aligned)', 'greens', '.2f', false),
      panel('median', 'Median week to the threshold', 'blues', '.0f', true),
    ],
    resolve: { scale: { color: 'independent' } },
  });
}

/** The share of the global sample in which each pattern holds, with its Wilson 95 % interval, one row per pattern. */
export function shareChart(shares: readonly { pattern: string; share: number; lo: number; hi: number; held: number; points: number }[], points: number, band: number): Chart {
  const y: PositionDef = { field: 'pattern', type: 'nominal', title: null, sort: null };
  const x: PositionDef = { field: 'share', type: 'quantitative', title: 'Share of sampled points where the pattern holds', scale: { domain: [0, 1] }, axis: { format: '.0%' } };
  const title = 'Across the uncertainty space: where each pattern holds';
  return chart('patterns-global', title,
    `Share of ${points} points of a Sobol' sample, every sensitivity parameter at once within ±${Math.round(band * 100)} % of its value, in which all of a pattern's primary effects have their paired 95 % interval above zero; bars are Wilson 95 % intervals.`, {
      title: { text: title, subtitle: `${points} points, all parameters of the sensitivity lists at once, each within ±${Math.round(band * 100)} %; Wilson 95 % intervals.` },
      width: WIDTH,
      height: 28 * shares.length,
      data: { values: shares.map((s) => ({ pattern: s.pattern, share: s.share, lo: s.lo, hi: s.hi, label: `${s.held} of ${s.points}` })) },
      layer: [
        { mark: { type: 'errorbar', ticks: true, color: PALETTE[0] }, encoding: { y, x: { ...x, field: 'lo' }, x2: { field: 'hi' } } },
        { mark: { type: 'point', filled: true, size: 80, color: PALETTE[0] }, encoding: { y, x } },
        { mark: { type: 'text', align: 'left', baseline: 'middle', dx: 8, fontSize: 11 }, encoding: { y, x: { ...x, field: 'hi' }, text: { field: 'label', type: 'nominal' } } },
      ],
    });
}

function chart(name: string, title: string, caption: string, spec: VegaLiteSpec): Chart {
  return { name, title, caption, spec: { $schema: 'https://vega.github.io/schema/vega-lite/v6.json', config: CONFIG, ...spec } };
}
