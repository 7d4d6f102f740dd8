import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import { Ajv, type ValidateFunction } from 'ajv';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { scenarioSchema } from '../../src/scenario/schema.js';
import { PARAMETER_SPECS } from '../../src/scenario/paths.js';
import { translateErrors } from '../../src/scenario/translate.js';
import { AJV_OPTIONS, schemaHash, VALIDATOR_FILE } from '../../src/scenario/validate.js';

// `npm run build` (run before `npm test`) compiles the validator into dist/; the oracle is ajv's own
// compile of the same schema with the same options.
const built = createRequire(import.meta.url)(`../../dist/src/scenario/${VALIDATOR_FILE}`) as ValidateFunction & { schemaHash: string };
const fresh = new Ajv(AJV_OPTIONS).compile(scenarioSchema());

const shipped = readdirSync('scenarios')
  .filter((f) => f.endsWith('.yaml'))
  .map((f) => parse(readFileSync(join('scenarios', f), 'utf8')) as unknown);
const bad: unknown[] = [
  { strategy: { steerin: 0.7 } },
  { replicatons: 5 },
  { strategy: { steering: 1.5, stakeholders: 2.5 } },
  { strategy: { steering: 'high' }, network: { kind: 'small-world' } },
  { environment: { costs: { level: 0.4 } } },
  { sweep: { design: 'lhs', parameters: { 'strategy.steering': { from: 0 } } } },
  { compare: [{ preset: 'nobody' }], seed: -1 },
  [],
  'text',
];

describe('the scenario validator compiled at build time', () => {
  it('was compiled from the schema of this code (no drift)', () => {
    expect(built.schemaHash).toBe(schemaHash());
  });

  it('accepts and rejects what ajv compiling the schema now does, with the same errors', () => {
    expect(shipped.length).toBeGreaterThan(3);
    for (const doc of [...shipped, ...bad]) {
      const ok = built(doc);
      expect(ok).toBe(fresh(doc));
      expect(built.errors ?? null).toEqual(fresh.errors ?? null);
    }
    expect(bad.every((doc) => !built(doc))).toBe(true);
  });

  it('explains errors as ajv with `verbose: true` would let it: the same message for every parameter in every place it can be written', () => {
    // oracle: the errors of a verbose compile carry the failing schema node and value themselves
    const verbose = new Ajv({ ...AJV_OPTIONS, verbose: true }).compile(scenarioSchema());
    const explain = (check: ValidateFunction, doc: unknown) => (check(doc) ? [] : translateErrors(check.errors ?? [], 'f.yaml', scenarioSchema(), doc));
    const docs: unknown[] = [...bad];
    for (const path of PARAMETER_SPECS.keys()) {
      const [group, key] = path.split('.');
      for (const value of ['x', 1e12, -1e12, 0.5, true, [1], {}]) {
        docs.push({ [group]: { [key]: value } });
        docs.push({ compare: [{ name: 'a', [group]: { [key]: value } }] });
        if (group === 'strategy') docs.push({ plans: [{ name: 'p', interventions: [{ at: 2, action: 'set', set: { [path]: value } }] }] });
      }
    }
    for (const value of ['x', -3, 0.5, { metric: 'nothing' }]) {
      for (const field of ['at', 'from', 'for', 'size', 'when', 'where', 'action']) docs.push({ interventions: [{ action: 'evening', [field]: value }] }, { plans: [{ name: 'p', interventions: [{ at: 1, action: 'field', [field]: value }] }] });
    }
    let wrong = 0;
    for (const doc of docs) {
      const expected = explain(verbose, doc);
      wrong += expected.length > 0 ? 1 : 0;
      expect(explain(built, doc), JSON.stringify(doc)).toEqual(expected);
    }
    expect(wrong).toBeGreaterThan(500);
  });

  it('loads in a fresh process with the code cache the build made of it, and checks as ajv compiling the schema now does', () => {
    const validate = resolve('dist/src/scenario/validate.js');
    const script = `const { scenarioValidator } = await import(${JSON.stringify(validate)});
      const docs = JSON.parse(process.argv[1]);
      const { validate, prebuilt, cached } = scenarioValidator();
      console.log(JSON.stringify({ prebuilt, cached, checked: docs.map((d) => [validate(d), validate.errors ?? null]) }));`;
    const docs = [...shipped, ...bad];
    const child = spawnSync(process.execPath, ['--input-type=module', '-e', script, JSON.stringify(docs)], { encoding: 'utf8' });
    expect(child.stderr).toBe('');
    const found = JSON.parse(child.stdout) as { prebuilt: boolean; cached: boolean; checked: [boolean, unknown][] };
    expect(found.prebuilt).toBe(true);
    expect(found.cached).toBe(true);
    expect(found.checked).toEqual(docs.map((d) => [fresh(d), JSON.parse(JSON.stringify(fresh.errors ?? null)) as unknown]));
  });
});
