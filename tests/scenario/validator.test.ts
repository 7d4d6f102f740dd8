import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { Ajv, type ValidateFunction } from 'ajv';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { scenarioSchema } from '../../src/scenario/schema.js';
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
});
