import type { World } from './world.js';

/**
 * Step 6: officials learn. Success in their neighbourhood — half for how close its initiative is to
 * its threshold, min(1, supportShare / threshold), half for having formalised — lowers their top-down
 * orientation and raises their trust in residents; the policy pressure that reaches them past the
 * manager's buffer pushes the other way:
 *   orientation += learning × (push × (1 − orientation) − success × orientation)
 *   trustInResidents += learning × (success × (1 − trust) − push × trust),  push = policyPressure × (1 − buffer).
 * Trust in residents only moves when the trust mechanism is on. With `mechanisms.realisation` an
 * initiative that failed after formalising no longer counts as formalised.
 */
export function officialsLearn(world: World): void {
  const { strategy, rates, mechanisms } = world.params;
  if (!mechanisms.learning) return;
  const off = world.officials;
  const ini = world.initiatives;
  const rate = rates.learning;
  const push = world.env.policyPressure * (1 - strategy.buffer);
  const trustOn = mechanisms.trust;
  for (let o = 0; o < off.count; o++) {
    const b = off.neighbourhood[o];
    const reach = ini.threshold[b] > 0 ? Math.min(1, ini.supportShare[b] / ini.threshold[b]) : 1;
    const success = 0.5 * reach + (ini.formalisedWeek[b] > 0 && ini.failedWeek[b] === 0 ? 0.5 : 0);
    const orientation = off.orientation[o];
    const y = orientation + rate * (push * (1 - orientation) - success * orientation);
    off.orientation[o] = y < 0 ? 0 : y > 1 ? 1 : y;
    if (trustOn) {
      const t = off.trustInResidents[o];
      const z = t + rate * (success * (1 - t) - push * t);
      off.trustInResidents[o] = z < 0 ? 0 : z > 1 ? 1 : z;
    }
  }
}
