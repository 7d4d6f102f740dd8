import { join } from 'node:path';
import { csvText } from '../analysis/csvText.js';
import { writeFileAtomic } from '../run/atomic.js';
import type { ExploreAnalysis } from './analyse.js';

/** The files explore writes beside the run's own, in a results folder. */
export const EXPLORE_FILES = ['indices.csv', 'boxes.csv', 'prim-trajectory.csv', 'explore-outcomes.csv', 'explore-points.csv'] as const;

/** Six significant digits: enough for any index or share, and stable text. */
const num = (x: number) => (Number.isFinite(x) ? Number(x.toPrecision(6)) : null);

/**
 * Writes indices.csv (method, outcome, factor, kind, index, estimate, lo, hi), boxes.csv (the
 * chosen PRIM box: one row per restricted factor with its limits and quasi-p-value),
 * prim-trajectory.csv (the peeling trajectory), explore-outcomes.csv (each outcome's mean, sd,
 * share of run-to-run noise and censored points) and explore-points.csv (factors and outcomes per point).
 */
export function writeExploreFiles(dir: string, a: ExploreAnalysis): void {
  const { design } = a;
  const k = design.factors.length;
  writeFileAtomic(
    join(dir, 'indices.csv'),
    csvText(['method', 'outcome', 'factor', 'kind', 'index', 'estimate', 'lo', 'hi'], a.indices.map((r) => [r.method, r.outcome, r.factor, r.kind, r.index, num(r.estimate), num(r.lo), num(r.hi)])),
  );
  const p = a.prim;
  const box = p?.result.box;
  writeFileAtomic(
    join(dir, 'boxes.csv'),
    csvText(
      ['outcome', 'case', 'cases', 'coverage', 'density', 'mass', 'factor', 'kind', 'lo', 'hi', 'p_value'],
      p && box
        ? p.result.limits.map((l) => [p.outcome, p.case, p.cases, num(box.coverage), num(box.density), num(box.mass), design.factors[l.factor].path, design.factors[l.factor].kind, num(l.lo), num(l.hi), num(l.pValue)])
        : [],
    ),
  );
  writeFileAtomic(
    join(dir, 'prim-trajectory.csv'),
    csvText(['step', 'coverage', 'density', 'mass', 'restricted', 'chosen'], p ? p.result.trajectory.map((s, i) => [i, num(s.coverage), num(s.density), num(s.mass), s.restricted, i === p.result.chosen ? 1 : 0]) : []),
  );
  writeFileAtomic(
    join(dir, 'explore-outcomes.csv'),
    csvText(['outcome', 'title', 'mean', 'sd', 'noise_share', 'censored_points'], a.outcomes.map((o) => [o.outcome, o.title, num(o.mean), num(o.sd), num(o.noiseShare), o.censoredPoints])),
  );
  const points = a.x.length / k;
  const names = design.outcomes;
  writeFileAtomic(
    join(dir, 'explore-points.csv'),
    csvText(['point', ...design.factors.map((f) => f.path), ...names], Array.from({ length: points }, (_, i) => [i, ...Array.from(a.x.subarray(i * k, i * k + k), num), ...names.map((n) => num(a.y.get(n)![i]))])),
  );
}
