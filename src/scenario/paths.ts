import { PARAMETERS, RUN_SETTINGS, type Parameters } from '../model/parameters.js';
import { isSpec, walkSpecs, type ParamGroup, type ParamSpec } from '../model/spec.js';

/** Every model parameter by dotted path (`strategy.steering` → its spec), in declaration order. */
export const PARAMETER_SPECS: ReadonlyMap<string, ParamSpec> = new Map(walkSpecs(PARAMETERS));

/** The parameters a sweep can vary: numbers, switches, choices and constant levels of series (not lists, not signposts). */
export const SWEEPABLE: ReadonlyMap<string, ParamSpec> = new Map(
  [...PARAMETER_SPECS].filter(([, spec]) => spec.kind !== 'list' && spec.kind !== 'signposts'),
);

/** The top-level names of the parameter groups (`population`, `network`, …). */
export const GROUP_NAMES: readonly string[] = Object.keys(PARAMETERS);

/** The run settings' names (`seed`, `replications`, …). */
export const RUN_SETTING_NAMES: readonly string[] = Object.keys(RUN_SETTINGS);

/** JSON pointer (`/compare/0/strategy`) → the path a reader writes (`compare[0].strategy`). */
export function pointerToPath(pointer: string): string {
  if (!pointer) return '';
  let out = '';
  for (const raw of pointer.split('/').slice(1)) {
    const seg = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    out += /^\d+$/.test(seg) ? `[${seg}]` : out ? `.${seg}` : seg;
  }
  return out;
}

/** Joins a path and a key the way a reader writes them. */
export function joinPath(path: string, key: string | number): string {
  if (typeof key === 'number') return `${path}[${key}]`;
  return path ? `${path}.${key}` : key;
}

/** The value at a dotted path inside a parameter set. */
export function getParam(params: Parameters, path: string): unknown {
  let node: unknown = params;
  for (const key of path.split('.')) node = (node as Record<string, unknown>)[key];
  return node;
}

/** Sets the value at a dotted path inside a parameter set (the path must exist). */
export function setParam(params: Parameters, path: string, value: unknown): void {
  const keys = path.split('.');
  let node = params as unknown as Record<string, unknown>;
  for (const key of keys.slice(0, -1)) node = node[key] as Record<string, unknown>;
  node[keys[keys.length - 1]] = value;
}

export function isRecord(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}

/** A deep copy of plain data (parameter values hold only numbers, strings, booleans, arrays and records). */
export function clone<T>(value: T): T {
  return structuredClone(value);
}

/**
 * Lays a partial parameter set over a full one, group by group. A parameter's value replaces the
 * old one whole (a series given as `{points}` is not mixed with an earlier `{steps}`).
 */
export function mergeParams<T>(base: T, partial: unknown, group: ParamGroup = PARAMETERS): T {
  const out = clone(base) as Record<string, unknown>;
  if (!isRecord(partial)) return out as T;
  for (const [key, node] of Object.entries(group)) {
    if (!(key in partial) || partial[key] === undefined) continue;
    out[key] = isSpec(node) ? clone(partial[key]) : mergeParams(out[key], partial[key], node);
  }
  return out as T;
}

/** The model parameters of a scenario-shaped object (its groups only). */
export function parametersOf(scenario: Parameters): Parameters {
  const out: Record<string, unknown> = {};
  for (const key of GROUP_NAMES) out[key] = clone((scenario as unknown as Record<string, unknown>)[key]);
  return out as unknown as Parameters;
}
