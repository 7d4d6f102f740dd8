import { describe, expect, it } from 'vitest';
import { createWorld } from '../../src/model/createWorld.js';
import { loadScenario } from '../model/helpers.js';
import { stepUntilStable } from './settle.js';

// Oracle: Watts (2002), PNAS 99:5766, Fig. 1 and the generating-function solution for a single seed
// on Erdős–Rényi graphs with uniform threshold φ = 0.18 (cascade window 1.02 < z < 5.77).
const scenario = loadScenario('scenarios/reductions/watts.yaml');
const N = scenario.params.population.households;

/** Final cascade sizes (shares of N) of `realisations` worlds at mean degree z, each with its own network and seed node. */
function cascades(z: number, realisations: number): Float64Array {
  const params = structuredClone(scenario.params);
  params.network.degree = z;
  const sizes = new Float64Array(realisations);
  for (let r = 0; r < realisations; r++) {
    const world = createWorld(params, { horizon: 10_000, sampleEvery: 10_000 }, scenario.seed * 1000 + Math.round(z * 10) * 100_000 + r);
    sizes[r] = stepUntilStable(world, 10_000) / N;
  }
  return sizes;
}

/** A cascade is global when it takes at least a tenth of the network; local ones stay at a few nodes (sizes are bimodal). */
const GLOBAL = 0.1;

function summary(sizes: Float64Array): { frequency: number; meanGlobalSize: number } {
  let global = 0;
  let total = 0;
  for (const s of sizes) {
    if (s >= GLOBAL) {
      global++;
      total += s;
    }
  }
  return { frequency: global / sizes.length, meanGlobalSize: global > 0 ? total / global : 0 };
}

describe('Watts (2002) global cascades on Erdős–Rényi graphs, N = 10 000, φ = 0.18, one seed', () => {
  // 400 realisations: the standard error of a frequency near 0.75 is √(0.75·0.25/400) ≈ 0.022 and
  // near 0.87 is ≈ 0.017; the tolerance 0.08 is ≥ 3.6 standard errors, so the test cannot flake.
  it.each([
    [2, 0.75],
    [3, 0.87],
    [4, 0.87],
  ])('inside the window (z = %d) one seed triggers a global cascade with frequency ≈ %d', (z, expected) => {
    const { frequency, meanGlobalSize } = summary(cascades(z, 400));
    console.log(`Watts z=${z}: frequency ${frequency.toFixed(3)}, mean global cascade size ${meanGlobalSize.toFixed(4)}`);
    expect(Math.abs(frequency - expected)).toBeLessThan(0.08);
    if (z === 3) expect(Math.abs(meanGlobalSize - 0.94)).toBeLessThan(0.02);
    if (z === 4) expect(Math.abs(meanGlobalSize - 0.98)).toBeLessThan(0.015);
  });

  // 100 realisations with none global: if the true frequency were 0.03, seeing none would have
  // probability 0.97^100 ≈ 0.05; a real cascade window would show dozens.
  it.each([[0.5], [8], [10]])('outside the window (z = %d) no seed triggers a global cascade', (z) => {
    const { frequency } = summary(cascades(z, 100));
    console.log(`Watts z=${z}: frequency ${frequency.toFixed(3)}`);
    expect(frequency).toBe(0);
  });
});
