/**
 * CLI start-up (`npm run bench:startup`): `draagvlak --version` and `draagvlak validate` of one
 * small scenario, each in a fresh process (from the bundle bin/draagvlak.js runs, and from the
 * modules of dist/src/), and in fresh processes the two ways to get the scenario
 * validator — loading the one `npm run build` compiled (ajv standalone code) against compiling the
 * schema with ajv. Alternated over ROUNDS rounds; medians with the spread (min–max) of wall and CPU
 * time; the ratio of the two validators taken within each round.
 */
import { spawnSync } from 'node:child_process';
import { availableParallelism, loadavg } from 'node:os';
import { resolve } from 'node:path';
import { packageRoot } from '../src/run/manifest.js';
import { alternate, cliCost, median, spread, type Cost } from './measure.js';

// In a child: get the validator one way and print what that cost (this process's imports included).
if (process.argv[2] === '--validator') {
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  if (process.argv[3] === 'built') {
    const { scenarioValidator } = await import('../src/scenario/validate.js');
    if (!scenarioValidator().prebuilt) throw new Error('no compiled validator in the build: npm run build');
  } else {
    const [{ Ajv }, { scenarioSchema }, { AJV_OPTIONS }] = await Promise.all([import('ajv'), import('../src/scenario/schema.js'), import('../src/scenario/validate.js')]);
    new Ajv(AJV_OPTIONS).compile(scenarioSchema());
  }
  const c = process.cpuUsage(c0);
  console.log(JSON.stringify({ wall: performance.now() - t0, cpu: (c.user + c.system) / 1000, rss: 0 }));
  process.exit(0);
}

function validatorCost(how: 'built' | 'compiled'): Cost {
  const child = spawnSync(process.execPath, [new URL(import.meta.url).pathname, '--validator', how], { encoding: 'utf8' });
  if (child.status !== 0) throw new Error(child.stderr);
  return JSON.parse(child.stdout) as Cost;
}

const ROUNDS = Number(process.env.ROUNDS ?? 7);
const small = resolve(packageRoot(), 'scenarios/classic.yaml');
console.log(`draagvlak start-up bench — Node ${process.version}, ${availableParallelism()} cores, load average ${loadavg().map((x) => x.toFixed(1)).join(' ')}, ${ROUNDS} rounds`);
const costs = await alternate(
  {
    version: () => cliCost(['--version']),
    validate: () => cliCost(['validate', small]),
    versionModules: () => cliCost(['--version'], { modules: true }),
    validateModules: () => cliCost(['validate', small], { modules: true }),
    built: () => validatorCost('built'),
    compiled: () => validatorCost('compiled'),
  },
  ROUNDS,
);
const show = (name: string, k: keyof typeof costs) => {
  const w = costs[k].map((c) => c.wall);
  const u = costs[k].map((c) => c.cpu);
  console.log(`  ${name.padEnd(52)}: wall ${median(w).toFixed(0)} ms (${spread(w)}), cpu ${median(u).toFixed(0)} ms (${spread(u)})`);
};
show('draagvlak --version (whole process)', 'version');
show('draagvlak validate scenarios/classic.yaml (whole process)', 'validate');
show('the same two from dist/src/ (not bundled): --version', 'versionModules');
show('  validate scenarios/classic.yaml', 'validateModules');
show('validator compiled at build time: load it', 'built');
show('validator compiled now by ajv', 'compiled');
const r = costs.compiled.map((c, i) => c.cpu / costs.built[i].cpu);
console.log(`  compiling now / loading the built one (cpu, per round): ${median(r).toFixed(1)}× (${spread(r, 1)})`);
