import { readFileSync, writeFileSync } from 'node:fs';
import { withParameterTable } from './parameterTable.js';

/** `npm run docs`: rewrite the parameter table of docs/ODD.md (or the file named) from the parameter registry. */
const path = process.argv[2] ?? 'docs/ODD.md';
const before = readFileSync(path, 'utf8');
const after = withParameterTable(before);
if (after !== before) writeFileSync(path, after);
console.log(after === before ? `${path}: parameter table up to date` : `${path}: parameter table rewritten`);
