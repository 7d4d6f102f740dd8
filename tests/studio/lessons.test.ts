import { describe, expect, it } from 'vitest';
import type { Intervention } from '../../src/model/interventions/types.js';
import { defaultParameters, defaultRunSettings, type Parameters } from '../../src/model/parameters.js';
import { setParam } from '../../src/scenario/paths.js';
import { METRICS, startRun, stepWeek, weekMetrics } from '../../src/studio/kernel.js';
import { LESSON, goalMet, goalScore, type Task } from '../../src/studio/lessons.js';
import { searchStrategies } from '../../src/studio/search.js';

/** The studio opens on the default scenario and seed: what a class meets when it presses Lesson. */
const SEED = defaultRunSettings().seed;

/** A task's score of a run of the default scenario with some levers moved and a timeline, read in its goal's week. */
function score(task: Task, levers: Record<string, number>, timeline: Intervention[] = []): number {
  const params: Parameters = defaultParameters();
  for (const [path, value] of Object.entries(levers)) setParam(params, path, value);
  const run = startRun(params, task.goal.week, SEED, timeline);
  while (stepWeek(run));
  const values = weekMetrics(run, task.goal.week, new Float64Array(METRICS.length));
  return goalScore(task.goal, values[METRICS.indexOf(task.goal.metric)], params.population.neighbourhoods);
}

/** Per task, one way to meet it with only the levers and interventions it allows (found by trying them in the studio). */
const WITNESS: Record<string, { levers: Record<string, number>; timeline: Intervention[] }> = {
  'five-by-78': { levers: {}, timeline: [{ action: 'subsidy', at: 1 }] },
  'trust-104': { levers: { 'strategy.serving': 0.9, 'strategy.buffer': 0.9 }, timeline: [] },
  'formalise-78': { levers: { 'strategy.steering': 0.9, 'strategy.participation': 0.9, 'strategy.stakeholders': 4 }, timeline: [] },
};

describe('the lesson\'s tasks, on the scenario the studio opens with', () => {
  it.each(LESSON.map((task) => [task.id, task] as const))('%s: doing nothing misses the goal, and what the task allows meets it', (id, task) => {
    // doing nothing: the scenario as loaded, nothing pressed — the debrief's "Doing nothing"
    expect(goalMet(task.goal, score(task, {})), `${id} is met by pressing Play`).toBe(false);
    const witness = WITNESS[id];
    expect(witness, `no witness for ${id}`).toBeDefined();
    for (const path of Object.keys(witness.levers)) expect(task.levers).toContain(path);
    for (const entry of witness.timeline) expect(task.actions).toContain(entry.action);
    expect(goalMet(task.goal, score(task, witness.levers, witness.timeline))).toBe(true);
  });

  it('a question asking to keep a level is one doing nothing starts at', () => {
    for (const task of LESSON) {
      if (!/^Keep\b/.test(task.question.en) && !/^Houd\b/.test(task.question.nl)) continue;
      const run = startRun(defaultParameters(), task.goal.week, SEED);
      const start = weekMetrics(run, 0, new Float64Array(METRICS.length))[METRICS.indexOf(task.goal.metric)];
      expect(start, `${task.id}: "${task.question.en}" but the run starts at ${start.toFixed(3)}`).toBeGreaterThanOrEqual(task.goal.atLeast);
    }
  });

  it.each(LESSON.map((task) => [task.id, task] as const))('%s: the debrief\'s best found sets only levers the task allows, and those values score what it says', (id, task) => {
    const found = searchStrategies(defaultParameters(), SEED, task.goal, task.levers);
    expect(found.some((r) => r.preset !== undefined)).toBe(true);
    for (const r of found) {
      expect(Object.keys(r.values).length, `${r.preset ?? 'a grid point'} sets nothing`).toBeGreaterThan(0);
      for (const path of Object.keys(r.values)) expect(task.levers, `${id}: ${r.preset ?? 'a grid point'} sets ${path}`).toContain(path);
      // the oracle: the default scenario run here with the levers it names, nothing pressed
      expect(score(task, r.values as Record<string, number>)).toBe(r.score);
    }
  });
});
