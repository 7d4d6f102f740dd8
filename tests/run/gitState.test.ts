import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { manifestSection } from '../../src/charts/reportHtml.js';
import type { Manifest } from '../../src/analysis/results.js';
import { gitState } from '../../src/run/manifest.js';

/**
 * A fresh git repository holding a committed source file and a committed results file. Oracle:
 * git's own view of it (`git status`).
 */
function repo(): string {
  const dir = mkdtempSync(join(tmpdir(), 'draagvlak-git-'));
  const git = (...args: string[]) => execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@example.org', ...args], { cwd: dir, stdio: 'ignore' });
  git('init', '-q');
  mkdirSync(join(dir, 'src'));
  writeFileSync(join(dir, 'src', 'model.ts'), 'export const rate = 0.1;\n');
  mkdirSync(join(dir, 'results', 'patterns'), { recursive: true });
  writeFileSync(join(dir, 'results', 'patterns', 'runs.csv'), 'run\n0\n');
  git('add', '.');
  git('commit', '-q', '-m', 'model');
  return dir;
}

describe('the code a manifest cites (gitCommit, gitModified)', () => {
  it('is the commit, and whether the tracked files were changed since: results of changed code do not cite the commit alone', () => {
    const dir = repo();
    const clean = gitState(dir);
    expect(clean.gitCommit).toMatch(/^[0-9a-f]{40}$/);
    expect(clean.gitModified).toBe(false);
    writeFileSync(join(dir, 'notes.txt'), 'a file git does not track\n');
    expect(gitState(dir)).toEqual(clean);
    // A run rewriting a results folder the checkout tracks has not changed the code.
    writeFileSync(join(dir, 'results', 'patterns', 'runs.csv'), 'run\n1\n');
    expect(gitState(dir)).toEqual(clean);
    writeFileSync(join(dir, 'src', 'model.ts'), 'export const rate = 0.9;\n');
    expect(gitState(dir)).toEqual({ gitCommit: clean.gitCommit, gitModified: true });
  });

  it('is nothing for a package inside another project\'s checkout (as under node_modules)', () => {
    const dir = repo();
    const installed = join(dir, 'node_modules', 'draagvlak');
    mkdirSync(installed, { recursive: true });
    expect(gitState(installed)).toEqual({ gitCommit: null, gitModified: null });
    expect(gitState(mkdtempSync(join(tmpdir(), 'draagvlak-nogit-')))).toEqual({ gitCommit: null, gitModified: null });
  });

  it('the report says a commit had local changes', () => {
    const manifest = { generator: 'draagvlak', version: '0.1.0', gitCommit: 'abc123', gitModified: true } as Manifest;
    expect(manifestSection(manifest)).toContain('<dt>Commit</dt><dd>abc123 (with local changes)</dd>');
    expect(manifestSection({ ...manifest, gitModified: false })).toContain('<dt>Commit</dt><dd>abc123</dd>');
  });
});
