import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import seedrandom from 'seedrandom';
import { SERIES_METRICS } from '../../src/model/output.js';

/** One point of a synthetic results folder. */
export interface SyntheticPoint {
  label: string;
  values?: Record<string, string | number>;
  /** Weekly chance that an initiative reaches the threshold. */
  hazard: number;
  /** Level trust drifts toward. */
  trust?: number;
  threshold?: number;
}

export interface SyntheticOptions {
  points: SyntheticPoint[];
  varied?: string[];
  replicates?: number;
  initiatives?: number;
  horizon?: number;
  sampleEvery?: number;
  seed?: number;
  scenario?: Record<string, unknown>;
  /** Leave the varied parameters out of the manifest, so the reader has to find them in the header. */
  manifestWithoutPlan?: boolean;
  /** Write the older flat manifest (scenario fields at `scenario`, times at the top) instead of the pipeline's. */
  flatManifest?: boolean;
  withSeries?: boolean;
}

/**
 * Writes a small results folder laid out as docs/results.md says, with outcomes drawn from a known
 * model: each initiative reaches its threshold after a geometric waiting time with the point's
 * weekly hazard, and its support share rises along a logistic curve through the threshold then.
 */
export function writeSyntheticResults(opts: SyntheticOptions, dir = mkdtempSync(join(tmpdir(), 'draagvlak-results-'))): string {
  const { points, varied = [], replicates = 10, initiatives = 8, horizon = 156, sampleEvery = 4, seed = 7 } = opts;
  mkdirSync(dir, { recursive: true });
  const rng = seedrandom.xor4096(`synthetic/${seed}`);
  const q = (v: string | number) => {
    const s = String(v);
    return /[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
  };
  const runs: string[] = [['point', 'replicate', 'seed', 'label', ...varied, 'initiatives', 'reached', 'formalised', 'first_reached_week', 'trust_gov_final', 'cohesion_final', 'drive_final', 'support_final', 'committed_share_final'].join(',')];
  const inits: string[] = [['point', 'replicate', 'seed', 'label', ...varied, 'initiative', 'neighbourhood', 'households', 'threshold', 'reached_week', 'formalised_week', 'support_share_final', 'progress_final', 'alignment_final'].join(',')];
  const series: string[] = [['point', 'replicate', 'seed', 'label', ...varied, 'week', 'metric', 'initiative', 'value'].join(',')];
  const weeks: number[] = [];
  for (let w = 0; w < horizon; w += sampleEvery) weeks.push(w);
  weeks.push(horizon);
  points.forEach((p, pi) => {
    const threshold = p.threshold ?? 0.3;
    for (let r = 0; r < replicates; r++) {
      const runSeed = 1000 + r;
      const id = [pi, r, runSeed, q(p.label), ...varied.map((v) => q(p.values?.[v] ?? ''))].join(',');
      const reachedWeeks: (number | null)[] = [];
      for (let i = 0; i < initiatives; i++) {
        const u = rng();
        const w = Math.ceil(Math.log(1 - u) / Math.log(1 - p.hazard));
        reachedWeeks.push(w >= 1 && w <= horizon ? w : null);
      }
      const reached = reachedWeeks.filter((w) => w !== null);
      const formalised = reachedWeeks.map((w) => (w !== null && w + 20 <= horizon ? w + 20 : null));
      const trustEnd = (p.trust ?? 0.5) + (rng() - 0.5) * 0.05;
      const wobble = (rng() - 0.5) * 0.04;
      runs.push([id, initiatives, reached.length, formalised.filter((f) => f !== null).length, reached.length ? Math.min(...(reached as number[])) : '', trustEnd, 0.5, 0.4, 0.35, 0.1].join(','));
      reachedWeeks.forEach((w, i) => {
        inits.push([id, i, i, 250, threshold, w ?? '', formalised[i] ?? '', w === null ? threshold * 0.8 : threshold + 0.05, 0.5, 0.5].join(','));
      });
      if (opts.withSeries === false) continue;
      for (const week of weeks) {
        const f = week / horizon;
        for (const metric of SERIES_METRICS) {
          const start = 0.5;
          const target = metric === 'trust_gov' ? trustEnd : metric === 'cohesion' ? 0.5 + 0.1 * p.hazard * 10 : metric === 'drive' ? 0.3 + p.hazard : 0.4;
          series.push([id, week, metric, '', start + (target - start) * f + wobble * f].join(','));
        }
        reachedWeeks.forEach((w, i) => {
          const mid = w ?? horizon * 1.6;
          const v = threshold / (1 + Math.exp(-(week - mid) / 12)) * 2 * 0.9 + 0.02;
          series.push([id, week, 'support_share', i, Math.min(1, v)].join(','));
        });
      }
    }
  });
  writeFileSync(join(dir, 'runs.csv'), runs.join('\n') + '\n');
  writeFileSync(join(dir, 'initiatives.csv'), inits.join('\n') + '\n');
  if (opts.withSeries !== false) writeFileSync(join(dir, 'series.csv'), series.join('\n') + '\n');
  const scenario = { name: 'Synthetic comparison', description: 'Made-up results for tests.', question: 'Which strategy gets initiatives to their support threshold?', horizon, sampleEvery, seed: 42, replications: replicates, ...opts.scenario };
  // the shape src/run/manifest.ts writes: scenario {file, name, hash, resolved}, execution {…}
  const manifest: Record<string, unknown> = opts.flatManifest
    ? {
        scenario, hash: 'sha256:0123abcd', seed: 42, version: '0.1.0', commit: 'abc1234', node: process.version,
        started: '2025-01-01T10:00:00.000Z', finished: '2025-01-01T10:01:00.000Z', runs: points.length * replicates, complete: true,
      }
    : {
        generator: 'draagvlak', version: '0.1.0', gitCommit: 'abc1234', complete: true,
        scenario: { file: 'scenarios/synthetic.yaml', name: scenario.name, hash: '0123abcd', resolved: scenario },
        seed: 42, points: points.length, replications: replicates, runs: points.length * replicates, failures: 0,
        files: ['runs.csv', 'initiatives.csv', 'series.csv'],
        execution: { node: process.version, workers: 2, startedAt: '2025-01-01T10:00:00.000Z', finishedAt: '2025-01-01T10:01:00.000Z', workerRestarts: 0, resumedFrom: [] },
      };
  if (!opts.manifestWithoutPlan) manifest.varied = varied;
  writeFileSync(join(dir, 'manifest.json'), JSON.stringify(manifest, null, 2));
  return dir;
}

/** The default comparison: classic, cooperative, laissez-faire. */
export function comparisonFolder(extra: Partial<SyntheticOptions> = {}, dir?: string): string {
  return writeSyntheticResults({
    points: [
      { label: 'classic', hazard: 0.003, trust: 0.35 },
      { label: 'cooperative', hazard: 0.02, trust: 0.65 },
      { label: 'laissez-faire', hazard: 0.008, trust: 0.5 },
    ],
    scenario: { compare: ['classic', 'cooperative', 'laissez-faire'] },
    ...extra,
  }, dir);
}

/** A 3 × 3 sweep over steering and participation. */
export function sweepFolder(extra: Partial<SyntheticOptions> = {}, dir?: string): string {
  const points: SyntheticPoint[] = [];
  for (const steering of [0, 0.5, 1]) {
    for (const participation of [0, 0.5, 1]) {
      points.push({
        label: `steering=${steering}, participation=${participation}`,
        values: { 'strategy.steering': steering, 'strategy.participation': participation },
        hazard: 0.002 + 0.02 * participation * (1 - Math.abs(steering - 0.5)),
        trust: 0.3 + 0.4 * participation,
      });
    }
  }
  return writeSyntheticResults({ points, varied: ['strategy.steering', 'strategy.participation'], replicates: 6, ...extra }, dir);
}
