import { join } from 'node:path';
import { writeFileAtomic } from '../run/atomic.js';
import { csvText } from './csvText.js';
import { summarisePoints, type PointSummary } from './pointSummary.js';
import type { ResultSet } from './results.js';
import { contrastsCsv, hasPlans } from './planContrasts.js';

/** The columns of summary.csv after `point, label` and the varied parameters (docs/results.md). */
export const SUMMARY_COLUMNS = [
  'runs', 'initiatives', 'reach_probability', 'reach_lo', 'reach_hi', 'median_reach_week', 'median_reach_lo',
  'median_reach_hi', 'formalised_share', 'trust_gov_final', 'cohesion_final', 'mean_reach_week', 'mean_reach_lo', 'mean_reach_hi',
  'coherent_share', 'aligned_at',
] as const;

/** summary.csv as text: one row per point. */
export function summaryCsv(results: ResultSet, summaries: readonly PointSummary[] = summarisePoints(results)): string {
  const header = ['point', 'label', ...results.varied, ...SUMMARY_COLUMNS];
  const rows = summaries.map((s) => [
    s.point.index, s.point.label, ...results.varied.map((v) => s.point.values[v]),
    s.runs, s.initiatives, s.reach.estimate, s.reach.lo, s.reach.hi,
    s.curve.median.median, s.curve.median.lo, s.curve.median.hi,
    s.formalisedShare, s.trustGovFinal, s.cohesionFinal, s.meanReachWeek.mean, s.meanReachWeek.lo, s.meanReachWeek.hi,
    s.coherentShare, s.alignedAt,
  ]);
  return csvText(header, rows);
}

/** Writes the summary.csv (and contrasts.csv, with plans) of a result set into its folder, atomically (temporary file, then rename). */
export function writeSummary(results: ResultSet): void {
  writeFileAtomic(join(results.dir, 'summary.csv'), summaryCsv(results), 'summary');
  // Rehearsed plans: paired effect sizes against doing nothing and against each other.
  if (hasPlans(results)) writeFileAtomic(join(results.dir, 'contrasts.csv'), contrastsCsv(results));
}
