/**
 * The languages of the report, the charts and the studio, and how each writes numbers; the shape of
 * an entry of the word catalogue (words.ts).
 */
export type Lang = 'en' | 'nl';
export const LANGS: readonly Lang[] = ['en', 'nl'];

/** A `--lang` value checked: the language, or null (see langProblem). */
export function parseLang(value: unknown): Lang | null {
  return LANGS.includes(value as Lang) ? (value as Lang) : null;
}

/**
 * How numbers are written in each language: Dutch writes a decimal comma (0,35), English a point.
 * `decimal` rewrites a number already written with a point; `VEGA_LOCALE` is the same rule for the
 * charts (Vega's number-format locale, null for Vega's own English). Data files keep the point.
 */
export function decimal(text: string, lang: Lang): string {
  return lang === 'nl' ? text.replace('.', ',') : text;
}
export const VEGA_LOCALE: Record<Lang, { number: { decimal: string; thousands: string; grouping: number[]; currency: [string, string] } } | null> = {
  en: null,
  nl: { number: { decimal: ',', thousands: '.', grouping: [3], currency: ['€\u00a0', ''] } },
};

/** The one line for a bad `--lang` value: what was expected and what was found. */
export function langProblem(value: unknown): string {
  return `--lang: expected one of ${LANGS.join(', ')}, found ${JSON.stringify(value)}`;
}

/** What an entry places in its text: a name, or a number (written in the language's own way). */
export type Part = string | number;
/** One entry of the catalogue: a text, or a function of the parts it places, in every language. */
export type Entry = { en: string; nl: string } | { en: (...a: Part[]) => string; nl: (...a: Part[]) => string };

/** A count with its noun, one or many: "1 replication", "3 replications". */
export const counted = (n: Part, one: string, many: string) => `${n} ${String(n) === '1' ? one : many}`;
