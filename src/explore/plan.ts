import type { NumberSpec } from '../model/spec.js';
import { OUTCOME_EXPECTED, defaultOutcomes, outcomeDefinition } from '../analysis/pooledOutcomes.js';
import { analysisStream } from '../random/streams.js';
import { checkParameters } from '../scenario/checks.js';
import { latinHypercube } from '../scenario/design.js';
import { ScenarioError, show, showUnknown, type Problem } from '../scenario/errors.js';
import { PARAMETER_SPECS, clone, joinPath, parametersOf, setParam } from '../scenario/paths.js';
import type { Explore, ExploreMethod, RunPlan, Scenario, ScenarioPoint } from '../scenario/types.js';
import { interventionSetting, isInterventionFactor, setInterventionSetting, type InterventionSetting } from './interventionSettings.js';
import { morrisDesign, spreadTrajectories } from './morris.js';
import { SALTELLI_MAX_FACTORS, saltelliDesign } from './sobolIndices.js';

/** A lever is a parameter the manager controls: the strategy group. */
export const LEVER_GROUP = 'strategy';

/** One explored factor. */
export interface Factor {
  path: string;
  kind: 'lever' | 'uncertainty';
  from: number;
  to: number;
  integer: boolean;
  /** The intervention setting it ranges over; none for a model parameter. */
  setting?: InterventionSetting;
}

/** What explore ran: its factors, its points in the unit cube (row-major, k per point), and the analysis it asked for. */
export interface ExploreDesign {
  method: ExploreMethod;
  factors: Factor[];
  unit: Float64Array;
  /** Morris trajectories, Sobol' base rows, or lhs points. */
  size: number;
  /** Morris grid levels. */
  levels: number;
  /** Morris: the trajectories drawn, of which the `size` best spread were kept (none: all drawn are kept). */
  candidates?: number;
  outcomes: string[];
  discover?: { outcome: string; below?: number; above?: number };
  bootstrap: number;
  seed: number;
}

const isNumber = (path: string) => {
  const spec = PARAMETER_SPECS.get(path);
  return spec !== undefined && (spec.kind === 'number' || spec.kind === 'series');
};

/**
 * Checks a scenario's `explore:` section against the parameter registry, the outcomes and the
 * method: each problem one line naming the field, what was expected and what was found.
 */
export function exploreProblems(scenario: Scenario, file: string): Problem[] {
  const e = scenario.explore;
  if (!e) return [];
  const problems: Problem[] = [];
  const report = (path: string, expected: string, found: string) => problems.push({ file, path, expected, found });
  const levers = Object.entries(e.levers ?? {});
  const uncertainties = Object.entries(e.uncertainties ?? {});
  const numeric = [...PARAMETER_SPECS.keys()].filter(isNumber);
  const strategyPaths = numeric.filter((p) => p.startsWith(`${LEVER_GROUP}.`));
  if (levers.length + uncertainties.length === 0) report('explore', 'at least one lever or uncertainty to vary', 'none');
  const settings = new Map<string, string>();
  for (const [kind, entries] of [['levers', levers], ['uncertainties', uncertainties]] as const) {
    for (const [path, r] of entries) {
      const where = joinPath(`explore.${kind}`, path);
      if (isInterventionFactor(path)) {
        const s = interventionSetting(path, scenario.interventions ?? [], scenario.horizon);
        if (!('index' in s)) report(where, s.expected, s.found);
        else if (settings.has(`${s.index} ${s.setting}`)) report(where, 'each factor listed once', `the setting "${settings.get(`${s.index} ${s.setting}`)}" names again`);
        else if (r.from >= r.to) report(where, 'a range with from below to', `from ${r.from}, to ${r.to}`);
        else if (r.from < s.min || r.to > s.max) report(where, `a range within the setting's range, ${s.min} to ${s.max}`, `from ${r.from}, to ${r.to}`);
        else if (s.integer && (!Number.isInteger(r.from) || !Number.isInteger(r.to))) report(where, `whole numbers (${s.setting} counts ${s.setting === 'size' ? 'parties' : 'weeks'})`, `from ${r.from}, to ${r.to}`);
        if ('index' in s) settings.set(`${s.index} ${s.setting}`, path);
        continue;
      }
      if (!isNumber(path)) {
        report(where, `a numeric model parameter (${kind === 'levers' ? strategyPaths.join(', ') : 'e.g. residents.threshold, environment.costs'})`, showUnknown(path, numeric));
        continue;
      }
      const lever = path.startsWith(`${LEVER_GROUP}.`);
      if (kind === 'levers' && !lever) {
        report(where, `a lever the manager controls: a strategy parameter (${strategyPaths.join(', ')})`, `"${path}" (list it under uncertainties)`);
        continue;
      }
      if (kind === 'uncertainties' && e.levers?.[path] !== undefined) {
        report(where, 'each factor listed once', `"${path}" as a lever too`);
        continue;
      }
      if (kind === 'uncertainties' && lever) {
        report(where, 'an uncertainty nobody controls (strategy parameters are levers)', `"${path}" (list it under levers)`);
        continue;
      }
      const spec = PARAMETER_SPECS.get(path) as NumberSpec;
      if (r.from >= r.to) report(where, 'a range with from below to', `from ${r.from}, to ${r.to}`);
      else if (r.from < spec.min || r.to > spec.max) report(where, `a range within the parameter's range, ${spec.min} to ${spec.max}`, `from ${r.from}, to ${r.to}`);
    }
  }
  const outcomes = e.outcomes ?? defaultOutcomes(scenario.horizon);
  outcomes.forEach((o, i) => {
    if (!outcomeDefinition(o, scenario.horizon)) report(`explore.outcomes[${i}]`, `an outcome: ${OUTCOME_EXPECTED.replace('the horizon', `the horizon, ${scenario.horizon}`)}`, show(o));
    else if (outcomes.indexOf(o) !== i) report(`explore.outcomes[${i}]`, 'each outcome listed once', show(o));
  });
  if (e.discover) {
    const d = e.discover;
    if (!outcomes.includes(d.outcome)) report('explore.discover.outcome', `one of the explored outcomes (${outcomes.join(', ')})`, show(d.outcome));
    if ((d.below === undefined) === (d.above === undefined)) report('explore.discover', 'a case of interest with either below or above', show(d));
  }
  const k = levers.length + uncertainties.length;
  const size = (field: 'trajectories' | 'samples', expected: string, ok: (n: number) => boolean) => {
    const n = e[field];
    if (n === undefined || !ok(n)) report(`explore.${field}`, expected, show(n));
  };
  const notFor = (field: 'trajectories' | 'samples' | 'levels' | 'candidates') => {
    if (e[field] !== undefined) report(`explore.${field}`, `nothing (${field} is not used by method ${e.method})`, show(e[field]));
  };
  switch (e.method) {
    case 'morris':
      size('trajectories', 'the number of Morris trajectories, at least 2', (n) => n >= 2);
      if (e.levels !== undefined && (e.levels < 2 || e.levels % 2 !== 0)) report('explore.levels', 'an even number of grid levels, at least 2', show(e.levels));
      if (e.candidates !== undefined && e.trajectories !== undefined && e.candidates <= e.trajectories) {
        report('explore.candidates', `more candidate trajectories than the ${e.trajectories} kept`, show(e.candidates));
      }
      notFor('samples');
      break;
    case 'sobol':
      size('samples', 'the base rows of the Saltelli design: a power of two, at least 8', (n) => n >= 8 && (n & (n - 1)) === 0);
      if (k > SALTELLI_MAX_FACTORS) report('explore', `at most ${SALTELLI_MAX_FACTORS} factors for sobol (the Sobol' table holds ${2 * SALTELLI_MAX_FACTORS} dimensions)`, `${k}`);
      notFor('trajectories');
      notFor('levels');
      notFor('candidates');
      break;
    case 'lhs':
      size('samples', `the number of Latin hypercube points, more than the factors plus one (${k + 1})`, (n) => n > k + 1);
      notFor('trajectories');
      notFor('levels');
      notFor('candidates');
      break;
  }
  return problems;
}

/** The factors of a checked explore section: levers first, then uncertainties, each in the order listed. */
export function factorsOf(scenario: Scenario): Factor[] {
  const e = scenario.explore as Explore;
  const factor = (kind: Factor['kind']) => ([path, r]: [string, { from: number; to: number }]): Factor => {
    if (!isInterventionFactor(path)) return { path, kind, from: r.from, to: r.to, integer: (PARAMETER_SPECS.get(path) as NumberSpec).integer === true };
    const setting = interventionSetting(path, scenario.interventions ?? [], scenario.horizon) as InterventionSetting;
    return { path, kind, from: r.from, to: r.to, integer: setting.integer, setting };
  };
  return [...Object.entries(e.levers ?? {}).map(factor('lever')), ...Object.entries(e.uncertainties ?? {}).map(factor('uncertainty'))];
}

/** A unit coordinate on a factor's range (whole numbers for integer parameters, each equally likely). */
export function factorValue(f: Factor, u: number): number {
  if (f.integer) return Math.min(f.to, Math.floor(f.from + u * (f.to - f.from + 1)));
  return f.from + u * (f.to - f.from);
}

/** The design of a checked explore section in the unit cube. */
export function exploreDesign(scenario: Scenario): ExploreDesign {
  const e = scenario.explore as Explore;
  const factors = factorsOf(scenario);
  const k = factors.length;
  const base = {
    method: e.method,
    factors,
    outcomes: e.outcomes ?? defaultOutcomes(scenario.horizon),
    ...(e.discover ? { discover: e.discover } : {}),
    bootstrap: e.bootstrap ?? 1000,
    seed: scenario.seed,
    levels: e.levels ?? 4,
  };
  switch (e.method) {
    case 'morris': {
      const r = e.trajectories as number;
      const drawn = morrisDesign(e.candidates ?? r, k, base.levels, analysisStream(scenario.seed, 'explore/morris'));
      const unit = e.candidates === undefined ? drawn : spreadTrajectories(drawn, e.candidates, r, k);
      return { ...base, size: r, unit, ...(e.candidates !== undefined ? { candidates: e.candidates } : {}) };
    }
    case 'sobol': {
      const n = e.samples as number;
      return { ...base, size: n, unit: saltelliDesign(n, k) };
    }
    case 'lhs': {
      const n = e.samples as number;
      // The scenario's Latin hypercube, on unit ranges: the same strata and pairing as a sweep's.
      const rows = latinHypercube(factors.map((_, i) => [`f${i}`, { from: 0, to: 1 }]), n, scenario.seed);
      return { ...base, size: n, unit: Float64Array.from(rows.flatMap((row) => factors.map((_, i) => row[`f${i}`] as number))) };
    }
  }
}

/**
 * The run plan of a scenario with an `explore:` section: one point per design point, in design
 * order, each setting every factor. Runs go through the ordinary executor, so they share its
 * common random numbers (replicate r meets the same people at every point), streaming, --resume
 * and byte-identical results. Throws a ScenarioError (one line per problem) when the section or a
 * point cannot be run.
 */
export function explorePlan(scenario: Scenario, file: string): { plan: RunPlan; design: ExploreDesign } {
  const problems = exploreProblems(scenario, file);
  if (problems.length) throw new ScenarioError(problems);
  const design = exploreDesign(scenario);
  const k = design.factors.length;
  const base = parametersOf(scenario);
  const points: ScenarioPoint[] = [];
  const seen = new Set<string>();
  for (let p = 0; p < design.unit.length / k; p++) {
    const params = clone(base);
    const interventions = scenario.interventions ? clone(scenario.interventions) : undefined;
    const values: Record<string, number> = {};
    design.factors.forEach((f, i) => {
      const v = factorValue(f, design.unit[p * k + i]);
      values[f.path] = v;
      if (f.setting) setInterventionSetting(interventions![f.setting.index], f.setting.setting, v);
      else setParam(params, f.path, v);
    });
    checkParameters(params, scenario.horizon, (path, expected, found) => {
      if (seen.has(path)) return;
      seen.add(path);
      problems.push({ file, path: `${path} (at explore point ${p})`, expected, found });
    });
    const point: ScenarioPoint = { index: p, label: `${design.method} ${p}`, values, params };
    if (interventions?.length) point.interventions = interventions;
    points.push(point);
  }
  if (problems.length) throw new ScenarioError(problems);
  return { plan: { scenario, varied: design.factors.map((f) => f.path), points }, design };
}
