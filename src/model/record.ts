import { INITIATIVE_WEEK_METRICS, WEEK_METRICS } from './metrics.js';
import type { Recorder, World } from './world.js';

export function sampleWeeks(horizon: number, sampleEvery: number): Int32Array {
  const weeks: number[] = [];
  for (let t = 0; t <= horizon; t += sampleEvery) weeks.push(t);
  if (weeks[weeks.length - 1] !== horizon) weeks.push(horizon);
  return Int32Array.from(weeks);
}

export function createRecorder(horizon: number, sampleEvery: number, initiatives: number): Recorder {
  const weeks = sampleWeeks(horizon, Math.max(1, Math.floor(sampleEvery)));
  const all = new Int32Array(initiatives);
  for (let b = 0; b < initiatives; b++) all[b] = b;
  return {
    weeks,
    series: new Float64Array(WEEK_METRICS.length * weeks.length),
    initiativeSeries: new Float64Array(initiatives * INITIATIVE_WEEK_METRICS.length * weeks.length),
    all,
    next: 0,
  };
}

/**
 * Step 7: write this week's sample, when this is a sampled week: each registered metric measured
 * over every neighbourhood (src/model/metrics.ts). Reach and formalisation weeks are set by the
 * initiative process. Writes into the preallocated recorder; allocates nothing.
 */
export function recordMetrics(world: World): void {
  const rec = world.recorder;
  if (rec.next >= rec.weeks.length || rec.weeks[rec.next] !== world.week) return;
  const samples = rec.weeks.length;
  const k = rec.next;
  for (let m = 0; m < WEEK_METRICS.length; m++) rec.series[m * samples + k] = WEEK_METRICS[m].measure(world, rec.all);
  const count = world.initiatives.count;
  const perInitiative = INITIATIVE_WEEK_METRICS.length * samples;
  for (let b = 0; b < count; b++) {
    for (let m = 0; m < INITIATIVE_WEEK_METRICS.length; m++) {
      rec.initiativeSeries[b * perInitiative + m * samples + k] = INITIATIVE_WEEK_METRICS[m].value(world, b);
    }
  }
  rec.next++;
}
