import { runValue, type RunOutput } from '../model/output.js';
import { RUN_METRICS, weekIndex } from '../model/metrics.js';

/**
 * Every per-run outcome, computed in one place: the point and plan contrasts, the patterns, the
 * notebooks and exploration read a run's outcomes from here. An outcome is a named function of one
 * run with its unit and meaning (OUTCOMES); outcomes with a parameter (reach by a week, coherent
 * success at an alignment) are made by the functions below, which name them. Adding an outcome is
 * one entry.
 *
 * Censoring: an initiative that never reached its threshold (week 0, or a week past the horizon)
 * counts as the horizon in means and medians of weeks — a restricted mean, a lower bound on the
 * true one.
 */

/** One run as outcomes see it: its initiatives' weeks and alignment, its final values, optionally its trust series. */
export interface RunView {
  horizon: number;
  /** Week each initiative first reached its threshold; 0 when it never did. */
  reachedWeek: ArrayLike<number>;
  /** Week each initiative formalised; 0 when it never did. */
  formalisedWeek: ArrayLike<number>;
  /** Each initiative's alignment at the horizon (empty when not known). */
  alignmentFinal: ArrayLike<number>;
  trustGovFinal: number | null;
  cohesionFinal: number | null;
  driveFinal: number | null;
  /** The recorded weeks and mean trust in government at each (when the series is at hand). */
  weeks?: ArrayLike<number>;
  trust?: ArrayLike<number>;
}

/** A per-run outcome: its name (a column of contrasts.csv, a row of an exploration), unit and meaning. */
export interface Outcome {
  name: string;
  unit: string;
  meaning: string;
  /** Its value for one run; null when the run does not record it. */
  of: (run: RunView) => number | null;
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
    trustGovFinal: value('trust_gov_final'),
    cohesionFinal: value('cohesion_final'),
    driveFinal: value('drive_final'),
    weeks: Int32Array.from(out.weeks),
    trust: out.series.slice(trust * samples, (trust + 1) * samples),
  };
}

/** True when a week happened within the horizon. */
const happened = (week: number, horizon: number) => week > 0 && week <= horizon;

/** A week, censored at the horizon. */
export const censoredWeek = (week: number, horizon: number) => (happened(week, horizon) ? week : horizon);

/** The initiatives' reach weeks censored at the horizon, sorted ascending. */
function sortedReachWeeks(r: RunView): number[] {
  return Array.from(r.reachedWeek, (w) => censoredWeek(w, r.horizon)).sort((a, b) => a - b);
}

function share(weeks: ArrayLike<number>, horizon: number, by = horizon): number {
  let k = 0;
  for (let i = 0; i < weeks.length; i++) if (happened(weeks[i], horizon) && weeks[i] <= by) k++;
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
  trust_gov_final: { name: 'trust_gov_final', unit: 'level 0–1', meaning: 'mean trust in government at the horizon', of: (r) => r.trustGovFinal },
  cohesion_final: { name: 'cohesion_final', unit: 'level 0–1', meaning: 'mean neighbourhood cohesion at the horizon', of: (r) => r.cohesionFinal },
  drive_final: { name: 'drive_final', unit: 'level 0–1', meaning: 'mean drive at the horizon', of: (r) => r.driveFinal },
  trust_change: {
    name: 'trust_change', unit: 'points 0–1', meaning: 'mean trust in government at the horizon minus at week 0',
    of: (r) => (r.trust && r.trust.length > 0 ? r.trust[r.trust.length - 1] - r.trust[0] : null),
  },
} satisfies Record<string, Outcome>;

export type OutcomeName = keyof typeof OUTCOMES;

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
      for (let b = 0; b < r.formalisedWeek.length; b++) if (happened(r.formalisedWeek[b], r.horizon) && r.alignmentFinal[b] >= alignedAt) n++;
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
