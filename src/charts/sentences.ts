import type { PairedContrast } from '../analysis/contrasts.js';
import type { PointSummary } from '../analysis/pointSummary.js';
import { GROUP_NAMES, isRecord } from '../scenario/paths.js';
import { strategyDifferences } from '../scenario/strategyDifferences.js';
import type { Scenario } from '../scenario/types.js';
import { DIGITS, effectText, fixed, replicationsToSeparate } from './effects.js';
import { escapeHtml as esc } from './escape.js';
import { percent } from './theme.js';
import { parameterInSentence } from './labels.js';
import { strategyName, words, type Words } from './words.js';

/** The report's opening ("In short"): sentences, a ranked table (HTML; empty up to three points or plans), and sentences after it. */
export interface Opening {
  sentences: string[];
  table: string;
  after: string[];
}

/** "72 % of initiatives by week 156 (95 % interval 65–78 %)". */
export function reachPhrase(s: PointSummary, horizon: number, w: Words = words()): string {
  if (!(s.initiatives > 0)) return w.noInitiatives;
  const { estimate, lo, hi } = s.reach;
  return w.reachPhrase(percent(estimate), horizon, Math.round(lo * 100), percent(hi));
}

/** A point's mean reach week for a table cell or sentence: "80.1 (78.0 to 82.2)". */
export function meanWeekCell(s: PointSummary, w: Words = words()): string {
  const { mean, lo, hi } = s.meanReachWeek;
  if (!Number.isFinite(mean)) return '';
  return lo === null || hi === null ? fixed(mean, DIGITS.weeks, w) : `${fixed(mean, DIGITS.weeks, w)} (${w.range(fixed(lo, DIGITS.weeks, w), fixed(hi, DIGITS.weeks, w))})`;
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
export function bestSentence(summaries: readonly PointSummary[], name: (i: number) => string, noun: string, w: Words = words()): string | null {
  const ranked = summaries.filter((s) => s.initiatives > 0).sort(byReach);
  if (ranked.length < 2) return null;
  const [top, ...rest] = ranked;
  const overlapping = rest.filter((s) => s.reach.hi >= top.reach.lo);
  if (overlapping.length === 0) {
    return w.best(name(top.point.index), Math.round(top.reach.lo * 100), percent(top.reach.hi), noun);
  }
  const same = overlapping.filter((s) => s.reach.estimate === top.reach.estimate);
  const runner = overlapping.find((s) => s.reach.estimate !== top.reach.estimate);
  const half = (s: PointSummary) => (s.reach.hi - s.reach.lo) / 2;
  const needed = runner ? replicationsToSeparate(top.reach.estimate - runner.reach.estimate, half(top), half(runner), top.runs) : null;
  const others = rest.length === 1 ? w.theOther(noun) : overlapping.length === rest.length ? w.anyOfOthers(rest.length, w.plural(noun)) : w.someOfOthers(overlapping.length, rest.length, w.plural(noun));
  let text = w.noneBest(noun, name(top.point.index), percent(top.reach.estimate), others, top.runs);
  if (same.length > 0) text += w.sameShare(same.length === 1 ? w.oneHas(name(same[0].point.index)) : w.someHave(same.length));
  if (runner && needed !== null) text += w.toSeparate(needed, noun, name(runner.point.index), percent(runner.reach.estimate));
  return text;
}

/**
 * The opening of a report without plans. One statistic per question, the same as in the tables
 * and charts: how often — the share of initiatives reaching the threshold by the horizon (Wilson
 * interval); how soon — the restricted mean reach week (t interval over runs); and, against the
 * reference point, paired differences of the same per-run values. Up to three points by name;
 * beyond that a short table of the highest, ranked.
 */
export function pointOpening(summaries: readonly PointSummary[], contrasts: readonly PairedContrast[], labels: Map<number, string>, horizon: number, group: string, w: Words = words()): Opening {
  const name = (i: number) => `“${labels.get(i) ?? i}”`;
  const out: string[] = [];
  const noun = group.toLowerCase();
  let table = '';
  if (summaries.length === 1) {
    const s = summaries[0];
    out.push(w.single(reachPhrase(s, horizon, w), meanWeekCell(s, w), horizon));
  } else if (summaries.length <= MAX_NAMED) {
    const [first, ...rest] = summaries;
    out.push(w.few(noun, name(first.point.index), reachPhrase(first, horizon, w), rest.map((s) => w.forName(percent(s.reach.estimate), name(s.point.index))).join(w.and)));
    out.push(w.meanWeeks(horizon, summaries.map((s) => w.forName(meanWeekCell(s, w), name(s.point.index))).join(', ')));
  } else {
    const ranked = [...summaries].sort(byReach);
    const high = ranked[0];
    const low = ranked[ranked.length - 1];
    const [lowP, highP, k] = [percent(low.reach.estimate), percent(high.reach.estimate), Math.min(RANKED_ROWS, ranked.length)];
    // every point at the same share (as shown): no lowest and highest to name
    out.push(lowP === highP ? w.manySame(summaries.length, w.plural(noun), horizon, lowP, k) : w.many(summaries.length, w.plural(noun), horizon, lowP, name(low.point.index), highP, name(high.point.index), k));
    const rows = ranked.slice(0, RANKED_ROWS).map((s, i) =>
      `<tr><td class="num">${i + 1}</td><td>${esc(labels.get(s.point.index))}</td><td class="num">${percent(s.reach.estimate)} (${Math.round(s.reach.lo * 100)}–${percent(s.reach.hi)})</td>` +
        `<td class="num">${esc(meanWeekCell(s, w))}</td><td class="num">${Number.isFinite(s.coherentShare) ? percent(s.coherentShare) : ''}</td></tr>`,
    );
    table = `<table class="short"><thead><tr><th>${w.rank}</th><th>${esc(group)}</th><th>${w.reachedByWeekInterval(horizon)}</th><th>${w.meanReachWeekInterval}</th><th>${w.coherentSuccess}</th></tr></thead><tbody>${rows.join('')}</tbody></table>`;
  }
  const after: string[] = [];
  const best = bestSentence(summaries, name, noun, w);
  if (best) after.push(best);
  if (contrasts.length > 0 && summaries.length <= MAX_NAMED) {
    for (const c of contrasts) {
      const r = c.differences.reachShare;
      const wk = c.differences.meanReachWeek;
      const t = c.differences.trustGovFinal;
      if (!r) continue;
      let text = w.against(name(c.reference), c.pairs, name(c.point), effectText(r, 100, DIGITS.points, w.points, w));
      if (wk) text += w.andMeanWeek(effectText(wk, 1, DIGITS.weeks, w.weeks, w));
      if (t) text += w.andFinalTrust(effectText(t, 1, DIGITS.level, '', w));
      after.push(text + '.');
    }
  }
  return { sentences: out, table, after };
}

/**
 * What, besides strategy, differs between the compared strategies of a resolved scenario (starting
 * conditions, neighbourhoods, environment, mechanisms), in a sentence; null when nothing does.
 */
export function nonStrategySentence(scenario: Record<string, unknown>, w: Words = words()): string | null {
  if (!Array.isArray(scenario.compare) || !GROUP_NAMES.every((g) => isRecord(scenario[g]))) return null;
  const differences = strategyDifferences(scenario as unknown as Scenario);
  if (differences.length === 0) return null;
  const shown = differences.slice(0, 4).map((d) => `${parameterInSentence(d.path, w.lang)} (${d.values.map((v) => w.differsFor(typeof v.value === 'number' ? v.value : JSON.stringify(v.value), strategyName(v.strategy, w))).join(', ')})`);
  const more = differences.length > 4 ? w.andMore(differences.length - 4) : '';
  return w.differences(`${shown.join('; ')}${more}`);
}
