import { existsSync, lstatSync, readdirSync, readlinkSync, rmdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { LOCK } from './lock.js';
import { readManifest, writeManifest } from './manifest.js';
import { FILES, PARTS, removeParts } from './parts.js';

/**
 * What in a results folder draagvlak wrote, and so may replace or delete: the files of fixed name
 * it writes (the result CSVs and their Parquet twins, summary.csv, contrasts.csv, report.html,
 * manifest.json, datapackage.json, explore's CSVs), the files
 * its manifest lists (the charts among them), its lock and its journal (.parts). Anything else —
 * a note or a chart of the user's own in charts/ — is never touched.
 */
export const FIXED_OUTPUTS: readonly string[] = [
  ...Object.values(FILES), ...Object.values(FILES).map((f) => f.replace(/\.csv$/, '.parquet')),
  'summary.csv', 'contrasts.csv', 'report.html', 'manifest.json', 'datapackage.json',
  // what explore writes (src/explore/write.ts)
  'indices.csv', 'boxes.csv', 'prim-trajectory.csv', 'explore-outcomes.csv', 'explore-points.csv',
];

/** A name a manifest may list: a file in the folder or in charts/, nothing that climbs out. */
const LISTABLE = /^(charts\/)?[A-Za-z0-9_][\w.-]*$/;

/** A temporary file of an atomic write of one of draagvlak's files (`report.html.1234.tmp`, `runs.csv.tmp`). */
const TEMPORARY = /^(.+?)(\.\d+)?\.tmp$/;

/**
 * The folders draagvlak keeps inside a results folder (charts/ and its journal) that are symlinks,
 * one line each (after `name: ` when given): writing and deleting its files there would reach a folder
 * outside the results folder, where the files are the user's.
 */
export function linkedSubfolders(dir: string, name?: string): string[] {
  return ['charts', PARTS].flatMap((sub) => {
    const path = join(dir, sub);
    if (!lstatSync(path, { throwIfNoEntry: false })?.isSymbolicLink()) return [];
    return [`${name ? `${name}: ` : ''}${path} is a symlink (to ${readlinkSync(path)}); draagvlak writes and deletes its files in ${sub}, so it must be a folder inside the results folder: remove the link, or choose another folder`];
  });
}

/** The files of a results folder draagvlak wrote, as paths relative to it. */
export function ownedFiles(dir: string): string[] {
  const manifest = readManifest(join(dir, 'manifest.json'));
  // readManifest has checked that both are lists of names; a name is still only taken inside the folder
  const listed = [...(manifest?.files ?? []), ...(manifest?.reportFiles ?? [])];
  return [...new Set([...FIXED_OUTPUTS, ...listed.filter((f) => LISTABLE.test(f))])];
}

/**
 * After the report step: its manifest's `reportFiles` become the files it wrote (`files`), and
 * the charts an earlier report listed that this one did not write again (an earlier report's
 * PNGs, under --no-png) are deleted. recordFiles listed them all before the writing began, so that a
 * report cut short leaves none unknown. A folder without a manifest is left alone.
 */
export function settleReportFiles(dir: string, files: readonly string[]): void {
  const file = join(dir, 'manifest.json');
  const manifest = readManifest(file);
  if (!manifest) return;
  const written = new Set(files);
  const before = manifest.reportFiles ?? [];
  for (const f of before) if (!written.has(f) && f.startsWith('charts/') && LISTABLE.test(f)) rmSync(join(dir, f), { force: true });
  if (before.length === files.length && before.every((f, i) => f === files[i])) return;
  manifest.reportFiles = [...files];
  writeManifest(file, manifest);
}

/**
 * The disk space (allocated blocks) of draagvlak's own files in a results folder — its result and
 * report files, its temporaries and its journal: what a fresh run there deletes, and a resumed one
 * deletes or keeps as the runs already done.
 */
export function ownedBytes(dir: string): number {
  // another run may be writing the folder meanwhile: what vanishes between two looks counts as nothing
  const names = new Set([...ownedFiles(dir), ...entries(dir).filter(isLeftover)]);
  if (names.delete(PARTS)) for (const part of entries(join(dir, PARTS))) names.add(join(PARTS, part));
  let bytes = 0;
  for (const name of names) {
    const stat = statSync(join(dir, name), { throwIfNoEntry: false });
    if (stat?.isFile()) bytes += stat.blocks * 512;
  }
  return bytes;
}

/** The names in a folder; none when it is not there (any more). */
function entries(dir: string): string[] {
  try {
    return readdirSync(dir);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT' || (err as NodeJS.ErrnoException).code === 'ENOTDIR') return [];
    throw err;
  }
}

/** True for an entry of a results folder that draagvlak itself leaves behind (its lock, journal or temporaries). */
export function isLeftover(name: string): boolean {
  const t = TEMPORARY.exec(name);
  return name === LOCK || name === PARTS || (t !== null && FIXED_OUTPUTS.includes(t[1]!));
}

/** Removes the temporary files a killed or failed write left behind (theirs only). */
export function removeTemporaries(dir: string): void {
  if (!existsSync(dir)) return;
  for (const name of readdirSync(dir)) if (name !== LOCK && name !== PARTS && isLeftover(name)) rmSync(join(dir, name), { force: true });
}

/**
 * Clears a results folder for a fresh run: draagvlak's own files, its temporaries and journal; the
 * charts folder goes only if nothing of the user's is left in it.
 */
export function clearResults(dir: string): void {
  for (const f of ownedFiles(dir)) rmSync(join(dir, f), { force: true });
  removeTemporaries(dir);
  removeParts(dir);
  const charts = join(dir, 'charts');
  if (existsSync(charts) && readdirSync(charts).length === 0) rmdirSync(charts);
}
