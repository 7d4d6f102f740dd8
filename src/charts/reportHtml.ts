import type { PairedContrast } from '../analysis/contrasts.js';
import type { PointSummary } from '../analysis/pointSummary.js';
import type { Manifest, ResultSet } from '../analysis/results.js';
import type { ScenarioWords } from '../scenario/types.js';
import type { ChartFiles } from './render.js';
import { escapeHtml as esc, inlineSvg } from './escape.js';
import { DIGITS, effectCell, pointName, variedValue } from './effects.js';
import { meanWeekCell, type Opening } from './sentences.js';
import { parameterTitle, percent } from './theme.js';
import { decimal, glossaryEntries, words, type Lang, type Words } from './words.js';

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
  /** The words of the report, in its language. */
  w: Words;
}

/**
 * The report's style. A table keeps to the text's column while its columns fit there with their
 * headings wrapped; one that cannot grows into the right margin, up to the window's edge, and only
 * past that scrolls (the steering sweep's table of points needs 1 035 px in Dutch).
 */
export const STYLE = `
body{font-family:'DejaVu Sans',system-ui,sans-serif;color:#1a1a1a;max-width:1000px;margin:2rem auto;padding:0 1.2rem;line-height:1.5}
h1{font-size:1.7rem;margin-bottom:.2rem}h2{margin-top:2.2rem;border-bottom:1px solid #ddd;padding-bottom:.2rem}
.lead{color:#444;margin-top:.2rem}.summary p{font-size:1.05rem}
table{border-collapse:collapse;margin:.8rem 0;font-size:.92rem;display:block;overflow-x:auto;width:fit-content;max-width:max(100%,calc((100vw + 100%)/2 - 1.2rem))}th,td{border-bottom:1px solid #e3e3e3;padding:.3rem .55rem;text-align:left;vertical-align:top}
th{background:#f5f5f5;font-size:.85rem}td.num{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}td:first-child{min-width:6rem}
figure{margin:1.5rem 0 2.2rem}figure svg{max-width:100%;height:auto}figcaption{color:#333;max-width:780px}
.files{font-size:.85rem;color:#555}dl{display:grid;grid-template-columns:max-content 1fr;gap:.2rem 1rem}dt{font-weight:bold}dd{margin:0;word-break:break-all}
table.short td:first-child{min-width:0}pre{background:#f7f7f7;padding:.8rem;overflow:auto;font-size:.8rem}.note{color:#555;font-size:.9rem}`;

function str(v: unknown): string {
  if (v === undefined || v === null) return '';
  return typeof v === 'object' ? JSON.stringify(v) : String(v);
}

/**
 * The scenario's name, description and question for a reader in `lang`: its own translation
 * (translations.nl) where it gives one, else as written; and its translation of the names it gives.
 */
export function scenarioWords(scenario: object, lang: Lang): { name: string; description: string; question: string; names?: Record<string, string> } {
  const s = scenario as Record<string, unknown>;
  const own = lang === 'en' ? undefined : (s.translations as Partial<Record<Lang, ScenarioWords>> | undefined)?.[lang];
  return { name: own?.name ?? str(s.name), description: own?.description ?? str(s.description), question: own?.question ?? str(s.question), names: own?.names };
}

/** The table of points: what sets each apart, and what came of it. */
function pointsTable(input: ReportInput, w: Words): string {
  const { results, summaries, labels, groupTitle } = input;
  // a varied column that only repeats each point's label (e.g. the compared strategy) is left out
  const varied = results.varied.filter((v) => summaries.some((s) => s.point.values[v] !== s.point.label));
  // a point of a plain sweep is named by its swept values ("steering=0.5 participation=0.2"), one of
  // strategies and plans by them ("classic evening in week 4"); where the name says only what the
  // columns show (not a point number added to tell two apart), the name's column is left out
  const restated = (label: string | undefined, values: Record<string, string>) => label === pointName(results.varied, values, w);
  const named = varied.length === 0 || !summaries.every((s) => restated(labels.get(s.point.index), s.point.values));
  // runs and initiatives the same in every row (a whole folder) are said once, under the table
  const counts = new Set(summaries.map((s) => `${s.runs} ${s.initiatives}`)).size > 1;
  const head = [
    ...(named ? [groupTitle] : []), ...varied.map((v) => (v === 'strategy' ? w.groupStrategy : v === 'plan' ? w.plan : parameterTitle(v, w.lang))), ...(counts ? [w.runs, w.initiatives] : []), w.reachedByWeekInterval(results.horizon),
    w.meanReachWeekNever(results.horizon), w.formalised, w.coherentSuccessAt(alignedAtText(summaries, w)), w.finalTrust, w.whoJoins,
  ];
  const rows = summaries.map((s) => [
    ...(named ? [`<td>${esc(labels.get(s.point.index))}</td>`] : []),
    // a strategy's or plan's name is text, set to the left; a swept value a number
    ...varied.map((v) => `<td${v === 'strategy' || v === 'plan' ? '' : ' class="num"'}>${esc(variedValue(v, s.point.values[v], w))}</td>`),
    ...(counts ? [`<td class="num">${s.runs}</td>`, `<td class="num">${s.initiatives}</td>`] : []),
    `<td class="num">${s.initiatives > 0 ? `${percent(s.reach.estimate)} (${Math.round(s.reach.lo * 100)}–${percent(s.reach.hi)})` : ''}</td>`,
    `<td class="num">${esc(meanWeekCell(s, w))}</td>`,
    `<td class="num">${Number.isFinite(s.formalisedShare) ? percent(s.formalisedShare) : ''}</td>`,
    `<td class="num">${Number.isFinite(s.coherentShare) ? percent(s.coherentShare) : ''}</td>`,
    `<td class="num">${s.trustGovFinal === null ? '' : decimal(s.trustGovFinal.toFixed(2), w.lang)}</td>`,
    `<td class="num">${s.participationDissimilarity === null ? '' : decimal(s.participationDissimilarity.toFixed(3), w.lang)}</td>`,
  ].join(''));
  const once = counts || summaries.length === 0 ? '' : `\n<p class="note">${esc(w.eachRow(summaries[0].runs, summaries[0].initiatives))}</p>`;
  return `<table><thead><tr>${head.map((h) => `<th>${esc(h)}</th>`).join('')}</tr></thead><tbody>${rows.map((r) => `<tr>${r}</tr>`).join('')}</tbody></table>${once}`;
}

/**
 * What came after formalising, per point — only when some initiative realised its plan, failed or
 * lost members to dissatisfaction (mechanism realisation; docs/ODD.md §7.6c).
 */
function realisationTable(input: ReportInput, w: Words): string {
  const { summaries, labels, groupTitle } = input;
  if (!summaries.some((s) => s.afterFormalising.delivered + s.afterFormalising.failed + s.afterFormalising.droppedOut > 0)) return '';
  const share = (n: number, of: number) => (of > 0 ? percent(n / of) : '');
  const rows = summaries.map((s) => {
    const a = s.afterFormalising;
    return `<tr><td>${esc(labels.get(s.point.index))}</td><td class="num">${a.formalised}</td><td class="num">${share(a.delivered, a.formalised)}</td>` +
      `<td class="num">${share(a.failed, a.formalised)}</td><td class="num">${a.weeksToDelivery === null ? '' : decimal(a.weeksToDelivery.toFixed(DIGITS.weeks), w.lang)}</td>` +
      `<td class="num">${share(a.droppedOut, a.membersAtFormalisation)}</td></tr>`;
  }).join('');
  const head = [groupTitle, w.formalised, w.ofThoseDelivered, w.ofThoseFailed, w.weeksToDelivery, w.droppedOutShare];
  return `<h2>${w.afterFormalising}</h2>
<p>${esc(w.afterFormalisingNote(input.results.horizon))}</p>
<table><thead><tr>${head.map((h) => `<th>${esc(h)}</th>`).join('')}</tr></thead><tbody>${rows}</tbody></table>`;
}

/** The alignment coherent success is counted at: one value, or "the point's" when points differ. */
function alignedAtText(summaries: readonly PointSummary[], w: Words): string {
  const values = new Set(summaries.map((s) => s.alignedAt));
  return values.size === 1 ? decimal(String([...values][0]), w.lang) : w.pointsAlignedAt;
}

/** The strategy of a single-point scenario, parameter by parameter. */
function strategyTable(strategy: unknown, w: Words): string {
  if (!strategy || typeof strategy !== 'object') return '';
  const rows = Object.entries(strategy as Record<string, unknown>)
    .map(([k, v]) => `<tr><td>${esc(parameterTitle(`strategy.${k}`, w.lang))}</td><td class="num">${esc(str(v))}</td></tr>`)
    .join('');
  return `<h3>${w.strategyHeading}</h3><table><thead><tr><th>${w.lever}</th><th>${w.value}</th></tr></thead><tbody>${rows}</tbody></table>`;
}

function contrastTable(input: ReportInput, w: Words): string {
  const { contrasts, labels, results } = input;
  if (contrasts.length === 0 || contrasts.length > 40) return '';
  const iv = (d: { mean: number; lo: number | null; hi: number | null } | null, k: number, digits: number) => (d ? esc(effectCell(d, k, digits, w)) : '');
  const rows = contrasts.map((c) =>
    `<tr><td>${esc(labels.get(c.point))}</td><td class="num">${c.pairs}</td><td class="num">${iv(c.differences.reachShare, 100, DIGITS.points)}</td>` +
      `<td class="num">${iv(c.differences.meanReachWeek, 1, DIGITS.weeks)}</td><td class="num">${iv(c.differences.trustGovFinal, 1, DIGITS.level)}</td></tr>`,
  ).join('');
  return `<h2>${w.pairedHeading}</h2>
<p>${w.pairedNote(esc(labels.get(contrasts[0].reference)))}</p>
<table><thead><tr><th>${esc(input.groupTitle)}</th><th>${w.pairs}</th><th>${w.reachedByWeekPoints(results.horizon)}</th><th>${w.meanReachWeekWeeks(results.horizon)}</th><th>${w.finalTrustGov}</th></tr></thead><tbody>${rows}</tbody></table>`;
}

export function manifestSection(manifest: Manifest, w: Words = words()): string {
  // field names as the run pipeline writes them, and a few likely others
  const at = (path: string): unknown => path.split('.').reduce<unknown>((o, k) => (o && typeof o === 'object' ? (o as Record<string, unknown>)[k] : undefined), manifest);
  const pick = (...paths: string[]) => paths.map(at).find((v) => v !== undefined && v !== null && v !== '');
  const fields: [string, unknown][] = [
    [w.mScenarioFile, pick('scenario.file')],
    [w.mSeed, pick('seed', 'scenario.resolved.seed', 'scenario.seed')],
    [w.mVersion, pick('version', 'packageVersion')],
    [w.mCommit, at('gitModified') === true ? `${str(pick('gitCommit', 'commit'))} (${w.mModified})` : pick('gitCommit', 'commit')],
    [w.mHash, pick('scenario.hash', 'hash', 'scenarioHash')],
    [w.mRuns, pick('runs', 'runCount')],
    [w.mFailed, pick('failures')],
    [w.mStarted, pick('execution.startedAt', 'startedAt', 'started')],
    [w.mFinished, pick('execution.finishedAt', 'finishedAt', 'finished')],
    [w.mWorkers, pick('execution.workers')],
    [w.mNode, pick('execution.node', 'node', 'nodeVersion')],
    [w.mComplete, typeof at('complete') === 'boolean' ? (at('complete') ? w.mYes : w.mNo) : pick('complete')],
  ];
  // The report's own files are listed by the report step itself: left out, so a rebuilt report reads the same.
  const { reportFiles: _own, ...rest }: Record<string, unknown> = { ...manifest };
  const resolved = (manifest.scenario as Record<string, unknown> | undefined)?.resolved ?? manifest.scenario;
  if (manifest.scenario && typeof manifest.scenario === 'object' && 'resolved' in manifest.scenario) {
    rest.scenario = { ...manifest.scenario, resolved: '(below)' };
  } else delete rest.scenario;
  return `<h2>${w.provenance}</h2><dl>${fields
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => `<dt>${esc(k)}</dt><dd>${esc(str(v))}</dd>`)
    .join('')}</dl>
<details><summary>${w.fullManifest}</summary><pre>${esc(JSON.stringify(rest, null, 2))}</pre></details>
<details><summary>${w.resolvedScenario}</summary><pre>${esc(JSON.stringify(resolved ?? {}, null, 2))}</pre></details>`;
}

const paragraphs = (sentences: readonly string[]) => sentences.map((s) => `<p>${esc(s)}</p>`).join('\n');

/**
 * The opening of a report page, up to its lead: self-contained (inline CSS, no scripts, nothing
 * fetched, as the Content-Security-Policy says), the question as its heading; in the language of `w`.
 */
export function pageStart(title: string, heading: string, name: string, description: string, w: Words = words()): string {
  return `<!DOCTYPE html>
<html lang="${w.lang}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src 'self' data:">
<title>${esc(title)}</title><style>${STYLE}</style></head>
<body>
<h1>${esc(heading)}</h1>
<p class="lead">${w.scenarioLead} <strong>${esc(name)}</strong>${description ? ` — ${esc(description)}` : ''}</p>`;
}

/** The charts as figures: inline SVG, the caption, and links to the chart's files (the PNG only when written). */
export function figuresHtml(charts: readonly ChartFiles[], w: Words = words()): string {
  return charts
    .map((c, i) => `<figure id="${esc(c.chart.name)}">${inlineSvg(c.svg, `chart${i}`, c.chart.title)}
<figcaption>${esc(c.chart.caption)} <span class="files">${w.files} ${c.pngPath ? `<a href="charts/${esc(c.chart.name)}.png">PNG</a> · ` : ''}<a href="charts/${esc(c.chart.name)}.svg">SVG</a> · <a href="charts/${esc(c.chart.name)}.vl.json">Vega-Lite</a></span></figcaption></figure>`)
    .join('\n');
}

/** The whole report page: self-contained (inline SVG and CSS, no scripts, nothing fetched); in the language of `input.w`. */
export function reportHtml(input: ReportInput): string {
  const w = input.w;
  const scenario = input.results.scenario;
  const own = scenarioWords(scenario, w.lang);
  const name = own.name || w.resultsName;
  const { question, description } = own;
  return `${pageStart(w.reportTitle(name), question || name, name, description, w)}
<section class="summary" id="in-short"><h2>${w.inShort}</h2>${paragraphs(input.opening.sentences)}${input.opening.table}${paragraphs(input.opening.after)}</section>
<h2>${input.results.varied.length > 0 ? w.whatVaried : w.whatRun}</h2>
${pointsTable(input, w)}
${realisationTable(input, w)}
${input.results.varied.length === 0 && input.summaries.length === 1 ? strategyTable(scenario.strategy, w) : ''}
<h2>${w.charts}</h2>
${figuresHtml(input.charts, w)}
${contrastTable(input, w)}
${input.extra ?? ''}
<h2>${w.howToRead}</h2>
<p class="note">${w.howToReadNote(input.results.horizon)}</p>
${w.lang === 'en' ? '' : glossarySection(w)}${manifestSection(input.results.manifest, w)}
</body></html>
`;
}

/** The glossary of a report not in English: the field's Dutch terms and the report's own, explained (words kept whole, unlike the manifest's hashes). */
export function glossarySection(w: Words): string {
  return `<h2 id="glossary">${w.glossary}</h2>\n<dl class="glossary">${glossaryEntries(w.lang)
    .map((e) => e.split(' — '))
    .map(([term, ...rest]) => `<dt>${esc(term)}</dt><dd style="word-break:normal">${esc(rest.join(' — '))}</dd>`)
    .join('')}</dl>\n`;
}
