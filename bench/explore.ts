/**
 * The explore path's costs, measured in one run (`npm run bench:explore`):
 * 1. run rate: a Morris explore of a small scenario (plan, runs on 2 workers, analysis and the
 *    explore files) against a plain Latin-hypercube sweep of the same number of points, on the
 *    same pool — alternated, best of `REPEATS` each, so that load on the machine hits both alike;
 * 2. analysis: the outcomes and indices of 100 000 synthetic runs (8 initiatives each, 16
 *    factors, Morris), timed, with the heap measured after each of several rounds to show it
 *    stays flat.
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { analyseOutcomes, readOutcomeData } from '../src/explore/analyse.js';
import { exploreDesign, explorePlan } from '../src/explore/plan.js';
import { writeExploreFiles } from '../src/explore/write.js';
import type { OutcomeData } from '../src/analysis/pooledOutcomes.js';
import { analysisStream } from '../src/random/streams.js';
import { executePlan } from '../src/run/execute.js';
import { planRuns } from '../src/scenario/design.js';
import { parseScenario } from '../src/scenario/load.js';

const REPEATS = Number(process.env.REPEATS ?? 3);
const scratch = mkdtempSync(join(tmpdir(), 'draagvlak-bench-explore-'));
let n = 0;

const COMMON = `seed: 3
replications: 2
horizon: 104
sampleEvery: 104
population: {neighbourhoods: 4, households: 100}
`;
const FACTORS = `    strategy.steering: {from: 0, to: 1}
    strategy.participation: {from: 0, to: 1}
    strategy.serving: {from: 0, to: 1}
    residents.threshold: {from: 0.35, to: 0.6}
    environment.costs: {from: 0.3, to: 0.9}
`;
const explore = parseScenario(`name: bench-explore\n${COMMON}explore:\n  method: morris\n  trajectories: 40\n  levers:\n${FACTORS.split('\n').slice(0, 3).join('\n')}\n  uncertainties:\n${FACTORS.split('\n').slice(3).join('\n')}`, 'bench-explore.yaml');
const points = explorePlan(explore, 'bench-explore.yaml').plan.points.length;
const sweep = parseScenario(`name: bench-sweep\n${COMMON}sweep:\n  design: lhs\n  samples: ${points}\n  parameters:\n${FACTORS}`, 'bench-sweep.yaml');
const runs = points * explore.replications;

async function explorePath(): Promise<number> {
  const t = performance.now();
  const out = join(scratch, `out${n++}`);
  const { plan, design } = explorePlan(explore, 'bench-explore.yaml');
  await executePlan(plan, { out, workers: 2, quiet: true, handleSignals: false });
  writeExploreFiles(out, analyseOutcomes(design, explore, readOutcomeData(out, explore, design, plan.points.length)));
  return performance.now() - t;
}

async function sweepPath(): Promise<number> {
  const t = performance.now();
  await executePlan(planRuns(sweep), { out: join(scratch, `out${n++}`), workers: 2, quiet: true, handleSignals: false });
  return performance.now() - t;
}

/** Synthetic outcomes of `runs` runs with 8 initiatives each, reach weeks depending on the first factors. */
function syntheticData(design: ReturnType<typeof exploreDesign>, R: number): OutcomeData {
  const k = design.factors.length;
  const pts = design.unit.length / k;
  const total = pts * R;
  const rng = analysisStream(1, 'bench');
  const per = 8;
  const runOf = new Uint32Array(total * per);
  const reachedWeek = new Float64Array(total * per);
  const formalisedWeek = new Float64Array(total * per);
  const alignment = new Float64Array(total * per);
  for (let r = 0; r < total; r++) {
    const p = Math.floor(r / R);
    const speed = design.unit[p * k] + 0.5 * design.unit[p * k + 1];
    for (let i = 0; i < per; i++) {
      const j = r * per + i;
      runOf[j] = r;
      const week = Math.floor(200 * (1 - speed / 1.5) * rng());
      reachedWeek[j] = week <= 156 ? week : NaN;
      formalisedWeek[j] = week + 20 <= 156 ? week + 20 : NaN;
      alignment[j] = rng();
    }
  }
  return { horizon: 156, runs: total, runOf, reachedWeek, formalisedWeek, alignment, alignedAt: new Float64Array(total).fill(0.5), trustFinal: Float64Array.from({ length: total }, () => rng()) };
}

const mb = (bytes: number) => (bytes / 2 ** 20).toFixed(0);

async function main(): Promise<void> {
  process.stdout.write(`explore bench: ${points} points × ${explore.replications} replications = ${runs} runs each way, 2 workers, best of ${REPEATS}\n`);
  let bestExplore = Infinity;
  let bestSweep = Infinity;
  for (let i = 0; i < REPEATS; i++) {
    bestSweep = Math.min(bestSweep, await sweepPath());
    bestExplore = Math.min(bestExplore, await explorePath());
  }
  const rateExplore = runs / (bestExplore / 1000);
  const rateSweep = runs / (bestSweep / 1000);
  process.stdout.write(`  plain lhs sweep:            ${(bestSweep / 1000).toFixed(2)} s, ${rateSweep.toFixed(1)} runs/s\n`);
  process.stdout.write(`  explore (runs + analysis):  ${(bestExplore / 1000).toFixed(2)} s, ${rateExplore.toFixed(1)} runs/s\n`);
  process.stdout.write(`  explore rate / sweep rate:  ${((rateExplore / rateSweep) * 100).toFixed(1)} %\n`);

  // 100 000 runs: 16 factors, 4 replications → 25 000 points ≈ 1471 Morris trajectories of 17.
  const big = parseScenario(
    `name: bench-analysis\nseed: 1\nreplications: 4\nexplore:\n  method: morris\n  trajectories: 1471\n  levers:\n${Array.from({ length: 8 }, (_, i) => `    strategy.${['steering', 'participation', 'serving', 'buffer', 'revenueShare', 'competence', 'stakeholders', 'attentionBudget'][i]}: {from: ${i === 6 ? 1 : 0}, to: ${i === 6 ? 8 : 1}}`).join('\n')}\n  uncertainties:\n${['residents.threshold', 'residents.trustGov', 'residents.belonging', 'environment.costs', 'environment.provenTechniques', 'environment.climate', 'environment.policyPressure', 'rates.peerInfluence'].map((p) => `    ${p}: {from: 0.1, to: 0.2}`).join('\n')}\n  discover: {outcome: reached_by_156, below: 0.5}\n`,
    'bench-analysis.yaml',
  );
  const design = exploreDesign(big);
  const data = syntheticData(design, big.replications);
  const heap: number[] = [];
  let best = Infinity;
  for (let round = 0; round < 3; round++) {
    const t = performance.now();
    const a = analyseOutcomes(design, big, data);
    const out = join(scratch, `analysis${round}`);
    mkdirSync(out);
    writeExploreFiles(out, a);
    best = Math.min(best, performance.now() - t);
    (globalThis as { gc?: () => void }).gc?.();
    heap.push(process.memoryUsage().heapUsed);
  }
  process.stdout.write(`analysis of ${data.runs} runs (${data.runOf.length} initiatives, ${design.factors.length} factors, 5 outcomes, PRIM): ${(best / 1000).toFixed(2)} s (best of 3)\n`);
  process.stdout.write(`  heap after each round: ${heap.map(mb).join(', ')} MB\n`);
  rmSync(scratch, { recursive: true, force: true });
}

await main();
