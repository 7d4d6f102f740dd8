import { Ajv, type ValidateFunction } from 'ajv';
import type { Problem } from './errors.js';
import { scenarioSchema } from './schema.js';
import { translateErrors } from './translate.js';

let compiled: ValidateFunction | undefined;

/** Checks a scenario document against the schema; one problem per wrong field, none when it fits. */
export function schemaProblems(document: unknown, file: string): Problem[] {
  compiled ??= new Ajv({ allErrors: true, verbose: true, strict: true }).compile(scenarioSchema());
  if (compiled(document)) return [];
  return translateErrors(compiled.errors ?? [], file);
}
