import { basename } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadScenario } from '../../src/scenario/load.js';
import { scenarioErrorOf, writeScenarios } from './helpers.js';

/** Bad scenario files, each with the one message a reader should get. */
const BAD: { what: string; text: string; path: string | RegExp; expected: string | RegExp; found: string | RegExp; set?: string[] }[] = [
  {
    what: 'a sweep reference past the last point',
    text: 'sweep:\n  parameters:\n    strategy.steering: [0, 0.5, 1]\n  reference: 3\n',
    path: 'sweep.reference',
    expected: 'a point number from 0 to 2',
    found: '3',
  },
  {
    what: 'a sweep reference by values no point has',
    text: 'sweep:\n  parameters:\n    strategy.steering: [0, 0.5, 1]\n  reference: {strategy.steering: 0.7}\n',
    path: 'sweep.reference',
    expected: 'the values of a point of the sweep',
    found: 'strategy.steering: 0.7',
  },
  {
    what: 'a sweep reference by a parameter not swept',
    text: 'sweep:\n  parameters:\n    strategy.steering: [0, 0.5, 1]\n  reference: {strategy.buffer: 0.5}\n',
    path: 'sweep.reference',
    expected: 'swept parameters only',
    found: 'strategy.buffer, which is not swept',
  },
  {
    what: 'a sweep reference of the wrong kind',
    text: 'sweep:\n  parameters:\n    strategy.steering: [0, 0.5, 1]\n  reference: middle\n',
    path: 'sweep.reference',
    expected: /^a point number \(the point column of summary.csv\) or the swept values of one point/,
    found: '"middle"',
  },
  {
    what: 'an unknown field, with a hint',
    text: 'strategy:\n  steerin: 0.7\n',
    path: 'strategy.steerin',
    expected: /^one of steering, participation, serving, buffer, revenueShare, competence, stakeholders, attention/,
    found: '"steerin" (did you mean steering?)',
  },
  {
    what: 'an unknown top-level field',
    text: 'replicatons: 5\n',
    path: 'replicatons',
    expected: /^one of name, description, question, preset, context, seed, replications/,
    found: '"replicatons" (did you mean replications?)',
  },
  {
    what: 'an out-of-range value',
    text: 'strategy:\n  steering: 1.5\n',
    path: 'strategy.steering',
    expected: 'a number from 0 to 1',
    found: '1.5',
  },
  {
    what: 'a mechanism switch that is not true or false',
    text: 'mechanisms:\n  parties: yes please\n',
    path: 'mechanisms.parties',
    expected: /true or false|boolean/,
    found: /yes please/,
  },
  {
    what: 'a fraction where a whole number belongs',
    text: 'strategy:\n  stakeholders: 2.5\n',
    path: 'strategy.stakeholders',
    expected: 'a whole number from 1 to 20',
    found: '2.5',
  },
  {
    what: 'a wrong type',
    text: 'strategy:\n  steering: high\n',
    path: 'strategy.steering',
    expected: 'a number from 0 to 1',
    found: '"high"',
  },
  {
    what: 'an unknown choice',
    text: 'network:\n  kind: small-world\n',
    path: 'network.kind',
    expected: 'one of watts-strogatz, erdos-renyi, barabasi-albert, ring, complete',
    found: '"small-world"',
  },
  {
    what: 'a series in none of its forms',
    text: 'environment:\n  costs: {level: 0.4}\n',
    path: 'environment.costs',
    expected: /^a number from 0 to 1, or \{points: \[\[week, value\], …\]\}, or \{steps: /,
    found: '{level: 0.4}',
  },
  {
    what: 'a series given both points and steps',
    text: 'environment:\n  costs: {points: [[0, 0.8]], steps: [[0, 0.4]]}\n',
    path: 'environment.costs',
    expected: /^a number from 0 to 1, or \{points: \[\[week, value\], …\]\}, or \{steps: /,
    found: '{points: [[0, 0.8]], steps: [[0, 0.4]]}',
  },
  {
    what: 'a bad value inside series points',
    text: 'environment:\n  costs: {points: [[0, 0.8], [52, 1.4]]}\n',
    path: 'environment.costs.points[1][1]',
    expected: 'a number from 0 to 1',
    found: '1.4',
  },
  {
    what: 'a step week beyond the horizon',
    text: 'horizon: 52\nenvironment:\n  costs: {steps: [[0, 0.8], [60, 0.4]]}\n',
    path: 'environment.costs.steps[1][0]',
    expected: 'a week from 0 to the horizon (52)',
    found: '60',
  },
  {
    what: 'an empty sweep',
    text: 'sweep:\n  design: grid\n  parameters: {}\n',
    path: 'sweep.parameters',
    expected: /^at least one parameter to vary/,
    found: '{}',
  },
  {
    what: 'a sweep of an unknown parameter',
    text: 'sweep:\n  parameters:\n    strategy.steerin: [0, 1]\n',
    path: 'sweep.parameters.strategy.steerin',
    expected: /^a known name/,
    found: '"strategy.steerin" (did you mean strategy.steering?)',
  },
  {
    what: 'a range with from above to',
    text: 'sweep:\n  parameters:\n    strategy.steering: {from: 0.8, to: 0.2, steps: 4}\n',
    path: 'sweep.parameters.strategy.steering',
    expected: 'a range with from below to',
    found: 'from 0.8, to 0.2',
  },
  {
    what: 'a grid range without steps',
    text: 'sweep:\n  parameters:\n    strategy.steering: {from: 0, to: 1}\n',
    path: 'sweep.parameters.strategy.steering.steps',
    expected: 'the number of values from 0 to 1 (design grid)',
    found: 'nothing',
  },
  {
    what: 'a swept value out of range',
    text: 'sweep:\n  parameters:\n    strategy.steering: [0, 0.5, 2]\n',
    path: 'sweep.parameters.strategy.steering[2]',
    expected: 'a number from 0 to 1',
    found: '2',
  },
  {
    what: 'an LHS without samples',
    text: 'sweep:\n  design: lhs\n  parameters:\n    strategy.steering: {from: 0, to: 1}\n',
    path: 'sweep.samples',
    expected: 'the number of points for the lhs design',
    found: 'nothing',
  },
  {
    what: 'an unknown design',
    text: 'sweep:\n  design: random\n  parameters:\n    strategy.steering: [0, 1]\n',
    path: 'sweep.design',
    expected: 'one of grid, lhs, oat',
    found: '"random"',
  },
  {
    what: 'an unknown preset',
    text: 'compare:\n  - preset: clasic\n',
    path: 'compare[0].preset',
    expected: 'one of classic, cooperative, laissez-faire, network-steering, process-management',
    found: '"clasic" (did you mean classic?)',
  },
  {
    what: "a plan's interventions misspelt: the slip, not also the field it leaves out",
    text: 'plans:\n  - name: p\n    intervention:\n      - {at: 5, action: evening}\n',
    path: 'plans[0].intervention',
    expected: 'one of name, description, interventions',
    found: '"intervention" (did you mean interventions?)',
  },
  {
    what: "an intervention's action misspelt: the slip, not also the action it leaves out",
    text: 'plans:\n  - name: p\n    interventions:\n      - {at: 5, acton: evening}\n',
    path: 'plans[0].interventions[0].acton',
    expected: 'one of name, at, from, for, when, where, action, size, set',
    found: '"acton" (did you mean action?)',
  },
  {
    what: 'a compared strategy with neither name nor preset',
    text: 'compare:\n  - strategy: {steering: 0.2}\n',
    path: 'compare[0]',
    expected: 'a name or a preset',
    found: 'neither',
  },
  {
    what: 'a Dutch name for a name the scenario does not give',
    text: 'compare:\n  - {preset: classic, name: strict}\ntranslations:\n  nl:\n    names: {strict: streng, loose: los}\n',
    path: 'translations.nl.names.loose',
    expected: 'a name this scenario gives ("strict")',
    found: '"loose"',
  },
  {
    what: 'two compared strategies with one name',
    text: 'compare:\n  - preset: classic\n  - {preset: cooperative, name: classic}\n',
    path: 'compare[1].name',
    expected: 'a name not used by another strategy',
    found: '"classic"',
  },
  {
    what: 'more initiators than households',
    text: 'population:\n  households: 10\n  initiators: 12\n',
    path: 'population.initiators',
    expected: 'at most the households per neighbourhood (10)',
    found: '12',
  },
  {
    what: 'a sweep point with more initiators than households',
    text: 'population:\n  households: 10\nsweep:\n  parameters:\n    population.initiators: [2, 12]\n',
    path: 'population.initiators (at point "initiators=12")',
    expected: 'at most the households per neighbourhood (10)',
    found: '12',
  },
  {
    what: 'a signpost watching an unknown metric',
    text: 'strategy:\n  signposts:\n    - {metric: trust, below: 0.4, respond: serve}\n',
    path: 'strategy.signposts[0].metric',
    expected: /^one of support_share, support, committed_share, trust_gov,/,
    found: /^"trust"/,
  },
  {
    what: 'a signpost calling for an unknown response',
    text: 'strategy:\n  signposts:\n    - {metric: trust_gov, below: 0.4, respond: listen}\n',
    path: 'strategy.signposts[0].respond',
    expected: 'one of serve, open-up, shield, ease-steering, attend-lagging',
    found: /^"listen"/,
  },
  {
    what: 'a signpost level out of range',
    text: 'strategy:\n  signposts:\n    - {metric: trust_gov, below: 1.5, respond: serve}\n',
    path: 'strategy.signposts[0].below',
    expected: 'a number from 0 to 1',
    found: '1.5',
  },
  {
    what: 'a signpost with both levels',
    text: 'strategy:\n  signposts:\n    - {metric: trust_gov, below: 0.4, above: 0.6, respond: serve}\n',
    path: 'strategy.signposts[0]',
    expected: 'exactly one level, below or above',
    found: 'both',
  },
  {
    what: 'a signpost of a compared strategy with no level',
    text: 'compare:\n  - {name: a}\n  - {name: b, strategy: {signposts: [{metric: support, respond: open-up}]}}\n',
    path: /strategy\.signposts\[0\]/,
    expected: 'exactly one level, below or above',
    found: 'neither',
  },
  {
    what: 'sampling less often than the horizon',
    text: 'horizon: 20\nsampleEvery: 30\n',
    path: 'sampleEvery',
    expected: 'at most the horizon (20 weeks)',
    found: '30',
  },
  {
    what: 'a --set value that is not YAML',
    text: 'name: ok\n',
    set: ['strategy.steering=[0.1'],
    path: 'strategy.steering',
    expected: /^a value written as in YAML/,
    found: '"[0.1" (Flow sequence must end with a ])',
  },
  {
    what: 'broken YAML, with line and column',
    text: 'strategy:\n  steering: 0.5\n   participation: [0.2\n',
    path: /^line \d+, column \d+$/,
    expected: 'valid YAML',
    found: /^a syntax error \(/,
  },
  {
    what: 'a list where a mapping belongs',
    text: '- strategy\n- steering\n',
    path: '',
    expected: /^a mapping of scenario fields/,
    found: '["strategy", "steering"]',
  },
];

describe('loadScenario() explains what is wrong with a bad scenario file', () => {
  it.each(BAD)('$what', ({ text, path, expected, found, set }) => {
    const { 'bad.yaml': file } = writeScenarios({ 'bad.yaml': text });
    const error = scenarioErrorOf(() => loadScenario(file, { set }));
    expect(error.problems).toHaveLength(1);
    const [problem] = error.problems;
    expect(problem.file).toBe(set ? '--set' : file);
    expect(problem.path).toMatch(typeof path === 'string' ? new RegExp(`^${escape(path)}$`) : path);
    expect(problem.expected).toMatch(typeof expected === 'string' ? new RegExp(`^${escape(expected)}$`) : expected);
    expect(problem.found).toMatch(typeof found === 'string' ? new RegExp(`^${escape(found)}$`) : found);
    expect(error.message).toBe(`${problem.file}: ${problem.path ? `${problem.path}: ` : ''}expected ${problem.expected}, found ${problem.found}`);
  });

  it('reports every problem of a file, one line each', () => {
    const { 'many.yaml': file } = writeScenarios({ 'many.yaml': 'strategy:\n  steering: 2\n  participation: -1\nnetwork:\n  kind: tree\n' });
    const error = scenarioErrorOf(() => loadScenario(file));
    expect(error.problems.map((p) => p.path)).toEqual(['strategy.steering', 'strategy.participation', 'network.kind']);
    expect(error.message.split('\n')).toEqual([
      `${file}: strategy.steering: expected a number from 0 to 1, found 2`,
      `${file}: strategy.participation: expected a number from 0 to 1, found -1`,
      `${file}: network.kind: expected one of watts-strogatz, erdos-renyi, barabasi-albert, ring, complete, found "tree"`,
    ]);
  });

  it('says so when the file does not exist', () => {
    const error = scenarioErrorOf(() => loadScenario('scenarios/no-such-scenario.yaml'));
    expect(error.message).toBe('scenarios/no-such-scenario.yaml: expected a readable scenario file, found no such file');
  });

  it('blames an unknown --set path on the flag, naming the known fields', () => {
    const { 'ok.yaml': file } = writeScenarios({ 'ok.yaml': 'name: ok\n' });
    const error = scenarioErrorOf(() => loadScenario(file, { set: ['strategy.steerin=0.7'] }));
    expect(error.problems).toEqual([
      {
        file: '--set',
        path: 'strategy.steerin',
        expected: expect.stringMatching(/^one of steering, participation, /),
        found: '"steerin" (did you mean steering?)',
      },
    ]);
    expect(scenarioErrorOf(() => loadScenario(file, { set: ['stratgy.steering=0.7'] })).problems[0]).toMatchObject({
      file: '--set',
      path: 'stratgy.steering',
      found: '"stratgy" (did you mean strategy?)',
    });
  });

  it('blames an out-of-range --set value on the flag', () => {
    const { 'ok.yaml': file } = writeScenarios({ 'ok.yaml': 'name: ok\n' });
    const error = scenarioErrorOf(() => loadScenario(file, { set: ['strategy.steering=1.5'] }));
    expect(error.message).toBe('--set: strategy.steering: expected a number from 0 to 1, found 1.5');
  });

  it('names the file in every message', () => {
    const { 'named.yaml': file } = writeScenarios({ 'named.yaml': 'strategy: {buffer: yes please}\n' });
    const error = scenarioErrorOf(() => loadScenario(file));
    expect(basename(error.problems[0].file)).toBe('named.yaml');
  });
});

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
