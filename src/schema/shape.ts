/**
 * Shapes: a value described once, giving both its JSON Schema (draft-07, as plain data) and its
 * TypeScript type (`TypeOf<typeof SHAPE>`). The sections of a scenario file — sweep, compare,
 * interventions, plans — are written as shapes, so their schema and their type cannot drift
 * apart, as the parameters' schema and types come from the parameter registry.
 */

/** A JSON Schema node (draft-07), as plain data. */
export type JsonSchema = { [key: string]: unknown };

/** A described value: its schema, and (at the type level only) the type of the values it accepts. */
export interface Shape<T> {
  readonly schema: JsonSchema;
  /** Never set: carries T for `TypeOf`. */
  readonly type?: T;
}

/** The type of the values a shape accepts. */
export type TypeOf<S> = S extends Shape<infer T> ? T : never;

/** What a reader is told about a value: `title` names what is expected in error messages. */
export interface Notes {
  readonly title?: string;
  readonly description?: string;
  readonly default?: unknown;
}

function shape<T>(schema: JsonSchema, notes: Notes = {}): Shape<T> {
  const { title, description, ...rest } = notes;
  return { schema: { ...schema, ...(title !== undefined ? { title } : {}), ...(description !== undefined ? { description } : {}), ...rest } };
}

/** A whole number, from `min` to `max` when given. */
export function integer(range: { minimum?: number; maximum?: number } = {}, notes?: Notes): Shape<number> {
  return shape({ type: 'integer', ...range }, notes);
}

/** A number, from `min` to `max` when given. */
export function number(range: { minimum?: number; maximum?: number } = {}, notes?: Notes): Shape<number> {
  return shape({ type: 'number', ...range }, notes);
}

/** The most characters of a name (a scenario's, a compared strategy's, a plan's, an intervention's) and of a description or question. */
export const TEXT_LENGTH = { name: 100, text: 2000 } as const;

/**
 * What text may hold: no control characters (which a terminal would act on when a name is printed:
 * clear the screen, move the cursor), and in `multiline` text (a description, a question) tabs and
 * line breaks besides. Described in words by src/scenario/translate.ts.
 */
export const TEXT_PATTERN = {
  line: '^[^\\u0000-\\u001f\\u007f-\\u009f]*$',
  multiline: '^[^\\u0000-\\u0008\\u000b\\u000c\\u000e-\\u001f\\u007f-\\u009f]*$',
} as const;

/**
 * Text on one line, or `multiline`; `minLength: 1` for text that may not be empty, `maxLength` for
 * text that may not be longer. Neither holds control characters (TEXT_PATTERN).
 */
export function text(notes: Notes & { minLength?: number; maxLength?: number; multiline?: boolean } = {}): Shape<string> {
  const { minLength, maxLength, multiline, ...rest } = notes;
  return shape(
    { type: 'string', ...(minLength !== undefined ? { minLength } : {}), ...(maxLength !== undefined ? { maxLength } : {}), pattern: multiline ? TEXT_PATTERN.multiline : TEXT_PATTERN.line },
    rest,
  );
}

/** One of some names. */
export function oneOf<T extends string>(values: readonly T[], notes?: Notes): Shape<T> {
  return shape({ type: 'string', enum: [...values] }, notes);
}

/** A list of values of one shape. */
export function list<T>(item: Shape<T>, notes: Notes & { minItems?: number } = {}): Shape<T[]> {
  const { minItems, ...rest } = notes;
  return shape({ type: 'array', ...(minItems !== undefined ? { minItems } : {}), items: item.schema }, rest);
}

/** A value of any of the shapes. */
export function anyOf<S extends readonly Shape<unknown>[]>(shapes: S, notes?: Notes): Shape<TypeOf<S[number]>> {
  return shape({ anyOf: shapes.map((s) => s.schema) }, notes);
}

/** The fields of a mapping, each described by a shape. */
export type Fields = Record<string, Shape<unknown>>;
type Flat<T> = { [K in keyof T]: T[K] };
/** The type of a mapping with these fields, those named in R required. */
export type ObjectOf<F extends Fields, R extends keyof F = never> = Flat<{ [K in R]: TypeOf<F[K]> } & { [K in Exclude<keyof F, R>]?: TypeOf<F[K]> }>;

/** A mapping with these fields and no others; those named in `required` must be there. */
export function object<F extends Fields, R extends keyof F & string = never>(
  fields: F,
  options: Notes & { required?: readonly R[]; minProperties?: number } = {},
): Shape<ObjectOf<F, R>> {
  const { required, minProperties, ...notes } = options;
  return shape(
    {
      type: 'object',
      ...(required?.length ? { required: [...required] } : {}),
      ...(minProperties !== undefined ? { minProperties } : {}),
      additionalProperties: false,
      properties: Object.fromEntries(Object.entries(fields).map(([key, field]) => [key, field.schema])),
    },
    notes,
  );
}

/**
 * A mapping whose names are known only when the program runs (the parameters a sweep may vary,
 * the strategy parameters an intervention may set): every field has the type T. `patterns` also
 * admits names matching a regular expression (each described by its schema's title).
 */
export function mapping<T>(
  fields: Record<string, JsonSchema>,
  options: Notes & { minProperties?: number; patterns?: Record<string, JsonSchema> } = {},
): Shape<Record<string, T>> {
  const { minProperties, patterns, ...notes } = options;
  return shape(
    {
      type: 'object',
      ...(minProperties !== undefined ? { minProperties } : {}),
      additionalProperties: false,
      properties: fields,
      ...(patterns ? { patternProperties: patterns } : {}),
    },
    notes,
  );
}

/** A shape kept among the schema's definitions, referred to by name. */
export function ref<T>(name: string, _shape?: Shape<T>): Shape<T> {
  return { schema: { $ref: `#/definitions/${name}` } };
}

/** A shape whose schema is written elsewhere (e.g. generated from the parameter registry), with its type. */
export function given<T>(schema: JsonSchema): Shape<T> {
  return { schema };
}

/** true or false. */
export function boolean(notes?: Notes): Shape<boolean> {
  return shape({ type: 'boolean' }, notes);
}
