import type { ParamSpec } from '../model/spec.js';
import { CONTEXT_NAMES } from './contexts.js';
import { PRESETS } from './presets.js';
import { numberSchema, type JsonSchema } from './specSchema.js';
import { GROUP_NAMES, SWEEPABLE, joinPath } from './paths.js';
import { show } from './errors.js';
import type { Section } from './types.js';
import { INTERVENTION_SECTIONS } from './interventions.js';

export const PRESET_NAMES = Object.keys(PRESETS) as (keyof typeof PRESETS)[];

/** The values a swept parameter may take: a list, or (for numbers) a range. */
function axisSchema(path: string, spec: ParamSpec): JsonSchema {
  const description = `Values to try for ${path}: ${spec.doc}`;
  switch (spec.kind) {
    case 'enum':
      return { type: 'array', minItems: 1, items: { type: 'string', enum: [...spec.values] }, description };
    case 'boolean':
      return { type: 'array', minItems: 1, items: { type: 'boolean' }, description };
    case 'number':
    case 'series': {
      const value = numberSchema(spec.min, spec.max, spec.kind === 'number' && spec.integer);
      return {
        description,
        anyOf: [
          { type: 'array', minItems: 1, items: value },
          {
            type: 'object',
            title: `a range {from, to, steps} with from and to from ${spec.min} to ${spec.max}`,
            required: ['from', 'to'],
            additionalProperties: false,
            properties: {
              from: value,
              to: value,
              steps: { type: 'integer', minimum: 2, maximum: 100_000, description: 'Evenly spaced values from `from` to `to`, both included (grid and oat).' },
            },
          },
        ],
      };
    }
    case 'list':
      throw new Error('list parameters cannot be swept');
  }
}

const sweep: Section = {
  key: 'sweep',
  schema: () => ({
    type: 'object',
    description:
      'Parameters to vary between points. grid: every combination, in the order listed (the last varies fastest); lhs: a Latin hypercube of `samples` points over the ranges; oat: one factor at a time around the base point.',
    required: ['parameters'],
    additionalProperties: false,
    properties: {
      design: { type: 'string', enum: ['grid', 'lhs', 'oat'], default: 'grid', description: 'How points are spread. Default: grid.' },
      samples: { type: 'integer', minimum: 1, maximum: 1_000_000, description: 'Number of points of an lhs design.' },
      parameters: {
        type: 'object',
        title: 'at least one parameter to vary, as path: values (e.g. strategy.steering: [0, 0.5, 1])',
        minProperties: 1,
        additionalProperties: false,
        properties: Object.fromEntries([...SWEEPABLE].map(([path, spec]) => [path, axisSchema(path, spec)])),
      },
    },
  }),
  check(scenario, report) {
    const s = scenario.sweep;
    if (!s) return;
    const design = s.design ?? 'grid';
    if (design === 'lhs' && s.samples === undefined) report('sweep.samples', 'the number of points for the lhs design', 'nothing');
    if (design !== 'lhs' && s.samples !== undefined) report('sweep.samples', `nothing (samples is for design lhs; this design is ${design})`, show(s.samples));
    for (const [path, axis] of Object.entries(s.parameters ?? {})) {
      if (Array.isArray(axis)) continue;
      const where = joinPath('sweep.parameters', path);
      if (axis.from >= axis.to) report(where, 'a range with from below to', `from ${axis.from}, to ${axis.to}`);
      if (design !== 'lhs' && axis.steps === undefined) {
        report(joinPath(where, 'steps'), `the number of values from ${axis.from} to ${axis.to} (design ${design})`, 'nothing');
      }
    }
  },
};

const compare: Section = {
  key: 'compare',
  schema: () => ({
    type: 'array',
    title: 'a list of strategies to compare (each a preset, inline parameters, or both)',
    description:
      'Named strategies run on the same replications (common random numbers). Each entry is a preset, inline parameter groups, or a preset with overrides. With a sweep too, every strategy is swept.',
    minItems: 1,
    items: { $ref: '#/definitions/compareEntry' },
  }),
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

/** The schema of one compare entry (kept among the definitions, next to the groups it refers to). */
export function compareEntrySchema(): JsonSchema {
  return {
    type: 'object',
    title: 'a strategy: {preset: …} and/or parameter groups, with a name',
    additionalProperties: false,
    properties: {
      name: { type: 'string', minLength: 1, description: 'Shown in charts and the strategy column; defaults to the preset name.' },
      preset: { type: 'string', enum: PRESET_NAMES, description: 'A named strategy to start from.' },
      context: { type: 'string', enum: CONTEXT_NAMES, description: "Starting conditions for this strategy alone, over the scenario's; the report names the difference." },
      description: { type: 'string' },
      ...Object.fromEntries(GROUP_NAMES.map((g) => [g, { $ref: `#/definitions/${g}` }])),
    },
  };
}

/** The sections after the parameters, in the order they appear in the schema. */
export const SECTIONS: readonly Section[] = [sweep, compare, ...INTERVENTION_SECTIONS];
