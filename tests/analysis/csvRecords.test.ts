import fc from 'fast-check';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { CsvRecords } from '../../src/analysis/csvRecords.js';

/** All records of a text fed in the given chunks. */
function records(chunks: string[]): string[][] {
  const reader = new CsvRecords();
  return [...chunks.flatMap((c) => reader.push(c)), ...reader.end()];
}

/** csv-parse (the oracle: a widely used RFC 4180 parser), empty lines skipped as draagvlak's reader does. */
const oracle = (text: string): string[][] => parse(text, { relax_column_count: true, skip_empty_lines: true }) as string[][];

/** A cell as draagvlak's writer writes it: quoted when it holds a comma, a quote or a line break. */
const written = (cell: string) => (/[",\r\n]/.test(cell) ? `"${cell.replaceAll('"', '""')}"` : cell);

describe('CsvRecords reads CSV as csv-parse does, in any chunks', () => {
  it.each([
    ['plain', 'a,b,c\n1,2,3\n'],
    ['no final line break', 'a,b\n1,2'],
    ['CRLF', 'a,b\r\n1,2\r\n'],
    ['empty cells', 'a,b,c\n,,\n1,,3\n'],
    ['quoted comma, doubled quote, line break', 'a,b\n"x, y","say ""hi"""\n"two\nlines",z\n'],
    ['empty lines skipped', 'a\n\n1\n\n'],
    ['a quoted empty cell', 'a,b\n"",1\n'],
  ])('%s', (_name, text) => {
    expect(records([text])).toEqual(oracle(text));
    for (let cut = 1; cut < text.length; cut++) expect(records([text.slice(0, cut), text.slice(cut)])).toEqual(oracle(text));
  });

  it('random tables of written cells, cut into random chunks', () => {
    const cellText = fc.string({ unit: fc.constantFrom('a', '1', '.', ',', '"', '\n', ' ', 'é', '\r\n'), maxLength: 6 });
    fc.assert(
      fc.property(
        fc.array(fc.array(cellText, { minLength: 1, maxLength: 4 }), { minLength: 1, maxLength: 8 }),
        fc.array(fc.nat(), { maxLength: 5 }),
        fc.boolean(),
        (rows, cuts, finalBreak) => {
          const kept = rows.filter((r) => !(r.length === 1 && r[0] === '')); // a lone empty cell is an empty line
          const text = kept.map((r) => r.map(written).join(',')).join('\n') + (finalBreak ? '\n' : '');
          const bounds = [...new Set([0, ...cuts.map((c) => c % (text.length + 1)), text.length])].sort((a, b) => a - b);
          const got = records(bounds.slice(1).map((end, k) => text.slice(bounds[k], end)));
          expect(got).toEqual(oracle(text));
          expect(got).toEqual(kept);
        },
      ),
      { seed: 15, numRuns: 500 },
    );
  });

  it('a quoted cell left open is an error', () => {
    expect(() => records(['a,b\n"open,1\n'])).toThrow(/not closed/);
  });
});
