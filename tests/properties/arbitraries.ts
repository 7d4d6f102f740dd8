import fc from 'fast-check';
import { defaultParameters, PARAMETERS, type Parameters } from '../../src/model/parameters.js';
import { walkSpecs, type ParamSpec } from '../../src/model/spec.js';

/** Paths whose full range would make a property run slow; they get small worlds instead. */
const SMALL: Record<string, fc.Arbitrary<unknown>> = {
  'population.neighbourhoods': fc.integer({ min: 1, max: 4 }),
  'population.households': fc.integer({ min: 2, max: 60 }),
  'population.initiators': fc.integer({ min: 0, max: 6 }),
  'network.degree': fc.double({ min: 0, max: 12, noNaN: true }),
  'officials.perNeighbourhood': fc.integer({ min: 0, max: 4 }),
  'officials.contactsPerWeek': fc.double({ min: 0, max: 60, noNaN: true }),
  'strategy.attentionBudget': fc.double({ min: 0, max: 6, noNaN: true }),
  'strategy.stakeholders': fc.integer({ min: 1, max: 8 }),
};

function valueOf(path: string, spec: ParamSpec): fc.Arbitrary<unknown> {
  if (SMALL[path]) return SMALL[path];
  switch (spec.kind) {
    case 'number':
      return spec.integer ? fc.integer({ min: spec.min, max: spec.max }) : fc.double({ min: spec.min, max: spec.max, noNaN: true });
    case 'boolean':
      return fc.boolean();
    case 'enum':
      return fc.constantFrom(...spec.values);
    case 'series':
      return fc.oneof(
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.array(fc.tuple(fc.integer({ min: 0, max: 30 }), fc.double({ min: 0, max: 1, noNaN: true })), { minLength: 1, maxLength: 4 }).map((points) => ({ points })),
        fc.array(fc.tuple(fc.integer({ min: 0, max: 30 }), fc.double({ min: 0, max: 1, noNaN: true })), { minLength: 1, maxLength: 4 }).map((steps) => ({ steps })),
      );
    case 'list':
      return fc.oneof(fc.constant(null), fc.array(fc.double({ min: spec.min, max: spec.max, noNaN: true }), { minLength: 1, maxLength: 10 }));
    case 'signposts':
      return fc.array(
        fc.record({ metric: fc.constantFrom(...spec.metrics), level: fc.double({ min: 0, max: 1, noNaN: true }), below: fc.boolean(), respond: fc.constantFrom(...spec.responses) })
          .map(({ metric, level, below, respond }) => (below ? { metric, below: level, respond } : { metric, above: level, respond })),
        { maxLength: 3 },
      );
  }
}

/** Any valid parameter set, every value drawn from its declared range (sizes kept small). */
export const anyParameters: fc.Arbitrary<Parameters> = fc
  .tuple(...[...walkSpecs(PARAMETERS)].map(([path, spec]) => valueOf(path, spec).map((v) => [path, v] as const)))
  .map((pairs) => {
    const params = defaultParameters() as unknown as Record<string, Record<string, unknown>>;
    for (const [path, value] of pairs) {
      const [group, key] = path.split('.');
      params[group][key] = value;
    }
    return params as unknown as Parameters;
  });
