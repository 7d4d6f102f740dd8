import { spawn } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { BIN, workdir } from './cli.js';

describe('a reader that closes the pipe early', () => {
  it('draagvlak schema | head: the rest of the output is dropped, quietly, exit code 0', async () => {
    // The schema (about 300 KB) is larger than a pipe holds, so closing the pipe after its first
    // chunk leaves writes that fail with EPIPE: what `head -1` does to it.
    const child = spawn(process.execPath, [BIN, 'schema'], { cwd: workdir(), stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
    let first = '';
    child.stdout!.once('data', (d: Buffer) => {
      first = d.toString();
      child.stdout!.destroy();
    });
    // 'close': the process has exited and its stderr is read to the end
    expect(await new Promise((done) => child.once('close', done))).toBe(0);
    expect(first.startsWith('{')).toBe(true);
    expect(stderr).toBe('');
  });
});
