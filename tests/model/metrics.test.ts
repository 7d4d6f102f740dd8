import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { metricTables, METRICS_END, METRICS_START, withMetricTables } from '../../scripts/metricTable.js';
import {
  CONDITION_METRICS, INITIATIVE_METRICS, METRICS, RUN_METRICS, SERIES_METRICS, WEEK_METRICS, watch, weekIndex,
} from '../../src/model/metrics.js';
import { runValue } from '../../src/model/output.js';
import { outputOf } from '../../src/model/run.js';
import { run } from '../../src/model/schedule.js';
import { createWorld } from '../../src/model/createWorld.js';
import { headers } from '../../src/run/rows.js';
import { smallParams } from '../interventions/helpers.js';

const results = readFileSync('docs/results.md', 'utf8');

describe('docs/results.md metric tables', () => {
  it('match the tables generated from the metric registry (run `npm run docs` to update)', () => {
    expect(results.includes(METRICS_START) && results.includes(METRICS_END)).toBe(true);
    expect(withMetricTables(results)).toBe(results);
  });

  it('name every CSV column and series metric the run writes', () => {
    const h = headers([]);
    const columns = (line: string) => line.trim().split(',').slice(4); // after point, replicate, seed, label
    const table = metricTables();
    for (const c of [...columns(h.runs), ...columns(h.initiatives)]) expect(table).toContain(`| \`${c}\` |`);
    expect(columns(h.runs)).toEqual(RUN_METRICS.map((m) => m.column));
    expect(columns(h.initiatives)).toEqual(['initiative', ...INITIATIVE_METRICS.map((m) => m.column)]);
  });

  it('has each metric once', () => {
    const names = METRICS.map((m) => `${m.level}/${m.column}`);
    expect(new Set(names).size).toBe(names.length);
  });
});

describe('the recorded metrics', () => {
  // A small world stepped to its horizon; each value checked against a direct count over its people.
  const world = createWorld(smallParams(), { horizon: 30, sampleEvery: 10 }, 4242);
  run(world, world.horizon);
  const out = outputOf(world);
  const samples = out.weeks.length;
  const last = (column: string) => out.series[weekIndex(column) * samples + samples - 1];
  const all = Int32Array.from({ length: world.neighbourhoods.count }, (_, b) => b);

  it('members_final counts the committed households of each neighbourhood', () => {
    const { neighbourhood, committed } = world.residents;
    const counted = new Array(world.neighbourhoods.count).fill(0);
    for (let i = 0; i < world.residents.count; i++) counted[neighbourhood[i]] += committed[i];
    expect(Array.from(out.initiatives.membersFinal)).toEqual(counted);
    expect(counted.some((c) => c > 0)).toBe(true);
  });

  it('cohesion is the mean over neighbourhoods of mean belonging × share of ties inside', () => {
    const nb = world.neighbourhoods;
    let sum = 0;
    for (let b = 0; b < nb.count; b++) {
      let belonging = 0;
      for (let i = nb.start[b]; i < nb.end[b]; i++) belonging += world.residents.belonging[i];
      sum += (belonging / (nb.end[b] - nb.start[b])) * nb.withinShare[b];
    }
    expect(last('cohesion')).toBeCloseTo(sum / nb.count, 14);
  });

  it('a condition over every neighbourhood sees what the series recorded at that week', () => {
    for (const c of CONDITION_METRICS.filter((c) => SERIES_METRICS.includes(c))) expect(watch(world, c, all)).toBe(last(c));
    expect(watch(world, 'support_share', all)).toBe(Math.max(...world.initiatives.supportShare));
    expect(() => watch(world, 'presence', all)).toThrow(/cannot be watched/);
  });

  it('run metrics reduce the initiatives and the series', () => {
    const value = (column: string) => runValue(out, RUN_METRICS.find((m) => m.column === column)!);
    const reached = Array.from(world.initiatives.reachedWeek).filter((w) => w > 0);
    expect(value('initiatives')).toBe(world.initiatives.count);
    expect(value('reached')).toBe(reached.length);
    expect(value('first_reached_week')).toBe(reached.length > 0 ? Math.min(...reached) : 0);
    const trust = world.residents.trustGov.reduce((s, x) => s + x, 0) / world.residents.count;
    expect(value('trust_gov_final')).toBeCloseTo(trust, 14);
    expect(WEEK_METRICS.map((m) => m.column)).toEqual(SERIES_METRICS);
  });

  // Oracle: plain means over the residents, summed in id order as the metrics' one shared walk sums
  // each column, so equal to the last double; the recorder reuses that walk's sums within its week.
  it('the means that share one walk each equal a walk of their own, and a later state is measured afresh', () => {
    const res = world.residents;
    const mean = (values: ArrayLike<number>) => {
      let sum = 0;
      for (let i = 0; i < res.count; i++) sum += values[i];
      return sum * (1 / res.count);
    };
    expect(last('support')).toBe(mean(res.support));
    expect(last('committed_share')).toBe(mean(res.committed));
    expect(last('trust_gov')).toBe(mean(res.trustGov));
    expect(last('drive')).toBe(mean(res.drive));
    expect(last('awareness')).toBe(mean(res.awareness));
    expect(last('belonging')).toBeCloseTo(mean(res.belonging), 14);
    const G = world.params.population.backgroundGroups;
    const share = Array.from({ length: G }, (_, g) => {
      let [n, m] = [0, 0];
      for (let i = 0; i < res.count; i++) if (res.background[i] === g) [n, m] = [n + 1, m + res.committed[i]];
      return n > 0 ? m / n : Infinity;
    });
    expect(last('least_group_share')).toBe(Math.min(...share));
    // the same week, another state: a condition's neighbourhoods are measured afresh, not from the recorder's sums
    const mine = createWorld(smallParams(), { horizon: 30, sampleEvery: 10 }, 4242);
    run(mine, mine.horizon);
    mine.residents.support.fill(0.25);
    mine.residents.belonging.fill(0.5);
    expect(watch(mine, 'support', all)).toBe(0.25);
    expect(watch(mine, 'belonging', all)).toBe(0.5);
    expect(watch(mine, 'cohesion', Int32Array.of(0))).toBeCloseTo(0.5 * mine.neighbourhoods.withinShare[0], 14);
  });
});
