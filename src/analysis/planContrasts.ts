import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { csvText } from './csvText.js';
import { readCsv, cell, type Results } from './results.js';
import { pairedDifference } from './tInterval.js';
import { reachWeeksByReplicate } from './contrasts.js';

/**
 * Paired effect sizes of rehearsed plans (issue 5). Every plan of a scenario runs on the same
 * seeds per replicate as 'no intervention' (common random numbers), so replicate r of a plan and
 * replicate r of its baseline met the same neighbourhoods and people: the per-replicate difference
 * isolates what the plan changed, and its mean gets a 95 % Student t interval (pairedDifference).
 */

/** The outcomes compared, per replicate. */
export interface PlanOutcome {
  replicate: number;
  /** Share of the run's initiatives that reached the threshold by each of REACH weeks. */
  reachedBy: number[];
  /** Median of the initiatives' reach weeks, never reaching counted as the horizon. */
  medianReachWeek: number;
  trustGovFinal: number | null;
  cohesionFinal: number | null;
}

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
  /** Replicates present under both. */
  replications: number;
  /** Mean of the metric under the plan and under the baseline, over the same replicates. */
  planMean: number;
  baselineMean: number;
}

export const CONTRAST_COLUMNS = ['plan', 'baseline', 'metric', 'estimate', 'lo', 'hi', 'replications', 'plan_mean', 'baseline_mean'] as const;

/** True when the results come from a scenario with plans (a `plan` column). */
export function hasPlans(results: Results): boolean {
  return results.varied.includes('plan');
}

/** The weeks at which reach is compared: 52, 104 and the horizon (those within it, once each). */
export function reachWeeks(horizon: number): number[] {
  return [...new Set([52, 104, horizon].filter((w) => w <= horizon))];
}

/** The metric names of contrasts.csv, in order. */
export function contrastMetrics(horizon: number): string[] {
  return [...reachWeeks(horizon).map((w) => `reached_by_week_${w}`), 'median_reach_week', 'trust_gov_final', 'cohesion_final'];
}

function median(sorted: number[]): number {
  const n = sorted.length;
  if (n === 0) return NaN;
  return n % 2 === 1 ? sorted[(n - 1) / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
}

/** Per replicate of one point: reach by each week, median reach week, final trust and cohesion. */
export function planOutcomes(results: Results, point: number): PlanOutcome[] {
  const weeks = reachWeeks(results.horizon);
  return reachWeeksByReplicate(results, point).map(({ run, weeks: reach }) => ({
    replicate: run.replicate,
    reachedBy: weeks.map((week) => reach.filter((x) => x <= week).length / reach.length),
    medianReachWeek: median(reach.map((x) => Math.min(x, results.horizon)).sort((a, b) => a - b)),
    trustGovFinal: run.trustGovFinal,
    cohesionFinal: run.cohesionFinal,
  }));
}

function metricValues(o: PlanOutcome): (number | null)[] {
  return [...o.reachedBy, o.medianReachWeek, o.trustGovFinal, o.cohesionFinal];
}

/**
 * The points of each group (same strategy and swept values), by plan name, in point order:
 * 'no intervention' comes first in each group, as planRuns lays them out.
 */
export function planGroups(results: Results): { group: Record<string, string>; plans: { plan: string; point: number }[] }[] {
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
 * metric: the mean per-replicate difference plan − baseline with its 95 % paired t interval.
 */
export function planContrasts(results: Results): PlanContrast[] {
  const metrics = contrastMetrics(results.horizon);
  const out: PlanContrast[] = [];
  for (const { group, plans } of planGroups(results)) {
    const outcomes = plans.map((p) => new Map(planOutcomes(results, p.point).map((o) => [o.replicate, o])));
    for (let a = 1; a < plans.length; a++) {
      for (let b = 0; b < a; b++) {
        metrics.forEach((metric, m) => {
          const x: number[] = [];
          const y: number[] = [];
          for (const [rep, oa] of outcomes[a]) {
            const ob = outcomes[b].get(rep);
            if (!ob) continue;
            const va = metricValues(oa)[m];
            const vb = metricValues(ob)[m];
            if (va === null || vb === null || !Number.isFinite(va) || !Number.isFinite(vb)) continue;
            x.push(va);
            y.push(vb);
          }
          if (x.length === 0) return;
          const d = pairedDifference(x, y);
          const mean = (v: number[]) => v.reduce((s, z) => s + z, 0) / v.length;
          out.push({
            group, plan: plans[a].plan, baseline: plans[b].plan, metric,
            estimate: d.mean, lo: d.lo, hi: d.hi, replications: d.n, planMean: mean(x), baselineMean: mean(y),
          });
        });
      }
    }
  }
  return out;
}

/** contrasts.csv as text: the other varied parameters, then CONTRAST_COLUMNS. */
export function contrastsCsv(results: Results, contrasts: readonly PlanContrast[] = planContrasts(results)): string {
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

/** Reads interventions.csv (absent: no interventions) into one entry per point and intervention. */
export function interventionWeeks(dir: string): InterventionWeek[] {
  const path = join(dir, 'interventions.csv');
  if (!existsSync(path)) return [];
  const { rows } = readCsv(path, ['point', 'replicate', 'intervention', 'name', 'action', 'week']);
  const acc = new Map<string, InterventionWeek & { weeks: number[] }>();
  for (const r of rows) {
    const key = `${r.point}/${r.intervention}`;
    let e = acc.get(key);
    if (!e) {
      e = { point: Number(r.point), intervention: Number(r.intervention), name: r.name, action: r.action, week: null, fired: 0, runs: 0, weeks: [] };
      acc.set(key, e);
    }
    e.runs++;
    const w = cell(r.week);
    if (w !== null) {
      e.fired++;
      e.weeks.push(w);
    }
  }
  return [...acc.values()]
    .map(({ weeks, ...e }) => ({ ...e, week: weeks.length > 0 ? median(weeks.sort((a, b) => a - b)) : null }))
    .sort((a, b) => a.point - b.point || a.intervention - b.intervention);
}
