import type { Intervention } from '../../model/interventions/types.js';
import { conditionText } from '../../charts/labels.js';
import { decimal, words } from '../../charts/words.js';
import { isTextKey, text, type Lang } from '../i18n.js';
import { goalMet, type Task } from '../lessons.js';
import type { SearchResult } from '../protocol.js';

/**
 * What the studio page writes from its state, in its language: the strategy levers an entry sets,
 * when an entry applies, and the rows of a task's debrief. Pure functions of what they are given;
 * the page (app.ts) keeps the state and puts their text in place.
 */

/**
 * Strategy levers and their values as the page names them: "Dienstbaar handelen 0,9; Verdeling van
 * aandacht achterblijvers eerst" (a path with or without `strategy.`, as `set` takes it).
 */
export function leverValues(values: Record<string, number | string>, lang: Lang): string {
  return Object.entries(values)
    .map(([path, v]) => {
      const key = isTextKey(path) ? path : `strategy.${path}`;
      const value = typeof v === 'number' ? decimal(String(v), lang) : isTextKey(v) ? text(v, lang) : v;
      return `${isTextKey(key) ? text(key, lang) : path} ${value}`;
    })
    .join('; ');
}

/** When an entry applies: "Week 4", "in weeks 5–7", "once support_share ≥ 0.15" ("zodra het hoogste aandeel … ≥ 0,15"). */
export function trigger(p: Intervention, lang: Lang): string {
  const w = words(lang);
  if (p.at !== undefined) return `${text('week', lang)} ${p.at}`;
  if (p.from !== undefined) return w.inWeeks(p.from, p.from + (p.for ?? 1) - 1);
  return w.once(conditionText(p.when!, lang));
}

/** A task's debrief: the run's score, doing nothing's and the search's results, as rows of a label and a value. */
export function debriefRows(task: Task, found: { results: SearchResult[]; twinScore: number; mine: number }, lang: Lang): [string, string][] {
  const { results, twinScore, mine } = found;
  const show = (score: number) => (Number.isNaN(score) ? '–' : task.goal.metric === 'trust_gov' ? decimal(score.toFixed(3), lang) : String(score));
  return [
    [text('yourResult', lang), `${show(mine)} (${goalMet(task.goal, mine) ? text('met', lang) : text('notMet', lang)})`],
    [text('doingNothing', lang), show(twinScore)],
    [text('bestFound', lang), ''],
    // best first, each by the levers it sets (a preset's on the levers the task allows, after its name)
    ...results.map((r, i): [string, string] => [`${i + 1}. ${r.preset ? `${text(r.preset, lang)} (${leverValues(r.values, lang)})` : leverValues(r.values, lang)}`, show(r.score)]),
  ];
}
