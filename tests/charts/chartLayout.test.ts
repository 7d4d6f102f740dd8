import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import type { Chart } from '../../src/charts/chart.js';
import { executeToResultSet } from '../../src/analysis/execute.js';
import { chartContext, chartsFor } from '../../src/charts/report.js';
import { runModel } from '../../src/model/run.js';
import { planRuns } from '../../src/scenario/design.js';
import { loadScenario } from '../../src/scenario/load.js';
import { expectTextsApart, renderScene, shownTexts, type Box } from './scenegraph.js';

/** Whether a step-after line (across, then up or down at the next point) passes through a box. */
function crosses(line: { x: number; y: number }[], b: Box): boolean {
  const hits = (x1: number, y1: number, x2: number, y2: number) =>
    Math.max(x1, x2) >= b.x1 && Math.min(x1, x2) <= b.x2 && Math.max(y1, y2) >= b.y1 && Math.min(y1, y2) <= b.y2;
  for (let i = 0; i + 1 < line.length; i++) {
    const [p, q] = [line[i]!, line[i + 1]!];
    if (hits(p.x, p.y, q.x, p.y) || hits(q.x, p.y, q.x, q.y)) return true;
  }
  return false;
}

// The rehearsal: a curve rises through the week the last initiative tipped, since an initiative can
// reach the threshold after its tipping week. The baseline: the default report (npm start).
describe.each(['scenarios/rehearsal-evening.yaml', 'scenarios/baseline.yaml'])('the charts of %s', (file) => {
  let charts: Chart[];
  beforeAll(async () => {
    const scenario = loadScenario(file, { replications: 6 });
    const out = mkdtempSync(join(tmpdir(), 'draagvlak-chart-layout-'));
    const { results } = await executeToResultSet(planRuns(scenario), { out, workers: 1, model: runModel, quiet: true, handleSignals: false });
    charts = chartsFor(chartContext(results!));
  }, 60_000);

  test('no reach curve runs through the label of the tipping point’s dotted line', async () => {
    let labels = 0;
    for (const chart of charts.filter((c) => c.name === 'plan-reach' || c.name === 'reach-curve')) {
      const marks = await renderScene(chart.spec);
      const lines = marks.filter((m) => m.marktype === 'line' && m.role === 'mark').map((m) => m.items);
      const label = shownTexts(marks).find((t) => t.text.startsWith('started past the tipping point'));
      if (!label) continue;
      labels++;
      expect(lines.length, chart.name).toBeGreaterThan(0);
      for (const line of lines) expect(crosses(line, label.bounds), `${chart.name}: a curve runs through “${label.text}”`).toBe(false);
    }
    expect(labels).toBeGreaterThan(0);
  });

  test('no text of any chart runs into another', async () => {
    expect(charts.length).toBeGreaterThan(3);
    for (const chart of charts) await expectTextsApart(chart);
  });
});
