import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { runModel } from '../../src/model/run.js';
import { UsageError } from '../../src/run/errors.js';
import { executePlan } from '../../src/run/execute.js';
import { LOCK } from '../../src/run/lock.js';
import { mergeShards } from '../../src/run/merge.js';
import { readManifest } from '../../src/run/manifest.js';
import { blockSize, intersect, parseShard, runsIn, shardRanges } from '../../src/run/shard.js';
import { planRuns } from '../../src/scenario/design.js';
import { parseScenario } from '../../src/scenario/load.js';
import type { RunPlan } from '../../src/scenario/types.js';
import { tinySweep } from '../e2e/cli.js';

afterEach(() => {
  delete process.env.DRAAGVLAK_FAIL_RUN;
});

const quiet = { quiet: true, handleSignals: false, workers: 1, model: runModel } as const;
const RESULT_FILES = ['runs.csv', 'initiatives.csv', 'series.csv', 'interventions.csv', 'failures.csv'];

function tmp(): string {
  return mkdtempSync(join(tmpdir(), 'draagvlak-shard-'));
}
function files(dir: string): Record<string, string | null> {
  return Object.fromEntries(RESULT_FILES.map((f) => [f, existsSync(join(dir, f)) ? readFileSync(join(dir, f), 'utf8') : null]));
}
/** The manifest without its `execution` block (times, workers: what differs between executions). */
function fixedManifest(dir: string): unknown {
  const { execution: _, ...rest } = readManifest(join(dir, 'manifest.json'))!;
  return rest;
}
/** The tiny sweep (3 points) of the e2e tests, at `replications` replications, as a plan. */
function tinyPlan(replications: number, seed = 3): RunPlan {
  return planRuns(parseScenario(tinySweep({ replications, seed, households: 20, horizon: 10 }), 'tiny.yaml'));
}
async function runShards(plan: RunPlan, root: string, count: number): Promise<string[]> {
  const dirs: string[] = [];
  for (let index = 1; index <= count; index++) {
    const out = join(root, `shard-${index}-of-${count}`);
    const r = await executePlan(plan, { ...quiet, out, scenarioFile: 'tiny.yaml', shard: { index, count } });
    expect(r.status).toBe('complete');
    dirs.push(out);
  }
  return dirs;
}

describe('shard slices', () => {
  it('cover every run exactly once, with run counts differing by at most one block (any run count and shard count)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 5000 }), fc.integer({ min: 1, max: 64 }), (total, count) => {
        const shards = Array.from({ length: count }, (_, i) => shardRanges(total, { index: i + 1, count }));
        const owner = new Array<number>(total).fill(0);
        shards.forEach((ranges, i) => {
          for (const r of ranges) for (let k = r.start; k < r.end; k++) owner[k] = owner[k]! === 0 ? i + 1 : -1;
        });
        expect(owner.every((o) => o > 0)).toBe(true);
        const sizes = shards.map(runsIn);
        const block = blockSize(total, count);
        expect(block).toBeGreaterThanOrEqual(1);
        expect(block).toBeLessThanOrEqual(16);
        expect(Math.max(...sizes) - Math.min(...sizes)).toBeLessThanOrEqual(block);
      }),
    );
  });

  it('deal blocks in turn, so each shard gets every part of the design', () => {
    // 120 runs, 2 shards: blocks of 7 runs, odd blocks to shard 1, even ones to shard 2.
    expect(blockSize(120, 2)).toBe(7);
    expect(shardRanges(120, { index: 2, count: 2 }).slice(0, 3)).toEqual([{ start: 7, end: 14 }, { start: 21, end: 28 }, { start: 35, end: 42 }]);
    expect(shardRanges(120, { index: 1, count: 2 }).at(-1)).toEqual({ start: 112, end: 119 });
    expect(shardRanges(120, { index: 2, count: 2 }).at(-1)).toEqual({ start: 119, end: 120 });
    // Few runs: one run per block, round robin.
    expect(shardRanges(9, { index: 2, count: 3 })).toEqual([{ start: 1, end: 2 }, { start: 4, end: 5 }, { start: 7, end: 8 }]);
  });

  it('parses I/N and refuses anything else in one line', () => {
    expect(parseShard('2/8')).toEqual({ index: 2, count: 8 });
    for (const bad of ['0/3', '4/3', '3', 'a/b', '1/0', '-1/2', '1.5/3']) expect(parseShard(bad)).toMatch(/^--shard: expected I\/N .* found "/);
    expect(intersect([{ start: 0, end: 5 }, { start: 8, end: 12 }], [{ start: 3, end: 9 }, { start: 11, end: 20 }])).toEqual([
      { start: 3, end: 5 }, { start: 8, end: 9 }, { start: 11, end: 12 },
    ]);
  });
});

describe('run --shard and merge', () => {
  it('1, 3 and 7 shards merge to the bytes of one unsplit run, failed runs included (random run counts)', async () => {
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 1, max: 20 }), fc.integer({ min: 0, max: 59 }), async (replications, failing) => {
        const plan = tinyPlan(replications);
        const total = plan.points.length * replications;
        // One run made to throw (when it exists): its failure row must land where the unsplit run puts it.
        process.env.DRAAGVLAK_FAIL_RUN = `${Math.floor(failing / replications)}:${failing % replications}`;
        const root = tmp();
        const whole = join(root, 'whole');
        await executePlan(plan, { ...quiet, out: whole, scenarioFile: 'tiny.yaml' });
        const expected = files(whole);
        expect(expected['runs.csv']!.trimEnd().split('\n').length + (expected['failures.csv'] ? expected['failures.csv'].trimEnd().split('\n').length - 1 : 0)).toBe(total + 1);
        for (const count of [1, 3, 7]) {
          const dirs = await runShards(plan, join(root, `n${count}`), count);
          const merged = join(root, `merged-${count}`);
          // The plan is rebuilt from the shards' manifests, as the CLI does.
          const r = mergeShards(merged, [...dirs].reverse());
          expect(r).toMatchObject({ runs: total, shards: count });
          expect(files(merged)).toEqual(expected);
          expect(fixedManifest(merged)).toEqual(fixedManifest(whole));
          expect(readManifest(join(merged, 'manifest.json'))!.execution.shards!.map((s) => s.shard)).toEqual(dirs.map((_, i) => `${i + 1}/${count}`));
          expect(readdirSync(merged)).not.toContain('.parts');
        }
      }),
      { numRuns: 5 },
    );
  }, 120_000);

  it('resumes an interrupted shard to the same bytes, and refuses to resume it as another shard', async () => {
    const plan = tinyPlan(4);
    const root = tmp();
    const whole = join(root, 'whole');
    await executePlan(plan, { ...quiet, out: whole, scenarioFile: 'tiny.yaml' });
    const dirs = await runShards(plan, root, 2);
    const out = dirs[1]!;
    // Shard 2 again, stopped after two runs.
    const stop = new AbortController();
    let calls = 0;
    const stopping: typeof runModel = (...args) => {
      if (++calls === 2) stop.abort();
      return runModel(...args);
    };
    const first = await executePlan(plan, { ...quiet, out, model: stopping, abort: stop.signal, shard: { index: 2, count: 2 }, scenarioFile: 'tiny.yaml' });
    expect(first.status).toBe('interrupted');
    expect(readManifest(join(out, 'manifest.json'))).toMatchObject({ complete: false, shard: { index: 2, count: 2, block: 1, runs: 6 } });
    expect(() => mergeShards(join(root, 'early'), dirs)).toThrow(/shard 2\/2 is incomplete; finish it with .*--shard 2\/2.*--resume/);
    await expect(executePlan(plan, { ...quiet, out, resume: true, shard: { index: 1, count: 2 } })).rejects.toThrow(/holds shard 2\/2, not shard 1\/2/);
    await expect(executePlan(plan, { ...quiet, out, resume: true })).rejects.toThrow(/holds shard 2\/2, not an unsplit run/);
    const second = await executePlan(plan, { ...quiet, out, resume: true, shard: { index: 2, count: 2 }, scenarioFile: 'tiny.yaml' });
    expect(second).toMatchObject({ status: 'complete', runs: 6 });
    expect(second.ranNow).toBeLessThan(6);
    mergeShards(join(root, 'merged'), dirs);
    expect(files(join(root, 'merged'))).toEqual(files(whole));
  });

  it('refuses shards that are missing, given twice, or from another scenario, writing nothing', async () => {
    const plan = tinyPlan(3);
    const root = tmp();
    const dirs = await runShards(plan, root, 3);
    const [other] = await runShards(tinyPlan(3, 4), join(root, 'other'), 3);
    const refused = (given: string[]) => {
      const out = join(root, 'merged');
      let error: unknown;
      try {
        mergeShards(out, given);
      } catch (err) {
        error = err;
      }
      expect(error).toBeInstanceOf(UsageError);
      expect(existsSync(out)).toBe(false);
      const { problems } = error as UsageError;
      expect(problems).toHaveLength(1);
      return problems[0]!;
    };
    expect(refused([dirs[0]!, dirs[2]!])).toBe("merge: missing shard 2/3 (3 of 9 runs); give every shard's folder, running the missing shards first");
    expect(refused([dirs[1]!])).toMatch(/^merge: missing shards 1\/3, 3\/3 \(6 of 9 runs\);/);
    expect(refused([...dirs, dirs[1]!])).toMatch(/^merge: shard 2\/3 is given twice, as .*shard-2-of-3 and .*shard-2-of-3; give each shard once$/);
    const [half] = await runShards(plan, join(root, 'halves'), 2);
    expect(refused([half!, dirs[1]!])).toMatch(/^merge: shard 2\/3 \(.*\) and shard 1\/2 \(.*halves.*\) belong to different splits \(into 3 and 2\)/);
    expect(refused([other!, dirs[1]!, dirs[2]!])).toMatch(/^merge: shard 2\/3 \(.*\) comes from another scenario than shard 1\/3 \(.*other.*\) \(scenario hash [0-9a-f]{12}…, not [0-9a-f]{12}…\)/);
    expect(refused([...dirs, root])).toMatch(/^.*draagvlak-shard-[^:]*: not a draagvlak results folder/);
  });

  // The lock is the same rule as a run's (tests/reliability): another live run's folder is not
  // written into, and a run started while the merge writes, or draws its report, is refused.
  it('takes the output folder’s lock: refused while another run holds it, held until released', async () => {
    const root = tmp();
    const dirs = await runShards(tinyPlan(2), root, 2);
    const out = join(root, 'merged');
    mkdirSync(out);
    writeFileSync(join(out, LOCK), JSON.stringify({ pid: 1, host: 'another-host', startedAt: 'then' }));
    expect(() => mergeShards(out, dirs)).toThrow(/^merge: .*merged: in use by another draagvlak run \(pid 1 on another-host/);
    expect(readdirSync(out)).toEqual([LOCK]);
    rmSync(join(out, LOCK));
    const held = mergeShards(out, dirs, { hold: true });
    expect(JSON.parse(readFileSync(join(out, LOCK), 'utf8'))).toMatchObject({ pid: process.pid });
    held.release();
    expect(existsSync(join(out, LOCK))).toBe(false);
    mergeShards(out, dirs);
    expect(existsSync(join(out, LOCK))).toBe(false);
  });

  it('refuses a shard whose journal holds a damaged part, naming it, writing nothing', async () => {
    const root = tmp();
    const dirs = await runShards(tinyPlan(2), root, 2);
    const journal = join(dirs[1]!, '.parts');
    const part = readdirSync(journal)[0]!;
    writeFileSync(join(journal, part), readFileSync(join(journal, part)).subarray(0, 40)); // cut short
    const out = join(root, 'merged');
    expect(() => mergeShards(out, dirs)).toThrow(new RegExp(`^merge: shard 2/2 \\(.*\\): .*${part.replace('.', '\\.')} is cut short or changed \\(40 bytes, its header gives \\d+\\); remove it, and finish that shard with its command and --resume$`));
    expect(existsSync(out)).toBe(false);
  });
});
