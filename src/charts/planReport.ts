import { hasPlans, interventionWeeks, planContrasts, type PlanContrast } from '../analysis/planContrasts.js';
import { NO_INTERVENTION } from '../model/interventions/types.js';
import type { Chart } from './chart.js';
import type { ChartContext } from './context.js';
import type { Opening } from './sentences.js';
import { DIGITS, effectCell, effectText, fixed, replicationsToSeparate, type Effect } from './effects.js';
import { escapeHtml as esc } from './escape.js';
import { interventionsTable } from './interventionsReport.js';
import { metricMeaning, planDifferencesChart, planReachChart } from './planCharts.js';
import { percent } from './theme.js';

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

function groupPrefix(group: Record<string, string>): string {
  const parts = Object.entries(group).map(([k, v]) => `${k} ${v}`);
  return parts.length > 0 ? `With ${parts.join(', ')}: ` : '';
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
 * replications would tell it from the runner-up.
 */
function separationSentence(contrasts: readonly PlanContrast[], ranked: readonly PlanContrast[]): string | null {
  if (ranked.length < 2) return null;
  const [best, ...rest] = ranked;
  const pairs = rest.map((o) => ({ other: o.plan, c: between(contrasts, best, best.plan, o.plan, REACH_WEEK_METRIC) })).filter((p) => p.c !== undefined) as { other: string; c: PlanContrast }[];
  if (pairs.length === 0) return null;
  const prefix = groupPrefix(best.group);
  const close = pairs.filter((p) => p.c.hi === null || p.c.hi >= 0);
  if (close.length === 0) {
    return `${prefix}Plan “${best.plan}” brings initiatives to the threshold soonest: against every other plan, its paired difference in mean reach week has a 95 % interval below 0.`;
  }
  const runner = close[0];
  const n = runner.c.replications;
  const h = runner.c.lo === null || runner.c.hi === null ? NaN : (runner.c.hi - runner.c.lo) / 2;
  const needed = Number.isFinite(h) ? replicationsToSeparate(runner.c.estimate, h, 0, n) : null;
  const how = needed === null
    ? runner.c.sd === 0 && runner.c.estimate === 0
      ? `“${best.plan}” and “${runner.other}” gave the same mean reach week in every replicate, so no number of replications would tell them apart`
      : `their paired difference is ${fixed(runner.c.estimate, DIGITS.weeks)} weeks, too small to say how many replications would tell them apart`
    : `about ${needed} replications would tell “${best.plan}” from “${runner.other}” if their paired difference stays at ${fixed(runner.c.estimate, DIGITS.weeks)} weeks ` +
      `(the interval narrows as 1/√replications: n × (half-width / difference)²)`;
  return `${prefix}The plans soonest to the threshold — “${best.plan}”, ${close.map((p) => `“${p.other}”`).join(', ')} — cannot be told apart at ${n} replications: their paired differences in mean reach week have 95 % intervals that include 0; ${how}.`;
}

/** Which plans bring initiatives to the threshold sooner or later than doing nothing, by their intervals. */
function verdict(vsNone: readonly PlanContrast[]): string {
  const names = (cs: PlanContrast[]) => cs.map((c) => `“${c.plan}”${Object.keys(c.group).length > 0 ? ` (${Object.values(c.group).join(', ')})` : ''}`).join(', ');
  const sooner = vsNone.filter((c) => c.hi !== null && c.hi < 0);
  const later = vsNone.filter((c) => c.lo !== null && c.lo > 0);
  const unclear = vsNone.filter((c) => !sooner.includes(c) && !later.includes(c));
  const parts: string[] = [];
  if (sooner.length === vsNone.length) parts.push(`Every plan brings initiatives to the threshold sooner than doing nothing (each 95 % interval of the mean reach week below 0)`);
  else {
    if (sooner.length > 0) parts.push(`Sooner than doing nothing (95 % interval of the mean reach week below 0): ${names(sooner)}`);
    if (later.length > 0) parts.push(`later (interval above 0): ${names(later)}`);
    if (unclear.length > 0) parts.push(`not told apart from doing nothing at this number of replications (interval includes 0): ${names(unclear)}`);
  }
  const text = parts.join('; ');
  return `${text.charAt(0).toUpperCase()}${text.slice(1)}.`;
}

/**
 * The opening of a report with plans, against doing nothing, with one statistic per question: how
 * soon — the restricted mean reach week (never counting as the horizon), how often — the share
 * reached by the horizon, and trust at the end; each as the mean paired difference over replicates
 * with its 95 % t interval, the numbers of the table and chart below. Up to three plans in
 * sentences, beyond that a table ranked by the effect on the mean reach week.
 */
export function planOpening(contrasts: readonly PlanContrast[], horizon: number): Opening {
  const reachMetric = `reached_by_week_${horizon}`;
  const vsNone = contrasts.filter((c) => c.baseline === NO_INTERVENTION && c.metric === REACH_WEEK_METRIC);
  const other = (c: PlanContrast, metric: string) => contrasts.find((d) => sameGroup(d, c) && d.plan === c.plan && d.baseline === c.baseline && d.metric === metric);
  const sentences: string[] = [];
  let table = '';
  if (vsNone.length <= MAX_SENTENCES) {
    for (const c of vsNone) {
      const reach = other(c, reachMetric);
      const trust = other(c, 'trust_gov_final');
      let text = `${groupPrefix(c.group)}Plan “${c.plan}” against “${NO_INTERVENTION}”: mean reach week ${fixed(c.planMean, DIGITS.weeks)} against ${fixed(c.baselineMean, DIGITS.weeks)}, ` +
        `a difference of ${effectText(effect(c), 1, DIGITS.weeks, 'weeks')}`;
      if (reach) text += `; reached the threshold by week ${horizon}: ${percent(reach.planMean)} against ${percent(reach.baselineMean)}, ${effectText(effect(reach), 100, DIGITS.points, 'points')}`;
      if (trust) text += `; final trust in government ${effectText(effect(trust), 1, DIGITS.level, '')}`;
      sentences.push(`${text}.`);
    }
  } else {
    const withGroup = vsNone.some((c) => Object.keys(c.group).length > 0);
    const ranked = [...vsNone].sort((a, b) => a.estimate - b.estimate);
    const cell = (c: PlanContrast | undefined, scale: number, digits: number) => (c ? esc(effectCell(effect(c), scale, digits)) : '');
    const rows = ranked.map((c, i) =>
      `<tr><td class="num">${i + 1}</td>${withGroup ? `<td>${esc(Object.values(c.group).join(', '))}</td>` : ''}<td>${esc(c.plan)}</td>` +
        `<td class="num">${cell(c, 1, DIGITS.weeks)}</td><td class="num">${cell(other(c, reachMetric), 100, DIGITS.points)}</td><td class="num">${cell(other(c, 'trust_gov_final'), 1, DIGITS.level)}</td></tr>`,
    );
    sentences.push(`Each plan against “${NO_INTERVENTION}”, ranked by how much sooner initiatives reached the threshold (mean reach week, plan minus doing nothing; below 0 is sooner):`);
    table = `<table class="short"><thead><tr><th>Rank</th>${withGroup ? '<th>Group</th>' : ''}<th>Plan</th><th>Mean reach week (weeks, 95 % interval)</th>` +
      `<th>Reached by week ${horizon} (points, 95 % interval)</th><th>Final trust in government (95 % interval)</th></tr></thead><tbody>${rows.join('')}</tbody></table>`;
  }
  const groups = new Map<string, PlanContrast[]>();
  for (const c of vsNone) groups.set(JSON.stringify(c.group), [...(groups.get(JSON.stringify(c.group)) ?? []), c]);
  const after: string[] = [];
  if (vsNone.length > 1) after.push(verdict(vsNone));
  for (const rows of groups.values()) {
    const s = separationSentence(contrasts, [...rows].sort((a, b) => a.estimate - b.estimate));
    if (s) after.push(s);
  }
  if (vsNone.length > 0) {
    after.push(
      `(Mean reach week: per run, the mean week its initiatives reached the threshold, one that never did counting as week ${horizon} — a restricted mean — then averaged over replicates. ` +
        'Every difference is plan minus the other, replicate by replicate on the same simulated neighbourhoods and people, with a 95 % t interval: the numbers of the table and chart below and of contrasts.csv.)',
    );
  }
  return { sentences, table, after };
}

/** Plans against doing nothing and against each other, metric by metric, as an HTML table. */
function contrastsTable(contrasts: readonly PlanContrast[], horizon: number): string {
  const withGroup = contrasts.some((c) => Object.keys(c.group).length > 0);
  const rows = contrasts.map((c) => {
    const m = metricMeaning(c.metric, horizon);
    const digits = m.scale === 100 ? DIGITS.points : c.metric === REACH_WEEK_METRIC ? DIGITS.weeks : DIGITS.level;
    const level = m.scale === 100 ? (x: number) => percent(x) : (x: number) => fixed(x, digits);
    return `<tr>${withGroup ? `<td>${esc(Object.values(c.group).join(', '))}</td>` : ''}<td>${esc(c.plan)}</td><td>${esc(c.baseline)}</td><td>${esc(m.name)}</td>` +
      `<td class="num">${level(c.planMean)}</td><td class="num">${level(c.baselineMean)}</td><td class="num">${esc(effectCell(effect(c), m.scale, digits))}</td><td class="num">${c.replications}</td></tr>`;
  });
  return `<table class="contrasts"><thead><tr>${withGroup ? '<th>Group</th>' : ''}<th>Plan</th><th>Against</th><th>Measure</th><th>Plan</th><th>Against</th><th>Difference (95 % interval)</th><th>Pairs</th></tr></thead><tbody>${rows.join('')}</tbody></table>`;
}

/** The plans' part of a report, or null when the results have no plans. */
export function planReport(ctx: ChartContext): PlanReport | null {
  if (!hasPlans(ctx.results)) return null;
  const horizon = ctx.results.horizon;
  const contrasts = planContrasts(ctx.results);
  const weeks = interventionWeeks(ctx.results);
  const charts = [planDifferencesChart(ctx, contrasts, NO_INTERVENTION), planReachChart(ctx, weeks)].filter((c): c is Chart => c !== null);
  const opening = planOpening(contrasts, horizon);
  const html = `<h2>Rehearsed plans</h2>
<p>Every plan ran on the same seeds as “${esc(NO_INTERVENTION)}” in each replicate (common random numbers): the same neighbourhoods, people and weekly chances, so each replicate gives a paired difference. Differences are plan minus the plan it is set against, averaged over replicates, with a 95 % paired t interval; they are in contrasts.csv. Reach by week is the share of initiatives past the threshold; the mean reach week counts an initiative that never reached it as week ${horizon} (a restricted mean).</p>
${contrastsTable(contrasts, horizon)}
${interventionsTable(ctx, weeks)}`;
  return { contrasts, charts, opening, html };
}
