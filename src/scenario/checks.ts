import type { Parameters } from '../model/parameters.js';
import { show, type Report } from './errors.js';
import { PARAMETER_SPECS, getParam, isRecord } from './paths.js';
import { SECTIONS } from './sections.js';
import type { Scenario } from './types.js';

/**
 * What the schema cannot say about one parameter set: fields that must agree with each other and
 * with the horizon. `prefix` names where the set came from in messages (a compared strategy, a point).
 */
export function checkParameters(params: Parameters, horizon: number, report: Report): void {
  const { population } = params;
  if (population.initiators > population.households) {
    report('population.initiators', `at most the households per neighbourhood (${population.households})`, show(population.initiators));
  }
  (params.strategy.signposts ?? []).forEach((s, i) => {
    if ((s.below === undefined) === (s.above === undefined)) {
      report(`strategy.signposts[${i}]`, 'exactly one level, below or above', s.below === undefined ? 'neither' : 'both');
    }
  });
  for (const [path, spec] of PARAMETER_SPECS) {
    if (spec.kind !== 'series') continue;
    const value = getParam(params, path);
    if (!isRecord(value)) continue;
    const form = 'points' in value ? 'points' : 'steps';
    const pairs = value[form] as [number, number][];
    pairs.forEach(([week], i) => {
      if (week > horizon) report(`${path}.${form}[${i}][0]`, `a week from 0 to the horizon (${horizon})`, show(week));
      else if (i > 0 && week <= pairs[i - 1][0]) report(`${path}.${form}[${i}][0]`, `a week after the previous one (${pairs[i - 1][0]})`, show(week));
    });
  }
}

/** What the schema cannot say about a whole scenario: run settings, parameters and every section. */
export function checkScenario(scenario: Scenario, report: Report): void {
  if (scenario.sampleEvery > scenario.horizon) {
    report('sampleEvery', `at most the horizon (${scenario.horizon} weeks)`, show(scenario.sampleEvery));
  }
  checkParameters(scenario, scenario.horizon, report);
  for (const section of SECTIONS) section.check?.(scenario, report);
}
