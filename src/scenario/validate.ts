import { createHash } from 'node:crypto';
import { createRequire } from 'node:module';
import type { Ajv as AjvClass, ValidateFunction } from 'ajv';
import type { Problem } from './errors.js';
import { scenarioSchema } from './schema.js';
import { translateErrors } from './translate.js';

/**
 * The ajv options of the scenario validator, compiled at build time or (without a build) at run time.
 * Referenced definitions (the parameter groups) are compiled once and called, not inlined at every
 * use: the same checks and messages in about 270 kB less code, which the studio page carries. No
 * `verbose` copies of schema nodes and values and no ajv messages in the errors: translateErrors
 * finds the nodes and values itself and writes its own messages (about 600 kB less code).
 */
export const AJV_OPTIONS = { allErrors: true, verbose: false, messages: false, strict: true, inlineRefs: false } as const;

/** The compiled validator's file in the build, beside validate.js (written by validatorSource.js). */
export const VALIDATOR_FILE = 'scenarioValidator.cjs';

/** SHA-256 of the scenario schema: the compiled validator carries the hash of the schema it was compiled from. */
export function schemaHash(): string {
  return createHash('sha256').update(JSON.stringify(scenarioSchema())).digest('hex');
}

const require = createRequire(import.meta.url);
let compiled: ValidateFunction | undefined;
let schema: ReturnType<typeof scenarioSchema> | undefined;

/**
 * The scenario validator: the one `npm run build` compiled into the build, when it was compiled from
 * the schema of this code (same hash); else compiled now with ajv (running from the sources, or a
 * build whose validator is out of date), which costs a few hundred milliseconds.
 */
export function scenarioValidator(): { validate: ValidateFunction; prebuilt: boolean } {
  try {
    const built = require(`./${VALIDATOR_FILE}`) as ValidateFunction & { schemaHash?: string };
    if (built.schemaHash === schemaHash()) return { validate: built, prebuilt: true };
  } catch (err) {
    if ((err as { code?: string }).code !== 'MODULE_NOT_FOUND') throw err;
  }
  const { Ajv } = require('ajv') as { Ajv: typeof AjvClass };
  return { validate: new Ajv(AJV_OPTIONS).compile(scenarioSchema()), prebuilt: false };
}

/** Checks a scenario document against the schema; one problem per wrong field, none when it fits. */
export function schemaProblems(document: unknown, file: string): Problem[] {
  compiled ??= scenarioValidator().validate;
  if (compiled(document)) return [];
  schema ??= scenarioSchema();
  return translateErrors(compiled.errors ?? [], file, schema, document);
}
