import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeSummary } from '../../src/analysis/summary.js';
import { buildReport } from '../../src/charts/report.js';
import { runModel } from '../../src/model/run.js';
import { executeToResultSet } from '../../src/analysis/execute.js';
import { planRuns } from '../../src/scenario/design.js';
import { parseScenario } from '../../src/scenario/load.js';

const SCENARIO = `name: rehearsal
question: Does a well-attended evening help?
seed: 5
replications: 4
horizon: 60
sampleEvery: 10
population:
  neighbourhoods: 2
  households: 40
interventions:
  - {at: 30, action: mandate, name: mandate}
plans:
  - name: big evening
    interventions:
      - {at: 3, action: evening, size: 1, name: evening}
`;

describe('the report of a scenario with plans', () => {
  it('opens with the interventions and each plan against doing nothing, draws the paired differences and the reach curves with intervention weeks', async () => {
    const out = mkdtempSync(join(tmpdir(), 'draagvlak-plan-report-'));
    const { results } = await executeToResultSet(planRuns(parseScenario(SCENARIO, 'rehearsal.yaml')), { out, workers: 1, model: runModel, quiet: true, handleSignals: false });
    writeSummary(results!);
    await buildReport(results!);
    const html = readFileSync(join(out, 'report.html'), 'utf8');
    expect(html).toMatch(
      /Plan “big evening” against “no intervention”: mean reach week [\d.]+ against [\d.]+, a difference of [+−]?[\d.]+ weeks \((95\u00a0% interval [+−]?[\d.]+ to [+−]?[\d.]+|no difference in any replicate|the same in every replicate)\); reached the threshold by week 60: \d+\u00a0% against \d+\u00a0%/,
    );
    // Every intervention is named in the opening, the plan's and the one every point shares.
    expect(html).toContain('plan “big evening” — “evening”: evening (size 1) in week 3');
    expect(html).toContain('Every plan, and “no intervention” too, also had: “mandate”: mandate in week 30.');
    expect(html).toContain('Rehearsed plans');
    for (const chart of ['plan-differences', 'plan-reach']) {
      expect(existsSync(join(out, 'charts', `${chart}.svg`)), chart).toBe(true);
      expect(existsSync(join(out, 'charts', `${chart}.png`)), chart).toBe(true);
    }
    // The evening is marked in its plan's colour; the mandate every plan shares, once, in grey.
    const reach = JSON.parse(readFileSync(join(out, 'charts', 'plan-reach.vl.json'), 'utf8')) as { layer: { data?: { values: { name?: string; week: number }[] } }[] };
    // (the other layers with data of their own: the share that started past its tipping point)
    const marked = reach.layer.flatMap((l) => l.data?.values ?? []).filter((v) => v.name !== undefined).map((v) => `${v.name}@${v.week}`);
    expect(new Set(marked)).toEqual(new Set(['evening@3', 'mandate (every plan)@30']));
  });
});

describe('the report of a scenario with interventions but no plans', () => {
  it('names them in the opening and says there is no comparison with doing nothing', async () => {
    const out = mkdtempSync(join(tmpdir(), 'draagvlak-interventions-report-'));
    const scenario = SCENARIO.replace(/plans:[\s\S]*$/, '');
    const { results } = await executeToResultSet(planRuns(parseScenario(scenario, 'rehearsal.yaml')), { out, workers: 1, model: runModel, quiet: true, handleSignals: false });
    await buildReport(results!);
    const html = readFileSync(join(out, 'report.html'), 'utf8');
    expect(html).toContain('Every run had these interventions: “mandate”: mandate in week 30. There is no comparison with doing nothing in this scenario');
    expect(html).toMatch(/<h2>Interventions<\/h2>.*<td>mandate<\/td><td>mandate in week 30<\/td><td class="num">30<\/td><td class="num">4 of 4<\/td>/s);
  });
});
