/** One thing wrong with a scenario: where, what was expected, what was there. */
export interface Problem {
  /** The scenario file, or `--set` for a command-line override. */
  file: string;
  /** Dotted field path (`strategy.steering`, `compare[1].preset`), or a line and column; empty for the whole file. */
  path: string;
  expected: string;
  found: string;
}

/** Reports one problem at a path of the scenario. */
export type Report = (path: string, expected: string, found: string) => void;

/** A scenario that cannot be run; its message has one line per problem. */
export class ScenarioError extends Error {
  readonly problems: Problem[];
  constructor(problems: Problem[]) {
    super(problems.map(formatProblem).join('\n'));
    this.name = 'ScenarioError';
    this.problems = problems;
  }
}

/** `scenarios/x.yaml: strategy.steering: expected a number from 0 to 1, found 1.5` */
export function formatProblem(p: Problem): string {
  return `${p.file}: ${p.path ? `${p.path}: ` : ''}expected ${p.expected}, found ${p.found}`;
}

/** A value as a reader wrote it: strings quoted, lists and mappings compact, long ones cut. */
export function show(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (typeof value === 'string') return value.length > 60 ? `${JSON.stringify(value.slice(0, 50))}… (${value.length} characters)` : JSON.stringify(value);
  if (typeof value === 'number' || typeof value === 'boolean' || value === null) return String(value);
  const text = JSON.stringify(value)?.replace(/"([A-Za-z_][\w.-]*)":/g, '$1: ').replace(/,/g, ', ') ?? String(value);
  return text.length > 60 ? `${text.slice(0, 57)}…` : text;
}

/**
 * The known name closest to a misspelt one, when it is close enough to be a likely slip — or, failing
 * that, the known name the word is built around (`neighbourhood-evening` → `evening`).
 */
export function closest(word: string, known: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of known) {
    const d = editDistance(word.toLowerCase(), candidate.toLowerCase());
    if (d < bestDistance) {
      best = candidate;
      bestDistance = d;
    }
  }
  if (bestDistance <= Math.max(2, Math.floor(word.length / 3))) return best;
  const parts = word.toLowerCase().split(/[^a-z0-9]+/);
  return known.find((k) => k.length > 2 && !/[^a-z0-9]/i.test(k) && parts.includes(k.toLowerCase()));
}

function editDistance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) {
      row[j] = Math.min(prev[j] + 1, row[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    prev = row;
  }
  return prev[b.length];
}

/** `"steerin"`, with a hint when it looks like a slip for a known name. */
export function showUnknown(word: string, known: readonly string[]): string {
  const hint = closest(word, known);
  return hint ? `"${word}" (did you mean ${hint}?)` : `"${word}"`;
}
