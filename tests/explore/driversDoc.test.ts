import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { csvCells } from '../../src/analysis/csvText.js';

/**
 * docs/drivers.md's table of what the screen found is the committed results/explore-drivers/
 * indices.csv, rounded: every "factor μ* (lo–hi)" it names, in each outcome's row, is that
 * outcome's mu_star row of the file to the decimals the table shows. The oracle is the committed
 * file; a table edited by hand, or a file regenerated without the table, fails here.
 */
describe('docs/drivers.md, the table of strongest drivers', () => {
  const [header, ...rows] = readFileSync('results/explore-drivers/indices.csv', 'utf8').trimEnd().split('\n').map(csvCells);
  const col = (name: string) => header!.indexOf(name);
  const muStar = rows.filter((r) => r[col('index')] === 'mu_star');
  const OUTCOMES: Record<string, string> = {
    'Reached by week 104 (share)': 'reached_by_104',
    'RMST (weeks)': 'rmst',
    'Median reach week': 'median_reach',
    'Coherent success (share)': 'coherent_success',
    'Final trust': 'trust_final',
  };
  const doc = readFileSync('docs/drivers.md', 'utf8');
  const table = doc.slice(doc.indexOf('| Outcome | Strongest drivers |')).split('\n\n')[0]!;
  const lines = table.split('\n').slice(2);

  it('names every outcome of the screen', () => {
    expect(lines.map((l) => l.split('|')[1]!.trim())).toEqual(Object.keys(OUTCOMES));
  });

  it('gives each named factor its μ* and interval as indices.csv has them, rounded as written', () => {
    let checked = 0;
    for (const line of lines) {
      const outcome = OUTCOMES[line.split('|')[1]!.trim()]!;
      const own = muStar.filter((r) => r[col('outcome')] === outcome);
      const text = line.split('|').slice(2).join('|').replace(/\*\*/g, '');
      // "residents.threshold 0.94 (0.78–1.10)", "costs 31": a factor by its path or its last part
      for (const m of text.matchAll(/([a-zA-Z][\w.]*) (\d+(?:\.\d+)?)(?: \((\d+(?:\.\d+)?)–(\d+(?:\.\d+)?)\))?/g)) {
        const [, name, estimate, lo, hi] = m;
        const row = own.find((r) => r[col('factor')] === name || r[col('factor')]!.endsWith(`.${name}`));
        expect(row, `${outcome}: ${name}`).toBeDefined();
        const rounded = (csv: string, written: string) => Number(csv).toFixed(written.split('.')[1]?.length ?? 0);
        const where = `${outcome}: ${name}`;
        expect(rounded(row![col('estimate')]!, estimate!), where).toBe(estimate);
        if (lo !== undefined) expect([rounded(row![col('lo')]!, lo), rounded(row![col('hi')]!, hi!)], where).toEqual([lo, hi]);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(20);
  });
});
