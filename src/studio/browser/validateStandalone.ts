import type { ErrorObject } from 'ajv';
// @ts-expect-error written by scripts/buildStudio.mjs: the scenario schema's check as plain code
import validate from 'virtual:scenario-validator';
import type { Problem } from '../../scenario/errors.js';
import { translateErrors } from '../../scenario/translate.js';

/** In the page, in place of src/scenario/validate.ts: the same schema, checked by code compiled at build time. */
export function schemaProblems(document: unknown, file: string): Problem[] {
  const check = validate as ((doc: unknown) => boolean) & { errors?: ErrorObject[] | null };
  if (check(document)) return [];
  return translateErrors(check.errors ?? [], file);
}
