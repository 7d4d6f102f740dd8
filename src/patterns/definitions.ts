import type { Chart } from '../charts/chart.js';
import { tInterval, type MeanInterval } from '../analysis/tInterval.js';
import type { RunPlan, ScenarioPoint } from '../scenario/types.js';
import type { RunRecord } from './collect.js';
import { intervalChart, linesChart, steeringChart } from './charts.js';
import {
  coherentShare, formalisedShare, laterHalfReachWeek, meanFormalisedWeek, meanReachWeek, meanTrustByWeek, medianReachWeek, oneSample,
  paired, pointIndex, reachShare, recoveryWeeks, shareByWeek, trustAt, trustChange,
} from './measures.js';

/** One measured effect of a pattern: positive when the pattern shows, with its 95 % interval. */
export interface Effect {
  comparison: string;
  /** What is measured, in words with its unit. */
  outcome: string;
  effect: number;
  lo: number;
  hi: number;
  replications: number;
  /**
   * The interval lies above zero (true), reaches zero or below (false: the effect is not shown, which
   * is not evidence that it is absent), or there is no interval (null: fewer than two replicates, or
   * a measure undefined in some replicate).
   */
  holds: boolean | null;
  /** Whether the pattern's verdict rests on it (others are shown for context). */
  primary: boolean;
}

/** A pattern of docs/ODD.md §1 (docs/patterns.md): its scenario, how its effects are measured, and its chart. */
export interface PatternDef {
  id: string;
  title: string;
  /** Scenario file name in scenarios/patterns/. */
  file: string;
  /**
   * What kind of evidence the pattern is (docs/patterns.md, "What kind of evidence each pattern is"):
   * *by construction* (a rule writes it in), *calibrated* (a parameter was set so that it holds) or
   * *emergent* (neither), by part where its parts differ. Printed with its verdict.
   */
  label: string;
  /** Parameters changed ±20 % one at a time in the sensitivity check (ones the pattern does not vary). */
  sensitivity: string[];
  /** Replications of each sensitivity re-check in the full run: enough for the weakest primary effect. */
  sensitivityReplications: number;
  /**
   * Replications at each point of the global sample (`--global`): those of tests/patterns, at which the
   * weakest primary effect has an expected z of at least 4.5 at the defaults — except steering, whose
   * weak falling side would need 110; it gets 60 (expected z 3.4 at the defaults), to keep the sample
   * affordable. A point where a pattern fails thus has a weaker effect than at the defaults, or is
   * one of the few seeds where chance hides it (steering: about one in twelve at the defaults).
   */
  globalReplications: number;
  /** Points the primary effects need (the sensitivity check runs only these); all when absent. */
  keep?: (p: ScenarioPoint) => boolean;
  measure(plan: RunPlan, runs: RunRecord[][]): Effect[];
  chart(plan: RunPlan, runs: RunRecord[][], effects: Effect[]): Chart;
}

export function effect(comparison: string, outcome: string, m: MeanInterval, primary = true): Effect {
  const lo = m.lo ?? NaN;
  const hi = m.hi ?? NaN;
  const holds = Number.isFinite(lo) && Number.isFinite(hi) ? lo > 0 : null;
  return { comparison, outcome, effect: m.mean, lo, hi, replications: m.n, holds, primary };
}

const neg = (m: MeanInterval): MeanInterval => ({ ...m, mean: -m.mean, lo: m.hi === null ? null : -m.hi, hi: m.lo === null ? null : -m.lo });
const fmt = (x: number, d = 2) => x.toFixed(d);
const label = (e: Effect) => `${fmt(e.effect)} [${fmt(e.lo)}, ${fmt(e.hi)}]`;
const weekly = (p: { week: number }) => p.week % 4 === 0;

/** The neighbourhood evening and the broken promise of the trust pattern fall in this week. */
export const TRUST_WEEK = 52;
/** The steering pattern's pre-registered comparison: intermediate steering at the default participation. */
export const STEERING_MID = 0.5;
export const STEERING_PARTICIPATION = 0.5;
/** The stakeholders pattern compares a few parties (the default) with one and with many. */
export const STAKEHOLDERS_FEW = 3;
export const STAKEHOLDERS_MANY = 8;

export const PATTERNS: PatternDef[] = [
  {
    id: 'classic-vs-cooperative',
    title: 'Cooperative programme management beats the classic top-down strategy',
    file: 'classic-vs-cooperative.yaml',
    label: 'calibrated; its direction by construction',
    sensitivityReplications: 12,
    globalReplications: 8,
    sensitivity: ['residents.threshold', 'residents.drive', 'rates.peerInfluence', 'rates.trustGain', 'rates.progressRate', 'initiative.threshold'],
    measure(plan, runs) {
      const classic = runs[pointIndex(plan, { strategy: 'classic' })];
      const coop = runs[pointIndex(plan, { strategy: 'cooperative' })];
      return [
        effect('cooperative − classic', 'share of initiatives reaching the threshold', paired(coop, classic, reachShare)),
        effect('classic − cooperative', 'mean week to the threshold (censored at the horizon)', paired(classic, coop, meanReachWeek)),
        effect('classic', 'fall in trust in government, week 0 to horizon', neg(oneSample(classic, trustChange))),
        effect('cooperative', 'rise in trust in government, week 0 to horizon', oneSample(coop, trustChange)),
      ];
    },
    chart(plan, runs, effects) {
      const data = plan.points.flatMap((p, i) => [
        ...shareByWeek(runs[i], 'reached').map((s) => ({ group: `${p.label}: past the threshold`, week: s.week, value: s.share })),
        ...meanTrustByWeek(runs[i], 4).map((s) => ({ group: `${p.label}: trust in government`, week: s.week, value: s.trust })),
      ]);
      return linesChart({
        name: 'classic-vs-cooperative',
        title: 'Classic against cooperative: reach and trust',
        subtitle: `Paired over ${effects[0].replications} replicates: cooperative reaches ${label(effects[0])} more of the initiatives, ${label(effects[1])} weeks sooner.`,
        caption: 'Share of initiatives past the support threshold by week, and mean trust in government, under each strategy on the same neighbourhoods.',
        data,
        groupTitle: 'Strategy: quantity',
        yTitle: 'Share past the threshold / mean trust (0–1)',
        yDomain: [0, 1],
      });
    },
  },
  {
    id: 'steering',
    title: 'Coherent success peaks at intermediate steering',
    file: 'steering.yaml',
    label: 'rising side by construction, falling side calibrated',
    sensitivityReplications: 60,
    globalReplications: 60,
    sensitivity: ['rates.crowding', 'rates.alignmentRate', 'rates.approvalRate', 'initiative.alignedAt', 'rates.steeringPressure', 'residents.drive'],
    keep: (p) => p.values['strategy.participation'] === STEERING_PARTICIPATION && [0, STEERING_MID, 1].includes(p.values['strategy.steering'] as number),
    measure(plan, runs) {
      const alignedAt = plan.points[0].params.initiative.alignedAt;
      const coh = (r: RunRecord) => coherentShare(r, alignedAt);
      const at = (s: number, p: number) => runs[pointIndex(plan, { 'strategy.steering': s, 'strategy.participation': p })];
      const out: Effect[] = [];
      const participations = [...new Set(plan.points.map((p) => p.values['strategy.participation'] as number))];
      for (const p of participations) {
        const primary = p === STEERING_PARTICIPATION;
        out.push(effect(`steering ${STEERING_MID} − 0 at participation ${p}`, 'share of initiatives formalised and aligned', paired(at(STEERING_MID, p), at(0, p), coh), primary));
        out.push(effect(`steering ${STEERING_MID} − 1 at participation ${p}`, 'share of initiatives formalised and aligned', paired(at(STEERING_MID, p), at(1, p), coh), primary));
      }
      return out;
    },
    chart(plan, runs, effects) {
      const alignedAt = plan.points[0].params.initiative.alignedAt;
      const cells = plan.points.map((p, i) => ({
        steering: p.values['strategy.steering'] as number,
        participation: p.values['strategy.participation'] as number,
        coherent: runs[i].reduce((s, r) => s + coherentShare(r, alignedAt), 0) / runs[i].length,
        median: medianReachWeek(runs[i]),
        optimum: false,
      }));
      // The optimum region: within 0.05 of the best coherent success at the same participation.
      for (const c of cells) {
        const best = Math.max(...cells.filter((d) => d.participation === c.participation).map((d) => d.coherent));
        c.optimum = c.coherent >= best - 0.05 && best > 0;
      }
      const main = effects.filter((e) => e.primary);
      return steeringChart({
        title: 'How much steering can you give?',
        subtitle: [
          'Outlined: within 0.05 of the best coherent success at that participation (the optimum region).',
          `At participation ${STEERING_PARTICIPATION}: ${main.map((e) => `${e.comparison.split(' at ')[0]} = ${label(e)}`).join('; ')} (paired, ${main[0].replications} replicates).`,
        ],
        caption: 'Share of initiatives that formalise aligned with the programme, and the median week to the support threshold, across steering and participation on the cooperative strategy.',
        cells,
      });
    },
  },
  {
    id: 'cohesion',
    title: 'Neighbourhoods with high cohesion reach the threshold sooner',
    file: 'cohesion.yaml',
    label: 'calibrated; its direction by construction',
    sensitivityReplications: 20,
    globalReplications: 8,
    sensitivity: ['rates.peerInfluence', 'residents.threshold', 'commitment.neighbourWeight', 'rates.belongingGrowth'],
    keep: (p) => p.values['residents.belonging'] !== 0.5,
    measure(plan, runs) {
      const low = runs[pointIndex(plan, { 'residents.belonging': 0.3 })];
      const high = runs[pointIndex(plan, { 'residents.belonging': 0.7 })];
      return [
        effect('belonging 0.7 − 0.3', 'share of initiatives reaching the threshold', paired(high, low, reachShare), false),
        effect('belonging 0.3 − 0.7', 'mean week to the threshold (censored at the horizon)', paired(low, high, meanReachWeek)),
      ];
    },
    chart: (plan, runs, effects) => reachChart('cohesion', 'Cohesion and the time to the threshold', 'Mean belonging', plan, runs,
      `Low minus high cohesion, mean week to the threshold: ${label(effects[1])} (paired, ${effects[1].replications} replicates; positive = high cohesion sooner).`, 'reached'),
  },
  {
    id: 'revenue-sharing',
    title: 'Sharing revenues with the community speeds up later initiatives',
    file: 'revenue-sharing.yaml',
    label: 'by construction; its size emergent',
    sensitivityReplications: 20,
    globalReplications: 12,
    sensitivity: ['rates.revenueRate', 'rates.spillover', 'rates.fairShare', 'residents.threshold', 'rates.progressRate'],
    keep: (p) => p.values['strategy.revenueShare'] !== 0.5,
    measure(plan, runs) {
      const low = runs[pointIndex(plan, { 'strategy.revenueShare': 0.1 })];
      const high = runs[pointIndex(plan, { 'strategy.revenueShare': 0.9 })];
      return [
        effect('revenue share 0.1 − 0.9', 'mean week to the threshold of the later half of initiatives (censored)', paired(low, high, laterHalfReachWeek)),
        effect('revenue share 0.9 − 0.1', 'share of initiatives reaching the threshold', paired(high, low, reachShare), false),
      ];
    },
    chart: (plan, runs, effects) => reachChart('revenue-sharing', 'Sharing revenues and the later initiatives', 'Revenue share', plan, runs,
      `Later half of initiatives, small minus large share, mean week to the threshold: ${label(effects[0])} (paired, ${effects[0].replications} replicates).`, 'reached'),
  },
  {
    id: 'diversity',
    title: 'Diverse membership raises capacity',
    file: 'diversity.yaml',
    label: 'by construction',
    sensitivityReplications: 20,
    globalReplications: 12,
    sensitivity: ['rates.diversityWeight', 'rates.progressRate', 'residents.competenceSpread', 'network.homophily', 'rates.maturity'],
    keep: (p) => p.values['population.backgroundGroups'] !== 6,
    measure(plan, runs) {
      const one = runs[pointIndex(plan, { 'population.backgroundGroups': 1 })];
      const three = runs[pointIndex(plan, { 'population.backgroundGroups': 3 })];
      return [
        effect('1 − 3 background groups', 'mean week of formalisation (censored at the horizon)', paired(one, three, meanFormalisedWeek)),
        effect('3 − 1 background groups', 'share of initiatives formalised', paired(three, one, formalisedShare), false),
      ];
    },
    chart: (plan, runs, effects) => reachChart('diversity', 'Diversity and formalisation', 'Background groups', plan, runs,
      `Homogeneous minus diverse, mean week of formalisation: ${label(effects[0])} (paired, ${effects[0].replications} replicates).`, 'formalised'),
  },
  {
    id: 'trust-asymmetry',
    title: 'A broken promise costs more than a good contact gives, and recovery is slow',
    file: 'trust-asymmetry.yaml',
    label: 'by construction; how long recovery takes emergent',
    sensitivityReplications: 10,
    globalReplications: 6,
    sensitivity: ['rates.trustGain', 'rates.trustAsymmetry', 'rates.pressureTrustCost', 'strategy.competence', 'rates.revenueRate'],
    measure(plan, runs) {
      const none = runs[pointIndex(plan, { plan: 'no intervention' })];
      const broken = runs[pointIndex(plan, { plan: 'broken promise' })];
      const evening = runs[pointIndex(plan, { plan: 'good evening' })];
      const w = TRUST_WEEK;
      const loss = (i: number) => trustAt(none[i], w) - trustAt(broken[i], w);
      const gain = (i: number) => trustAt(evening[i], w) - trustAt(none[i], w);
      const idx = none.map((_, i) => i);
      const lossMinusGain = tInterval(idx.map((i) => loss(i) - gain(i)));
      return [
        effect('broken promise − good evening', `trust lost by the promise minus trust gained from the evening, week ${w}`, lossMinusGain),
        effect('recovery − loss', 'weeks until trust is back at its level before the promise, minus the one week of the loss (censored at the horizon)',
          tInterval(broken.map((r) => recoveryWeeks(r, w) - 1))),
        // Context: how much of the gap to doing nothing has closed by the horizon (0 = none).
        effect('broken promise against doing nothing', `share of the week-${w} trust gap to doing nothing closed by the horizon`,
          tInterval(idx.map((i) => 1 - (trustAt(none[i], none[i].horizon) - trustAt(broken[i], broken[i].horizon)) / loss(i))), false),
      ];
    },
    chart(plan, runs, effects) {
      const data = plan.points.flatMap((p, i) => meanTrustByWeek(runs[i], 1).filter(weekly).map((s) => ({ group: p.label, week: s.week, value: s.trust })));
      // a run whose trust is not back by the horizon counts its recovery at the horizon: then the
      // weeks are a lower bound, and where no run is back they are only the weeks that were left
      const broken = runs[pointIndex(plan, { plan: 'broken promise' })];
      const horizon = broken[0].horizon;
      const notBack = broken.filter((r) => recoveryWeeks(r, TRUST_WEEK) === horizon - TRUST_WEEK + 1 && trustAt(r, horizon) < trustAt(r, TRUST_WEEK - 1)).length;
      const recovery =
        notBack === broken.length
          ? `by week ${horizon} trust is back at its level before the promise in none of the ${broken.length} runs`
          : `recovery takes ${label(effects[1])} weeks longer than the loss${notBack > 0 ? ` (at least: ${notBack} of ${broken.length} runs not back by week ${horizon})` : ''}`;
      return linesChart({
        name: 'trust-asymmetry',
        title: 'A broken promise against a good evening',
        subtitle: `Loss minus gain in week ${TRUST_WEEK}: ${label(effects[0])}; ${recovery}.`,
        caption: `Mean trust in government by week after a broken promise or a neighbourhood evening in week ${TRUST_WEEK}, against doing nothing, on the same neighbourhoods.`,
        data,
        groupTitle: 'Plan',
        yTitle: 'Mean trust in government (0–1)',
        markWeek: TRUST_WEEK,
      });
    },
  },
  {
    id: 'stakeholders',
    title: 'Stakeholders help up to a point, then slow formalisation',
    file: 'stakeholders.yaml',
    label: 'calibrated and by construction',
    sensitivityReplications: 40,
    globalReplications: 30,
    sensitivity: ['rates.approvalRate', 'rates.stakeholderSupport', 'rates.progressRate', 'rates.maturity', 'strategy.steering'],
    keep: (p) => [1, STAKEHOLDERS_FEW, STAKEHOLDERS_MANY].includes(p.values['strategy.stakeholders'] as number),
    measure(plan, runs) {
      const at = (k: number) => runs[pointIndex(plan, { 'strategy.stakeholders': k })];
      return [
        effect(`1 − ${STAKEHOLDERS_FEW} stakeholders`, 'mean week of formalisation (censored at the horizon)', paired(at(1), at(STAKEHOLDERS_FEW), meanFormalisedWeek)),
        effect(`${STAKEHOLDERS_MANY} − ${STAKEHOLDERS_FEW} stakeholders`, 'mean week of formalisation (censored at the horizon)', paired(at(STAKEHOLDERS_MANY), at(STAKEHOLDERS_FEW), meanFormalisedWeek)),
      ];
    },
    chart(plan, runs, effects) {
      const data = plan.points.map((p, i) => {
        const m = oneSample(runs[i], meanFormalisedWeek);
        return { x: p.values['strategy.stakeholders'] as number, mean: m.mean, lo: m.lo ?? m.mean, hi: m.hi ?? m.mean };
      });
      return intervalChart({
        name: 'stakeholders',
        title: 'Stakeholders and the time to formalisation',
        subtitle: `Paired over ${effects[0].replications} replicates: one minus ${STAKEHOLDERS_FEW} parties ${label(effects[0])} weeks; ${STAKEHOLDERS_MANY} minus ${STAKEHOLDERS_FEW} parties ${label(effects[1])} weeks.`,
        caption: 'Mean week of formalisation (an initiative that never formalised counts as the horizon) with its 95 % interval, by the number of parties that must agree.',
        data,
        xTitle: 'Stakeholders (parties)',
        yTitle: 'Mean week of formalisation',
      });
    },
  },
];


function reachChart(name: string, title: string, groupTitle: string, plan: RunPlan, runs: RunRecord[][], subtitle: string, which: 'reached' | 'formalised'): Chart {
  const data = plan.points.flatMap((p, i) => shareByWeek(runs[i], which).map((s) => ({ group: String(Object.values(p.values)[0]), week: s.week, value: s.share })));
  return linesChart({
    name,
    title,
    subtitle,
    caption: `Share of initiatives ${which === 'reached' ? 'past the support threshold' : 'formalised'} by week, pooled over replicates, at each ${groupTitle.toLowerCase()}.`,
    data,
    groupTitle,
    yTitle: which === 'reached' ? 'Share past the threshold' : 'Share formalised',
    yDomain: [0, 1],
  });
}
