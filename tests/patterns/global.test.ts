import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { csvCells } from '../../src/analysis/csvText.js';
import { rankCorrelation } from '../../src/explore/analyse.js';
import { PATTERNS, type PatternDef } from '../../src/patterns/definitions.js';
import { GLOBAL_BAND, globalFactors, globalParameters, measureAtPoint, runGlobal, sampledIn } from '../../src/patterns/global.js';
import { patternPlan, runPatterns, scaled } from '../../src/patterns/run.js';
import { runContext } from '../../src/run/single.js';
import { deriveRunSeed } from '../../src/random/streams.js';

/**
 * The global sample of docs/patterns.md ("Across the uncertainty space"), on small worlds (40
 * households a neighbourhood, 40 weeks, 2 or 3 replications) so that it runs in seconds, in this
 * thread, on fixed seeds.
 */
const DIR = 'scenarios/patterns';
const SMALL = ['population.households=40', 'horizon=60'];
const byId = (id: string): PatternDef => PATTERNS.find((p) => p.id === id) as PatternDef;
const readCsv = (file: string) => readFileSync(file, 'utf8').trimEnd().split('\n').map(csvCells);
const dirs: string[] = [];
const tempDir = () => {
  const d = mkdtempSync(join(tmpdir(), 'draagvlak-global-'));
  dirs.push(d);
  return d;
};
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

describe('the global sample of the uncertainties', () => {
  const paths = globalParameters(PATTERNS);

  it('samples the union of the sensitivity lists, each factor inside ±20 %, the same points for the same seed', () => {
    expect(paths.length).toBe(new Set(PATTERNS.flatMap((p) => p.sensitivity)).size);
    for (const def of PATTERNS) for (const path of def.sensitivity) expect(paths).toContain(path);
    const a = globalFactors(16, paths.length, 7);
    expect(Array.from(a)).toEqual(Array.from(globalFactors(16, paths.length, 7)));
    expect(Array.from(a)).not.toEqual(Array.from(globalFactors(16, paths.length, 8)));
    for (const f of a) {
      expect(f).toBeGreaterThanOrEqual(1 - GLOBAL_BAND);
      expect(f).toBeLessThan(1 + GLOBAL_BAND);
    }
    // Space-filling: every factor has points in each of the four quarters of its band (a Sobol' net).
    for (let j = 0; j < paths.length; j++) {
      const quarters = new Set(Array.from({ length: 16 }, (_, p) => Math.floor((a[p * paths.length + j] - 0.8) / 0.1)));
      expect(quarters.size, paths[j]).toBe(4);
    }
  });

  it('sets every sampled parameter a pattern does not vary to its factor times the pattern\'s own value, kept in range; not the ones it varies', () => {
    const steering = patternPlan(byId('steering'), DIR, { replications: 1, keepOnly: true });
    expect(sampledIn(steering, 'strategy.steering')).toBe(false);
    expect(sampledIn(steering, 'rates.crowding')).toBe(true);
    const classic = patternPlan(byId('classic-vs-cooperative'), DIR, { replications: 1, keepOnly: true });
    expect(sampledIn(classic, 'strategy.competence')).toBe(false);
    expect(sampledIn(classic, 'residents.threshold')).toBe(true);
  });

  it('is paired: at every point a pattern meets the same seeds, and replicate r the same people', async () => {
    const def = byId('cohesion');
    const base = patternPlan(def, DIR, { replications: 3, keepOnly: true, set: SMALL });
    const f = globalFactors(2, paths.length, 3);
    const at = (p: number) => measureAtPoint(def, base, DIR, paths, f.subarray(p * paths.length, (p + 1) * paths.length), { replications: 3, set: SMALL, workers: 0 });
    const [a, b] = [await at(0), await at(1)];
    expect(a.values).not.toEqual(b.values);
    const seeds = (plan: typeof a.plan) => {
      const ctx = runContext(plan);
      return plan.points.flatMap((_, point) => [0, 1, 2].map((r) => deriveRunSeed(ctx.seed, point, r, ctx.commonRandomNumbers)));
    };
    expect(seeds(a.plan)).toEqual(seeds(b.plan));
    expect(a.plan.scenario.seed).toBe(base.scenario.seed);
    // Replicate r starts from the same trust at both points, and from another trust than replicate r + 1.
    for (let r = 0; r < 3; r++) expect(a.runs[0][r].trust?.[0]).toBe(b.runs[0][r].trust?.[0]);
    expect(a.runs[0][0].trust?.[0]).not.toBe(a.runs[0][1].trust?.[0]);
    // Each sampled value is the factor times the pattern's own value, in range.
    paths.forEach((path, j) => {
      if (a.values[j] === null) return;
      expect(a.values[j]).toBe(scaled(base, path, f[j]));
    });
  });

  it('writes one row per point × pattern × primary effect, and each pattern\'s share is its points held over N', async () => {
    const out = tempDir();
    const only = ['cohesion', 'diversity', 'classic-vs-cooperative'];
    const { shares, rows } = await runGlobal({ points: 3, out, workers: 0, only, set: SMALL, replications: 2, seed: 11 });
    const defs = PATTERNS.filter((p) => only.includes(p.id));
    const sampled = globalParameters(defs);
    const csv = readCsv(join(out, 'patterns-global.csv'));
    expect(csv[0]).toEqual(['point', 'pattern', 'comparison', 'outcome', 'effect', 'lo', 'hi', 'replications', 'holds', ...sampled]);
    // Primary effects per pattern (src/patterns/definitions.ts): classic 4, cohesion 1, diversity 1.
    const primaries: Record<string, number> = { cohesion: 1, diversity: 1, 'classic-vs-cooperative': 4 };
    expect(csv.length - 1).toBe(rows.length);
    for (const id of only) for (const p of [0, 1, 2]) expect(rows.filter((r) => r.pattern === id && r.point === p).length, `${id} ${p}`).toBe(primaries[id]);
    for (const r of rows) expect(r.replications).toBe(2);
    const shareCsv = readCsv(join(out, 'patterns-global-share.csv'));
    for (const s of shares) {
      const own = rows.filter((r) => r.pattern === s.pattern);
      const held = [0, 1, 2].filter((p) => own.filter((r) => r.point === p).every((r) => r.holds)).length;
      expect(s.held).toBe(held);
      expect(s.share).toBe(held / 3);
      expect(s.lo).toBeLessThanOrEqual(s.share);
      expect(s.hi).toBeGreaterThanOrEqual(s.share);
      const line = shareCsv.find((c) => c[0] === s.pattern) as string[];
      expect(Number(line[2])).toBe(held);
      expect(Number(line[1])).toBe(3);
    }
    expect(existsSync(join(out, 'patterns-global.svg'))).toBe(true);
    expect(existsSync(join(out, 'patterns-global-separation.csv'))).toBe(true);
  }, 120_000);

  it('ranks the parameters by how they separate holding from failing (Spearman, with ties)', () => {
    expect(rankCorrelation(Float64Array.of(1, 2, 3, 4), Float64Array.of(0, 0, 1, 1))).toBeCloseTo(0.8944271909999159, 12);
    expect(rankCorrelation(Float64Array.of(1, 2, 3, 4), Float64Array.of(1, 1, 0, 0))).toBeCloseTo(-0.8944271909999159, 12);
    expect(rankCorrelation(Float64Array.of(1, 2, 3), Float64Array.of(1, 1, 1))).toBe(0);
  });
});

describe('--set on the patterns', () => {
  it('reaches the plan of every pattern', async () => {
    const { results } = await runPatterns({ quick: true, workers: 0, sensitivity: false, set: [...SMALL, 'replications=2', 'mechanisms.agendas=true'] });
    expect(results.map((r) => r.pattern.id)).toEqual(PATTERNS.map((p) => p.id));
    for (const r of results) {
      expect(r.plan.scenario.replications, r.pattern.id).toBe(2);
      for (const p of r.plan.points) expect(p.params.mechanisms.agendas, `${r.pattern.id} ${p.label}`).toBe(true);
      for (const e of r.effects) expect(e.replications).toBe(2);
    }
  }, 120_000);
});

describe('draagvlak patterns refuses bad input', () => {
  for (const args of [['--global', '0'], ['--global', 'x'], ['--global', '2.5'], ['--set', 'rates.crowdin=0.1'], ['--set', 'mechanisms.agendas=maybe'], ['--set', 'nothing']]) {
    it(`${args.join(' ')}: exit 2, nothing written`, async () => {
      const { main } = await import('../../src/cli/main.js');
      const out = join(tempDir(), 'never');
      expect(await main(['node', 'draagvlak', 'patterns', ...args, '--out', out])).toBe(2);
      expect(existsSync(out)).toBe(false);
    });
  }
});
