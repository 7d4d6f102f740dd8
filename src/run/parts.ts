import { closeSync, copyFileSync, existsSync, fstatSync, mkdirSync, openSync, readdirSync, readFileSync, readSync, renameSync, rmSync, writeFileSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { missingRanges, type RunRange } from './jobs.js';
import { keepLocksFresh } from './lock.js';
import { phase } from './phase.js';

/**
 * The journal of a run in progress: DIR/.parts/ holds one part file per finished batch — the rows
 * of a contiguous range [start, end) of canonical runs for each result file. A part is written to
 * a temporary name and renamed into place only when complete, so after a crash or a kill every
 * part present is whole; its name says which runs it covers. Resuming skips those runs; at the end
 * the parts are streamed, in canonical order, into the final files.
 */

export const PARTS = '.parts';

/** The sections of a part, in the order of the final files they go to. */
export const SECTIONS = ['runs', 'initiatives', 'series', 'interventions', 'failures'] as const;
export type Section = (typeof SECTIONS)[number];
export type PartContent = Record<Section, string>;

const MAGIC = 'draagvlak-part 2';
const NAME = /^(\d{10})-(\d{10})\.part$/;

export function partsDir(out: string): string {
  return join(out, PARTS);
}

function partName(range: RunRange): string {
  return `${String(range.start).padStart(10, '0')}-${String(range.end).padStart(10, '0')}.part`;
}

/** Writes a part atomically: a header with each section's byte length, then the sections. */
export function writePart(dir: string, range: RunRange, content: PartContent): void {
  const bodies = SECTIONS.map((s) => Buffer.from(content[s], 'utf8'));
  const header = Buffer.from(`${MAGIC} ${bodies.map((b) => b.length).join(' ')}\n`, 'utf8');
  const name = partName(range);
  const tmp = join(dir, `${name}.tmp`);
  writeFileSync(tmp, Buffer.concat([header, ...bodies]));
  renameSync(tmp, join(dir, name));
  phase('parts');
}

/** The ranges of the complete parts in a journal; stray temporary files are removed. */
export function listParts(dir: string): RunRange[] {
  if (!existsSync(dir)) return [];
  const ranges: RunRange[] = [];
  for (const name of readdirSync(dir)) {
    const m = NAME.exec(name);
    if (m) ranges.push({ start: Number(m[1]), end: Number(m[2]) });
    else if (name.endsWith('.tmp')) rmSync(join(dir, name), { force: true });
  }
  return ranges.sort((a, b) => a.start - b.start);
}

/**
 * The first part of a journal that is not whole — no part header, or not the length its header
 * gives — as its path, with what is wrong; null when every part is whole. A part is renamed into
 * place only when complete, so this finds a part changed or damaged outside draagvlak. Reads each
 * part's first line and size only.
 */
export function damagedPart(dir: string): string | null {
  for (const range of listParts(dir)) {
    const file = join(dir, partName(range));
    const fd = openSync(file, 'r');
    try {
      const head = Buffer.alloc(256);
      const got = readSync(fd, head, 0, head.length, 0);
      const eol = head.subarray(0, got).indexOf(10);
      const header = eol < 0 ? [] : head.subarray(0, eol).toString('utf8').split(' ');
      if (`${header[0]} ${header[1]}` !== MAGIC || header.length !== SECTIONS.length + 2) return `${file} is not a result part`;
      const length = eol + 1 + header.slice(2).reduce((n, x) => n + Number(x), 0);
      const size = fstatSync(fd).size;
      if (length !== size) return `${file} is cut short or changed (${size} bytes, its header gives ${length})`;
    } finally {
      closeSync(fd);
    }
  }
  return null;
}

/** One part's sections. Parts are read in long synchronous loops (assembly, merge), so each read keeps the folder's lock fresh. */
function readPart(dir: string, range: RunRange): Buffer[] {
  keepLocksFresh();
  const bytes = readFileSync(join(dir, partName(range)));
  const eol = bytes.indexOf(10);
  const header = bytes.subarray(0, eol).toString('utf8').split(' ');
  if (eol < 0 || `${header[0]} ${header[1]}` !== MAGIC) throw new Error(`not a result part: ${partName(range)}`);
  const out: Buffer[] = [];
  let at = eol + 1;
  for (let i = 0; i < SECTIONS.length; i++) {
    const length = Number(header[i + 2]);
    out.push(bytes.subarray(at, at + length));
    at += length;
  }
  if (at !== bytes.length) throw new Error(`result part ${partName(range)} is truncated or corrupt`);
  return out;
}

/** The final file each section goes to. */
export const FILES: Record<Section, string> = {
  runs: 'runs.csv',
  initiatives: 'initiatives.csv',
  series: 'series.csv',
  interventions: 'interventions.csv',
  failures: 'failures.csv',
};

/**
 * Streams the parts, in canonical order, into the final files (each written to a temporary name
 * and renamed into place), one part in memory at a time. failures.csv is written only when runs
 * failed, the other files only when their header is given (interventions.csv with interventions,
 * series.csv unless `--series none`). Returns the number of failed runs' rows.
 */
export function assemble(out: string, total: number, headers: PartContent): { failureRows: number } {
  const dir = partsDir(out);
  const parts = listParts(dir);
  const missing = missingRanges(total, parts);
  if (missing.length > 0) throw new Error(`cannot assemble: runs ${missing[0]!.start}…${missing[0]!.end - 1} have no results`);
  const fds = SECTIONS.map((s) => openSync(join(out, `${FILES[s]}.tmp`), 'w'));
  let failureBytes = 0;
  let failureRows = 0;
  try {
    SECTIONS.forEach((s, i) => writeSync(fds[i]!, headers[s]));
    for (const range of parts) {
      const sections = readPart(dir, range);
      sections.forEach((body, i) => {
        if (body.length > 0) writeSync(fds[i]!, body);
      });
      const failures = sections[SECTIONS.indexOf('failures')]!;
      failureBytes += failures.length;
      for (const byte of failures) if (byte === 10) failureRows++;
    }
  } finally {
    for (const fd of fds) closeSync(fd);
  }
  phase('assembly');
  for (const s of SECTIONS) {
    const tmp = join(out, `${FILES[s]}.tmp`);
    // a file without a header is not written (interventions.csv without interventions, series.csv with --series none), failures.csv only when runs failed.
    if ((s === 'failures' && failureBytes === 0) || headers[s] === '') {
      rmSync(tmp, { force: true });
      rmSync(join(out, FILES[s]), { force: true });
    }
    else {
      phase(`rename:${FILES[s]}`);
      renameSync(tmp, join(out, FILES[s]));
    }
  }
  return { failureRows };
}

/** Failed runs recorded in the parts of `out`'s journal. */
export function countFailures(out: string): number {
  const dir = partsDir(out);
  let rows = 0;
  for (const range of listParts(dir)) {
    for (const byte of readPart(dir, range)[SECTIONS.indexOf('failures')]!) if (byte === 10) rows++;
  }
  return rows;
}

/** Copies a whole part from one journal to another (checking it reads as a part first). */
export function copyPart(from: string, to: string, range: RunRange): void {
  readPart(from, range);
  const tmp = join(to, `${partName(range)}.tmp`);
  copyFileSync(join(from, partName(range)), tmp);
  renameSync(tmp, join(to, partName(range)));
}

export function ensurePartsDir(out: string): string {
  const dir = partsDir(out);
  mkdirSync(dir, { recursive: true });
  return dir;
}

export function removeParts(out: string): void {
  rmSync(partsDir(out), { recursive: true, force: true });
}
