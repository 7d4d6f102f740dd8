import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { writeFileAtomic } from '../run/atomic.js';
import type { Manifest } from '../analysis/results.js';
import { loadExplore, type ExploreAnalysis, type IndexRow } from '../explore/analyse.js';
import { writeExploreFiles } from '../explore/write.js';
import { escapeHtml as esc } from './escape.js';
import { exploreCharts, factorTitle } from './exploreCharts.js';
import { writeChart, type ChartFiles } from './render.js';
import { figuresHtml, manifestSection, pageStart } from './reportHtml.js';

const f2 = (x: number) => x.toFixed(2);
const pct = (x: number) => `${Math.round(x * 100)} %`;

/** The index a sentence ranks factors by: total Sobol' index, Morris μ*, or |SRRC|. */
function rankingIndex(method: string): string {
  return method === 'sobol' ? 'ST' : method === 'morris' ? 'mu_star' : 'srrc';
}

function listed(items: string[]): string {
  return items.length <= 1 ? items.join('') : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

/** Plain sentences: the strongest drivers of each outcome, what the levers account for, noise, censoring, PRIM. */
export function exploreSentences(a: ExploreAnalysis): string[] {
  const { method } = a.design;
  const key = rankingIndex(method);
  const label = method === 'sobol' ? 'total index' : method === 'morris' ? 'μ*' : 'SRRC';
  const sentences: string[] = [];
  for (const o of a.outcomes) {
    const rows = a.indices.filter((r) => r.outcome === o.outcome && r.index === key);
    if (rows.length === 0) {
      sentences.push(`${o.title}: no indices (the outcome is missing at some points).`);
      continue;
    }
    const ranked = [...rows].sort((x, y) => Math.abs(y.estimate) - Math.abs(x.estimate));
    const show = (r: IndexRow) => `${factorTitle(r.factor).toLowerCase()} (${r.kind}, ${label} ${f2(r.estimate)}, ${f2(r.lo)} to ${f2(r.hi)})`;
    let s = `${o.title}: the strongest drivers are ${listed(ranked.slice(0, 3).map(show))}.`;
    const levers = rows.filter((r) => r.kind === 'lever');
    if (levers.length > 0) {
      if (method === 'sobol') {
        const first = a.indices.filter((r) => r.outcome === o.outcome && r.index === 'S1' && r.kind === 'lever').reduce((t, r) => t + r.estimate, 0);
        const total = levers.reduce((t, r) => t + r.estimate, 0);
        s += ` The manager’s levers together account for ${pct(Math.max(0, first))} of its variance on their own (sum of first-order indices) and at most ${pct(Math.min(1, total))} with their interactions (sum of total indices).`;
      } else {
        const best = [...levers].sort((x, y) => Math.abs(y.estimate) - Math.abs(x.estimate))[0];
        const top = ranked[0];
        s += ` The strongest lever, ${factorTitle(best.factor).toLowerCase()}, has ${label} ${f2(best.estimate)}${top.kind === 'lever' ? ', the largest of all factors' : `, against ${f2(top.estimate)} for the strongest factor`}.`;
      }
    }
    if (Number.isFinite(o.noiseShare)) {
      s += ` Run-to-run noise is ${pct(o.noiseShare)} of the variance between points (${a.replications} replications averaged per point, common random numbers across points).`;
    }
    if (o.censoredPoints > 0) s += ` At ${o.censoredPoints} of ${a.x.length / a.design.factors.length} points fewer than half the initiatives reached the threshold; those count at the horizon (censored).`;
    sentences.push(s);
  }
  const p = a.prim;
  if (p) {
    const box = p.result.box;
    const limits = p.result.limits.map((l) => ({ ...l, factor: a.design.factors[l.factor] }));
    const describe = (l: (typeof limits)[number]) => `${factorTitle(l.factor.path).toLowerCase()} ${f2(l.lo)} to ${f2(l.hi)}`;
    const matter = limits.filter((l) => l.pValue < 0.05);
    const loose = limits.filter((l) => l.pValue >= 0.05);
    let s = `Where is ${p.case}? ${p.cases} of ${a.x.length / a.design.factors.length} points. PRIM finds the box ${listed(limits.map(describe)) || '(no restriction)'}: it holds ${pct(box.coverage)} of those points (coverage), and ${pct(box.density)} of the points inside it are such points (density).`;
    if (matter.length) s += ` The limits that matter (quasi-p-value below 0.05): ${listed(matter.map((l) => factorTitle(l.factor.path).toLowerCase()))}.`;
    if (loose.length) s += ` Not needed: ${listed(loose.map((l) => factorTitle(l.factor.path).toLowerCase()))}.`;
    sentences.push(s);
  }
  return sentences;
}

function indicesTable(a: ExploreAnalysis): string {
  const key = rankingIndex(a.design.method);
  const titles = new Map(a.outcomes.map((o) => [o.outcome, o.title]));
  const head = ['Outcome', 'Factor', 'Kind', ...[...new Set(a.indices.map((r) => r.index))]];
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
      return `<tr><td>${esc(titles.get(outcome))}</td><td>${esc(factorTitle(factor))}</td><td>${esc(any.kind)}</td>${head
        .slice(3)
        .map((i) => {
          const r = c.get(i);
          return `<td class="num">${r ? `${f2(r.estimate)} (${f2(r.lo)} to ${f2(r.hi)})` : ''}</td>`;
        })
        .join('')}</tr>`;
    });
  return `<table><thead><tr>${head.map((h) => `<th>${esc(h)}</th>`).join('')}</tr></thead><tbody>${rows.join('')}</tbody></table>`;
}

function factorsTable(a: ExploreAnalysis): string {
  const rows = a.design.factors.map((f) => `<tr><td>${esc(factorTitle(f.path))}</td><td>${esc(f.path)}</td><td>${esc(f.kind)}</td><td class="num">${f.from}</td><td class="num">${f.to}</td></tr>`);
  return `<table><thead><tr><th>Factor</th><th>Parameter</th><th>Kind</th><th>From</th><th>To</th></tr></thead><tbody>${rows.join('')}</tbody></table>`;
}

function methodNote(a: ExploreAnalysis): string {
  const { method, size, factors } = a.design;
  const points = a.x.length / factors.length;
  const how =
    method === 'sobol'
      ? `Sobol’ indices from a Saltelli (2010) design of ${size} base rows on a Sobol’ sequence (Joe & Kuo direction numbers), ${points} points: first order by the Saltelli (2010) estimator, total by Jansen’s (1999).`
      : method === 'morris'
        ? `Morris (1991) screening: ${size} trajectories of ${factors.length + 1} points on a ${a.design.levels}-level grid (${points} points)${a.design.candidates ? `, the ${size} best spread of ${a.design.candidates} drawn (Campolongo, Cariboni & Saltelli 2007)` : ''}; μ* is the mean absolute elementary effect (Campolongo, Cariboni & Saltelli 2007), σ their standard deviation.`
        : `A Latin hypercube of ${points} points; standardised rank regression coefficients.`;
  return `<p class="note">${esc(how)} Intervals: 95 % percentile bootstrap, ${a.design.bootstrap} resamples (on a Sobol’ design they err on the wide side). Every point runs ${a.replications} replications with common random numbers (replicate r meets the same network and people at every point); the point’s outcome pools them. An initiative that never reached the threshold is censored at week ${a.scenario.horizon}: the RMST is the area under its Kaplan–Meier curve up to the horizon.</p>`;
}

/**
 * The explore part of a results folder: indices.csv, boxes.csv and the other explore files, the
 * explore charts (charts/*.vl.json, .svg and, unless `png` is false, .png), and report.html in plain sentences.
 */
export async function buildExploreReport(dir: string, options: { png?: boolean } = {}): Promise<{ report: string; analysis: ExploreAnalysis }> {
  const a = loadExplore(dir);
  writeExploreFiles(dir, a);
  const chartDir = join(dir, 'charts');
  mkdirSync(chartDir, { recursive: true });
  const files: ChartFiles[] = [];
  for (const chart of exploreCharts(a)) files.push(await writeChart(chartDir, chart, options));
  const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as Manifest;
  const s = a.scenario;
  const html = `${pageStart(`${s.name} — draagvlak explore report`, s.question || s.name, s.name, s.description ?? '')}
<section class="summary"><h2>In short</h2>${exploreSentences(a).map((t) => `<p>${esc(t)}</p>`).join('\n')}</section>
<h2>What was explored</h2>
${factorsTable(a)}
${methodNote(a)}
<h2>Charts</h2>
${figuresHtml(files)}
<h2>Indices</h2>
${indicesTable(a)}
<p class="note">Also in indices.csv, boxes.csv (the chosen PRIM box), prim-trajectory.csv, explore-outcomes.csv (mean, sd, share of run-to-run noise, censored points) and explore-points.csv (every point’s factors and outcomes).</p>
${manifestSection(manifest)}
</body></html>
`;
  const report = join(dir, 'report.html');
  writeFileAtomic(report, html);
  return { report, analysis: a };
}
