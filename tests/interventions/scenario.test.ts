import { mkdtempSync, readFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseScenario } from '../../src/scenario/load.js';
import { planRuns } from '../../src/scenario/design.js';
import { ScenarioError } from '../../src/scenario/errors.js';
import { executeToResultSet } from '../../src/analysis/execute.js';
import { runModel } from '../../src/model/run.js';
import { deriveRunSeed } from '../../src/random/streams.js';
import { writeSummary } from '../../src/analysis/summary.js';
import { draagvlak, listing, workdir } from '../e2e/cli.js';

const TINY = `name: rehearsal
question: Does an evening help?
seed: 5
replications: 3
horizon: 30
sampleEvery: 5
population:
  neighbourhoods: 2
  households: 30
`;

const PLANS = `${TINY}interventions:
  - {at: 2, action: field, size: 0.3}
plans:
  - name: evening early
    interventions:
      - {at: 4, action: evening, where: [1]}
  - name: promise broken when support rises
    interventions:
      - {when: {metric: support_share, above: 0.15}, action: broken-promise, name: broken promise}
`;

function problemsOf(text: string): { path: string; expected: string; found: string }[] {
  try {
    parseScenario(text, 'rehearsal.yaml');
  } catch (err) {
    if (err instanceof ScenarioError) return err.problems;
    throw err;
  }
  return [];
}

describe('plans in a scenario', () => {
  it("run 'no intervention' first, then each plan, with the scenario's interventions in all of them", () => {
    const plan = planRuns(parseScenario(PLANS, 'rehearsal.yaml'));
    expect(plan.varied).toEqual(['plan']);
    expect(plan.points.map((p) => p.values.plan)).toEqual(['no intervention', 'evening early', 'promise broken when support rises']);
    expect(plan.points.map((p) => p.interventions?.map((e) => e.action))).toEqual([['field'], ['field', 'evening'], ['field', 'broken-promise']]);
  });

  it('are the innermost factor when strategies are compared too', () => {
    const text = `${PLANS}compare:\n  - preset: classic\n  - preset: cooperative\n`;
    const plan = planRuns(parseScenario(text, 'rehearsal.yaml'));
    expect(plan.varied).toEqual(['strategy', 'plan']);
    expect(plan.points.map((p) => `${p.values.strategy}/${p.values.plan}`)).toEqual([
      'classic/no intervention', 'classic/evening early', 'classic/promise broken when support rises',
      'cooperative/no intervention', 'cooperative/evening early', 'cooperative/promise broken when support rises',
    ]);
  });

  it.each([
    ['an unknown neighbourhood', '{at: 3, action: evening, where: [0, 2]}', 'plans[0].interventions[0].where', /from 0 to 1/],
    ['a week past the horizon', '{at: 31, action: evening}', 'plans[0].interventions[0].at', /horizon \(30\)/],
    ['an unknown action', '{at: 3, action: party}', 'plans[0].interventions[0].action', /evening/],
    ['two triggers', '{at: 3, from: 4, for: 2, action: evening}', 'plans[0].interventions[0]', /exactly one of/],
    ['a size out of range', '{at: 3, action: evening, size: 2}', 'plans[0].interventions[0].size', /from 0 to 1/],
    ['a part of a party', '{at: 3, action: add-stakeholder, size: 1.5}', 'plans[0].interventions[0].size', /^a whole number from 1 to 20 for add-stakeholder$/],
    // [1, 1] held two evenings in neighbourhood 1 (and doubled a broken promise's loss of trust)
    ['a neighbourhood given twice', '{at: 3, action: evening, where: [1, 0, 1]}', 'plans[0].interventions[0].where[2]', /^a neighbourhood not given before in the list$/],
  ])('refuse %s with a clear scenario error', (_what, entry, path, expected) => {
    const problems = problemsOf(`${TINY}plans:\n  - name: p\n    interventions:\n      - ${entry}\n`);
    expect(problems.length).toBeGreaterThan(0);
    const problem = problems.find((p) => p.path === path);
    expect(problem, JSON.stringify(problems)).toBeDefined();
    expect(problem!.expected).toMatch(expected);
  });

  const evening = (name: string, at: number) => `  - name: ${JSON.stringify(name)}\n    interventions:\n      - {at: ${at}, action: evening}\n`;
  it.each([
    ['the same name twice', '', ['p', 'p'], 'plans[1].name', 'a name not used by another plan (nor "no intervention")', '"p"'],
    ['doing nothing by name', '', ['no intervention'], 'plans[0].name', 'a name not used by another plan (nor "no intervention")', '"no intervention"'],
    ['doing nothing in capitals', '', ['No Intervention'], 'plans[0].name', 'a name not used by another plan (nor "no intervention")', '"No Intervention", which reads as "no intervention"'],
    ['names apart only by spaces', '', [' p', 'p '], 'plans[1].name', 'a name not used by another plan (nor "no intervention")', '"p ", which reads as " p"'],
    ['doing nothing in Dutch, untranslated', '', ['geen interventie'], 'plans[0].name',
      'a name a Dutch report shows apart from every other plan (and from "geen interventie"), or a Dutch name for it in translations.nl.names', '"geen interventie", the Dutch name of "no intervention"'],
    ['doing nothing in Dutch, translated', 'translations: {nl: {names: {p: Geen interventie}}}\n', ['p'], 'translations.nl.names.p',
      'a Dutch name not used by another plan (nor "geen interventie")', '"Geen interventie", the Dutch name of "no intervention"'],
    ['two plans with one Dutch name', 'translations: {nl: {names: {p: avond, q: avond}}}\n', ['p', 'q'], 'translations.nl.names.q',
      'a Dutch name not used by another plan (nor "geen interventie")', '"avond", the Dutch name of "p"'],
    ["a Dutch name another plan is written with", 'translations: {nl: {names: {p: q}}}\n', ['p', 'q'], 'plans[1].name',
      'a name a Dutch report shows apart from every other plan (and from "geen interventie"), or a Dutch name for it in translations.nl.names', '"q", the Dutch name of "p"'],
  ])('refuse %s: a reader could not tell the plans apart', (_what, head, names, path, expected, found) => {
    const problems = problemsOf(`${TINY}${head}plans:\n${names.map((n, i) => evening(n, i + 2)).join('')}`);
    expect(problems).toEqual([{ file: 'rehearsal.yaml', path, expected, found }]);
  });

  it('accept plans whose names differ, and one named in Dutch like doing nothing but given another Dutch name', () => {
    expect(problemsOf(`${TINY}translations: {nl: {names: {p: avond, q: vroege avond}}}\nplans:\n${evening('p', 2)}${evening('q', 3)}`)).toEqual([]);
    expect(problemsOf(`${TINY}translations: {nl: {names: {geen interventie: avond}}}\nplans:\n${evening('geen interventie', 2)}`)).toEqual([]);
    expect(problemsOf(`${TINY}plans:\n${evening('toString', 2)}${evening('constructor x', 3)}`)).toEqual([]);
  });

  it('refused through the command line: exit 2, the problem named, nothing written', () => {
    const cwd = workdir({ 'bad.yaml': `${TINY}interventions:\n  - {at: 99, action: evening, where: [5]}\n` });
    const r = draagvlak(['run', 'bad.yaml', '--quiet', '--workers', '1'], cwd);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/interventions\[0\]\.at: expected a week from 1 to the horizon \(30\), found 99/);
    expect(r.stderr).toMatch(/interventions\[0\]\.where/);
    expect(listing(cwd)).toEqual(['bad.yaml']);
  });
});

describe('results of a scenario with plans', () => {
  it('write interventions.csv with the week each intervention applied, the same seeds for every plan, and contrasts.csv', async () => {
    const scenario = parseScenario(PLANS, 'rehearsal.yaml');
    const plan = planRuns(scenario);
    const out = mkdtempSync(join(tmpdir(), 'draagvlak-plans-'));
    const { results } = await executeToResultSet(plan, { out, workers: 1, model: runModel, quiet: true, handleSignals: false });

    const rows = readFileSync(join(out, 'interventions.csv'), 'utf8').trimEnd().split('\n');
    expect(rows[0]).toBe('point,replicate,seed,label,plan,intervention,name,action,week');
    // 'no intervention' has the shared field entry; each plan has it and its own: 3 × (1 + 2 + 2) rows.
    expect(rows).toHaveLength(1 + 3 * 5);
    for (const row of rows.slice(1)) {
      const [point, replicate, seed] = row.split(',');
      expect(Number(seed)).toBe(deriveRunSeed(5, Number(point), Number(replicate), true));
    }
    expect(rows.filter((r) => r.includes(',field,')).every((r) => r.endsWith(',2'))).toBe(true);
    expect(rows.filter((r) => r.includes(',evening,')).every((r) => r.endsWith(',4'))).toBe(true);

    // The condition-triggered week is the one the run reports (RunOutput.interventionWeeks).
    const triggered = rows.filter((r) => r.includes(',broken-promise,'));
    expect(triggered).toHaveLength(3);
    expect(triggered.some((r) => /,\d+$/.test(r)), 'the condition must hold in some replicate for this to mean anything').toBe(true);
    for (const row of triggered) {
      const cells = row.split(',');
      const replicate = Number(cells[1]);
      const seed = deriveRunSeed(5, 2, replicate, true);
      const { interventionWeeks } = runModel(plan.points[2].params, { horizon: 30, sampleEvery: 5 }, seed, plan.points[2].interventions);
      expect(cells[cells.length - 1]).toBe(interventionWeeks[1] > 0 ? String(interventionWeeks[1]) : '');
    }

    writeSummary(results!);
    const contrasts = readFileSync(join(out, 'contrasts.csv'), 'utf8').trimEnd().split('\n');
    expect(contrasts[0]).toBe('plan,baseline,metric,estimate,lo,hi,replications,plan_mean,baseline_mean');
    // Two plans against doing nothing and one pair of plans, four metrics each (horizon 30 < 52).
    expect(contrasts).toHaveLength(1 + 3 * 4);
  });

  it('write no interventions.csv and no contrasts.csv when nothing is rehearsed', async () => {
    const plan = planRuns(parseScenario(TINY, 'plain.yaml'));
    const out = mkdtempSync(join(tmpdir(), 'draagvlak-plans-'));
    const { results } = await executeToResultSet(plan, { out, workers: 1, model: runModel, quiet: true, handleSignals: false });
    writeSummary(results!);
    expect(existsSync(join(out, 'interventions.csv'))).toBe(false);
    expect(existsSync(join(out, 'contrasts.csv'))).toBe(false);
  });
});

describe('where, when neighbourhoods vary between points', () => {
  it('is checked against the fewest neighbourhoods any point has', () => {
    const text = `${TINY}sweep:\n  parameters:\n    population.neighbourhoods: [1, 3]\ninterventions:\n  - {at: 3, action: evening, where: [1]}\n`;
    expect(problemsOf(text).map((p) => p.path)).toContain('interventions[0].where');
  });
});
