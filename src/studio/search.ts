import type { Parameters } from '../model/parameters.js';
import { getParam, mergeParams, setParam } from '../scenario/paths.js';
import { PRESETS, type PresetName } from '../scenario/presets.js';
import { METRICS, startRun, stepWeek, weekMetrics } from './kernel.js';
import { LEVERS } from './levers.js';
import { goalScore, type Goal } from './lessons.js';
import type { SearchResult } from './protocol.js';

/** The score a parameter set reaches on the goal, on the given seed, doing nothing during the run. */
export function scoreOf(params: Parameters, seed: number, goal: Goal): number {
  const run = startRun(params, goal.week, seed);
  while (stepWeek(run));
  const values = weekMetrics(run, goal.week, new Float64Array(METRICS.length));
  return goalScore(goal, values[METRICS.indexOf(goal.metric)], params.population.neighbourhoods);
}

/**
 * The debrief's yardstick: the presets and a coarse grid (low, middle, high) over up to three of the
 * allowed numeric strategy levers, around the parameters the run starts from (the twin's: the
 * strategy as loaded), each run on the student's seed without interventions. A preset is tried as
 * far as the task allows: its values on the allowed levers (one that moves none of them is doing
 * nothing, and left out), so that nothing found sets a lever the student may not. Best first.
 */
export function searchStrategies(base: Parameters, seed: number, goal: Goal, allowed: readonly string[]): SearchResult[] {
  const results: SearchResult[] = [];
  for (const name of Object.keys(PRESETS) as PresetName[]) {
    const preset = mergeParams(base, { strategy: PRESETS[name].overrides.strategy ?? {} });
    const values: Record<string, number | string> = {};
    for (const path of allowed) {
      const value = getParam(preset, path) as number | string;
      if (value !== getParam(base, path)) values[path] = value;
    }
    if (Object.keys(values).length > 0) results.push({ preset: name, values, score: scoreOf(withValues(base, values), seed, goal) });
  }
  const numeric = LEVERS.filter((l) => l.live && allowed.includes(l.path) && l.spec.kind === 'number').slice(0, 3);
  const levels = (path: string): number[] => {
    const spec = LEVERS.find((l) => l.path === path)!.spec;
    if (spec.kind !== 'number') return [];
    return spec.integer ? [spec.min, Math.round((spec.min + Math.min(spec.max, 7)) / 2), Math.min(spec.max, 7)] : [0.1, 0.5, 0.9];
  };
  const grid = (k: number, values: Record<string, number>): void => {
    if (k === numeric.length) {
      results.push({ values, score: scoreOf(withValues(base, values), seed, goal) });
      return;
    }
    for (const v of levels(numeric[k].path)) grid(k + 1, { ...values, [numeric[k].path]: v });
  };
  if (numeric.length > 0) grid(0, {});
  return results.sort((a, b) => b.score - a.score);
}


function withValues(base: Parameters, values: Record<string, number | string>): Parameters {
  const params = structuredClone(base);
  for (const [path, v] of Object.entries(values)) setParam(params, path, v);
  return params;
}
