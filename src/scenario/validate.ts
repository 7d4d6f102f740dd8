import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Script } from 'node:vm';
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

/** V8's code cache of the compiled validator, beside it (written by validatorSource.js after a few validations). */
export const VALIDATOR_CACHE = 'scenarioValidator.cache';

const require = createRequire(import.meta.url);
let compiled: ValidateFunction | undefined;
let schema: ReturnType<typeof scenarioSchema> | undefined;

/** The built validator's module, run as Node runs CommonJS; the script, to make a code cache from. */
export interface BuiltValidator {
  validate: ValidateFunction & { schemaHash?: string };
  script: Script;
  /** The code cache was given and V8 took it: 1.5 MB of code not parsed and compiled again. */
  cached: boolean;
}

/**
 * Loads the validator `npm run build` wrote beside this module, with V8's code cache of it when
 * there is one (V8 refuses a cache made by another version or with other flags, and then compiles
 * the code as usual); null when there is no built validator.
 */
export function loadBuiltValidator(cachedData?: Buffer): BuiltValidator | null {
  const file = fileURLToPath(new URL(`./${VALIDATOR_FILE}`, import.meta.url));
  let source: string;
  try {
    source = readFileSync(file, 'utf8');
  } catch (err) {
    if ((err as { code?: string }).code === 'ENOENT') return null;
    throw err;
  }
  const script = new Script(`(function (exports, require, module, __filename, __dirname) {${source}\n})`, { filename: file, cachedData });
  const module = { exports: {} as BuiltValidator['validate'] };
  (script.runInThisContext() as (...args: unknown[]) => void)(module.exports, createRequire(file), module, file, dirname(file));
  return { validate: module.exports, script, cached: cachedData !== undefined && !script.cachedDataRejected };
}

function codeCache(): Buffer | undefined {
  try {
    return readFileSync(new URL(`./${VALIDATOR_CACHE}`, import.meta.url));
  } catch {
    return undefined;
  }
}

/**
 * The scenario validator: the one `npm run build` compiled into the build, when it was compiled from
 * the schema of this code (same hash); else compiled now with ajv (running from the sources, or a
 * build whose validator is out of date), which costs a few hundred milliseconds.
 */
export function scenarioValidator(): { validate: ValidateFunction; prebuilt: boolean; cached: boolean } {
  const built = loadBuiltValidator(codeCache());
  if (built?.validate.schemaHash === schemaHash()) return { validate: built.validate, prebuilt: true, cached: built.cached };
  const { Ajv } = require('ajv') as { Ajv: typeof AjvClass };
  return { validate: new Ajv(AJV_OPTIONS).compile(scenarioSchema()), prebuilt: false, cached: false };
}

/** Checks a scenario document against the schema; one problem per wrong field, none when it fits. */
export function schemaProblems(document: unknown, file: string): Problem[] {
  compiled ??= scenarioValidator().validate;
  if (compiled(document)) return [];
  schema ??= scenarioSchema();
  return translateErrors(compiled.errors ?? [], file, schema, document);
}
