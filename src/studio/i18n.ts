/**
 * Every word the studio shows, in English and Dutch. A label is looked up by key; a key missing in
 * one language is a type error, so switching language never leaves a label behind. The words the
 * studio shares with the report (parameters, interventions, the glossary) live in src/charts/words.ts.
 */
import { ACTION_LABELS, PARAMETER_LABELS, PRESET_LABELS } from '../charts/labels.js';
import { GLOSSARY, type Lang } from '../charts/words.js';

export { LANGS, type Lang } from '../charts/words.js';

type Entry = { en: string; nl: string };

const UI = {
  title: { en: 'draagvlak studio', nl: 'draagvlak-studio' },
  subtitle: { en: 'Cooperative programme management, live', nl: 'Coöperatieve programmaregie, live' },
  play: { en: 'Play', nl: 'Start' },
  pause: { en: 'Pause', nl: 'Pauze' },
  stepWeek: { en: 'Step one week', nl: 'Eén week verder' },
  reset: { en: 'Reset', nl: 'Opnieuw' },
  speed: { en: 'Speed (weeks per second)', nl: 'Tempo (weken per seconde)' },
  seed: { en: 'Seed', nl: 'Startgetal' },
  horizon: { en: 'Horizon (weeks)', nl: 'Looptijd (weken)' },
  week: { en: 'Week', nl: 'Weeknr.' },
  preset: { en: 'Strategy preset', nl: 'Voorgekozen strategie' },
  presetNone: { en: '(as loaded)', nl: '(zoals geladen)' },
  strategy: { en: "The manager's strategy", nl: 'De strategie van de programmamanager' },
  strategyNote: {
    en: 'A lever acts from the next week (before the first, from week 1); “doing nothing” keeps the strategy as loaded.',
    nl: 'Een schuif werkt vanaf de volgende week (vóór de eerste: vanaf week 1); ‘niets doen’ houdt de strategie zoals geladen.',
  },
  start: { en: 'Starting conditions and environment', nl: 'Beginsituatie en omgeving' },
  startNote: { en: 'Changing these starts the run afresh.', nl: 'Wie deze verandert, begint de run opnieuw.' },
  interventions: { en: 'Interventions', nl: 'Interventies' },
  target: { en: 'Acts on', nl: 'Werkt op' },
  targetAll: { en: 'all neighbourhoods', nl: 'alle buurten' },
  targetOne: { en: 'neighbourhood', nl: 'buurt' },
  targetHint: {
    en: 'or click a neighbourhood on the map (again for all); the charts follow it.',
    nl: 'of klik op een buurt in de kaart (nog eens voor alle); de grafieken volgen haar.',
  },
  programmeWide: { en: 'On the whole programme, whatever is picked:', nl: 'Op het hele programma, wat er ook gekozen is:' },
  map: { en: 'Neighbourhoods', nl: 'Buurten' },
  legendCommitted: { en: 'committed', nl: 'doet mee' },
  legendSupportive: { en: 'supportive', nl: 'steunt' },
  legendUndecided: { en: 'undecided', nl: 'twijfelt' },
  legendOpposed: { en: 'opposed', nl: 'tegen' },
  legendTrust: { en: 'trust in government:', nl: 'vertrouwen in de overheid:' },
  legendOfficial: { en: 'official (filled: time in the field)', nl: 'ambtenaar (gevuld: tijd in de wijk)' },
  legendShare: {
    en: 'its initiative: share of households joined, with the threshold (tick); darker once reached',
    nl: 'het initiatief: aandeel aangesloten huishoudens, met de drempel (streepje); donkerder zodra gehaald',
  },
  legendProgress: { en: 'plan progress, green with ✓ once formalised', nl: 'voortgang van het plan, groen met ✓ zodra geformaliseerd' },
  colourBy: { en: 'Colour households by', nl: 'Kleur huishoudens naar' },
  colourState: { en: 'attitude', nl: 'houding' },
  colourTrust: { en: 'trust in government', nl: 'vertrouwen in de overheid' },
  charts: { en: 'As it runs', nl: 'Verloop' },
  you: { en: 'your run', nl: 'jouw run' },
  twin: { en: 'doing nothing (same seed)', nl: 'niets doen (zelfde startgetal)' },
  exportScenario: { en: 'Export scenario', nl: 'Scenario exporteren' },
  importScenario: { en: 'Import scenario', nl: 'Scenario importeren' },
  exportNote: { en: 'Replay it with: npx draagvlak run FILE', nl: 'Speel het na met: npx draagvlak run BESTAND' },
  glossary: { en: 'Glossary', nl: 'Begrippen' },
  lesson: { en: 'Lesson', nl: 'Les' },
  close: { en: 'Close', nl: 'Sluiten' },
  language: { en: 'Nederlands', nl: 'English' },
  reached: { en: 'reached', nl: 'gehaald' },
  formalised: { en: 'formalised', nl: 'geformaliseerd' },
  threshold: { en: 'threshold', nl: 'drempel' },
  pressed: { en: 'Pressed', nl: 'Ingezet' },
  nothingPressed: { en: 'nothing yet', nl: 'nog niets' },
  task: { en: 'Task', nl: 'Opdracht' },
  allowed: { en: 'Levers and interventions allowed', nl: 'Toegestane schuiven en interventies' },
  checkTask: { en: 'Debrief', nl: 'Nabespreking' },
  nextTask: { en: 'Next task', nl: 'Volgende opdracht' },
  endLesson: { en: 'End lesson', nl: 'Les beëindigen' },
  yourResult: { en: 'Your result', nl: 'Jouw resultaat' },
  bestFound: { en: 'Best levers found on this seed (nothing pressed):', nl: 'De beste schuiven op dit startgetal (niets ingezet):' },
  doingNothing: { en: 'Doing nothing', nl: 'Niets doen' },
  met: { en: 'task met', nl: 'opdracht gehaald' },
  notMet: { en: 'task not met', nl: 'opdracht niet gehaald' },
  searching: { en: 'Trying strategies on the same seed…', nl: 'Strategieën proberen op hetzelfde startgetal…' },
  importError: { en: 'Could not import', nl: 'Importeren mislukt' },
  playedPlan: { en: 'Plays plan', nl: 'Speelt plan' },
  leftOut: { en: 'Left out (the studio plays one run)', nl: 'Weggelaten (de studio speelt één run)' },
  otherPlan: { en: 'other plan', nl: 'ander plan' },
  otherPlans: { en: 'other plans', nl: 'andere plannen' },
  compared: { en: 'compared strategies (the scenario’s own strategy is played)', nl: 'vergeleken strategieën (de eigen strategie van het scenario wordt gespeeld)' },
  swept: { en: 'the sweep (its base values are played)', nl: 'de variatie (de basiswaarden worden gespeeld)' },
  fired: { en: 'applied in week', nl: 'toegepast in week' },
} satisfies Record<string, Entry>;

const VALUES = {
  equal: { en: 'equal', nl: 'gelijk' },
  'most-promising': { en: 'most promising first', nl: 'kansrijkste eerst' },
  'most-lagging': { en: 'most lagging first', nl: 'achterblijvers eerst' },
  // the presets by the names the report gives them, some with a word of what they do
  classic: PRESET_LABELS.classic,
  cooperative: PRESET_LABELS.cooperative,
  'laissez-faire': { en: 'laissez-faire', nl: `${PRESET_LABELS['laissez-faire'].nl} (loslaten)` },
  'network-steering': { en: 'network steering', nl: PRESET_LABELS['network-steering'].nl },
  'process-management': { en: 'process management (adapts)', nl: `${PRESET_LABELS['process-management'].nl} (past zich aan)` },
} satisfies Record<string, Entry>;

/** The metrics on the charts (CHART_METRICS of protocol.ts: the page names each with text(), so each must be here), by series.csv name. */
const METRIC_LABELS = {
  reached_share: { en: 'Initiatives that reached the threshold', nl: 'Initiatieven over de drempel' },
  trust_gov: { en: 'Trust in government (0–1)', nl: 'Vertrouwen in de overheid (0–1)' },
  cohesion: { en: 'Cohesion (0–1)', nl: 'Samenhang (0–1)' },
  drive: { en: 'Drive (0–1)', nl: 'Drijfveer (0–1)' },
} satisfies Record<string, Entry>;

export const TEXT = { ...UI, ...PARAMETER_LABELS, ...VALUES, ...ACTION_LABELS, ...METRIC_LABELS, ...GLOSSARY };
export type TextKey = keyof typeof TEXT;
export const GLOSSARY_KEYS = Object.keys(GLOSSARY) as TextKey[];

export function text(key: TextKey, lang: Lang): string {
  return TEXT[key][lang];
}

/** True when `key` names a studio label (lever paths, actions, preset and enum values are keys too). */
export function isTextKey(key: string): key is TextKey {
  return Object.hasOwn(TEXT, key);
}
