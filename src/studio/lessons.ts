import type { ActionName } from '../model/interventions/types.js';
import type { Lang } from './i18n.js';

/** What a task asks for: a metric of the weekly series (by series.csv name) at a week, at least a value. */
export interface Goal {
  metric: 'reached_share' | 'formalised_share' | 'trust_gov';
  week: number;
  /** For the share metrics, a number of initiatives; for trust, a level in [0, 1]. */
  atLeast: number;
}

/**
 * One short task of a lesson: the question, the levers and interventions allowed, the goal. On the
 * scenario the studio opens with (default parameters and seed), doing nothing misses the goal and
 * what the task allows can meet it (tests/studio/lessons.test.ts).
 */
export interface Task {
  id: string;
  question: Record<Lang, string>;
  levers: string[];
  actions: ActionName[];
  goal: Goal;
}

const STRATEGY = ['steering', 'participation', 'serving', 'buffer', 'revenueShare', 'competence', 'stakeholders', 'attention', 'attentionBudget'].map((k) => `strategy.${k}`);

export const LESSON: readonly Task[] = [
  {
    id: 'five-by-78',
    question: {
      en: 'Get five initiatives to the support threshold by week 78 — without a mandate from above.',
      nl: 'Breng vijf initiatieven voor week 78 over de draagvlakdrempel — zonder opdracht van bovenaf.',
    },
    levers: STRATEGY,
    actions: ['evening', 'field', 'subsidy', 'share-revenues'],
    goal: { metric: 'reached_share', week: 78, atLeast: 5 },
  },
  {
    id: 'trust-104',
    question: {
      en: 'Have trust in government at 0.55 or more in week 104, using only how officials work and neighbourhood evenings.',
      nl: 'Zorg dat het vertrouwen in de overheid in week 104 op 0,55 of hoger staat, alleen met hoe ambtenaren werken en buurtavonden.',
    },
    levers: ['strategy.serving', 'strategy.participation', 'strategy.buffer'],
    actions: ['evening', 'field'],
    goal: { metric: 'trust_gov', week: 104, atLeast: 0.55 },
  },
  {
    id: 'formalise-78',
    question: {
      en: 'Get one initiative formalised by week 78. Every party in the field of interests (belangenveld) must agree.',
      nl: 'Laat voor week 78 één initiatief formaliseren. Elke partij in het belangenveld moet instemmen.',
    },
    levers: ['strategy.steering', 'strategy.participation', 'strategy.stakeholders', 'strategy.attention'],
    actions: ['evening', 'share-revenues'],
    goal: { metric: 'formalised_share', week: 78, atLeast: 1 },
  },
];

/** The score of a goal's metric at its week: initiatives for the share metrics, the level for trust. */
export function goalScore(goal: Goal, valueAtWeek: number, initiatives: number): number {
  return goal.metric === 'trust_gov' ? valueAtWeek : Math.round(valueAtWeek * initiatives);
}

export function goalMet(goal: Goal, score: number): boolean {
  return score >= goal.atLeast - 1e-12;
}
