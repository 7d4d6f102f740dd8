import { clamp01 } from '../maths/clamp.js';
import { watcher } from './metrics.js';
import { PARAMETERS, SIGNPOST_RESPONSES, type Parameters, type SignpostResponse } from './parameters.js';
import type { Signpost } from './spec.js';
import type { Signposts, World } from './world.js';

type Strategy = Parameters['strategy'];

/** The lever each lever-moving response turns, and which way. */
const LEVER: Partial<Record<SignpostResponse, { key: 'serving' | 'participation' | 'buffer' | 'steering'; sign: 1 | -1 }>> = {
  serve: { key: 'serving', sign: 1 },
  'open-up': { key: 'participation', sign: 1 },
  shield: { key: 'buffer', sign: 1 },
  'ease-steering': { key: 'steering', sign: -1 },
};
const LEVERS = SIGNPOST_RESPONSES.map((r) => LEVER[r] ?? null);
const ATTEND_LAGGING = SIGNPOST_RESPONSES.indexOf('attend-lagging');
const ATTENTION_RULES = PARAMETERS.strategy.attention.values;

/** Compiles a strategy's signposts into typed arrays for one run (none: nothing is ever reviewed). */
export function createSignposts(list: readonly Signpost[], neighbourhoods: number): Signposts {
  const count = list.length;
  return {
    count,
    watch: list.map((s) => watcher(s.metric)),
    level: Float64Array.from(list, (s) => (s.below !== undefined ? s.below : (s.above as number))),
    below: Uint8Array.from(list, (s) => (s.below !== undefined ? 1 : 0)),
    response: Uint8Array.from(list, (s) => {
      const r = SIGNPOST_RESPONSES.indexOf(s.respond as SignpostResponse);
      if (r < 0) throw new RangeError(`signpost ${s.metric}: no response ${s.respond} (one of ${SIGNPOST_RESPONSES.join(', ')})`);
      return r;
    }),
    active: new Uint8Array(count),
    since: new Int32Array(count),
    moved: new Float64Array(count),
    responses: new Int32Array(count),
    seen: new Float64Array(count),
    hoods: Int32Array.from({ length: neighbourhoods }, (_, b) => b),
    attending: 0,
    savedAttention: 0,
  };
}

/**
 * Step 1, after the interventions (docs/ODD.md §3 and §7.12): the manager reviews the signposts
 * against the state at the end of last week, as read before this week's interventions
 * (`readSignposts`). A signpost that is passed — its metric at or below
 * (above) its level — puts its response in force; a response in force for at least
 * `responseWeeks` weeks ends once the metric has recovered `signpostBand` past the level, and the
 * lever moves back by what the response moved it. A signpost can call for its response again
 * after that. No chance is drawn, so a strategy without signposts runs exactly as before.
 */
export function reviewSignposts(world: World): void {
  const s = world.signposts;
  if (s.count === 0) return;
  const strategy = world.params.strategy;
  const t = world.week;
  const band = strategy.signpostBand;
  for (let k = 0; k < s.count; k++) {
    const value = s.seen[k];
    const level = s.level[k];
    const below = s.below[k] === 1;
    if (s.active[k] === 0) {
      if (below ? value > level : value < level) continue;
      s.active[k] = 1;
      s.since[k] = t;
      s.responses[k]++;
      respond(strategy, s, k);
    } else if (t - s.since[k] >= strategy.responseWeeks && (below ? value > level + band : value < level - band)) {
      s.active[k] = 0;
      withdraw(strategy, s, k);
    }
  }
}

/** Reads every signpost's metric over the whole programme (the start of the week: last week's end). */
export function readSignposts(world: World): void {
  const s = world.signposts;
  for (let k = 0; k < s.count; k++) s.seen[k] = s.watch[k](world, s.hoods);
}

function respond(strategy: Strategy, s: Signposts, k: number): void {
  const lever = LEVERS[s.response[k]];
  if (lever) {
    const before = strategy[lever.key];
    strategy[lever.key] = clamp01(before + lever.sign * strategy.responseStep);
    s.moved[k] = strategy[lever.key] - before;
  } else if (s.response[k] === ATTEND_LAGGING) {
    if (s.attending++ === 0) s.savedAttention = ATTENTION_RULES.indexOf(strategy.attention);
    strategy.attention = 'most-lagging';
  }
}

function withdraw(strategy: Strategy, s: Signposts, k: number): void {
  const lever = LEVERS[s.response[k]];
  if (lever) {
    strategy[lever.key] = clamp01(strategy[lever.key] - s.moved[k]);
    s.moved[k] = 0;
  } else if (s.response[k] === ATTEND_LAGGING) {
    if (--s.attending === 0) strategy.attention = ATTENTION_RULES[s.savedAttention];
  }
}
