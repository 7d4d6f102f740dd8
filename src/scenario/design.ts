import seedrandom from 'seedrandom';
import type { Parameters } from '../model/parameters.js';
import { NO_INTERVENTION, type Intervention } from '../model/interventions/types.js';
import type { NumberSpec } from '../model/spec.js';
import { show } from './errors.js';
import { CONTEXTS } from './contexts.js';
import { PRESETS } from './presets.js';
import { SWEEPABLE, clone, getParam, mergeParams, parametersOf, setParam } from './paths.js';
import type { RunPlan, Scenario, ScenarioPoint, Sweep, SweepAxis, SweepValue } from './types.js';

/** A point of a sweep: the values it sets, and the values its row shows (oat shows the base too). */
interface SweepPoint {
  set: Record<string, SweepValue>;
  columns: Record<string, SweepValue>;
}

/**
 * Every point a scenario runs, in canonical order: the compared strategies (outer) times the
 * sweep's points times the plans (innermost), or a single point when the scenario varies nothing.
 */
export function planRuns(scenario: Scenario): RunPlan {
  const base = parametersOf(scenario);
  const strategies = scenario.compare?.length ? compareStrategies(scenario, base) : [{ name: undefined, params: base }];
  const paths = scenario.sweep ? Object.keys(scenario.sweep.parameters) : [];
  const short = shortNames(paths);

  // Plans are the innermost factor: the implicit 'no intervention' first, then each plan, so that
  // every plan sits next to its own baseline (same strategy, same swept values, same seeds).
  const plans = timelines(scenario);
  const points: ScenarioPoint[] = [];
  for (const strategy of strategies) {
    const sweepPoints = scenario.sweep ? designPoints(scenario.sweep, strategy.params, scenario.seed) : [{ set: {}, columns: {} }];
    for (const sp of sweepPoints) {
      for (const plan of plans) {
        const params = clone(strategy.params);
        for (const [path, value] of Object.entries(sp.set)) setParam(params, path, value);
        const values: Record<string, SweepValue> = strategy.name === undefined ? {} : { strategy: strategy.name };
        Object.assign(values, sp.columns);
        if (plan.name !== undefined) values.plan = plan.name;
        const swept = paths.map((p) => `${short.get(p)}=${formatValue(sp.columns[p])}`).join(' ');
        const label = [strategy.name, swept, plan.name].filter(Boolean).join(' ') || scenario.name;
        const point: ScenarioPoint = { index: points.length, label, values, params };
        if (plan.interventions.length > 0) point.interventions = clone(plan.interventions);
        points.push(point);
      }
    }
  }
  const varied = [...(scenario.compare?.length ? ['strategy'] : []), ...paths, ...(scenario.plans?.length ? ['plan'] : [])];
  return { scenario, varied, points };
}

/**
 * How many points planRuns would make, counted without making them (a grid of 100 000³ points is
 * counted in microseconds, where building it would exhaust memory). Oat may count a point or two
 * more than it makes (a value equal to the base is skipped).
 */
export function designSize(scenario: Scenario): number {
  const strategies = Math.max(1, scenario.compare?.length ?? 0);
  const plans = scenario.plans?.length ? scenario.plans.length + 1 : 1;
  let sweepPoints = 1;
  if (scenario.sweep) {
    const lengths = Object.entries(scenario.sweep.parameters).map(([path, axis]) => axisValues(path, axis).length);
    switch (scenario.sweep.design ?? 'grid') {
      case 'grid':
        sweepPoints = lengths.reduce((a, b) => a * b, 1);
        break;
      case 'oat':
        sweepPoints = 1 + lengths.reduce((a, b) => a + b, 0);
        break;
      case 'lhs':
        sweepPoints = scenario.sweep.samples ?? 1;
        break;
    }
  }
  return strategies * sweepPoints * plans;
}

/**
 * The timelines a scenario runs under: without plans, its own interventions (unnamed); with plans,
 * 'no intervention' (the scenario's own interventions only), then each plan's added to them.
 */
function timelines(scenario: Scenario): { name: string | undefined; interventions: Intervention[] }[] {
  const common = scenario.interventions ?? [];
  if (!scenario.plans?.length) return [{ name: undefined, interventions: common }];
  return [
    { name: NO_INTERVENTION, interventions: common },
    ...scenario.plans.map((plan) => ({ name: plan.name, interventions: [...common, ...plan.interventions] })),
  ];
}

/** The compared strategies: the scenario's parameters, then the entry's context and preset, then its own groups. */
export function compareStrategies(scenario: Scenario, base: Parameters = parametersOf(scenario)): { name: string; params: Parameters }[] {
  return (scenario.compare ?? []).map((entry) => {
    const inContext = entry.context ? mergeParams(base, CONTEXTS[entry.context].overrides) : base;
    const fromPreset = entry.preset ? mergeParams(inContext, PRESETS[entry.preset].overrides) : inContext;
    return { name: entry.name ?? entry.preset ?? '', params: mergeParams(fromPreset, entry) };
  });
}

/** The points of a sweep around a base parameter set (the base matters only to oat). */
export function designPoints(sweep: Sweep, base: Parameters, seed: number): SweepPoint[] {
  const axes = Object.entries(sweep.parameters);
  switch (sweep.design ?? 'grid') {
    case 'grid': {
      // Full factorial in the order listed; the last parameter varies fastest.
      let rows: Record<string, SweepValue>[] = [{}];
      for (const [path, axis] of axes) {
        const values = axisValues(path, axis);
        rows = rows.flatMap((row) => values.map((v) => ({ ...row, [path]: v })));
      }
      return rows.map((row) => ({ set: row, columns: row }));
    }
    case 'oat': {
      // The base point, then each factor through its values with the others held at base.
      const at = Object.fromEntries(axes.map(([path]) => [path, baseValue(base, path)]));
      const points: SweepPoint[] = [{ set: {}, columns: at }];
      for (const [path, axis] of axes) {
        for (const v of axisValues(path, axis)) {
          if (v === at[path]) continue;
          points.push({ set: { [path]: v }, columns: { ...at, [path]: v } });
        }
      }
      return points;
    }
    case 'lhs':
      return latinHypercube(axes, sweep.samples ?? 1, seed).map((row) => ({ set: row, columns: row }));
  }
}

/**
 * A Latin hypercube (McKay, Beckman & Conover 1979): each range is cut into n equal strata, each
 * stratum is hit exactly once per parameter, and strata are paired across parameters by random
 * permutations. The draws come from a stream of the scenario seed, so the design is reproducible.
 */
export function latinHypercube(axes: [string, SweepAxis][], n: number, seed: number): Record<string, SweepValue>[] {
  const rng = seedrandom.xor4096(`draagvlak/${seed}/design`);
  const rows: Record<string, SweepValue>[] = Array.from({ length: n }, () => ({}));
  for (const [path, axis] of axes) {
    const perm = Array.from({ length: n }, (_, i) => i);
    for (let i = n - 1; i > 0; i--) {
      const j = Math.floor(rng() * (i + 1));
      [perm[i], perm[j]] = [perm[j], perm[i]];
    }
    const integer = (SWEEPABLE.get(path) as NumberSpec | undefined)?.integer === true;
    for (let i = 0; i < n; i++) {
      const u = (perm[i] + rng()) / n;
      if (Array.isArray(axis)) rows[i][path] = axis[Math.min(axis.length - 1, Math.floor(u * axis.length))];
      else if (integer) rows[i][path] = Math.min(axis.to, Math.floor(axis.from + u * (axis.to - axis.from + 1)));
      else rows[i][path] = axis.from + u * (axis.to - axis.from);
    }
  }
  return rows;
}

/** The values of one axis: a list as given, or `steps` evenly spaced values (whole ones for integer parameters). */
export function axisValues(path: string, axis: SweepAxis): SweepValue[] {
  if (Array.isArray(axis)) return axis;
  const steps = axis.steps ?? 2;
  const integer = (SWEEPABLE.get(path) as NumberSpec | undefined)?.integer === true;
  const values: number[] = [];
  for (let i = 0; i < steps; i++) {
    // Twelve significant digits drop the binary noise of the division (0.30000000000000004 → 0.3).
    let v = Number((axis.from + ((axis.to - axis.from) * i) / (steps - 1)).toPrecision(12));
    if (integer) v = Math.round(v);
    // The values rise (or fall) monotonically, so a repeat can only be of the last one.
    if (values.length === 0 || values[values.length - 1] !== v) values.push(v);
  }
  return values;
}

function baseValue(base: Parameters, path: string): SweepValue {
  const v = getParam(base, path);
  return typeof v === 'number' || typeof v === 'string' || typeof v === 'boolean' ? v : show(v);
}

/** Label names: the last part of each path, or the whole path where two would read the same. */
export function shortNames(paths: readonly string[]): Map<string, string> {
  const last = (p: string) => p.slice(p.lastIndexOf('.') + 1);
  return new Map(paths.map((p) => [p, paths.filter((q) => last(q) === last(p)).length > 1 ? p : last(p)]));
}

function formatValue(v: SweepValue): string {
  return typeof v === 'number' ? String(Number(v.toPrecision(4))) : String(v);
}
