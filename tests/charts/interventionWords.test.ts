import { describe, expect, it } from 'vitest';
import { interventionText, triggerText } from '../../src/charts/interventionsReport.js';
import { WATCHED_LABELS_NL } from '../../src/charts/labels.js';
import { words } from '../../src/charts/words.js';
import { CONDITION_METRICS } from '../../src/model/metrics.js';

describe('interventions in words', () => {
  it('every metric a trigger can watch has its Dutch words, and no more', () => {
    expect(Object.keys(WATCHED_LABELS_NL).sort()).toEqual([...CONDITION_METRICS].sort());
  });

  it('a trigger names its metric as the scenario writes it in English, in words in Dutch, with the language’s decimal mark', () => {
    const entry = { action: 'evening' as const, when: { metric: 'support_share', above: 0.15 } };
    expect(triggerText(entry, words('en'))).toBe('once support_share ≥ 0.15');
    expect(triggerText(entry, words('nl'))).toBe('zodra het hoogste aandeel leden van een initiatief ≥ 0,15');
    const falling = { action: 'field' as const, when: { metric: 'trust_gov', below: 0.4 } };
    expect(triggerText(falling, words('nl'))).toBe('zodra het vertrouwen in de overheid ≤ 0,4');
  });

  it('a moved lever is named by its path in English, by its name in Dutch', () => {
    const entry = { name: 'schuif', action: 'set' as const, at: 8, set: { 'strategy.serving': 0.5, steering: 0.25 } };
    expect(interventionText(entry, words('en'))).toBe('“schuif”: set serving = 0.5, steering = 0.25 in week 8');
    expect(interventionText(entry, words('nl'))).toBe('“schuif”: zet dienstbaar handelen = 0,5, sturing = 0,25 in week 8');
  });
});
