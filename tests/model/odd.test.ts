import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { TABLE_END, TABLE_START, withParameterTable } from '../../scripts/parameterTable.js';
import { defaultParameters, defaultRunSettings, PARAMETERS, RUN_SETTINGS } from '../../src/model/parameters.js';
import type { ParamSpec } from '../../src/model/spec.js';

const odd = readFileSync('docs/ODD.md', 'utf8');

describe('docs/ODD.md parameter table', () => {
  it('matches the table generated from PARAMETERS and RUN_SETTINGS (run `npm run docs` to update)', () => {
    expect(odd.includes(TABLE_START) && odd.includes(TABLE_END)).toBe(true);
    expect(withParameterTable(odd)).toBe(odd);
  });

  // Checked against the registry without the code that writes the table: the rows are parsed back
  // from the document and every parameter's default (from defaultParameters, not the specs) and
  // range (from its spec, found by its path) must be the ones printed.
  it("has one row per parameter, with the registry's default and range", () => {
    const rows = new Map<string, { default: string; range: string }>();
    for (const line of odd.slice(odd.indexOf(TABLE_START), odd.indexOf(TABLE_END)).split('\n')) {
      const cells = line.match(/^\| `([^`]+)` \| ([^|]*) \| ([^|]*) \|/);
      if (cells) rows.set(cells[1], { default: cells[2], range: cells[3] });
    }
    const defaults: Record<string, unknown> = { ...defaultParameters(), ...defaultRunSettings() };
    const registry: Record<string, unknown> = { ...PARAMETERS, ...RUN_SETTINGS };
    const leaves = (value: unknown, path: string): [string, unknown][] =>
      value !== null && typeof value === 'object' && !Array.isArray(value)
        ? Object.entries(value).flatMap(([k, v]) => leaves(v, path ? `${path}.${k}` : k))
        : [[path, value]];
    const values = leaves(defaults, '');
    expect(values.length).toBeGreaterThan(80);
    expect([...rows.keys()].sort()).toEqual(values.map(([path]) => path).sort());
    for (const [path, value] of values) {
      const row = rows.get(path)!;
      expect(row.default, path).toBe(value === null || (Array.isArray(value) && value.length === 0) ? '—' : String(value));
      const spec = path.split('.').reduce<unknown>((node, key) => (node as Record<string, unknown>)[key], registry) as ParamSpec;
      if (spec.kind === 'boolean') expect(row.range, path).toBe('true / false');
      else if (spec.kind === 'enum') expect(row.range.split(' / '), path).toEqual([...spec.values]);
      else if (spec.kind === 'signposts') for (const name of [...spec.metrics, ...spec.responses]) expect(row.range, path).toContain(name);
      else expect(row.range.split(' … ').map(Number), path).toEqual([spec.min, spec.max]);
    }
  });
});

describe('docs/ODD.md structure', () => {
  it.each(['Purpose and patterns', 'Entities, state variables and scales', 'Process overview and scheduling', 'Design concepts', 'Initialisation', 'Input data', 'Submodels'])(
    'has the ODD section "%s"',
    (heading) => {
      expect(odd).toMatch(new RegExp(`^#+ .*${heading}`, 'm'));
    },
  );
});
