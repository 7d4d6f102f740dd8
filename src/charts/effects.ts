/**
 * How the report writes numbers and effects, in sentences and table cells alike, so that the same
 * statistic reads the same everywhere: a typographic minus, no negative zero, a sign on
 * differences, and intervals that say in words when they have no width.
 */
import { shortNames } from '../scenario/design.js';
import { parameterInSentence, parameterLabel } from './labels.js';
import { decimal, shownName, strategyName, words, type Words } from './words.js';

/** A number with `digits` decimals, "−" for minus, never "−0.0"; in Dutch with a decimal comma ("−0,5"). */
export function fixed(x: number, digits: number, w?: Words): string {
  const r = x.toFixed(digits);
  const text = Number(r) === 0 ? (0).toFixed(digits) : r.replace('-', '−');
  return w ? decimal(text, w.lang) : text;
}

/** A difference with its sign: "+4.7", "−5.7", "0.0". */
export function signed(x: number, digits: number, w?: Words): string {
  return Number(x.toFixed(digits)) > 0 ? `+${fixed(x, digits, w)}` : fixed(x, digits, w);
}

/** A difference with its interval, as paired contrasts give it: mean and limits, unscaled. */
export interface Effect {
  mean: number;
  lo: number | null;
  hi: number | null;
}

/**
 * What the interval of an effect says, in words when it has no width at the digits shown:
 * "95 % interval −7.8 to −3.6"; "no difference in any replicate" (every pair gave 0);
 * "the same in every replicate"; "95 % interval narrower than 0.1"; or, with one pair, no interval.
 */
export function intervalWords(e: Effect, scale: number, digits: number, w: Words = words()): string {
  const inner = intervalInner(e, scale, digits, w);
  return inner.interval ? w.interval95(inner.text) : inner.text;
}

/** What intervalWords says, without its "95 % interval" in front (`interval`: whether it had one). */
function intervalInner(e: Effect, scale: number, digits: number, w: Words): { text: string; interval: boolean } {
  if (e.lo === null || e.hi === null) return { text: w.noInterval, interval: false };
  const lo = fixed(e.lo * scale, digits);
  const hi = fixed(e.hi * scale, digits);
  if (lo !== hi) return { text: w.range(signed(e.lo * scale, digits, w), signed(e.hi * scale, digits, w)), interval: true };
  if (e.lo === e.hi) return { text: Number(fixed(e.mean * scale, digits)) === 0 ? w.noDifference : w.sameEvery, interval: false };
  return { text: w.narrowerThan(fixed(10 ** -digits, digits, w)), interval: true };
}

/** "−5.7 weeks (95 % interval −7.8 to −3.6)" — an effect in a sentence. */
export function effectText(e: Effect, scale: number, digits: number, unit: string, w: Words = words()): string {
  return `${signed(e.mean * scale, digits, w)}${unit ? ` ${unit}` : ''} (${intervalWords(e, scale, digits, w)})`;
}

/** "−5.7 (−7.8 to −3.6)" — the same effect in a table cell (its words when the interval has no width). */
export function effectCell(e: Effect, scale: number, digits: number, w: Words = words()): string {
  return `${signed(e.mean * scale, digits, w)} (${intervalInner(e, scale, digits, w).text})`;
}

/** Digits shown per unit: percentage points and weeks with one decimal, levels on a 0–1 scale with three. */
export const DIGITS = { points: 1, weeks: 1, level: 3 } as const;

/** A parameter value for display: numbers to three significant digits (the data files keep every digit), in `w`'s decimal mark. */
export function shownValue(v: string | undefined, w?: Words): string {
  if (v === undefined || v === '') return '';
  const x = Number(v);
  if (!(Number.isFinite(x) && /^-?[\d.]+(e[-+]?\d+)?$/i.test(v.trim()))) return v;
  const text = String(Number(x.toPrecision(3)));
  return w ? decimal(text, w.lang) : text;
}

/**
 * The value a point has of one of the things varied over the points (a result set's `varied`: the
 * compared strategy, the plan, a swept parameter), as the report shows it: a strategy or plan by its
 * name for the reader, a number with the language's decimal mark.
 */
export function variedValue(key: string, v: string | undefined, w: Words): string {
  if (v === undefined) return '';
  return key === 'strategy' ? strategyName(v, w) : key === 'plan' ? shownName(v, w) : shownValue(v, w);
}

/**
 * A point's name for the reader, from what sets it apart (a result set's `varied` and the point's
 * values): its compared strategy, its swept parameters as name=value, its plan — as the design's
 * `label` column names it (src/scenario/design.ts), but in the reader's language (a parameter by its
 * Dutch name, a decimal comma) and with the values as the table's columns show them (shownValue).
 */
export function pointName(varied: readonly string[], values: Record<string, string>, w: Words): string {
  const swept = varied.filter((v) => v !== 'strategy' && v !== 'plan');
  const short = shortNames(swept);
  const name = (path: string) => (w.lang !== 'en' && parameterLabel(path, w.lang) !== null ? parameterInSentence(path, w.lang) : short.get(path)!);
  return [
    varied.includes('strategy') ? variedValue('strategy', values.strategy, w) : '',
    ...swept.map((path) => `${name(path)}=${shownValue(values[path], w)}`),
    varied.includes('plan') ? variedValue('plan', values.plan, w) : '',
  ].filter(Boolean).join(' ');
}

/**
 * About how many replications would make two intervals of half-widths `h1` and `h2` around
 * estimates `d` apart stop overlapping, at `n` replications now: intervals narrow as
 * 1/√replications, so they separate once (h1 + h2) · √(n / n′) < d, i.e. n′ > n · ((h1 + h2) / d)².
 * Null when the estimates are equal (no number of replications separates them).
 */
export function replicationsToSeparate(d: number, h1: number, h2: number, n: number): number | null {
  if (!(Math.abs(d) > 0)) return null;
  return Math.max(n + 1, Math.ceil(n * ((h1 + h2) / Math.abs(d)) ** 2));
}
