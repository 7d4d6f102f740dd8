import { PARAMETERS, RUN_SETTINGS } from '../model/parameters.js';
import type { ParamGroup } from '../model/spec.js';
import { CONTEXT_NAMES } from './contexts.js';
import { text, TEXT_LENGTH, type JsonSchema } from '../schema/shape.js';
import { groupSchema, specSchema } from '../schema/specSchema.js';
import { PRESET_NAMES } from './presets.js';
import { SECTIONS } from './sections.js';

/**
 * The JSON Schema (draft-07) of a scenario file, generated from the parameter registry so that it
 * cannot drift from the model. `scenarios/scenario.schema.json` holds a copy for editors
 * (`npx draagvlak schema > scenarios/scenario.schema.json`).
 */
export function scenarioSchema(): JsonSchema {
  const groups = PARAMETERS as unknown as ParamGroup;
  const definitions: Record<string, JsonSchema> = {};
  for (const [key, node] of Object.entries(groups)) definitions[key] = groupSchema(node as ParamGroup, `The ${key} parameters; fields left out keep their defaults.`);
  for (const section of SECTIONS) for (const [name, shape] of Object.entries(section.definitions ?? {})) definitions[name] = shape.schema;

  const properties: Record<string, JsonSchema> = {
    name: text({ maxLength: TEXT_LENGTH.name, description: 'Short name, shown in charts and the report. Default: the file name.' }).schema,
    description: text({ maxLength: TEXT_LENGTH.text, multiline: true, description: 'What the scenario is about, in a sentence or two.' }).schema,
    question: text({ maxLength: TEXT_LENGTH.text, multiline: true, description: 'The question the scenario asks, shown at the top of the report.' }).schema,
    preset: { type: 'string', enum: PRESET_NAMES, description: 'A named strategy the parameters start from; the fields below override it.' },
    context: { type: 'string', enum: CONTEXT_NAMES, description: 'Named starting conditions (residents, neighbourhoods, history) every point starts from; the fields below override them.' },
  };
  for (const [key, spec] of Object.entries(RUN_SETTINGS)) properties[key] = specSchema(spec);
  for (const key of Object.keys(groups)) properties[key] = { $ref: `#/definitions/${key}` };
  for (const section of SECTIONS) properties[section.key] = section.shape.schema;

  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    title: 'draagvlak scenario',
    description:
      'A draagvlak scenario: run settings, model parameters (every field optional; missing ones keep their defaults), and what to vary (sweep, compare, plans of interventions).',
    type: 'object',
    additionalProperties: false,
    properties,
    definitions,
  };
}
