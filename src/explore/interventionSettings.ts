import { ACTION_SIZE, type Intervention } from '../model/interventions/types.js';
import { PARAMETER_SPECS } from '../scenario/paths.js';
import { showUnknown } from '../scenario/errors.js';
import { INTERVENTION_FACTOR } from '../scenario/explore.js';

/**
 * Intervention settings as explored factors. A factor `interventions.<name>.<setting>` (the
 * intervention's `name:`) or `interventions[<i>].<setting>` (its place in the scenario's
 * `interventions:` timeline, from 0) ranges over one numeric setting of one intervention: the week
 * it fires (`at`), starts (`from`) or how long it lasts (`for`), its strength (`size`), the level of
 * its condition (`when.above`, `when.below`), or a value it sets (`set.strategy.<parameter>`, as the
 * set block writes it). Only settings the intervention has can vary (`size` always, except for
 * `set`, whose size is unused), each within the range the scenario allows it.
 */

/** One intervention setting an explored factor ranges over. */
export interface InterventionSetting {
  /** Its intervention's place in the timeline. */
  index: number;
  /** at, from, for, size, when.above, when.below or set.<key>. */
  setting: string;
  min: number;
  max: number;
  integer: boolean;
}

/** True when a factor path names an intervention setting rather than a model parameter. */
export const isInterventionFactor = (path: string) => INTERVENTION_FACTOR.test(path);

/** The numeric settings of one intervention, with the range each may take (weeks within the horizon). */
function settingsOf(entry: Intervention, horizon: number): Map<string, Omit<InterventionSetting, 'index' | 'setting'>> {
  const out = new Map<string, Omit<InterventionSetting, 'index' | 'setting'>>();
  const week = { min: 1, max: horizon, integer: true };
  for (const key of ['at', 'from', 'for'] as const) if (entry[key] !== undefined) out.set(key, week);
  if (entry.action !== 'set') {
    const { min, max, integer } = ACTION_SIZE[entry.action];
    out.set('size', { min, max, integer: integer === true });
  }
  for (const key of ['above', 'below'] as const) if (entry.when?.[key] !== undefined) out.set(`when.${key}`, { min: 0, max: 1, integer: false });
  for (const [key, value] of Object.entries(entry.set ?? {})) {
    const spec = PARAMETER_SPECS.get(key.startsWith('strategy.') ? key : `strategy.${key}`);
    if (typeof value === 'number' && spec?.kind === 'number') out.set(`set.${key}`, { min: spec.min, max: spec.max, integer: spec.integer === true });
  }
  return out;
}

/**
 * The intervention setting a factor path names, or what is wrong with it (expected, found), for
 * one line of a bad-input message.
 */
export function interventionSetting(
  path: string,
  timeline: readonly Intervention[],
  horizon: number,
): InterventionSetting | { expected: string; found: string } {
  const names = timeline.map((e, i) => e.name ?? `interventions[${i}]`);
  const byIndex = /^interventions\[(\d+)\]\.(.+)$/.exec(path);
  let index = -1;
  let setting = '';
  if (byIndex) {
    index = Number(byIndex[1]) < timeline.length ? Number(byIndex[1]) : -1;
    setting = byIndex[2];
  } else {
    // The longest name that starts the path, so names may hold dots.
    for (const [i, e] of timeline.entries()) {
      const prefix = `interventions.${e.name}.`;
      if (e.name !== undefined && path.startsWith(prefix) && (index < 0 || e.name.length > (timeline[index].name ?? '').length)) {
        index = i;
        setting = path.slice(prefix.length);
      }
    }
  }
  if (index < 0) {
    const written = byIndex ? `interventions[${byIndex[1]}]` : path.slice('interventions.'.length).split('.')[0];
    const listed = timeline.length ? `${names.join(', ')}` : 'none: the scenario has no interventions';
    return { expected: `an intervention of the scenario's interventions, by name or as interventions[i] (${listed})`, found: showUnknown(written, names) };
  }
  const settings = settingsOf(timeline[index], horizon);
  const range = settings.get(setting);
  if (!range) {
    const has = setting in timeline[index] || (setting.startsWith('set.') && timeline[index].set?.[setting.slice(4)] !== undefined);
    return {
      expected: `a numeric setting of intervention ${names[index]} (${[...settings.keys()].join(', ')})`,
      found: `"${setting}"${has ? ' (not a number)' : ''}`,
    };
  }
  return { index, setting, ...range };
}

/** Sets one setting of an intervention (a copy of the scenario's). */
export function setInterventionSetting(entry: Intervention, setting: string, value: number): void {
  if (setting.startsWith('when.')) entry.when![setting.slice(5) as 'above' | 'below'] = value;
  else if (setting.startsWith('set.')) (entry.set as Record<string, number>)[setting.slice(4)] = value;
  else (entry as unknown as Record<string, number>)[setting] = value;
}
