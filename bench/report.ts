/**
 * Report cost against the size of a sweep (`npm run bench:report`): Latin-hypercube sweeps of a
 * tiny world (2 neighbourhoods × 20 households, 20 weeks, so the runs are cheap) are run once, then
 * `draagvlak report DIR` is timed in a fresh process on each, in alternating order over ROUNDS
 * rounds, reporting the median and the spread (min–max) of wall time, CPU time (user + system of
 * that process) and peak memory (max RSS).
 *  - points: 250, 500, 1 000 and 2 000 points at 1 replication (runs = points);
 *  - runs: 250 points at 1, 2, 4 and 8 replications (points fixed, runs growing);
 * and a least-squares line through each family's CPU times, with its R² and the time per point or
 * run at the largest size beside the slope: linear when these agree. The 2 000-point report is also
 * timed without PNGs (--no-png).
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { packageRoot } from '../src/run/manifest.js';
import { cliCost, median, spread, type Cost } from './measure.js';

const ROUNDS = Number(process.env.ROUNDS ?? 3);
const root = packageRoot();
const cli = resolve(root, 'bin/draagvlak.js');
const scratch = mkdtempSync(join(tmpdir(), 'draagvlak-report-bench-'));

/** Runs an LHS sweep of `points` points × `replications` and returns its folder (no report). */
function sweep(points: number, replications: number): string {
  const file = join(scratch, `lhs-${points}-${replications}.yaml`);
  writeFileSync(
    file,
    `name: lhs\ndescription: bench\nquestion: bench\npreset: cooperative\nseed: 3\nreplications: ${replications}\nhorizon: 20\nsampleEvery: 5\n` +
      'population: {neighbourhoods: 2, households: 20}\n' +
      `sweep:\n  design: lhs\n  samples: ${points}\n  parameters:\n    strategy.steering: {from: 0, to: 1}\n    strategy.participation: {from: 0, to: 1}\n`,
  );
  const out = join(scratch, `out-${points}-${replications}`);
  execFileSync(process.execPath, [cli, 'run', file, '--out', out, '--quiet', '--force', '--no-report'], { cwd: scratch, stdio: ['ignore', 'ignore', 'inherit'] });
  return out;
}

const report = (dir: string, extra: string[] = []): Cost => cliCost(['report', dir, ...extra]);

/** Least squares y = a + b x, with R². */
function fit(xs: number[], ys: number[]): { a: number; b: number; r2: number } {
  const n = xs.length;
  const mx = xs.reduce((s, x) => s + x, 0) / n;
  const my = ys.reduce((s, y) => s + y, 0) / n;
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (let i = 0; i < n; i++) {
    sxy += (xs[i] - mx) * (ys[i] - my);
    sxx += (xs[i] - mx) ** 2;
    syy += (ys[i] - my) ** 2;
  }
  const b = sxy / sxx;
  return { a: my - b * mx, b, r2: syy > 0 ? (sxy * sxy) / (sxx * syy) : 1 };
}

console.log(`draagvlak report bench — Node ${process.version}, ${availableParallelism()} cores, load average ${loadavg().map((x) => x.toFixed(1)).join(' ')}, ${ROUNDS} rounds`);
const families = [
  { name: 'points', unit: 'point', sizes: [250, 500, 1000, 2000].map((p) => ({ x: p, points: p, replications: 1 })) },
  { name: 'runs', unit: 'run', sizes: [1, 2, 4, 8].map((r) => ({ x: 250 * r, points: 250, replications: r })) },
];
const cases = families.flatMap((f) => f.sizes.map((s) => ({ family: f.name, ...s, dir: sweep(s.points, s.replications), extra: [] as string[] })));
const biggest = cases.find((c) => c.points === 2000)!;
cases.push({ ...biggest, family: 'no-png', extra: ['--no-png'] });

const costs = new Map<(typeof cases)[number], Cost[]>(cases.map((c) => [c, []]));
for (let round = 0; round < ROUNDS; round++) {
  // alternate the order each round, so a burst of other work on the machine does not fall on one size only
  const order = round % 2 === 0 ? cases : [...cases].reverse();
  for (const c of order) costs.get(c)!.push(report(c.dir, c.extra));
}

const show = (c: (typeof cases)[number]) => {
  const k = costs.get(c)!;
  const m = (f: 'wall' | 'cpu' | 'rss') => median(k.map((x) => x[f]));
  console.log(
    `  ${String(c.points).padStart(5)} points × ${c.replications} = ${String(c.points * c.replications).padStart(5)} runs${c.extra.length ? ' ' + c.extra.join(' ') : ''}: ` +
      `wall ${m('wall').toFixed(0)} ms (${spread(k.map((x) => x.wall))}), cpu ${m('cpu').toFixed(0)} ms (${spread(k.map((x) => x.cpu))}), max rss ${m('rss').toFixed(0)} MB (${spread(k.map((x) => x.rss))})`,
  );
};
for (const f of families) {
  console.log(`${f.name}:`);
  const rows = cases.filter((c) => c.family === f.name);
  rows.forEach(show);
  const cpu = rows.map((c) => median(costs.get(c)!.map((x) => x.cpu)));
  const { a, b, r2 } = fit(rows.map((c) => c.x), cpu);
  const last = rows.at(-1)!;
  const marginal = (cpu.at(-1)! - cpu[0]) / (last.x - rows[0].x);
  console.log(
    `  fit of cpu: ${a.toFixed(0)} ms + ${b.toFixed(3)} ms per ${f.unit}, R² ${r2.toFixed(3)}; ` +
      `from the smallest to the largest size ${marginal.toFixed(3)} ms per ${f.unit} (linear: the two agree)`,
  );
}
console.log('without PNGs:');
show(cases.at(-1)!);
rmSync(scratch, { recursive: true, force: true });
