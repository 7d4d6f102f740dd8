import type { ParamSpec } from '../model/spec.js';
import { PARAMETER_SPECS } from '../scenario/paths.js';
import { PRESETS, type PresetName } from '../scenario/presets.js';

/**
 * A control of the studio: a parameter of the registry, with its range from there. Strategy levers
 * are live — moved during a run they become a `set` intervention from the next week; the others are
 * starting conditions and start the run afresh.
 */
export interface Lever {
  path: string;
  live: boolean;
  spec: ParamSpec;
  /** Slider step (numbers only). */
  step: number;
}

const LIVE = ['steering', 'participation', 'serving', 'buffer', 'revenueShare', 'competence', 'stakeholders', 'attention', 'attentionBudget'].map((k) => `strategy.${k}`);
const START = [
  'population.neighbourhoods', 'population.households', 'residents.trustGov', 'residents.belonging', 'residents.drive',
  'residents.support', 'officials.presence', 'officials.orientation', 'initiative.threshold',
  'environment.costs', 'environment.provenTechniques', 'environment.climate', 'environment.policyPressure',
];

function lever(path: string, live: boolean): Lever {
  const spec = PARAMETER_SPECS.get(path);
  if (!spec) throw new Error(`no parameter ${path}`);
  const step = (spec.kind === 'number' && !spec.integer) || spec.kind === 'series' ? (spec.max <= 1 ? 0.05 : 0.1) : 1;
  return { path, live, spec, step };
}

export const LEVERS: readonly Lever[] = [...LIVE.map((p) => lever(p, true)), ...START.map((p) => lever(p, false))];

/** The slider range of a lever: the registry's range, narrowed where the registry allows far more than a class needs. */
export function leverRange(l: Lever): { min: number; max: number } {
  if (l.spec.kind !== 'number' && l.spec.kind !== 'series') return { min: 0, max: 1 };
  const cap: Record<string, number> = { 'population.neighbourhoods': 24, 'population.households': 2000, 'strategy.attentionBudget': 8 };
  return { min: l.spec.min, max: Math.min(l.spec.max, cap[l.path] ?? l.spec.max) };
}

export const PRESET_NAMES = Object.keys(PRESETS) as PresetName[];
