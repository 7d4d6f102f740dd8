import { availableParallelism } from 'node:os';
import { PATTERNS } from '../patterns/definitions.js';
import { runPatterns } from '../patterns/run.js';

export interface PatternsCommandOptions {
  quick?: boolean;
  out?: string;
  workers?: number;
  /** false with --no-sensitivity. */
  sensitivity?: boolean;
  only?: string[];
}

/**
 * `draagvlak patterns`: measures the patterns of docs/ODD.md §1 on the default model and writes
 * patterns.csv, patterns-sensitivity.csv and one chart per pattern. Exit 0 when done (whether or
 * not every pattern holds: the table says), 2 on an unknown pattern.
 */
export async function patternsCommand(options: PatternsCommandOptions): Promise<number> {
  const known = new Set(PATTERNS.map((p) => p.id));
  const unknown = (options.only ?? []).filter((id) => !known.has(id));
  if (unknown.length > 0) {
    process.stderr.write(`--only: no pattern ${unknown.map((u) => JSON.stringify(u)).join(', ')}; the patterns are ${[...known].join(', ')}\n`);
    return 2;
  }
  const started = Date.now();
  const out = options.out ?? 'results/patterns';
  const { results } = await runPatterns({
    quick: options.quick,
    out,
    workers: options.workers ?? availableParallelism(),
    sensitivity: options.sensitivity,
    only: options.only,
    log: (line) => process.stderr.write(`${line}\n`),
  });
  const held = results.filter((r) => r.holds).length;
  process.stdout.write(`${held} of ${results.length} patterns hold; ${out}/patterns.csv (${((Date.now() - started) / 1000).toFixed(0)} s)\n`);
  return 0;
}
