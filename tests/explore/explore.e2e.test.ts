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
  ['an unknown parameter', ISSUE_FORM.replace('residents.trustGov', 'residents.trustGob'), /explore\.uncertainties\.residents\.trustGob: expected .*found "residents\.trustGob" \(did you mean residents\.trustGov\?\)/],
];

describe('explore: bad input is refused with one line, exit code 2 and nothing written', () => {
  it.each(BAD)('%s', (_what, section, message) => {
    const cwd = workdir({ 'x.yaml': withExplore(section) });
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
    expect(report).toMatch(/Run-to-run noise is \d+ % of the variance between points/);
    // `report` rebuilds the same explore files from the results folder.
    const before = readFileSync(join(cwd, 'one', 'indices.csv'), 'utf8');
    expect(draagvlak(['report', 'one'], cwd).code).toBe(0);
    expect(readFileSync(join(cwd, 'one', 'indices.csv'), 'utf8')).toBe(before);
  }, 120_000);
});
