import { existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { readManifest, writeManifest, type Manifest } from '../run/manifest.js';
import { recordedOutput } from '../run/resultFiles.js';
import { csvHeader, fieldsOf, writeDataPackage } from './dataPackage.js';
import { csvToParquet, parquetName } from './parquet.js';

/**
 * The last step of a complete run or merge, once its CSV tables are assembled: the Parquet files
 * the manifest's `output.formats` asks for (the CSVs then removed when CSV was not asked for), the
 * manifest's `files` brought up to date, and datapackage.json. Safe to repeat: a run stopped in the
 * middle of it, resumed, does it again (a table whose CSV is gone already has its Parquet file).
 */
export async function finishFolder(dir: string): Promise<Manifest | null> {
  const file = join(dir, 'manifest.json');
  const manifest = readManifest(file);
  if (!manifest) return null;
  const { formats } = recordedOutput(manifest.output);
  if (formats.includes('parquet')) {
    const horizon = manifest.scenario.resolved.horizon;
    const tables = manifest.files.filter((f) => f.endsWith('.csv'));
    for (const csv of tables) {
      if (existsSync(join(dir, csv))) await csvToParquet(join(dir, csv), join(dir, parquetName(csv)), fieldsOf(csv, csvHeader(join(dir, csv)), horizon));
    }
    if (!formats.includes('csv')) for (const csv of tables) rmSync(join(dir, csv), { force: true });
    const files = [...new Set(manifest.files.flatMap((f) => (f.endsWith('.csv') || f.endsWith('.parquet') ? formats.map((format) => f.replace(/\.(csv|parquet)$/, `.${format}`)) : [f])))];
    if (files.join() !== manifest.files.join()) {
      manifest.files = files;
      writeManifest(file, manifest);
    }
  }
  writeDataPackage(dir);
  return manifest;
}
