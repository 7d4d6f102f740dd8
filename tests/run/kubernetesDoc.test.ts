import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseAllDocuments } from 'yaml';
import { describe, expect, it } from 'vitest';
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
});
