import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as vega from 'vega';
import { describe, expect, test } from 'vitest';
import { executeToResultSet } from '../../src/analysis/execute.js';
import { chartContext, chartsFor } from '../../src/charts/report.js';
import { compileSpec } from '../../src/charts/render.js';
import { runModel } from '../../src/model/run.js';
import { planRuns } from '../../src/scenario/design.js';
import { loadScenario } from '../../src/scenario/load.js';

type Mark = { marktype: string; role?: string; items: Item[] };
type Item = { items?: Mark[]; x?: number; y?: number; text?: string; bounds?: { x1: number; y1: number; x2: number; y2: number } };

/** The step-after lines and the text items of a rendered chart's plot (one group), in its coordinates. */
async function linesAndTexts(spec: Parameters<typeof compileSpec>[0]) {
  const view = new vega.View(vega.parse(compileSpec(spec)), { renderer: 'none' });
  await view.runAsync();
  const lines: { x: number; y: number }[][] = [];
  const texts: Item[] = [];
  const visit = (mark: Mark) => {
    if (mark.marktype === 'line' && mark.role === 'mark') lines.push(mark.items.map((p) => ({ x: p.x!, y: p.y! })));
    if (mark.marktype === 'text' && mark.role === 'mark') texts.push(...mark.items);
    if (mark.marktype === 'group') for (const g of mark.items) for (const child of g.items ?? []) visit(child);
  };
  visit((view.scenegraph() as unknown as { root: Mark }).root);
  view.finalize();
  return { lines, texts };
}

/** Whether a step-after line (across, then up or down at the next point) passes through a box. */
function crosses(line: { x: number; y: number }[], b: { x1: number; y1: number; x2: number; y2: number }): boolean {
  const hits = (x1: number, y1: number, x2: number, y2: number) =>
    Math.max(x1, x2) >= b.x1 && Math.min(x1, x2) <= b.x2 && Math.max(y1, y2) >= b.y1 && Math.min(y1, y2) <= b.y2;
  for (let i = 0; i + 1 < line.length; i++) {
    const [p, q] = [line[i]!, line[i + 1]!];
    if (hits(p.x, p.y, q.x, p.y) || hits(q.x, p.y, q.x, q.y)) return true;
  }
  return false;
}

describe('the label of the tipping point’s dotted line', () => {
  // the rehearsal: a curve rises through the week the last initiative tipped, since an initiative
  // can reach the threshold after its tipping week; the baseline: the default report's reach curve
  test.each(['scenarios/rehearsal-evening.yaml', 'scenarios/baseline.yaml'])('no reach curve runs through it (%s)', async (file) => {
    const scenario = loadScenario(file, { replications: 6 });
    const out = mkdtempSync(join(tmpdir(), 'draagvlak-tipping-label-'));
    const { results } = await executeToResultSet(planRuns(scenario), { out, workers: 1, model: runModel, quiet: true, handleSignals: false });
    const charts = chartsFor(chartContext(results!)).filter((c) => c.name === 'plan-reach' || c.name === 'reach-curve');
    expect(charts.length).toBeGreaterThan(0);
    let labels = 0;
    for (const chart of charts) {
      const { lines, texts } = await linesAndTexts(chart.spec);
      const label = texts.find((t) => t.text?.startsWith('started past the tipping point'));
      if (!label) continue;
      labels++;
      expect(lines.length, chart.name).toBeGreaterThan(0);
      for (const line of lines) expect(crosses(line, label.bounds!), `${chart.name}: a curve runs through “${label.text}”`).toBe(false);
    }
    expect(labels).toBeGreaterThan(0);
  }, 60_000);
});
