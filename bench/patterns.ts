/**
 * `patterns --quick` now against an earlier commit (`npm run bench:patterns`; OLD=<commit>, default
 * f6409ac, main when issue 15 was filed): builds the old commit in a temporary folder (git archive,
 * then npm ci and npm run build there), then alternates `draagvlak patterns --quick` of the old
 * build and of this one over ROUNDS rounds, each its checkout's bin/draagvlak.js in a fresh process
 * started in that checkout (patterns reads scenarios/patterns from there). Reports CPU (user +
 * system, all threads) and wall, medians with the spread, and the ratio now / then per round.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { packageRoot } from '../src/run/manifest.js';
import { alternate, buildAside, median, spread, type Cost } from './measure.js';

const OLD = process.env.OLD ?? 'f6409ac';
const ROUNDS = Number(process.env.ROUNDS ?? 3);
const root = packageRoot();
const scratch = mkdtempSync(join(tmpdir(), 'draagvlak-patterns-bench-'));
/** OLD_DIR: a checkout of OLD already built (npm ci, npm run build), used as it is. */
const oldRoot = process.env.OLD_DIR ?? join(scratch, 'old');

/**
 * Runs a checkout's bin/draagvlak.js in a fresh process and writes what the process cost when it
 * exits (a file, not `node -e`: worker threads inherit the process's node options).
 */
const child = join(scratch, 'child.mjs');
writeFileSync(child, `
const [bin, costFile, ...args] = process.argv.slice(2);
const { writeFileSync } = await import('node:fs');
process.stdout.write = () => true;
process.on('exit', (code) => {
  const c = process.cpuUsage();
  writeFileSync(costFile, JSON.stringify({ code, wall: performance.now(), cpu: (c.user + c.system) / 1000, rss: process.resourceUsage().maxRSS / 1024 }));
});
process.argv = [process.argv[0], bin, ...args];
await import(bin);
`);

let n = 0;
function patternsCost(checkout: string): Cost {
  const out = join(scratch, `out${n++}`);
  const costFile = `${out}.json`;
  const run = spawnSync(process.execPath, [child, join(checkout, 'bin', 'draagvlak.js'), costFile, 'patterns', '--quick', '--out', out], { cwd: checkout, encoding: 'utf8' });
  const cost = JSON.parse(readFileSync(costFile, 'utf8')) as Cost & { code: number };
  if (run.status !== 0 || cost.code !== 0) throw new Error(`patterns --quick in ${checkout} exited ${cost.code}: ${run.stderr}`);
  return cost;
}

console.log(`draagvlak patterns --quick bench — ${OLD} in ${oldRoot}`);
try {
  buildAside(root, OLD, oldRoot, process.env.OLD_DIR !== undefined);
  console.log(`Node ${process.version}, ${availableParallelism()} cores, load average ${loadavg().map((x) => x.toFixed(1)).join(' ')}, ${ROUNDS} rounds`);
  const costs = await alternate({ old: () => patternsCost(oldRoot), now: () => patternsCost(root) }, ROUNDS);
  const show = (name: string, k: keyof typeof costs) => {
    const u = costs[k].map((c) => c.cpu / 1000);
    const w = costs[k].map((c) => c.wall / 1000);
    console.log(`  ${name.padEnd(24)}: cpu ${median(u).toFixed(1)} s (${spread(u, 1)}), wall ${median(w).toFixed(1)} s (${spread(w, 1)})`);
  };
  show(`patterns --quick at ${OLD}`, 'old');
  show('patterns --quick now', 'now');
  const r = costs.now.map((c, i) => c.cpu / costs.old[i].cpu);
  console.log(`  cpu now / then (per round): ${median(r).toFixed(3)} (${spread(r, 3)}), i.e. ${((1 - median(r)) * 100).toFixed(1)} % less`);
  console.log(`  load average at the end: ${loadavg().map((x) => x.toFixed(1)).join(' ')}`);
} finally {
  rmSync(scratch, { recursive: true, force: true });
}
