import { csvText } from './csvText.js';
import type { ResultSet } from './results.js';
import { differenceRange, pairedDifference, within } from './tInterval.js';
import { runViews } from './contrasts.js';
import { median, OUTCOMES, reachedBy, unitRange, type Outcome } from './outcomes.js';

/**
 * Paired effect sizes of rehearsed plans (issue 5). Every plan of a scenario runs on the same
 * seeds per replicate as 'no intervention' (common random numbers), so replicate r of a plan and
 * replicate r of its baseline met the same neighbourhoods and people: the per-replicate difference
 * isolates what the plan changed, and its mean gets a 95 % Student t interval (pairedDifference).
 */

/** One row of contrasts.csv. */
export interface PlanContrast {
  /** Values of the other varied parameters (strategy, swept values) the pair shares. */
  group: Record<string, string>;
  plan: string;
  baseline: string;
  metric: string;
  /** Mean per-replicate difference plan − baseline. */
  estimate: number;
  lo: number | null;
  hi: number | null;
  /** Standard deviation of the per-replicate differences (NaN with fewer than two). */
  sd: number;
  /** Replicates present under both. */
  replications: number;
  /** Mean of the metric under the plan and under the baseline, over the same replicates. */
  planMean: number;
  baselineMean: number;
}

export const CONTRAST_COLUMNS = ['plan', 'baseline', 'metric', 'estimate', 'lo', 'hi', 'replications', 'plan_mean', 'baseline_mean'] as const;

/** True when the results come from a scenario with plans (a `plan` column). */
export function hasPlans(results: ResultSet): boolean {
  return results.varied.includes('plan');
}

/** The weeks at which reach is compared: 52, 104 and the horizon (those within it, once each). */
export function reachWeeks(horizon: number): number[] {
  return [...new Set([52, 104, horizon].filter((w) => w <= horizon))];
}

/**
 * The per-run outcomes contrasts.csv compares: reach by each of reachWeeks, the restricted mean
 * reach week (never counting as the horizon: the same statistic the report uses for "how soon"
 * everywhere), final trust and cohesion.
 */
export function contrastOutcomes(horizon: number): Outcome[] {
  return [...reachWeeks(horizon).map(reachedBy), OUTCOMES.mean_reach_week, OUTCOMES.trust_gov_final, OUTCOMES.cohesion_final];
}

/** The metric names of contrasts.csv, in order. */
export function contrastMetrics(horizon: number): string[] {
  return contrastOutcomes(horizon).map((o) => o.name);
}

/**
 * The points of each group (same strategy and swept values), by plan name, in point order:
 * 'no intervention' comes first in each group, as planRuns lays them out.
 */
export function planGroups(results: ResultSet): { group: Record<string, string>; plans: { plan: string; point: number }[] }[] {
  const others = results.varied.filter((v) => v !== 'plan');
  const groups = new Map<string, { group: Record<string, string>; plans: { plan: string; point: number }[] }>();
  for (const p of results.points) {
    const group = Object.fromEntries(others.map((v) => [v, p.values[v] ?? '']));
    const key = JSON.stringify(others.map((v) => group[v]));
    if (!groups.has(key)) groups.set(key, { group, plans: [] });
    groups.get(key)!.plans.push({ plan: p.values.plan ?? p.label, point: p.index });
  }
  return [...groups.values()];
}

/**
 * Every plan against 'no intervention' and against each plan before it (each pair once), per
 * metric: the mean per-replicate difference plan − baseline with its 95 % paired t interval, cut to
 * what a difference of the metric can be (two shares: −1 … +1).
 */
export function planContrasts(results: ResultSet): PlanContrast[] {
  const metrics = contrastOutcomes(results.horizon);
  const out: PlanContrast[] = [];
  for (const { group, plans } of planGroups(results)) {
    // per plan, by replicate: the value of each metric
    const outcomes = plans.map((p) => new Map(runViews(results, p.point).map(({ replicate, view }) => [replicate, metrics.map((m) => m.of(view))])));
    for (let a = 1; a < plans.length; a++) {
      for (let b = 0; b < a; b++) {
        metrics.forEach(({ name: metric, unit }, m) => {
          const x: number[] = [];
          const y: number[] = [];
          for (const [rep, oa] of outcomes[a]) {
            const ob = outcomes[b].get(rep);
            if (!ob) continue;
            const va = oa[m];
            const vb = ob[m];
            if (va === null || vb === null || !Number.isFinite(va) || !Number.isFinite(vb)) continue;
            x.push(va);
            y.push(vb);
          }
          if (x.length === 0) return;
          const d = within(pairedDifference(x, y), differenceRange(unitRange(unit, results.horizon)));
          const mean = (v: number[]) => v.reduce((s, z) => s + z, 0) / v.length;
          out.push({
            group, plan: plans[a].plan, baseline: plans[b].plan, metric,
            estimate: d.mean, lo: d.lo, hi: d.hi, sd: d.sd, replications: d.n, planMean: mean(x), baselineMean: mean(y),
          });
        });
      }
    }
  }
  return out;
}

/** contrasts.csv as text: the other varied parameters, then CONTRAST_COLUMNS. */
export function contrastsCsv(results: ResultSet, contrasts: readonly PlanContrast[] = planContrasts(results)): string {
  const others = results.varied.filter((v) => v !== 'plan');
  return csvText(
    [...others, ...CONTRAST_COLUMNS],
    contrasts.map((c) => [
      ...others.map((v) => c.group[v]), c.plan, c.baseline, c.metric, c.estimate, c.lo, c.hi, c.replications, c.planMean, c.baselineMean,
    ]),
  );
}

/** When an intervention of a point applied: its name, the median week it fired, and in how many runs. */
export interface InterventionWeek {
  point: number;
  intervention: number;
  name: string;
  action: string;
  /** Median week over the runs where it fired; null when it never did. */
  week: number | null;
  fired: number;
  runs: number;
}

/** The intervention weeks of a result set (none without interventions), one entry per point and intervention. */
export function interventionWeeks(results: ResultSet): InterventionWeek[] {
  const t = results.interventions;
  const acc = new Map<string, InterventionWeek & { weeks: number[] }>();
  for (let i = 0; i < t.length; i++) {
    const key = `${t.point[i]}/${t.intervention[i]}`;
    let e = acc.get(key);
    if (!e) {
      e = { point: t.point[i], intervention: t.intervention[i], name: t.name[i]!, action: t.action[i]!, week: null, fired: 0, runs: 0, weeks: [] };
      acc.set(key, e);
    }
    e.runs++;
    if (t.week[i] > 0) {
      e.fired++;
      e.weeks.push(t.week[i]);
    }
  }
  return [...acc.values()]
    .map(({ weeks, ...e }) => ({ ...e, week: weeks.length > 0 ? median(weeks.sort((a, b) => a - b)) : null }))
    .sort((a, b) => a.point - b.point || a.intervention - b.intervention);
}
