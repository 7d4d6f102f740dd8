import { describe, expect, it } from 'vitest';
import { nonStrategySentence } from '../../src/charts/sentences.js';
import { defaultParameters } from '../../src/model/parameters.js';
import { CONTEXTS } from '../../src/scenario/contexts.js';
import { planRuns } from '../../src/scenario/design.js';
import { loadScenario, parseScenario } from '../../src/scenario/load.js';
import { PARAMETER_SPECS, getParam, mergeParams } from '../../src/scenario/paths.js';
import { PRESETS } from '../../src/scenario/presets.js';
import { strategyDifferences } from '../../src/scenario/strategyDifferences.js';

const compareAll = 'compare:\n  - preset: classic\n  - preset: cooperative\n  - preset: laissez-faire\n  - preset: network-steering\n';

describe('presets describe strategy only; starting conditions are a named context', () => {
  it('every preset sets only strategy and officials parameters', () => {
    for (const [name, preset] of Object.entries(PRESETS)) {
      const params = mergeParams(defaultParameters(), preset.overrides);
      const changed = [...PARAMETER_SPECS.keys()].filter((p) => getParam(params, p) !== getParam(defaultParameters(), p));
      expect(changed.filter((p) => !p.startsWith('strategy.') && !p.startsWith('officials.')), name).toEqual([]);
    }
  });

  it('compared presets differ in nothing but strategy, and the report says nothing about it', () => {
    const scenario = parseScenario(compareAll, 'test.yaml');
    expect(strategyDifferences(scenario)).toEqual([]);
    expect(nonStrategySentence(scenario as unknown as Record<string, unknown>)).toBeNull();
  });

  it("a scenario's context reaches every compared strategy", () => {
    const scenario = parseScenario(`context: low-trust\n${compareAll}`, 'test.yaml');
    const trust = planRuns(scenario).points.map((p) => p.params.residents.trustGov);
    expect(trust).toEqual([0.35, 0.35, 0.35, 0.35]);
    expect(CONTEXTS['low-trust'].overrides.residents?.trustGov).toBe(0.35);
    expect(strategyDifferences(scenario)).toEqual([]);
  });

  it("fields of the document override the scenario's context", () => {
    const scenario = parseScenario('context: low-trust\nresidents: {trustGov: 0.4}\n', 'test.yaml');
    expect(planRuns(scenario).points[0].params.residents.trustGov).toBe(0.4);
  });

  it('a compared strategy with its own context is named in the report, with every value', () => {
    const scenario = loadScenario('scenarios/starting-conditions.yaml');
    expect(strategyDifferences(scenario)).toEqual([
      {
        path: 'residents.trustGov',
        values: [
          { strategy: 'classic', value: 0.5 },
          { strategy: 'cooperative', value: 0.5 },
          { strategy: 'classic, low trust', value: 0.35 },
          { strategy: 'cooperative, low trust', value: 0.35 },
        ],
      },
    ]);
    const sentence = nonStrategySentence(scenario as unknown as Record<string, unknown>);
    expect(sentence).toContain('residents.trustGov (0.5 for “classic”, 0.5 for “cooperative”, 0.35 for “classic, low trust”');
  });

  it('an inline mechanism switch in one compared strategy counts as a non-strategy difference', () => {
    const scenario = parseScenario('compare:\n  - preset: classic\n  - {preset: cooperative, mechanisms: {trust: false}}\n', 'test.yaml');
    expect(strategyDifferences(scenario).map((d) => d.path)).toEqual(['mechanisms.trust']);
  });
});
