/**
 * The model's own cost against an earlier commit, run by run (`npm run bench:model`; OLD=<commit>,
 * default f6409ac, main when issue 15 was filed; OLD_DIR for a checkout of it already built). Both
 * builds' model modules are loaded into this one process, and every run of a scenario is run by the
 * old build and by this one in turn — the order swapped from run to run and round to round, after a
 * round that warms both up — each build from its own copy of the scenario file, read by its own
 * loader. Whole commands of the two builds taken in turn (bench:patterns) differ by 10–30 % from
 * round to round on a shared machine, as the same work does; runs taken in turn within one process
 * meet the same machine, and their ratio holds to a few per cent. Reports the CPU of each build's
 * runs and the ratio now / then per round. SCENARIOS (comma-separated, under scenarios/; default
 * baseline.yaml and the patterns' weekly-recorded trust-asymmetry.yaml), REPLICATIONS (default 8),
 * ROUNDS (default 3). */
import { mkdtempSync, rmSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { packageRoot } from '../src/run/manifest.js';
import { buildAside, median, spread } from './measure.js';

const OLD = process.env.OLD ?? 'f6409ac';
const ROUNDS = Number(process.env.ROUNDS ?? 3);
const REPLICATIONS = Number(process.env.REPLICATIONS ?? 8);
const SCENARIOS = (process.env.SCENARIOS ?? 'baseline.yaml,patterns/trust-asymmetry.yaml').split(',');
const root = packageRoot();
const scratch = mkdtempSync(join(tmpdir(), 'draagvlak-model-bench-'));
const oldRoot = process.env.OLD_DIR ?? join(scratch, 'old');

/** What a build offers for running a plan: the parts of its dist/src/ whose interface both commits share. */
interface Build {
  runOne: (model: unknown, ctx: unknown, point: number, replicate: number) => unknown;
  runModel: unknown;
  runContext: (plan: unknown) => unknown;
  pointOf: (k: number, R: number) => number;
  replicateOf: (k: number, R: number) => number;
  planRuns: (scenario: unknown) => { points: unknown[]; scenario: { replications: number } };
  loadScenario: (file: string, options: { replications: number }) => unknown;
}

async function load(checkout: string): Promise<Build> {
  const from = (path: string) => import(pathToFileURL(join(checkout, 'dist', 'src', path)).href);
  return { ...(await from('model/run.js')), ...(await from('run/single.js')), ...(await from('run/jobs.js')), ...(await from('scenario/design.js')), ...(await from('scenario/load.js')) } as Build;
}

const cpuMs = () => {
  const c = process.cpuUsage();
  return (c.user + c.system) / 1000;
};

console.log(`draagvlak model bench — this build against ${OLD} (${oldRoot}), run by run in one process`);
try {
  buildAside(root, OLD, oldRoot, process.env.OLD_DIR !== undefined);
  console.log(`Node ${process.version}, ${availableParallelism()} cores, load average ${loadavg().map((x) => x.toFixed(1)).join(' ')}, ${ROUNDS} rounds, ${REPLICATIONS} replications`);
  const builds = { then: await load(oldRoot), now: await load(root) };
  const all: number[] = [];
  for (const name of SCENARIOS) {
    const plans = Object.fromEntries(
      Object.entries(builds).map(([k, b]) => {
        const plan = b.planRuns(b.loadScenario(join(k === 'then' ? oldRoot : root, 'scenarios', name), { replications: REPLICATIONS }));
        return [k, { build: b, plan, ctx: b.runContext(plan) }];
      }),
    ) as Record<'then' | 'now', { build: Build; plan: ReturnType<Build['planRuns']>; ctx: unknown }>;
    const runs = plans.now.plan.points.length * REPLICATIONS;
    if (plans.then.plan.points.length * REPLICATIONS !== runs) throw new Error(`${name}: the two commits plan different runs`);
    const cpu = { then: [] as number[], now: [] as number[] };
    // round −1 warms both builds up (compiled code, drawn populations) and is not counted
    for (let round = -1; round < ROUNDS; round++) {
      const spent = { then: 0, now: 0 };
      for (let k = 0; k < runs; k++) {
        for (const which of (k + round) % 2 === 0 ? (['then', 'now'] as const) : (['now', 'then'] as const)) {
          const { build, ctx } = plans[which];
          const c0 = cpuMs();
          build.runOne(build.runModel, ctx, build.pointOf(k, REPLICATIONS), build.replicateOf(k, REPLICATIONS));
          spent[which] += cpuMs() - c0;
        }
      }
      if (round < 0) continue;
      cpu.then.push(spent.then);
      cpu.now.push(spent.now);
    }
    const ratio = cpu.now.map((c, i) => c / cpu.then[i]);
    all.push(...ratio);
    console.log(
      `  ${name} (${runs} runs): then ${median(cpu.then).toFixed(0)} ms (${spread(cpu.then)}), now ${median(cpu.now).toFixed(0)} ms (${spread(cpu.now)}); ` +
        `now / then per round ${ratio.map((r) => r.toFixed(3)).join(', ')}; median ${median(ratio).toFixed(3)}`,
    );
  }
  console.log(`  now / then over every scenario and round: median ${median(all).toFixed(3)} (${spread(all, 3)})`);
} finally {
  rmSync(scratch, { recursive: true, force: true });
}
