import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { executeToResultSet } from '../../src/analysis/execute.js';
import { readResultSet } from '../../src/analysis/readResults.js';
import { runCommand } from '../../src/cli/run.js';
import { runModel } from '../../src/model/run.js';
import { planRuns } from '../../src/scenario/design.js';
import { parseScenario } from '../../src/scenario/load.js';

// Every CSV the reader splits goes through this spy: the run → report path must split none.
const parsed = vi.hoisted(() => ({ calls: 0 }));
vi.mock('../../src/analysis/csvRecords.js', async (original) => {
  const real = (await original()) as typeof import('../../src/analysis/csvRecords.js');
  class Counted extends real.CsvRecords {
    override push(chunk: string): string[][] {
      parsed.calls++;
      return super.push(chunk);
    }
  }
  return { ...real, CsvRecords: Counted };
});

/** Two plans on two neighbourhoods: every table of the result set has rows, interventions included. */
const SCENARIO = `name: round trip, "quoted"
question: Does a well-attended evening help?
seed: 5
replications: 3
horizon: 40
sampleEvery: 6
population:
  neighbourhoods: 2
  households: 40
interventions:
  - {when: {metric: support_share, above: 0.05}, action: broken-promise, size: 2, name: condition}
plans:
  - name: big evening
    interventions:
      - {at: 3, action: evening, size: 1, name: evening}
`;

describe('the result set', () => {
  afterEach(() => {
    parsed.calls = 0;
  });

  it('read back from the files it was written to equals the one built in memory (CSV is a serialisation of it)', async () => {
    const out = mkdtempSync(join(tmpdir(), 'draagvlak-roundtrip-'));
    const { results } = await executeToResultSet(planRuns(parseScenario(SCENARIO, 'trip.yaml')), { out, workers: 1, model: runModel, quiet: true, handleSignals: false });
    expect(parsed.calls).toBe(0);
    const read = await readResultSet(out);
    expect(parsed.calls).toBeGreaterThan(0); // the reader does parse: the spies see it
    expect(results!.runs.length).toBe(6);
    expect(results!.initiatives.length).toBe(12);
    expect(results!.interventions.length).toBe(6 + 3);
    expect(results!.series!.world.length).toBeGreaterThan(0);
    expect(read).toEqual(results);
  });

  it.each([['csv'], ['parquet']] as const)('read back from %s, names a spreadsheet would run as formulas are the names given, not their guarded cells', async (format) => {
    // The writer guards "=evening" as "'=evening" (OWASP); a reader that kept the guard gave
    // `draagvlak report`, `merge` and a resumed run other labels, plan names and intervention names
    // than the run itself had, and so another summary.csv, contrasts.csv and report. A name with
    // its own leading ' ("'=odd") is guarded too, so the guard can be told from it.
    const guarded = SCENARIO.replace('name: big evening', 'name: "=big evening"').replace('name: evening}', 'name: "@evening"}') +
      `  - name: "'=odd"\n    interventions:\n      - {at: 5, action: evening, name: "-late"}\n`;
    const out = mkdtempSync(join(tmpdir(), 'draagvlak-guarded-'));
    const { results } = await executeToResultSet(planRuns(parseScenario(guarded, 'trip.yaml')), {
      out, workers: 1, model: runModel, quiet: true, handleSignals: false, output: { series: { kind: 'all' }, formats: [format] },
    });
    expect(results!.points.map((p) => p.values.plan)).toEqual(['no intervention', '=big evening', "'=odd"]);
    expect(results!.interventions.name).toContain('@evening');
    expect(await readResultSet(out)).toEqual(results);
  });

  it('reaches summary.csv and report.html from `draagvlak run` without parsing a CSV', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'draagvlak-noparse-'));
    writeFileSync(join(dir, 'trip.yaml'), SCENARIO);
    vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
    const code = await runCommand(join(dir, 'trip.yaml'), { out: join(dir, 'out'), workers: 1, quiet: true, force: true });
    vi.restoreAllMocks();
    expect(code).toBe(0);
    for (const f of ['runs.csv', 'series.csv', 'summary.csv', 'contrasts.csv', 'report.html']) expect(existsSync(join(dir, 'out', f)), f).toBe(true);
    expect(parsed.calls).toBe(0);
  }, 120_000);
});
