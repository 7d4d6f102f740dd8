/**
 * The model's vocabulary for people, in English and Dutch: its parameters, their groups and units,
 * the strategy presets, the interventions' actions and the weekly metrics. The studio's levers and buttons and the report's
 * axes, tables and sentences name them from here; the report's own sentences are in words.ts.
 */
import { decimal, type Entry, type Lang } from './language.js';

/**
 * Names of registry parameters for people (the studio's levers, and the report's axes and tables
 * in Dutch); a parameter not listed is named from its path.
 */
export const PARAMETER_LABELS = {
  'strategy.steering': { en: 'Steering', nl: 'Sturing' },
  'strategy.participation': { en: 'Participation', nl: 'Participatie' },
  'strategy.serving': { en: 'Serving action', nl: 'Dienstbaar handelen' },
  'strategy.buffer': { en: 'Buffering top-down input', nl: 'Bufferen van druk van boven' },
  'strategy.revenueShare': { en: 'Revenue share for the community', nl: 'Opbrengst voor de buurt' },
  'strategy.competence': { en: "Manager's competence", nl: 'Vakmanschap van de manager' },
  'strategy.stakeholders': { en: 'Stakeholders who must agree', nl: 'Partijen die moeten instemmen' },
  'strategy.attention': { en: 'Attention rule', nl: 'Verdeling van aandacht' },
  'strategy.attentionBudget': { en: 'Attention budget', nl: 'Aandachtsbudget' },
  'population.neighbourhoods': { en: 'Neighbourhoods', nl: 'Aantal buurten' },
  'population.households': { en: 'Households per neighbourhood', nl: 'Huishoudens per buurt' },
  'residents.trustGov': { en: 'Trust in government', nl: 'Vertrouwen in de overheid' },
  'residents.belonging': { en: 'Belonging', nl: 'Verbondenheid' },
  'residents.drive': { en: 'Drive', nl: 'Drijfveer' },
  'residents.support': { en: 'Initial support', nl: 'Steun bij de start' },
  'officials.presence': { en: 'Officials in the field', nl: 'Ambtenaren in de wijk' },
  'officials.orientation': { en: 'Officials top-down', nl: 'Ambtenaren top-down' },
  'initiative.threshold': { en: 'Support threshold', nl: 'Draagvlakdrempel' },
  'environment.costs': { en: 'Costs', nl: 'Kosten' },
  'environment.provenTechniques': { en: 'Proven techniques', nl: 'Bewezen technieken' },
  'environment.climate': { en: 'Climate salience', nl: 'Aandacht voor klimaat' },
  'environment.policyPressure': { en: 'Policy pressure', nl: 'Beleidsdruk' },
  'residents.threshold': { en: 'Personal threshold', nl: 'Persoonlijke meedoedrempel' },
  'rates.peerInfluence': { en: 'Peer influence', nl: 'Invloed van buren' },
} satisfies Record<string, Entry>;

/** A key's words in `lang` from one of the tables below, or undefined when the table has no such key. */
function lookup(table: Record<string, Record<Lang, string>>, key: string, lang: Lang): string | undefined {
  return Object.hasOwn(table, key) ? table[key][lang] : undefined;
}

/** Units of registry parameters in Dutch (English uses the registry's own words). */
const UNITS_NL: Record<string, string> = {
  neighbourhoods: 'buurten', 'households per neighbourhood': 'huishoudens per buurt', groups: 'groepen', 'standard deviation': 'standaardafwijking',
  'ties per resident (mean)': 'banden per bewoner (gemiddeld)', 'bridging ties per resident': 'overbruggende banden per bewoner',
  'officials per neighbourhood': 'ambtenaren per buurt', 'contacts per week at full presence': 'contacten per week bij volle aanwezigheid',
  parties: 'partijen', 'initiative-equivalents per week': 'initiatief-equivalenten per week', weeks: 'weken', leaders: 'trekkers',
  'drive per week': 'drijfveer per week', 'threshold per unit of drive': 'drempel per eenheid drijfveer', 'threshold per unit of belonging': 'drempel per eenheid verbondenheid',
  'per week': 'per week', 'standard deviation per week': 'standaardafwijking per week', 'per good contact': 'per goed contact', ratio: 'verhouding',
  'plan maturity per week at full capacity': 'planrijpheid per week bij volle capaciteit', 'plan maturity per week at full attention': 'planrijpheid per week bij volle aandacht',
  'per directive contact': 'per sturend contact', 'per week at full pressure': 'per week bij volle druk', 'level [0,1]': 'niveau [0,1]',
};

/** The interventions, by action name (the studio's buttons; in Dutch also the report's words for them). */
export const ACTION_LABELS = {
  evening: { en: 'Neighbourhood evening', nl: 'Buurtavond' },
  field: { en: 'Officials into the field', nl: 'Ambtenaren de wijk in' },
  'broken-promise': { en: 'A broken promise', nl: 'Een gebroken belofte' },
  subsidy: { en: 'Subsidy', nl: 'Subsidie' },
  mandate: { en: 'Mandate from above', nl: 'Opdracht van bovenaf' },
  'share-revenues': { en: 'Share revenues', nl: 'Opbrengst delen' },
  set: { en: 'Lever moved', nl: 'Schuif verzet' },
  'add-stakeholder': { en: 'A stakeholder joins', nl: 'Een partij komt erbij' },
  'remove-stakeholder': { en: 'A stakeholder leaves', nl: 'Een partij valt af' },
} satisfies Record<string, Entry>;

/** An intervention's action in a report sentence: its name in English (as in the data files), its words in Dutch. */
export function actionLabel(action: string, lang: Lang): string {
  const label = lang === 'en' ? undefined : lookup(ACTION_LABELS, action, lang);
  return label === undefined ? action : label.charAt(0).toLowerCase() + label.slice(1);
}

/** The parameters' groups, the first part of their paths, for people: the explore report names a factor "Threshold (residents)". */
export const GROUP_LABELS = {
  population: { en: 'population', nl: 'bevolking' },
  network: { en: 'network', nl: 'netwerk' },
  residents: { en: 'residents', nl: 'bewoners' },
  officials: { en: 'officials', nl: 'ambtenaren' },
  strategy: { en: 'strategy', nl: 'strategie' },
  initiative: { en: 'initiative', nl: 'initiatief' },
  leadership: { en: 'leadership', nl: 'leiderschap' },
  parties: { en: 'parties', nl: 'partijen' },
  commitment: { en: 'commitment', nl: 'meedoen' },
  rates: { en: 'rates', nl: 'snelheden' },
  environment: { en: 'environment', nl: 'omgeving' },
  mechanisms: { en: 'mechanisms', nl: 'mechanismen' },
} satisfies Record<string, Entry>;

/** A parameter group's name in the reader's language; a path that is not a group, as written. */
export function groupLabel(group: string, lang: Lang): string {
  return lookup(GROUP_LABELS, group, lang) ?? group;
}

/**
 * The strategy presets (a scenario's `compare: [classic, cooperative, …]`) as a Dutch reader calls
 * them; the data files keep the presets' own names.
 */
export const PRESET_LABELS = {
  classic: { en: 'classic', nl: 'klassiek' },
  cooperative: { en: 'cooperative', nl: 'coöperatief' },
  'laissez-faire': { en: 'laissez-faire', nl: 'laissez-faire' },
  'network-steering': { en: 'network-steering', nl: 'netwerksturing' },
  'process-management': { en: 'process-management', nl: 'procesmanagement' },
} satisfies Record<string, Entry>;

/** A compared strategy's name for the reader: a preset's name in the reader's language, any other name as the scenario gives it. */
export function strategyLabel(name: string, lang: Lang): string {
  return lookup(PRESET_LABELS, name, lang) ?? name;
}

/** The metrics of the weekly series, for people. */
export const METRIC_LABELS = {
  trust_gov: { en: 'Trust in government', nl: 'Vertrouwen in de overheid' },
  cohesion: { en: 'Social cohesion', nl: 'Sociale samenhang' },
  drive: { en: 'Drive to act for the community', nl: 'Drijfveer om iets voor de buurt te doen' },
} satisfies Record<string, Entry>;

/**
 * The metrics a trigger of an intervention can watch (the registry's watchable ones), in Dutch words;
 * English keeps the column name of the data files, as the scenario writes it.
 */
export const WATCHED_LABELS_NL: Record<string, string> = {
  support_share: 'het hoogste aandeel leden van een initiatief',
  support: 'de gemiddelde steun',
  committed_share: 'het aandeel huishoudens dat meedoet',
  trust_gov: 'het vertrouwen in de overheid',
  belonging: 'de verbondenheid',
  cohesion: 'de sociale samenhang',
  drive: 'de drijfveer',
  awareness: 'het bewustzijn',
  reached_share: 'het aandeel initiatieven over de drempel',
  formalised_share: 'het aandeel geformaliseerde initiatieven',
};

/** A trigger's condition for a reader: "support_share ≥ 0.15"; in Dutch "het hoogste aandeel leden van een initiatief ≥ 0,15". */
export function conditionText(when: { metric: string; above?: number; below?: number }, lang: Lang): string {
  const metric = lang === 'nl' ? (WATCHED_LABELS_NL[when.metric] ?? when.metric) : when.metric;
  return when.above !== undefined ? `${metric} ≥ ${decimal(String(when.above), lang)}` : `${metric} ≤ ${decimal(String(when.below), lang)}`;
}

/** A parameter's name for a reader in `lang`, or null when the catalogue has none. */
export function parameterLabel(path: string, lang: Lang): string | null {
  return lookup(PARAMETER_LABELS, path, lang) ?? null;
}

/**
 * A parameter within a sentence: in English its path, as the scenario writes it; in Dutch its name,
 * lower-cased ("vertrouwen in de overheid"), or its path when the catalogue has none.
 */
export function parameterInSentence(path: string, lang: Lang): string {
  const named = lang === 'en' ? null : parameterLabel(path, lang);
  return named ? named.charAt(0).toLowerCase() + named.slice(1) : path;
}

/** A registry unit in Dutch, or the unit itself when it has no translation. */
export function unitNl(unit: string): string {
  return UNITS_NL[unit] ?? unit;
}
