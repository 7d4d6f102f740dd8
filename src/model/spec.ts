/**
 * The vocabulary of the parameter registry: each model parameter is described once, with its
 * default, range, unit, meaning and source. The scenario schema, the code's types and defaults,
 * and the parameter table in docs/ODD.md are all derived from these descriptions.
 */

interface Described {
  /** One line: what the parameter means in the model. */
  readonly doc: string;
  /** The literature or reasoning the default rests on. */
  readonly source?: string;
}

export interface NumberSpec extends Described {
  readonly kind: 'number';
  readonly default: number;
  readonly min: number;
  readonly max: number;
  /** Unit, e.g. "weeks", "share [0,1]", "households". */
  readonly unit: string;
  /** Whole numbers only. */
  readonly integer?: boolean;
}

export interface BooleanSpec extends Described {
  readonly kind: 'boolean';
  readonly default: boolean;
}

export interface EnumSpec<T extends string = string> extends Described {
  readonly kind: 'enum';
  readonly values: readonly T[];
  readonly default: T;
}

/** A driver that varies over the weeks: a constant, piecewise-linear points, or steps. */
export interface SeriesSpec extends Described {
  readonly kind: 'series';
  readonly default: number;
  readonly min: number;
  readonly max: number;
  readonly unit: string;
}

/** An optional list of numbers (e.g. explicit thresholds), null when not given. */
export interface ListSpec extends Described {
  readonly kind: 'list';
  readonly default: null;
  readonly min: number;
  readonly max: number;
  readonly unit: string;
}

/**
 * A signpost the manager watches and the response it calls for: when `metric` (over all
 * neighbourhoods, as last week ended) falls to `below` or rises to `above`, `respond`.
 */
export interface Signpost {
  metric: string;
  below?: number;
  above?: number;
  respond: string;
}

/** A list of signposts and responses (an adaptive strategy); empty by default: the strategy stays fixed. */
export interface SignpostsSpec extends Described {
  readonly kind: 'signposts';
  readonly default: readonly Signpost[];
  /** The metrics a signpost may watch. */
  readonly metrics: readonly string[];
  /** The responses a signpost may call for. */
  readonly responses: readonly string[];
}

export type ParamSpec = NumberSpec | BooleanSpec | EnumSpec | SeriesSpec | ListSpec | SignpostsSpec;

export interface ParamGroup {
  readonly [key: string]: ParamSpec | ParamGroup;
}

/** A value of a series parameter as written in a scenario. */
export type SeriesValue =
  | number
  /** Piecewise-linear through [week, value] points, flat before the first and after the last. */
  | { readonly points: ReadonlyArray<readonly [number, number]> }
  /** A step function: each [week, value] holds from that week until the next step. */
  | { readonly steps: ReadonlyArray<readonly [number, number]> };

/** The value type of one spec. */
export type ValueOf<S> = S extends NumberSpec
  ? number
  : S extends BooleanSpec
    ? boolean
    : S extends EnumSpec<infer T>
      ? T
      : S extends SeriesSpec
        ? SeriesValue
        : S extends ListSpec
          ? readonly number[] | null
          : S extends SignpostsSpec
            ? Signpost[]
            : S extends ParamGroup
            ? ValuesOf<S>
            : never;

/** The value type of a whole group: the same shape, with values in place of specs. */
export type ValuesOf<G extends ParamGroup> = { -readonly [K in keyof G]: ValueOf<G[K]> };

export function isSpec(x: ParamSpec | ParamGroup): x is ParamSpec {
  return typeof (x as ParamSpec).kind === 'string' && typeof (x as ParamSpec).doc === 'string';
}

/** Every parameter with its dotted path, in declaration order. */
export function* walkSpecs(group: ParamGroup, prefix = ''): Generator<[string, ParamSpec]> {
  for (const [key, node] of Object.entries(group)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (isSpec(node)) yield [path, node];
    else yield* walkSpecs(node, path);
  }
}

/** The defaults of a group, as a fresh object. */
export function defaultsOf<G extends ParamGroup>(group: G): ValuesOf<G> {
  const out: Record<string, unknown> = {};
  for (const [key, node] of Object.entries(group)) {
    out[key] = isSpec(node) ? (node.kind === 'signposts' ? [] : node.default) : defaultsOf(node);
  }
  return out as ValuesOf<G>;
}

/** Shorthands used by the registry. */
export const num = (
  d: number,
  min: number,
  max: number,
  unit: string,
  doc: string,
  source?: string,
): NumberSpec => ({ kind: 'number', default: d, min, max, unit, doc, source });
export const int = (
  d: number,
  min: number,
  max: number,
  unit: string,
  doc: string,
  source?: string,
): NumberSpec => ({ kind: 'number', default: d, min, max, unit, doc, source, integer: true });
export const share = (d: number, doc: string, source?: string): NumberSpec => num(d, 0, 1, 'share [0,1]', doc, source);
export const flag = (d: boolean, doc: string, source?: string): BooleanSpec => ({ kind: 'boolean', default: d, doc, source });
export const oneOf = <T extends string>(values: readonly T[], d: T, doc: string, source?: string): EnumSpec<T> => ({
  kind: 'enum',
  values,
  default: d,
  doc,
  source,
});
export const series = (d: number, doc: string, source?: string): SeriesSpec => ({
  kind: 'series',
  default: d,
  min: 0,
  max: 1,
  unit: 'level [0,1]',
  doc,
  source,
});
export const list = (min: number, max: number, unit: string, doc: string, source?: string): ListSpec => ({
  kind: 'list',
  default: null,
  min,
  max,
  unit,
  doc,
  source,
});
export const signposts = (metrics: readonly string[], responses: readonly string[], doc: string, source?: string): SignpostsSpec => ({
  kind: 'signposts',
  default: [],
  metrics,
  responses,
  doc,
  source,
});
