import { isSpec, type ParamGroup, type ParamSpec } from '../model/spec.js';
import type { JsonSchema } from './shape.js';

/** The description an editor shows for a parameter: its meaning, unit, default and source. */
export function describeSpec(spec: ParamSpec): string {
  const parts = [spec.doc];
  if ('unit' in spec) parts.push(`Unit: ${spec.unit}.`);
  parts.push(`Default: ${spec.default === null ? 'none' : String(spec.default)}.`);
  if (spec.source) parts.push(`Source: ${spec.source}`);
  return parts.join(' ');
}

/** A number in a spec's range, whole when the spec asks for it. */
export function numberSchema(min: number, max: number, integer = false): JsonSchema {
  return { type: integer ? 'integer' : 'number', minimum: min, maximum: max };
}

/** `[[week, value], …]`: the points or steps of a series. */
function weekValuePairs(min: number, max: number): JsonSchema {
  return {
    type: 'array',
    title: 'a list of [week, value] pairs',
    minItems: 1,
    items: {
      type: 'array',
      title: `a pair [week, value] with a week from 0 and a value from ${min} to ${max}`,
      minItems: 2,
      maxItems: 2,
      items: [
        { type: 'number', minimum: 0 },
        { type: 'number', minimum: min, maximum: max },
      ],
    },
  };
}

/** A series value: a constant, piecewise-linear points, or steps. */
export function seriesValueSchema(min: number, max: number): JsonSchema[] {
  return [
    numberSchema(min, max),
    {
      type: 'object',
      title: '{points: [[week, value], …]}',
      description: 'Piecewise-linear through [week, value] points, flat before the first and after the last.',
      required: ['points'],
      additionalProperties: false,
      properties: { points: weekValuePairs(min, max) },
    },
    {
      type: 'object',
      title: '{steps: [[week, value], …]}',
      description: 'A step function: each [week, value] holds from that week until the next step.',
      required: ['steps'],
      additionalProperties: false,
      properties: { steps: weekValuePairs(min, max) },
    },
  ];
}

/** The schema of one parameter's value. */
export function specSchema(spec: ParamSpec): JsonSchema {
  const description = describeSpec(spec);
  switch (spec.kind) {
    case 'number':
      return { ...numberSchema(spec.min, spec.max, spec.integer), default: spec.default, description };
    case 'boolean':
      return { type: 'boolean', default: spec.default, description };
    case 'enum':
      return { type: 'string', enum: [...spec.values], default: spec.default, description };
    case 'series':
      return { anyOf: seriesValueSchema(spec.min, spec.max), default: spec.default, description };
    case 'list':
      return {
        anyOf: [
          { type: 'array', minItems: 1, items: numberSchema(spec.min, spec.max) },
          { type: 'null' },
        ],
        default: null,
        description,
      };
    case 'signposts':
      return {
        type: 'array',
        default: [],
        description,
        items: {
          type: 'object',
          title: 'a signpost {metric, below | above, respond}',
          description: 'When the metric (over all neighbourhoods, as last week ended) falls to `below` or rises to `above`, the manager responds.',
          required: ['metric', 'respond'],
          additionalProperties: false,
          properties: {
            metric: { type: 'string', enum: [...spec.metrics], description: 'What the manager watches: support_share is the highest initiative\'s; others are means (docs/results.md).' },
            below: { ...numberSchema(0, 1), description: 'Passed when the metric is at most this.' },
            above: { ...numberSchema(0, 1), description: 'Passed when the metric is at least this.' },
            respond: { type: 'string', enum: [...spec.responses], description: 'What the manager does while the signpost is passed (docs/ODD.md §7.12).' },
          },
        },
      };
  }
}

/** The schema of a parameter group: every field optional (missing ones keep their defaults), no others. */
export function groupSchema(group: ParamGroup, description?: string): JsonSchema {
  const properties: Record<string, JsonSchema> = {};
  for (const [key, node] of Object.entries(group)) {
    properties[key] = isSpec(node) ? specSchema(node) : groupSchema(node);
  }
  return { type: 'object', ...(description ? { description } : {}), additionalProperties: false, properties };
}
