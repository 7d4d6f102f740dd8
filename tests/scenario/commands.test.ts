import { afterEach, describe, expect, it, vi } from 'vitest';
import { schemaCommand } from '../../src/cli/schema.js';
import { validateCommand } from '../../src/cli/validate.js';
import { scenarioSchema } from '../../src/scenario/schema.js';
import { writeScenarios } from './helpers.js';

function capture() {
  const out: string[] = [];
  const err: string[] = [];
  vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => (out.push(String(chunk)), true));
  vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => (err.push(String(chunk)), true));
  return { out, err };
}

afterEach(() => vi.restoreAllMocks());

describe('draagvlak validate FILE…', () => {
  it('prints ok for each valid file and returns 0', () => {
    const { out } = capture();
    expect(validateCommand(['scenarios/baseline.yaml', 'scenarios/steering-sweep.yaml'])).toBe(0);
    expect(out.join('')).toBe('ok scenarios/baseline.yaml (3 points × 20 replications)\nok scenarios/steering-sweep.yaml (15 points × 8 replications)\n');
  });

  it('counts in the singular when there is one: 1 point × 1 replication', () => {
    const files = writeScenarios({ 'one.yaml': 'replications: 1\n' });
    const { out } = capture();
    expect(validateCommand([files['one.yaml']])).toBe(0);
    expect(out.join('')).toBe(`ok ${files['one.yaml']} (1 point × 1 replication)\n`);
  });

  it('prints every problem of every bad file and returns 2', () => {
    const files = writeScenarios({ 'a.yaml': 'strategy: {steering: 3}\n', 'b.yaml': 'horizon: many\n' });
    const { out, err } = capture();
    expect(validateCommand(['scenarios/baseline.yaml', files['a.yaml'], files['b.yaml']])).toBe(2);
    expect(out.join('')).toBe('ok scenarios/baseline.yaml (3 points × 20 replications)\n');
    expect(err.join('')).toBe(
      `${files['a.yaml']}: strategy.steering: expected a number from 0 to 1, found 3\n` +
        `${files['b.yaml']}: horizon: expected a whole number from 1 to 5200, found "many"\n`,
    );
  });
});

describe('draagvlak schema', () => {
  it('prints the scenario JSON Schema', () => {
    const { out } = capture();
    expect(schemaCommand()).toBe(0);
    expect(JSON.parse(out.join(''))).toEqual(scenarioSchema());
  });
});
