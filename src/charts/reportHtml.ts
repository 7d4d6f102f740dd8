import type { PairedContrast } from '../analysis/contrasts.js';
import type { PointSummary } from '../analysis/pointSummary.js';
import type { Manifest, ResultSet } from '../analysis/results.js';
import type { ChartFiles } from './render.js';
import { escapeHtml as esc, inlineSvg } from './escape.js';
import { DIGITS, effectCell, shownValue } from './effects.js';
import { meanWeekCell, type Opening } from './sentences.js';
import { parameterTitle, percent } from './theme.js';

export interface ReportInput {
  results: ResultSet;
  summaries: PointSummary[];
  contrasts: PairedContrast[];
  charts: ChartFiles[];
  opening: Opening;
  labels: Map<number, string>;
  groupTitle: string;
  /** Further sections, as HTML, placed after the paired differences (e.g. rehearsed plans). */
  extra?: string;
}

export const STYLE = `
body{font-family:'DejaVu Sans',system-ui,sans-serif;color:#1a1a1a;max-width:1000px;margin:2rem auto;padding:0 1.2rem;line-height:1.5}
h1{font-size:1.7rem;margin-bottom:.2rem}h2{margin-top:2.2rem;border-bottom:1px solid #ddd;padding-bottom:.2rem}
.lead{color:#444;margin-top:.2rem}.summary p{font-size:1.05rem}
table{border-collapse:collapse;margin:.8rem 0;font-size:.92rem;display:block;overflow-x:auto;max-width:100%}th,td{border-bottom:1px solid #e3e3e3;padding:.3rem .7rem;text-align:left;vertical-align:top}
th{background:#f5f5f5;font-size:.85rem}td.num{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}td:first-child{min-width:7rem}
figure{margin:1.5rem 0 2.2rem}figure svg{max-width:100%;height:auto}figcaption{color:#333;max-width:780px}
.files{font-size:.85rem;color:#555}dl{display:grid;grid-template-columns:max-content 1fr;gap:.2rem 1rem}dt{font-weight:bold}dd{margin:0;word-break:break-all}
table.short td:first-child{min-width:0}pre{background:#f7f7f7;padding:.8rem;overflow:auto;font-size:.8rem}.note{color:#555;font-size:.9rem}`;

function str(v: unknown): string {
  if (v === undefined || v === null) return '';
  return typeof v === 'object' ? JSON.stringify(v) : String(v);
}

/** The table of points: what sets each apart, and what came of it. */
function pointsTable(input: ReportInput): string {
  const { results, summaries, labels, groupTitle } = input;
  // a varied column that only repeats each point's label (e.g. the compared strategy) is left out
  const varied = results.varied.filter((v) => summaries.some((s) => s.point.values[v] !== s.point.label));
  const head = [
    groupTitle, ...varied.map(parameterTitle), 'Runs', 'Initiatives', `Reached by week ${results.horizon} (95 % interval)`,
    `Mean reach week (95 % interval; never = ${results.horizon})`, 'Formalised', `Coherent success (formalised, alignment ≥ ${alignedAtText(summaries)})`, 'Final trust (0–1)',
  ];
  const rows = summaries.map((s) => [
    `<td>${esc(labels.get(s.point.index))}</td>`,
    ...varied.map((v) => `<td class="num">${esc(shownValue(s.point.values[v]))}</td>`),
    `<td class="num">${s.runs}</td>`,
    `<td class="num">${s.initiatives}</td>`,
    `<td class="num">${s.initiatives > 0 ? `${percent(s.reach.estimate)} (${Math.round(s.reach.lo * 100)}–${percent(s.reach.hi)})` : ''}</td>`,
    `<td class="num">${esc(meanWeekCell(s))}</td>`,
    `<td class="num">${Number.isFinite(s.formalisedShare) ? percent(s.formalisedShare) : ''}</td>`,
    `<td class="num">${Number.isFinite(s.coherentShare) ? percent(s.coherentShare) : ''}</td>`,
    `<td class="num">${s.trustGovFinal === null ? '' : s.trustGovFinal.toFixed(2)}</td>`,
  ].join(''));
  return `<table><thead><tr>${head.map((h) => `<th>${esc(h)}</th>`).join('')}</tr></thead><tbody>${rows.map((r) => `<tr>${r}</tr>`).join('')}</tbody></table>`;
}

/** The alignment coherent success is counted at: one value, or "the point's" when points differ. */
function alignedAtText(summaries: readonly PointSummary[]): string {
  const values = new Set(summaries.map((s) => s.alignedAt));
  return values.size === 1 ? String([...values][0]) : "the point's alignedAt";
}

/** The strategy of a single-point scenario, parameter by parameter. */
function strategyTable(strategy: unknown): string {
  if (!strategy || typeof strategy !== 'object') return '';
  const rows = Object.entries(strategy as Record<string, unknown>)
    .map(([k, v]) => `<tr><td>${esc(parameterTitle(`strategy.${k}`))}</td><td class="num">${esc(str(v))}</td></tr>`)
    .join('');
  return `<h3>Strategy</h3><table><thead><tr><th>Lever</th><th>Value</th></tr></thead><tbody>${rows}</tbody></table>`;
}

function contrastTable(input: ReportInput): string {
  const { contrasts, labels, results } = input;
  if (contrasts.length === 0 || contrasts.length > 40) return '';
  const iv = (d: { mean: number; lo: number | null; hi: number | null } | null, k: number, digits: number) => (d ? esc(effectCell(d, k, digits)) : '');
  const rows = contrasts.map((c) =>
    `<tr><td>${esc(labels.get(c.point))}</td><td class="num">${c.pairs}</td><td class="num">${iv(c.differences.reachShare, 100, DIGITS.points)}</td>` +
      `<td class="num">${iv(c.differences.meanReachWeek, 1, DIGITS.weeks)}</td><td class="num">${iv(c.differences.trustGovFinal, 1, DIGITS.level)}</td></tr>`,
  ).join('');
  return `<h2>Paired differences</h2>
<p>Each row is compared with “${esc(labels.get(contrasts[0].reference))}” replicate by replicate: the same replicate number means the same seed, so the same simulated neighbourhoods and people. Mean difference with its 95 % t-interval.</p>
<table><thead><tr><th>${esc(input.groupTitle)}</th><th>Pairs</th><th>Reached by week ${results.horizon} (percentage points)</th><th>Mean reach week (weeks; never = ${results.horizon})</th><th>Final trust in government (0–1)</th></tr></thead><tbody>${rows}</tbody></table>`;
}

export function manifestSection(manifest: Manifest): string {
  // field names as the run pipeline writes them, and a few likely others
  const at = (path: string): unknown => path.split('.').reduce<unknown>((o, k) => (o && typeof o === 'object' ? (o as Record<string, unknown>)[k] : undefined), manifest);
  const pick = (...paths: string[]) => paths.map(at).find((v) => v !== undefined && v !== null && v !== '');
  const fields: [string, unknown][] = [
    ['Scenario file', pick('scenario.file')],
    ['Seed', pick('seed', 'scenario.resolved.seed', 'scenario.seed')],
    ['Version', pick('version', 'packageVersion')],
    ['Commit', pick('gitCommit', 'commit')],
    ['Scenario hash (SHA-256)', pick('scenario.hash', 'hash', 'scenarioHash')],
    ['Runs', pick('runs', 'runCount')],
    ['Failed runs', pick('failures')],
    ['Started', pick('execution.startedAt', 'startedAt', 'started')],
    ['Finished', pick('execution.finishedAt', 'finishedAt', 'finished')],
    ['Workers', pick('execution.workers')],
    ['Node', pick('execution.node', 'node', 'nodeVersion')],
    ['Complete', pick('complete')],
  ];
  // The report's own files are listed by the report step itself: left out, so a rebuilt report reads the same.
  const { reportFiles: _own, ...rest }: Record<string, unknown> = { ...manifest };
  const resolved = (manifest.scenario as Record<string, unknown> | undefined)?.resolved ?? manifest.scenario;
  if (manifest.scenario && typeof manifest.scenario === 'object' && 'resolved' in manifest.scenario) {
    rest.scenario = { ...manifest.scenario, resolved: '(below)' };
  } else delete rest.scenario;
  return `<h2>Provenance</h2><dl>${fields
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => `<dt>${esc(k)}</dt><dd>${esc(str(v))}</dd>`)
    .join('')}</dl>
<details><summary>Full manifest</summary><pre>${esc(JSON.stringify(rest, null, 2))}</pre></details>
<details><summary>Resolved scenario</summary><pre>${esc(JSON.stringify(resolved ?? {}, null, 2))}</pre></details>`;
}

const paragraphs = (sentences: readonly string[]) => sentences.map((s) => `<p>${esc(s)}</p>`).join('\n');

/**
 * The opening of a report page, up to its lead: self-contained (inline CSS, no scripts, nothing
 * fetched, as the Content-Security-Policy says), the question as its heading.
 */
export function pageStart(title: string, heading: string, name: string, description: string): string {
  return `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src 'self' data:">
<title>${esc(title)}</title><style>${STYLE}</style></head>
<body>
<h1>${esc(heading)}</h1>
<p class="lead">Scenario <strong>${esc(name)}</strong>${description ? ` — ${esc(description)}` : ''}</p>`;
}

/** The charts as figures: inline SVG, the caption, and links to the chart's files (the PNG only when written). */
export function figuresHtml(charts: readonly ChartFiles[]): string {
  return charts
    .map((c, i) => `<figure id="${esc(c.chart.name)}">${inlineSvg(c.svg, `chart${i}`, c.chart.title)}
<figcaption>${esc(c.chart.caption)} <span class="files">Files: ${c.pngPath ? `<a href="charts/${esc(c.chart.name)}.png">PNG</a> · ` : ''}<a href="charts/${esc(c.chart.name)}.svg">SVG</a> · <a href="charts/${esc(c.chart.name)}.vl.json">Vega-Lite</a></span></figcaption></figure>`)
    .join('\n');
}

/** The whole report page: self-contained (inline SVG and CSS, no scripts, nothing fetched). */
export function reportHtml(input: ReportInput): string {
  const scenario = input.results.scenario;
  const name = str(scenario.name) || 'draagvlak results';
  const question = str(scenario.question);
  const description = str(scenario.description);
  return `${pageStart(`${name} — draagvlak report`, question || name, name, description)}
<section class="summary" id="in-short"><h2>In short</h2>${paragraphs(input.opening.sentences)}${input.opening.table}${paragraphs(input.opening.after)}</section>
<h2>${input.results.varied.length > 0 ? 'What was varied' : 'What was run'}</h2>
${pointsTable(input)}
${input.results.varied.length === 0 && input.summaries.length === 1 ? strategyTable(scenario.strategy) : ''}
<h2>Charts</h2>
${figuresHtml(input.charts)}
${contrastTable(input)}
${input.extra ?? ''}
<h2>How to read the numbers</h2>
<p class="note">Reach curves are Kaplan–Meier estimates of the share of initiatives that have reached the support threshold by each week; an initiative that never reached it is censored at week ${input.results.horizon}. Their bands are pointwise 95 % intervals from Greenwood's variance on the log(−log) scale. The chance of reaching the threshold by the horizon has a 95 % Wilson interval; the median reach week (summary.csv) has the Brookmeyer–Crowley interval read off the band. These treat initiatives as independent, while initiatives of one run share officials and a strategy, so they may be a little too narrow. How soon initiatives get there is told by one statistic throughout, in sentences, tables and charts: the mean reach week restricted to the horizon — per run, the mean week its initiatives reached the threshold, one that never did counting as week ${input.results.horizon} — averaged over runs, with a t-interval over runs. The paired differences work run by run and carry no independence assumption: they use a t-interval over replicates. A point is called best only when its interval lies clear of every other point's; the replications that would separate two points are estimated from how intervals narrow, as 1/√replications.</p>
${manifestSection(input.results.manifest)}
</body></html>
`;
}
