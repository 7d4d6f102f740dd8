import type { Sweep } from './shapes.js';

/** The point a sweep's `reference:` names: a point number, or the swept values of one point. */
export type SweepReference = NonNullable<Sweep['reference']>;

/** A point as the design makes it (values as set) or as a results folder reads it (values as printed). */
interface PointValues {
  index: number;
  values: Record<string, unknown>;
}

const same = (a: unknown, b: unknown) => (typeof a === 'number' || typeof b === 'number' ? Number(a) === Number(b) : String(a) === String(b));

/**
 * The index of the point a reference names — the point with that number, or the first point
 * (in design order) with all the given values — or, when none does, what was expected and found,
 * for a one-line error.
 */
export function findReference(reference: SweepReference, points: readonly PointValues[]): { point: number } | { expected: string; found: string } {
  if (typeof reference === 'number') {
    if (points.some((p) => p.index === reference)) return { point: reference };
    return { expected: `a point number from 0 to ${points.length - 1}`, found: String(reference) };
  }
  const hit = points.find((p) => Object.entries(reference).every(([k, v]) => k in p.values && same(p.values[k], v)));
  if (hit) return { point: hit.index };
  const swept = Object.keys(reference).filter((k) => !points.some((p) => k in p.values));
  return {
    expected: swept.length > 0 ? 'swept parameters only' : 'the values of a point of the sweep',
    found: swept.length > 0 ? `${swept[0]}, which is not swept` : Object.entries(reference).map(([k, v]) => `${k}: ${typeof v === 'object' ? JSON.stringify(v) : String(v)}`).join(', '),
  };
}

/**
 * The point the report compares every other point with, replicate by replicate: the sweep's
 * `reference:` when given; otherwise the base point of a one-at-a-time sweep, no point for a grid
 * or Latin hypercube (no point of those is a natural baseline), and the first compared strategy.
 */
export function referencePoint(scenario: { sweep?: unknown; compare?: unknown }, points: readonly PointValues[]): number | null {
  const sweep = scenario.sweep as Partial<Sweep> | undefined;
  if (points.length < 2) return null;
  if (sweep?.reference !== undefined) {
    const found = findReference(sweep.reference, points);
    return 'point' in found ? found.point : null;
  }
  if (sweep && typeof sweep === 'object') return sweep.design === 'oat' ? points[0].index : null;
  return points[0].index;
}
