import { readFileSync, writeFileSync } from 'node:fs';
import { withMetricTables } from './metricTable.js';

/** `npm run docs`: rewrite the metric and column tables of docs/results.md (or the file named) from the metric registry and the codebook. */
const path = process.argv[2] ?? 'docs/results.md';
const before = readFileSync(path, 'utf8');
const after = withMetricTables(before);
if (after !== before) writeFileSync(path, after);
console.log(after === before ? `${path}: metric tables up to date` : `${path}: metric tables rewritten`);
