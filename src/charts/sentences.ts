import type { PairedContrast } from '../analysis/contrasts.js';
import type { PointSummary } from '../analysis/pointSummary.js';
import { GROUP_NAMES, isRecord } from '../scenario/paths.js';
import { strategyDifferences } from '../scenario/strategyDifferences.js';
import type { Scenario } from '../scenario/types.js';
import { percent } from './theme.js';

/** "72 % of initiatives by week 156 (95 % interval 65–78 %)". */
export function reachPhrase(s: PointSummary, horizon: number): string {
  if (!(s.initiatives > 0)) return 'no initiatives were recorded';
  const { estimate, lo, hi } = s.reach;
  return `${percent(estimate)} of initiatives by week ${horizon} (95 % interval ${Math.round(lo * 100)}–${percent(hi)})`;
}

/** "median reach week 61 (95 % interval 55–70)" or "median reach week: never (…)". */
export function medianPhrase(s: PointSummary, horizon: number): string {
  const { median, lo, hi } = s.curve.median;
  if (median === null) return `median reach week: never (fewer than half reached it by week ${horizon})`;
  const from = lo === null ? '?' : String(lo);
  const to = hi === null ? `beyond week ${horizon}` : String(hi);
  return `median reach week ${median} (95 % interval ${from}–${to})`;
}

/** A week value for a table cell: the week, or "never". */
export function medianCell(s: PointSummary): string {
  const { median, lo, hi } = s.curve.median;
  if (median === null) return 'never';
  return `${median} (${lo ?? '?'}–${hi ?? 'later'})`;
}

function signed(x: number, digits: number): string {
  const r = x.toFixed(digits);
  return x > 0 ? `+${r}` : r;
}

/** The plain summary of a results folder: a few sentences a programme manager can repeat. */
export function summarySentences(summaries: readonly PointSummary[], contrasts: readonly PairedContrast[], labels: Map<number, string>, horizon: number, group: string): string[] {
  const name = (i: number) => `“${labels.get(i) ?? i}”`;
  const out: string[] = [];
  const noun = group.toLowerCase();
  if (summaries.length === 1) {
    const s = summaries[0];
    out.push(`Initiatives reached the support threshold in ${reachPhrase(s, horizon)}; ${medianPhrase(s, horizon)}.`);
  } else if (summaries.length <= 6) {
    const [first, ...rest] = summaries;
    out.push(
      `The ${noun} ${name(first.point.index)} reached the threshold in ${reachPhrase(first, horizon)}` +
        `, against ${rest.map((s) => `${percent(s.reach.estimate)} for ${name(s.point.index)}`).join(rest.length > 2 ? ', ' : ' and ').replace(/, ([^,]*)$/, ' and $1')}.`,
    );
    out.push(
      `Median reach week: ${summaries.map((s) => `${s.curve.median.median ?? 'never'} for ${name(s.point.index)}`).join(', ')}` +
        ` (“never”: fewer than half reached the threshold by week ${horizon}).`,
    );
  } else {
    const sorted = [...summaries].sort((a, b) => a.reach.estimate - b.reach.estimate);
    const low = sorted[0];
    const high = sorted[sorted.length - 1];
    out.push(
      `Across the ${summaries.length} ${noun === 'setting' ? 'settings' : 'points'}, the chance that an initiative reached the threshold by week ${horizon} ranged from ` +
        `${percent(low.reach.estimate)} (${name(low.point.index)}) to ${percent(high.reach.estimate)} (${name(high.point.index)}).`,
    );
    out.push(`At best, ${name(high.point.index)}: ${reachPhrase(high, horizon)}; ${medianPhrase(high, horizon)}.`);
  }
  if (contrasts.length > 0 && contrasts.length <= 6) {
    for (const c of contrasts) {
      const r = c.differences.reachShare;
      const w = c.differences.meanReachWeek;
      const t = c.differences.trustGovFinal;
      if (!r || c.pairs < 2) continue;
      const pp = (x: number | null) => (x === null ? '?' : signed(x * 100, 0));
      const more = r.mean >= 0 ? 'higher' : 'lower';
      let text =
        `Compared replicate by replicate with ${name(c.reference)} (${c.pairs} pairs of runs on the same simulated neighbourhoods), ${name(c.point)} had a share of initiatives reaching the threshold ` +
        `${Math.abs(r.mean * 100).toFixed(0)} percentage points ${more} (95 % interval ${pp(r.lo)} to ${pp(r.hi)})`;
      if (w) text += `; they got there ${Math.abs(w.mean).toFixed(0)} weeks ${w.mean <= 0 ? 'sooner' : 'later'} on average (never counting as week ${horizon})`;
      if (t) text += `; trust in government ended ${signed(t.mean, 2)} on a 0–1 scale (95 % interval ${signed(t.lo ?? t.mean, 2)} to ${signed(t.hi ?? t.mean, 2)})`;
      out.push(text + '.');
    }
  }
  return out;
}

/**
 * What, besides strategy, differs between the compared strategies of a resolved scenario (starting
 * conditions, neighbourhoods, environment, mechanisms), in a sentence; null when nothing does.
 */
export function nonStrategySentence(scenario: Record<string, unknown>): string | null {
  if (!Array.isArray(scenario.compare) || !GROUP_NAMES.every((g) => isRecord(scenario[g]))) return null;
  const differences = strategyDifferences(scenario as unknown as Scenario);
  if (differences.length === 0) return null;
  const shown = differences.slice(0, 4).map((d) => `${d.path} (${d.values.map((v) => `${JSON.stringify(v.value)} for “${v.strategy}”`).join(', ')})`);
  const more = differences.length > 4 ? ` and ${differences.length - 4} more` : '';
  return (
    `The compared strategies differ in more than strategy: ${shown.join('; ')}${more}. ` +
    'These are starting conditions or mechanisms, not levers of the manager, so part of any difference between the strategies comes from them.'
  );
}
