import { INITIATIVE_METRICS, INITIATIVE_WEEK_METRICS, RUN_METRICS, WEEK_METRICS, type RunMetric } from '../src/model/metrics.js';
import { IDENTITY, TABLES } from '../src/analysis/codebook.js';
import { cell, withSection } from './docTables.js';

const REDUCE: Record<RunMetric['reduce'], (from: string) => string> = {
  count: (from) => `number of initiatives (rows of \`${from}\`)`,
  countPositive: (from) => `initiatives with a \`${from}\``,
  minPositive: (from) => `least \`${from}\` of the run's initiatives`,
  mean: (from) => `mean \`${from}\` over the run's initiatives that have one`,
  sum: (from) => `sum of \`${from}\` over the run's initiatives`,
  last: (from) => `\`${from}\` at the last recorded week (the horizon)`,
};

/**
 * The metric tables of docs/results.md, generated from the metric registry (src/model/metrics.ts)
 * so that the documentation cannot drift from the code: one table per level.
 */
export function metricTables(): string {
  const yes = (b: boolean) => (b ? 'yes' : '');
  return [
    '### runs.csv: one value per run',
    '',
    '| column | unit | meaning | reduced from |',
    '|---|---|---|---|',
    ...RUN_METRICS.map((m) => `| \`${m.column}\` | ${cell(m.unit)} | ${cell(m.meaning)} | ${cell(REDUCE[m.reduce](m.from))} |`),
    '',
    '### initiatives.csv: one value per initiative, at the horizon',
    '',
    '| column | unit | meaning |',
    '|---|---|---|',
    '| `initiative` | index | 0-based index of the initiative in its run |',
    ...INITIATIVE_METRICS.map((m) => `| \`${m.column}\` | ${cell(m.unit)} | ${cell(m.meaning)} |`),
    '',
    '### series.csv: world metrics, every `sampleEvery` weeks (empty `initiative`)',
    '',
    '| metric | unit | meaning | recorded as | a `when:` condition may watch it |',
    '|---|---|---|---|---|',
    ...WEEK_METRICS.map((m) => `| \`${m.column}\` | ${cell(m.unit)} | ${cell(m.meaning)} | ${cell(m.recorded)} | ${yes(m.watchable)} |`),
    '',
    '### series.csv: per-initiative metrics, every `sampleEvery` weeks (`initiative` named)',
    '',
    '| metric | unit | meaning | recorded as | a `when:` condition may watch it |',
    '|---|---|---|---|---|',
    ...INITIATIVE_WEEK_METRICS.map((m) => `| \`${m.column}\` | ${cell(m.unit)} | ${cell(m.meaning)} | ${cell(m.recorded)} | ${yes(m.watchable)} (the highest of the condition's initiatives) |`),
  ].join('\n');
}

export const METRICS_START = '<!-- metrics:start -->';
export const METRICS_END = '<!-- metrics:end -->';

/**
 * The column tables of docs/results.md, generated from the codebook (src/analysis/codebook.ts) —
 * the same that writes datapackage.json: the identity, then each table's columns with their type,
 * unit and meaning.
 */
export function columnTables(): string {
  const row = (name: string, f: { type: string; unit: string; description: string }) => `| \`${name}\` | ${f.type} | ${cell(f.unit)} | ${cell(f.description)} |`;
  const head = ['| column | type | unit | meaning |', '|---|---|---|---|'];
  return [
    '### The identity: the first columns of runs.csv, initiatives.csv, series.csv and interventions.csv',
    '',
    ...head,
    ...Object.entries(IDENTITY).map(([name, f]) => row(name, f)),
    '| one column per varied parameter | as the parameter | as the parameter | named by its dotted path, e.g. `strategy.steering` (its meaning and unit in the parameter table of docs/ODD.md); `strategy` (text) for compared strategies, `plan` (text) for rehearsed plans |',
    '',
    '`runs.csv` and `initiatives.csv` continue the identity with the metrics of the tables above (`initiatives.csv` first with `initiative`, the 0-based index of the initiative in its run); a week or a count is an integer, any other value a number.',
    ...Object.entries(TABLES).filter(([file]) => file !== 'runs.csv' && file !== 'initiatives.csv').flatMap(([file, table]) => [
      '',
      `### ${file}: ${table.about}${table.identity ? ', after the identity' : ''}`,
      '',
      ...head,
      ...Object.entries(table.columns).map(([name, f]) => row(name, f)),
      ...(file === 'explore-points.csv' ? ['| one column per factor, then per outcome | number | as the factor or outcome | the factor\'s value at the point (a parameter path), then each outcome pooled over the point\'s replications |'] : []),
    ]),
  ].join('\n');
}

export const COLUMNS_START = '<!-- columns:start -->';
export const COLUMNS_END = '<!-- columns:end -->';

/** The document with the metric and column sections replaced by the generated tables. */
export function withMetricTables(doc: string): string {
  return withSection(withSection(doc, METRICS_START, METRICS_END, metricTables()), COLUMNS_START, COLUMNS_END, columnTables());
}
