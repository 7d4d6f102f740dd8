import { applyChanges } from './commitment.js';
import { planGrowth } from './initiatives.js';
import { breakPromiseIn } from './interventions/actions.js';
import { ACTION_SIZE } from './interventions/types.js';
import type { World } from './world.js';

/** The trust a failed initiative costs its neighbourhood: a broken promise of the default size (in good contacts). */
const FAILURE_PROMISE = ACTION_SIZE['broken-promise'].default;

/**
 * What member i feels in week τ after formalisation (Oliver 1980, expectation–disconfirmation, in
 * its additive form): their expectation plus the disconfirmation, delivery − min(1, τ / promiseWeeks)
 * — what has been delivered against what the plan promised by now.
 */
export function satisfaction(expectation: number, delivery: number, weeksSince: number, promiseWeeks: number): number {
  const promised = weeksSince >= promiseWeeks ? 1 : weeksSince / promiseWeeks;
  return expectation + delivery - promised;
}

/**
 * Step 5b (switch `mechanisms.realisation`, off by default): after formalising, the initiative
 * must deliver its plan (ODD §7.6c).
 *
 *  - In the week it formalises, each member sets an expectation: their support that week.
 *  - Each later week, delivery += planGrowth × capacity + managerSupport × attention (capped at 1):
 *    the plan is realised at the pace it matured, by the members it still has; delivered at 1.
 *  - A member's satisfaction is expectation + delivery − min(1, τ / promiseWeeks) (τ weeks since
 *    formalising). A member drops out in the first week their satisfaction falls below their
 *    personal threshold − hysteresis (the bar at which the commitment rule lets a member go); a
 *    drop-out's support falls to their satisfaction (not below 0) when that is lower.
 *  - After the drop-outs, the initiative fails when its committed share is below initiative.floor × threshold,
 *    or when it is not delivered within initiative.deadline (2) × promiseWeeks. A failure is a broken promise of the
 *    default size to every resident of its neighbourhood (trust loss, with the asymmetry) and
 *    releases its remaining members, whose support likewise falls to their satisfaction.
 *  - Membership of a formalised initiative changes only here (the commitment rule passes its
 *    residents by), and delivered and failed initiatives are done.
 *
 * Draws no random numbers and allocates nothing.
 */
export function realise(world: World): void {
  const { mechanisms, initiative, rates, commitment } = world.params;
  if (!mechanisms.initiatives || !mechanisms.realisation) return;
  const ini = world.initiatives;
  const res = world.residents;
  const hoods = world.neighbourhoods;
  const { committed, support, expectation, threshold } = res;
  const week = world.week;
  const growth = planGrowth(world);
  const promise = initiative.promiseWeeks;
  const h = commitment.hysteresis;
  const changed = world.scratch.changed;
  let count = 0;
  for (let b = 0; b < ini.count; b++) {
    const formalised = ini.formalisedWeek[b];
    if (formalised === 0 || ini.deliveredWeek[b] > 0 || ini.failedWeek[b] > 0) continue;
    const start = hoods.start[b];
    const end = hoods.end[b];
    if (formalised === week) {
      for (let i = start; i < end; i++) if (committed[i] === 1) expectation[i] = support[i];
      continue;
    }
    const d = ini.delivery[b] + growth * ini.capacity[b] + rates.managerSupport * ini.attention[b];
    ini.delivery[b] = d > 1 ? 1 : d;
    if (ini.delivery[b] >= 1) {
      ini.deliveredWeek[b] = week;
      continue;
    }
    const since = week - formalised;
    const disconfirmation = satisfaction(0, ini.delivery[b], since, promise);
    const first = count;
    for (let i = start; i < end; i++) {
      if (committed[i] === 0) continue;
      const s = expectation[i] + disconfirmation;
      if (s >= threshold[i] - h) continue;
      changed[count++] = i;
      if (s < support[i]) support[i] = s > 0 ? s : 0;
    }
    ini.droppedOut[b] += count - first;
    const left = ini.members[b] - (count - first);
    const tooFew = ini.households[b] > 0 && left < initiative.floor * ini.threshold[b] * ini.households[b];
    if (!tooFew && since < initiative.deadline * promise) continue;
    ini.failedWeek[b] = week;
    breakPromiseIn(world, b, FAILURE_PROMISE);
    for (let i = start; i < end; i++) {
      if (committed[i] === 0) continue;
      const s = expectation[i] + disconfirmation;
      if (s < threshold[i] - h) continue; // dropped out above
      changed[count++] = i;
      if (s < support[i]) support[i] = s > 0 ? s : 0;
    }
  }
  if (count > 0) applyChanges(world, count);
}
