import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { draagvlak, folderBytes, tinySweep, workdir } from './cli.js';

/**
 * `draagvlak slurm` on a real single-node Slurm cluster (Debian's slurm-wlm and munge, started by
 * scripts/slurm-up.sh, which .ci/run calls before the tests). Under CI=true a cluster that does
 * not answer fails the test; elsewhere the test is skipped, saying so.
 */
const sinfo = spawnSync('sinfo', ['-h', '-N', '-o', '%N %t'], { encoding: 'utf8' });
const slurmUp = sinfo.status === 0 && /^\S+ (idle|mix|alloc)/m.test(sinfo.stdout);
const ci = process.env.CI === 'true' || process.env.CI === '1';
if (!slurmUp && !ci) {
  process.stderr.write('tests/e2e/slurm.test.ts: skipped, no Slurm cluster answers here (start one as root with scripts/slurm-up.sh)\n');
}

/** Runs the written script as a user would on the login node, waiting for its merge job (--wait after the tasks: any order). */
function submit(cwd: string, ...args: string[]) {
  const r = spawnSync('bash', ['draagvlak-tiny.sbatch', ...args, '--wait'], { cwd, encoding: 'utf8', timeout: 500_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe.skipIf(!slurmUp && !ci)('draagvlak slurm on a single-node Slurm cluster', () => {
  it('has a Slurm cluster to run on (scripts/slurm-up.sh)', () => {
    expect(slurmUp, `Slurm is not up: sinfo said ${JSON.stringify((sinfo.stdout ?? '') + (sinfo.stderr ?? ''))}${sinfo.error ? ` (${sinfo.error.message})` : ''}`).toBe(true);
  });

  // One working directory for both tests: the unsplit reference is run once.
  const cwd = workdir({ 'tiny.yaml': tinySweep() });

  it('runs the script it wrote (4 array tasks, then the merge) to the bytes of one unsplit run', () => {
    const written = draagvlak(['slurm', 'tiny.yaml', '--tasks', '4', '--time', '10', '--mem', '500M', '--out', 'split'], cwd);
    expect(written.stderr).toBe('');
    expect(written.code).toBe(0);
    expect(written.stdout).toContain('12 runs of tiny in 4 Slurm array tasks, then their merge into split');
    expect(draagvlak(['run', 'tiny.yaml', '--out', 'whole', '--quiet', '--workers', '2'], cwd).code).toBe(0);

    const r = submit(cwd);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/shards 1-4 of 4: job array \d+/);
    for (const i of [1, 2, 3, 4]) expect(JSON.parse(readFileSync(join(cwd, 'split.shards', String(i), 'manifest.json'), 'utf8')).shard).toMatchObject({ index: i, count: 4 });
    expect(folderBytes(join(cwd, 'split'))).toEqual(folderBytes(join(cwd, 'whole')));
  }, 600_000);

  it('names only tasks that exist when it says how to resubmit, and its script refuses an argument it does not know', () => {
    const three = draagvlak(['slurm', 'tiny.yaml', '--tasks', '3', '--out', 'three', '--script', 'three.sbatch'], cwd);
    expect(three.code).toBe(0);
    expect(three.stdout).toContain('failed tasks again, alone (e.g. 2 and 3): bash three.sbatch 2,3\n');
    expect(readFileSync(join(cwd, 'three.sbatch'), 'utf8')).toContain('#   bash three.sbatch 2,3        submits only shards 2 and 3 again (after they failed)');
    const one = draagvlak(['slurm', 'tiny.yaml', '--tasks', '1', '--out', 'one', '--script', 'one.sbatch'], cwd);
    expect(one.stdout).toContain('failed tasks again, alone (e.g. 1): bash one.sbatch 1\n');
    expect(readFileSync(join(cwd, 'one.sbatch'), 'utf8')).toContain('#   bash one.sbatch 1          submits only shard 1 again (after it failed)');
    for (const [args, found] of [[['--wiat'], '--wiat'], [['2', '--wait', '--bogus'], '--bogus'], [['4'], '4'], [['2', '3'], '3']] as const) {
      const r = spawnSync('bash', ['three.sbatch', ...args], { cwd, encoding: 'utf8' });
      expect(r.stderr).toBe(`bash ${join(cwd, 'three.sbatch')}: expected --wait and one list of tasks from 1 to 3 (such as 2,3), found "${found}"\n`);
      expect(r.status).toBe(2);
      expect(r.stdout).toBe('');
    }
    // nothing was submitted: the script makes its logs folder just before it submits
    expect(existsSync(join(cwd, 'three.shards'))).toBe(false);
  });

  it('a task that fails leaves the merge undone and names it; resubmitted alone, the merge completes', () => {
    expect(draagvlak(['slurm', 'tiny.yaml', '--tasks', '4', '--time', '10', '--out', 'retried'], cwd).code).toBe(0);
    // Task 3 is made to fail: its folder holds a file that is not draagvlak's, so `run` refuses it.
    mkdirSync(join(cwd, 'retried.shards', '3'), { recursive: true });
    writeFileSync(join(cwd, 'retried.shards', '3', 'in-the-way.txt'), 'not a results folder\n');

    const first = submit(cwd);
    expect(first.code).toBe(2);
    expect(existsSync(join(cwd, 'retried'))).toBe(false);
    const logs = join(cwd, 'retried.shards', 'logs');
    const log = (name: RegExp) => {
      const found = spawnSync('ls', [logs], { encoding: 'utf8' }).stdout.split('\n').filter((f) => name.test(f));
      return found.map((f) => readFileSync(join(logs, f), 'utf8')).join('');
    };
    expect(log(/^shard-3\./)).toMatch(/retried\.shards\/3 exists and is not a draagvlak results folder/);
    expect(log(/^merge\./)).toMatch(/resubmit the unfinished shards alone: bash .*draagvlak-tiny\.sbatch 3\n/);
    const untouched = [1, 2, 4].map((i) => readFileSync(join(cwd, 'retried.shards', String(i), 'manifest.json'), 'utf8'));

    rmSync(join(cwd, 'retried.shards', '3', 'in-the-way.txt'));
    // `3 --wait`: the merge has ended when the script returns, so its folder is there to compare
    const again = submit(cwd, '3');
    expect(again.stderr).toBe('');
    expect(again.code).toBe(0);
    expect(again.stdout).toMatch(/shards 3 of 4: job array \d+/);
    // Only task 3 ran again: the other shards' folders are as the first submission left them.
    expect([1, 2, 4].map((i) => readFileSync(join(cwd, 'retried.shards', String(i), 'manifest.json'), 'utf8'))).toEqual(untouched);
    expect(folderBytes(join(cwd, 'retried'))).toEqual(folderBytes(join(cwd, 'whole')));
  }, 600_000);
});
