import { interventionName } from '../model/interventions/types.js';
import { list, mapping, object, ref, text, TEXT_LENGTH } from '../schema/shape.js';
import { show } from './errors.js';
import { INTERVENTION_SECTIONS } from './interventions.js';
import { joinPath } from './paths.js';
import { COMPARE_ENTRY, SWEEP } from './shapes.js';
import type { Scenario, Section } from './types.js';
import { EXPLORE } from './explore.js';

const sweep: Section = {
  key: 'sweep',
  shape: SWEEP,
  check(scenario, report) {
    const s = scenario.sweep;
    if (!s) return;
    const design = s.design ?? 'grid';
    if (design === 'lhs' && s.samples === undefined) report('sweep.samples', 'the number of points for the lhs design', 'nothing');
    if (design !== 'lhs' && s.samples !== undefined) report('sweep.samples', `nothing (samples is for design lhs; this design is ${design})`, show(s.samples));
    for (const [path, axis] of Object.entries(s.parameters ?? {})) {
      const where = joinPath('sweep.parameters', path);
      if (Array.isArray(axis)) {
        // a value given twice would make two points with one label, which the charts draw as one
        const twice = axis.findIndex((v, j) => axis.indexOf(v) < j);
        if (twice >= 0) report(`${where}[${twice}]`, 'a value not given before in the list', `${show(axis[twice])} again`);
        continue;
      }
      if (axis.from >= axis.to) report(where, 'a range with from below to', `from ${axis.from}, to ${axis.to}`);
      if (design !== 'lhs' && axis.steps === undefined) {
        report(joinPath(where, 'steps'), `the number of values from ${axis.from} to ${axis.to} (design ${design})`, 'nothing');
      }
    }
  },
};

const compare: Section = {
  key: 'compare',
  shape: list(ref('compareEntry', COMPARE_ENTRY), {
    minItems: 1,
    title: 'a list of strategies to compare (each a preset, inline parameters, or both)',
    description:
      'Named strategies run on the same replications (common random numbers). Each entry is a preset, inline parameter groups, or a preset with overrides. With a sweep too, every strategy is swept.',
  }),
  definitions: { compareEntry: COMPARE_ENTRY },
  check(scenario, report) {
    const seen = new Set<string>();
    (scenario.compare ?? []).forEach((entry, i) => {
      const name = entry.name ?? entry.preset;
      if (name === undefined) report(`compare[${i}]`, 'a name or a preset', 'neither');
      else if (seen.has(name)) report(`compare[${i}].name`, 'a name not used by another strategy', show(name));
      else seen.add(name);
    });
  },
};

const explore: Section = {
  key: 'explore',
  shape: EXPLORE,
  check(scenario, report) {
    if (!scenario.explore) return;
    for (const other of ['sweep', 'compare', 'plans'] as const) {
      if (scenario[other] !== undefined) report(other, `nothing beside explore (explore makes its own points)`, `a ${other} section`);
    }
  },
};

/** The scenario's own words in another language: what a report in that language (--lang) shows instead. */
const translations: Section = {
  key: 'translations',
  shape: object(
    {
      nl: object(
        {
          name: text({ maxLength: TEXT_LENGTH.name, description: 'The name in Dutch.' }),
          description: text({ maxLength: TEXT_LENGTH.text, multiline: true, description: 'The description in Dutch.' }),
          question: text({ maxLength: TEXT_LENGTH.text, multiline: true, description: 'The question in Dutch.' }),
          names: mapping<string>(
            {},
            {
              patterns: { '.': text({ minLength: 1, maxLength: TEXT_LENGTH.name }).schema },
              description: 'Names this scenario gives, in Dutch: of compared strategies, plans and interventions, each as written above (an intervention without a name by the one the results give it, e.g. "evening week 4").',
            },
          ),
        },
        { description: 'In Dutch (--lang nl).' },
      ),
    },
    {
      description:
        "The scenario's name, description, question and the names it gives, in another language, shown by a report in that language (--lang); a field left out is shown as written above.",
    },
  ),
  check(scenario, report) {
    const given = givenNames(scenario);
    for (const name of Object.keys(scenario.translations?.nl?.names ?? {})) {
      if (!given.has(name)) report(joinPath('translations.nl.names', name), `a name this scenario gives (${[...given].map(show).join(', ') || 'it gives none'})`, show(name));
    }
  },
};

/** The names a scenario gives: its compared strategies', its plans' and its interventions' (as the results name them). */
export function givenNames(scenario: Scenario): Set<string> {
  const names = new Set<string>();
  for (const entry of scenario.compare ?? []) {
    const name = entry.name ?? entry.preset;
    if (name !== undefined) names.add(name);
  }
  for (const entry of scenario.interventions ?? []) names.add(interventionName(entry));
  for (const plan of scenario.plans ?? []) {
    names.add(plan.name);
    for (const entry of plan.interventions) names.add(interventionName(entry));
  }
  return names;
}

/** The sections after the parameters, in the order they appear in the schema. */
export const SECTIONS: readonly Section[] = [sweep, compare, ...INTERVENTION_SECTIONS, explore, translations];
