import { FONT, PALETTE } from '../charts/theme.js';
import { VEGA_LOCALE, type Lang } from '../charts/words.js';

/** The labels a studio chart needs, in the page's language. */
export interface ChartLabels {
  title: string;
  week: string;
  you: string;
  twin: string;
}

/** Names of the datasets the page streams into: weekly values of both runs, and the weeks pressed. */
export const SERIES_DATA = 'series';
export const MARKS_DATA = 'marks';
/** The signal of the top of a chart's scale, which the page sets when the charts follow one neighbourhood. */
export const Y_MAX = 'yMax';

/**
 * One growing line chart of the studio (Vega-Lite): your run in colour, the doing-nothing twin in
 * grey on the same axes, and a dashed rule at every week an intervention was pressed. A chart of a
 * `count` (initiatives) has whole numbers on its axis, also when its scale's top is 1.
 */
export function studioChartSpec(labels: ChartLabels, horizon: number, yMax: number, lang: Lang = 'en', count = false): Record<string, unknown> {
  const line = (who: 'you' | 'twin') => ({
    transform: [{ filter: { field: 'who', equal: who } }],
    mark: { type: 'line', strokeWidth: who === 'you' ? 2.2 : 2 },
    encoding: {
      x: { field: 'week', type: 'quantitative', title: labels.week, scale: { domain: [0, horizon], nice: false }, axis: { tickCount: 6 } },
      y: { field: 'value', type: 'quantitative', title: null, scale: { domain: [0, { expr: Y_MAX }] }, ...(count ? { axis: { tickMinStep: 1, format: 'd' } } : {}) },
      color: { field: 'run', type: 'nominal', title: null, scale: { domain: [labels.you, labels.twin], range: [PALETTE[0], '#a0a0a0'] } },
    },
  });
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    width: 'container',
    height: 130,
    autosize: { type: 'fit-x', contains: 'padding' },
    title: { text: labels.title, anchor: 'start', fontSize: 13, font: FONT },
    config: { font: FONT, axis: { labelFont: FONT, titleFont: FONT }, legend: { labelFont: FONT, orient: 'bottom' }, ...(VEGA_LOCALE[lang] ? { locale: VEGA_LOCALE[lang] } : {}) },
    params: [{ name: Y_MAX, value: yMax }],
    data: { name: SERIES_DATA },
    // the twin first, so that your run is drawn over it where they coincide
    layer: [line('twin'), line('you'), {
      data: { name: MARKS_DATA },
      mark: { type: 'rule', strokeDash: [4, 3], color: '#555' },
      encoding: { x: { field: 'week', type: 'quantitative' } },
    }],
  };
}
