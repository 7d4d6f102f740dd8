/**
 * `draagvlak run` end to end on scenarios/steering-sweep.yaml, this code against an earlier commit,
 * measured in one run (`npm run bench:seam`; BASE=<commit> to choose the earlier one, default the
 * commit before the metric registry, outcomes module and result set; WORKERS, REPEATS).
 *
 * The earlier commit is unpacked (git archive) into a temporary folder, sharing this checkout's
 * node_modules, and built there. Then both run the sweep in turn — interleaved, so that a burst of
 * other work on the machine does not fall on one side only — with and without the report stage,
 * and the best wall and CPU time of each is reported with the ratio new / old. The result files are
 * compared too: runs.csv and series.csv byte for byte, initiatives.csv without the new
 * members_final column.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { packageRoot } from '../src/run/manifest.js';

const BASE = process.env.BASE ?? '555e3d1';
const REPEATS = Number(process.env.REPEATS ?? 3);
const WORKERS = Number(process.env.WORKERS ?? 2);
const root = packageRoot();
const scratch = mkdtempSync(join(tmpdir(), 'draagvlak-bench-seam-'));

function prepareOld(): string {
  const dir = join(scratch, 'old');
  execFileSync('bash', ['-c', `mkdir -p "${dir}" && git -C "${root}" archive "${BASE}" | tar -x -C "${dir}"`]);
  symlinkSync(join(root, 'node_modules'), join(dir, 'node_modules'));
  execFileSync(process.execPath, [join(root, 'node_modules/typescript/bin/tsc'), '-p', join(dir, 'tsconfig.build.json')], { stdio: 'inherit' });
  return dir;
}

interface Cost {
  wall: number;
  cpu: number;
}

/** One `draagvlak run` of the sweep from `tree`, timed by bash (wall, and user + system CPU of the process and its threads). */
function runSweep(tree: string, out: string, report: boolean): Cost {
  const args = [join(tree, 'bin/draagvlak.js'), 'run', join(tree, 'scenarios/steering-sweep.yaml'), '--out', out, '--workers', String(WORKERS), '--quiet', '--force'];
  if (!report) args.push('--no-report');
  const quoted = args.map((a) => `'${a}'`).join(' ');
  const r = spawnSync('bash', ['-c', `TIMEFORMAT='%R %U %S'; time "${process.execPath}" ${quoted} > /dev/null`], { cwd: scratch, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`${tree}: run failed\n${r.stderr}`);
  const [wall, user, sys] = r.stderr.trim().split('\n').pop()!.split(' ').map(Number);
  return { wall: wall * 1000, cpu: (user + sys) * 1000 };
}

const least = (a: Cost, b: Cost): Cost => ({ wall: Math.min(a.wall, b.wall), cpu: Math.min(a.cpu, b.cpu) });
const none = (): Cost => ({ wall: Infinity, cpu: Infinity });

console.log(`draagvlak seam bench — Node ${process.version}, ${availableParallelism()} cores, load average ${loadavg().map((x) => x.toFixed(1)).join(' ')}`);
console.log(`run scenarios/steering-sweep.yaml --workers ${WORKERS}: this checkout against ${BASE}, best of ${REPEATS}, interleaved`);
const old = prepareOld();
const best = { old: { full: none(), bare: none() }, new: { full: none(), bare: none() } };
try {
  for (let i = 0; i < REPEATS; i++) {
    for (const [name, tree] of [['old', old], ['new', root]] as const) {
      best[name].full = least(best[name].full, runSweep(tree, join(scratch, `${name}-full`), true));
      best[name].bare = least(best[name].bare, runSweep(tree, join(scratch, `${name}-bare`), false));
    }
  }
  const file = (side: string, f: string) => readFileSync(join(scratch, `${side}-full`, f), 'utf8');
  const withoutLastColumn = (text: string) => text.split('\n').map((l) => l.slice(0, l.lastIndexOf(','))).join('\n');
  const same =
    file('old', 'runs.csv') === file('new', 'runs.csv') &&
    file('old', 'series.csv') === file('new', 'series.csv') &&
    withoutLastColumn(file('new', 'initiatives.csv')) === file('old', 'initiatives.csv');
  const row = (what: string, o: Cost, n: Cost) =>
    console.log(`${what.padEnd(24)} old ${(o.wall / 1000).toFixed(2)} s wall, ${(o.cpu / 1000).toFixed(2)} s CPU; new ${(n.wall / 1000).toFixed(2)} s wall, ${(n.cpu / 1000).toFixed(2)} s CPU; new/old wall ${(n.wall / o.wall).toFixed(3)}, CPU ${(n.cpu / o.cpu).toFixed(3)}`);
  row('run (with report)', best.old.full, best.new.full);
  row('run --no-report', best.old.bare, best.new.bare);
  const stage = (c: { full: Cost; bare: Cost }): Cost => ({ wall: c.full.wall - c.bare.wall, cpu: c.full.cpu - c.bare.cpu });
  row('report stage (difference)', stage(best.old), stage(best.new));
  console.log(`result files: ${same ? 'runs.csv and series.csv identical, initiatives.csv identical but for members_final' : 'DIFFER'}`);
  if (!existsSync(join(scratch, 'new-full', 'report.html'))) throw new Error('no report written');
} finally {
  rmSync(scratch, { recursive: true, force: true });
}
