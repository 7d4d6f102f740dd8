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

/** A point's mean reach week for a table cell or sentence: "80.1 (78.0 to 82.2)". */
export function meanWeekCell(s: PointSummary): string {
  const { mean, lo, hi } = s.meanReachWeek;
  if (!Number.isFinite(mean)) return '';
  return lo === null || hi === null ? fixed(mean, DIGITS.weeks) : `${fixed(mean, DIGITS.weeks)} (${fixed(lo, DIGITS.weeks)} to ${fixed(hi, DIGITS.weeks)})`;
}

/** The ranking of points: the highest share reaching the threshold first; on a tie, the sooner mean reach week. */
const byReach = (a: PointSummary, b: PointSummary) => b.reach.estimate - a.reach.estimate || a.meanReachWeek.mean - b.meanReachWeek.mean;

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
  const ranked = summaries.filter((s) => s.initiatives > 0).sort(byReach);
  if (ranked.length < 2) return null;
  const [top, ...rest] = ranked;
  const overlapping = rest.filter((s) => s.reach.hi >= top.reach.lo);
  if (overlapping.length === 0) {
    return `${name(top.point.index)} is best at reaching the threshold: its 95 % interval (${Math.round(top.reach.lo * 100)}–${percent(top.reach.hi)}) lies above every other ${noun}'s.`;
  }
  const same = overlapping.filter((s) => s.reach.estimate === top.reach.estimate);
  const runner = overlapping.find((s) => s.reach.estimate !== top.reach.estimate);
  const half = (s: PointSummary) => (s.reach.hi - s.reach.lo) / 2;
  const needed = runner ? replicationsToSeparate(top.reach.estimate - runner.reach.estimate, half(top), half(runner), top.runs) : null;
  const others = rest.length === 1 ? `the other ${noun}` : overlapping.length === rest.length ? `any of the other ${rest.length} ${plural(noun)}` : `${overlapping.length} of the other ${rest.length} ${plural(noun)}`;
  let text = `No ${noun} is best: ${name(top.point.index)}, with the highest share (${percent(top.reach.estimate)}), cannot be told apart from ${others} at this number of replications ` +
    `(${top.runs} per ${noun}) — their 95 % intervals overlap its own.`;
  if (same.length > 0) text += ` ${same.length === 1 ? `${name(same[0].point.index)} has` : `${same.length} of them have`} the same share, which no number of replications would separate (the table's mean reach week ranks them).`;
  if (runner && needed !== null) {
    text += ` About ${needed} replications per ${noun} would separate it from ${name(runner.point.index)} (${percent(runner.reach.estimate)}) if both shares stay as they are ` +
      '(intervals narrow as 1/√replications: n × ((half-width₁ + half-width₂) / difference)²).';
  }
  return text;
}

/** "strategy" → "strategies", "setting" → "settings". */
const plural = (noun: string) => (noun.endsWith('y') ? `${noun.slice(0, -1)}ies` : `${noun}s`);

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
    const ranked = [...summaries].sort(byReach);
    const high = ranked[0];
    const low = ranked[ranked.length - 1];
    out.push(
      `Across the ${summaries.length} ${plural(noun)}, the share of initiatives that reached the threshold by week ${horizon} ranged from ` +
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
