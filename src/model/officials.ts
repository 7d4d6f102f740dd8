import { clamp01 } from '../maths/clamp.js';
import type { World } from './world.js';

/**
 * Step 2b: officials set their pressure and move their presence. Pressure is the policy pressure
 * passed on according to an official's top-down orientation, damped by what the manager's buffer
 * absorbs, plus the control that steering without participation adds (Arnstein 1969: steering with
 * little citizen power is felt as control):
 *   pressure = policyPressure × orientation × (1 − buffer) + steeringPressure × steering × (1 − participation).
 * Presence relaxes toward the strategy's serving target. Residents feel their officials' mean pressure.
 */
export function setPressureAndPresence(world: World): void {
  const { strategy, rates, mechanisms } = world.params;
  const off = world.officials;
  const hoods = world.neighbourhoods;
  const passedOn = world.env.policyPressure * (1 - strategy.buffer);
  const control = rates.steeringPressure * strategy.steering * (1 - strategy.participation);
  const presenceRate = rates.presenceRate;
  const target = strategy.serving;
  const pressureOn = mechanisms.pressure;
  for (let o = 0; o < off.count; o++) {
    off.pressure[o] = pressureOn ? clamp01(passedOn * off.orientation[o] + control) : 0;
    off.presence[o] = clamp01(off.presence[o] + presenceRate * (target - off.presence[o]));
  }
  for (let b = 0; b < hoods.count; b++) {
    const lo = hoods.officialStart[b];
    const hi = hoods.officialStart[b + 1];
    let pressure = 0;
    let trust = 0;
    for (let o = lo; o < hi; o++) {
      pressure += off.pressure[o];
      trust += off.trustInResidents[o];
    }
    // Without officials nobody presses, and nobody distrusts the residents.
    hoods.feltPressure[b] = hi > lo ? pressure / (hi - lo) : 0;
    hoods.officialTrust[b] = hi > lo ? trust / (hi - lo) : 1;
  }
}
