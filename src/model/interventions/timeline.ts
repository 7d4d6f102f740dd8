import { stream } from '../../random/streams.js';
import type { Parameters } from '../parameters.js';
import type { Timeline, TimelineEntry, World } from '../world.js';
import { breakPromise, holdEvening, sendIntoField } from './actions.js';
import { conditionValue } from './conditions.js';
import { ACTION_SIZE, EVENT_ACTIONS, interventionName, type Intervention } from './types.js';

type Strategy = Parameters['strategy'];
type StrategyKey = keyof Strategy;

/**
 * Compile a scenario's interventions for one run, into the world's timeline. Each week, right
 * after the environment drivers and before anyone acts (docs/ODD.md §3, step 1, and §7.11), every entry checks its trigger against the state at
 * the end of last week — `at` a week, `from` a week `for` some weeks, or `when` a condition first
 * holds — and applies its action. Lasting actions (`set`, `field`, `subsidy`, `mandate`,
 * `share-revenues`, stakeholders) hold to the horizon, or for their window and are then undone;
 * events (`evening`, `broken-promise`) act once, or every week of their window. Randomness comes
 * only from the run's interventions stream, so a timeline changes nothing before its first week.
 */
export function createTimeline(entries: readonly Intervention[], runSeed: number): Timeline {
  return {
    entries: entries.map((entry) => ({
      entry,
      size: entry.size ?? ACTION_SIZE[entry.action].default,
      hoods: null,
      saved: null,
      until: entry.from !== undefined ? entry.from + (entry.for ?? 1) : Infinity,
    })),
    firedWeek: new Int32Array(entries.length),
    due: new Uint8Array(entries.length),
    rng: stream(runSeed, 'interventions'),
  };
}

/** Step 1, after the drivers: apply the timeline's entries whose week or condition has come. */
export function applyInterventions(world: World): void {
  const { entries, firedWeek, due, rng } = world.timeline;
  const t = world.week;
  for (let k = 0; k < entries.length; k++) {
    const c = entries[k];
    const e = c.entry;
    hoodsOf(world, c); // a neighbourhood that does not exist fails in the first week
    if (firedWeek[k] === 0) {
      const fires = e.at !== undefined ? t === e.at : e.from !== undefined ? t === e.from : due[k] === 1;
      if (!fires) continue;
      firedWeek[k] = t;
      apply(world, c, rng);
      continue;
    }
    if (t >= c.until) {
      if (c.saved) undo(world, c);
      continue;
    }
    // Still active: lasting actions that act on this week's values act again; events repeat
    // only inside a window.
    if (EVENT_ACTIONS.has(e.action)) {
      if (e.from !== undefined) apply(world, c, rng);
    } else if (e.action === 'field' || e.action === 'subsidy' || e.action === 'mandate') {
      apply(world, c, rng);
    }
  }
}

/**
 * The start of the week: which entries not yet fired have their `when` condition holding on the state
 * as last week ended, read for all of them before any entry of this week acts.
 */
export function readConditions(world: World): void {
  const { entries, firedWeek, due } = world.timeline;
  for (let k = 0; k < entries.length; k++) {
    const cond = entries[k].entry.when;
    if (cond === undefined || firedWeek[k] !== 0) continue;
    const value = conditionValue(world, cond.metric, hoodsOf(world, entries[k]));
    due[k] = (cond.above !== undefined ? value >= cond.above : value <= (cond.below as number)) ? 1 : 0;
  }
}

function hoodsOf(world: World, c: TimelineEntry): Int32Array {
  if (c.hoods === null) c.hoods = neighbourhoodsOf(c.entry, world.neighbourhoods.count);
  return c.hoods;
}

/** The neighbourhoods an entry acts on; one that does not exist is an error, never a silent no-op. */
function neighbourhoodsOf(e: Intervention, count: number): Int32Array {
  if (e.where === undefined || e.where === 'all') return Int32Array.from({ length: count }, (_, b) => b);
  for (const b of e.where) {
    if (!Number.isInteger(b) || b < 0 || b >= count) {
      throw new RangeError(`intervention ${interventionName(e)}: no neighbourhood ${b} (there are ${count}, numbered from 0)`);
    }
  }
  return Int32Array.from(e.where);
}

function apply(world: World, c: TimelineEntry, rng: () => number): void {
  const e = c.entry;
  const strategy = world.params.strategy;
  const env = world.env;
  switch (e.action) {
    case 'evening':
      return holdEvening(world, c.hoods!, c.size, rng);
    case 'broken-promise':
      return breakPromise(world, c.hoods!, c.size);
    case 'field':
      return sendIntoField(world, c.hoods!, c.size);
    case 'subsidy':
      env.costs = Math.max(0, env.costs - c.size);
      return;
    case 'mandate':
      env.policyPressure = Math.min(1, env.policyPressure + c.size);
      return;
    case 'set':
      return change(world, c, e.set ?? {});
    case 'share-revenues':
      return change(world, c, { revenueShare: c.size });
    case 'add-stakeholder':
      return change(world, c, { stakeholders: Math.min(20, strategy.stakeholders + c.size) });
    case 'remove-stakeholder':
      return change(world, c, { stakeholders: Math.max(1, strategy.stakeholders - c.size) });
  }
}

/** Sets strategy values (paths with or without the `strategy.` prefix), remembering the old ones for a window's end. */
function change(world: World, c: TimelineEntry, values: Record<string, number | string>): void {
  const strategy = world.params.strategy as unknown as Record<string, number | string>;
  const saved: Record<string, number | string> = {};
  for (const [path, value] of Object.entries(values)) {
    const key = path.replace(/^strategy\./, '') as StrategyKey;
    saved[key] = strategy[key];
    strategy[key] = value;
  }
  if (c.until !== Infinity) c.saved = saved as Partial<Strategy>;
}

function undo(world: World, c: TimelineEntry): void {
  Object.assign(world.params.strategy, c.saved);
  c.saved = null;
}
