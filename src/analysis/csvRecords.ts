/**
 * CSV records (RFC 4180) from text that arrives in chunks, for the large tables a results folder
 * holds (series.csv): a line without a quote is split on commas at once, and only a record with a
 * quote is walked character by character (quoted cells may hold commas, doubled quotes and line
 * breaks). Each call of `push` hands back the records completed so far as arrays of cells; `end`
 * the last one. Empty lines are skipped; a lone quote left open at the end is an error.
 */
export class CsvRecords {
  private rest = '';

  /** The records completed by this chunk of text. */
  push(chunk: string): string[][] {
    const text = this.rest + chunk;
    const records: string[][] = [];
    let at = 0;
    let quote = text.indexOf('"');
    for (;;) {
      const nl = text.indexOf('\n', at);
      if (nl < 0) break;
      if (quote >= 0 && quote < at) quote = text.indexOf('"', at);
      if (quote >= 0 && quote < nl) {
        const quoted = quotedRecord(text, at, false);
        if (quoted === null) break;
        records.push(quoted.cells);
        at = quoted.next;
        continue;
      }
      const end = nl > at && text.charCodeAt(nl - 1) === 13 ? nl - 1 : nl;
      if (end > at) records.push(text.slice(at, end).split(','));
      at = nl + 1;
    }
    this.rest = text.slice(at);
    return records;
  }

  /** The last record, when the text does not end with a line break. */
  end(): string[][] {
    const text = this.rest;
    this.rest = '';
    if (text === '' || text === '\r') return [];
    if (!text.includes('"')) return [text.replace(/\r$/, '').split(',')];
    const quoted = quotedRecord(text, 0, true);
    if (quoted === null) throw new Error('a quoted cell is not closed at the end of the file');
    return [quoted.cells];
  }
}

/**
 * The record starting at `at` that holds a quote: its cells and where the next record starts, or
 * null when the text ends inside it (more text is needed, unless `last`).
 */
function quotedRecord(text: string, at: number, last: boolean): { cells: string[]; next: number } | null {
  const cells: string[] = [];
  let cell = '';
  let i = at;
  let inQuotes = false;
  while (i < text.length) {
    const c = text[i];
    if (inQuotes) {
      if (c === '"') {
        if (i + 1 >= text.length && !last) return null;
        if (text[i + 1] === '"') {
          cell += '"';
          i += 2;
          continue;
        }
        inQuotes = false;
      } else cell += c;
      i++;
      continue;
    }
    if (c === '"') {
      if (cell !== '') throw new Error(`a quote inside an unquoted cell (${JSON.stringify(cell + c)})`);
      inQuotes = true;
    } else if (c === ',') {
      cells.push(cell);
      cell = '';
    } else if (c === '\n' || (c === '\r' && text[i + 1] === '\n')) {
      cells.push(cell);
      return { cells, next: i + (c === '\r' ? 2 : 1) };
    } else if (c === '\r' && i + 1 >= text.length && !last) return null;
    else cell += c;
    i++;
  }
  if (!last || inQuotes) return null;
  cells.push(cell);
  return { cells, next: i };
}
