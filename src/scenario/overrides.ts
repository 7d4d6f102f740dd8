import { parse as parseYaml } from 'yaml';
import { PARAMETERS } from '../model/parameters.js';
import { isSpec, type ParamGroup } from '../model/spec.js';
import { showUnknown, type Problem } from './errors.js';
import { FORBIDDEN_KEYS } from './limits.js';
import { GROUP_NAMES, RUN_SETTING_NAMES, isRecord } from './paths.js';
import { EXPLORE } from './explore.js';
import { SECTIONS } from './sections.js';
import { SWEEP } from './shapes.js';

/** Fields that hold text: their --set value is taken as written. */
const TEXT_FIELDS = ['name', 'description', 'question'];
const TOP_LEVEL = [...TEXT_FIELDS, 'preset', 'context', ...RUN_SETTING_NAMES, ...GROUP_NAMES, ...SECTIONS.map((s) => s.key)];

/** Sections whose fields --set reaches one by one; in the fields named `byPath` the rest of the path is one key, a parameter path. */
const FIELD_BY_FIELD: Record<string, { shape: { schema: { properties?: Record<string, unknown> } }; byPath: string[] }> = {
  sweep: { shape: SWEEP, byPath: ['parameters'] },
  explore: { shape: EXPLORE, byPath: ['levers', 'uncertainties'] },
};

/**
 * Applies `--set path=value` overrides to a scenario document, in order, before it is checked.
 * Values are read as YAML (`0.7`, `ring`, `{points: [[0, 0.8], [156, 0.4]]}`); a path must name a
 * field that exists. Returns the problems and the paths that were set (for blaming the right source).
 */
export function applyOverrides(document: Record<string, unknown>, overrides: readonly string[]): { problems: Problem[]; paths: string[] } {
  const problems: Problem[] = [];
  const paths: string[] = [];
  const problem = (path: string, expected: string, found: string) => problems.push({ file: '--set', path, expected, found });
  for (const text of overrides) {
    const eq = text.indexOf('=');
    if (eq <= 0) {
      problem('', 'path=value, e.g. strategy.steering=0.7', JSON.stringify(text));
      continue;
    }
    const path = text.slice(0, eq).trim();
    const raw = text.slice(eq + 1);
    const keys = resolve(path, problem);
    if (!keys) continue;
    let value: unknown;
    if (TEXT_FIELDS.includes(keys[0])) value = raw;
    else {
      try {
        value = parseYaml(raw);
      } catch (err) {
        problem(path, 'a value written as in YAML (0.7, ring, [0, 1], {points: [[0, 0.8], [156, 0.4]]})', `${JSON.stringify(raw)} (${firstLine(err)})`);
        continue;
      }
    }
    let node = document;
    for (const key of keys.slice(0, -1)) {
      if (!Object.hasOwn(node, key) || !isRecord(node[key])) node[key] = {};
      node = node[key] as Record<string, unknown>;
    }
    node[keys[keys.length - 1]] = value;
    paths.push(path);
  }
  return { problems, paths };
}

/** The keys of an override path inside the document, or undefined (with a problem) when there is no such field. */
function resolve(path: string, problem: (path: string, expected: string, found: string) => void): string[] | undefined {
  const parts = path.split('.');
  // A segment that would reach a prototype is refused before anything is looked up or set.
  const forbidden = parts.find((p) => FORBIDDEN_KEYS.includes(p));
  if (forbidden !== undefined) {
    problem(path, `a path without ${FORBIDDEN_KEYS.join(', ')}`, JSON.stringify(forbidden));
    return undefined;
  }
  const [head, ...rest] = parts;
  if (!TOP_LEVEL.includes(head)) {
    problem(path, `a path starting with one of ${TOP_LEVEL.join(', ')}`, showUnknown(head, TOP_LEVEL));
    return undefined;
  }
  if (GROUP_NAMES.includes(head)) {
    let node: ParamGroup = (PARAMETERS as unknown as ParamGroup)[head] as ParamGroup;
    for (let i = 0; i < rest.length; i++) {
      const child = Object.hasOwn(node, rest[i]) ? node[rest[i]] : undefined;
      if (child === undefined) {
        const known = Object.keys(node);
        problem(parts.slice(0, i + 2).join('.'), `one of ${known.join(', ')}`, showUnknown(rest[i], known));
        return undefined;
      }
      if (isSpec(child)) {
        if (i < rest.length - 1) {
          problem(path, `a path that ends at ${parts.slice(0, i + 2).join('.')} (set its whole value)`, JSON.stringify(path));
          return undefined;
        }
        return parts;
      }
      node = child;
    }
    return parts;
  }
  const section = FIELD_BY_FIELD[head];
  if (section && rest.length > 0) {
    const known = Object.keys(section.shape.schema.properties ?? {});
    if (!known.includes(rest[0])) {
      problem(path, `one of ${known.join(', ')}`, showUnknown(rest[0], known));
      return undefined;
    }
    // Parameter paths are dotted themselves: sweep.parameters.strategy.steering=[0, 1], explore.levers.strategy.serving={from: 0, to: 1}.
    if (section.byPath.includes(rest[0]) && rest.length > 1) return [head, rest[0], rest.slice(1).join('.')];
    if (rest.length > 1) {
      problem(path, `${head}.${rest[0]} as a whole (${head}.${rest[0]}=value)`, JSON.stringify(path));
      return undefined;
    }
    return parts;
  }
  if (rest.length > 0) {
    problem(path, `${head} as a whole (${head}=value)`, JSON.stringify(path));
    return undefined;
  }
  return parts;
}

function firstLine(err: unknown): string {
  return String(err instanceof Error ? err.message : err)
    .split('\n')[0]
    .replace(/ at line \d+, column \d+:?$/, '');
}
