import { INITIATIVE_METRICS, INITIATIVE_WEEK_METRICS, RUN_METRICS, WEEK_METRICS, type RunMetric } from '../src/model/metrics.js';

function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\n/g, ' ');
}

const REDUCE: Record<RunMetric['reduce'], (from: string) => string> = {
  count: (from) => `number of initiatives (rows of \`${from}\`)`,
  countPositive: (from) => `initiatives with a \`${from}\``,
  minPositive: (from) => `least \`${from}\` of the run's initiatives`,
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

/** The document with the section between the markers replaced by the generated tables. */
export function withMetricTables(doc: string): string {
  const start = doc.indexOf(METRICS_START);
  const end = doc.indexOf(METRICS_END);
  if (start < 0 || end < start) throw new Error(`the document has no ${METRICS_START} … ${METRICS_END} section`);
  return `${doc.slice(0, start + METRICS_START.length)}\n${metricTables()}\n${doc.slice(end)}`;
}
