import type { PairedContrast } from '../analysis/contrasts.js';
import type { PointSummary } from '../analysis/pointSummary.js';
import { GROUP_NAMES, isRecord } from '../scenario/paths.js';
import { strategyDifferences } from '../scenario/strategyDifferences.js';
import type { Scenario } from '../scenario/types.js';
import { DIGITS, effectText, fixed, replicationsToSeparate } from './effects.js';
import { escapeHtml as esc } from './escape.js';
import { percent } from './theme.js';

/** The report's opening ("In short"): sentences, a ranked table (HTML; empty up to three points or plans), and sentences after it. */
export interface Opening {
  sentences: string[];
  table: string;
  after: string[];
}

/** "72 % of initiatives by week 156 (95 % interval 65–78 %)". */
export function reachPhrase(s: PointSummary, horizon: number): string {
  if (!(s.initiatives > 0)) return 'no initiatives were recorded';
  const { estimate, lo, hi } = s.reach;
  return `${percent(estimate)} of initiatives by week ${horizon} (95 % interval ${Math.round(lo * 100)}–${percent(hi)})`;
}

/** A point's mean reach week for a table cell or sentence: "80.1 (78.0–82.2)". */
export function meanWeekCell(s: PointSummary): string {
  const { mean, lo, hi } = s.meanReachWeek;
  if (!Number.isFinite(mean)) return '';
  return lo === null || hi === null ? fixed(mean, DIGITS.weeks) : `${fixed(mean, DIGITS.weeks)} (${fixed(lo, DIGITS.weeks)}–${fixed(hi, DIGITS.weeks)})`;
}

/** Beyond this many points the opening ranks them in a table instead of naming each. */
export const MAX_NAMED = 3;
/** Rows of the opening's ranked table. */
export const RANKED_ROWS = 5;

/**
 * Whether the point with the highest share reaching the threshold can be called best: only when its
 * 95 % interval lies above every other point's. Otherwise, which points it cannot be told apart
 * from, and about how many replications per point would separate it from the runner-up.
 */
export function bestSentence(summaries: readonly PointSummary[], name: (i: number) => string, noun: string): string | null {
  const ranked = summaries.filter((s) => s.initiatives > 0).sort((a, b) => b.reach.estimate - a.reach.estimate);
  if (ranked.length < 2) return null;
  const [top, ...rest] = ranked;
  const overlapping = rest.filter((s) => s.reach.hi >= top.reach.lo);
  if (overlapping.length === 0) {
    return `${name(top.point.index)} is best at reaching the threshold: its 95 % interval (${Math.round(top.reach.lo * 100)}–${percent(top.reach.hi)}) lies above every other ${noun}'s.`;
  }
  const runner = overlapping[0];
  const half = (s: PointSummary) => (s.reach.hi - s.reach.lo) / 2;
  const needed = replicationsToSeparate(top.reach.estimate - runner.reach.estimate, half(top), half(runner), top.runs);
  const shown = overlapping.slice(0, 4).map((s) => name(s.point.index));
  const more = overlapping.length > 4 ? ` and ${overlapping.length - 4} more` : '';
  const how = needed === null
    ? `${name(top.point.index)} and ${name(runner.point.index)} have the same share, which no number of replications would separate`
    : `about ${needed} replications per ${noun} would separate ${name(top.point.index)} from ${name(runner.point.index)} if their shares stay at ${percent(top.reach.estimate)} and ${percent(runner.reach.estimate)} ` +
      '(intervals narrow as 1/√replications: n × ((half-width₁ + half-width₂) / difference)²)';
  return `No ${noun} is best: ${name(top.point.index)}, with the highest share, cannot be told apart from ${shown.join(', ')}${more} at this number of replications (${top.runs} per ${noun}) — their 95 % intervals overlap; ${how}.`;
}

/**
 * The opening of a report without plans. One statistic per question, the same as in the tables
 * and charts: how often — the share of initiatives reaching the threshold by the horizon (Wilson
 * interval); how soon — the restricted mean reach week (t interval over runs); and, against the
 * reference point, paired differences of the same per-run values. Up to three points by name;
 * beyond that a short table of the highest, ranked.
 */
export function pointOpening(summaries: readonly PointSummary[], contrasts: readonly PairedContrast[], labels: Map<number, string>, horizon: number, group: string): Opening {
  const name = (i: number) => `“${labels.get(i) ?? i}”`;
  const out: string[] = [];
  const noun = group.toLowerCase();
  const plural = noun === 'strategy' ? 'strategies' : `${noun}s`;
  let table = '';
  if (summaries.length === 1) {
    const s = summaries[0];
    out.push(`Initiatives reached the support threshold in ${reachPhrase(s, horizon)}; mean reach week ${meanWeekCell(s)} (never counting as week ${horizon}).`);
  } else if (summaries.length <= MAX_NAMED) {
    const [first, ...rest] = summaries;
    out.push(
      `The ${noun} ${name(first.point.index)} reached the threshold in ${reachPhrase(first, horizon)}` +
        `, against ${rest.map((s) => `${percent(s.reach.estimate)} for ${name(s.point.index)}`).join(' and ')}.`,
    );
    out.push(`Mean reach week (never counting as week ${horizon}): ${summaries.map((s) => `${meanWeekCell(s)} for ${name(s.point.index)}`).join(', ')}.`);
  } else {
    const ranked = [...summaries].sort((a, b) => b.reach.estimate - a.reach.estimate);
    const high = ranked[0];
    const low = ranked[ranked.length - 1];
    out.push(
      `Across the ${summaries.length} ${plural}, the share of initiatives that reached the threshold by week ${horizon} ranged from ` +
        `${percent(low.reach.estimate)} (${name(low.point.index)}) to ${percent(high.reach.estimate)} (${name(high.point.index)}). The ${Math.min(RANKED_ROWS, ranked.length)} highest:`,
    );
    const rows = ranked.slice(0, RANKED_ROWS).map((s, i) =>
      `<tr><td class="num">${i + 1}</td><td>${esc(labels.get(s.point.index))}</td><td class="num">${percent(s.reach.estimate)} (${Math.round(s.reach.lo * 100)}–${percent(s.reach.hi)})</td>` +
        `<td class="num">${esc(meanWeekCell(s))}</td><td class="num">${Number.isFinite(s.coherentShare) ? percent(s.coherentShare) : ''}</td></tr>`,
    );
    table = `<table class="short"><thead><tr><th>Rank</th><th>${esc(group)}</th><th>Reached by week ${horizon} (95 % interval)</th><th>Mean reach week (95 % interval)</th><th>Coherent success</th></tr></thead><tbody>${rows.join('')}</tbody></table>`;
  }
  const after: string[] = [];
  const best = bestSentence(summaries, name, noun);
  if (best) after.push(best);
  if (contrasts.length > 0 && summaries.length <= MAX_NAMED) {
    for (const c of contrasts) {
      const r = c.differences.reachShare;
      const w = c.differences.meanReachWeek;
      const t = c.differences.trustGovFinal;
      if (!r) continue;
      let text = `Against ${name(c.reference)}, replicate by replicate (${c.pairs} pairs of runs on the same simulated neighbourhoods), ${name(c.point)} reached the threshold ${effectText(r, 100, DIGITS.points, 'points')}`;
      if (w) text += `; mean reach week ${effectText(w, 1, DIGITS.weeks, 'weeks')}`;
      if (t) text += `; final trust in government ${effectText(t, 1, DIGITS.level, '')}`;
      after.push(text + '.');
    }
  }
  return { sentences: out, table, after };
}

/**
 * What, besides strategy, differs between the compared strategies of a resolved scenario (starting
 * conditions, neighbourhoods, environment, mechanisms), in a sentence; null when nothing does.
 */
export function nonStrategySentence(scenario: Record<string, unknown>): string | null {
  if (!Array.isArray(scenario.compare) || !GROUP_NAMES.every((g) => isRecord(scenario[g]))) return null;
  const differences = strategyDifferences(scenario as unknown as Scenario);
  if (differences.length === 0) return null;
  const shown = differences.slice(0, 4).map((d) => `${d.path} (${d.values.map((v) => `${JSON.stringify(v.value)} for “${v.strategy}”`).join(', ')})`);
  const more = differences.length > 4 ? ` and ${differences.length - 4} more` : '';
  return (
    `The compared strategies differ in more than strategy: ${shown.join('; ')}${more}. ` +
    'These are starting conditions or mechanisms, not levers of the manager, so part of any difference between the strategies comes from them.'
  );
}
