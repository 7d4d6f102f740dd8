/**
 * Every word the report, its charts and the studio share, in English and Dutch: one catalogue.
 * An entry is a text, or a function of the numbers and names it places (already formatted). A key
 * missing in one language is a type error. English is the default and its texts are the report's
 * words as they always were; `words('nl')` gives the same keys in Dutch (`--lang nl`).
 */
import { EXPLORE } from './exploreWords.js';
import { strategyLabel } from './labels.js';
import { decimal, type Entry, type Lang, type Part } from './language.js';

export { decimal, langProblem, LANGS, parseLang, VEGA_LOCALE, type Lang } from './language.js';

/** A count with its noun, one or many: "1 replication", "3 replications". */
const counted = (n: Part, one: string, many: string) => `${n} ${String(n) === '1' ? one : many}`;

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
  noIntervention: { en: 'no intervention', nl: 'geen interventie' },
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

/** Interventions in words, and the rehearsed plans. */
const PLANS = {
  inWeek: { en: (w) => `in week ${w}`, nl: (w) => `in week ${w}` },
  inWeeks: { en: (a, b) => `in weeks ${a}–${b}`, nl: (a, b) => `in de weken ${a}–${b}` },
  once: { en: (condition) => `once ${condition}`, nl: (condition) => `zodra ${condition}` },
  setTo: { en: (list) => `set ${list}`, nl: (list) => `zet ${list}` },
  size: { en: (s) => ` (size ${s})`, nl: (s) => ` (omvang ${s})` },
  inNeighbourhood: { en: (list) => ` in neighbourhood ${list}`, nl: (list) => ` in buurt ${list}` },
  inNeighbourhoods: { en: (list) => ` in neighbourhoods ${list}`, nl: (list) => ` in buurten ${list}` },
  rehearsed: { en: (none, list) => `Rehearsed against “${none}” on the same seeds: ${list}.`, nl: (none, list) => `Geoefend tegen “${none}” op dezelfde startgetallen: ${list}.` },
  planItem: { en: (name, list) => `plan “${name}” — ${list}`, nl: (name, list) => `plan “${name}” — ${list}` },
  everyPlanAlso: { en: (none, list) => `Every plan, and “${none}” too, also had: ${list}.`, nl: (none, list) => `Elk plan, en ook “${none}”, had daarnaast: ${list}.` },
  everyRun: {
    en: (list, none) => `Every run had these interventions: ${list}. There is no comparison with doing nothing in this scenario: to see what they change, put them in a plan (plans:), which then runs beside “${none}” on the same seeds.`,
    nl: (list, none) => `Elke run had deze interventies: ${list}. Dit scenario vergelijkt niet met niets doen: om te zien wat ze veranderen, zet ze in een plan (plans:), dat dan naast “${none}” draait op dezelfde startgetallen.`,
  },
  interventionsHeading: { en: 'Interventions', nl: 'Interventies' },
  intervention: { en: 'Intervention', nl: 'Interventie' },
  planned: { en: 'Planned', nl: 'Gepland' },
  appliedWeek: { en: 'Applied in week (median over runs)', nl: 'Toegepast in week (mediaan over runs)' },
  appliedIn: { en: 'Applied in', nl: 'Toegepast in' },
  withGroup: { en: (parts) => `With ${parts}: `, nl: (parts) => `Met ${parts}: ` },
  soonest: {
    en: (prefix, plan) => `${prefix}Plan “${plan}” brings initiatives to the threshold soonest: against every other plan, its paired difference in mean reach week has a 95 % interval below 0.`,
    nl: (prefix, plan) => `${prefix}Plan “${plan}” brengt initiatieven het snelst over de drempel: tegen elk ander plan heeft zijn gepaarde verschil in gemiddelde drempelweek een 95 %-interval onder 0.`,
  },
  sameEveryReplicate: {
    en: (a, b) => `“${a}” and “${b}” gave the same mean reach week in every replicate, so no number of replications would tell them apart`,
    nl: (a, b) => `“${a}” en “${b}” gaven in elke herhaling dezelfde gemiddelde drempelweek, dus geen aantal herhalingen zou ze onderscheiden`,
  },
  tooSmall: {
    en: (d) => `their paired difference is ${d} weeks, too small to say how many replications would tell them apart`,
    nl: (d) => `hun gepaarde verschil is ${d} weken, te klein om te zeggen hoeveel herhalingen ze zouden onderscheiden`,
  },
  wouldTell: {
    en: (n, a, b, d) => `about ${n} replications would tell “${a}” from “${b}” if their paired difference stays at ${d} weeks (the interval narrows as 1/√replications: n × (half-width / difference)²)`,
    nl: (n, a, b, d) => `ongeveer ${n} herhalingen zouden “${a}” van “${b}” onderscheiden als hun gepaarde verschil op ${d} weken blijft (het interval versmalt als 1/√herhalingen: n × (halve breedte / verschil)²)`,
  },
  cannotTell: {
    en: (prefix, list, n, how) => `${prefix}The plans soonest to the threshold — ${list} — cannot be told apart at ${n} replications: their paired differences in mean reach week have 95 % intervals that include 0; ${how}.`,
    nl: (prefix, list, n, how) => `${prefix}De plannen die het snelst de drempel halen — ${list} — zijn bij ${n} herhalingen niet te onderscheiden: hun gepaarde verschillen in gemiddelde drempelweek hebben 95 %-intervallen die 0 bevatten; ${how}.`,
  },
  cannotTellWithoutInterval: {
    en: (prefix, list) => `${prefix}The plans soonest to the threshold — ${list} — cannot be told apart: with fewer than two replicates their paired differences in mean reach week have no interval.`,
    nl: (prefix, list) => `${prefix}De plannen die het snelst de drempel halen — ${list} — zijn niet te onderscheiden: met minder dan twee herhalingen hebben hun gepaarde verschillen in gemiddelde drempelweek geen interval.`,
  },
  everySooner: {
    en: 'Every plan brings initiatives to the threshold sooner than doing nothing (each 95 % interval of the mean reach week below 0)',
    nl: 'Elk plan brengt initiatieven sneller over de drempel dan niets doen (elk 95 %-interval van de gemiddelde drempelweek onder 0)',
  },
  sooner: { en: (list) => `Sooner than doing nothing (95 % interval of the mean reach week below 0): ${list}`, nl: (list) => `Sneller dan niets doen (95 %-interval van de gemiddelde drempelweek onder 0): ${list}` },
  later: { en: (list) => `later (interval above 0): ${list}`, nl: (list) => `later (interval boven 0): ${list}` },
  withoutInterval: {
    en: (list) => `without an interval (fewer than two replicates), so not told apart from doing nothing: ${list}`,
    nl: (list) => `zonder interval (minder dan twee herhalingen), dus niet te onderscheiden van niets doen: ${list}`,
  },
  unclear: {
    en: (list) => `not told apart from doing nothing at this number of replications (interval includes 0): ${list}`,
    nl: (list) => `bij dit aantal herhalingen niet te onderscheiden van niets doen (interval bevat 0): ${list}`,
  },
  planAgainst: {
    en: (prefix, plan, none, pm, bm, effect) => `${prefix}Plan “${plan}” against “${none}”: mean reach week ${pm} against ${bm}, a difference of ${effect}`,
    nl: (prefix, plan, none, pm, bm, effect) => `${prefix}Plan “${plan}” tegen “${none}”: gemiddelde drempelweek ${pm} tegen ${bm}, een verschil van ${effect}`,
  },
  planReached: {
    en: (h, pp, bp, effect) => `; reached the threshold by week ${h}: ${pp} against ${bp}, ${effect}`,
    nl: (h, pp, bp, effect) => `; drempel gehaald t/m week ${h}: ${pp} tegen ${bp}, ${effect}`,
  },
  eachPlanRanked: {
    en: (none) => `Each plan against “${none}”, ranked by how much sooner initiatives reached the threshold (mean reach week, plan minus doing nothing; below 0 is sooner):`,
    nl: (none) => `Elk plan tegen “${none}”, gerangschikt naar hoeveel sneller initiatieven de drempel haalden (gemiddelde drempelweek, plan min niets doen; onder 0 is sneller):`,
  },
  group: { en: 'Group', nl: 'Groep' },
  plan: { en: 'Plan', nl: 'Plan' },
  meanWeekCol: { en: 'Mean reach week (weeks, 95 % interval)', nl: 'Gemiddelde drempelweek (weken, 95 %-interval)' },
  reachedCol: { en: (h) => `Reached by week ${h} (points, 95 % interval)`, nl: (h) => `Drempel gehaald t/m week ${h} (punten, 95 %-interval)` },
  trustCol: { en: 'Final trust in government (95 % interval)', nl: 'Vertrouwen in de overheid aan het eind (95 %-interval)' },
  restrictedNote: {
    en: (h) => `(Mean reach week: per run, the mean week its initiatives reached the threshold, one that never did counting as week ${h} — a restricted mean — then averaged over replicates. Every difference is plan minus the other, replicate by replicate on the same simulated neighbourhoods and people, with a 95 % t interval: the numbers of the table and chart below and of contrasts.csv.)`,
    nl: (h) => `(Gemiddelde drempelweek: per run de gemiddelde week waarin de initiatieven de drempel haalden, waarbij een initiatief dat die nooit haalde als week ${h} telt — een begrensd gemiddelde — daarna gemiddeld over herhalingen. Elk verschil is plan min het andere, herhaling voor herhaling op dezelfde gesimuleerde buurten en mensen, met een 95 %-t-interval: de getallen van de tabel en grafiek hieronder en van contrasts.csv.)`,
  },
  againstHead: { en: 'Against', nl: 'Tegen' },
  measure: { en: 'Measure', nl: 'Maat' },
  differenceInterval: { en: 'Difference (95 % interval)', nl: 'Verschil (95 %-interval)' },
  rehearsedHeading: { en: 'Rehearsed plans', nl: 'Geoefende plannen' },
  rehearsedNote: {
    en: (none, h) => `Every plan ran on the same seeds as “${none}” in each replicate (common random numbers): the same neighbourhoods, people and weekly chances, so each replicate gives a paired difference. Differences are plan minus the plan it is set against, averaged over replicates, with a 95 % paired t interval; they are in contrasts.csv. Reach by week is the share of initiatives past the threshold; the mean reach week counts an initiative that never reached it as week ${h} (a restricted mean).`,
    nl: (none, h) => `Elk plan draaide in elke herhaling op dezelfde startgetallen als “${none}” (gemeenschappelijke toevalsgetallen): dezelfde buurten, mensen en wekelijkse kansen, zodat elke herhaling een gepaard verschil geeft. Verschillen zijn plan min het plan waartegen het staat, gemiddeld over herhalingen, met een gepaard 95 %-t-interval; ze staan in contrasts.csv. Gehaald t/m een week is het aandeel initiatieven over de drempel; de gemiddelde drempelweek telt een initiatief dat die nooit haalde als week ${h} (een begrensd gemiddelde).`,
  },
} satisfies Record<string, Entry>;

/** Chart titles, axes, legends and captions. */
const CHARTS = {
  week: { en: 'Week', nl: 'Week' },
  shareAxis: { en: 'Share of initiatives (0–100 %)', nl: 'Aandeel initiatieven (0–100 %)' },
  reachCurveTitle: { en: 'Share of initiatives that reached the support threshold', nl: 'Aandeel initiatieven dat de draagvlakdrempel haalde' },
  reachCurveCaption: {
    en: (h) => `Each line shows how many initiatives had reached their support threshold by a given week (Kaplan–Meier estimate; initiatives that never reached it count as not reached by week ${h}).`,
    nl: (h) => `Elke lijn laat zien hoeveel initiatieven hun draagvlakdrempel in een bepaalde week hadden gehaald (Kaplan–Meier-schatting; initiatieven die die nooit haalden, tellen als niet gehaald in week ${h}).`,
  },
  bandNote: { en: 'The shaded band is the 95 % interval.', nl: 'De gekleurde band is het 95 %-interval.' },
  noBandsNote: { en: 'With this many lines the 95 % intervals are left out; the table gives them at the horizon.', nl: 'Bij zoveel lijnen zijn de 95 %-intervallen weggelaten; de tabel geeft ze aan het eind van de looptijd.' },
  risesEarlier: { en: 'A line that rises earlier and higher means initiatives get there sooner and more often.', nl: 'Een lijn die eerder en hoger stijgt, betekent dat initiatieven er sneller en vaker komen.' },
  byWeek: { en: (h) => `By week, up to week ${h}.`, nl: (h) => `Per week, tot week ${h}.` },
  shadedInterval: { en: 'Shaded: 95 % interval.', nl: 'Gekleurd: 95 %-interval.' },
  intervalsSeeTable: { en: 'Intervals: see the table.', nl: 'Intervallen: zie de tabel.' },
  tipping: {
    en: (amount, latest, lines, whatever) => `${amount} of the initiatives started past their tipping point: their neighbourhoods were drawn with so much support that the commitment rule alone, every attitude held at its starting value, carries them over the threshold by week ${latest} — the early rise of ${lines}, ${whatever} (dotted line; initiatives.csv, tipping_week).`,
    nl: (amount, latest, lines, whatever) => `${amount} van de initiatieven begon voorbij zijn kantelpunt: hun buurten waren met zoveel steun getrokken dat de meedoe-regel alleen, met elke houding vast op haar beginwaarde, ze uiterlijk in week ${latest} over de drempel brengt — de vroege stijging van ${lines}, ${whatever} (stippellijn; initiatives.csv, tipping_week).`,
  },
  /** "whatever the strategy", for what a point is called (groupTitle, lower case); Dutch with the noun's own article. */
  whateverThe: {
    en: (group) => `whatever the ${group}`,
    nl: (group) =>
      ({ 'strategie en plan': 'wat strategie en plan ook zijn', plan: 'wat het plan ook is', punt: 'wat het punt ook is', scenario: 'wat het scenario ook is' } as Record<string, string>)[group] ??
      `wat de ${group} ook is`,
  },
  everyLine: { en: 'every line', nl: 'elke lijn' },
  theLines: { en: 'the lines', nl: 'de lijnen' },
  tippingLabel: { en: (p) => `started past the tipping point: ${p}`, nl: (p) => `begon voorbij het kantelpunt: ${p}` },
  // reach weeks
  reachWeeksTitle: { en: 'When initiatives reached the support threshold', nl: 'Wanneer initiatieven de draagvlakdrempel haalden' },
  neverHeader: { en: (label, p, h) => `${label}: ${p} never reached it by week ${h}`, nl: (label, p, h) => `${label}: ${p} haalde die nooit t/m week ${h}` },
  reachWeeksCaption: {
    en: (width, h) => `Each bar is a ${width}-week period; its height is the share of all initiatives that first reached the support threshold in that period. The heading of each panel says how many never reached it by week ${h}. Bars piled up to the left mean initiatives got there early.`,
    nl: (width, h) => `Elke staaf is een periode van ${width} weken; de hoogte is het aandeel van alle initiatieven dat in die periode voor het eerst de draagvlakdrempel haalde. Het kopje van elk paneel zegt hoeveel die nooit haalden t/m week ${h}. Staven die zich links ophopen, betekenen dat initiatieven er vroeg kwamen.`,
  },
  reachWeeksSubtitle: { en: (width) => `Share of initiatives reaching it in each ${width}-week period.`, nl: (width) => `Aandeel initiatieven dat die haalde, per periode van ${width} weken.` },
  weekReached: { en: 'Week the threshold was reached', nl: 'Week waarin de drempel werd gehaald' },
  // support
  supportTitle: { en: 'Support for the initiatives over time', nl: 'Steun voor de initiatieven door de tijd' },
  committedAxis: { en: 'Share of households committed (0–100 %)', nl: 'Aandeel huishoudens dat meedoet (0–100 %)' },
  thresholdDashed: { en: (p) => `Dashed line: the support threshold (${p}).`, nl: (p) => `Streeplijn: de draagvlakdrempel (${p}).` },
  thresholdLabel: { en: (p) => `Support threshold ${p}`, nl: (p) => `Draagvlakdrempel ${p}` },
  thresholdsDashed: { en: 'Dashed lines: each point’s support threshold, in its colour.', nl: 'Streeplijnen: de draagvlakdrempel van elk punt, in zijn kleur.' },
  supportCaption: {
    en: (band, note) => `The line is the typical (median) initiative: the share of its neighbourhood's households that have committed. ${band} ${note} An initiative becomes viable when it crosses the threshold.`,
    nl: (band, note) => `De lijn is het typische (mediane) initiatief: het aandeel huishoudens in zijn buurt dat meedoet. ${band} ${note} Een initiatief wordt levensvatbaar als het de drempel passeert.`,
  },
  supportBand: { en: 'Half of all initiatives lie inside the shaded band.', nl: 'De helft van alle initiatieven ligt binnen de gekleurde band.' },
  supportNoBand: { en: 'With this many lines the bands that hold the middle half of the initiatives are left out: they would hide each other.', nl: 'Bij zoveel lijnen zijn de banden met de middelste helft van de initiatieven weggelaten: ze zouden elkaar verbergen.' },
  supportSubtitle: { en: 'Median initiative; shaded: the middle half of initiatives.', nl: 'Mediaan initiatief; gekleurd: de middelste helft van de initiatieven.' },
  supportSubtitleNoBand: { en: 'Median initiative (with this many lines, without the middle half).', nl: 'Mediaan initiatief (bij zoveel lijnen zonder de middelste helft).' },
  // trust, cohesion, drive
  worldTitle: { en: 'Trust, cohesion and drive over time', nl: 'Vertrouwen, samenhang en drijfveer door de tijd' },
  averageLevel: { en: 'Average level (0–1)', nl: 'Gemiddeld niveau (0–1)' },
  worldCaption: {
    en: 'Average over all residents, per week: trust in government and the programme, social cohesion in the neighbourhoods, and residents’ drive to act for their community, each on a scale from 0 to 1. Lines are the mean over runs; the shaded band is its 95 % interval.',
    nl: 'Gemiddelde over alle bewoners, per week: vertrouwen in de overheid en het programma, sociale samenhang in de buurten, en de drijfveer van bewoners om iets voor hun gemeenschap te doen, elk op een schaal van 0 tot 1. Lijnen zijn het gemiddelde over runs; de gekleurde band is het 95 %-interval daarvan.',
  },
  worldSubtitle: { en: 'Average over all residents (0–1); shaded: 95 % interval of the mean over runs.', nl: 'Gemiddelde over alle bewoners (0–1); gekleurd: 95 %-interval van het gemiddelde over runs.' },
  // paired differences
  pairedTitle: { en: 'Difference made on the same simulated neighbourhoods', nl: 'Verschil op dezelfde gesimuleerde buurten' },
  reachedByWeek: { en: (h) => `Reached the threshold by week ${h}`, nl: (h) => `Drempel gehaald t/m week ${h}` },
  percentagePoints: { en: 'Percentage points', nl: 'Procentpunten' },
  meanReachWeekRestricted: { en: (h) => `Mean reach week (restricted to week ${h})`, nl: (h) => `Gemiddelde drempelweek (begrensd op week ${h})` },
  weeksSoonerNever: { en: (h) => `Weeks; below 0 is sooner (never = ${h})`, nl: (h) => `Weken; onder 0 is sneller (nooit = ${h})` },
  weeksSoonerCounts: { en: (h) => `Weeks; below 0 is sooner; never counts as ${h}`, nl: (h) => `Weken; onder 0 is sneller; nooit telt als ${h}` },
  trustAtEnd: { en: 'Trust in government at the end', nl: 'Vertrouwen in de overheid aan het eind' },
  cohesionAtEnd: { en: 'Cohesion at the end', nl: 'Samenhang aan het eind' },
  levelPoints: { en: 'Points on the 0–1 scale', nl: 'Punten op de schaal 0–1' },
  pairedCaption: {
    en: (ref) => `Each dot is the average difference from “${ref}” over replicates that met the same neighbourhoods and people (same seed), with its 95 % interval. Right of the zero line: more initiatives reached the threshold, later on average, or more trust. An interval that does not cross zero is a difference the runs can tell apart.`,
    nl: (ref) => `Elke stip is het gemiddelde verschil met “${ref}” over herhalingen die dezelfde buurten en mensen troffen (zelfde startgetal), met zijn 95 %-interval. Rechts van de nullijn: meer initiatieven haalden de drempel, gemiddeld later, of meer vertrouwen. Een interval dat nul niet kruist, is een verschil dat de runs kunnen onderscheiden.`,
  },
  pairedSubtitle: { en: (ref) => `Each compared with “${ref}”, replicate by replicate; bars: 95 % interval.`, nl: (ref) => `Elk vergeleken met “${ref}”, herhaling voor herhaling; streepjes: 95 %-interval.` },
  // plans
  planDifferencesTitle: { en: 'What each plan changes against doing nothing', nl: 'Wat elk plan verandert tegenover niets doen' },
  planReachTitle: { en: 'Reach curves per plan, with the weeks the interventions applied', nl: 'Bereikcurves per plan, met de weken waarin de interventies golden' },
  planDifferencesCaption: {
    en: (none) => `Each dot is the average difference a plan made against “${none}”, replicate by replicate on the same simulated neighbourhoods and people (same seed), with its 95 % interval (paired t). Right of the dashed zero line: more initiatives reached the threshold, later, or more trust and cohesion. An interval that does not cross zero is a difference the runs can tell apart.`,
    nl: (none) => `Elke stip is het gemiddelde verschil dat een plan maakte tegenover “${none}”, herhaling voor herhaling op dezelfde gesimuleerde buurten en mensen (zelfde startgetal), met zijn 95 %-interval (gepaarde t). Rechts van de gestreepte nullijn: meer initiatieven haalden de drempel, later, of meer vertrouwen en samenhang. Een interval dat nul niet kruist, is een verschil dat de runs kunnen onderscheiden.`,
  },
  planDifferencesSubtitle: { en: (none) => `Plan minus “${none}”, paired by replicate; bars: 95 % interval.`, nl: (none) => `Plan min “${none}”, gepaard per herhaling; streepjes: 95 %-interval.` },
  firedRuns: { en: (name, f, r) => `${name} (${f}/${r} runs)`, nl: (name, f, r) => `${name} (${f}/${r} runs)` },
  everyPlan: { en: (name) => `${name} (every plan)`, nl: (name) => `${name} (elk plan)` },
  planReachCaption: {
    en: (h) => `Each line shows how many initiatives had reached their support threshold by a given week under one plan (Kaplan–Meier; never reaching it counts as not reached by week ${h}). Dashed lines in the plan's colour mark the weeks its interventions applied, named above the plot (grey: one every plan shares); for one triggered by a condition, the median week over the runs where it fired.`,
    nl: (h) => `Elke lijn laat zien hoeveel initiatieven hun draagvlakdrempel in een bepaalde week hadden gehaald onder één plan (Kaplan–Meier; wie die nooit haalde, telt als niet gehaald in week ${h}). Streeplijnen in de kleur van het plan markeren de weken waarin zijn interventies golden, met de naam boven de grafiek (grijs: een die elk plan deelt); voor een interventie die op een voorwaarde afgaat, de mediane week over de runs waarin ze afging.`,
  },
  planReachSubtitle: { en: (h) => `By week, up to week ${h}. Dashed: an intervention applied.`, nl: (h) => `Per week, tot week ${h}. Gestreept: een interventie gold.` },
  // sweeps
  reachHeatmapTitle: { en: 'Chance that an initiative reaches the threshold', nl: 'Kans dat een initiatief de drempel haalt' },
  meanWeekHeatmapTitle: { en: 'Mean week in which initiatives reach the threshold', nl: 'Gemiddelde week waarin initiatieven de drempel halen' },
  eachCell: { en: 'Each cell is one combination', nl: 'Elk vak is één combinatie' },
  eachDotSweep: { en: 'Each dot is one point of the sweep, at its values', nl: 'Elke stip is één punt van de reeks, op zijn waarden' },
  numberIsShare: { en: 'the number is the share', nl: 'het getal is het aandeel' },
  colourIsShare: { en: 'its colour is the share', nl: 'de kleur is het aandeel' },
  combination: { en: 'combination', nl: 'combinatie' },
  point: { en: 'point', nl: 'punt' },
  reachProbabilitySubtitle: { en: (h, each) => `Probability of reaching the support threshold by week ${h}, for each ${each}.`, nl: (h, each) => `Kans om de draagvlakdrempel t/m week ${h} te halen, per ${each}.` },
  reachProbabilityCaption: {
    en: (each, px, py, number, h) => `${each} of ${px} and ${py}; ${number} of initiatives that reached the support threshold by week ${h}. Darker is more likely; the colours run from the lowest to the highest share found, not from 0 to 100 %.`,
    nl: (each, px, py, number, h) => `${each} van ${px} en ${py}; ${number} initiatieven dat de draagvlakdrempel t/m week ${h} haalde. Donkerder is waarschijnlijker; de kleuren lopen van het laagste tot het hoogste gevonden aandeel, niet van 0 tot 100 %.`,
  },
  probability: { en: 'Probability (0–1)', nl: 'Kans (0–1)' },
  meanWeekSubtitle: {
    en: (h) => `Mean reach week restricted to week ${h}: an initiative that never reached it counts as week ${h}.`,
    nl: (h) => `Gemiddelde drempelweek begrensd op week ${h}: een initiatief dat die nooit haalde, telt als week ${h}.`,
  },
  meanWeekGridCaption: {
    en: (h) => `The number in each cell is the mean week in which its initiatives reached the support threshold, one that never did by week ${h} counting as ${h} (the mean reach week of the tables). Darker is sooner; the colours run from the latest to the soonest week found.`,
    nl: (h) => `Het getal in elk vak is de gemiddelde week waarin de initiatieven de draagvlakdrempel haalden, waarbij een initiatief dat die t/m week ${h} nooit haalde als ${h} telt (de gemiddelde drempelweek van de tabellen). Donkerder is sneller; de kleuren lopen van de laatste tot de snelste gevonden week.`,
  },
  meanWeekScatterCaption: {
    en: (h) => `Each dot is one point of the sweep; its colour is the mean week in which its initiatives reached the support threshold, one that never did by week ${h} counting as ${h} (the mean reach week of the tables). Darker is sooner; the colours run from the latest to the soonest week found.`,
    nl: (h) => `Elke stip is één punt van de reeks; de kleur is de gemiddelde week waarin de initiatieven de draagvlakdrempel haalden, waarbij een initiatief dat die t/m week ${h} nooit haalde als ${h} telt (de gemiddelde drempelweek van de tabellen). Donkerder is sneller; de kleuren lopen van de laatste tot de snelste gevonden week.`,
  },
  meanReachWeek: { en: 'Mean reach week', nl: 'Gemiddelde drempelweek' },
  sweepLineTitle: { en: 'Chance of reaching the threshold along the swept parameter', nl: 'Kans op het halen van de drempel langs de gevarieerde parameter' },
  sweepLineCaption: {
    en: (param, h) => `Left: for each value of ${param}, the chance that an initiative reached the support threshold by week ${h}, with its 95 % interval. Right: the mean week of reaching it, one that never did counting as week ${h}, with its 95 % interval.`,
    nl: (param, h) => `Links: voor elke waarde van ${param} de kans dat een initiatief de draagvlakdrempel t/m week ${h} haalde, met zijn 95 %-interval. Rechts: de gemiddelde week waarin die werd gehaald, waarbij een initiatief dat die nooit haalde als week ${h} telt, met zijn 95 %-interval.`,
  },
  sweepLineSubtitle: { en: (h) => `Dots: estimate; bars: 95 % interval. Horizon: week ${h}.`, nl: (h) => `Stippen: schatting; streepjes: 95 %-interval. Looptijd: week ${h}.` },
  meanReachWeekNeverShort: { en: (h) => `Mean reach week (never = ${h})`, nl: (h) => `Gemiddelde drempelweek (nooit = ${h})` },
  factorScatterTitle: { en: 'Each outcome against each swept factor', nl: 'Elke uitkomst tegen elke gevarieerde factor' },
  reachedShare: { en: (h) => `Reached the threshold by week ${h} (share)`, nl: (h) => `Drempel gehaald t/m week ${h} (aandeel)` },
  coherentShare: { en: 'Coherent success (share)', nl: 'Samenhangend succes (aandeel)' },
  factorScatterCaption: {
    en: (n, r) => `One row per outcome, one column per factor of the Latin hypercube. Each dot is one of its ${n} points, at the factor's value and the point's outcome over its ${counted(r, 'replication', 'replications')} (the values of the table above). A factor that matters shows a trend or a step; one that does not shows a flat cloud. Each panel has its own scales.`,
    nl: (n, r) => `Eén rij per uitkomst, één kolom per factor van de Latijnse hyperkubus. Elke stip is een van de ${n} punten, op de waarde van de factor en de uitkomst van het punt over zijn ${counted(r, 'herhaling', 'herhalingen')} (de waarden van de tabel hierboven). Een factor die ertoe doet, laat een trend of een sprong zien; een die dat niet doet, een platte wolk. Elk paneel heeft zijn eigen schalen.`,
  },
  factorScatterSubtitle: {
    en: (n, r) => `${n} points of the Latin hypercube, ${counted(r, 'replication', 'replications')} each.`,
    nl: (n, r) => `${n} punten van de Latijnse hyperkubus, elk ${counted(r, 'herhaling', 'herhalingen')}.`,
  },
  /** An outcome the same at every point of the design: no factor moves it, so it gets no row. */
  factorScatterSame: {
    en: (outcome, value) => `Not drawn: ${outcome}, ${value} at every point.`,
    nl: (outcome, value) => `Niet getekend: ${outcome}, ${value} in elk punt.`,
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
  return w.names?.get(name) ?? (w.lang === 'en' ? name : name.replace(/\bno intervention\b/g, w.noIntervention));
}

/** A compared strategy's name as shown: the scenario's translation of it, else a preset's name in the reader's language, else as written. */
export function strategyName(name: string, w: Words): string {
  return w.names?.get(name) ?? strategyLabel(name, w.lang);
}
