import { describe, expect, it } from 'vitest';
import { defaultParameters } from '../../src/model/parameters.js';
import { parseScenario } from '../../src/scenario/load.js';
import { mergeParams, parametersOf } from '../../src/scenario/paths.js';
import { PRESETS } from '../../src/scenario/presets.js';
import { exportScenario } from '../../src/studio/exportScenario.js';
import { isTextKey, text } from '../../src/studio/i18n.js';
import { startRun, stepWeek } from '../../src/studio/kernel.js';
import { PRESET_NAMES } from '../../src/studio/levers.js';

describe('the studio offers every preset, the adaptive one included', () => {
  it('lists process-management, labelled in both languages', () => {
    expect(PRESET_NAMES).toEqual(Object.keys(PRESETS));
    expect(PRESET_NAMES).toContain('process-management');
    for (const name of PRESET_NAMES) {
      expect(isTextKey(name), name).toBe(true);
      if (isTextKey(name)) expect(text(name, 'nl')).not.toBe(text(name, 'en'));
    }
  });

  it('a studio run of process-management adapts, and its export carries the signposts back to a scenario', () => {
    const params = mergeParams(defaultParameters(), PRESETS['process-management'].overrides);
    params.residents.trustGov = 0.35; // the trust signpost is passed in week 1
    const run = startRun(params, 20, 7);
    while (stepWeek(run));
    expect(run.world.signposts.responses[0]).toBe(1);
    expect(run.world.params.strategy.serving).toBeCloseTo(0.7, 12);
    expect(params.strategy.serving).toBe(0.5); // the run works on its own copy
    const yaml = exportScenario({ params, seed: 7, horizon: 20, interventions: [] });
    expect(parametersOf(parseScenario(yaml, 'studio.yaml'))).toEqual(params);
  });
});
