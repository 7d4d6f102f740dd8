import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { buildReport } from '../../src/charts/report.js';
import { comparisonResults } from '../analysis/fixtures.js';

/*
 * manifest.json `reportFiles`: "the charts the report step writes" (docs/results.md). Oracle: the
 * folder itself — every file listed exists, and every chart file written is listed.
 */

const listed = (dir: string) => (JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as { reportFiles: string[] }).reportFiles;

describe('the charts a report lists in its manifest', () => {
  test('are the ones it wrote: no PNG under --no-png, and a later --no-png report deletes and unlists an earlier one’s PNGs', async () => {
    const results = await comparisonResults({ replicates: 2 });
    const { dir } = results;
    await buildReport(results, { png: false });
    expect(listed(dir).length).toBeGreaterThan(0);
    expect(listed(dir).filter((f) => f.endsWith('.png'))).toEqual([]);
    for (const f of listed(dir)) expect(existsSync(join(dir, f)), f).toBe(true);

    await buildReport(results);
    const pngs = listed(dir).filter((f) => f.endsWith('.png'));
    expect(pngs.length).toBeGreaterThan(0);
    for (const f of listed(dir)) expect(existsSync(join(dir, f)), f).toBe(true);

    await buildReport(results, { png: false });
    expect(listed(dir).filter((f) => f.endsWith('.png'))).toEqual([]);
    for (const f of pngs) expect(existsSync(join(dir, f)), f).toBe(false);
    for (const f of listed(dir)) expect(existsSync(join(dir, f)), f).toBe(true);
  });
});
