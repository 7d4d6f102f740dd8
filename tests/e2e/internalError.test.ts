import { afterEach, describe, expect, it, vi } from 'vitest';
import { internalError } from '../../src/cli/main.js';

/** What a bug in draagvlak looks like to the user: one line, exit code 70, the stack only when asked for. */
describe('an internal error', () => {
  afterEach(() => {
    vi.restoreAllMocks();
    delete process.env.DRAAGVLAK_DEBUG;
  });
  const written = () => {
    const lines: string[] = [];
    vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => (lines.push(String(chunk)), true));
    return lines;
  };

  it('is one line naming itself a bug, with exit code 70 (EX_SOFTWARE)', () => {
    const lines = written();
    expect(internalError(new Error('cannot read x\n    at somewhere'))).toBe(70);
    expect(lines).toEqual(['draagvlak: internal error: cannot read x (a bug in draagvlak; DRAAGVLAK_DEBUG=1 shows where)\n']);
  });

  it('shows where with DRAAGVLAK_DEBUG=1', () => {
    process.env.DRAAGVLAK_DEBUG = '1';
    const lines = written();
    expect(internalError(new Error('boom'))).toBe(70);
    expect(lines).toHaveLength(2);
    expect(lines[1]).toMatch(/^Error: boom\n\s+at /);
  });
});
