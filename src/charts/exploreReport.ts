import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { writeFileAtomic } from '../run/atomic.js';
import { recordFiles } from '../run/manifest.js';
import { settleReportFiles } from '../run/owned.js';
import type { Manifest } from '../analysis/results.js';
import { loadExplore, type ExploreAnalysis, type IndexRow } from '../explore/analyse.js';
import { writeExploreFiles } from '../explore/write.js';
import { escapeHtml as esc, percentsUnbroken } from './escape.js';
import { exploreCharts, factorTitle, indexTitle, kindWord, outcomeTitle, primCase } from './exploreCharts.js';
import { chartFiles, writeChart, type ChartFiles } from './render.js';
import { figuresHtml, glossarySection, manifestSection, pageStart, scenarioWords } from './reportHtml.js';
import { decimal, withNames, words, type Lang, type Words } from './words.js';

const f2 = (x: number, w: Words) => decimal(x.toFixed(2), w.lang);
const pct = (x: number) => `${Math.round(x * 100)} %`;
/** A value as the reader would write it: at most two decimals, none trailing ("156", "0.3"). */
const plain = (x: number, w: Words) => decimal(String(Number(x.toFixed(2))), w.lang);

/**
 * How far a Sobol' estimate may stray outside 0–1, and how wide its interval may be, before the
 * report calls an outcome's estimates unreliable (a share of variance lies from 0 to 1; small
 * designs give estimates well outside it and intervals wider than half that span).
 */
const SOBOL_SLACK = 0.05;
const SOBOL_WIDEST = 0.5;

/** Why an outcome's Sobol' indices cannot be read as shares of its variance, in words; none when they can. */
function sobolDoubts(rows: IndexRow[], w: Words): string[] {
  const doubts: string[] = [];
  const outside = (r: IndexRow) => Math.max(-r.estimate, r.estimate - 1);
  const worst = [...rows].sort((x, y) => outside(y) - outside(x))[0];
  if (worst && outside(worst) > SOBOL_SLACK) doubts.push(w.outsideShare(indexTitle(worst.index, w), factorTitle(worst.factor, w).toLowerCase(), f2(worst.estimate, w)));
  const first = rows.filter((r) => r.index === 'S1').reduce((t, r) => t + r.estimate, 0);
  if (first > 1 + SOBOL_SLACK) doubts.push(w.firstOrderSum(pct(first)));
  const widest = Math.max(...rows.map((r) => r.hi - r.lo));
  if (widest > SOBOL_WIDEST) doubts.push(w.intervalsWide(f2(widest, w)));
  return doubts;
}

/** The index a sentence ranks factors by: total Sobol' index, Morris μ*, or |SRRC|. */
function rankingIndex(method: string): string {
  return method === 'sobol' ? 'ST' : method === 'morris' ? 'mu_star' : 'srrc';
}

function listed(items: string[], w: Words): string {
  return items.length <= 1 ? items.join('') : `${items.slice(0, -1).join(', ')}${w.and}${items[items.length - 1]}`;
}

/** A factor's title with details in its own parentheses: "threshold (residents; uncertainty, μ* 0.94, 0.78 to 1.10)", not two pairs side by side. */
function withDetails(title: string, details: string): string {
  return title.endsWith(')') ? `${title.slice(0, -1)}; ${details})` : `${title} (${details})`;
}

/** Plain sentences: the strongest drivers of each outcome, what the levers account for, noise, censoring, PRIM. */
export function exploreSentences(a: ExploreAnalysis, w: Words = words()): string[] {
  const { method } = a.design;
  const key = rankingIndex(method);
  const label = method === 'sobol' ? w.totalIndex : method === 'morris' ? 'μ*' : 'SRRC';
  const lower = (factor: string) => factorTitle(factor, w).toLowerCase();
  const points = a.x.length / a.design.factors.length;
  const sentences: string[] = [];
  for (const o of a.outcomes) {
    const title = outcomeTitle(o.outcome, a.scenario.horizon, w);
    const values = a.y.get(o.outcome)!;
    if (values.every((v) => v === values[0])) {
      sentences.push(w.neverVaries(title, plain(values[0], w)));
      continue;
    }
    const rows = a.indices.filter((r) => r.outcome === o.outcome && r.index === key);
    if (rows.length === 0) {
      sentences.push(w.noIndices(title));
      continue;
    }
    const ranked = [...rows].sort((x, y) => Math.abs(y.estimate) - Math.abs(x.estimate));
    const show = (r: IndexRow) => withDetails(lower(r.factor), w.driverItem(kindWord(r.kind, w), label, f2(r.estimate, w), w.range(f2(r.lo, w), f2(r.hi, w))));
    const doubts = method === 'sobol' ? sobolDoubts(a.indices.filter((r) => r.outcome === o.outcome), w) : [];
    const top = listed(ranked.slice(0, 3).map(show), w);
    let s = doubts.length > 0 ? w.sobolUnreliable(title, a.design.size, listed(doubts, w), top) : w.strongestDrivers(title, top);
    const levers = rows.filter((r) => r.kind === 'lever');
    if (levers.length > 0 && doubts.length === 0) {
      if (method === 'sobol') {
        const first = a.indices.filter((r) => r.outcome === o.outcome && r.index === 'S1' && r.kind === 'lever').reduce((t, r) => t + r.estimate, 0);
        const total = levers.reduce((t, r) => t + r.estimate, 0);
        s += w.leversAccount(pct(Math.max(0, first)), pct(Math.min(1, total)));
      } else {
        const best = [...levers].sort((x, y) => Math.abs(y.estimate) - Math.abs(x.estimate))[0];
        const top = ranked[0];
        s += w.strongestLever(lower(best.factor), label, f2(best.estimate, w), top.kind === 'lever' ? w.largestOfAll : w.againstStrongest(f2(top.estimate, w)));
      }
    }
    // noiseShare is capped at 1: the noise in a point's mean is then at least the variance between points
    if (Number.isFinite(o.noiseShare)) s += o.noiseShare >= 1 ? w.noiseAll(a.replications) : w.noise(pct(o.noiseShare), a.replications);
    if (o.censoredPoints > 0) s += w.censoredPoints(o.censoredPoints, points);
    sentences.push(s);
  }
  const p = a.prim;
  if (p) {
    const box = p.result.box;
    const limits = p.result.limits.map((l) => ({ ...l, factor: a.design.factors[l.factor] }));
    const describe = (l: (typeof limits)[number]) => `${lower(l.factor.path)} ${w.range(f2(l.lo, w), f2(l.hi, w))}`;
    const matter = limits.filter((l) => l.pValue < 0.05);
    const loose = limits.filter((l) => l.pValue >= 0.05);
    let s = w.primBox(primCase(a, w), p.cases, points, listed(limits.map(describe), w) || w.noRestriction, pct(box.coverage), pct(box.density));
    if (matter.length) s += w.limitsMatter(listed(matter.map((l) => lower(l.factor.path)), w));
    if (loose.length) s += w.notNeeded(listed(loose.map((l) => lower(l.factor.path)), w));
    sentences.push(s);
  }
  return sentences;
}

function indicesTable(a: ExploreAnalysis, w: Words): string {
  const key = rankingIndex(a.design.method);
  const indices = [...new Set(a.indices.map((r) => r.index))];
  // a capital for a word (first order S1 → First order S1), none for a Greek letter (μ*)
  const heading = (i: string) => indexTitle(i, w).replace(/^[a-z]/, (c) => c.toUpperCase());
  const head = [w.outcome, w.factor, w.kind, ...indices.map(heading)];
  const cells = new Map<string, Map<string, IndexRow>>();
  for (const r of a.indices) {
    const rowKey = `${r.outcome}|${r.factor}`;
    if (!cells.has(rowKey)) cells.set(rowKey, new Map());
    cells.get(rowKey)!.set(r.index, r);
  }
  const rows = [...cells.entries()]
    .sort(([x, cx], [y, cy]) => (x.split('|')[0] === y.split('|')[0] ? Math.abs(cy.get(key)?.estimate ?? 0) - Math.abs(cx.get(key)?.estimate ?? 0) : 0))
    .map(([rowKey, c]) => {
      const [outcome, factor] = rowKey.split('|');
      const any = [...c.values()][0];
      return `<tr><td>${esc(outcomeTitle(outcome, a.scenario.horizon, w))}</td><td>${esc(factorTitle(factor, w))}</td><td>${esc(kindWord(any.kind, w))}</td>${indices
        .map((i) => {
          const r = c.get(i);
          return `<td class="num">${r ? `${f2(r.estimate, w)} (${w.range(f2(r.lo, w), f2(r.hi, w))})` : ''}</td>`;
        })
        .join('')}</tr>`;
    });
  return `<table><thead><tr>${head.map((h) => `<th>${esc(h)}</th>`).join('')}</tr></thead><tbody>${rows.join('')}</tbody></table>`;
}

function factorsTable(a: ExploreAnalysis, w: Words): string {
  const rows = a.design.factors.map((f) => `<tr><td>${esc(factorTitle(f.path, w))}</td><td>${esc(f.path)}</td><td>${esc(kindWord(f.kind, w))}</td><td class="num">${decimal(String(f.from), w.lang)}</td><td class="num">${decimal(String(f.to), w.lang)}</td></tr>`);
  return `<table><thead><tr><th>${w.factor}</th><th>${w.parameter}</th><th>${w.kind}</th><th>${w.from}</th><th>${w.to}</th></tr></thead><tbody>${rows.join('')}</tbody></table>`;
}

function methodNote(a: ExploreAnalysis, w: Words): string {
  const { method, size, factors } = a.design;
  const points = a.x.length / factors.length;
  const how =
    method === 'sobol'
      ? w.sobolMethod(size, points)
      : method === 'morris'
        ? w.morrisMethod(size, factors.length + 1, a.design.levels, points, a.design.candidates ? w.morrisBest(size, a.design.candidates) : '', w.morrisPer(a.design.levels))
        : w.lhsMethod(points);
  return `<p class="note">${esc(how + w.intervalsNote(a.design.bootstrap, a.replications, a.scenario.horizon))}</p>`;
}

/**
 * The explore part of a results folder: indices.csv, boxes.csv and the other explore files, the
 * explore charts (charts/*.vl.json, .svg and, unless `png` is false, .png), and report.html in plain
 * sentences, in `lang` (English by default).
 */
export async function buildExploreReport(dir: string, options: { png?: boolean; lang?: Lang } = {}): Promise<{ report: string; analysis: ExploreAnalysis }> {
  const a = loadExplore(dir);
  const s = scenarioWords(a.scenario, options.lang ?? 'en');
  const w = withNames(words(options.lang), s.names);
  writeExploreFiles(dir, a);
  const chartDir = join(dir, 'charts');
  mkdirSync(chartDir, { recursive: true });
  const files: ChartFiles[] = [];
  // listed in the manifest before they are written and settled after, as the report of a run does (report.ts)
  const charts = exploreCharts(a, w);
  const written = chartFiles(charts, options.png);
  recordFiles(dir, written);
  for (const chart of charts) files.push(await writeChart(chartDir, chart, options));
  settleReportFiles(dir, written);
  const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as Manifest;
  const html = `${pageStart(w.exploreTitle(s.name), s.question || s.name, s.name, s.description, w)}
<section class="summary"><h2>${w.inShort}</h2>${exploreSentences(a, w).map((t) => `<p>${esc(t)}</p>`).join('\n')}</section>
<h2>${w.whatExplored}</h2>
${factorsTable(a, w)}
${methodNote(a, w)}
<h2>${w.charts}</h2>
${figuresHtml(files, w)}
<h2>${w.indicesHeading}</h2>
${indicesTable(a, w)}
<p class="note">${esc(w.alsoInFiles)}</p>
${w.lang === 'en' ? '' : glossarySection(w)}${manifestSection(manifest, w)}
</body></html>
`;
  const report = join(dir, 'report.html');
  writeFileAtomic(report, percentsUnbroken(html));
  return { report, analysis: a };
}
