import type { ErrorObject } from 'ajv';
import { closest, show, showUnknown, type Problem } from './errors.js';
import { joinPath, pointerToPath } from './paths.js';
import { TEXT_PATTERN, type JsonSchema } from '../schema/shape.js';

/**
 * Turns ajv's errors into one plain message per field: which field, what it should be (read off
 * the schema node that failed, found in `schema` at the error's schemaPath), and what was written
 * there (found in `document` at its instancePath).
 */
export function translateErrors(errors: readonly ErrorObject[], file: string, schema: JsonSchema, document: unknown): Problem[] {
  const kept = withoutMisspeltRequired(pruneAlternatives(errors.map((e) => withContext(e, schema, document))));
  const problems = new Map<string, Problem>();
  for (const e of kept) {
    const problem = { file, ...explain(e) };
    if (!problems.has(problem.path)) problems.set(problem.path, problem);
  }
  return [...problems.values()];
}

/**
 * A required field written with a slip (`acton: evening`) is one mistake: the unknown field's message
 * names it ("did you mean action?"), so the required field's "found nothing" beside it is dropped.
 */
function withoutMisspeltRequired(errors: readonly ErrorObject[]): ErrorObject[] {
  const misspelt = new Set(
    errors
      .filter((e) => e.keyword === 'additionalProperties')
      .flatMap((e) => {
        const hint = closest((e.params as { additionalProperty: string }).additionalProperty, Object.keys(((e.parentSchema as JsonSchema).properties ?? {}) as object));
        return hint === undefined ? [] : [`${e.instancePath}/${hint}`];
      }),
  );
  return errors.filter((e) => e.keyword !== 'required' || !misspelt.has(`${e.instancePath}/${(e.params as { missingProperty: string }).missingProperty}`));
}

/**
 * An error with what ajv's `verbose: true` would have put in it — the failing schema node, the node
 * holding it and the value checked — looked up instead, so that the compiled check (which the
 * studio page carries) need not hold a copy of them at every check (about 500 kB less code).
 * A check inside a referenced definition (a parameter group, a compared strategy, an intervention)
 * reports its schemaPath from that definition's root: the definition is the one holding the path,
 * and where several do with different nodes, the one named by the instance path ("strategy" in
 * /compare/0/strategy/steering, "intervention" in /plans/0/interventions/1/at).
 */
function withContext(e: ErrorObject, schema: JsonSchema, document: unknown): ErrorObject {
  if (e.parentSchema !== undefined) return e; // a validator compiled with `verbose: true` brought them itself
  // schemaPath: "#/properties/steering/maximum", a URI-encoded JSON pointer
  const steps = e.schemaPath.replace(/^#/, '').split('/').slice(1).map((s) => decodeURIComponent(s).replace(/~1/g, '/').replace(/~0/g, '~'));
  const instance = e.instancePath.split('/').slice(1).map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
  const definitions = Object.entries((schema.definitions ?? {}) as Record<string, JsonSchema>);
  const bases = [['', schema] as [string, JsonSchema], ...definitions].filter(([, base]) => walk(base, steps) !== undefined);
  const distinct = new Set(bases.map(([, base]) => JSON.stringify(walk(base, steps.slice(0, -1)))));
  const named = (name: string) => instance.some((seg) => seg === name || (/^[a-z]/i.test(seg) && (seg.startsWith(name) || name.startsWith(seg))));
  const base = (distinct.size <= 1 ? bases[0] : bases.filter(([name]) => name && named(name)).pop() ?? bases[0])?.[1] ?? schema;
  return { ...e, parentSchema: walk(base, steps.slice(0, -1)) as JsonSchema, schema: walk(base, steps), data: walk(document, instance) };
}

function walk(node: unknown, steps: readonly string[]): unknown {
  let at = node;
  for (const step of steps) at = at !== null && typeof at === 'object' ? (at as Record<string, unknown>)[step] : undefined;
  return at;
}

function explain(e: ErrorObject): Omit<Problem, 'file'> {
  const at = pointerToPath(e.instancePath);
  const node = (e.parentSchema ?? {}) as JsonSchema;
  switch (e.keyword) {
    case 'additionalProperties': {
      const key = (e.params as { additionalProperty: string }).additionalProperty;
      const known = Object.keys((node.properties ?? {}) as object);
      const patterns = Object.values((node.patternProperties ?? {}) as Record<string, JsonSchema>).map(describe);
      const expected = (known.length <= 30 ? `one of ${known.join(', ')}` : `a known name, e.g. ${known[0]}`) + patterns.map((p) => `, or ${p}`).join('');
      return { path: joinPath(at, key), expected, found: showUnknown(key, known) };
    }
    case 'required': {
      const key = (e.params as { missingProperty: string }).missingProperty;
      const child = ((node.properties ?? {}) as Record<string, JsonSchema>)[key] ?? {};
      return { path: joinPath(at, key), expected: describe(child), found: 'nothing' };
    }
    case 'enum': {
      const known = (node.enum ?? []) as unknown[];
      const found = typeof e.data === 'string' && known.every((k) => typeof k === 'string') ? showUnknown(e.data, known as string[]) : show(e.data);
      return { path: at, expected: describe(node), found };
    }
    default:
      return { path: at, expected: describe(node), found: Array.isArray(e.data) && e.data.length === 0 ? 'an empty list' : show(e.data) };
  }
}

/** What a schema node accepts, in words. */
export function describe(node: JsonSchema): string {
  if (typeof node.title === 'string') return node.title;
  if (Array.isArray(node.enum)) return `one of ${node.enum.join(', ')}`;
  if (Array.isArray(node.anyOf)) return (node.anyOf as JsonSchema[]).map(describe).join(', or ');
  switch (node.type) {
    case 'integer':
      return `a whole number${range(node)}`;
    case 'number':
      return `a number${range(node)}`;
    case 'boolean':
      return 'true or false';
    case 'string': {
      const kind = node.pattern === TEXT_PATTERN.line ? ' on one line' : '';
      const text = `${node.minLength ? 'some text' : 'text'}${kind}`;
      const length = typeof node.maxLength === 'number' ? ` of at most ${node.maxLength} characters` : '';
      const control = node.pattern === TEXT_PATTERN.line ? ', without control characters' : node.pattern === TEXT_PATTERN.multiline ? ', without control characters other than tabs and line breaks' : '';
      return `${text}${length}${control}`;
    }
    case 'null':
      return 'nothing (null)';
    case 'array':
      return node.items && !Array.isArray(node.items) ? `a list, each ${describe(node.items as JsonSchema)}` : 'a list';
    case 'object':
      return node.properties ? `a mapping with fields ${Object.keys(node.properties).join(', ')}` : 'a mapping';
    default:
      return 'a valid value';
  }
}

function range(node: JsonSchema): string {
  const { minimum: min, maximum: max } = node as { minimum?: number; maximum?: number };
  if (min !== undefined && max !== undefined) return ` from ${min} to ${max}`;
  if (min !== undefined) return ` of at least ${min}`;
  if (max !== undefined) return ` of at most ${max}`;
  return '';
}

/**
 * A value may take one of several forms (a series is a number, {points} or {steps}). When exactly
 * one form fits the value's shape, only that form's errors are kept, so the reader hears about the
 * field inside it that is wrong; when none fits, or several do, one message lists the forms.
 */
function pruneAlternatives(errors: readonly ErrorObject[]): ErrorObject[] {
  let out = [...errors];
  const alternatives = out.filter((e) => e.keyword === 'anyOf').sort((a, b) => b.schemaPath.length - a.schemaPath.length);
  for (const alt of alternatives) {
    if (!out.includes(alt)) continue;
    const prefix = `${alt.schemaPath}/`;
    const branches = (alt.schema as JsonSchema[]).map((_, i) => {
      const own = out.filter((e) => e.schemaPath.startsWith(`${prefix}${i}/`));
      const shapeFits = !own.some((e) => e.instancePath === alt.instancePath && (e.keyword === 'type' || e.keyword === 'required'));
      return { own, shapeFits };
    });
    const fitting = branches.filter((b) => b.shapeFits);
    const inside = new Set(branches.flatMap((b) => b.own));
    out = out.filter((e) => !inside.has(e));
    if (fitting.length === 1 && fitting[0].own.length > 0) {
      const index = out.indexOf(alt);
      out.splice(index, 1, ...fitting[0].own);
    }
  }
  return out;
}
