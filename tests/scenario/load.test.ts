import { describe, expect, it } from 'vitest';
import { defaultParameters, defaultRunSettings } from '../../src/model/parameters.js';
import { loadScenario } from '../../src/scenario/load.js';
import { PRESETS } from '../../src/scenario/presets.js';
import { writeScenarios } from './helpers.js';

describe('loadScenario() completes a scenario with the defaults', () => {
  it('fills every field a file leaves out with its default', () => {
    const { 'short.yaml': file } = writeScenarios({ 'short.yaml': 'strategy:\n  steering: 0.7\n' });
    const scenario = loadScenario(file);
    const expected = defaultParameters();
    expected.strategy.steering = 0.7;
    expect(scenario.strategy).toEqual(expected.strategy);
    expect(scenario.population).toEqual(expected.population);
    expect(scenario.horizon).toBe(defaultRunSettings().horizon);
    expect(scenario.name).toBe('short');
    expect(scenario.question).toBe('');
  });

  it('accepts an empty file as the default scenario', () => {
    const { 'empty.yaml': file } = writeScenarios({ 'empty.yaml': '# nothing but a comment\n' });
    const scenario = loadScenario(file);
    expect(scenario.strategy).toEqual(defaultParameters().strategy);
    expect(scenario.seed).toBe(defaultRunSettings().seed);
  });

  it('reads JSON as well as YAML', () => {
    const json = JSON.stringify({ name: 'as-json', strategy: { steering: 0.25 }, environment: { costs: { points: [[0, 0.8], [156, 0.4]] } } }, null, '\t');
    const { 's.json': file } = writeScenarios({ 's.json': json });
    const scenario = loadScenario(file);
    expect(scenario.name).toBe('as-json');
    expect(scenario.strategy.steering).toBe(0.25);
    expect(scenario.environment.costs).toEqual({ points: [[0, 0.8], [156, 0.4]] });
  });

  it('starts from a preset and lets the file override it', () => {
    const { 'p.yaml': file } = writeScenarios({ 'p.yaml': 'preset: classic\nstrategy:\n  competence: 0.9\n' });
    const scenario = loadScenario(file);
    const presetStrategy = { ...defaultParameters().strategy, ...(PRESETS.classic.overrides.strategy ?? {}) };
    expect(scenario.strategy).toEqual({ ...presetStrategy, competence: 0.9 });
  });

  it('replaces a series value whole, never mixing points with steps', () => {
    const { 'a.yaml': file } = writeScenarios({ 'a.yaml': 'environment:\n  costs: {steps: [[0, 0.9], [52, 0.3]]}\n' });
    expect(loadScenario(file).environment.costs).toEqual({ steps: [[0, 0.9], [52, 0.3]] });
  });
});

describe('--set overrides any field from the command line', () => {
  const { 'base.yaml': file } = writeScenarios({ 'base.yaml': 'name: base\nstrategy:\n  steering: 0.2\n' });

  it('reads numbers, names and series written as in YAML', () => {
    const scenario = loadScenario(file, {
      set: ['strategy.steering=0.7', 'network.kind=ring', 'environment.costs={points: [[0,0.8],[156,0.4]]}', 'mechanisms.trust=false', 'residents.thresholds=[0.1, 0.2]'],
    });
    expect(scenario.strategy.steering).toBe(0.7);
    expect(scenario.network.kind).toBe('ring');
    expect(scenario.environment.costs).toEqual({ points: [[0, 0.8], [156, 0.4]] });
    expect(scenario.mechanisms.trust).toBe(false);
    expect(scenario.residents.thresholds).toEqual([0.1, 0.2]);
  });

  it('applies overrides in order, the last one winning', () => {
    expect(loadScenario(file, { set: ['strategy.steering=0.3', 'strategy.steering=0.9'] }).strategy.steering).toBe(0.9);
  });

  it('sets run settings, text fields and sweeps', () => {
    const scenario = loadScenario(file, {
      set: ['horizon=52', 'name=2024', 'sweep.parameters.strategy.participation=[0.2, 0.8]'],
    });
    expect(scenario.horizon).toBe(52);
    expect(scenario.name).toBe('2024');
    expect(scenario.sweep).toEqual({ design: 'grid', parameters: { 'strategy.participation': [0.2, 0.8] } });
  });

  it('sets explore fields one by one, a factor by its parameter path', () => {
    const { 'explore.yaml': explore } = writeScenarios({
      'explore.yaml': 'explore:\n  method: morris\n  trajectories: 20\n  levers:\n    strategy.steering: {from: 0, to: 1}\n  uncertainties:\n    residents.threshold: {from: 0.35, to: 0.55}\n',
    });
    const scenario = loadScenario(explore, { set: ['explore.trajectories=4', 'explore.levers.strategy.serving={from: 0, to: 0.5}', 'explore.outcomes=[rmst]'] });
    expect(scenario.explore).toEqual({
      method: 'morris',
      trajectories: 4,
      levers: { 'strategy.steering': { from: 0, to: 1 }, 'strategy.serving': { from: 0, to: 0.5 } },
      uncertainties: { 'residents.threshold': { from: 0.35, to: 0.55 } },
      outcomes: ['rmst'],
    });
    expect(() => loadScenario(explore, { set: ['explore.discover.below=0.5'] })).toThrow(
      /^--set: explore\.discover\.below: expected explore\.discover as a whole \(explore\.discover=value\), found "explore\.discover\.below"$/,
    );
    expect(() => loadScenario(explore, { set: ['explore.trajectorys=4'] })).toThrow(/^--set: explore\.trajectorys: expected one of method, trajectories, .*found "trajectorys" \(did you mean trajectories\?\)$/);
  });

  it('takes --seed and --replications over the file', () => {
    const scenario = loadScenario(file, { seed: 99, replications: 3 });
    expect(scenario.seed).toBe(99);
    expect(scenario.replications).toBe(3);
  });
});
