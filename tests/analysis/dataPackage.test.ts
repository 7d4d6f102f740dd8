import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv } from 'ajv';
import AjvDraft04 from 'ajv-draft-04';
import { parse } from 'csv-parse/sync';
import { beforeAll, describe, expect, it } from 'vitest';
import { readResultSet } from '../../src/analysis/readResults.js';
import { parquetColumns, parquetRows } from '../../src/analysis/parquet.js';
import { dataPackage } from '../../src/analysis/dataPackage.js';
import { draagvlak, workdir } from '../e2e/cli.js';

/**
 * Oracle: the published JSON Schemas of the Frictionless Data Package, Data Resource and Tabular
 * Data Resource profiles (tests/frictionless/, named there with their source); and each file's own
 * header and rows, read independently of the writer.
 */
const PROFILE = (name: string) => JSON.parse(readFileSync(join(import.meta.dirname, '../frictionless', `${name}.json`), 'utf8')) as object;
const ajv = new (AjvDraft04 as unknown as typeof Ajv)({ allErrors: true, strict: false });
const validators = Object.fromEntries(['data-package', 'data-resource', 'tabular-data-resource'].map((p) => [p, ajv.compile(PROFILE(p))]));

/** Plans (interventions.csv, contrasts.csv), a swept parameter and a run that fails: every table of a run. */
const SCENARIO = `name: Data package, "quoted"
question: Is every column described?
seed: 5
replications: 3
horizon: 30
sampleEvery: 5
population:
  neighbourhoods: 2
  households: 30
compare:
  - {name: classic, preset: classic}
  - {name: =cooperative, preset: cooperative}
plans:
  - name: evening
    interventions:
      - {at: 3, action: evening, name: evening}
`;

interface Resource { profile: string; name: string; path: string; format: string; schema: { fields: { name: string; type: string; description: string; unit?: string }[] } }
interface Package { profile: string; resources: Resource[] }

let cwd: string;
const folder = (name: string) => join(cwd, name);
const pkg = (name: string) => JSON.parse(readFileSync(join(folder(name), 'datapackage.json'), 'utf8')) as Package;

beforeAll(() => {
  cwd = workdir({ 'dp.yaml': SCENARIO });
  for (const [out, format] of [['both', 'csv,parquet'], ['csv', 'csv'], ['parquet', 'parquet']]) {
    const r = draagvlak(['run', 'dp.yaml', '--quiet', '--workers', '1', '--format', format!, '--out', out!], cwd);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
  }
}, 240_000);

describe('datapackage.json', () => {
  it('validates against the Frictionless Data Package profile, each resource against its own profile', () => {
    for (const name of ['both', 'csv', 'parquet']) {
      const p = pkg(name);
      expect(validators['data-package']!(p), JSON.stringify(validators['data-package']!.errors)).toBe(true);
      // the validators do refuse: a package without resources, a table without its schema, a bad name
      expect(validators['data-package']!({ ...p, resources: [] })).toBe(false);
      expect(validators['tabular-data-resource']!({ ...p.resources[0], schema: undefined })).toBe(false);
      expect(validators['data-package']!({ ...p, name: 'Not A Name' })).toBe(false);
      for (const r of p.resources) {
        const validate = validators[r.profile]!;
        expect(validate, r.profile).toBeDefined();
        expect(validate(r), `${name}/${r.path}: ${JSON.stringify(validate.errors)}`).toBe(true);
      }
    }
  });

  it('lists every table in the folder and every column of each, as its header names them, each with a type and a meaning', () => {
    for (const name of ['both', 'csv', 'parquet']) {
      const dir = folder(name);
      const p = pkg(name);
      const tables = readdirSync(dir).filter((f) => /\.(csv|parquet)$/.test(f)).sort();
      expect(p.resources.map((r) => r.path).sort()).toEqual(tables);
      for (const r of p.resources) {
        const path = join(dir, r.path);
        const header = r.format === 'csv' ? (parse(readFileSync(path, 'utf8'), { to_line: 1 }) as string[][])[0] : parquetColumns(path);
        expect(r.schema.fields.map((f) => f.name), r.path).toEqual(header);
        for (const f of r.schema.fields) {
          expect(f.description.length, `${r.path} ${f.name}`).toBeGreaterThan(5);
          expect(['integer', 'number', 'string', 'boolean']).toContain(f.type);
        }
      }
    }
    // the tables of a run with plans and a comparison, and of its report
    expect(pkg('both').resources.map((r) => r.path)).toEqual([
      'runs.csv', 'runs.parquet', 'initiatives.csv', 'initiatives.parquet', 'series.csv', 'series.parquet',
      'interventions.csv', 'interventions.parquet', 'summary.csv', 'contrasts.csv',
    ]);
    const runs = pkg('csv').resources[0]!.schema.fields;
    expect(runs.find((f) => f.name === 'support_final')).toMatchObject({ type: 'number', unit: 'level 0–1' });
    expect(runs.find((f) => f.name === 'first_reached_week')).toMatchObject({ type: 'integer' });
  });
});

describe('the data package name', () => {
  it('keeps the letters of a name with accents, as the spec\'s lower-case a–z allows them', () => {
    // Oracle: Unicode canonical decomposition (NFD) splits é into e and a combining accent, which
    // the spec's name pattern ^([-a-z0-9._/])+$ has no room for; the e stays. "Één coöperatief
    // plan" was named "n-co-peratief-plan".
    const dir = workdir();
    const manifest = JSON.parse(readFileSync(join(folder('csv'), 'manifest.json'), 'utf8')) as { scenario: { name: string } };
    manifest.scenario.name = 'Één coöperatief plan';
    writeFileSync(join(dir, 'manifest.json'), JSON.stringify(manifest));
    const p = dataPackage(dir) as unknown as Package & { name: string; title: string };
    expect(p.name).toBe('een-cooperatief-plan');
    expect(p.title).toBe('Één coöperatief plan');
    expect(p.name).toMatch(/^([-a-z0-9._/])+$/);
  });
});

describe('datapackage.json of an explore folder (the committed results/explore-drivers)', () => {
  it('describes its explore tables, factor and outcome columns included, and validates', () => {
    const dir = 'results/explore-drivers';
    const p = dataPackage(dir) as unknown as Package;
    expect(validators['data-package']!(p)).toBe(true);
    for (const r of p.resources) expect(validators[r.profile]!(r), r.path).toBe(true);
    expect(p.resources.map((r) => r.path).sort()).toEqual(readdirSync(dir).filter((f) => f.endsWith('.csv')).sort());
    for (const r of p.resources) {
      const header = (parse(readFileSync(join(dir, r.path), 'utf8'), { to_line: 1 }) as string[][])[0];
      expect(r.schema.fields.map((f) => f.name), r.path).toEqual(header);
    }
    const points = p.resources.find((r) => r.path === 'explore-points.csv')!.schema.fields;
    expect(points.find((f) => f.name === 'rmst')?.description).toMatch(/^outcome: Restricted mean weeks/);
    expect(points.find((f) => f.name === 'strategy.steering')?.description).toMatch(/^varied parameter: /);
  });
});

describe('datapackage.json of an explore run with intervention settings as factors, written as CSV and Parquet', () => {
  it('describes every table and column, explored intervention settings included, and validates', () => {
    const dir = workdir({
      'x.yaml': `name: x
seed: 5
replications: 2
horizon: 40
sampleEvery: 40
population: {neighbourhoods: 2, households: 30}
interventions:
  - {name: evening, at: 10, action: evening}
  - {from: 5, for: 10, action: field}
explore:
  method: morris
  trajectories: 2
  levers:
    strategy.steering: {from: 0, to: 1}
    interventions.evening.at: {from: 2, to: 30}
    interventions[1].for: {from: 1, to: 20}
  uncertainties:
    interventions[1].size: {from: 0.2, to: 1}
  outcomes: [reached_by_30, rmst]
`,
    });
    const r = draagvlak(['run', 'x.yaml', '--quiet', '--workers', '1', '--format', 'csv,parquet', '--out', 'out', '--no-png'], dir);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const out = join(dir, 'out');
    const p = JSON.parse(readFileSync(join(out, 'datapackage.json'), 'utf8')) as Package;
    expect(validators['data-package']!(p)).toBe(true);
    for (const res of p.resources) expect(validators[res.profile]!(res), res.path).toBe(true);
    expect(p.resources.map((res) => res.path).sort()).toEqual(readdirSync(out).filter((f) => /\.(csv|parquet)$/.test(f)).sort());
    const runs = p.resources.find((res) => res.path === 'runs.parquet')!.schema.fields;
    expect(runs.map((f) => f.name)).toEqual(parquetColumns(join(out, 'runs.parquet')));
    expect(runs.find((f) => f.name === 'interventions[1].for')).toMatchObject({ type: 'number', unit: 'weeks' });
  }, 120_000);
});

describe('Parquet', () => {
  it('read back, gives the very cells of the CSV file, for every table', async () => {
    const dir = folder('both');
    for (const f of readdirSync(dir).filter((x) => x.endsWith('.parquet'))) {
      const csv = parse(readFileSync(join(dir, f.replace(/\.parquet$/, '.csv')), 'utf8')) as string[][];
      const rows: string[][] = [];
      let header: string[] = [];
      for await (const group of parquetRows(join(dir, f))) {
        header = group.header;
        for (const r of group.rows) rows.push(header.map((h) => r[h]!));
      }
      expect([header, ...rows], f).toEqual(csv);
    }
  });

  it('a folder written as Parquet only reads back, through the project reader, to the result set of the CSV folder', async () => {
    expect(readdirSync(folder('parquet')).filter((f) => f.endsWith('.csv')).sort()).toEqual(['contrasts.csv', 'summary.csv']);
    const [fromCsv, fromParquet] = await Promise.all([readResultSet(folder('csv')), readResultSet(folder('parquet'))]);
    expect(fromParquet.runs.length).toBe(2 * 2 * 3);
    for (const key of ['runs', 'initiatives', 'interventions', 'series', 'points', 'varied', 'horizon'] as const) expect(fromParquet[key], key).toEqual(fromCsv[key]);
    // and the report drawn from it says the same
    for (const f of ['summary.csv', 'contrasts.csv']) expect(readFileSync(join(folder('parquet'), f), 'utf8'), f).toBe(readFileSync(join(folder('csv'), f), 'utf8'));
  });

  it('the manifest records the choice and lists the files written; the CSV files do not change', () => {
    const manifest = (name: string) => JSON.parse(readFileSync(join(folder(name), 'manifest.json'), 'utf8')) as { output: unknown; files: string[] };
    expect(manifest('both').output).toEqual({ series: 'all', formats: ['csv', 'parquet'] });
    expect(manifest('parquet').files).toEqual(['runs.parquet', 'initiatives.parquet', 'series.parquet', 'interventions.parquet']);
    for (const f of ['runs.csv', 'initiatives.csv', 'series.csv', 'interventions.csv']) expect(readFileSync(join(folder('both'), f), 'utf8'), f).toBe(readFileSync(join(folder('csv'), f), 'utf8'));
  });
});
