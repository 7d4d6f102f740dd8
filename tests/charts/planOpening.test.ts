import { describe, expect, it } from 'vitest';
import type { PlanContrast } from '../../src/analysis/planContrasts.js';
import { planOpening } from '../../src/charts/planReport.js';
import { words } from '../../src/charts/words.js';

const NONE = 'no intervention';

/** One row of contrasts.csv on the mean reach week: plan − baseline with its 95 % paired t interval. */
const row = (plan: string, baseline: string, estimate: number, lo: number | null, hi: number | null, replications: number): PlanContrast => ({
  group: {}, plan, baseline, metric: 'mean_reach_week', estimate, lo, hi, sd: lo === null ? NaN : 5, replications, planMean: 90 + estimate, baselineMean: 90,
});

describe('the opening of a report with plans: which plan is soonest', () => {
  it('does not call a plan soonest when doing nothing is sooner than it', () => {
    // Two plans that each delay initiatives (a broken promise late and early; the contrasts.csv of a
    // 12-replicate run): both intervals against doing nothing lie above 0, so doing nothing is the
    // soonest of the three, and the late plan may not be called soonest "against every other plan".
    const contrasts = [
      row('promise broken late', NONE, 7.19, 4.32, 10.05, 12),
      row('promise broken early', NONE, 51.92, 44.45, 59.39, 12),
      row('promise broken early', 'promise broken late', 44.73, 36.73, 52.73, 12),
    ];
    const text = planOpening(contrasts, 156, words('en')).after.join(' ');
    expect(text).not.toMatch(/Plan “promise broken late” brings initiatives to the threshold soonest/);
    expect(text).toMatch(/Plan “no intervention” brings initiatives to the threshold soonest: against every other plan, its paired difference in mean reach week has a 95 % interval below 0\./);
  });

  it('names the mean reach week when it says a plan is not told apart from doing nothing', () => {
    // The evening's interval includes 0 and the broken promise's lies above it; neither is sooner.
    // A broken promise that costs trust is still "not told apart" in mean reach week only, and the
    // sentence must say which measure, not that the plan cannot be told from doing nothing at all.
    const contrasts = [
      row('evening', NONE, -0.4, -1.0, 0.3, 6),
      row('broken promise', NONE, 9.1, 2.0, 16.2, 6),
      row('broken promise', 'evening', 9.5, 2.4, 16.6, 6),
    ];
    expect(planOpening(contrasts, 60, words('en')).after[0]).toBe(
      'In mean reach week against doing nothing — later (interval above 0): “broken promise”; not told apart at this number of replications (interval includes 0): “evening”.',
    );
    expect(planOpening(contrasts, 60, words('nl')).after[0]).toBe(
      'In gemiddelde drempelweek tegen niets doen — later (interval boven 0): “broken promise”; bij dit aantal herhalingen niet te onderscheiden (interval bevat 0): “evening”.',
    );
    const sooner = [row('evening', NONE, -2, -3, -1, 6), row('field', NONE, -1, -3, 1, 6), row('field', 'evening', 1, -1, 3, 6)];
    expect(planOpening(sooner, 60, words('en')).after[0]).toBe(
      'In mean reach week against doing nothing — sooner (95 % interval below 0): “evening”; not told apart at this number of replications (interval includes 0): “field”.',
    );
  });

  it('names a swept value with its parameter, in the ranked table and the verdict', () => {
    // Plans under a sweep of strategy.steering: a bare "0.2" in the Group column would not say of what.
    const at = (steering: string, c: PlanContrast): PlanContrast => ({ ...c, group: { 'strategy.steering': steering } });
    const contrasts = ['0.2', '0.8'].flatMap((v) => [at(v, row('evening', NONE, -1, -4, 2, 4)), at(v, row('promise', NONE, 9, -6, 24, 4)), at(v, row('promise', 'evening', 10, -5, 25, 4))]);
    const en = planOpening(contrasts, 52, words('en'));
    expect(en.table).toContain('<td>steering=0.2</td><td>evening</td>');
    expect(en.after[0]).toContain('“evening” (steering=0.2), “promise” (steering=0.2), “evening” (steering=0.8)');
    expect(planOpening(contrasts, 52, words('nl')).table).toContain('<td>sturing=0,2</td><td>evening</td>');
  });

  it('with one replicate says there is no interval, not that an interval includes 0', () => {
    const contrasts = [
      row('evening in week 26', NONE, -3.8, null, null, 1),
      row('evening in week 4', NONE, -2.6, null, null, 1),
      row('evening in week 4', 'evening in week 26', 1.2, null, null, 1),
    ];
    const text = planOpening(contrasts, 156, words('en')).after.join(' ');
    expect(text).not.toMatch(/interval includes 0|intervals that include 0|too small/);
    expect(text).toMatch(/fewer than two replicates/);
    const nl = planOpening(contrasts, 156, words('nl')).after.join(' ');
    expect(nl).not.toMatch(/interval bevat 0|intervallen die 0 bevatten|te klein/);
    expect(nl).toMatch(/minder dan twee herhalingen/);
  });
});
