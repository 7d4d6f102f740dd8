import { STRATEGY_GROUPS } from './contexts.js';
import { compareStrategies } from './design.js';
import { PARAMETER_SPECS, getParam } from './paths.js';
import type { Scenario } from './types.js';

/** A parameter outside the strategy that differs between compared strategies, with each strategy's value. */
export interface StrategyDifference {
  path: string;
  values: { strategy: string; value: unknown }[];
}

/**
 * The parameters, other than the strategy's own levers (STRATEGY_GROUPS), in which a scenario's
 * compared strategies differ: starting conditions, neighbourhoods, environment or mechanisms. A
 * comparison of strategies is a comparison of strategies only when this list is empty.
 */
export function strategyDifferences(scenario: Scenario): StrategyDifference[] {
  const strategies = compareStrategies(scenario);
  const out: StrategyDifference[] = [];
  for (const path of PARAMETER_SPECS.keys()) {
    if (STRATEGY_GROUPS.some((g) => path.startsWith(`${g}.`))) continue;
    const values = strategies.map((s) => ({ strategy: s.name, value: getParam(s.params, path) }));
    const first = JSON.stringify(values[0]?.value);
    if (values.some((v) => JSON.stringify(v.value) !== first)) out.push({ path, values });
  }
  return out;
}
