import { describe, expect, it } from 'vitest';
import { barabasiAlbert, completeGraph, erdosRenyi, ringLattice } from '../../src/network/index.js';
import { stream } from '../../src/random/streams.js';
import { degrees, simpleGraphProblems } from './helpers.js';

const rngOf = (seed: number) => stream(seed, 'network');

describe('ringLattice', () => {
  it('gives every node exactly k ties, k/2 on each side', () => {
    const g = ringLattice(101, 6);
    expect(simpleGraphProblems(g)).toEqual([]);
    expect(degrees(g).every((d) => d === 6)).toBe(true);
    expect(Array.from(g.targets.subarray(g.offsets[0], g.offsets[1]))).toEqual([1, 2, 3, 98, 99, 100]);
  });

  it('rounds an odd degree down to even and becomes complete when k ≥ n − 1', () => {
    expect(degrees(ringLattice(50, 5)).every((d) => d === 4)).toBe(true);
    expect(degrees(ringLattice(7, 10)).every((d) => d === 6)).toBe(true);
    expect(ringLattice(10, 0).targets.length).toBe(0);
  });
});

describe('completeGraph', () => {
  it('ties each of n = 2000 nodes to all n − 1 others (4 M entries)', () => {
    const g = completeGraph(2000);
    expect(g.targets.length).toBe(2000 * 1999);
    expect(degrees(g).every((d) => d === 1999)).toBe(true);
    expect(simpleGraphProblems(completeGraph(60))).toEqual([]);
    expect(Array.from(g.targets.subarray(g.offsets[3], g.offsets[3] + 4))).toEqual([0, 1, 2, 4]);
  });
});

describe('erdosRenyi', () => {
  it('is simple and symmetric', () => {
    expect(simpleGraphProblems(erdosRenyi(3000, 6, rngOf(1)))).toEqual([]);
  });

  it('has mean degree z within sampling error at n = 10 000 (oracle: E[degree] = p(n − 1) = z)', () => {
    // The tie count is Binomial(n(n−1)/2, p): sd of the mean degree ≈ sqrt(2z/n) ≈ 0.04 for z = 8; allow 5 sd.
    const n = 10_000;
    for (const [seed, z] of [[11, 8], [12, 2], [13, 20]]) {
      const g = erdosRenyi(n, z, rngOf(seed));
      const mean = g.targets.length / n;
      expect(Math.abs(mean - z)).toBeLessThan(5 * Math.sqrt((2 * z) / n));
    }
  });

  it('has a near-Poisson degree distribution: share of isolated nodes ≈ e^−z, variance ≈ z', () => {
    // Oracle: degree ~ Binomial(n − 1, p) → Poisson(z); P(0) = e^−z. z = 2: P(0) = 0.1353, sd of the share ≈ 0.0034.
    const n = 10_000;
    const z = 2;
    const d = degrees(erdosRenyi(n, z, rngOf(21)));
    let zeros = 0;
    let sum = 0;
    let sq = 0;
    for (const x of d) {
      if (x === 0) zeros++;
      sum += x;
      sq += x * x;
    }
    const mean = sum / n;
    expect(Math.abs(zeros / n - Math.exp(-z))).toBeLessThan(0.015);
    expect(Math.abs(sq / n - mean * mean - z)).toBeLessThan(0.15);
  });

  it('gives the empty graph for z = 0 and the complete graph for z ≥ n − 1', () => {
    expect(erdosRenyi(100, 0, rngOf(3)).targets.length).toBe(0);
    expect(erdosRenyi(20, 19, rngOf(3)).targets.length).toBe(20 * 19);
  });
});

describe('barabasiAlbert', () => {
  it('adds m ties per new node to a complete core of m + 1: degree sum m(m + 1) + 2m(n − m − 1)', () => {
    for (const m of [1, 3, 4]) {
      const n = 5000;
      const g = barabasiAlbert(n, m, rngOf(31 + m));
      expect(simpleGraphProblems(g)).toEqual([]);
      expect(g.targets.length).toBe(m * (m + 1) + 2 * m * (n - m - 1));
      expect(Math.min(...degrees(g))).toBeGreaterThanOrEqual(m);
    }
  });

  it('grows hubs: the largest degree far exceeds the mean (oracle: max degree ~ m√n, Barabási & Albert 1999)', () => {
    const n = 10_000;
    const g = barabasiAlbert(n, 4, rngOf(41));
    const d = degrees(g);
    const mean = g.targets.length / n;
    // m√n = 400; an Erdős–Rényi graph of the same mean (8) would top out near 20.
    expect(Math.max(...d)).toBeGreaterThan(10 * mean);
  });
});
