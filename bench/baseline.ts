/**
 * The baseline end to end (`npm run bench:baseline`): `draagvlak run scenarios/baseline.yaml` as a
 * user runs it (fresh process, report and PNGs included; also with --no-png, with --no-report, and
 * from the modules of dist/src/ instead of the bundle) against the simulation's own cost — the same
 * runs as a bare loop of runModel in a fresh process.
 * Alternated over ROUNDS rounds; medians with the spread (min–max) of CPU (all threads of the
 * process) and wall time, and the ratio of total to simulation CPU taken within each round.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { runModel } from '../src/model/run.js';
import { pointOf, replicateOf } from '../src/run/jobs.js';
import { packageRoot } from '../src/run/manifest.js';
import { runContext, runOne } from '../src/run/single.js';
import { planRuns } from '../src/scenario/design.js';
import { loadScenario } from '../src/scenario/load.js';
import { alternate, cliCost, median, spread, type Cost } from './measure.js';

const baseline = resolve(packageRoot(), 'scenarios/baseline.yaml');

// In a child: the bare loop over the baseline's runs, from a fresh process.
if (process.argv[2] === '--bare') {
  const plan = planRuns(loadScenario(baseline));
  const ctx = runContext(plan);
  const R = plan.scenario.replications;
  const c0 = process.cpuUsage();
  for (let k = 0; k < plan.points.length * R; k++) runOne(runModel, ctx, pointOf(k, R), replicateOf(k, R));
  const c = process.cpuUsage(c0);
  console.log(JSON.stringify({ wall: performance.now(), cpu: (c.user + c.system) / 1000, rss: process.resourceUsage().maxRSS / 1024 }));
  process.exit(0);
}

function bare(): Cost {
  const child = spawnSync(process.execPath, [new URL(import.meta.url).pathname, '--bare'], { encoding: 'utf8' });
  if (child.status !== 0) throw new Error(child.stderr);
  return JSON.parse(child.stdout) as Cost;
}

const ROUNDS = Number(process.env.ROUNDS ?? 3);
const WORKERS = process.env.WORKERS ?? '1';
const scratch = mkdtempSync(join(tmpdir(), 'draagvlak-baseline-bench-'));
let n = 0;
const args = () => ['run', baseline, '--out', join(scratch, `out${n++}`), '--force', '--quiet', '--workers', WORKERS];
const run = (...more: string[]) => cliCost([...args(), ...more]);
console.log(`draagvlak baseline bench — Node ${process.version}, ${availableParallelism()} cores, load average ${loadavg().map((x) => x.toFixed(1)).join(' ')}, ${ROUNDS} rounds, --workers ${WORKERS}`);
const costs = await alternate(
  { bare, full: () => run(), noPng: () => run('--no-png'), noReport: () => run('--no-report'), modules: () => cliCost(args(), { modules: true }) },
  ROUNDS,
);
const show = (name: string, k: keyof typeof costs) => {
  const w = costs[k].map((c) => c.wall);
  const u = costs[k].map((c) => c.cpu);
  const r = costs[k].map((c, i) => c.cpu / costs.bare[i].cpu);
  console.log(`  ${name.padEnd(40)}: cpu ${median(u).toFixed(0)} ms (${spread(u)}), wall ${median(w).toFixed(0)} ms (${spread(w)}); cpu / simulation ${median(r).toFixed(2)}× (${spread(r, 2)})`);
};
show('simulation: bare runModel loop', 'bare');
show('draagvlak run baseline.yaml', 'full');
show('draagvlak run baseline.yaml --no-png', 'noPng');
show('draagvlak run baseline.yaml --no-report', 'noReport');
show('the same, from dist/src/ (not bundled)', 'modules');
// The same commands split by thread within their own process (Linux's /proc): the worker that ran
// the 60 runs against the whole command. Both meet the same machine at the same moment, so this
// ratio does not carry the variation between two processes that the ratio to the bare loop does.
// With one worker and runs as short as the baseline's, the runs go in the main thread (see
// planExecutor): then no thread of the process ran them alone, and there is nothing to split.
const split = (name: string, k: keyof typeof costs) => {
  const threads = costs[k].map((c) => c.threads);
  if (!threads.every((t) => t !== undefined)) return;
  if (threads.some((t, i) => t.busiest < costs.bare[i].cpu / 2)) {
    console.log(`  ${name.padEnd(40)}: the runs went in the main thread (${median(threads.map((t) => t.main)).toFixed(0)} ms), no worker to split off`);
    return;
  }
  const worker = threads.map((t) => t.busiest);
  const main = threads.map((t) => t.main);
  const r = costs[k].map((c, i) => c.cpu / worker[i]);
  console.log(`  ${name.padEnd(40)}: its worker thread ${median(worker).toFixed(0)} ms (${spread(worker)}), main thread ${median(main).toFixed(0)} ms (${spread(main)}); cpu / its worker ${median(r).toFixed(2)}× (${spread(r, 2)})`);
};
console.log('  within each command, by thread (where a worker ran the runs: start-up, populations, runs):');
split('draagvlak run baseline.yaml', 'full');
split('draagvlak run baseline.yaml --no-png', 'noPng');
split('draagvlak run baseline.yaml --no-report', 'noReport');
rmSync(scratch, { recursive: true, force: true });
