import { hasPlans, interventionWeeks, planContrasts, type PlanContrast } from '../analysis/planContrasts.js';
import { halfWidth } from '../analysis/tInterval.js';
import { NO_INTERVENTION } from '../model/interventions/types.js';
import type { Chart } from './chart.js';
import type { ChartContext } from './context.js';
import type { Opening } from './sentences.js';
import { DIGITS, effectCell, effectText, fixed, pointName, replicationsToSeparate, variedValue, type Effect } from './effects.js';
import { escapeHtml as esc } from './escape.js';
import { interventionsTable } from './interventionsReport.js';
import { metricMeaning, planDifferencesChart, planReachChart } from './planCharts.js';
import { percent } from './theme.js';
import { parameterInSentence } from './labels.js';
import { shownName, type Words } from './words.js';

/** What rehearsed plans add to a report: charts, the opening sentences (and table) and a section of tables. */
export interface PlanReport {
  contrasts: PlanContrast[];
  charts: Chart[];
  opening: Opening;
  html: string;
}

/** The report's statistic for "how soon": the restricted mean reach week (OUTCOMES.mean_reach_week). */
export const REACH_WEEK_METRIC = 'mean_reach_week';
/** Up to this many plans, the opening says each in a sentence; beyond, in a ranked table. */
export const MAX_SENTENCES = 3;

const effect = (c: PlanContrast): Effect => ({ mean: c.estimate, lo: c.lo, hi: c.hi });
const sameGroup = (a: PlanContrast, b: PlanContrast) => JSON.stringify(a.group) === JSON.stringify(b.group);

/** A group (its strategy, its swept values) as a table cell and a sentence name it: as the charts' legends do, a swept value with its parameter (`steering=0.2`). */
function groupValues(group: Record<string, string>, w: Words): string {
  return pointName(Object.keys(group), group, w);
}

function groupPrefix(group: Record<string, string>, w: Words): string {
  const parts = Object.entries(group).map(([k, v]) => `${k === 'strategy' ? w.groupStrategy.toLowerCase() : parameterInSentence(k, w.lang)} ${variedValue(k, v, w)}`);
  return parts.length > 0 ? w.withGroup(parts.join(', ')) : '';
}

/** The contrast of `plan` against `baseline` on `metric`, in the group of `c`, turned round when stored the other way. */
function between(contrasts: readonly PlanContrast[], c: PlanContrast, plan: string, baseline: string, metric: string): PlanContrast | undefined {
  const found = contrasts.find((d) => sameGroup(d, c) && d.metric === metric && d.plan === plan && d.baseline === baseline);
  if (found) return found;
  const back = contrasts.find((d) => sameGroup(d, c) && d.metric === metric && d.plan === baseline && d.baseline === plan);
  return back && { ...back, plan, baseline, estimate: -back.estimate, lo: back.hi === null ? null : -back.hi, hi: back.lo === null ? null : -back.lo, planMean: back.baselineMean, baselineMean: back.planMean };
}

/**
 * Whether the plan that brings initiatives to the threshold soonest can be told apart from the
 * others, by the paired differences in mean reach week between plans; if not, about how many
 * replications would tell it from the runner-up. `vsNone`: the plans of one group against doing
 * nothing, which is itself ranked among them (at 0), so a plan is never called soonest when doing
 * nothing is sooner.
 */
function separationSentence(contrasts: readonly PlanContrast[], vsNone: readonly PlanContrast[], w: Words): string | null {
  if (vsNone.length < 2) return null; // one plan: the opening has already said it against doing nothing
  const none: PlanContrast = { ...vsNone[0], plan: NO_INTERVENTION, estimate: 0 };
  const ranked = [none, ...vsNone].sort((a, b) => a.estimate - b.estimate);
  const [best, ...rest] = ranked;
  const pairs = rest.map((o) => ({ other: o.plan, c: between(contrasts, best, best.plan, o.plan, REACH_WEEK_METRIC) })).filter((p) => p.c !== undefined) as { other: string; c: PlanContrast }[];
  if (pairs.length === 0) return null;
  const prefix = groupPrefix(best.group, w);
  const close = pairs.filter((p) => p.c.hi === null || p.c.hi >= 0);
  const name = (plan: string) => shownName(plan, w);
  if (close.length === 0) return w.soonest(prefix, name(best.plan));
  const runner = close[0];
  const n = runner.c.replications;
  if (runner.c.lo === null || runner.c.hi === null) return w.cannotTellWithoutInterval(prefix, [best.plan, ...close.map((p) => p.other)].map((p) => `“${name(p)}”`).join(', '));
  const h = halfWidth(runner.c.sd, n); // of the interval before its cut to −horizon … +horizon
  const needed = Number.isFinite(h) ? replicationsToSeparate(runner.c.estimate, h, 0, n) : null;
  const how = needed === null
    ? runner.c.sd === 0 && runner.c.estimate === 0
      ? w.sameEveryReplicate(name(best.plan), name(runner.other))
      : w.tooSmall(fixed(runner.c.estimate, DIGITS.weeks, w))
    : w.wouldTell(needed, name(best.plan), name(runner.other), fixed(runner.c.estimate, DIGITS.weeks, w));
  return w.cannotTell(prefix, [best.plan, ...close.map((p) => p.other)].map((p) => `“${name(p)}”`).join(', '), n, how);
}

/**
 * Which plans bring initiatives to the threshold sooner or later than doing nothing, by their
 * intervals of the mean reach week, which the sentence names: a plan not told apart from doing
 * nothing there may still differ in trust or in the share reaching the threshold.
 */
function verdict(vsNone: readonly PlanContrast[], w: Words): string {
  const names = (cs: PlanContrast[]) => cs.map((c) => `“${shownName(c.plan, w)}”${Object.keys(c.group).length > 0 ? ` (${groupValues(c.group, w)})` : ''}`).join(', ');
  const sooner = vsNone.filter((c) => c.hi !== null && c.hi < 0);
  const later = vsNone.filter((c) => c.lo !== null && c.lo > 0);
  const without = vsNone.filter((c) => c.lo === null || c.hi === null);
  const unclear = vsNone.filter((c) => !sooner.includes(c) && !later.includes(c) && !without.includes(c));
  if (sooner.length === vsNone.length) return `${w.everySooner}.`;
  const parts: string[] = [];
  if (sooner.length > 0) parts.push(w.sooner(names(sooner)));
  if (later.length > 0) parts.push(w.later(names(later)));
  if (unclear.length > 0) parts.push(w.unclear(names(unclear)));
  if (without.length > 0) parts.push(w.withoutInterval(names(without)));
  return w.verdictLead(parts.join('; '));
}

/**
 * The opening of a report with plans, against doing nothing, with one statistic per question: how
 * soon — the restricted mean reach week (never counting as the horizon), how often — the share
 * reached by the horizon, and trust at the end; each as the mean paired difference over replicates
 * with its 95 % t interval, the numbers of the table and chart below. Up to three plans in
 * sentences, beyond that a table ranked by the effect on the mean reach week.
 */
export function planOpening(contrasts: readonly PlanContrast[], horizon: number, w: Words): Opening {
  const none = shownName(NO_INTERVENTION, w);
  const reachMetric = `reached_by_week_${horizon}`;
  const vsNone = contrasts.filter((c) => c.baseline === NO_INTERVENTION && c.metric === REACH_WEEK_METRIC);
  const other = (c: PlanContrast, metric: string) => contrasts.find((d) => sameGroup(d, c) && d.plan === c.plan && d.baseline === c.baseline && d.metric === metric);
  const sentences: string[] = [];
  let table = '';
  if (vsNone.length <= MAX_SENTENCES) {
    for (const c of vsNone) {
      const reach = other(c, reachMetric);
      const trust = other(c, 'trust_gov_final');
      let text = w.planAgainst(groupPrefix(c.group, w), shownName(c.plan, w), none, fixed(c.planMean, DIGITS.weeks, w), fixed(c.baselineMean, DIGITS.weeks, w), effectText(effect(c), 1, DIGITS.weeks, w.weeks, w));
      if (reach) text += w.planReached(horizon, percent(reach.planMean), percent(reach.baselineMean), effectText(effect(reach), 100, DIGITS.points, w.points, w));
      if (trust) text += w.andFinalTrust(effectText(effect(trust), 1, DIGITS.level, '', w));
      sentences.push(`${text}.`);
    }
  } else {
    const withGroup = vsNone.some((c) => Object.keys(c.group).length > 0);
    const ranked = [...vsNone].sort((a, b) => a.estimate - b.estimate);
    const cell = (c: PlanContrast | undefined, scale: number, digits: number) => (c ? esc(effectCell(effect(c), scale, digits, w)) : '');
    const rows = ranked.map((c, i) =>
      `<tr><td class="num">${i + 1}</td>${withGroup ? `<td>${esc(groupValues(c.group, w))}</td>` : ''}<td>${esc(shownName(c.plan, w))}</td>` +
        `<td class="num">${cell(c, 1, DIGITS.weeks)}</td><td class="num">${cell(other(c, reachMetric), 100, DIGITS.points)}</td><td class="num">${cell(other(c, 'trust_gov_final'), 1, DIGITS.level)}</td></tr>`,
    );
    sentences.push(w.eachPlanRanked(none));
    table = `<table class="short"><thead><tr><th>${w.rank}</th>${withGroup ? `<th>${w.group}</th>` : ''}<th>${w.plan}</th><th>${w.meanWeekCol}</th>` +
      `<th>${w.reachedCol(horizon)}</th><th>${w.trustCol}</th></tr></thead><tbody>${rows.join('')}</tbody></table>`;
  }
  const groups = new Map<string, PlanContrast[]>();
  for (const c of vsNone) groups.set(JSON.stringify(c.group), [...(groups.get(JSON.stringify(c.group)) ?? []), c]);
  const after: string[] = [];
  if (vsNone.length > 1) after.push(verdict(vsNone, w));
  for (const rows of groups.values()) {
    const s = separationSentence(contrasts, rows, w);
    if (s) after.push(s);
  }
  if (vsNone.length > 0) after.push(w.restrictedNote(horizon));
  return { sentences, table, after };
}

/** Plans against doing nothing and against each other, metric by metric, as an HTML table. */
function contrastsTable(contrasts: readonly PlanContrast[], horizon: number, w: Words): string {
  const withGroup = contrasts.some((c) => Object.keys(c.group).length > 0);
  const rows = contrasts.map((c) => {
    const m = metricMeaning(c.metric, horizon, w);
    const digits = m.scale === 100 ? DIGITS.points : c.metric === REACH_WEEK_METRIC ? DIGITS.weeks : DIGITS.level;
    const level = m.scale === 100 ? (x: number) => percent(x) : (x: number) => fixed(x, digits, w);
    return `<tr>${withGroup ? `<td>${esc(groupValues(c.group, w))}</td>` : ''}<td>${esc(shownName(c.plan, w))}</td><td>${esc(shownName(c.baseline, w))}</td><td>${esc(m.name)}</td>` +
      `<td class="num">${level(c.planMean)}</td><td class="num">${level(c.baselineMean)}</td><td class="num">${esc(effectCell(effect(c), m.scale, digits, w))}</td><td class="num">${c.replications}</td></tr>`;
  });
  return `<table class="contrasts"><thead><tr>${withGroup ? `<th>${w.group}</th>` : ''}<th>${w.plan}</th><th>${w.againstHead}</th><th>${w.measure}</th><th>${w.plan}</th><th>${w.againstHead}</th><th>${w.differenceInterval}</th><th>${w.pairs}</th></tr></thead><tbody>${rows.join('')}</tbody></table>`;
}

/** The plans' part of a report, or null when the results have no plans. */
export function planReport(ctx: ChartContext): PlanReport | null {
  if (!hasPlans(ctx.results)) return null;
  const horizon = ctx.results.horizon;
  const contrasts = planContrasts(ctx.results);
  const weeks = interventionWeeks(ctx.results);
  const w = ctx.w;
  const charts = [planDifferencesChart(ctx, contrasts, NO_INTERVENTION), planReachChart(ctx, weeks)].filter((c): c is Chart => c !== null);
  const opening = planOpening(contrasts, horizon, w);
  const html = `<h2>${w.rehearsedHeading}</h2>
<p>${w.rehearsedNote(esc(shownName(NO_INTERVENTION, w)), horizon)}</p>
${contrastsTable(contrasts, horizon, w)}
${interventionsTable(ctx, weeks)}`;
  return { contrasts, charts, opening, html };
}
