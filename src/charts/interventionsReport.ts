import { interventionWeeks, type InterventionWeek } from '../analysis/planContrasts.js';
import { interventionName, NO_INTERVENTION, type Intervention, type Plan } from '../model/interventions/types.js';
import type { ChartContext } from './context.js';
import { escapeHtml as esc } from './escape.js';

/** When an entry applies, in words: "in week 4", "in weeks 13–64", "once support_share ≥ 0.15". */
export function triggerText(entry: Intervention): string {
  if (entry.at !== undefined) return `in week ${entry.at}`;
  if (entry.from !== undefined) {
    const last = entry.from + (entry.for ?? 1) - 1;
    return last === entry.from ? `in week ${entry.from}` : `in weeks ${entry.from}–${last}`;
  }
  if (entry.when) return `once ${entry.when.metric} ${entry.when.above !== undefined ? `≥ ${entry.when.above}` : `≤ ${entry.when.below}`}`;
  return '';
}

/** An entry in words: "“field”: field (size 0.6) in week 13", with its neighbourhoods when not all. */
export function interventionText(entry: Intervention): string {
  const what = entry.action === 'set' && entry.set
    ? `set ${Object.entries(entry.set).map(([k, v]) => `${k.replace(/^strategy\./, '')} = ${v}`).join(', ')}`
    : `${entry.action}${entry.size !== undefined ? ` (size ${entry.size})` : ''}`;
  const where = Array.isArray(entry.where) ? ` in neighbourhood${entry.where.length > 1 ? 's' : ''} ${entry.where.join(', ')}` : '';
  return `“${interventionName(entry)}”: ${what} ${triggerText(entry)}${where}`;
}

function list(entries: readonly Intervention[]): string {
  return entries.map(interventionText).join('; ');
}

/**
 * The interventions of a scenario named in the report's opening sentences: each plan's, those every
 * point shares, and, when a scenario has interventions but no plans, that it has no comparison with
 * doing nothing.
 */
export function interventionSentences(scenario: Record<string, unknown>): string[] {
  const common = (Array.isArray(scenario.interventions) ? scenario.interventions : []) as Intervention[];
  const plans = (Array.isArray(scenario.plans) ? scenario.plans : []) as Plan[];
  const out: string[] = [];
  if (plans.length > 0) {
    out.push(`Rehearsed against “${NO_INTERVENTION}” on the same seeds: ${plans.map((p) => `plan “${p.name}” — ${list(p.interventions)}`).join('; ')}.`);
    if (common.length > 0) out.push(`Every plan, and “${NO_INTERVENTION}” too, also had: ${list(common)}.`);
  } else if (common.length > 0) {
    out.push(
      `Every run had these interventions: ${list(common)}. ` +
        `There is no comparison with doing nothing in this scenario: to see what they change, put them in a plan (plans:), which then runs beside “${NO_INTERVENTION}” on the same seeds.`,
    );
  }
  return out;
}

/** The timeline of a point: the scenario's own interventions, then its plan's. */
function timelineOf(scenario: Record<string, unknown>, plan: string | undefined): Intervention[] {
  const common = (Array.isArray(scenario.interventions) ? scenario.interventions : []) as Intervention[];
  const own = ((Array.isArray(scenario.plans) ? scenario.plans : []) as Plan[]).find((p) => p.name === plan)?.interventions ?? [];
  return [...common, ...own];
}

/** The table of interventions: per point, each entry as planned and when it applied over the runs. */
export function interventionsTable(ctx: ChartContext, weeks: readonly InterventionWeek[] = interventionWeeks(ctx.results)): string {
  if (weeks.length === 0) return '';
  const rows = weeks.map((w) => {
    const point = ctx.results.points.find((p) => p.index === w.point);
    const entry = timelineOf(ctx.results.scenario, point?.values.plan)[w.intervention];
    return `<tr><td>${esc(ctx.labels.get(w.point))}</td><td>${esc(w.name)}</td><td>${esc(entry ? interventionText(entry).replace(/^“[^”]*”: /, '') : w.action)}</td>` +
      `<td class="num">${w.week === null ? 'never' : Number.isInteger(w.week) ? String(w.week) : w.week.toFixed(1)}</td><td class="num">${w.fired} of ${w.runs}</td></tr>`;
  });
  return `<h2>Interventions</h2><table><thead><tr><th>${esc(ctx.groupTitle)}</th><th>Intervention</th><th>Planned</th><th>Applied in week (median over runs)</th><th>Applied in</th></tr></thead><tbody>${rows.join('')}</tbody></table>`;
}
