import { closeSync, createReadStream, fstatSync, openSync, readSync, renameSync, rmSync } from 'node:fs';
import { asyncBufferFromFile, parquetMetadata, parquetMetadataAsync, parquetRead } from 'hyparquet';
import { fileWriter, ParquetWriter, type BasicType, type ColumnSource } from 'hyparquet-writer';
import type { Field } from './codebook.js';
import { csvRecords } from './csvText.js';

/**
 * Parquet beside (or instead of) a CSV table: the same columns, in the same order, with the same
 * rows — each column typed as the codebook types it (integer → INT32, or INT64 for the seed; number →
 * DOUBLE; boolean → BOOLEAN; text → STRING, exactly the CSV cell, guard included), an empty cell a
 * null. A Parquet file is made from its CSV table, streamed in row groups, so it holds exactly what
 * the CSV holds and memory stays bounded; read back and printed as the CSV prints, it gives the CSV's
 * bytes again (a test checks it). Library: hyparquet-writer / hyparquet (pure JavaScript, no install
 * script, no native code).
 */

/** The Parquet file of a CSV table (`runs.csv` → `runs.parquet`). */
export function parquetName(csv: string): string {
  return csv.replace(/\.csv$/, '.parquet');
}

/** Rows per row group: large enough to compress well, small enough to hold a group in memory. */
const ROW_GROUP = 100_000;

/** The Parquet type of a field; whole numbers that may pass 2^31 (the seed) are INT64. */
function parquetType(field: Pick<Field, 'name' | 'type'>): BasicType {
  if (field.type === 'integer') return field.name === 'seed' ? 'INT64' : 'INT32';
  return field.type === 'number' ? 'DOUBLE' : field.type === 'boolean' ? 'BOOLEAN' : 'STRING';
}

/** A CSV cell as the typed value of its column (an empty cell: null). */
function typed(type: BasicType, cell: string): unknown {
  if (cell === '') return null;
  switch (type) {
    case 'INT64':
      return BigInt(cell);
    case 'INT32':
    case 'DOUBLE':
      return Number(cell);
    case 'BOOLEAN':
      return cell === 'true';
    default:
      return cell;
  }
}

/**
 * Writes `parquetPath` from the CSV file `csvPath`, whose columns are `fields` (in header order),
 * to a temporary file renamed into place when whole.
 */
export async function csvToParquet(csvPath: string, parquetPath: string, fields: readonly Pick<Field, 'name' | 'type'>[]): Promise<void> {
  const types = fields.map(parquetType);
  const tmp = `${parquetPath}.tmp`;
  const writer = new ParquetWriter({
    writer: fileWriter(tmp),
    schema: [
      { name: 'root', num_children: fields.length },
      ...fields.map((f, i) => ({
        name: f.name, repetition_type: 'OPTIONAL' as const,
        ...(types[i] === 'STRING' ? { type: 'BYTE_ARRAY' as const, converted_type: 'UTF8' as const } : { type: types[i] as 'INT32' | 'INT64' | 'DOUBLE' | 'BOOLEAN' }),
      })),
    ],
    createdBy: 'draagvlak (hyparquet-writer)',
  });
  let columns: unknown[][] = fields.map(() => []);
  const flush = async () => {
    if (columns[0]!.length === 0) return;
    const columnData: ColumnSource[] = fields.map((f, i) => ({ name: f.name, data: columns[i] as ColumnSource['data'], type: types[i], nullable: true }));
    await writer.write({ columnData, rowGroupSize: columns[0]!.length });
    columns = fields.map(() => []);
  };
  try {
    let header = true;
    for await (const row of csvRecords(createReadStream(csvPath, { encoding: 'utf8' }))) {
      if (header) {
        header = false;
        continue;
      }
      if (row.length !== types.length) throw new Error(`${csvPath}: a row of ${row.length} cells, expected ${types.length}`);
      for (let i = 0; i < types.length; i++) columns[i]!.push(typed(types[i]!, row[i] ?? ''));
      if (columns[0]!.length >= ROW_GROUP) await flush();
    }
    await flush();
    await writer.finish();
    renameSync(tmp, parquetPath);
  } catch (err) {
    rmSync(tmp, { force: true });
    throw err;
  }
}

/** The column names of a Parquet file, from its footer alone. */
export function parquetColumns(path: string): string[] {
  const fd = openSync(path, 'r');
  try {
    const size = fstatSync(fd).size;
    const tail = Buffer.alloc(8);
    readSync(fd, tail, 0, 8, Math.max(0, size - 8));
    const length = tail.readUInt32LE(0) + 8;
    const footer = Buffer.alloc(Math.min(size, length));
    readSync(fd, footer, 0, footer.length, size - footer.length);
    return parquetMetadata(footer).schema.slice(1).map((s) => s.name);
  } finally {
    closeSync(fd);
  }
}

/** A Parquet value printed as the CSV cell it came from: numbers by String(x), null empty. */
function printedCell(value: unknown): string {
  if (value === null || value === undefined) return '';
  return String(value);
}

/**
 * The rows of a Parquet table as the CSV cells they came from, by column name, a row group at a
 * time (bounded memory): `header` first, then each group's rows.
 */
export async function* parquetRows(path: string): AsyncGenerator<{ header: string[]; rows: Record<string, string>[] }> {
  const file = await asyncBufferFromFile(path);
  const metadata = await parquetMetadataAsync(file);
  const header = metadata.schema.slice(1).map((s) => s.name);
  let start = 0;
  for (const group of metadata.row_groups) {
    const end = start + Number(group.num_rows);
    let rows: unknown[][] = [];
    await parquetRead({ file, metadata, rowStart: start, rowEnd: end, onComplete: (r: unknown[][]) => (rows = r) });
    yield { header, rows: rows.map((r) => Object.fromEntries(header.map((h, i) => [h, printedCell(r[i])]))) };
    start = end;
  }
  if (metadata.row_groups.length === 0) yield { header, rows: [] };
}
