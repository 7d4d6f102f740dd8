import { counted, type Entry } from './language.js';

/** Chart titles, axes, legends and captions. */
export const CHARTS = {
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
