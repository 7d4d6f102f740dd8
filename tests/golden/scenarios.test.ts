import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, scenarioDigests, shippedScenarios } from './scenarios.js';

// Every shipped scenario, run at 2 replications in this thread, must give the same result bytes as
// recorded in scenarios.golden.json. A change that alters them on purpose (a documented model fix)
// regenerates the file with DRAAGVLAK_UPDATE_GOLDEN=1 and says why in its commit.
const GOLDEN_FILE = join(ROOT, 'tests/golden/scenarios.golden.json');
const update = process.env.DRAAGVLAK_UPDATE_GOLDEN === '1';
const golden: Record<string, Record<string, string>> = existsSync(GOLDEN_FILE) ? JSON.parse(readFileSync(GOLDEN_FILE, 'utf8')) : {};
const fresh: Record<string, Record<string, string>> = {};

describe('every shipped scenario keeps its result bytes (2 replications)', () => {
  const files = shippedScenarios();

  it('pins every shipped scenario, and only those', () => {
    if (update) return;
    expect(Object.keys(golden).sort()).toEqual(files);
  });

  for (const file of files) {
    it(`${file} gives the recorded runs, initiatives, series and interventions`, async () => {
      const digests = await scenarioDigests(file);
      fresh[file] = digests;
      if (update) {
        const merged = { ...golden, ...fresh };
        const sorted = Object.fromEntries(Object.keys(merged).sort().map((k) => [k, merged[k]]));
        writeFileSync(GOLDEN_FILE, JSON.stringify(sorted, null, 2) + '\n');
        return;
      }
      expect(digests).toEqual(golden[file]);
    }, 300_000);
  }
});
