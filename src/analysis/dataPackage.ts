import { closeSync, existsSync, openSync, readSync } from 'node:fs';
import { join } from 'node:path';
import { writeFileAtomic } from '../run/atomic.js';
import { fieldOf, TABLES, type Field } from './codebook.js';
import { parquetColumns, parquetName } from './parquet.js';
import { csvCells } from './csvText.js';
import { readManifest } from '../run/manifest.js';

/**
 * datapackage.json: a Frictionless Data Package (https://specs.frictionlessdata.io/data-package/)
 * describing every table in a results folder — each file draagvlak wrote there, with the type,
 * unit and meaning of each of its columns, as its header names them. Written after the run's files
 * and again after the report's; the fields come from the codebook (src/analysis/codebook.ts), never
 * by hand. CSV files are Tabular Data Resources; Parquet files, which that profile does not
 * cover, are Data Resources with the same Table Schema.
 */

export const DATA_PACKAGE = 'datapackage.json';

export interface Resource {
  profile: 'tabular-data-resource' | 'data-resource';
  name: string;
  path: string;
  title: string;
  description: string;
  format: 'csv' | 'parquet';
  mediatype: string;
  encoding?: 'utf-8';
  dialect?: { delimiter: ','; lineTerminator: '\n'; quoteChar: '"'; doubleQuote: true; header: true };
  schema: { fields: (Omit<Field, 'unit'> & { unit?: string })[]; missingValues: [''] };
}

export interface DataPackage {
  profile: 'data-package';
  name: string;
  title: string;
  description: string;
  resources: Resource[];
}

/** The header of a CSV file: its first line only, however large the file. */
export function csvHeader(path: string): string[] {
  const fd = openSync(path, 'r');
  try {
    const chunks: Buffer[] = [];
    const buffer = Buffer.alloc(65536);
    for (;;) {
      const n = readSync(fd, buffer, 0, buffer.length, null);
      const eol = buffer.subarray(0, n).indexOf(10);
      chunks.push(Buffer.from(buffer.subarray(0, eol >= 0 ? eol : n)));
      if (eol >= 0 || n === 0) break;
    }
    return csvCells(Buffer.concat(chunks).toString('utf8').replace(/\r$/, ''));
  } finally {
    closeSync(fd);
  }
}

/**
 * A name as the Data Package spec allows it: lower case letters, digits, `-`, `_`, `.` and `/`; a
 * letter with an accent keeps its letter (é → e: canonical decomposition, the accent dropped).
 */
function specName(text: string): string {
  const plain = text.normalize('NFD').replace(/\p{M}+/gu, '').toLowerCase();
  return plain.replace(/[^-a-z0-9._/]+/g, '-').replace(/^-+|-+$/g, '') || 'results';
}

/** The fields of a table from its column names; throws when the codebook lacks one (a bug). */
export function fieldsOf(file: string, columns: readonly string[], horizon: number): Resource['schema']['fields'] {
  return columns.map((column) => {
    const f = fieldOf(file, column, { horizon });
    if (!f) throw new Error(`the codebook has no column ${column} of ${file} (src/analysis/codebook.ts)`);
    const { unit, ...rest } = f;
    return unit ? { ...rest, unit } : rest;
  });
}

/**
 * The data package of a results folder: a resource for each table draagvlak writes that is there
 * (CSV and Parquet), in the order of the codebook.
 */
export function dataPackage(dir: string): DataPackage {
  // a folder without a readable manifest is described without its scenario's name
  const scenario = readManifest(join(dir, 'manifest.json'))?.scenario;
  const horizon = Number(scenario?.resolved.horizon ?? 0);
  const name = scenario?.name ?? 'results';
  const question = scenario?.resolved.question;
  const resources: Resource[] = [];
  for (const [file, table] of Object.entries(TABLES)) {
    const title = `${file.replace(/\.csv$/, '')}: ${table.about}`;
    if (existsSync(join(dir, file))) {
      resources.push({
        profile: 'tabular-data-resource', name: specName(file), path: file, title, description: `${table.about}; see docs/results.md`,
        format: 'csv', mediatype: 'text/csv', encoding: 'utf-8',
        dialect: { delimiter: ',', lineTerminator: '\n', quoteChar: '"', doubleQuote: true, header: true },
        schema: { fields: fieldsOf(file, csvHeader(join(dir, file)), horizon), missingValues: [''] },
      });
    }
    const parquet = parquetName(file);
    if (existsSync(join(dir, parquet))) {
      resources.push({
        profile: 'data-resource', name: specName(parquet), path: parquet, title, description: `${table.about}, as Parquet (a null is an empty CSV cell); see docs/results.md`,
        format: 'parquet', mediatype: 'application/vnd.apache.parquet',
        schema: { fields: fieldsOf(file, parquetColumns(join(dir, parquet)), horizon), missingValues: [''] },
      });
    }
  }
  return {
    profile: 'data-package',
    name: specName(name),
    title: name,
    description: `The results of draagvlak scenario "${name}".${question ? ` Its question: ${question}` : ''} Every column is defined in docs/results.md; manifest.json says how the results were made.`,
    resources,
  };
}

/** Writes datapackage.json into a results folder (atomically). */
export function writeDataPackage(dir: string): void {
  writeFileAtomic(join(dir, DATA_PACKAGE), `${JSON.stringify(dataPackage(dir), null, 2)}\n`);
}
