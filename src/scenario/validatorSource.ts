import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Ajv } from 'ajv';
import standalone from 'ajv/dist/standalone/index.js';
import { scenarioSchema } from './schema.js';
import { AJV_OPTIONS, loadBuiltValidator, schemaHash, VALIDATOR_CACHE, VALIDATOR_FILE } from './validate.js';

/**
 * The scenario validator as standalone JavaScript (ajv's standalone code, CommonJS) with the hash of
 * the schema it was compiled from: loading it costs milliseconds where compiling the schema costs
 * hundreds on every start of the CLI.
 */
export function validatorSource(): string {
  const ajv = new Ajv({ ...AJV_OPTIONS, code: { source: true } });
  const code = standalone.default(ajv, ajv.compile(scenarioSchema()));
  return `${code}\nmodule.exports.schemaHash = ${JSON.stringify(schemaHash())};\n`;
}

// `node dist/src/scenario/validatorSource.js`, a step of `npm run build`, writes it into the build,
// then V8's code cache of it, made after validating a document that calls the check of every
// section, so that the functions compiled on first call are in the cache too.
if (process.argv[1] === fileURLToPath(import.meta.url)) {
  writeFileSync(new URL(`./${VALIDATOR_FILE}`, import.meta.url), validatorSource());
  const built = loadBuiltValidator()!;
  built.validate({});
  built.validate(Object.fromEntries(Object.keys(scenarioSchema().properties as object).map((k) => [k, {}])));
  writeFileSync(new URL(`./${VALIDATOR_CACHE}`, import.meta.url), built.script.createCachedData());
}
