import type { ExploreAnalysis } from '../explore/analyse.js';
import type { Chart, ColorDef, PositionDef } from './chart.js';
import { CONFIG, humanise, PALETTE } from './theme.js';

const SCHEMA = 'https://vega.github.io/schema/vega-lite/v6.json';
/** Levers and uncertainties are told apart by colour in every explore chart. */
const KIND_COLOUR: ColorDef = { field: 'kind', type: 'nominal', title: 'Factor', scale: { domain: ['lever', 'uncertainty'], range: [PALETTE[5], PALETTE[0]] } };
/** Most points drawn in a scatter (every m-th design point): enough to see a shape, small enough to open. */
const SCATTER_POINTS = 100;

/** What an intervention setting is, in words. */
const SETTING_WORDS: Record<string, string> = { at: 'Week it fires', from: 'Week it starts', for: 'Weeks it lasts', size: 'Size', 'when.above': 'Level it fires above', 'when.below': 'Level it fires below' };

/**
 * "strategy.steering" → "Steering (strategy)"; an intervention setting, "interventions.evening.at"
 * → "Week it fires (interventions.evening)", "interventions[1].set.strategy.serving" →
 * "Serving set (interventions[1])".
 */
export function factorTitle(path: string): string {
  const setting = /^(interventions.*?)\.(at|from|for|size|when\.above|when\.below|set\..+)$/.exec(path);
  if (setting) return `${SETTING_WORDS[setting[2]] ?? `${humanise(setting[2].split('.').pop()!)} set`} (${setting[1]})`;
  const dot = path.lastIndexOf('.');
  return `${humanise(path.slice(dot + 1))} (${path.slice(0, dot)})`;
}

const INDEX_TITLE: Record<string, string> = {
  S1: 'first order S1',
  ST: 'total ST',
  mu_star: 'μ* (mean |elementary effect|)',
  srrc: 'standardised rank regression coefficient',
};

/** Indices with their 95 % bootstrap intervals, one panel per outcome, levers and uncertainties in their own colour. */
function indicesChart(a: ExploreAnalysis): Chart {
  const method = a.design.method;
  const shown = method === 'sobol' ? ['S1', 'ST'] : method === 'morris' ? ['mu_star'] : ['srrc'];
  const titles = new Map(a.outcomes.map((o) => [o.outcome, o.title]));
  const values = a.indices
    .filter((r) => shown.includes(r.index))
    .map((r) => ({ outcome: titles.get(r.outcome), factor: factorTitle(r.factor), kind: r.kind, index: INDEX_TITLE[r.index], estimate: r.estimate, lo: r.lo, hi: r.hi }));
  const order = a.design.factors.map((f) => factorTitle(f.path));
  const y: PositionDef = { field: 'factor', type: 'nominal', title: null, sort: order, axis: { labelLimit: 280 } };
  const xTitle = method === 'sobol' ? 'Share of the outcome’s variance' : method === 'morris' ? 'μ*: outcome change over the factor’s range (outcome units)' : 'Coefficient';
  const what =
    method === 'sobol'
      ? 'Sobol’ indices: first order (circle: the share of variance the factor explains alone) and total (square: with all its interactions)'
      : method === 'morris'
        ? 'Morris μ*: the mean absolute change of the outcome when the factor moves across its range'
        : 'Standardised rank regression coefficients of the outcome on the factors';
  return {
    name: 'explore-indices',
    title: 'What drives each outcome',
    caption: `${what}, with 95 % bootstrap intervals, one panel per outcome. Red: the manager’s levers; blue: uncertainties nobody controls.`,
    spec: {
      $schema: SCHEMA,
      title: { text: 'What drives each outcome', subtitle: `${what.split(':')[0]}; bars: 95 % bootstrap interval.` },
      config: CONFIG,
      data: { values },
      facet: { row: { field: 'outcome', type: 'nominal', title: null, sort: a.outcomes.map((o) => o.title), header: { labelAngle: 0, labelAlign: 'left', labelOrient: 'top' } } },
      resolve: { scale: { x: 'independent' } },
      spec: {
        width: 480,
        height: { step: shown.length > 1 ? 22 : 16 },
        layer: [
          { mark: { type: 'rule', strokeWidth: 2 }, encoding: { y, yOffset: { field: 'index', type: 'nominal' }, x: { field: 'lo', type: 'quantitative', title: xTitle }, x2: { field: 'hi' }, color: KIND_COLOUR } },
          {
            mark: { type: 'point', filled: true, size: 60 },
            encoding: {
              y,
              yOffset: { field: 'index', type: 'nominal' },
              x: { field: 'estimate', type: 'quantitative' },
              color: KIND_COLOUR,
              shape: { field: 'index', type: 'nominal', title: 'Index', scale: { range: ['circle', 'square'] } },
              tooltip: [{ field: 'factor' }, { field: 'index' }, { field: 'estimate', format: '.3f' }, { field: 'lo', format: '.3f' }, { field: 'hi', format: '.3f' }],
            },
          },
        ],
      },
    },
  };
}

/** Morris μ* against σ per outcome: far right is influential, high up is non-linear or interacting. */
function morrisChart(a: ExploreAnalysis): Chart | null {
  if (a.design.method !== 'morris') return null;
  const titles = new Map(a.outcomes.map((o) => [o.outcome, o.title]));
  const byKey = new Map<string, Record<string, unknown>>();
  for (const r of a.indices) {
    if (r.index !== 'mu_star' && r.index !== 'sigma') continue;
    const key = `${r.outcome}|${r.factor}`;
    const row = byKey.get(key) ?? { outcome: titles.get(r.outcome), factor: factorTitle(r.factor), short: humanise(r.factor.slice(r.factor.lastIndexOf('.') + 1)), kind: r.kind };
    row[r.index] = r.estimate;
    byKey.set(key, row);
  }
  return {
    name: 'explore-morris',
    title: 'Morris screening: μ* against σ',
    caption: 'Each dot is a factor. Right: a large mean effect over its range (μ*); up: effects that change from place to place in the factor space (σ: non-linearity or interactions). Red: levers; blue: uncertainties.',
    spec: {
      $schema: SCHEMA,
      title: { text: 'Morris screening: μ* against σ', subtitle: 'Right: influential; up: non-linear or interacting.' },
      config: CONFIG,
      data: { values: [...byKey.values()] },
      facet: { field: 'outcome', type: 'nominal', title: null, sort: a.outcomes.map((o) => o.title) },
      columns: 2,
      resolve: { scale: { x: 'independent', y: 'independent' } },
      spec: {
        width: 300,
        height: 220,
        layer: [
          { mark: { type: 'point', filled: true, size: 70 }, encoding: { x: { field: 'mu_star', type: 'quantitative', title: 'μ*' }, y: { field: 'sigma', type: 'quantitative', title: 'σ' }, color: KIND_COLOUR, tooltip: [{ field: 'factor' }, { field: 'mu_star', format: '.3f' }, { field: 'sigma', format: '.3f' }] } },
          { mark: { type: 'text', align: 'left', dx: 6, fontSize: 10 }, encoding: { x: { field: 'mu_star', type: 'quantitative' }, y: { field: 'sigma', type: 'quantitative' }, text: { field: 'short' } } },
        ],
      },
    },
  };
}

/** The PRIM peeling trajectory: coverage against density, the chosen box marked. */
function primChart(a: ExploreAnalysis): Chart | null {
  const p = a.prim;
  if (!p) return null;
  const values = p.result.trajectory.map((s, i) => ({ step: i, coverage: s.coverage, density: s.density, restricted: s.restricted, chosen: i === p.result.chosen }));
  const box = p.result.box;
  return {
    name: 'explore-prim',
    title: `Scenario discovery: where is ${p.case}?`,
    caption:
      `PRIM peels the factor space step by step toward the points where ${p.case}. Each dot is a box: coverage is the share of all such points inside it, density the share of the box’s points that are such points; the colour counts the factors it restricts. ` +
      `The ringed box was chosen; after pasting it covers ${Math.round(box.coverage * 100)} % of the cases at a density of ${Math.round(box.density * 100)} %.`,
    spec: {
      $schema: SCHEMA,
      title: { text: 'Scenario discovery: the PRIM peeling trajectory', subtitle: `Case of interest: ${p.case} (${p.cases} of ${a.x.length / a.design.factors.length} points).` },
      config: CONFIG,
      data: { values },
      width: 520,
      height: 300,
      layer: [
        { mark: { type: 'line', color: '#bbb' }, encoding: { x: { field: 'coverage', type: 'quantitative', title: 'Coverage', scale: { domain: [0, 1] } }, y: { field: 'density', type: 'quantitative', title: 'Density', scale: { domain: [0, 1] } }, order: { field: 'step' } } },
        { mark: { type: 'point', filled: true, size: 50 }, encoding: { x: { field: 'coverage', type: 'quantitative' }, y: { field: 'density', type: 'quantitative' }, color: { field: 'restricted', type: 'ordinal', title: 'Factors restricted', scale: { scheme: 'viridis' } }, tooltip: [{ field: 'step' }, { field: 'coverage', format: '.2f' }, { field: 'density', format: '.2f' }, { field: 'restricted' }] } },
        { transform: [{ filter: 'datum.chosen' }], mark: { type: 'point', size: 300, strokeWidth: 2, color: '#000' }, encoding: { x: { field: 'coverage', type: 'quantitative' }, y: { field: 'density', type: 'quantitative' } } },
      ],
    },
  };
}

/** The first outcome (or the one PRIM looks at) against each factor. */
function scatterChart(a: ExploreAnalysis): Chart {
  const outcome = a.prim?.outcome ?? a.design.outcomes[0];
  const title = a.outcomes.find((o) => o.outcome === outcome)!.title;
  const k = a.design.factors.length;
  const points = a.x.length / k;
  const every = Math.max(1, Math.ceil(points / SCATTER_POINTS));
  const y = a.y.get(outcome)!;
  const values: Record<string, unknown>[] = [];
  for (let p = 0; p < points; p += every) {
    a.design.factors.forEach((f, i) => values.push({ factor: factorTitle(f.path), kind: f.kind, x: a.x[p * k + i], y: y[p] }));
  }
  return {
    name: 'explore-scatter',
    title: `${title} against each factor`,
    caption: `Each dot is a design point (${every > 1 ? `every ${every}th of ${points}` : `all ${points}`}), its outcome averaged over ${a.replications} replications. A factor that matters shows a trend or a step; one that does not shows a flat cloud.`,
    spec: {
      $schema: SCHEMA,
      title: { text: `${title} against each factor`, subtitle: 'Red: levers; blue: uncertainties.' },
      config: CONFIG,
      data: { values },
      facet: { field: 'factor', type: 'nominal', title: null, sort: a.design.factors.map((f) => factorTitle(f.path)) },
      columns: 4,
      resolve: { scale: { x: 'independent' } },
      spec: {
        width: 170,
        height: 130,
        mark: { type: 'point', filled: true, size: 12, opacity: 0.5 },
        encoding: { x: { field: 'x', type: 'quantitative', title: null, scale: { zero: false } }, y: { field: 'y', type: 'quantitative', title: null }, color: KIND_COLOUR },
      },
    },
  };
}

/** The explore charts, in reading order. */
export function exploreCharts(a: ExploreAnalysis): Chart[] {
  return [indicesChart(a), morrisChart(a), primChart(a), scatterChart(a)].filter((c): c is Chart => c !== null);
}
