/**
 * CSV against Parquet for the result tables of the steering sweep (scenarios/steering-sweep.yaml,
 * 15 points × 8 replications = 120 runs), measured in one run (`npm run bench:parquet`):
 *  - size of runs, initiatives and series as CSV and as Parquet (and series.csv thinned by
 *    --series every:N, and none);
 *  - write time: assembling the CSV files from the run's journal (what every run does), against
 *    making the Parquet files from them (what --format csv,parquet adds; --format parquet costs
 *    both, then removes the CSVs);
 *  - read time: readResultSet of the CSV folder against that of a Parquet-only folder.
 * The runs are carried out once (as a shard of one, which keeps its journal); each round then
 * writes both formats from a copy of the same journal. ROUNDS rounds, order alternating; medians
 * with the spread; ratios within each round.
 */
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { finishFolder } from '../src/analysis/folder.js';
import { readResultSet } from '../src/analysis/readResults.js';
import { executePlan, finishResults } from '../src/run/execute.js';
import { packageRoot, readManifest, writeManifest } from '../src/run/manifest.js';
import { closeWarmThreads } from '../src/run/pool.js';
import { keptSamples } from '../src/run/resultFiles.js';
import { planRuns } from '../src/scenario/design.js';
import { loadScenario } from '../src/scenario/load.js';
import { alternate, median, spread } from './measure.js';

const ROUNDS = Number(process.env.ROUNDS ?? 5);
const TABLES = ['runs', 'initiatives', 'series'];
const scratch = mkdtempSync(join(tmpdir(), 'draagvlak-bench-parquet-'));
const plan = planRuns(loadScenario(resolve(packageRoot(), 'scenarios/steering-sweep.yaml')));
const journal = join(scratch, 'journal');
const ran = process.hrtime.bigint();
await executePlan(plan, { out: journal, workers: 2, quiet: true, handleSignals: false, shard: { index: 1, count: 1 } });
const runsWall = Number(process.hrtime.bigint() - ran) / 1e6;
closeWarmThreads();

let n = 0;
/** A fresh folder holding a copy of the journal, its manifest made that of an unsplit run with these formats. */
function fresh(formats: ('csv' | 'parquet')[]): string {
  const dir = join(scratch, `f${n++}`);
  cpSync(journal, dir, { recursive: true });
  const manifest = readManifest(join(dir, 'manifest.json'))!;
  delete manifest.shard;
  manifest.output = { series: 'all', formats };
  writeManifest(join(dir, 'manifest.json'), manifest);
  return dir;
}
const ms = (start: bigint) => Number(process.hrtime.bigint() - start) / 1e6;
const size = (dir: string, file: string) => statSync(join(dir, file)).size;

let csvDir = '';
let parquetDir = '';
const costs = await alternate(
  {
    csv: () => {
      const dir = fresh(['csv']);
      const t = process.hrtime.bigint();
      finishResults(plan, dir, readManifest(join(dir, 'manifest.json'))!);
      const write = ms(t);
      csvDir = dir;
      return { write, convert: 0 };
    },
    parquet: async () => {
      const dir = fresh(['csv', 'parquet']);
      finishResults(plan, dir, readManifest(join(dir, 'manifest.json'))!);
      const t = process.hrtime.bigint();
      await finishFolder(dir);
      const convert = ms(t);
      parquetDir = dir;
      return { write: 0, convert };
    },
  },
  ROUNDS,
);

// a Parquet-only folder, for reading back
const only = fresh(['parquet']);
finishResults(plan, only, readManifest(join(only, 'manifest.json'))!);
await finishFolder(only);
const reads = await alternate(
  {
    csv: async () => {
      const t = process.hrtime.bigint();
      await readResultSet(csvDir);
      return ms(t);
    },
    parquet: async () => {
      const t = process.hrtime.bigint();
      await readResultSet(only);
      return ms(t);
    },
  },
  ROUNDS,
);

const kb = (b: number) => `${(b / 1024).toFixed(0)} KB`;
console.log(`steering sweep: ${plan.points.length} points × ${plan.scenario.replications} replications = ${plan.points.length * plan.scenario.replications} runs; ${ROUNDS} rounds\n`);
console.log('| table | CSV | Parquet | Parquet / CSV |');
console.log('|---|---|---|---|');
let [csvTotal, parquetTotal] = [0, 0];
for (const t of TABLES) {
  const [c, p] = [size(csvDir, `${t}.csv`), size(parquetDir, `${t}.parquet`)];
  csvTotal += c;
  parquetTotal += p;
  console.log(`| ${t} | ${kb(c)} | ${kb(p)} | ${(p / c).toFixed(3)} |`);
}
console.log(`| all three | ${kb(csvTotal)} | ${kb(parquetTotal)} | ${(parquetTotal / csvTotal).toFixed(3)} |`);
console.log(`\nseries.csv per run: ${kb(size(csvDir, 'series.csv') / (plan.points.length * plan.scenario.replications))}`);

// series.csv as --series every:N would write it: the same rows, only the kept weeks
const lines = readFileSync(join(csvDir, 'series.csv'), 'utf8').split('\n');
const weekColumn = lines[0]!.split(',').indexOf('week');
const weeks = [...new Set(lines.slice(1).filter(Boolean).map((l) => Number(l.split(',')[weekColumn])))].sort((a, b) => a - b);
for (const every of [8, 12, 52]) {
  const kept = new Set(keptSamples({ kind: 'every', n: every }, weeks).map((s) => weeks[s]));
  const bytes = lines.slice(1).filter((l) => l && kept.has(Number(l.split(',')[weekColumn]))).reduce((b, l) => b + Buffer.byteLength(l) + 1, Buffer.byteLength(lines[0]!) + 1);
  console.log(`series.csv with --series every:${every}: ${kb(bytes)} (${(bytes / size(csvDir, 'series.csv')).toFixed(3)} of all weeks; ${kept.size} of ${weeks.length} weeks)`);
}
console.log('series.csv with --series none: not written');

const write = costs.csv.map((c) => c.write);
const convert = costs.parquet.map((c) => c.convert);
console.log(`\nwrite: CSV files from the journal ${median(write).toFixed(0)} ms (${spread(write)}); Parquet files from them ${median(convert).toFixed(0)} ms (${spread(convert)})`);
console.log(`  Parquet / CSV write time: ${median(convert.map((c, i) => c / write[i]!)).toFixed(2)} (median of the rounds' ratios); the runs themselves took ${(runsWall / 1000).toFixed(1)} s on 2 workers, so Parquet adds ${((100 * median(convert)) / runsWall).toFixed(0)} % to the run`);
console.log(`read (readResultSet): CSV ${median(reads.csv).toFixed(0)} ms (${spread(reads.csv)}); Parquet ${median(reads.parquet).toFixed(0)} ms (${spread(reads.parquet)}); Parquet / CSV ${median(reads.parquet.map((p, i) => p / reads.csv[i]!)).toFixed(2)}`);
console.log(`\nfolders: ${readdirSync(scratch).length - 1} written and removed`);
rmSync(scratch, { recursive: true, force: true });
