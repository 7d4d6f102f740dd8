import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseAllDocuments } from 'yaml';
import { describe, expect, it } from 'vitest';
import { lockTiming } from '../../src/run/lock.js';
import { packageRoot } from '../../src/run/manifest.js';

/** docs/kubernetes-job.yaml: the Indexed Job's split matches its merge, and both scripts are valid bash. */
describe('the Kubernetes Indexed Job example', () => {
  const docs = parseAllDocuments(readFileSync(join(packageRoot(), 'docs', 'kubernetes-job.yaml'), 'utf8')).map((d) => d.toJS());
  const script = (job: any): string => job.spec.template.spec.containers[0].args[0];

  it('runs shard JOB_COMPLETION_INDEX+1 of `completions`, and merges exactly those shards', () => {
    const [shards, merge] = docs;
    expect(docs).toHaveLength(2);
    expect(shards.spec.completionMode).toBe('Indexed');
    const n = shards.spec.completions;
    expect(script(shards)).toContain('i=$((JOB_COMPLETION_INDEX + 1))');
    expect(script(shards)).toContain(`--shard "$i/${n}"`);
    expect(script(merge)).toContain(`$(seq 1 ${n})`);
    for (const job of docs) expect(spawnSync('bash', ['-n', '-c', script(job)]).status).toBe(0);
  });

  // A retry after a SIGKILL finds the killed pod's lock; it waits only while the lock is fresh.
  it("starts the retried shard with --resume at once when the killed pod's lock is older than the staleness limit", () => {
    // the script waits while the lock is younger than draagvlak's own staleness limit
    expect(script(docs[0])).toContain(`)) -le ${lockTiming.staleMs / 1000} ]; do sleep`);
    const data = mkdtempSync(join(tmpdir(), 'draagvlak-k8s-'));
    mkdirSync(join(data, 'draagvlak', 'bin'), { recursive: true });
    // a stand-in for draagvlak that prints the arguments it is given
    writeFileSync(join(data, 'draagvlak', 'bin', 'draagvlak.js'), 'console.log(process.argv.slice(2).join(" "))\n');
    const dir = join(data, 'results', 'steering-sweep.shards', '3');
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'manifest.json'), '{}');
    writeFileSync(join(dir, '.draagvlak.lock'), '{"pid": 7, "host": "draagvlak-steering-sweep-2-aaaaa"}\n');
    const then = (Date.now() - lockTiming.staleMs - 60_000) / 1000;
    utimesSync(join(dir, '.draagvlak.lock'), then, then);
    const r = spawnSync('bash', ['-c', script(docs[0])], { cwd: data, encoding: 'utf8', env: { ...process.env, JOB_COMPLETION_INDEX: '2' }, timeout: 30_000 });
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe('run scenarios/steering-sweep.yaml --shard 3/8 --out results/steering-sweep.shards/3 --workers 2 --quiet --resume\n');
  });
});
