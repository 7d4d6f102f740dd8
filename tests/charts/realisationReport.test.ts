import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildReport } from '../../src/charts/report.js';
import { summarisePoints } from '../../src/analysis/pointSummary.js';
import { readResultSet } from '../../src/analysis/readResults.js';
import { rowsOf } from '../../src/analysis/results.js';
import { runModel } from '../../src/model/run.js';
import { executePlan } from '../../src/run/execute.js';
import { planRuns } from '../../src/scenario/design.js';
import { loadScenario } from '../../src/scenario/load.js';

const SCENARIO = `name: realisation-small
question: After formalising, do initiatives deliver?
seed: 7
replications: 3
horizon: 200
population: {neighbourhoods: 4, households: 60}
compare:
  - name: off
  - name: promised in a year
    mechanisms: {realisation: true}
    initiative: {promiseWeeks: 52}
`;

describe('the report says what came after formalising', () => {
  it('pools delivered, failed and dropped out per point from initiatives.csv, and the report shows them', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'draagvlak-realisation-'));
    const file = join(dir, 'scenario.yaml');
    writeFileSync(file, SCENARIO);
    const out = join(dir, 'out');
    await executePlan(planRuns(loadScenario(file)), { out, workers: 1, model: runModel, quiet: true, handleSignals: false, scenarioFile: file });
    const results = await readResultSet(out);
    const [off, on] = summarisePoints(results);
    expect(off.afterFormalising).toMatchObject({ delivered: 0, failed: 0, droppedOut: 0, weeksToDelivery: null });
    // the oracle: the same counts read straight off initiatives.csv
    const rows = readFileSync(join(out, 'initiatives.csv'), 'utf8').trim().split('\n').map((l) => l.split(','));
    const at = (name: string) => rows[0].indexOf(name);
    const mine = rows.slice(1).filter((r) => r[at('point')] === '1');
    expect(mine.length).toBe(rowsOf(results.initiatives, 1).length);
    expect(on.afterFormalising.formalised).toBe(mine.filter((r) => r[at('formalised_week')] !== '').length);
    expect(on.afterFormalising.delivered).toBe(mine.filter((r) => r[at('delivered_week')] !== '').length);
    expect(on.afterFormalising.failed).toBe(mine.filter((r) => r[at('failed_week')] !== '').length);
    expect(on.afterFormalising.droppedOut).toBe(mine.reduce((s, r) => s + Number(r[at('dropped_out')]), 0));
    expect(on.afterFormalising.delivered + on.afterFormalising.failed + on.afterFormalising.droppedOut).toBeGreaterThan(0);
    const html = readFileSync((await buildReport(results, { png: false })).report, 'utf8');
    expect(html).toContain('<h2>After formalising</h2>');
  }, 120_000);
});
