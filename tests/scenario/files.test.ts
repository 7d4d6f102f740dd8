import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { schemaText } from '../../src/cli/schema.js';
import { planRuns } from '../../src/scenario/design.js';
import { loadScenario } from '../../src/scenario/load.js';
import { scenarioSchema } from '../../src/scenario/schema.js';
import { PARAMETERS, RUN_SETTINGS, defaultParameters } from '../../src/model/parameters.js';
import { mergeParams } from '../../src/scenario/paths.js';
import { PRESETS } from '../../src/scenario/presets.js';
import { givenNames } from '../../src/scenario/sections.js';
import { walkSpecs } from '../../src/model/spec.js';

const SHIPPED = readdirSync('scenarios').filter((f) => /\.(ya?ml|json)$/.test(f) && f !== 'scenario.schema.json');

describe('the shipped scenario files', () => {
  it.each(SHIPPED)('scenarios/%s validates and opens with its question', (name) => {
    const text = readFileSync(`scenarios/${name}`, 'utf8');
    expect(text.startsWith('# yaml-language-server: $schema=./scenario.schema.json\n')).toBe(true);
    expect(text).toMatch(/^# Question: /m);
    const scenario = loadScenario(`scenarios/${name}`);
    expect(planRuns(scenario).points.length).toBeGreaterThan(0);
    // and says what it is in Dutch too, for a report (--lang nl) in Dutch
    const nl = scenario.translations?.nl;
    for (const field of ['name', 'description', 'question'] as const) expect(nl?.[field], `translations.nl.${field}`).toMatch(/\p{L}{3}/u);
    // and every name it gives a report shows (strategies, plans, interventions), but a preset's, which
    // the report names itself; an exploration names its factors by their paths
    if (scenario.explore) return;
    const named = [...givenNames(scenario)].filter((name) => !Object.hasOwn(PRESETS, name));
    for (const name of named) expect(nl?.names?.[name], `translations.nl.names["${name}"]`).toMatch(/\p{L}{3}/u);
  });

  it('keeps the default run (baseline.yaml) quick: at most 60 runs', () => {
    const scenario = loadScenario('scenarios/baseline.yaml');
    expect(planRuns(scenario).points.length * scenario.replications).toBeLessThanOrEqual(60);
  });

  it.each(['classic', 'cooperative', 'laissez-faire'] as const)('scenarios/%s.yaml writes out exactly the %s preset', (name) => {
    const params = planRuns(loadScenario(`scenarios/${name}.yaml`)).points[0].params;
    expect(params).toEqual(mergeParams(defaultParameters(), PRESETS[name].overrides));
  });

  it('baseline.yaml compares classic, cooperative and laissez-faire', () => {
    expect(planRuns(loadScenario('scenarios/baseline.yaml')).points.map((p) => p.label)).toEqual(['classic', 'cooperative', 'laissez-faire']);
  });
});

describe('the scenario JSON Schema', () => {
  it('scenarios/scenario.schema.json equals the generated schema (regenerate: npx draagvlak schema > scenarios/scenario.schema.json)', () => {
    const onDisk = JSON.parse(readFileSync('scenarios/scenario.schema.json', 'utf8'));
    expect(onDisk, 'scenarios/scenario.schema.json is stale; regenerate it with: npm run build && npx draagvlak schema > scenarios/scenario.schema.json').toEqual(
      JSON.parse(schemaText()),
    );
  });

  it('types, ranges, documents and defaults every parameter and run setting', () => {
    const schema = scenarioSchema() as { properties: Record<string, Record<string, unknown>>; definitions: Record<string, { properties: Record<string, Record<string, unknown>> }> };
    for (const [path, spec] of walkSpecs(PARAMETERS)) {
      const [group, key] = path.split('.');
      const node = schema.definitions[group].properties[key];
      expect(node, path).toBeDefined();
      expect(node.description, path).toContain(spec.doc);
      expect(node.default, path).toEqual(spec.default);
      if (spec.kind === 'number') {
        expect(node, path).toMatchObject({ type: spec.integer ? 'integer' : 'number', minimum: spec.min, maximum: spec.max });
        expect(node.description, path).toContain(spec.unit);
      }
      if (spec.kind === 'enum') expect(node.enum, path).toEqual(spec.values);
    }
    for (const [key, spec] of walkSpecs(RUN_SETTINGS)) {
      expect(schema.properties[key].default, key).toEqual(spec.default);
    }
  });

  it('allows no field it does not know, at any depth', () => {
    const open: string[] = [];
    const visit = (node: unknown, at: string) => {
      if (Array.isArray(node)) return node.forEach((n, i) => visit(n, `${at}/${i}`));
      if (typeof node !== 'object' || node === null) return;
      const n = node as Record<string, unknown>;
      if (n.type === 'object' && n.additionalProperties !== false) open.push(at);
      for (const [k, v] of Object.entries(n)) visit(v, `${at}/${k}`);
    };
    visit(scenarioSchema(), '');
    expect(open).toEqual([]);
  });
});
