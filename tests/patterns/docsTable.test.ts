import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { csvCells } from '../../src/analysis/csvText.js';

/**
 * docs/patterns.md's table of effects is the reference run's results/patterns/patterns.csv, rounded:
 * each primary row's effect and interval ends as the table writes them (to the decimals it shows),
 * its replicates and its verdict. The oracle is the committed file; a table edited by hand, or a file
 * regenerated without the table, fails here.
 */
describe('docs/patterns.md, the table of effects', () => {
  it('shows the primary rows of results/patterns/patterns.csv, in order, rounded as written', () => {
    const [header, ...rows] = readFileSync('results/patterns/patterns.csv', 'utf8').trimEnd().split('\n').map(csvCells);
    const col = (name: string) => header!.indexOf(name);
    const primary = rows.filter((r) => r[col('primary')] === 'true');
    const doc = readFileSync('docs/patterns.md', 'utf8');
    const table = doc.slice(doc.indexOf('## Table of effects'), doc.indexOf('`patterns.csv` has these rows'));
    const lines = table.split('\n').filter((l) => l.startsWith('| ') && !l.startsWith('| pattern'));
    expect(lines).toHaveLength(primary.length);
    const rounded = (csv: string, written: string) => Number(csv).toFixed(written.split('.')[1]?.length ?? 0);
    lines.forEach((line, k) => {
      const cells = line.split('|').slice(1, -1).map((c) => c.trim());
      const [effect, interval, replicates, holds] = cells.slice(3);
      const [lo, hi] = interval!.split(' … ');
      const r = primary[k]!;
      const where = `${r[col('pattern')]}: ${r[col('comparison')]}`;
      expect([rounded(r[col('effect')]!, effect!), rounded(r[col('lo')]!, lo!), rounded(r[col('hi')]!, hi!)], where).toEqual([effect, lo, hi]);
      expect(replicates, where).toBe(r[col('replications')]);
      expect(holds!.startsWith('yes'), where).toBe(r[col('holds')] === 'true');
    });
  });
});
