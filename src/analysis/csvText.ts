import { cell } from '../run/rows.js';

/** A CSV cell as the result files write it (numbers shortest round-trip, null/NaN empty, formulas guarded). */
export const csvCell: (v: string | number | null | undefined) => string = cell;

/** A CSV text with a header row and `\n` line ends. */
export function csvText(header: readonly string[], rows: readonly (readonly (string | number | null | undefined)[])[]): string {
  return [header, ...rows].map((r) => r.map(csvCell).join(',')).join('\n') + '\n';
}


/** The cells of one CSV record (RFC 4180 quoting, as draagvlak writes it); `line` may span lines inside quotes. */
export function csvCells(line: string): string[] {
  if (!line.includes('"')) return line.split(',');
  const cells: string[] = [];
  let cur = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i]!;
    if (quoted) {
      if (ch === '"' && line[i + 1] === '"') (cur += '"'), i++;
      else if (ch === '"') quoted = false;
      else cur += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') cells.push(cur), (cur = '');
    else cur += ch;
  }
  cells.push(cur);
  return cells;
}

/** True while a record's quotes are still open: its line break belongs to a cell. */
const open = (text: string) => (text.match(/"/g)?.length ?? 0) % 2 === 1;

/**
 * The records of a CSV file that draagvlak wrote, streamed a chunk at a time (bounded memory) —
 * faster than a general parser on the long, plain files a run writes (a cell is quoted only when
 * it holds a comma, a quote or a line break, or is a guarded formula).
 */
export async function* csvRecords(stream: AsyncIterable<string | Buffer>): AsyncGenerator<string[]> {
  let rest = '';
  let record = '';
  for await (const chunk of stream) {
    const lines = (rest + chunk.toString()).split('\n');
    rest = lines.pop()!;
    for (const line of lines) {
      record = record ? `${record}\n${line}` : line;
      if (open(record)) continue;
      yield csvCells(record);
      record = '';
    }
  }
  const last = record ? `${record}\n${rest}` : rest;
  if (last) yield csvCells(last);
}
