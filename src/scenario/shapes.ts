import type { Parameters } from '../model/parameters.js';
import type { ParamSpec } from '../model/spec.js';
import { anyOf, boolean, given, integer, list, mapping, number, object, oneOf, text, TEXT_LENGTH, type ObjectOf, type Shape, type TypeOf } from '../schema/shape.js';
import { CONTEXT_NAMES } from './contexts.js';
import { GROUP_NAMES, SWEEPABLE } from './paths.js';
import { PRESET_NAMES, type DeepPartial } from './presets.js';

/*
 * The sweep and compare sections of a scenario, each described once: the schema a file is checked
 * against and the type the code reads both come from here (the interventions and plans are
 * described with the kernel, in src/model/interventions/types.ts).
 */

/** How a sweep spreads its points: full factorial, Latin hypercube, or one factor at a time. */
export const SWEEP_DESIGNS = ['grid', 'lhs', 'oat'] as const;
export type SweepDesign = (typeof SWEEP_DESIGNS)[number];

/** A value a swept parameter can take: a number, an enum name or a switch. */
export type SweepValue = number | string | boolean;

/** A range of a numeric parameter: `steps` evenly spaced values from `from` to `to` (an lhs design samples it). */
function rangeShape(value: Shape<number>, spec: { min: number; max: number }) {
  return object(
    {
      from: value,
      to: value,
      steps: integer({ minimum: 2, maximum: 100_000 }, { description: 'Evenly spaced values from `from` to `to`, both included (grid and oat).' }),
    },
    { required: ['from', 'to'], title: `a range {from, to, steps} with from and to from ${spec.min} to ${spec.max}` },
  );
}

/**
 * The values of one swept parameter: an explicit list, or a range. A grid or oat range needs
 * `steps` (the number of evenly spaced values, ends included); an lhs range is sampled.
 */
export type SweepAxis = SweepValue[] | TypeOf<ReturnType<typeof rangeShape>>;

/** The values a swept parameter may take: a list, or (for numbers) a range. */
function axisShape(path: string, spec: ParamSpec): Shape<SweepAxis> {
  const description = `Values to try for ${path}: ${spec.doc}`;
  switch (spec.kind) {
    case 'enum':
      return list(oneOf(spec.values), { minItems: 1, description });
    case 'boolean':
      return list(boolean(), { minItems: 1, description });
    case 'number':
    case 'series': {
      const range = { minimum: spec.min, maximum: spec.max };
      const value = spec.kind === 'number' && spec.integer ? integer(range) : number(range);
      return anyOf([list(value, { minItems: 1 }), rangeShape(value, spec)], { description });
    }
    case 'list':
    case 'signposts':
      throw new Error(`${spec.kind} parameters cannot be swept`);
  }
}

/** The `sweep:` block of a scenario. */
export const SWEEP = object(
  {
    design: oneOf(SWEEP_DESIGNS, { default: 'grid', description: 'How points are spread. Default: grid.' }),
    samples: integer({ minimum: 1, maximum: 1_000_000 }, { description: 'Number of points of an lhs design.' }),
    parameters: mapping<SweepAxis>(Object.fromEntries([...SWEEPABLE].map(([path, spec]) => [path, axisShape(path, spec).schema])), {
      minProperties: 1,
      title: 'at least one parameter to vary, as path: values (e.g. strategy.steering: [0, 0.5, 1])',
    }),
    reference: anyOf(
      [
        integer({ minimum: 0 }),
        // any value per swept parameter: whether it is one of a point's is checked against the design (src/scenario/reference.ts)
        mapping<SweepValue>(Object.fromEntries([...SWEEPABLE.keys()].map((path) => [path, {}])), { minProperties: 1 }),
      ],
      {
        title: 'a point number (the point column of summary.csv) or the swept values of one point, e.g. {strategy.steering: 0.5}',
        description:
          'The point every other point is compared with, replicate by replicate, in the report (paired differences). Default: the base point for oat, none for grid and lhs.',
      },
    ),
  },
  {
    required: ['parameters'],
    description:
      'Parameters to vary between points. grid: every combination, in the order listed (the last varies fastest); lhs: a Latin hypercube of `samples` points over the ranges; oat: one factor at a time around the base point.',
  },
);

/** The `sweep:` block as loaded: the design filled in (grid when not given). */
export type Sweep = TypeOf<typeof SWEEP> & { design: SweepDesign };

/** What a compare entry holds besides parameter groups. */
const COMPARE_FIELDS = {
  name: text({ minLength: 1, maxLength: TEXT_LENGTH.name, description: 'Shown in charts and the strategy column; defaults to the preset name.' }),
  preset: oneOf(PRESET_NAMES, { description: 'A named strategy to start from.' }),
  context: oneOf(CONTEXT_NAMES, { description: "Starting conditions for this strategy alone, over the scenario's; the report names the difference." }),
  description: text({ maxLength: TEXT_LENGTH.text, multiline: true }),
};

/** One entry of `compare:`: a preset, inline parameter groups (as in the registry's definitions), or a preset plus overrides. */
export const COMPARE_ENTRY = object(
  { ...COMPARE_FIELDS, ...Object.fromEntries(GROUP_NAMES.map((g) => [g, given<unknown>({ $ref: `#/definitions/${g}` })])) },
  { title: 'a strategy: {preset: …} and/or parameter groups, with a name' },
);

export type CompareEntry = ObjectOf<typeof COMPARE_FIELDS> & DeepPartial<Parameters>;
