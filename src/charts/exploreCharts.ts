import type { ExploreAnalysis } from '../explore/analyse.js';
import type { Chart, ColorDef, PositionDef } from './chart.js';
import { CONFIG, DOT_PADDING, humanise, PALETTE } from './theme.js';
import { parameterLabel } from './labels.js';
import { words, type Words } from './words.js';

const SCHEMA = 'https://vega.github.io/schema/vega-lite/v6.json';
/** Levers and uncertainties are told apart by colour in every explore chart. */
const kindColour = (w: Words): ColorDef => ({ field: 'kind', type: 'nominal', title: w.factor, scale: { domain: [w.kindLever, w.kindUncertainty], range: [PALETTE[5], PALETTE[0]] } });
/** Most points drawn in a scatter (every m-th design point): enough to see a shape, small enough to open. */
const SCATTER_POINTS = 100;

/** A parameter's name: humanised from its path in English, the catalogue's name (or the path) in Dutch. */
const parameterName = (path: string, w: Words) => (w.lang === 'en' ? humanise(path.slice(path.lastIndexOf('.') + 1)) : (parameterLabel(path, w.lang) ?? path.slice(path.lastIndexOf('.') + 1)));

/**
 * "strategy.steering" → "Steering (strategy)"; an intervention setting, "interventions.evening.at"
 * → "Week it fires (interventions.evening)", "interventions[1].set.strategy.serving" →
 * "Serving set (interventions[1])".
 */
export function factorTitle(path: string, w: Words = words()): string {
  const setting = /^(interventions.*?)\.(at|from|for|size|when\.above|when\.below|set\.(.+))$/.exec(path);
  if (setting) {
    const named: Record<string, string> = { at: w.settingAt, from: w.settingFrom, for: w.settingFor, size: w.settingSize, 'when.above': w.settingAbove, 'when.below': w.settingBelow };
    return `${named[setting[2]] ?? w.settingSet(parameterName(setting[3], w))} (${setting[1]})`;
  }
  const dot = path.lastIndexOf('.');
  return `${parameterName(path, w)} (${path.slice(0, dot)})`;
}

/** A factor's kind in words: lever or uncertainty. */
export const kindWord = (kind: string, w: Words) => (kind === 'lever' ? w.kindLever : w.kindUncertainty);

/** An outcome's title in the reader's language (in English, as src/analysis/pooledOutcomes.ts names it). */
export function outcomeTitle(name: string, horizon: number, w: Words = words()): string {
  const by = /^reached_by_(\d+)$/.exec(name);
  if (by) return w.outcomeReachedBy(Number(by[1]));
  const titles: Record<string, string> = { rmst: w.outcomeRmst(horizon), median_reach: w.outcomeMedian, coherent_success: w.outcomeCoherent, trust_final: w.outcomeTrust };
  return titles[name] ?? name;
}

/** The case PRIM looks for, "reached_by_104 below 0.5", in the reader's language. */
export function primCase(a: ExploreAnalysis, w: Words = words()): string {
  const d = a.design.discover!;
  return d.below !== undefined ? w.caseBelow(d.outcome, d.below) : w.caseAbove(d.outcome, d.above!);
}

const indexTitle = (index: string, w: Words) => ({ S1: w.indexS1, ST: w.indexST, mu_star: w.indexMuStar, srrc: w.indexSrrc })[index];

/** Indices with their 95 % bootstrap intervals, one panel per outcome, levers and uncertainties in their own colour. */
function indicesChart(a: ExploreAnalysis, w: Words): Chart {
  const method = a.design.method;
  const shown = method === 'sobol' ? ['S1', 'ST'] : method === 'morris' ? ['mu_star'] : ['srrc'];
  const title = (outcome: string) => outcomeTitle(outcome, a.scenario.horizon, w);
  const values = a.indices
    .filter((r) => shown.includes(r.index))
    .map((r) => ({ outcome: title(r.outcome), factor: factorTitle(r.factor, w), kind: kindWord(r.kind, w), index: indexTitle(r.index, w), estimate: r.estimate, lo: r.lo, hi: r.hi }));
  const order = a.design.factors.map((f) => factorTitle(f.path, w));
  const y: PositionDef = { field: 'factor', type: 'nominal', title: null, sort: order, axis: { labelLimit: 280 } };
  const xTitle = method === 'sobol' ? w.sobolAxis : method === 'morris' ? w.morrisAxis : w.coefficient;
  const what = method === 'sobol' ? w.sobolWhat : method === 'morris' ? w.morrisWhat : w.srrcWhat;
  return {
    name: 'explore-indices',
    title: w.indicesTitle,
    caption: w.indicesCaption(what),
    spec: {
      $schema: SCHEMA,
      title: { text: w.indicesTitle, subtitle: w.indicesSubtitle(what.split(':')[0]) },
      config: CONFIG,
      data: { values },
      facet: { row: { field: 'outcome', type: 'nominal', title: null, sort: a.outcomes.map((o) => title(o.outcome)), header: { labelAngle: 0, labelAlign: 'left', labelOrient: 'top' } } },
      resolve: { scale: { x: 'independent' } },
      spec: {
        width: 480,
        height: { step: shown.length > 1 ? 22 : 16 },
        layer: [
          { mark: { type: 'rule', strokeWidth: 2 }, encoding: { y, yOffset: { field: 'index', type: 'nominal' }, x: { field: 'lo', type: 'quantitative', title: xTitle }, x2: { field: 'hi' }, color: kindColour(w) } },
          {
            mark: { type: 'point', filled: true, size: 60 },
            encoding: {
              y,
              yOffset: { field: 'index', type: 'nominal' },
              x: { field: 'estimate', type: 'quantitative' },
              color: kindColour(w),
              shape: { field: 'index', type: 'nominal', title: w.index, scale: { range: ['circle', 'square'] } },
              tooltip: [{ field: 'factor' }, { field: 'index' }, { field: 'estimate', format: '.3f' }, { field: 'lo', format: '.3f' }, { field: 'hi', format: '.3f' }],
            },
          },
        ],
      },
    },
  };
}

/** Morris μ* against σ per outcome: far right is influential, high up is non-linear or interacting. */
function morrisChart(a: ExploreAnalysis, w: Words): Chart | null {
  if (a.design.method !== 'morris') return null;
  const title = (outcome: string) => outcomeTitle(outcome, a.scenario.horizon, w);
  const byKey = new Map<string, Record<string, unknown>>();
  for (const r of a.indices) {
    if (r.index !== 'mu_star' && r.index !== 'sigma') continue;
    const key = `${r.outcome}|${r.factor}`;
    const row = byKey.get(key) ?? { outcome: title(r.outcome), factor: factorTitle(r.factor, w), short: w.lang === 'en' ? humanise(r.factor.slice(r.factor.lastIndexOf('.') + 1)) : factorTitle(r.factor, w).replace(/ \(.*\)$/, ''), kind: kindWord(r.kind, w) };
    row[r.index] = r.estimate;
    byKey.set(key, row);
  }
  return {
    name: 'explore-morris',
    title: w.morrisTitle,
    caption: w.morrisCaption,
    spec: {
      $schema: SCHEMA,
      title: { text: w.morrisTitle, subtitle: w.morrisSubtitle },
      config: CONFIG,
      data: { values: [...byKey.values()] },
      facet: { field: 'outcome', type: 'nominal', title: null, sort: a.outcomes.map((o) => title(o.outcome)) },
      columns: 2,
      resolve: { scale: { x: 'independent', y: 'independent' } },
      spec: {
        width: 300,
        height: 220,
        layer: [
          { mark: { type: 'point', filled: true, size: 70 }, encoding: { x: { field: 'mu_star', type: 'quantitative', title: 'μ*' }, y: { field: 'sigma', type: 'quantitative', title: 'σ' }, color: kindColour(w), tooltip: [{ field: 'factor' }, { field: 'mu_star', format: '.3f' }, { field: 'sigma', format: '.3f' }] } },
          { mark: { type: 'text', align: 'left', dx: 6, fontSize: 10 }, encoding: { x: { field: 'mu_star', type: 'quantitative' }, y: { field: 'sigma', type: 'quantitative' }, text: { field: 'short' } } },
        ],
      },
    },
  };
}

/** The PRIM peeling trajectory: coverage against density, the chosen box marked. */
function primChart(a: ExploreAnalysis, w: Words): Chart | null {
  const p = a.prim;
  if (!p) return null;
  const c = primCase(a, w);
  const values = p.result.trajectory.map((s, i) => ({ step: i, coverage: s.coverage, density: s.density, restricted: s.restricted, chosen: i === p.result.chosen }));
  const box = p.result.box;
  return {
    name: 'explore-prim',
    title: w.primTitle(c),
    caption: w.primCaption(c, Math.round(box.coverage * 100), Math.round(box.density * 100)),
    spec: {
      $schema: SCHEMA,
      title: { text: w.primSpecTitle, subtitle: w.primSubtitle(c, p.cases, a.x.length / a.design.factors.length) },
      config: CONFIG,
      data: { values },
      width: 520,
      height: 300,
      layer: [
        { mark: { type: 'line', color: '#bbb' }, encoding: { x: { field: 'coverage', type: 'quantitative', title: w.coverage, scale: { domain: [0, 1] } }, y: { field: 'density', type: 'quantitative', title: w.density, scale: { domain: [0, 1] } }, order: { field: 'step' } } },
        { mark: { type: 'point', filled: true, size: 50 }, encoding: { x: { field: 'coverage', type: 'quantitative' }, y: { field: 'density', type: 'quantitative' }, color: { field: 'restricted', type: 'ordinal', title: w.factorsRestricted, scale: { scheme: 'viridis' } }, tooltip: [{ field: 'step' }, { field: 'coverage', format: '.2f' }, { field: 'density', format: '.2f' }, { field: 'restricted' }] } },
        { transform: [{ filter: 'datum.chosen' }], mark: { type: 'point', size: 300, strokeWidth: 2, color: '#000' }, encoding: { x: { field: 'coverage', type: 'quantitative' }, y: { field: 'density', type: 'quantitative' } } },
      ],
    },
  };
}

/** The first outcome (or the one PRIM looks at) against each factor. */
function scatterChart(a: ExploreAnalysis, w: Words): Chart {
  const outcome = a.prim?.outcome ?? a.design.outcomes[0];
  const title = outcomeTitle(outcome, a.scenario.horizon, w);
  const k = a.design.factors.length;
  const points = a.x.length / k;
  const every = Math.max(1, Math.ceil(points / SCATTER_POINTS));
  const y = a.y.get(outcome)!;
  const values: Record<string, unknown>[] = [];
  for (let p = 0; p < points; p += every) {
    a.design.factors.forEach((f, i) => values.push({ factor: factorTitle(f.path, w), kind: kindWord(f.kind, w), x: a.x[p * k + i], y: y[p] }));
  }
  return {
    name: 'explore-scatter',
    title: w.againstEachFactor(title),
    caption: w.scatterCaption(every > 1 ? w.everyNth(every, points) : w.allPoints(points), a.replications),
    spec: {
      $schema: SCHEMA,
      title: { text: w.againstEachFactor(title), subtitle: w.leversAndUncertainties },
      config: CONFIG,
      data: { values },
      facet: { field: 'factor', type: 'nominal', title: null, sort: a.design.factors.map((f) => factorTitle(f.path, w)) },
      columns: 4,
      resolve: { scale: { x: 'independent' } },
      spec: {
        width: 170,
        height: 130,
        mark: { type: 'point', filled: true, size: 12, opacity: 0.5 },
        // a few pixels between the outermost dots and the axes (DOT_PADDING)
        encoding: { x: { field: 'x', type: 'quantitative', title: null, scale: { zero: false, padding: DOT_PADDING } }, y: { field: 'y', type: 'quantitative', title: null, scale: { padding: DOT_PADDING } }, color: kindColour(w) },
      },
    },
  };
}

/** The explore charts, in reading order, in the language of `w`. */
export function exploreCharts(a: ExploreAnalysis, w: Words = words()): Chart[] {
  return [indicesChart(a, w), morrisChart(a, w), primChart(a, w), scatterChart(a, w)].filter((c): c is Chart => c !== null);
}
