import type { ErrorObject } from 'ajv';
// @ts-expect-error written by scripts/buildStudio.mjs: the scenario schema's check as plain code
import validate from 'virtual:scenario-validator';
import type { Problem } from '../../scenario/errors.js';
import { scenarioSchema } from '../../scenario/schema.js';
import { translateErrors } from '../../scenario/translate.js';

let schema: ReturnType<typeof scenarioSchema> | undefined;

/** In the page, in place of src/scenario/validate.ts: the same schema, checked by code compiled at build time. */
export function schemaProblems(document: unknown, file: string): Problem[] {
  const check = validate as ((doc: unknown) => boolean) & { errors?: ErrorObject[] | null };
  if (check(document)) return [];
  schema ??= scenarioSchema();
  return translateErrors(check.errors ?? [], file, schema, document);
}
