import { describe, expect, test } from 'vitest';
import { kaplanMeier, medianTime, survivalAt } from '../../src/analysis/kaplanMeier.js';

/**
 * Oracle: the 6-MP arm of the Freireich et al. (1963) leukaemia remission trial, as tabulated by
 * Kleinbaum & Klein, *Survival Analysis: A Self-Learning Text* (3rd ed., 2012), ch. 2 (KM table for
 * group 1), and by R's `survfit(Surv(time, status) ~ 1)` on the `gehan` data (MASS), whose
 * `summary()` prints the Greenwood standard errors below and whose `print()` gives
 * median 23, 0.95LCL 16, 0.95UCL NA with the default log band.
 * Weeks in remission; a trailing + marks a censored time.
 */
const SIX_MP = '6 6 6 6+ 7 9+ 10 10+ 11+ 13 16 17+ 19+ 20+ 22 23 25+ 32+ 32+ 34+ 35+'.split(' ');
const times = SIX_MP.map((t) => Number.parseInt(t, 10));
const events = SIX_MP.map((t) => !t.endsWith('+'));

// time, at risk, events, S(t), Greenwood SE, log band lower, log band upper (R survfit, conf.type = "log")
const PUBLISHED = [
  [6, 21, 3, 0.8571, 0.0764, 0.720, 1.0],
  [7, 17, 1, 0.8067, 0.0869, 0.653, 0.996],
  [10, 15, 1, 0.7529, 0.0963, 0.586, 0.968],
  [13, 12, 1, 0.6902, 0.1068, 0.510, 0.935],
  [16, 11, 1, 0.6275, 0.1141, 0.439, 0.896],
  [22, 7, 1, 0.5378, 0.1282, 0.337, 0.858],
  [23, 6, 1, 0.4482, 0.1346, 0.249, 0.807],
] as const;

describe('kaplanMeier() on the Freireich 6-MP leukaemia data', () => {
  const steps = kaplanMeier(times, events, 'log');
  const eventSteps = steps.filter((s) => s.events > 0);

  test('gives the published product-limit estimates, numbers at risk and Greenwood standard errors', () => {
    expect(eventSteps.map((s) => s.time)).toEqual(PUBLISHED.map((r) => r[0]));
    PUBLISHED.forEach(([time, atRisk, d, survival, se], i) => {
      const s = eventSteps[i];
      expect(s.atRisk, `at risk at ${time}`).toBe(atRisk);
      expect(s.events).toBe(d);
      expect(s.survival).toBeCloseTo(survival, 4);
      expect(s.se).toBeCloseTo(se, 4);
    });
  });

  test('gives the log band that R prints', () => {
    PUBLISHED.forEach(([, , , , , lower, upper], i) => {
      expect(eventSteps[i].lower).toBeCloseTo(lower, 3);
      expect(eventSteps[i].upper).toBeCloseTo(upper, 3);
    });
  });

  test('gives median 23 weeks with lower limit 16 and no upper limit, as R does', () => {
    expect(medianTime(steps)).toEqual({ median: 23, lo: 16, hi: null });
  });

  test('keeps censored times as steps without changing the estimate', () => {
    const at9 = steps.find((s) => s.time === 9)!;
    expect(at9.events).toBe(0);
    expect(at9.censored).toBe(1);
    expect(at9.survival).toBeCloseTo(0.8067, 4);
    expect(survivalAt(steps, 8.5).survival).toBeCloseTo(0.8067, 4);
    expect(survivalAt(steps, 5).survival).toBe(1);
  });

  test('log-log band at week 6 matches the hand computation S^exp(±z·SE/(S·|ln S|))', () => {
    const s = kaplanMeier(times, events, 'log-log').find((x) => x.time === 6)!;
    // S = 18/21, Greenwood sum = 3/(21·18) = 1/126; σ = √(1/126)/|ln(6/7)| = 0.57792; z = 1.959964
    // lower = (6/7)^exp(1.13271) = 0.6197, upper = (6/7)^exp(−1.13271) = 0.9516
    expect(s.lower).toBeCloseTo(0.6197, 4);
    expect(s.upper).toBeCloseTo(0.9516, 4);
    expect(s.lower).toBeLessThan(s.survival);
    expect(s.upper).toBeGreaterThan(s.survival);
  });

  test('plain band is S ± 1.96·SE, clipped to [0, 1]', () => {
    const s = kaplanMeier(times, events, 'plain').find((x) => x.time === 23)!;
    expect(s.lower).toBeCloseTo(0.4482 - 1.959964 * 0.1346, 3);
    expect(s.upper).toBeCloseTo(0.4482 + 1.959964 * 0.1346, 3);
    const first = kaplanMeier(times, events, 'plain').find((x) => x.time === 6)!;
    expect(first.upper).toBe(1);
  });
});

describe('kaplanMeier() on hand-checked cases', () => {
  test('without censoring it is one minus the empirical distribution function', () => {
    const steps = kaplanMeier([1, 2, 2, 3, 5], [true, true, true, true, true]);
    expect(steps.map((s) => [s.time, s.survival])).toEqual([[1, 0.8], [2, 0.4], [3, 0.2], [5, 0]]);
    // when the last subject has its event the curve ends at 0 with a degenerate band
    expect(steps[3]).toMatchObject({ lower: 0, upper: 0 });
  });

  test('the median is the first time exactly half have had the event, though the product of the factors lies a rounding above ½', () => {
    // Oracle: without censoring S is one minus the empirical distribution function, so after the
    // sixth of twelve events (week 21) S = 6/12 = ½ exactly and the median (first S ≤ ½) is week 21;
    // the product-limit form multiplies 8/12 · 7/8 · 6/7, which is 0.5000000000000001 in doubles.
    const weeks = [4, 4, 4, 4, 19, 21, 24, 43, 52, 52, 53, 60];
    const steps = kaplanMeier(weeks, weeks.map(() => true));
    expect(steps.find((s) => s.time === 21)!.survival).toBeCloseTo(0.5, 12);
    expect(medianTime(steps).median).toBe(21);
  });

  test('the upper limit of the median is unknown when the band reaches ½ only where the curve ends at 0', () => {
    // Three initiatives, none censored, reach the threshold in weeks 26, 35 and 59. By hand
    // (log-log band): at 26 S = 2/3, lower = (2/3)^exp(1.96·√(1/6)/ln 1.5) = 0.054 ≤ ½; at 35
    // S = 1/3, upper = (1/3)^exp(−1.96·√(2/3)/ln 3) = 0.774 > ½; at 59 S = 0, where Greenwood's
    // variance is undefined. Oracle: R's survfit prints median 35, 0.95LCL 26, 0.95UCL NA; scipy's
    // ecdf(...).sf.confidence_interval(method='log-log') is NaN at 59. (It was 59 before: three
    // runs cannot bound the median at 95 % by their last event.)
    const steps = kaplanMeier([26, 35, 59], [true, true, true], 'log-log');
    expect(steps[0].lower).toBeCloseTo(0.054, 3);
    expect(steps[1].upper).toBeCloseTo(0.774, 3);
    expect(medianTime(steps)).toEqual({ median: 35, lo: 26, hi: null });
    // a single event: the median is its time, and neither limit is known (R: NA, NA)
    expect(medianTime(kaplanMeier([10], [true]))).toEqual({ median: 10, lo: null, hi: null });
  });

  test('with everyone censored the curve stays at 1 and the median is never reached', () => {
    const steps = kaplanMeier([10, 10, 10], [false, false, false]);
    expect(steps).toHaveLength(1);
    expect(steps[0]).toMatchObject({ survival: 1, lower: 1, upper: 1 });
    expect(medianTime(steps)).toEqual({ median: null, lo: null, hi: null });
  });

  test('an event and a censoring at the same time: the censored subject counts at risk for the event', () => {
    // 4 at risk at t = 2 with one event and one censored: S = 3/4, then 1 left at risk at 3
    const steps = kaplanMeier([2, 2, 3, 4], [true, false, true, false]);
    expect(steps[0]).toMatchObject({ time: 2, atRisk: 4, events: 1, censored: 1, survival: 0.75 });
    expect(steps[1]).toMatchObject({ time: 3, atRisk: 2, events: 1 });
    expect(steps[1].survival).toBeCloseTo(0.375, 12);
  });
});
