import { stringify } from 'yaml';
import type { Intervention } from '../model/interventions/types.js';
import { defaultParameters, type Parameters } from '../model/parameters.js';
import { PARAMETER_SPECS, getParam } from '../scenario/paths.js';

/** What was played in the studio. */
export interface Played {
  params: Parameters;
  seed: number;
  horizon: number;
  /** Every intervention at the week it was pressed, in the order pressed. */
  interventions: Intervention[];
}

/** The name of the plan that holds what was pressed. */
export const PLAYED_PLAN = 'played in the studio';

/**
 * A scenario file that `draagvlak run` replays: the parameters that differ from the defaults, the
 * seed, series recorded every week, one replicate, and — when anything was pressed — a plan holding
 * every intervention at its week. With the plan the run holds two points on the same seed: "no
 * intervention" (the studio's grey twin) and the plan (your run); replicate 0 of each gives the
 * weekly series shown in the studio.
 */
export function exportScenario(played: Played): string {
  const defaults = defaultParameters();
  const changed: Record<string, Record<string, unknown>> = {};
  for (const path of PARAMETER_SPECS.keys()) {
    const value = getParam(played.params, path);
    if (JSON.stringify(value) === JSON.stringify(getParam(defaults, path))) continue;
    const [group, key] = path.split('.');
    (changed[group] ??= {})[key] = value;
  }
  const doc: Record<string, unknown> = {
    name: 'studio',
    description: 'Played in the draagvlak studio.',
    question: 'What did the choices made in the studio change, against doing nothing on the same seed?',
    seed: played.seed,
    replications: 1,
    horizon: played.horizon,
    sampleEvery: 1,
    ...changed,
  };
  if (played.interventions.length > 0) doc.plans = [{ name: PLAYED_PLAN, interventions: played.interventions }];
  return `# Replay with: npx draagvlak run studio.yaml\n${stringify(doc)}`;
}
