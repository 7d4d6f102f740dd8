import type { Entry } from './language.js';

/** The explore report (sensitivity indices and scenario discovery) and its charts. */
export const EXPLORE = {
  exploreTitle: { en: (name) => `${name} — draagvlak explore report`, nl: (name) => `${name} — draagvlak-verkenningsrapport` },
  whatExplored: { en: 'What was explored', nl: 'Wat werd verkend' },
  indicesHeading: { en: 'Indices', nl: 'Indices' },
  alsoInFiles: {
    en: 'Also in indices.csv, boxes.csv (the chosen PRIM box), prim-trajectory.csv, explore-outcomes.csv (mean, sd, share of run-to-run noise, censored points) and explore-points.csv (every point’s factors and outcomes).',
    nl: 'Ook in indices.csv, boxes.csv (de gekozen PRIM-doos), prim-trajectory.csv, explore-outcomes.csv (gemiddelde, sd, aandeel ruis tussen runs, gecensureerde punten) en explore-points.csv (de factoren en uitkomsten van elk punt).',
  },
  outcome: { en: 'Outcome', nl: 'Uitkomst' },
  factor: { en: 'Factor', nl: 'Factor' },
  kind: { en: 'Kind', nl: 'Soort' },
  parameter: { en: 'Parameter', nl: 'Parameter' },
  from: { en: 'From', nl: 'Van' },
  to: { en: 'To', nl: 'Tot' },
  kindLever: { en: 'lever', nl: 'hefboom' },
  kindUncertainty: { en: 'uncertainty', nl: 'onzekerheid' },
  // outcomes (the English titles are those of src/analysis/pooledOutcomes.ts)
  outcomeReachedBy: { en: (week) => `Reached the threshold by week ${week}`, nl: (week) => `Drempel gehaald t/m week ${week}` },
  outcomeRmst: { en: (h) => `Restricted mean weeks to the threshold (up to week ${h})`, nl: (h) => `Begrensd gemiddeld aantal weken tot de drempel (tot week ${h})` },
  outcomeMedian: { en: 'Median reach week (the horizon when fewer than half reached it)', nl: 'Mediane drempelweek (het eind van de looptijd als minder dan de helft die haalde)' },
  outcomeCoherent: { en: 'Coherent success: formalised and aligned', nl: 'Samenhangend succes: geformaliseerd en aansluitend' },
  outcomeTrust: { en: 'Final trust in government', nl: 'Vertrouwen in de overheid aan het eind' },
  caseBelow: { en: (outcome, v) => `“${outcome}” below ${v}`, nl: (outcome, v) => `“${outcome}” onder ${v}` },
  caseAbove: { en: (outcome, v) => `“${outcome}” above ${v}`, nl: (outcome, v) => `“${outcome}” boven ${v}` },
  // sentences
  totalIndex: { en: 'total index', nl: 'totale index' },
  noIndices: { en: (title) => `${title}: no indices (the outcome is missing at some points).`, nl: (title) => `${title}: geen indices (de uitkomst ontbreekt bij sommige punten).` },
  driverItem: { en: (kind, label, estimate, range) => `${kind}, ${label} ${estimate}, ${range}`, nl: (kind, label, estimate, range) => `${kind}, ${label} ${estimate}, ${range}` },
  neverVaries: {
    en: (title, v) => `${title}: ${v} at every point. An outcome that never varies has no drivers: no factor moved it.`,
    nl: (title, v) => `${title}: ${v} bij elk punt. Een uitkomst die nooit verandert, heeft geen drijvers: geen factor bewoog haar.`,
  },
  sobolUnreliable: {
    en: (title, n, reasons, list) =>
      `${title}: the Sobol’ estimates are not reliable with ${n} base rows: ${reasons}. No shares of variance are given; more base rows (explore.samples) narrow the estimates. By total index the order is ${list}.`,
    nl: (title, n, reasons, list) =>
      `${title}: de Sobol’-schattingen zijn niet betrouwbaar met ${n} basisrijen: ${reasons}. Er worden geen aandelen van de variantie gegeven; meer basisrijen (explore.samples) maken de schattingen nauwkeuriger. Naar totale index is de volgorde ${list}.`,
  },
  outsideShare: {
    en: (index, factor, v) => `the ${index} of ${factor} is ${v} (a share of the variance lies from 0 to 1)`,
    nl: (index, factor, v) => `de ${index} van ${factor} is ${v} (een aandeel van de variantie ligt tussen 0 en 1)`,
  },
  firstOrderSum: { en: (share) => `the first-order indices add up to ${share} (more than the whole variance)`, nl: (share) => `de eerste-orde-indices tellen op tot ${share} (meer dan de hele variantie)` },
  intervalsWide: { en: (width) => `intervals are up to ${width} wide`, nl: (width) => `intervallen zijn tot ${width} breed` },
  strongestDrivers: { en: (title, list) => `${title}: the strongest drivers are ${list}.`, nl: (title, list) => `${title}: de sterkste drijvers zijn ${list}.` },
  leversAccount: {
    en: (first, total) => ` The manager’s levers together account for ${first} of its variance on their own (sum of first-order indices) and at most ${total} with their interactions (sum of total indices).`,
    nl: (first, total) => ` De hefbomen van de manager verklaren samen ${first} van de variantie op zichzelf (som van de eerste-orde-indices) en hoogstens ${total} met hun wisselwerkingen (som van de totale indices).`,
  },
  strongestLever: { en: (factor, label, value, tail) => ` The strongest lever, ${factor}, has ${label} ${value}${tail}.`, nl: (factor, label, value, tail) => ` De sterkste hefboom, ${factor}, heeft ${label} ${value}${tail}.` },
  largestOfAll: { en: ', the largest of all factors', nl: ', de grootste van alle factoren' },
  againstStrongest: { en: (v) => `, against ${v} for the strongest factor`, nl: (v) => `, tegen ${v} voor de sterkste factor` },
  noiseAll: {
    en: (r) => ` Run-to-run noise alone is as large as the variance between points (${r} replications averaged per point): at this number of replications the points cannot be told apart from noise.`,
    nl: (r) => ` Ruis tussen runs alleen is al zo groot als de variantie tussen punten (${r} herhalingen gemiddeld per punt): bij dit aantal herhalingen zijn de punten niet van ruis te onderscheiden.`,
  },
  noise: {
    en: (share, r) => ` Run-to-run noise is ${share} of the variance between points (${r} replications averaged per point, common random numbers across points).`,
    nl: (share, r) => ` Ruis tussen runs is ${share} van de variantie tussen punten (${r} herhalingen gemiddeld per punt, gemeenschappelijke toevalsgetallen over de punten).`,
  },
  censoredPoints: {
    en: (k, n) => ` At ${k} of ${n} points fewer than half the initiatives reached the threshold; those count at the horizon (censored).`,
    nl: (k, n) => ` Bij ${k} van ${n} punten haalde minder dan de helft van de initiatieven de drempel; die tellen op het eind van de looptijd (gecensureerd).`,
  },
  primBox: {
    en: (c, cases, n, box, coverage, density) => `Where is ${c}? ${cases} of ${n} points. PRIM finds the box ${box}: it holds ${coverage} of those points (coverage), and ${density} of the points inside it are such points (density).`,
    nl: (c, cases, n, box, coverage, density) => `Waar is ${c}? ${cases} van ${n} punten. PRIM vindt de doos ${box}: die bevat ${coverage} van die punten (dekking), en ${density} van de punten erin zijn zulke punten (dichtheid).`,
  },
  noRestriction: { en: '(no restriction)', nl: '(geen beperking)' },
  limitsMatter: { en: (list) => ` The limits that matter (quasi-p-value below 0.05): ${list}.`, nl: (list) => ` De grenzen die ertoe doen (quasi-p-waarde onder 0,05): ${list}.` },
  notNeeded: { en: (list) => ` Not needed: ${list}.`, nl: (list) => ` Niet nodig: ${list}.` },
  // the method note
  sobolMethod: {
    en: (size, points) => `Sobol’ indices from a Saltelli (2010) design of ${size} base rows on a Sobol’ sequence (Joe & Kuo direction numbers), ${points} points: first order by the Saltelli (2010) estimator, total by Jansen’s (1999).`,
    nl: (size, points) => `Sobol’-indices uit een Saltelli-ontwerp (2010) van ${size} basisrijen op een Sobol’-reeks (richtingsgetallen van Joe & Kuo), ${points} punten: eerste orde met de schatter van Saltelli (2010), totaal met die van Jansen (1999).`,
  },
  morrisMethod: {
    en: (size, k, levels, points, best, per) =>
      `Morris (1991) screening: ${size} trajectories of ${k} points on a ${levels}-level grid (${points} points)${best}. Each step moves one factor; its elementary effect is the outcome’s change over the step divided by the step’s share of the factor’s range, so a change ${per}. μ* is the mean absolute elementary effect (Campolongo, Cariboni & Saltelli 2007), σ their standard deviation. Being extrapolated, μ* may exceed what the outcome can change by: more than 1 for a share, more than the horizon for weeks.`,
    nl: (size, k, levels, points, best, per) =>
      `Morris-screening (1991): ${size} trajecten van ${k} punten op een rooster met ${levels} niveaus (${points} punten)${best}. Elke stap verzet één factor; het elementaire effect ervan is de verandering van de uitkomst over die stap gedeeld door het deel van het bereik van de factor dat de stap beslaat, dus een verandering ${per}. μ* is het gemiddelde absolute elementaire effect (Campolongo, Cariboni & Saltelli 2007), σ hun standaardafwijking. Omdat μ* geëxtrapoleerd is, kan het groter zijn dan de uitkomst kan veranderen: meer dan 1 bij een aandeel, meer dan de looptijd bij weken.`,
  },
  morrisPer: {
    en: (levels) => (Number(levels) === 2 ? 'over the whole range of the factor (each step spans it)' : `per whole range of the factor, extrapolated from steps of ${Number(levels) / 2}/${Number(levels) - 1} of it`),
    nl: (levels) => (Number(levels) === 2 ? 'over het hele bereik van de factor (elke stap beslaat het)' : `per heel bereik van de factor, geëxtrapoleerd uit stappen van ${Number(levels) / 2}/${Number(levels) - 1} ervan`),
  },
  morrisBest: { en: (size, candidates) => `, the ${size} best spread of ${candidates} drawn (Campolongo, Cariboni & Saltelli 2007)`, nl: (size, candidates) => `, de ${size} best gespreide van ${candidates} getrokken (Campolongo, Cariboni & Saltelli 2007)` },
  lhsMethod: { en: (points) => `A Latin hypercube of ${points} points; standardised rank regression coefficients.`, nl: (points) => `Een Latijnse hyperkubus van ${points} punten; gestandaardiseerde rangregressiecoëfficiënten.` },
  intervalsNote: {
    en: (b, r, h) => ` Intervals: 95 % percentile bootstrap, ${b} resamples (on a Sobol’ design they err on the wide side). Every point runs ${r} replications with common random numbers (replicate r meets the same network and people at every point); the point’s outcome pools them. An initiative that never reached the threshold is censored at week ${h}: the RMST is the area under its Kaplan–Meier curve up to the horizon.`,
    nl: (b, r, h) => ` Intervallen: 95 %-percentielbootstrap, ${b} hersteekproeven (op een Sobol’-ontwerp vallen ze eerder te breed uit). Elk punt draait ${r} herhalingen met gemeenschappelijke toevalsgetallen (herhaling r treft bij elk punt hetzelfde netwerk en dezelfde mensen); de uitkomst van het punt neemt ze samen. Een initiatief dat de drempel nooit haalde, is gecensureerd in week ${h}: de RMST is de oppervlakte onder zijn Kaplan–Meier-curve tot het eind van de looptijd.`,
  },
  // factor names
  settingAt: { en: 'Week it fires', nl: 'Week waarin ze afgaat' },
  settingFrom: { en: 'Week it starts', nl: 'Week waarin ze begint' },
  settingFor: { en: 'Weeks it lasts', nl: 'Weken dat ze duurt' },
  settingSize: { en: 'Size', nl: 'Omvang' },
  settingAbove: { en: 'Level it fires above', nl: 'Niveau waarboven ze afgaat' },
  settingBelow: { en: 'Level it fires below', nl: 'Niveau waaronder ze afgaat' },
  settingSet: { en: (name) => `${name} set`, nl: (name) => `${name}, gezet` },
  // charts
  indexS1: { en: 'first order S1', nl: 'eerste orde S1' },
  indexST: { en: 'total ST', nl: 'totaal ST' },
  indexMu: { en: 'μ (mean elementary effect)', nl: 'μ (gemiddeld elementair effect)' },
  indexSigma: { en: 'σ (sd of the elementary effects)', nl: 'σ (sd van de elementaire effecten)' },
  indexMuStar: { en: 'μ* (mean |elementary effect|)', nl: 'μ* (gemiddeld |elementair effect|)' },
  indexSrrc: { en: 'standardised rank regression coefficient', nl: 'gestandaardiseerde rangregressiecoëfficiënt' },
  indicesTitle: { en: 'What drives each outcome', nl: 'Wat elke uitkomst drijft' },
  sobolAxis: { en: 'Share of the outcome’s variance', nl: 'Aandeel van de variantie van de uitkomst' },
  morrisAxis: { en: 'μ*: outcome change per whole range of the factor (outcome units)', nl: 'μ*: verandering van de uitkomst per heel bereik van de factor (eenheden van de uitkomst)' },
  coefficient: { en: 'Coefficient', nl: 'Coëfficiënt' },
  sobolWhat: {
    en: 'Sobol’ indices: first order (circle: the share of variance the factor explains alone) and total (square: with all its interactions)',
    nl: 'Sobol’-indices: eerste orde (cirkel: het aandeel variantie dat de factor alleen verklaart) en totaal (vierkant: met al zijn wisselwerkingen)',
  },
  morrisWhat: { en: (per) => `Morris μ*: the mean absolute change of the outcome ${per}`, nl: (per) => `Morris-μ*: de gemiddelde absolute verandering van de uitkomst ${per}` },
  srrcWhat: { en: 'Standardised rank regression coefficients of the outcome on the factors', nl: 'Gestandaardiseerde rangregressiecoëfficiënten van de uitkomst op de factoren' },
  indicesCaption: {
    en: (what) => `${what}, with 95 % bootstrap intervals, one panel per outcome. Red: the manager’s levers; blue: uncertainties nobody controls.`,
    nl: (what) => `${what}, met 95 %-bootstrapintervallen, één paneel per uitkomst. Rood: de hefbomen van de manager; blauw: onzekerheden die niemand in de hand heeft.`,
  },
  indicesSubtitle: { en: (what) => `${what}; bars: 95 % bootstrap interval.`, nl: (what) => `${what}; streepjes: 95 %-bootstrapinterval.` },
  index: { en: 'Index', nl: 'Index' },
  morrisTitle: { en: 'Morris screening: μ* against σ', nl: 'Morris-screening: μ* tegen σ' },
  morrisCaption: {
    en: 'Each dot is a factor. Right: a large mean absolute effect (μ*, a change per whole range of the factor); up: effects that change from place to place in the factor space (σ: non-linearity or interactions). Red: levers; blue: uncertainties. Where dots crowd, the less influential factors go without a name; each panel lists them under its title, and the table of indices gives every factor’s values.',
    nl: 'Elke stip is een factor. Rechts: een groot gemiddeld absoluut effect (μ*, een verandering per heel bereik van de factor); omhoog: effecten die van plek tot plek in de factorruimte veranderen (σ: niet-lineariteit of wisselwerkingen). Rood: hefbomen; blauw: onzekerheden. Waar stippen dicht op elkaar liggen, blijven de minst invloedrijke factoren zonder naam; elk paneel noemt ze onder zijn titel, en de tabel van indices geeft de waarden van elke factor.',
  },
  morrisUnnamed: { en: (list) => `Not named where dots crowd: ${list}.`, nl: (list) => `Zonder naam waar stippen dicht op elkaar liggen: ${list}.` },
  morrisSubtitle: { en: 'Right: influential; up: non-linear or interacting.', nl: 'Rechts: invloedrijk; omhoog: niet-lineair of in wisselwerking.' },
  primTitle: { en: (c) => `Scenario discovery: where is ${c}?`, nl: (c) => `Scenario-ontdekking: waar is ${c}?` },
  primCaption: {
    en: (c, coverage, density) => `PRIM peels the factor space step by step toward the points where ${c}. Each dot is a box: coverage is the share of all such points inside it, density the share of the box’s points that are such points; the colour counts the factors it restricts. The ringed box was chosen; after pasting it covers ${coverage} % of the cases at a density of ${density} %.`,
    nl: (c, coverage, density) => `PRIM pelt de factorruimte stap voor stap af naar de punten waar ${c}. Elke stip is een doos: dekking is het aandeel van al zulke punten dat erin ligt, dichtheid het aandeel van de punten van de doos dat zo’n punt is; de kleur telt de factoren die ze beperkt. De omcirkelde doos werd gekozen; na het terugplakken dekt ze ${coverage} % van de gevallen bij een dichtheid van ${density} %.`,
  },
  primSpecTitle: { en: 'Scenario discovery: the PRIM peeling trajectory', nl: 'Scenario-ontdekking: het afpeltraject van PRIM' },
  primSubtitle: { en: (c, cases, n) => `Case of interest: ${c} (${cases} of ${n} points).`, nl: (c, cases, n) => `Geval van belang: ${c} (${cases} van ${n} punten).` },
  coverage: { en: 'Coverage', nl: 'Dekking' },
  density: { en: 'Density', nl: 'Dichtheid' },
  factorsRestricted: { en: 'Factors restricted', nl: 'Beperkte factoren' },
  againstEachFactor: { en: (title) => `${title} against each factor`, nl: (title) => `${title} tegen elke factor` },
  everyNth: { en: (every, points) => `every ${every}th of ${points}`, nl: (every, points) => `elke ${every}e van ${points}` },
  allPoints: { en: (points) => `all ${points}`, nl: (points) => `alle ${points}` },
  scatterCaption: {
    en: (which, r) => `Each dot is a design point (${which}), its outcome averaged over ${r} replications. A factor that matters shows a trend or a step; one that does not shows a flat cloud.`,
    nl: (which, r) => `Elke stip is een punt van het ontwerp (${which}), de uitkomst gemiddeld over ${r} herhalingen. Een factor die ertoe doet, laat een trend of een sprong zien; een die dat niet doet, een platte wolk.`,
  },
  leversAndUncertainties: { en: 'Red: levers; blue: uncertainties.', nl: 'Rood: hefbomen; blauw: onzekerheden.' },
} satisfies Record<string, Entry>;
