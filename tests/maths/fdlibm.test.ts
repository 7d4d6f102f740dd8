import { createHash } from 'node:crypto';
import { describe, expect, test } from 'vitest';
import { cos, exp, log, log1p } from '../../src/maths/fdlibm.js';
import { stream } from '../../src/random/streams.js';

/** Arguments of each function over the ranges the kernel uses and well beyond, drawn from a fixed stream. */
function samples(n: number): Record<'cos' | 'exp' | 'log' | 'log1p', number[]> {
  const rng = stream(7, 'dynamics');
  const out = { cos: [] as number[], exp: [] as number[], log: [] as number[], log1p: [] as number[] };
  for (let i = 0; i < n; i++) {
    const u = rng();
    out.cos.push(2 * Math.PI * u, (u - 0.5) * 100, (u - 0.5) * 1e5, u * 1e-8);
    out.exp.push((u - 0.5) * 60, (u - 0.5) * 1500, u * 1e-9, -u);
    out.log.push(u, 1 - u, u * 1e6, u * 1e-310, 1 + u * 1e-7);
    out.log1p.push(-u, u, u * 1e-10, (u - 0.5) * 1e8, -u * 1e-5);
  }
  return out;
}

const FUNCTIONS = { cos, exp, log, log1p };
const SPECIAL = [0, -0, 1, -1, Infinity, -Infinity, NaN, Math.PI / 2, Math.PI, 3 * Math.PI / 2, 2 * Math.PI, 1e300, -1e-320];

describe('fdlibm ports: the same bits in every engine', () => {
  // The oracle is fdlibm itself as Node 20's V8 ships it (src/base/ieee754.cc): its Math functions.
  test.runIf(process.versions.v8.startsWith('11.'))('cos, exp, log and log1p return exactly what Node 20 (fdlibm) returns', () => {
    const args = samples(200_000);
    for (const [name, f] of Object.entries(FUNCTIONS)) {
      const reference = Math[name as keyof typeof FUNCTIONS];
      const differ = [...args[name as keyof typeof FUNCTIONS], ...SPECIAL].filter((x) => !Object.is(f(x), reference(x)));
      expect(differ, name).toEqual([]);
    }
  });

  test('their results over a fixed sample keep the digest measured against Node 20', () => {
    const args = samples(20_000);
    const digest = createHash('sha256');
    for (const [name, f] of Object.entries(FUNCTIONS)) digest.update(Float64Array.from(args[name as keyof typeof FUNCTIONS], f));
    expect(digest.digest('hex')).toBe('34546e76bdd053ddcf7cd921a5c10654369efb0375023cd46b2c27a5ce89ce56');
  });
});
