import type { ExploreAnalysis } from '../explore/analyse.js';
import * as vega from 'vega';
import type { Chart, ColorDef, PositionDef, View } from './chart.js';
import { placeLabels } from './labelPlacement.js';
import { CONFIG, DOT_PADDING, humanise, PALETTE, wrapText } from './theme.js';
import { groupLabel, parameterLabel } from './labels.js';
import { shownName, words, type Words } from './words.js';

const SCHEMA = 'https://vega.github.io/schema/vega-lite/v6.json';
/** Levers and uncertainties are told apart by colour in every explore chart. */
const kindColour = (w: Words): ColorDef => ({ field: 'kind', type: 'nominal', title: w.factor, scale: { domain: [w.kindLever, w.kindUncertainty], range: [PALETTE[5], PALETTE[0]] } });
/** Most points drawn in a scatter (every m-th design point): enough to see a shape, small enough to open. */
const SCATTER_POINTS = 100;

/** A parameter's name: humanised from its path in English, the catalogue's name (or the path) in Dutch. */
const parameterName = (path: string, w: Words) => (w.lang === 'en' ? humanise(path.slice(path.lastIndexOf('.') + 1)) : (parameterLabel(path, w.lang) ?? path.slice(path.lastIndexOf('.') + 1)));

/** An intervention setting's path split: the intervention as the scenario names it ("subsidy", "interventions[1]") and the setting in words ("Size"). */
function interventionSetting(path: string, w: Words): { intervention: string; setting: string } | undefined {
  const setting = /^interventions(?:\.(.*?)|(\[\d+\]))\.(at|from|for|size|when\.above|when\.below|set\.(.+))$/.exec(path);
  if (!setting) return undefined;
  const named: Record<string, string> = { at: w.settingAt, from: w.settingFrom, for: w.settingFor, size: w.settingSize, 'when.above': w.settingAbove, 'when.below': w.settingBelow };
  return { intervention: setting[1] !== undefined ? shownName(setting[1], w) : `interventions${setting[2]}`, setting: named[setting[3]] ?? w.settingSet(parameterName(setting[4], w)) };
}

/**
 * "strategy.steering" → "Steering (strategy)"; an intervention setting, "interventions.evening.at"
 * → "Week it fires (evening)", "interventions[1].set.strategy.serving" → "Serving set
 * (interventions[1])". In Dutch the group too: "Sturing (strategie)".
 */
export function factorTitle(path: string, w: Words = words()): string {
  const s = interventionSetting(path, w);
  if (s) return `${s.setting} (${s.intervention})`;
  const dot = path.lastIndexOf('.');
  return `${parameterName(path, w)} (${groupLabel(path.slice(0, dot), w.lang)})`;
}

/** A factor's name beside its dot: "Steering"; an intervention setting with its intervention, "subsidy: size". */
export function factorShort(path: string, w: Words = words()): string {
  const s = interventionSetting(path, w);
  return s ? `${s.intervention}: ${s.setting.charAt(0).toLowerCase()}${s.setting.slice(1)}` : parameterName(path, w);
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

/** The case PRIM looks for, "“Reached the threshold by week 104” below 0.5", in the reader's language. */
export function primCase(a: ExploreAnalysis, w: Words = words()): string {
  const d = a.design.discover!;
  const outcome = outcomeTitle(d.outcome, a.scenario.horizon, w);
  return d.below !== undefined ? w.caseBelow(outcome, d.below) : w.caseAbove(outcome, d.above!);
}

/** An index of indices.csv in words: "first order S1", "μ* (mean |elementary effect|)". */
export const indexTitle = (index: string, w: Words): string => ({ S1: w.indexS1, ST: w.indexST, mu: w.indexMu, mu_star: w.indexMuStar, sigma: w.indexSigma, srrc: w.indexSrrc })[index] ?? index;

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
  const what = method === 'sobol' ? w.sobolWhat : method === 'morris' ? w.morrisWhat(w.morrisPer(a.design.levels)) : w.srrcWhat;
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

/** Size of a Morris panel and of its factors' names, in pixels. */
const MORRIS = { width: 340, height: 250, fontSize: 10, dotArea: 70 };

/** The end of a quantity's axis from 0: its largest value rounded up to a round number, as Vega's `nice` would. */
const niceEnd = (max: number) => (max > 0 ? (vega.scale('linear')().domain([0, max]).nice(5).domain() as number[])[1] : 1);

/**
 * One outcome's panel of the Morris chart: μ* against σ from 0, each factor's name beside its dot or
 * tied to it by a thin line, where it runs into no other name, dot or line (placeLabels, the most
 * influential first), the factors left without a name listed under the panel's title. The axes keep
 * DOT_PADDING pixels to the outermost dots; the names are placed in pixels, so the scales are fixed
 * here, not left to Vega.
 */
function morrisPanel(outcome: string, rows: { factor: string; short: string; kind: string; mu_star: number; sigma: number }[], w: Words): View {
  const { width, height, fontSize } = MORRIS;
  const p = DOT_PADDING;
  const xEnd = niceEnd(Math.max(...rows.map((r) => r.mu_star)));
  const yEnd = niceEnd(Math.max(...rows.map((r) => r.sigma)));
  const px = (mu: number) => p + (mu / xEnd) * (width - 2 * p);
  const py = (sigma: number) => height - p - (sigma / yEnd) * (height - 2 * p);
  const ranked = [...rows].sort((a, b) => b.mu_star - a.mu_star || b.sigma - a.sigma);
  const places = placeLabels(
    ranked.map((r) => ({ x: px(r.mu_star), y: py(r.sigma), text: r.short })),
    { width, height, fontSize, radius: Math.sqrt(MORRIS.dotArea / Math.PI) },
  );
  // back from pixels to the axes' units
  const mu = (x: number) => ((x - p) / (width - 2 * p)) * xEnd;
  const sigma = (y: number) => ((height - p - y) / (height - 2 * p)) * yEnd;
  const named = ranked.flatMap((r, i) => {
    const at = places[i];
    return at ? [{ short: r.short, lx: mu(at.left), ly: sigma(at.top) }] : [];
  });
  const leaders = places.flatMap((at) => (at?.leader ? [{ x1: mu(at.leader.x1), y1: sigma(at.leader.y1), x2: mu(at.leader.x2), y2: sigma(at.leader.y2) }] : []));
  const unnamed = ranked.filter((_, i) => !places[i]).map((r) => r.short);
  const scale = (end: number, span: number) => ({ domain: [(-p * end) / (span - 2 * p), end + (p * end) / (span - 2 * p)], nice: false, zero: false });
  const x = { type: 'quantitative', title: 'μ*', scale: scale(xEnd, width), axis: { tickCount: 5 } } as const;
  const y = { type: 'quantitative', title: 'σ', scale: scale(yEnd, height), axis: { tickCount: 5 } } as const;
  return {
    title: { text: outcome, subtitle: unnamed.length > 0 ? wrapText(w.morrisUnnamed(unnamed.join(', ')), width + 40, 11) : undefined, fontSize: 13, subtitleFontSize: 11 },
    width,
    height,
    layer: [
      {
        data: { values: rows },
        mark: { type: 'point', filled: true, size: MORRIS.dotArea, opacity: 0.9 },
        encoding: { x: { field: 'mu_star', ...x }, y: { field: 'sigma', ...y }, color: kindColour(w), tooltip: [{ field: 'factor' }, { field: 'mu_star', format: '.3f' }, { field: 'sigma', format: '.3f' }] },
      },
      { data: { values: leaders }, mark: { type: 'rule', color: '#888', strokeWidth: 0.8 }, encoding: { x: { field: 'x1', ...x }, y: { field: 'y1', ...y }, x2: { field: 'x2' }, y2: { field: 'y2' } } },
      { data: { values: named }, mark: { type: 'text', align: 'left', baseline: 'top', fontSize }, encoding: { x: { field: 'lx', ...x }, y: { field: 'ly', ...y }, text: { field: 'short' } } },
    ],
  };
}

/** Morris μ* against σ, a panel per outcome: far right is influential, high up is non-linear or interacting. */
function morrisChart(a: ExploreAnalysis, w: Words): Chart | null {
  if (a.design.method !== 'morris') return null;
  const byKey = new Map<string, { outcome: string; factor: string; short: string; kind: string; mu_star: number; sigma: number }>();
  for (const r of a.indices) {
    if (r.index !== 'mu_star' && r.index !== 'sigma') continue;
    const key = `${r.outcome}|${r.factor}`;
    const row = byKey.get(key) ?? { outcome: r.outcome, factor: factorTitle(r.factor, w), short: factorShort(r.factor, w), kind: kindWord(r.kind, w), mu_star: NaN, sigma: NaN };
    row[r.index] = r.estimate;
    byKey.set(key, row);
  }
  const rows = [...byKey.values()].filter((r) => Number.isFinite(r.mu_star) && Number.isFinite(r.sigma));
  const panels = a.outcomes.map((o) => o.outcome).filter((o) => rows.some((r) => r.outcome === o));
  return {
    name: 'explore-morris',
    title: w.morrisTitle,
    caption: w.morrisCaption,
    spec: {
      $schema: SCHEMA,
      title: { text: w.morrisTitle, subtitle: w.morrisSubtitle },
      config: CONFIG,
      columns: 2,
      spacing: { column: 40, row: 24 },
      concat: panels.map((o) => morrisPanel(outcomeTitle(o, a.scenario.horizon, w), rows.filter((r) => r.outcome === o), w)),
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
