import { runValue, type RunOutput } from '../model/output.js';
import { RUN_METRICS, weekIndex } from '../model/metrics.js';
import type { Range } from './tInterval.js';

/**
 * Every outcome, defined in one place. What an initiative counts as — reached by a week, formalised,
 * a coherent success — is decided by the predicates below, and two families of outcomes are built
 * on them:
 *
 * - per run (OUTCOMES, reachedBy, coherentShare …): the point and plan contrasts, the patterns and
 *   the notebooks read a run's outcomes from here;
 * - pooled over the initiatives of a group of runs (pooledOutcomes.ts: reached_by_<week>, rmst,
 *   median_reach, coherent_success, trust_final): exploration analyses these per design point, and
 *   per run for its run-to-run noise. Their Kaplan–Meier curve is the point summaries' reach curve
 *   (reachSteps, src/analysis/reachCurve.ts), so the median and the RMST are those of the report.
 *
 * Censoring: an initiative that never reached its threshold (week 0 or NaN, or a week past the
 * horizon) is censored at the horizon. Per run it counts as the horizon in means and medians of
 * weeks — a restricted mean, a lower bound on the true one; pooled, the RMST is the area under the
 * Kaplan–Meier curve up to the horizon and the median is flagged as censored when fewer than half
 * reached the threshold.
 */

/** True when a week happened within the horizon (0 and NaN: never). */
export const happened = (week: number, horizon: number) => week > 0 && week <= horizon;

/** True when a week happened within the horizon and at or before `by` (an initiative reached, or formalised, by week `by`). */
export const happenedBy = (week: number, by: number, horizon: number) => happened(week, horizon) && week <= by;

/** Coherent success of one initiative: formalised within the horizon with alignment at least `alignedAt` at the end. */
export const isCoherent = (formalisedWeek: number, alignment: number, alignedAt: number, horizon: number) => happened(formalisedWeek, horizon) && alignment >= alignedAt;

/** One run as outcomes see it: its initiatives' weeks and alignment, its final values, optionally its trust series. */
export interface RunView {
  horizon: number;
  /** Week each initiative first reached its threshold; 0 when it never did. */
  reachedWeek: ArrayLike<number>;
  /** Week each initiative formalised; 0 when it never did. */
  formalisedWeek: ArrayLike<number>;
  /** Each initiative's alignment at the horizon (empty when not known). */
  alignmentFinal: ArrayLike<number>;
  /** Each initiative: 1 when blocked at the horizon (initiatives.csv blocked); absent when not known. */
  blocked?: ArrayLike<number>;
  trustGovFinal: number | null;
  cohesionFinal: number | null;
  driveFinal: number | null;
  /** Who is at the table at the horizon: the least-joined background group's committed share, and the members' dissimilarity (null when not recorded). */
  leastGroupShareFinal: number | null;
  participationDissimilarityFinal: number | null;
  /** The recorded weeks and mean trust in government at each (when the series is at hand). */
  weeks?: ArrayLike<number>;
  trust?: ArrayLike<number>;
  /** After formalisation (mechanism realisation), per initiative, when the run records it. */
  realisation?: Realisation;
}

/** Each initiative's realisation after formalising: weeks it delivered or failed (0: never), members then and drop-outs. */
export interface Realisation {
  deliveredWeek: ArrayLike<number>;
  failedWeek: ArrayLike<number>;
  membersAtFormalisation: ArrayLike<number>;
  droppedOut: ArrayLike<number>;
}

/** A per-run outcome: its name (a column of contrasts.csv, a row of an exploration), unit and meaning. */
export interface Outcome {
  name: string;
  unit: string;
  meaning: string;
  /** Its value for one run; null when the run does not record it. */
  of: (run: RunView) => number | null;
}

/**
 * The values a quantity of a unit (an outcome's or a metric's) can take in a run of `horizon` weeks:
 * a share, level or index lies in 0 … 1, a change in points on the 0–1 scale in −1 … +1, a week or
 * a number of weeks (never counting as the horizon) in 0 … horizon. Intervals of means are cut to
 * it (tInterval.ts within); null for a unit without bounds (a count).
 */
export function unitRange(unit: string, horizon: number): Range | null {
  switch (unit) {
    case 'share 0–1': case 'level 0–1': case 'index 0–1': return [0, 1];
    case 'points 0–1': return [-1, 1];
    case 'week': case 'weeks': return [0, horizon];
    default: return null;
  }
}

/** The view of a run's output (the trust series copied, so the output may be let go). */
export function runView(out: RunOutput): RunView {
  const value = (column: string) => runValue(out, RUN_METRICS.find((m) => m.column === column)!);
  const samples = out.weeks.length;
  const trust = weekIndex('trust_gov');
  return {
    horizon: out.horizon,
    reachedWeek: Int32Array.from(out.initiatives.reachedWeek),
    formalisedWeek: Int32Array.from(out.initiatives.formalisedWeek),
    alignmentFinal: Float64Array.from(out.initiatives.alignmentFinal),
    blocked: Int32Array.from(out.initiatives.blocked),
    trustGovFinal: value('trust_gov_final'),
    cohesionFinal: value('cohesion_final'),
    driveFinal: value('drive_final'),
    leastGroupShareFinal: value('least_group_share_final'),
    participationDissimilarityFinal: value('participation_dissimilarity_final'),
    weeks: Int32Array.from(out.weeks),
    trust: out.series.slice(trust * samples, (trust + 1) * samples),
    realisation: {
      deliveredWeek: Int32Array.from(out.initiatives.deliveredWeek),
      failedWeek: Int32Array.from(out.initiatives.failedWeek),
      membersAtFormalisation: Int32Array.from(out.initiatives.membersAtFormalisation),
      droppedOut: Int32Array.from(out.initiatives.droppedOut),
    },
  };
}

/** A week, censored at the horizon. */
export const censoredWeek = (week: number, horizon: number) => (happened(week, horizon) ? week : horizon);

/** The initiatives' reach weeks censored at the horizon, sorted ascending. */
function sortedReachWeeks(r: RunView): number[] {
  return Array.from(r.reachedWeek, (w) => censoredWeek(w, r.horizon)).sort((a, b) => a - b);
}

function share(weeks: ArrayLike<number>, horizon: number, by = horizon): number {
  let k = 0;
  for (let i = 0; i < weeks.length; i++) if (happenedBy(weeks[i], by, horizon)) k++;
  return k / weeks.length;
}

function meanWeek(weeks: ArrayLike<number>, horizon: number): number {
  let s = 0;
  for (let i = 0; i < weeks.length; i++) s += censoredWeek(weeks[i], horizon);
  return weeks.length ? s / weeks.length : NaN;
}

export function mean(xs: readonly number[]): number {
  let s = 0;
  for (const x of xs) s += x;
  return xs.length ? s / xs.length : NaN;
}

/** Median of sorted values (the mean of the middle two when even); NaN when empty. */
export function median(sorted: readonly number[]): number {
  const n = sorted.length;
  if (n === 0) return NaN;
  return n % 2 === 1 ? sorted[(n - 1) / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
}

/** Mean trust in government in a recorded week (the run's trust series). */
export function trustAt(r: RunView, week: number): number {
  const s = r.weeks ? Array.prototype.indexOf.call(r.weeks, week) : -1;
  if (s < 0 || !r.trust) throw new Error(`week ${week} was not recorded`);
  return r.trust[s];
}

/** The outcomes of a run, by name. */
export const OUTCOMES = {
  reach_share: {
    name: 'reach_share', unit: 'share 0–1', meaning: 'share of the initiatives that reached their threshold by the horizon',
    of: (r) => share(r.reachedWeek, r.horizon),
  },
  mean_reach_week: {
    name: 'mean_reach_week', unit: 'week', meaning: 'mean week the initiatives reached their threshold, never counting as the horizon (restricted mean)',
    of: (r) => meanWeek(r.reachedWeek, r.horizon),
  },
  median_reach_week: {
    name: 'median_reach_week', unit: 'week', meaning: "median of the initiatives' reach weeks, never counting as the horizon",
    of: (r) => median(sortedReachWeeks(r)),
  },
  first_reach_week: {
    name: 'first_reach_week', unit: 'week', meaning: 'week the first initiative reached its threshold; null when none did',
    of: (r) => {
      let first = 0;
      for (let i = 0; i < r.reachedWeek.length; i++) {
        const w = r.reachedWeek[i];
        if (happened(w, r.horizon) && (first === 0 || w < first)) first = w;
      }
      return first > 0 ? first : null;
    },
  },
  later_half_reach_week: {
    name: 'later_half_reach_week', unit: 'week',
    meaning: 'mean reach week of the later half of the initiatives (ranked after the median, censored at the horizon): those that can profit from earlier successes',
    of: (r) => {
      const weeks = sortedReachWeeks(r);
      return mean(weeks.slice(Math.floor(weeks.length / 2)));
    },
  },
  formalised_share: {
    name: 'formalised_share', unit: 'share 0–1', meaning: 'share of the initiatives formalised by the horizon',
    of: (r) => share(r.formalisedWeek, r.horizon),
  },
  mean_formalised_week: {
    name: 'mean_formalised_week', unit: 'week', meaning: 'mean week of formalisation, never counting as the horizon (restricted mean)',
    of: (r) => meanWeek(r.formalisedWeek, r.horizon),
  },
  decision_weeks: {
    name: 'decision_weeks', unit: 'weeks',
    meaning: 'mean weeks from reaching the threshold to formalising, over the initiatives that reached it (to the horizon when it did not formalise)',
    of: (r) => {
      let sum = 0;
      let n = 0;
      for (let i = 0; i < r.reachedWeek.length; i++) {
        if (!happened(r.reachedWeek[i], r.horizon)) continue;
        sum += censoredWeek(r.formalisedWeek[i], r.horizon) - r.reachedWeek[i];
        n++;
      }
      return n > 0 ? sum / n : null;
    },
  },
  delivered_share: {
    name: 'delivered_share', unit: 'share 0–1', meaning: 'share of the formalised initiatives that delivered their plan by the horizon (mechanism realisation); null when none formalised',
    of: (r) => afterFormalising(r, (b, x) => (happened(x.deliveredWeek[b], r.horizon) ? 1 : 0)),
  },
  failed_share: {
    name: 'failed_share', unit: 'share 0–1', meaning: 'share of the formalised initiatives that failed after formalising by the horizon (mechanism realisation); null when none formalised',
    of: (r) => afterFormalising(r, (b, x) => (happened(x.failedWeek[b], r.horizon) ? 1 : 0)),
  },
  weeks_to_delivery: {
    name: 'weeks_to_delivery', unit: 'weeks', meaning: 'mean weeks from formalisation to delivery, over the initiatives that delivered; null when none did',
    of: (r) => {
      if (!r.realisation) return null;
      const x = r.realisation;
      let sum = 0;
      let n = 0;
      for (let b = 0; b < r.formalisedWeek.length; b++) {
        if (!happened(x.deliveredWeek[b], r.horizon)) continue;
        sum += x.deliveredWeek[b] - r.formalisedWeek[b];
        n++;
      }
      return n > 0 ? sum / n : null;
    },
  },
  blocked_share: {
    name: 'blocked_share', unit: 'share 0–1',
    meaning: 'share of the initiatives blocked at the horizon (initiatives.csv blocked)',
    of: (r) => {
      if (!r.blocked || r.blocked.length === 0) return null;
      let n = 0;
      for (let i = 0; i < r.blocked.length; i++) n += r.blocked[i] > 0 ? 1 : 0;
      return n / r.blocked.length;
    },
  },
  dropout_share: {
    name: 'dropout_share', unit: 'share 0–1', meaning: 'members who dropped out dissatisfied, over the members the initiatives had when they formalised (mechanism realisation); null when none formalised',
    of: (r) => {
      if (!r.realisation) return null;
      let dropped = 0;
      let members = 0;
      for (let b = 0; b < r.formalisedWeek.length; b++) {
        dropped += r.realisation.droppedOut[b];
        members += r.realisation.membersAtFormalisation[b];
      }
      return members > 0 ? dropped / members : null;
    },
  },
  trust_gov_final: { name: 'trust_gov_final', unit: 'level 0–1', meaning: 'mean trust in government at the horizon', of: (r) => r.trustGovFinal },
  cohesion_final: { name: 'cohesion_final', unit: 'level 0–1', meaning: 'mean neighbourhood cohesion at the horizon', of: (r) => r.cohesionFinal },
  drive_final: { name: 'drive_final', unit: 'level 0–1', meaning: 'mean drive at the horizon', of: (r) => r.driveFinal },
  least_group_share_final: {
    name: 'least_group_share_final', unit: 'share 0–1', meaning: 'committed share of the background group that joined least, at the horizon', of: (r) => r.leastGroupShareFinal,
  },
  participation_dissimilarity_final: {
    name: 'participation_dissimilarity_final', unit: 'index 0–1',
    meaning: 'index of dissimilarity between members and those who stay out across background groups, at the horizon (Duncan & Duncan 1955)', of: (r) => r.participationDissimilarityFinal,
  },
  trust_change: {
    name: 'trust_change', unit: 'points 0–1', meaning: 'mean trust in government at the horizon minus at week 0',
    of: (r) => (r.trust && r.trust.length > 0 ? r.trust[r.trust.length - 1] - r.trust[0] : null),
  },
} satisfies Record<string, Outcome>;

export type OutcomeName = keyof typeof OUTCOMES;

/** The mean of `counts` over the run's formalised initiatives (null when none formalised, or realisation is not recorded). */
function afterFormalising(r: RunView, counts: (b: number, x: Realisation) => number): number | null {
  if (!r.realisation) return null;
  let sum = 0;
  let n = 0;
  for (let b = 0; b < r.formalisedWeek.length; b++) {
    if (!happened(r.formalisedWeek[b], r.horizon)) continue;
    sum += counts(b, r.realisation);
    n++;
  }
  return n > 0 ? sum / n : null;
}

/** Share of the initiatives past the threshold by `week` (0–1). */
export function reachedBy(week: number): Outcome {
  return {
    name: `reached_by_week_${week}`, unit: 'share 0–1', meaning: `share of the initiatives that reached their threshold by week ${week}`,
    of: (r) => share(r.reachedWeek, r.horizon, week),
  };
}

/** Coherent success: share of the initiatives that formalised with alignment at least `alignedAt`. */
export function coherentShare(alignedAt: number): Outcome {
  return {
    name: `coherent_share_${alignedAt}`, unit: 'share 0–1', meaning: `share of the initiatives formalised and aligned (alignment ≥ ${alignedAt})`,
    of: (r) => {
      let n = 0;
      for (let b = 0; b < r.formalisedWeek.length; b++) if (isCoherent(r.formalisedWeek[b], r.alignmentFinal[b], alignedAt, r.horizon)) n++;
      return n / r.formalisedWeek.length;
    },
  };
}

/** Share of the initiatives with alignment at least `alignedAt` at the horizon, formalised or not. */
export function alignedShare(alignedAt: number): Outcome {
  return {
    name: `aligned_share_${alignedAt}`, unit: 'share 0–1', meaning: `share of the initiatives with alignment ≥ ${alignedAt} at the horizon`,
    of: (r) => {
      let n = 0;
      for (let b = 0; b < r.alignmentFinal.length; b++) if (r.alignmentFinal[b] >= alignedAt) n++;
      return n / r.alignmentFinal.length;
    },
  };
}

/**
 * Weeks after `week` until trust is back at least at its level just before it (week − 1); the rest
 * of the horizon when it never is (censored: a lower bound).
 */
export function recoveryWeeks(week: number): Outcome {
  return {
    name: `trust_recovery_weeks_${week}`, unit: 'weeks', meaning: `weeks after week ${week} until trust in government is back at its level of week ${week - 1}`,
    of: (r) => {
      const before = trustAt(r, week - 1);
      for (let s = 0; s < r.weeks!.length; s++) if (r.weeks![s] >= week && r.trust![s] >= before) return r.weeks![s] - week + 1;
      return r.horizon - week + 1;
    },
  };
}

/** An outcome's value for a run as a number (NaN when the run does not record it). */
export function valueOf(outcome: Outcome, run: RunView): number {
  return outcome.of(run) ?? NaN;
}
