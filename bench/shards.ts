/**
 * What splitting a sweep costs (`npm run bench:shards`): the default sweep
 * (scenarios/steering-sweep.yaml) run as one `draagvlak run` with W workers, against the same sweep
 * as N shards (`run --shard I/N`, started together, W/N workers each, so the same W workers in
 * all) followed by `draagvlak merge` — both through the command line, report included, as a user
 * would run them. Both results folders are checked to hold the same bytes. Each is timed by wall
 * clock and by CPU time (of all its processes and threads, from /proc/self/stat's waited-for
 * children times, so work of other programs on a busy machine does not count), alternating
 * unsplit and split, best of REPEATS each; the target is a split-and-merge no more than 10 %
 * slower. The wall times of the shards themselves show how even the split was.
 *   SHARDS (default 2), WORKERS (default 2), REPEATS (default 2), REPLICATIONS (default the file's).
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { packageRoot } from '../src/run/manifest.js';

const SHARDS = Number(process.env.SHARDS ?? 2);
const WORKERS = Number(process.env.WORKERS ?? 2);
const REPEATS = Number(process.env.REPEATS ?? 2);
if (!(WORKERS % SHARDS === 0)) throw new Error(`WORKERS (${WORKERS}) must be a multiple of SHARDS (${SHARDS}): the same total workers either way`);
const root = packageRoot();
const scenario = join(root, 'scenarios', 'steering-sweep.yaml');
const replications = process.env.REPLICATIONS ? ['--replications', process.env.REPLICATIONS] : [];
const scratch = mkdtempSync(join(tmpdir(), 'draagvlak-bench-shards-'));

function draagvlak(args: string[]): Promise<void> {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, [join(root, 'bin', 'draagvlak.js'), ...args], { cwd: scratch, stdio: ['ignore', 'ignore', 'inherit'] });
    child.once('error', fail);
    child.once('exit', (code) => (code === 0 ? done() : fail(new Error(`draagvlak ${args.join(' ')}: exit ${code}`))));
  });
}

/** CPU seconds of this process's waited-for children (cutime + cstime, /proc/[pid]/stat fields 16, 17). */
function childCpu(): number {
  const fields = readFileSync('/proc/self/stat', 'utf8').replace(/^.*\) /, '').split(' ');
  // After the command's closing parenthesis, field 3 (state) is at index 0: field n is at n − 3.
  return (Number(fields[16 - 3]) + Number(fields[17 - 3])) / 100;
}

async function timed(f: () => Promise<void>): Promise<{ wall: number; cpu: number }> {
  const [t0, c0] = [performance.now(), childCpu()];
  await f();
  return { wall: (performance.now() - t0) / 1000, cpu: childCpu() - c0 };
}

const unsplit = (out: string) => draagvlak(['run', scenario, ...replications, '--out', out, '--workers', String(WORKERS), '--quiet']);
let shardWalls: number[] = [];
let mergeWall = 0;
async function split(out: string): Promise<void> {
  const dirs = Array.from({ length: SHARDS }, (_, i) => `${out}.shards/${i + 1}`);
  const t0 = performance.now();
  shardWalls = await Promise.all(dirs.map(async (dir, i) => {
    await draagvlak(['run', scenario, ...replications, '--shard', `${i + 1}/${SHARDS}`, '--out', dir, '--workers', String(WORKERS / SHARDS), '--quiet']);
    return (performance.now() - t0) / 1000;
  }));
  const t1 = performance.now();
  await draagvlak(['merge', out, ...dirs]);
  mergeWall = (performance.now() - t1) / 1000;
}

/** The result files and summary of a folder (what the merge must reproduce byte for byte). */
function results(dir: string): string {
  return readdirSync(join(scratch, dir))
    .filter((f) => f.endsWith('.csv') && statSync(join(scratch, dir, f)).isFile())
    .sort()
    .map((f) => `${f}\n${readFileSync(join(scratch, dir, f), 'utf8')}`)
    .join('\n');
}

const times = { unsplit: [] as { wall: number; cpu: number }[], split: [] as { wall: number; cpu: number }[] };
const s = (x: number) => `${x.toFixed(1)} s`;
console.log(`draagvlak bench:shards — ${scenario.slice(root.length + 1)}${replications.length ? ` at ${replications[1]} replications` : ''}: ` +
  `one run with ${WORKERS} workers against ${SHARDS} shards × ${WORKERS / SHARDS} workers + merge; load average ${loadavg()[0]!.toFixed(1)}`);
for (let r = 0; r < REPEATS; r++) {
  times.unsplit.push(await timed(() => unsplit(`whole${r}`)));
  times.split.push(await timed(() => split(`split${r}`)));
  if (results(`whole${r}`) !== results(`split${r}`)) throw new Error('the merged shards differ from the unsplit run');
  const [u, p] = [times.unsplit[r]!, times.split[r]!];
  console.log(`  repeat ${r + 1}: unsplit ${s(u.wall)} wall, ${s(u.cpu)} CPU; ${SHARDS} shards + merge ${s(p.wall)} wall ` +
    `(shards done at ${shardWalls.map(s).join(', ')}; merge ${s(mergeWall)}), ${s(p.cpu)} CPU`);
}
const best = (k: 'wall' | 'cpu', of: { wall: number; cpu: number }[]) => Math.min(...of.map((t) => t[k]));
const ratio = (k: 'wall' | 'cpu') => best(k, times.split) / best(k, times.unsplit);
console.log(`best of ${REPEATS}: wall ${s(best('wall', times.unsplit))} unsplit, ${s(best('wall', times.split))} split + merge: ratio ${ratio('wall').toFixed(3)}; ` +
  `CPU ${s(best('cpu', times.unsplit))} against ${s(best('cpu', times.split))}: ratio ${ratio('cpu').toFixed(3)} (target ≤ 1.10); ` +
  `merged files byte-identical to the unsplit run's; load average now ${loadavg()[0]!.toFixed(1)}`);
rmSync(scratch, { recursive: true, force: true });
