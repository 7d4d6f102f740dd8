import { describe, expect, it } from 'vitest';
import { evaluateSeries } from '../../src/model/environment.js';

describe('evaluateSeries()', () => {
  it('holds a constant in every week 0 … horizon', () => {
    expect([...evaluateSeries(0.4, 3)]).toEqual([0.4, 0.4, 0.4, 0.4]);
  });

  it('interpolates points linearly and holds flat before the first and after the last', () => {
    expect([...evaluateSeries({ points: [[2, 0], [6, 0.8]] }, 8)].map((x) => +x.toFixed(10))).toEqual([0, 0, 0, 0.2, 0.4, 0.6, 0.8, 0.8, 0.8]);
  });

  it('holds each step until the next, the first value before the first step', () => {
    expect([...evaluateSeries({ steps: [[2, 0.3], [4, 0.9]] }, 5)]).toEqual([0.3, 0.3, 0.3, 0.3, 0.9, 0.9]);
  });

  it('clamps values into [0, 1]', () => {
    expect([...evaluateSeries({ points: [[0, -1], [2, 2]] }, 2)]).toEqual([0, 0.5, 1]);
  });
});
