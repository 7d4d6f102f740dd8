import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { draagvlak, tinySweep, workdir } from './cli.js';

describe('draagvlak run with its report', () => {
  it('prints where report.html is, and writes summary.csv and charts that do not depend on the worker count', () => {
    const cwd = workdir({ 'tiny.yaml': tinySweep() });
    const one = draagvlak(['run', 'tiny.yaml', '--workers', '1', '--quiet'], cwd);
    expect(one.code).toBe(0);
    expect(one.stdout).toContain(`report: ${join('results', 'tiny', 'report.html')}`);
    const a = join(cwd, 'results', 'tiny');
    expect(existsSync(join(a, 'report.html'))).toBe(true);
    expect(readFileSync(join(a, 'summary.csv'), 'utf8').trimEnd().split('\n')).toHaveLength(4);

    expect(draagvlak(['run', 'tiny.yaml', '--workers', '2', '--quiet', '--out', 'two'], cwd).code).toBe(0);
    const b = join(cwd, 'two');
    expect(readFileSync(join(b, 'summary.csv'), 'utf8')).toBe(readFileSync(join(a, 'summary.csv'), 'utf8'));
    const charts = readdirSync(join(a, 'charts')).sort();
    expect(charts.length).toBeGreaterThan(0);
    expect(readdirSync(join(b, 'charts')).sort()).toEqual(charts);
    for (const f of charts) expect(readFileSync(join(b, 'charts', f)), f).toEqual(readFileSync(join(a, 'charts', f)));
  });
});
