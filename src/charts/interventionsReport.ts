import { interventionWeeks, type InterventionWeek } from '../analysis/planContrasts.js';
import { interventionName, NO_INTERVENTION, type Intervention, type Plan } from '../model/interventions/types.js';
import type { ChartContext } from './context.js';
import { escapeHtml as esc } from './escape.js';
import { actionLabel, conditionText, parameterInSentence } from './labels.js';
import { decimal, shownName, words, type Words } from './words.js';

/** When an entry applies, in words: "in week 4", "in weeks 13–64", "once support_share ≥ 0.15" (in Dutch the metric in words). */
export function triggerText(entry: Intervention, w: Words = words()): string {
  if (entry.at !== undefined) return w.inWeek(entry.at);
  if (entry.from !== undefined) {
    const last = entry.from + (entry.for ?? 1) - 1;
    return last === entry.from ? w.inWeek(entry.from) : w.inWeeks(entry.from, last);
  }
  if (entry.when) return w.once(conditionText(entry.when, w.lang));
  return '';
}

/** An entry in words: "“field”: field (size 0.6) in week 13", with its neighbourhoods when not all. */
export function interventionText(entry: Intervention, w: Words = words()): string {
  const what = entry.action === 'set' && entry.set
    ? w.setTo(Object.entries(entry.set).map(([k, v]) => `${leverName(k, w)} = ${typeof v === 'number' ? decimal(String(v), w.lang) : v}`).join(', '))
    : `${actionLabel(entry.action, w.lang)}${entry.size !== undefined ? w.size(entry.size) : ''}`;
  const where = Array.isArray(entry.where) ? (entry.where.length > 1 ? w.inNeighbourhoods : w.inNeighbourhood)(entry.where.join(', ')) : '';
  return `“${shownName(interventionName(entry), w)}”: ${what} ${triggerText(entry, w)}${where}`;
}

/** A strategy parameter that `set` moves: its path without `strategy.` in English, as the scenario writes it; its name in Dutch. */
function leverName(key: string, w: Words): string {
  const path = key.startsWith('strategy.') ? key : `strategy.${key}`;
  return w.lang === 'en' ? path.slice('strategy.'.length) : parameterInSentence(path, w.lang);
}

function list(entries: readonly Intervention[], w: Words): string {
  return entries.map((e) => interventionText(e, w)).join('; ');
}

/**
 * The interventions of a scenario named in the report's opening sentences: each plan's, those every
 * point shares, and, when a scenario has interventions but no plans, that it has no comparison with
 * doing nothing.
 */
export function interventionSentences(scenario: Record<string, unknown>, w: Words = words()): string[] {
  const common = (Array.isArray(scenario.interventions) ? scenario.interventions : []) as Intervention[];
  const plans = (Array.isArray(scenario.plans) ? scenario.plans : []) as Plan[];
  const out: string[] = [];
  if (plans.length > 0) {
    const none = shownName(NO_INTERVENTION, w);
    out.push(w.rehearsed(none, plans.map((p) => w.planItem(shownName(p.name, w), list(p.interventions, w))).join('; ')));
    if (common.length > 0) out.push(w.everyPlanAlso(none, list(common, w)));
  } else if (common.length > 0) {
    out.push(w.everyRun(list(common, w), shownName(NO_INTERVENTION, w)));
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
  const w = ctx.w;
  const rows = weeks.map((iw) => {
    const point = ctx.results.points.find((p) => p.index === iw.point);
    const entry = timelineOf(ctx.results.scenario, point?.values.plan)[iw.intervention];
    return `<tr><td>${esc(ctx.labels.get(iw.point))}</td><td>${esc(shownName(iw.name, w))}</td><td>${esc(entry ? interventionText(entry, w).replace(/^“[^”]*”: /, '') : actionLabel(iw.action, w.lang))}</td>` +
      `<td class="num">${iw.week === null ? w.never : Number.isInteger(iw.week) ? String(iw.week) : decimal(iw.week.toFixed(1), w.lang)}</td><td class="num">${w.of(iw.fired, iw.runs)}</td></tr>`;
  });
  return `<h2>${w.interventionsHeading}</h2><table><thead><tr><th>${esc(ctx.groupTitle)}</th><th>${w.intervention}</th><th>${w.planned}</th><th>${w.appliedWeek}</th><th>${w.appliedIn}</th></tr></thead><tbody>${rows.join('')}</tbody></table>`;
}
