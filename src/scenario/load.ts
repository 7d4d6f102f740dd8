import { readFileSync, statSync, type Stats } from 'node:fs';
import { basename, extname } from 'node:path';
import { parseDocument } from 'yaml';
import { defaultParameters, defaultRunSettings, RUN_SETTINGS } from '../model/parameters.js';
import { checkParameters, checkScenario } from './checks.js';
import { designSize, planRuns } from './design.js';
import { ScenarioError, show, type Problem } from './errors.js';
import { FORBIDDEN_KEYS, LIMITS } from './limits.js';
import { findReference } from './reference.js';
import { GROUP_NAMES, clone, isRecord, joinPath, mergeParams } from './paths.js';
import { CONTEXTS, type ContextName } from './contexts.js';
import { PRESETS } from './presets.js';
import { applyOverrides } from './overrides.js';
import { SECTIONS } from './sections.js';
import type { Scenario } from './types.js';
import { schemaProblems } from './validate.js';

export interface LoadOptions {
  /** `--set path=value` overrides, applied in order. */
  set?: readonly string[];
  /** Replaces the scenario's seed (`--seed`). */
  seed?: number;
  /** Replaces the scenario's replications (`--replications`). */
  replications?: number;
}

/**
 * Reads, checks and completes a scenario file (YAML, or JSON): every field the file leaves out takes
 * its default. Throws a ScenarioError listing every problem when the file cannot be run.
 */
export function loadScenario(file: string, options: LoadOptions = {}): Scenario {
  const unreadable = (found: string, expected = 'a readable scenario file') => new ScenarioError([{ file, path: '', expected, found }]);
  let text: string;
  try {
    // Looked at before it is opened: opening a FIFO would block, and /dev/zero never ends.
    const stat = statSync(file);
    if (!stat.isFile()) throw unreadable(kindOf(stat), 'a scenario file (a regular file)');
    checkFileSize(stat.size, file);
    text = scenarioText(readFileSync(file), file);
  } catch (err) {
    if (err instanceof ScenarioError) throw err;
    const code = (err as NodeJS.ErrnoException).code;
    throw unreadable(code === 'ENOENT' ? 'no such file' : code === 'EACCES' ? 'a file it may not read' : String((err as Error).message));
  }
  return parseScenario(text, file, options);
}

/** Refuses a scenario file of more than LIMITS.fileBytes before it is read (the CLI from its size on disk, the studio's Import from the File's). */
export function checkFileSize(bytes: number, file: string): void {
  if (bytes > LIMITS.fileBytes) throw new ScenarioError([{ file, path: '', expected: `a scenario file of at most ${LIMITS.fileBytes} bytes`, found: `${bytes} bytes` }]);
}

/**
 * The text of a scenario file's bytes, which must be UTF-8 (as YAML and JSON are): a byte that is
 * not, from a file saved in Latin-1 or Windows-1252 or from binary data, is refused with its line
 * and column rather than read as U+FFFD, which would change a name or a value without a word.
 */
export function scenarioText(bytes: Uint8Array, file: string): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    // the first byte the decoder refuses, fed one at a time (only for a file already known to be bad) …
    const decoder = new TextDecoder('utf-8', { fatal: true });
    let at = 0;
    try {
      for (; at < bytes.length; at++) decoder.decode(bytes.subarray(at, at + 1), { stream: true });
      decoder.decode();
    } catch {
      // refused at `at`
    }
    // … and the sequence it breaks: it starts after the longest whole UTF-8 text before it (a sequence is at most 4 bytes)
    const whole = (end: number) => {
      try {
        new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(0, end));
        return true;
      } catch {
        return false;
      }
    };
    let start = at;
    while (start > Math.max(0, at - 3) && !whole(start)) start--;
    const before = new TextDecoder().decode(bytes.subarray(0, start));
    const line = before.split('\n').length;
    const column = [...before.slice(before.lastIndexOf('\n') + 1)].length + 1;
    // the refused byte is shown when it is the whole problem or a continuation byte out of place; a byte that
    // merely cut the sequence short (a space after Latin-1 é) begins what comes next
    const end = start === at || (bytes[at] & 0xc0) === 0x80 ? at + 1 : at;
    const shown = Array.from(bytes.subarray(start, end), (b) => b.toString(16).padStart(2, '0'));
    const found = `${shown.length === 1 ? 'the byte' : 'the bytes'} ${shown.join(' ')}, which ${shown.length === 1 ? 'is' : 'are'} not UTF-8`;
    throw new ScenarioError([{ file, path: `line ${line}, column ${column}`, expected: 'UTF-8 text (save the file as UTF-8)', found }]);
  }
}

/** What a path that is not a regular file is, in words. */
function kindOf(stat: Stats): string {
  if (stat.isDirectory()) return 'a directory';
  if (stat.isFIFO()) return 'a FIFO (named pipe)';
  if (stat.isCharacterDevice()) return 'a character device';
  if (stat.isBlockDevice()) return 'a block device';
  if (stat.isSocket()) return 'a socket';
  return 'not a regular file';
}

/** Like loadScenario, from the text of a file (`file` names it in messages and gives the default name). */
export function parseScenario(text: string, file: string, options: LoadOptions = {}): Scenario {
  if (text.length > LIMITS.fileBytes) {
    throw new ScenarioError([{ file, path: '', expected: `a scenario of at most ${LIMITS.fileBytes} characters`, found: `${text.length} characters` }]);
  }
  const doc = parseDocument(text);
  if (doc.errors.length > 0) {
    // The first syntax error is the one to fix; those after it are usually its echoes.
    const [e] = doc.errors;
    const at = e.linePos?.[0];
    throw new ScenarioError([
      {
        file,
        path: at ? `line ${at.line}, column ${at.col}` : '',
        expected: extname(file) === '.json' ? 'valid JSON or YAML' : 'valid YAML',
        found: `a syntax error (${e.message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '')})`,
      },
    ]);
  }
  let document: unknown;
  try {
    document = doc.toJS({ maxAliasCount: LIMITS.aliases });
  } catch (err) {
    // yaml stops an alias bomb ("billion laughs") with a ReferenceError once the limit is passed.
    const bomb = err instanceof ReferenceError && /alias/i.test(err.message);
    throw new ScenarioError([
      {
        file,
        path: '',
        expected: bomb ? `at most ${LIMITS.aliases} YAML alias expansions (*name)` : 'a YAML document that can be read as data',
        found: bomb ? 'more (the aliases expand without end, or nearly)' : `an error (${String((err as Error).message).split('\n')[0]})`,
      },
    ]);
  }
  return resolveScenario(document, file, options);
}

/**
 * Checks a scenario document (already parsed) and completes it with the defaults: overrides, then
 * the schema, then merging onto the defaults (and the preset), then the checks the schema cannot
 * express — on the scenario and on every point of its design.
 */
export function resolveScenario(document: unknown, file: string, options: LoadOptions = {}): Scenario {
  const raw: unknown = document ?? {};
  if (!isRecord(raw)) {
    throw new ScenarioError([{ file, path: '', expected: 'a mapping of scenario fields (name: …, strategy: …)', found: show(raw) }]);
  }
  const doc = clone(raw);
  const overrides = applyOverrides(doc, options.set ?? []);
  const blame = blamer(file, overrides.paths, options);
  if (overrides.problems.length) throw new ScenarioError(overrides.problems);
  fail(forbiddenKeys(doc, file).map(blame));
  const schema = schemaProblems(doc, file);
  // Schema and semantic problems are told in one round, in the order of the file.
  if (schema.length) fail(inDocumentOrder([...schema, ...semanticBeside(doc, file, schema)], doc).map(blame));

  const scenario = complete(doc, file);
  if (options.seed !== undefined) scenario.seed = options.seed;
  if (options.replications !== undefined) scenario.replications = options.replications;
  fail(schemaProblems(scenario, file).map(blame));

  const problems: Problem[] = [];
  checkScenario(scenario, (path, expected, found) => problems.push(blame({ file, path, expected, found })));
  fail(problems);

  // The design's size is counted before it is built.
  const points = designSize(scenario);
  if (points > LIMITS.points) {
    fail([blame({ file, path: scenario.sweep ? 'sweep' : scenario.compare ? 'compare' : 'plans', expected: `a design of at most ${LIMITS.points} points`, found: `${points} points` })]);
  }
  if (points * scenario.replications > LIMITS.runs) {
    fail([blame({ file, path: 'replications', expected: `at most ${LIMITS.runs} runs in all (points × replications)`, found: `${points} points × ${scenario.replications} = ${points * scenario.replications} runs` })]);
  }

  // Each point of the design must be runnable too (a sweep may push initiators above households).
  if (scenario.sweep || scenario.compare) {
    const seen = new Set<string>();
    const design = planRuns(scenario).points;
    for (const point of design) {
      checkParameters(point.params, scenario.horizon, (path, expected, found) => {
        if (seen.has(path)) return;
        seen.add(path);
        problems.push({ file, path: `${path} (at point "${point.label}")`, expected, found });
      });
    }
    if (scenario.sweep?.reference !== undefined) {
      const found = findReference(scenario.sweep.reference, design);
      if (!('point' in found)) problems.push(blame({ file, path: 'sweep.reference', ...found }));
    }
    fail(problems);
  }
  return scenario;
}

/**
 * The semantic problems (checkScenario) of a document the schema refused, so that both kinds come
 * in one round: the fields the schema refused are left out (their defaults stand in) and the rest is
 * checked, when it then fits the schema; problems at or inside a refused field are not repeated.
 * None when the document cannot be mended so (a required field missing, a list item malformed).
 */
function semanticBeside(doc: Record<string, unknown>, file: string, schema: readonly Problem[]): Problem[] {
  const mended = clone(doc);
  for (const p of schema) removeField(mended, p.path);
  let scenario: Scenario;
  try {
    scenario = complete(mended, file);
    if (schemaProblems(scenario, file).length) return [];
  } catch {
    return [];
  }
  const problems: Problem[] = [];
  checkScenario(scenario, (path, expected, found) => problems.push({ file, path, expected, found }));
  const overlaps = (a: string, b: string) => a === b || a.startsWith(`${b}.`) || a.startsWith(`${b}[`);
  return problems.filter((p) => !schema.some((s) => overlaps(p.path, s.path) || overlaps(s.path, p.path)));
}

/** Deletes the field at a reader's path (`strategy.steering`, `plans[0].interventions`) from a record; a list item stays. */
function removeField(doc: Record<string, unknown>, path: string): void {
  const keys = path.match(/[^.[\]]+|\[\d+\]/g) ?? [];
  let node: unknown = doc;
  for (const key of keys.slice(0, -1)) {
    node = /^\[\d+\]$/.test(key) ? (Array.isArray(node) ? node[Number(key.slice(1, -1))] : undefined) : isRecord(node) ? node[key] : undefined;
  }
  const last = keys[keys.length - 1];
  if (last !== undefined && isRecord(node) && !/^\[\d+\]$/.test(last)) delete node[last];
}

/** The scenario with every field: the defaults, then the context, then the preset, then the document. */
function complete(doc: Record<string, unknown>, file: string): Scenario {
  const preset = doc.preset as keyof typeof PRESETS | undefined;
  const context = doc.context as ContextName | undefined;
  const inContext = context ? mergeParams(defaultParameters(), CONTEXTS[context].overrides) : defaultParameters();
  const start = preset ? mergeParams(inContext, PRESETS[preset].overrides) : inContext;
  const params = mergeParams(start, doc);
  const settings = defaultRunSettings() as unknown as Record<string, unknown>;
  for (const key of Object.keys(RUN_SETTINGS)) if (doc[key] !== undefined) settings[key] = doc[key];

  const scenario: Record<string, unknown> = {
    name: typeof doc.name === 'string' ? doc.name : basename(file, extname(file)),
    description: typeof doc.description === 'string' ? doc.description : '',
    question: typeof doc.question === 'string' ? doc.question : '',
    ...(preset ? { preset } : {}),
    ...(context ? { context } : {}),
    ...settings,
  };
  for (const key of GROUP_NAMES) scenario[key] = (params as unknown as Record<string, unknown>)[key];
  for (const section of SECTIONS) if (doc[section.key] !== undefined) scenario[section.key] = clone(doc[section.key]);
  const sweep = scenario.sweep as Record<string, unknown> | undefined;
  if (sweep && sweep.design === undefined) scenario.sweep = { design: 'grid', ...sweep };
  return scenario as unknown as Scenario;
}

/**
 * Problems found once the scenario is loaded (when an explore plan is made) told as loadScenario
 * tells its own: against --set, --seed or --replications when the field came from one of them.
 */
export function blameOptions(file: string, options: LoadOptions): (p: Problem) => Problem {
  return blamer(file, (options.set ?? []).map((text) => text.slice(0, Math.max(0, text.indexOf('='))).trim()), options);
}

/** Problems in a field given on the command line are reported against the flag, not the file. */
function blamer(file: string, setPaths: string[], options: LoadOptions): (p: Problem) => Problem {
  return (p) => {
    if (p.file !== file) return p;
    const covers = (q: string) => p.path === q || p.path.startsWith(`${q}.`) || p.path.startsWith(`${q}[`);
    if (setPaths.some(covers)) return { ...p, file: '--set' };
    // the option is the field: `--seed: expected …`, not `--seed: seed: expected …`
    if (options.seed !== undefined && p.path === 'seed') return { ...p, file: '--seed', path: '' };
    if (options.replications !== undefined && p.path === 'replications') return { ...p, file: '--replications', path: '' };
    return p;
  };
}

/** Problems in the order their fields appear in the file, so a reader can work down it. */
function inDocumentOrder(problems: Problem[], doc: Record<string, unknown>): Problem[] {
  const order = new Map<string, number>();
  const visit = (node: unknown, path: string) => {
    order.set(path, order.size);
    if (Array.isArray(node)) node.forEach((child, i) => visit(child, joinPath(path, i)));
    else if (isRecord(node)) for (const [key, child] of Object.entries(node)) visit(child, joinPath(path, key));
  };
  visit(doc, '');
  const rank = (path: string): number => {
    let p = path;
    while (!order.has(p) && p) {
      const shorter = p.replace(/(\.[^.[]*|\[\d+\])$/, '');
      p = shorter === p ? '' : shorter;
    }
    return order.get(p) ?? 0;
  };
  return problems.map((p) => ({ p, r: rank(p.path) })).sort((a, b) => a.r - b.r).map(({ p }) => p);
}

/**
 * Field names that would reach a prototype (`__proto__`, `constructor`, `prototype`), anywhere in
 * the document: refused before any object is built from it, so no key of a scenario can change
 * what every object inherits.
 */
function forbiddenKeys(document: unknown, file: string): Problem[] {
  const problems: Problem[] = [];
  const visit = (node: unknown, path: string) => {
    if (Array.isArray(node)) node.forEach((child, i) => visit(child, joinPath(path, i)));
    else if (isRecord(node)) {
      for (const key of Object.keys(node)) {
        if (FORBIDDEN_KEYS.includes(key)) problems.push({ file, path: joinPath(path, key), expected: `a field name other than ${FORBIDDEN_KEYS.join(', ')}`, found: JSON.stringify(key) });
        else visit(node[key], joinPath(path, key));
      }
    }
  };
  visit(document, '');
  return problems;
}

function fail(problems: Problem[]): void {
  if (problems.length) throw new ScenarioError(problems);
}
