/**
 * What a run writes of its results, as the user chose it (`--series`, `--format`) and as the
 * manifest records it (`output`), so that `--resume` and `merge` refuse to mix choices.
 *
 * Series (`--series`):
 *  - `all` (the default): every recorded week (week 0, every `sampleEvery` weeks, the horizon);
 *  - `none`: no series.csv at all (the report then has no weekly bands);
 *  - `every:N`: only the recorded weeks that are multiples of N — and always week 0 and the last
 *    recorded week (the horizon), so the start and the end, from which the `*_final` run values
 *    come, stay in the file. Only recorded weeks can be kept, so N must be a multiple of
 *    `sampleEvery` (every:13 with weeks recorded every 4 would keep every 52nd week).
 * The choice thins the file and, alike, the weekly bands the report draws, so a report read back
 * from the files equals the one drawn from memory.
 */
export type SeriesChoice = { kind: 'all' } | { kind: 'none' } | { kind: 'every'; n: number };

/** How a run's result tables are written: CSV, Parquet or both (`--format`). */
export type Format = 'csv' | 'parquet';

export interface OutputChoice {
  series: SeriesChoice;
  formats: Format[];
}

export const DEFAULT_OUTPUT: OutputChoice = { series: { kind: 'all' }, formats: ['csv'] };

/** `all`, `none`, `every:N` as the user writes it (and the manifest records it). */
export function seriesText(choice: SeriesChoice): string {
  return choice.kind === 'every' ? `every:${choice.n}` : choice.kind;
}

/** Parses `--series`; returns the choice or the problem, worded for `--series`. */
export function parseSeries(text: string): SeriesChoice | string {
  const t = text.trim();
  if (t === 'all' || t === 'none') return { kind: t };
  const m = /^every:(\d+)$/.exec(t);
  const n = m ? Number(m[1]) : NaN;
  if (Number.isSafeInteger(n) && n >= 1) return n === 1 ? { kind: 'all' } : { kind: 'every', n };
  return `--series: expected all, none or every:N (N a whole number of weeks, at least 1), found ${JSON.stringify(text)}`;
}

/** The problem with a choice for a scenario recording every `sampleEvery` weeks; null when there is none. */
export function seriesProblem(choice: SeriesChoice, sampleEvery: number): string | null {
  if (choice.kind !== 'every' || choice.n % sampleEvery === 0) return null;
  return `--series: expected every:N with N a multiple of the scenario's sampleEvery (${sampleEvery}), the weeks it records, found every:${choice.n}`;
}

/** Parses `--format`: `csv`, `parquet` or both, comma separated. */
export function parseFormats(text: string): Format[] | string {
  const words = text.split(',').map((w) => w.trim());
  const formats = (['csv', 'parquet'] as const).filter((f) => words.includes(f));
  if (words.some((w) => w !== 'csv' && w !== 'parquet') || formats.length !== words.length) {
    return `--format: expected csv, parquet or csv,parquet, found ${JSON.stringify(text)}`;
  }
  return formats;
}

/** The file a result table is in under a choice of formats: its CSV when CSV is written, else its Parquet file. */
export function tableFile(csv: string, formats: readonly Format[]): string {
  return formats.includes('csv') ? csv : csv.replace(/\.csv$/, '.parquet');
}

/** The choice as the manifest records it. */
export function outputRecord(choice: OutputChoice): { series: string; formats: Format[] } {
  return { series: seriesText(choice.series), formats: [...choice.formats] };
}

/** The choice a manifest records; a manifest from before the choice existed wrote the default. */
export function recordedOutput(record: { series?: unknown; formats?: unknown } | undefined): OutputChoice {
  const series = typeof record?.series === 'string' ? parseSeries(record.series) : DEFAULT_OUTPUT.series;
  const formats = Array.isArray(record?.formats) ? parseFormats(record.formats.join(',')) : DEFAULT_OUTPUT.formats;
  return { series: typeof series === 'string' ? DEFAULT_OUTPUT.series : series, formats: typeof formats === 'string' ? DEFAULT_OUTPUT.formats : formats };
}

/** The choice in words, for messages: `--series all --format csv`. */
export function outputFlags(choice: OutputChoice): string {
  return `--series ${seriesText(choice.series)} --format ${choice.formats.join(',')}`;
}

/**
 * The sample indices of a run's series to keep: `weeks` are the recorded weeks, in order. All of
 * them for `all`, none for `none`; for `every:N`, the first, the last and those at multiples of N.
 */
export function keptSamples(choice: SeriesChoice, weeks: ArrayLike<number>): number[] {
  const last = weeks.length - 1;
  const kept: number[] = [];
  if (choice.kind === 'none') return kept;
  for (let s = 0; s <= last; s++) {
    if (choice.kind === 'all' || s === 0 || s === last || weeks[s] % choice.n === 0) kept.push(s);
  }
  return kept;
}
