/**
 * Every word the report, its charts and the studio share, in English and Dutch: one catalogue.
 * An entry is a text, or a function of the numbers and names it places (already formatted). A key
 * missing in one language is a type error. English is the default and its texts are the report's
 * words as they always were; `words('nl')` gives the same keys in Dutch (`--lang nl`).
 */
import { NO_INTERVENTION, NO_INTERVENTION_NL, untranslatedInDutch } from '../model/interventions/types.js';
import { CHARTS } from './chartWords.js';
import { EXPLORE } from './exploreWords.js';
import { PLANS } from './planWords.js';
import { strategyLabel } from './labels.js';
import { counted, decimal, type Entry, type Lang, type Part } from './language.js';

export { decimal, langProblem, LANGS, parseLang, VEGA_LOCALE, type Lang } from './language.js';

/** The report's page, its tables and its provenance. */
const PAGE = {
  resultsName: { en: 'draagvlak results', nl: 'draagvlak-resultaten' },
  reportTitle: { en: (name) => `${name} — draagvlak report`, nl: (name) => `${name} — draagvlak-rapport` },
  scenarioLead: { en: 'Scenario', nl: 'Scenario' },
  inShort: { en: 'In short', nl: 'In het kort' },
  whatVaried: { en: 'What was varied', nl: 'Wat werd gevarieerd' },
  whatRun: { en: 'What was run', nl: 'Wat werd doorgerekend' },
  charts: { en: 'Charts', nl: 'Grafieken' },
  files: { en: 'Files:', nl: 'Bestanden:' },
  howToRead: { en: 'How to read the numbers', nl: 'Zo lees je de getallen' },
  howToReadNote: {
    en: (h) => `Reach curves are Kaplan–Meier estimates of the share of initiatives that have reached the support threshold by each week; an initiative that never reached it is censored at week ${h}. Their bands are pointwise 95 % intervals from Greenwood's variance on the log(−log) scale. The chance of reaching the threshold by the horizon has a 95 % Wilson interval; the median reach week (summary.csv) has the Brookmeyer–Crowley interval read off the band. These treat initiatives as independent, while initiatives of one run share officials and a strategy, so they may be a little too narrow. How soon initiatives get there is told by one statistic throughout, in sentences, tables and charts: the mean reach week restricted to the horizon — per run, the mean week its initiatives reached the threshold, one that never did counting as week ${h} — averaged over runs, with a t-interval over runs. The paired differences work run by run and carry no independence assumption: they use a t-interval over replicates. A point is called best only when its interval lies clear of every other point's; the replications that would separate two points are estimated from how intervals narrow, as 1/√replications.`,
    nl: (h) => `Bereikcurves zijn Kaplan–Meier-schattingen van het aandeel initiatieven dat in elke week de draagvlakdrempel heeft gehaald; een initiatief dat die nooit haalde, is gecensureerd in week ${h}. De banden zijn puntsgewijze 95 %-intervallen uit de variantie van Greenwood op de log(−log)-schaal. De kans om de drempel binnen de looptijd te halen heeft een 95 %-Wilson-interval; de mediane drempelweek (summary.csv) heeft het Brookmeyer–Crowley-interval, afgelezen van de band. Die behandelen initiatieven als onafhankelijk, terwijl initiatieven van één run ambtenaren en een strategie delen; ze kunnen dus iets te smal zijn. Hoe snel initiatieven er komen, vertelt overal één maat, in zinnen, tabellen en grafieken: de gemiddelde drempelweek begrensd op de looptijd — per run de gemiddelde week waarin de initiatieven de drempel haalden, waarbij een initiatief dat die nooit haalde als week ${h} telt — gemiddeld over runs, met een t-interval over runs. De gepaarde verschillen werken run voor run en veronderstellen geen onafhankelijkheid: ze gebruiken een t-interval over herhalingen. Een punt heet alleen het beste als zijn interval los ligt van dat van elk ander punt; het aantal herhalingen dat twee punten zou scheiden, wordt geschat uit hoe intervallen versmallen, als 1/√herhalingen.`,
  },
  glossary: { en: 'Glossary', nl: 'Begrippen' },
  // the table of points
  runs: { en: 'Runs', nl: 'Runs' },
  initiatives: { en: 'Initiatives', nl: 'Initiatieven' },
  eachRow: {
    en: (runs, initiatives) => `Each row: ${counted(runs, 'run', 'runs')}, ${counted(initiatives, 'initiative', 'initiatives')} in all.`,
    nl: (runs, initiatives) => `Elke rij: ${counted(runs, 'run', 'runs')}, ${counted(initiatives, 'initiatief', 'initiatieven')} in totaal.`,
  },
  reachedByWeekInterval: { en: (h) => `Reached by week ${h} (95 % interval)`, nl: (h) => `Drempel gehaald t/m week ${h} (95 %-interval)` },
  meanReachWeekNever: { en: (h) => `Mean reach week (95 % interval; never = ${h})`, nl: (h) => `Gemiddelde drempelweek (95 %-interval; nooit = ${h})` },
  formalised: { en: 'Formalised', nl: 'Geformaliseerd' },
  coherentSuccessAt: { en: (a) => `Coherent success (formalised, alignment ≥ ${a})`, nl: (a) => `Samenhangend succes (geformaliseerd, aansluiting ≥ ${a})` },
  pointsAlignedAt: { en: "the point's alignedAt", nl: 'de alignedAt van elk punt' },
  finalTrust: { en: 'Final trust (0–1)', nl: 'Vertrouwen aan het eind (0–1)' },
  whoJoins: { en: 'Who joins: dissimilarity by background (0–1)', nl: 'Wie doet mee: verschil naar achtergrond (0–1)' },
  // after formalising (mechanism realisation)
  afterFormalising: { en: 'After formalising', nl: 'Na de formalisering' },
  afterFormalisingNote: {
    en: (h) => `Pooled over each point's initiatives, to week ${h}; those neither delivered nor failed by then are still realising (docs/ODD.md §7.6c). With mechanisms.realisation off: 0 %.`,
    nl: (h) => `Samengenomen over de initiatieven van elk punt, t/m week ${h}; wat dan opgeleverd noch mislukt is, is nog in uitvoering (docs/ODD.md §7.6c). Met mechanisms.realisation uit: 0 %.`,
  },
  ofThoseDelivered: { en: 'Of those, delivered', nl: 'Daarvan opgeleverd' },
  ofThoseFailed: { en: 'Of those, failed', nl: 'Daarvan mislukt' },
  weeksToDelivery: { en: 'Mean weeks from formalising to delivery', nl: 'Gemiddeld aantal weken van formalisering tot oplevering' },
  droppedOutShare: { en: 'Members who dropped out (of those at formalisation)', nl: 'Afgehaakte leden (van de leden bij formalisering)' },
  strategyHeading: { en: 'Strategy', nl: 'Strategie' },
  lever: { en: 'Lever', nl: 'Hefboom' },
  value: { en: 'Value', nl: 'Waarde' },
  // paired differences
  pairedHeading: { en: 'Paired differences', nl: 'Gepaarde verschillen' },
  pairedNote: {
    en: (ref) => `Each row is compared with “${ref}” replicate by replicate: the same replicate number means the same seed, so the same simulated neighbourhoods and people. Mean difference with its 95 % t-interval.`,
    nl: (ref) => `Elke rij is herhaling voor herhaling vergeleken met “${ref}”: hetzelfde herhalingsnummer betekent hetzelfde startgetal, dus dezelfde gesimuleerde buurten en mensen. Gemiddeld verschil met zijn 95 %-t-interval.`,
  },
  pairs: { en: 'Pairs', nl: 'Paren' },
  reachedByWeekPoints: { en: (h) => `Reached by week ${h} (percentage points)`, nl: (h) => `Drempel gehaald t/m week ${h} (procentpunten)` },
  meanReachWeekWeeks: { en: (h) => `Mean reach week (weeks; never = ${h})`, nl: (h) => `Gemiddelde drempelweek (weken; nooit = ${h})` },
  finalTrustGov: { en: 'Final trust in government (0–1)', nl: 'Vertrouwen in de overheid aan het eind (0–1)' },
  // provenance
  provenance: { en: 'Provenance', nl: 'Herkomst' },
  fullManifest: { en: 'Full manifest', nl: 'Volledig manifest' },
  resolvedScenario: { en: 'Resolved scenario', nl: 'Uitgewerkt scenario' },
  mScenarioFile: { en: 'Scenario file', nl: 'Scenariobestand' },
  mSeed: { en: 'Seed', nl: 'Startgetal' },
  mVersion: { en: 'Version', nl: 'Versie' },
  mCommit: { en: 'Commit', nl: 'Commit' },
  mModified: { en: 'with local changes', nl: 'met lokale wijzigingen' },
  mHash: { en: 'Scenario hash (SHA-256)', nl: 'Scenariohash (SHA-256)' },
  mRuns: { en: 'Runs', nl: 'Runs' },
  mFailed: { en: 'Failed runs', nl: 'Mislukte runs' },
  mStarted: { en: 'Started', nl: 'Begonnen' },
  mFinished: { en: 'Finished', nl: 'Klaar' },
  mWorkers: { en: 'Workers', nl: 'Rekenthreads' },
  mNode: { en: 'Node', nl: 'Node' },
  mComplete: { en: 'Complete', nl: 'Volledig' },
  mYes: { en: 'yes', nl: 'ja' },
  mNo: { en: 'no: some runs are missing', nl: 'nee: er ontbreken runs' },
} satisfies Record<string, Entry>;

/** What a point is called, and numbers in words. */
const NOUNS = {
  groupStrategy: { en: 'Strategy', nl: 'Strategie' },
  groupStrategyPlan: { en: 'Strategy and plan', nl: 'Strategie en plan' },
  groupSetting: { en: 'Setting', nl: 'Instelling' },
  groupPoint: { en: 'Point', nl: 'Punt' },
  groupScenario: { en: 'Scenario', nl: 'Scenario' },
  /** "strategy" → "strategies". */
  plural: {
    en: (noun) => (String(noun).endsWith('y') ? `${String(noun).slice(0, -1)}ies` : `${noun}s`),
    nl: (noun) => ({ strategie: 'strategieën', instelling: 'instellingen', punt: 'punten', scenario: "scenario's", plan: 'plannen' } as Record<string, string>)[noun] ?? `${noun}en`,
  },
  range: { en: (lo, hi) => `${lo} to ${hi}`, nl: (lo, hi) => `${lo} tot ${hi}` },
  interval95: { en: (inner) => `95 % interval ${inner}`, nl: (inner) => `95 %-interval ${inner}` },
  narrowerThan: { en: (x) => `narrower than ${x}`, nl: (x) => `smaller dan ${x}` },
  noInterval: { en: 'no interval: fewer than two replicates', nl: 'geen interval: minder dan twee herhalingen' },
  noDifference: { en: 'no difference in any replicate', nl: 'in geen enkele herhaling een verschil' },
  sameEvery: { en: 'the same in every replicate', nl: 'gelijk in elke herhaling' },
  points: { en: 'points', nl: 'punten' },
  weeks: { en: 'weeks', nl: 'weken' },
  and: { en: ' and ', nl: ' en ' },
  noIntervention: { en: NO_INTERVENTION, nl: NO_INTERVENTION_NL },
  never: { en: 'never', nl: 'nooit' },
  of: { en: (a, b) => `${a} of ${b}`, nl: (a, b) => `${a} van ${b}` },
} satisfies Record<string, Entry>;

/** The opening sentences ("In short") of a report on points. */
const OPENING = {
  noInitiatives: { en: 'no initiatives were recorded', nl: 'er werden geen initiatieven geregistreerd' },
  reachPhrase: { en: (p, h, lo, hi) => `${p} of initiatives by week ${h} (95 % interval ${lo}–${hi})`, nl: (p, h, lo, hi) => `${p} van de initiatieven t/m week ${h} (95 %-interval ${lo}–${hi})` },
  best: {
    en: (name, lo, hi, noun) => `${name} is best at reaching the threshold: its 95 % interval (${lo}–${hi}) lies above every other ${noun}'s.`,
    nl: (name, lo, hi, noun) => `${name} haalt de drempel het best: het 95 %-interval (${lo}–${hi}) ligt boven dat van elke andere ${noun}.`,
  },
  theOther: { en: (noun) => `the other ${noun}`, nl: (noun) => `de andere ${noun}` },
  anyOfOthers: { en: (n, nouns) => `any of the other ${n} ${nouns}`, nl: (n, nouns) => `elk van de andere ${n} ${nouns}` },
  someOfOthers: { en: (k, n, nouns) => `${k} of the other ${n} ${nouns}`, nl: (k, n, nouns) => `${k} van de andere ${n} ${nouns}` },
  noneBest: {
    en: (noun, name, p, others, runs) => `No ${noun} is best: ${name}, with the highest share (${p}), cannot be told apart from ${others} at this number of replications (${runs} per ${noun}) — their 95 % intervals overlap its own.`,
    nl: (noun, name, p, others, runs) => `Geen ${noun} is de beste: ${name}, met het hoogste aandeel (${p}), is bij dit aantal herhalingen (${runs} per ${noun}) niet te onderscheiden van ${others} — hun 95 %-intervallen overlappen het zijne.`,
  },
  oneHas: { en: (name) => `${name} has`, nl: (name) => `${name} heeft` },
  someHave: { en: (k) => `${k} of them have`, nl: (k) => `${k} ervan hebben` },
  sameShare: {
    en: (who) => ` ${who} the same share, which no number of replications would separate (the table's mean reach week ranks them).`,
    nl: (who) => ` ${who} hetzelfde aandeel; meer herhalingen zouden ze daarin niet scheiden (de gemiddelde drempelweek in de tabel rangschikt ze).`,
  },
  toSeparate: {
    en: (n, noun, name, p) => ` About ${n} replications per ${noun} would separate it from ${name} (${p}) if both shares stay as they are (intervals narrow as 1/√replications: n × ((half-width₁ + half-width₂) / difference)²).`,
    nl: (n, noun, name, p) => ` Ongeveer ${n} herhalingen per ${noun} zouden het scheiden van ${name} (${p}) als beide aandelen blijven zoals ze zijn (intervallen versmallen als 1/√herhalingen: n × ((halve breedte₁ + halve breedte₂) / verschil)²).`,
  },
  single: {
    en: (reach, cell, h) => `Initiatives reached the support threshold in ${reach}; mean reach week ${cell} (never counting as week ${h}).`,
    nl: (reach, cell, h) => `Initiatieven haalden de draagvlakdrempel in ${reach}; gemiddelde drempelweek ${cell} (nooit telt als week ${h}).`,
  },
  few: { en: (noun, name, reach, rest) => `The ${noun} ${name} reached the threshold in ${reach}, against ${rest}.`, nl: (noun, name, reach, rest) => `De ${noun} ${name} haalde de drempel in ${reach}, tegen ${rest}.` },
  forName: { en: (v, name) => `${v} for ${name}`, nl: (v, name) => `${v} voor ${name}` },
  meanWeeks: { en: (h, list) => `Mean reach week (never counting as week ${h}): ${list}.`, nl: (h, list) => `Gemiddelde drempelweek (nooit telt als week ${h}): ${list}.` },
  many: {
    en: (n, nouns, h, lowP, low, highP, high, k) => `Across the ${n} ${nouns}, the share of initiatives that reached the threshold by week ${h} ranged from ${lowP} (${low}) to ${highP} (${high}). The ${k} highest:`,
    nl: (n, nouns, h, lowP, low, highP, high, k) => `Over de ${n} ${nouns} liep het aandeel initiatieven dat de drempel t/m week ${h} haalde uiteen van ${lowP} (${low}) tot ${highP} (${high}). De ${k} hoogste:`,
  },
  manySame: {
    en: (n, nouns, h, p, k) => `Across the ${n} ${nouns}, the share of initiatives that reached the threshold by week ${h} was ${p} at every one. The first ${k}, by that share and then by mean reach week:`,
    nl: (n, nouns, h, p, k) => `Over de ${n} ${nouns} was het aandeel initiatieven dat de drempel t/m week ${h} haalde overal ${p}. De eerste ${k}, naar dat aandeel en dan naar gemiddelde drempelweek:`,
  },
  rank: { en: 'Rank', nl: 'Rang' },
  meanReachWeekInterval: { en: 'Mean reach week (95 % interval)', nl: 'Gemiddelde drempelweek (95 %-interval)' },
  coherentSuccess: { en: 'Coherent success', nl: 'Samenhangend succes' },
  against: {
    en: (ref, pairs, name, effect) => `Against ${ref}, replicate by replicate (${counted(pairs, 'pair', 'pairs')} of runs on the same simulated neighbourhoods), ${name} reached the threshold ${effect}`,
    nl: (ref, pairs, name, effect) => `Tegen ${ref}, herhaling voor herhaling (${counted(pairs, 'paar', 'paren')} runs op dezelfde gesimuleerde buurten), haalde ${name} de drempel ${effect}`,
  },
  andMeanWeek: { en: (effect) => `; mean reach week ${effect}`, nl: (effect) => `; gemiddelde drempelweek ${effect}` },
  andFinalTrust: { en: (effect) => `; final trust in government ${effect}`, nl: (effect) => `; vertrouwen in de overheid aan het eind ${effect}` },
  differsFor: { en: (value, strategy) => `${value} for “${strategy}”`, nl: (value, strategy) => `${value} voor “${strategy}”` },
  andMore: { en: (n) => ` and ${n} more`, nl: (n) => ` en nog ${n}` },
  differences: {
    en: (shown) => `The compared strategies differ in more than strategy: ${shown}. These are starting conditions or mechanisms, not levers of the manager, so part of any difference between the strategies comes from them.`,
    nl: (shown) => `De vergeleken strategieën verschillen in meer dan strategie: ${shown}. Dit zijn beginsituaties of mechanismen, geen hefbomen van de manager, dus een deel van elk verschil tussen de strategieën komt daarvandaan.`,
  },
} satisfies Record<string, Entry>;

/**
 * The Dutch terms of the field, explained (the report's glossary in Dutch, and the studio's in
 * either language).
 */
export const GLOSSARY = {
  draagvlak: {
    en: 'draagvlak — support base: enough residents behind an initiative for it to carry. Here: the committed share of households passing the threshold.',
    nl: 'draagvlak — genoeg bewoners achter een initiatief om het te dragen. Hier: het aandeel huishoudens dat meedoet, boven de drempel.',
  },
  regie: {
    en: 'regie — direction: who sets the course of a programme and how; a manager can hold it tightly (steering) or share it (participation).',
    nl: 'regie — wie de koers van een programma bepaalt en hoe; strak vasthouden (sturing) of delen (participatie).',
  },
  procesregie: {
    en: 'procesregie — process direction: steering the process and the network (who meets whom, when), not the content of what residents decide.',
    nl: 'procesregie — het proces en het netwerk regisseren (wie wie spreekt, wanneer), niet de inhoud van wat bewoners besluiten.',
  },
  dienstbaar: {
    en: 'dienstbaar handelen — serving action: officials who work for what residents need rather than handing down what the programme wants.',
    nl: 'dienstbaar handelen — ambtenaren die werken voor wat bewoners nodig hebben, in plaats van door te geven wat het programma wil.',
  },
  belangenveld: {
    en: 'belangenveld — field of interests: the parties with a stake who must agree before an initiative can formalise (the stakeholders lever).',
    nl: 'belangenveld — de partijen met een belang die moeten instemmen voor een initiatief zich kan formaliseren (schuif “partijen”).',
  },
} satisfies Record<string, Entry>;

/** The report's own terms for the Dutch reader (glossary entries of the report only). */
const REPORT_TERMS = {
  termThreshold: {
    en: 'support threshold — the committed share of a neighbourhood’s households at which an initiative becomes viable.',
    nl: 'draagvlakdrempel — het aandeel huishoudens in een buurt dat moet meedoen voor een initiatief levensvatbaar is.',
  },
  termReachWeek: {
    en: 'reach week — the week an initiative reached its support threshold.',
    nl: 'drempelweek — de week waarin een initiatief zijn draagvlakdrempel haalde.',
  },
} satisfies Record<string, Entry>;

const CATALOGUE = { ...PAGE, ...NOUNS, ...OPENING, ...PLANS, ...CHARTS, ...EXPLORE, ...REPORT_TERMS };
/** The report's words in one language; `names`: the scenario's own names in it (see withNames). */
export type Words = { [K in keyof typeof CATALOGUE]: (typeof CATALOGUE)[K]['en'] } & { lang: Lang; names?: ReadonlyMap<string, string> };

const cache = new Map<Lang, Words>();
/** The report's words in `lang` (English by default). */
export function words(lang: Lang = 'en'): Words {
  let w = cache.get(lang);
  if (!w) {
    // a number handed to a sentence as a number is written in the language's own way (0,35 in Dutch)
    const entry = (text: Entry[Lang]) => (typeof text === 'string' ? text : (...a: Part[]) => text(...a.map((x) => (typeof x === 'number' ? decimal(String(x), lang) : x))));
    w = { ...Object.fromEntries(Object.entries(CATALOGUE).map(([k, v]) => [k, lang === 'en' ? v.en : entry(v[lang])])), lang } as Words;
    cache.set(lang, w);
  }
  return w;
}
/** Both languages of every entry of the report's catalogue (for tests that compare them). */
export const REPORT_CATALOGUE: Readonly<Record<string, Entry>> = CATALOGUE;

/** The report's glossary entries, in order: the field's Dutch terms, then the report's own. */
export function glossaryEntries(lang: Lang): string[] {
  return [...Object.values(GLOSSARY), ...Object.values(REPORT_TERMS)].map((e) => e[lang]);
}

/** The words of `w` that also know the names a scenario gives, in their language (the scenario's translations). */
export function withNames(w: Words, names: Readonly<Record<string, string>> | undefined): Words {
  return names && Object.keys(names).length > 0 ? { ...w, names: new Map(Object.entries(names)) } : w;
}

/**
 * A name as shown: one the scenario gives (a strategy, plan or intervention) as its translation
 * names it (withNames), and the implicit "no intervention" plan, in the reader's language.
 */
export function shownName(name: string, w: Words): string {
  return w.names?.get(name) ?? (w.lang === 'en' ? name : untranslatedInDutch(name));
}

/** A compared strategy's name as shown: the scenario's translation of it, else a preset's name in the reader's language, else as written. */
export function strategyName(name: string, w: Words): string {
  return w.names?.get(name) ?? strategyLabel(name, w.lang);
}
