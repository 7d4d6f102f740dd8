import type { Entry } from './language.js';

/** Interventions in words, and the rehearsed plans. */
export const PLANS = {
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
  verdictLead: {
    en: (parts) => `In mean reach week against doing nothing — ${parts}.`,
    nl: (parts) => `In gemiddelde drempelweek tegen niets doen — ${parts}.`,
  },
  sooner: { en: (list) => `sooner (95 % interval below 0): ${list}`, nl: (list) => `sneller (95 %-interval onder 0): ${list}` },
  later: { en: (list) => `later (interval above 0): ${list}`, nl: (list) => `later (interval boven 0): ${list}` },
  withoutInterval: {
    en: (list) => `without an interval (fewer than two replicates), so not told apart: ${list}`,
    nl: (list) => `zonder interval (minder dan twee herhalingen), dus niet te onderscheiden: ${list}`,
  },
  unclear: {
    en: (list) => `not told apart at this number of replications (interval includes 0): ${list}`,
    nl: (list) => `bij dit aantal herhalingen niet te onderscheiden (interval bevat 0): ${list}`,
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
