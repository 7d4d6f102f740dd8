import { hasPlans, interventionWeeks, planContrasts, reachWeeks, type InterventionWeek, type PlanContrast } from '../analysis/planContrasts.js';
import { NO_INTERVENTION } from '../model/interventions/types.js';
import type { Chart } from './chart.js';
import type { ChartContext } from './context.js';
import { escapeHtml as esc } from './escape.js';
import { metricMeaning, planDifferencesChart, planReachChart } from './planCharts.js';

/** What rehearsed plans add to a report: charts, opening sentences and a section of tables. */
export interface PlanReport {
  contrasts: PlanContrast[];
  charts: Chart[];
  sentences: string[];
  html: string;
}

const pct = (x: number) => `${Math.round(x * 100)} %`;
const num = (x: number, digits = 0) => {
  const r = x.toFixed(digits);
  return Number(r) === 0 ? (0).toFixed(digits) : r.replace('-', '−');
};
const signed = (x: number, digits = 0) => (Number(x.toFixed(digits)) > 0 ? `+${num(x, digits)}` : num(x, digits));
const range = (lo: number | null, hi: number | null, k: number, digits = 0) =>
  lo === null || hi === null ? 'no interval: fewer than two replicates' : `95 % interval ${num(lo * k, digits)} to ${num(hi * k, digits)}`;
const weekText = (x: number) => (Number.isInteger(x) ? String(x) : x.toFixed(1));

function groupPrefix(group: Record<string, string>): string {
  const parts = Object.entries(group).map(([k, v]) => `${k} ${v}`);
  return parts.length > 0 ? `With ${parts.join(', ')}: ` : '';
}

/**
 * "Plan *field first* reaches the threshold in 61 % of initiatives by week 52, against 34 % without
 * it (+27 points, 95 % interval 21 to 33); median reach week 44 against 71." One per plan against
 * doing nothing, then one per pair of plans.
 */
export function planSentences(contrasts: readonly PlanContrast[], horizon: number): string[] {
  const week = reachWeeks(horizon)[0];
  const reachMetric = `reached_by_week_${week}`;
  const find = (c: PlanContrast, metric: string) =>
    contrasts.find((d) => d.plan === c.plan && d.baseline === c.baseline && d.metric === metric && JSON.stringify(d.group) === JSON.stringify(c.group));
  const out: string[] = [];
  const pairs: string[] = [];
  for (const c of contrasts.filter((d) => d.metric === reachMetric)) {
    const med = find(c, 'median_reach_week');
    const trust = find(c, 'trust_gov_final');
    if (c.baseline !== NO_INTERVENTION) {
      // Plan against plan: the differences only.
      let text = `${groupPrefix(c.group)}Plan “${c.plan}” against plan “${c.baseline}”: ${signed(c.estimate * 100, 1)} points reached by week ${week} (${range(c.lo, c.hi, 100, 1)})`;
      if (med) text += `, typical reach week ${signed(med.estimate, 1)} weeks (${range(med.lo, med.hi, 1, 1)})`;
      pairs.push(`${text}.`);
      continue;
    }
    const last = find(c, `reached_by_week_${horizon}`);
    const later = last && last !== c ? `; by week ${horizon}: ${pct(last.planMean)} against ${pct(last.baselineMean)}, ${signed(last.estimate * 100, 1)} points, ${range(last.lo, last.hi, 100, 1)}` : '';
    let text =
      `${groupPrefix(c.group)}Plan “${c.plan}” reaches the threshold in ${pct(c.planMean)} of initiatives by week ${week}, against ${pct(c.baselineMean)} without it ` +
      `(${signed(c.estimate * 100, 1)} points, ${range(c.lo, c.hi, 100, 1)}${later})`;
    if (med) text += `; typical reach week ${num(med.planMean)} against ${num(med.baselineMean)} (${signed(med.estimate, 1)} weeks, ${range(med.lo, med.hi, 1, 1)})`;
    if (trust) text += `; final trust in government ${trust.planMean.toFixed(2)} against ${trust.baselineMean.toFixed(2)}`;
    out.push(`${text}.`);
  }
  out.push(...pairs);
  if (out.length > 0) {
    out.push(`(Per replicate, plan and baseline met the same simulated neighbourhoods. The typical reach week is each run's median reach week averaged over replicates, an initiative that never reached the threshold counting as week ${horizon}; the Kaplan–Meier median below says “never” when fewer than half of all initiatives reached it.)`);
  }
  return out;
}

/** Plans against doing nothing, metric by metric, as an HTML table. */
function contrastsTable(contrasts: readonly PlanContrast[], horizon: number): string {
  const withGroup = contrasts.some((c) => Object.keys(c.group).length > 0);
  const rows = contrasts.map((c) => {
    const m = metricMeaning(c.metric, horizon);
    const digits = m.scale === 100 ? 0 : c.metric === 'median_reach_week' ? 1 : 3;
    const v = (x: number | null) => (x === null ? '?' : (x * m.scale).toFixed(digits));
    return `<tr>${withGroup ? `<td>${esc(Object.values(c.group).join(', '))}</td>` : ''}<td>${esc(c.plan)}</td><td>${esc(c.baseline)}</td><td>${esc(m.name)}</td>` +
      `<td class="num">${v(c.planMean)}</td><td class="num">${v(c.baselineMean)}</td><td class="num">${v(c.estimate)} (${v(c.lo)} to ${v(c.hi)})</td><td class="num">${c.replications}</td></tr>`;
  });
  return `<table><thead><tr>${withGroup ? '<th>Group</th>' : ''}<th>Plan</th><th>Against</th><th>Measure</th><th>Plan</th><th>Against</th><th>Difference (95 % interval)</th><th>Pairs</th></tr></thead><tbody>${rows.join('')}</tbody></table>`;
}

function weeksTable(ctx: ChartContext, weeks: readonly InterventionWeek[]): string {
  if (weeks.length === 0) return '';
  const rows = weeks.map((w) =>
    `<tr><td>${esc(ctx.labels.get(w.point))}</td><td>${esc(w.name)}</td><td>${esc(w.action)}</td><td class="num">${w.week === null ? 'never' : weekText(w.week)}</td><td class="num">${w.fired} of ${w.runs}</td></tr>`,
  );
  return `<h3>When the interventions applied</h3><table><thead><tr><th>Plan</th><th>Intervention</th><th>Action</th><th>Week (median over runs)</th><th>Applied in</th></tr></thead><tbody>${rows.join('')}</tbody></table>`;
}

/** The plans' part of a report, or null when the results have no plans. */
export function planReport(ctx: ChartContext): PlanReport | null {
  if (!hasPlans(ctx.results)) return null;
  const horizon = ctx.results.horizon;
  const contrasts = planContrasts(ctx.results);
  const weeks = interventionWeeks(ctx.results);
  const charts = [planDifferencesChart(ctx, contrasts, NO_INTERVENTION), planReachChart(ctx, weeks)].filter((c): c is Chart => c !== null);
  const html = `<h2>Rehearsed plans</h2>
<p>Every plan ran on the same seeds as “${esc(NO_INTERVENTION)}” in each replicate (common random numbers): the same neighbourhoods, people and weekly chances, so each replicate gives a paired difference. Differences are plan minus the plan it is set against, averaged over replicates, with a 95 % paired t interval; they are in contrasts.csv. Reach by week is the share of initiatives past the threshold; the median reach week counts an initiative that never reached it as week ${horizon}.</p>
${contrastsTable(contrasts, horizon)}
${weeksTable(ctx, weeks)}`;
  return { contrasts, charts, sentences: planSentences(contrasts, horizon), html };
}
