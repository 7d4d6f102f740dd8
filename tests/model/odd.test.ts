import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parameterTable, TABLE_END, TABLE_START, withParameterTable } from '../../scripts/parameterTable.js';
import { PARAMETERS, RUN_SETTINGS } from '../../src/model/parameters.js';
import { walkSpecs } from '../../src/model/spec.js';

const odd = readFileSync('docs/ODD.md', 'utf8');

describe('docs/ODD.md parameter table', () => {
  it('matches the table generated from PARAMETERS and RUN_SETTINGS (run `npm run docs` to update)', () => {
    expect(odd.includes(TABLE_START) && odd.includes(TABLE_END)).toBe(true);
    expect(withParameterTable(odd)).toBe(odd);
  });

  it('has one row per parameter, named by its dotted path', () => {
    const table = parameterTable();
    const paths = [...walkSpecs(PARAMETERS), ...walkSpecs(RUN_SETTINGS)].map(([p]) => p);
    expect(table.split('\n')).toHaveLength(paths.length + 2);
    for (const p of paths) expect(table).toContain(`| \`${p}\` |`);
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
