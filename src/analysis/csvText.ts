import { cell } from '../run/rows.js';

/** A CSV cell as the result files write it (numbers shortest round-trip, null/NaN empty, formulas guarded). */
export const csvCell: (v: string | number | null | undefined) => string = cell;

/** A CSV text with a header row and `\n` line ends. */
export function csvText(header: readonly string[], rows: readonly (readonly (string | number | null | undefined)[])[]): string {
  return [header, ...rows].map((r) => r.map(csvCell).join(',')).join('\n') + '\n';
}

