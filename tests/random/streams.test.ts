import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { deriveRunSeed, stream } from '../../src/random/streams.js';

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sources(path) : path.endsWith('.ts') ? [path] : [];
  });
}

describe('seeded streams', () => {
  test('no source file draws from the global, unseeded generator', () => {
    const offenders = sources('src').filter((file) => /Math\s*\.\s*random/.test(readFileSync(file, 'utf8')));
    expect(offenders).toEqual([]);
  });

  test('a run seed depends on the replicate, and on the point only without common random numbers', () => {
    expect(deriveRunSeed(7, 0, 3)).toBe(deriveRunSeed(7, 5, 3));
    expect(deriveRunSeed(7, 0, 3)).not.toBe(deriveRunSeed(7, 0, 4));
    expect(deriveRunSeed(7, 0, 3, false)).not.toBe(deriveRunSeed(7, 5, 3, false));
    expect(deriveRunSeed(7, 0, 3)).not.toBe(deriveRunSeed(8, 0, 3));
  });

  test('each purpose has its own stream, and the same seed gives the same draws', () => {
    const a = stream(42, 'network');
    const b = stream(42, 'network');
    const c = stream(42, 'dynamics');
    const drawsA = [a(), a(), a()];
    expect([b(), b(), b()]).toEqual(drawsA);
    expect([c(), c(), c()]).not.toEqual(drawsA);
    for (const x of drawsA) expect(x >= 0 && x < 1).toBe(true);
  });
});
