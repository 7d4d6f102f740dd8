import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { draagvlak, listing, workdir } from '../e2e/cli.js';

/** A tiny explore scenario in the form the issue gives (method, levers, uncertainties, outcomes). */
function tinyExplore(explore: string, extra = ''): string {
  return `name: tiny-explore
description: A tiny explore for end-to-end tests.
question: Do the levers matter here?
seed: 5
replications: 2
horizon: 40
sampleEvery: 40
population:
  neighbourhoods: 2
  households: 30
${extra}explore:
${explore}`;
}

const ISSUE_FORM = `  method: morris
  trajectories: 4
  levers:
    strategy.steering: {from: 0, to: 1}
    strategy.participation: {from: 0, to: 1}
  uncertainties:
    residents.threshold: {from: 0.35, to: 0.55}
    residents.trustGov: {from: 0.2, to: 0.8}
  outcomes: [reached_by_30, rmst, coherent_success]
  discover: {outcome: reached_by_30, below: 0.5}
`;
const withExplore = (lines: string) => tinyExplore(lines);

/** [what, explore section, what stderr must say]. */
const BAD: [string, string, RegExp][] = [
  ['a factor listed twice', ISSUE_FORM.replace('residents.trustGov: {from: 0.2, to: 0.8}', 'strategy.steering: {from: 0, to: 1}'), /explore\.uncertainties\.strategy\.steering: expected each factor listed once, found "strategy\.steering" as a lever too/],
  ['a lever that is not a manager’s parameter', ISSUE_FORM.replace('strategy.participation: {from: 0, to: 1}', 'residents.belonging: {from: 0.2, to: 0.8}'), /explore\.levers\.residents\.belonging: expected one of strategy\.steering, .*found "residents\.belonging"/],
  ['a range outside the parameter’s range', ISSUE_FORM.replace('{from: 0.35, to: 0.55}', '{from: 0.35, to: 1.5}'), /explore\.uncertainties\.residents\.threshold\.to: expected a number from 0 to 1, found 1\.5/],
  ['an unknown outcome', ISSUE_FORM.replace('rmst,', 'rmts,'), /explore\.outcomes\[1\]: expected an outcome/],
  ['a reach week past the horizon', ISSUE_FORM.replace('reached_by_30, rmst', 'reached_by_300, rmst').replace('outcome: reached_by_30', 'outcome: reached_by_300'), /explore\.outcomes\[0\]: expected an outcome: reached_by_<week> \(a week from 1 to the horizon, 40\)/],
  ['an unknown method', ISSUE_FORM.replace('method: morris', 'method: fast'), /explore\.method/],
  ['too few Morris trajectories', ISSUE_FORM.replace('trajectories: 4', 'trajectories: 1'), /explore\.trajectories: expected the number of Morris trajectories, at least 2, found 1/],
  ['a Sobol’ sample size that is not a power of two', ISSUE_FORM.replace('method: morris', 'method: sobol').replace('trajectories: 4', 'samples: 100'), /explore\.samples: expected the base rows of the Saltelli design: a power of two/],
  ['an lhs sample too small for its factors', ISSUE_FORM.replace('method: morris', 'method: lhs').replace('trajectories: 4', 'samples: 4'), /explore\.samples: expected the number of Latin hypercube points, more than the factors plus one \(5\), found 4/],
  ['a strategy parameter among the uncertainties', ISSUE_FORM.replace('residents.trustGov: {from: 0.2, to: 0.8}', 'strategy.serving: {from: 0, to: 1}'), /explore\.uncertainties\.strategy\.serving: expected an uncertainty nobody controls \(strategy parameters are levers\)/],
  ['no more candidate trajectories than are kept', ISSUE_FORM.replace('trajectories: 4', 'trajectories: 4\n  candidates: 4'), /explore\.candidates: expected more candidate trajectories than the 4 kept, found 4/],
  ['candidate trajectories for a method without trajectories', ISSUE_FORM.replace('method: morris', 'method: lhs').replace('trajectories: 4', 'samples: 20\n  candidates: 10'), /explore\.candidates: expected nothing \(candidates is not used by method lhs\), found 10/],
  ['an unknown parameter', ISSUE_FORM.replace('residents.trustGov', 'residents.trustGob'), /explore\.uncertainties\.residents\.trustGob: expected .*found "residents\.trustGob" \(did you mean residents\.trustGov\?\)/],
];

/** Two interventions for levers on intervention settings: a named evening and an unnamed field window. */
const TIMELINE = `interventions:
  - name: evening
    at: 10
    action: evening
  - from: 5
    for: 10
    action: field
`;

/** Levers and an uncertainty on intervention settings, beside a strategy lever and a resident's disposition. */
const SETTINGS_FORM = `  method: morris
  trajectories: 4
  levers:
    strategy.steering: {from: 0, to: 1}
    interventions.evening.at: {from: 2, to: 30}
    interventions.evening.size: {from: 0, to: 1}
    interventions[1].for: {from: 1, to: 20}
  uncertainties:
    residents.threshold: {from: 0.35, to: 0.55}
    interventions[1].size: {from: 0.2, to: 1}
  outcomes: [reached_by_30, rmst, coherent_success]
`;

/** [what, explore section, what stderr must say] for levers on intervention settings (the scenario has TIMELINE). */
const BAD_SETTINGS: [string, string, RegExp][] = [
  ['an unknown intervention', SETTINGS_FORM.replace('interventions.evening.at', 'interventions.evenig.at'), /explore\.levers\.interventions\.evenig\.at: expected an intervention of the scenario's interventions, by name or as interventions\[i\] \(evening, interventions\[1\]\), found "evenig" \(did you mean evening\?\)/],
  ['an intervention number past the timeline', SETTINGS_FORM.replace('interventions[1].for', 'interventions[2].for'), /explore\.levers\.interventions\[2\]\.for: expected an intervention of the scenario's interventions/],
  ['a setting that is not numeric', SETTINGS_FORM.replace('interventions.evening.at', 'interventions.evening.action'), /explore\.levers\.interventions\.evening\.action: expected a numeric setting of intervention evening \(at, size\), found "action" \(not a number\)/],
  ['a setting the intervention does not have', SETTINGS_FORM.replace('interventions[1].for', 'interventions[1].at'), /explore\.levers\.interventions\[1\]\.at: expected a numeric setting of intervention interventions\[1\] \(from, for, size\), found "at"/],
  ['a week past the horizon', SETTINGS_FORM.replace('{from: 2, to: 30}', '{from: 2, to: 50}'), /explore\.levers\.interventions\.evening\.at: expected a range within the setting's range, 1 to 40, found from 2, to 50/],
  ['a size outside the action’s range', SETTINGS_FORM.replace('size: {from: 0, to: 1}', 'size: {from: 0, to: 1.5}'), /explore\.levers\.interventions\.evening\.size: expected a range within the setting's range, 0 to 1, found from 0, to 1\.5/],
  ['weeks that are not whole', SETTINGS_FORM.replace('{from: 1, to: 20}', '{from: 1.5, to: 20}'), /explore\.levers\.interventions\[1\]\.for: expected whole numbers \(for counts weeks\), found from 1\.5, to 20/],
  ['a setting listed twice, by name and by number', SETTINGS_FORM.replace('interventions[1].for: {from: 1, to: 20}', 'interventions[0].at: {from: 1, to: 20}'), /explore\.levers\.interventions\[0\]\.at: expected each factor listed once, found the setting "interventions\.evening\.at" names again/],
  ['a setting that is not a range', SETTINGS_FORM.replace('{from: 2, to: 30}', '5'), /explore\.levers\.interventions\.evening\.at: expected an intervention setting, interventions\.<name>\.<setting> or interventions\[<i>\]\.<setting>, as \{from, to\}, found 5/],
];

describe('explore: bad input is refused with one line, exit code 2 and nothing written', () => {
  it.each([...BAD, ...BAD_SETTINGS.map(([what, section, message]): [string, string, RegExp] => [what, TIMELINE + section, message])])('%s', (_what, section, message) => {
    const timeline = section.startsWith('interventions:') ? TIMELINE : '';
    const cwd = workdir({ 'x.yaml': tinyExplore(section.slice(timeline.length), timeline) });
    const before = listing(cwd);
    const run = draagvlak(['run', 'x.yaml', '--quiet'], cwd);
    expect(run.stderr).toMatch(message);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(run.code).toBe(2);
    expect(listing(cwd)).toEqual(before);
    const validate = draagvlak(['validate', 'x.yaml'], cwd);
    expect(validate.code).toBe(2);
    expect(validate.stderr).toMatch(message);
  });

  it('a bad explore field given by --set is told against --set', () => {
    const cwd = workdir({ 'x.yaml': tinyExplore(SETTINGS_FORM, TIMELINE) });
    const run = draagvlak(['run', 'x.yaml', '--quiet', '--set', 'explore.levers.interventions.evening.at={from: 2, to: 50}'], cwd);
    expect(run.stderr).toBe("--set: explore.levers.interventions.evening.at: expected a range within the setting's range, 1 to 40, found from 2, to 50\n");
    expect(run.code).toBe(2);
    expect(listing(cwd)).toEqual(['x.yaml']);
  });

  it('explore beside a sweep', () => {
    const cwd = workdir({ 'x.yaml': tinyExplore(ISSUE_FORM, 'sweep:\n  parameters:\n    strategy.serving: [0.2, 0.8]\n') });
    const run = draagvlak(['run', 'x.yaml', '--quiet'], cwd);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/sweep: expected nothing beside explore/);
    expect(listing(cwd)).toEqual(['x.yaml']);
  });
});

describe('explore runs through the executor', () => {
  it('the issue’s form runs, writes indices.csv, boxes.csv and the report, and the same bytes with 1 or 2 workers', () => {
    const cwd = workdir({ 'x.yaml': withExplore(ISSUE_FORM) });
    const one = draagvlak(['run', 'x.yaml', '--quiet', '--workers', '1', '--out', 'one'], cwd);
    expect(one.stderr).toBe('');
    expect(one.code).toBe(0);
    const two = draagvlak(['run', 'x.yaml', '--quiet', '--workers', '2', '--out', 'two'], cwd);
    expect(two.code).toBe(0);
    const files = ['runs.csv', 'initiatives.csv', 'indices.csv', 'boxes.csv', 'prim-trajectory.csv', 'explore-outcomes.csv', 'explore-points.csv'];
    for (const f of files) expect(readFileSync(join(cwd, 'two', f), 'utf8'), f).toBe(readFileSync(join(cwd, 'one', f), 'utf8'));
    const indices = readFileSync(join(cwd, 'one', 'indices.csv'), 'utf8').trim().split('\n');
    expect(indices[0]).toBe('method,outcome,factor,kind,index,estimate,lo,hi');
    // 3 outcomes × 4 factors × (mu, mu_star, sigma)
    expect(indices).toHaveLength(1 + 3 * 4 * 3);
    expect(indices.filter((l) => l.includes(',lever,'))).toHaveLength(3 * 2 * 3);
    for (const line of indices.slice(1)) {
      const [, , , , , est, lo, hi] = line.split(',').map(Number);
      expect(lo).toBeLessThanOrEqual(est + 1e-9);
      expect(hi).toBeGreaterThanOrEqual(est - 1e-9);
    }
    // 4 trajectories of 4 + 1 points
    expect(readFileSync(join(cwd, 'one', 'explore-points.csv'), 'utf8').trim().split('\n')).toHaveLength(1 + 4 * 5);
    const report = readFileSync(join(cwd, 'one', 'report.html'), 'utf8');
    expect(report).toMatch(/the strongest drivers are/);
    expect(report).toMatch(/Run-to-run noise is \d+\u00a0% of the variance between points/);
    // `report` rebuilds the same explore files from the results folder.
    const before = readFileSync(join(cwd, 'one', 'indices.csv'), 'utf8');
    expect(draagvlak(['report', 'one'], cwd).code).toBe(0);
    expect(readFileSync(join(cwd, 'one', 'indices.csv'), 'utf8')).toBe(before);
  }, 120_000);
});

describe('intervention settings as levers and uncertainties', () => {
  it('Morris runs end to end over intervention settings, each point’s timeline set from its factors', () => {
    const cwd = workdir({ 'x.yaml': tinyExplore(SETTINGS_FORM, TIMELINE) });
    const run = draagvlak(['run', 'x.yaml', '--quiet', '--out', 'out'], cwd);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const table = (name: string) => {
      const [head, ...lines] = readFileSync(join(cwd, 'out', name), 'utf8').trim().split('\n');
      const columns = head.split(',');
      return lines.map((line) => Object.fromEntries(line.split(',').map((v, i) => [columns[i], v])));
    };
    const indices = table('indices.csv');
    for (const [factor, kind] of [['interventions.evening.at', 'lever'], ['interventions.evening.size', 'lever'], ['interventions[1].for', 'lever'], ['interventions[1].size', 'uncertainty']]) {
      expect(indices.filter((r) => r.factor === factor && r.kind === kind && r.index === 'mu_star'), factor).toHaveLength(3);
    }
    // The evening fires in the week its lever sets; the field window lasts the weeks its lever sets.
    const fired = table('interventions.csv');
    expect(fired.length).toBeGreaterThan(0);
    for (const r of fired) {
      if (r.name === 'evening') expect(Number(r.week)).toBe(Number(r['interventions.evening.at']));
      else expect(r.name).toBe(`field weeks 5–${4 + Number(r['interventions[1].for'])}`);
    }
    expect(new Set(fired.filter((r) => r.name === 'evening').map((r) => r.week)).size).toBeGreaterThan(1);
    // Consecutive points of a trajectory differ in one factor. Where only the evening's turnout
    // changed, final trust moves the same way in every replicate (common random numbers: those who
    // come at the lower turnout come at the higher one too, and each gains trust).
    const runs = table('runs.csv');
    const factors = ['strategy.steering', 'interventions.evening.at', 'interventions.evening.size', 'interventions[1].for', 'residents.threshold', 'interventions[1].size'];
    let pairs = 0;
    for (let i = 2; i < runs.length; i++) {
      const [a, b] = [runs[i - 2], runs[i]];
      if (Number(a.point) % 7 === 6 || a.replicate !== b.replicate) continue;
      const changed = factors.filter((f) => a[f] !== b[f]);
      if (changed.length !== 1 || changed[0] !== 'interventions.evening.size') continue;
      pairs++;
      const up = Number(b['interventions.evening.size']) > Number(a['interventions.evening.size']);
      expect(Number(b.trust_gov_final) > Number(a.trust_gov_final), `points ${a.point} → ${b.point}, replicate ${a.replicate}`).toBe(up);
    }
    expect(pairs).toBeGreaterThan(0);
  }, 120_000);
});

describe('well-spread Morris trajectories', () => {
  it('candidates: the kept trajectories are the best spread of those drawn, and the report says so', () => {
    const cwd = workdir({ 'x.yaml': withExplore(ISSUE_FORM.replace('trajectories: 4', 'trajectories: 4\n  candidates: 12')) });
    const run = draagvlak(['run', 'x.yaml', '--quiet', '--no-png', '--out', 'out'], cwd);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(readFileSync(join(cwd, 'out', 'explore-points.csv'), 'utf8').trim().split('\n')).toHaveLength(1 + 4 * 5);
    const html = readFileSync(join(cwd, 'out', 'report.html'), 'utf8');
    expect(html).toMatch(/the 4 best spread of 12 drawn \(Campolongo, Cariboni &amp; Saltelli 2007\)/);
    // --no-png holds for the explore charts too: SVG and Vega-Lite only, and the page links no PNG
    const charts = listing(join(cwd, 'out', 'charts'));
    expect(charts.some((f) => f.endsWith('.svg'))).toBe(true);
    expect(charts.filter((f) => f.endsWith('.png'))).toEqual([]);
    expect(html).not.toContain('.png"');
    // the manifest lists the charts as the report's own, so a later run into the folder replaces them
    const listed = (JSON.parse(readFileSync(join(cwd, 'out', 'manifest.json'), 'utf8')) as { reportFiles: string[] }).reportFiles;
    expect(listed.filter((f) => f.startsWith('charts/')).sort()).toEqual(charts.map((f) => `charts/${f}`).sort());
  }, 120_000);
});
