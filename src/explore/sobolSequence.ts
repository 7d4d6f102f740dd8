import type { Rng } from '../random/streams.js';

/**
 * The primitive polynomials and initial direction numbers of dimensions 2 … 32 of the Sobol'
 * sequence, as published by Joe & Kuo in the file new-joe-kuo-6.21201 (S. Joe and F. Y. Kuo,
 * "Constructing Sobol sequences with better two-dimensional projections", SIAM J. Sci. Comput. 30,
 * 2635–2654, 2008; data at https://web.maths.unsw.edu.au/~fkuo/sobol/). Each row is
 * [s, a, m_1 … m_s]: the polynomial's degree s, its coefficients a (as an integer, leading and
 * trailing ones left out), and the initial odd integers m_i. Dimension 1 has every m_i = 1.
 */
const JOE_KUO: readonly (readonly number[])[] = [
  [1, 0, 1],
  [2, 1, 1, 3],
  [3, 1, 1, 3, 1],
  [3, 2, 1, 1, 1],
  [4, 1, 1, 1, 3, 3],
  [4, 4, 1, 3, 5, 13],
  [5, 2, 1, 1, 5, 5, 17],
  [5, 4, 1, 1, 5, 5, 5],
  [5, 7, 1, 1, 7, 11, 19],
  [5, 11, 1, 1, 5, 1, 1],
  [5, 13, 1, 1, 1, 3, 11],
  [5, 14, 1, 3, 5, 5, 31],
  [6, 1, 1, 3, 3, 9, 7, 49],
  [6, 13, 1, 1, 1, 15, 21, 21],
  [6, 16, 1, 3, 1, 13, 27, 49],
  [6, 19, 1, 1, 1, 15, 7, 5],
  [6, 22, 1, 3, 1, 15, 13, 25],
  [6, 25, 1, 1, 5, 5, 19, 61],
  [7, 1, 1, 3, 7, 11, 23, 15, 103],
  [7, 4, 1, 3, 7, 13, 13, 15, 69],
  [7, 7, 1, 1, 3, 13, 7, 35, 63],
  [7, 8, 1, 3, 5, 9, 1, 25, 53],
  [7, 14, 1, 3, 1, 13, 9, 35, 107],
  [7, 19, 1, 3, 1, 5, 27, 61, 31],
  [7, 21, 1, 1, 5, 11, 19, 41, 61],
  [7, 28, 1, 3, 5, 3, 3, 13, 69],
  [7, 31, 1, 1, 7, 13, 1, 19, 1],
  [7, 32, 1, 3, 7, 5, 13, 19, 59],
  [7, 37, 1, 1, 3, 9, 25, 29, 41],
  [7, 41, 1, 3, 5, 13, 23, 1, 55],
  [7, 42, 1, 3, 7, 3, 13, 59, 17],
];

/** The most dimensions the shipped table gives. */
export const SOBOL_MAX_DIMENSIONS = JOE_KUO.length + 1;

const BITS = 32;

/** The 32 direction numbers V_1 … V_32 of dimension d (1-based), scaled by 2^32. */
function directionNumbers(d: number): Uint32Array {
  const v = new Uint32Array(BITS + 1);
  if (d === 1) {
    for (let i = 1; i <= BITS; i++) v[i] = 2 ** (BITS - i);
    return v;
  }
  const [s, a, ...m] = JOE_KUO[d - 2];
  for (let i = 1; i <= Math.min(s, BITS); i++) v[i] = m[i - 1] * 2 ** (BITS - i);
  // Bratley & Fox (1988) recurrence: V_i = V_{i−s} ⊕ (V_{i−s} >> s) ⊕ Σ_k a_k V_{i−k}.
  for (let i = s + 1; i <= BITS; i++) {
    let x = v[i - s] ^ (v[i - s] >>> s);
    for (let k = 1; k <= s - 1; k++) if ((a >>> (s - 1 - k)) & 1) x ^= v[i - k];
    v[i] = x >>> 0;
  }
  return v;
}

/**
 * The first n points (from index `skip`) of the d-dimensional Sobol' sequence in Gray-code order
 * (Antonov & Saleev 1979), as Joe & Kuo generate it, row-major: point i, dimension j at [i·d + j].
 * With `shift`, each dimension is XOR-ed with a random 32-bit word (a random digital shift,
 * Owen 2003): the points stay a (t, s)-sequence but each seed gives another, equally good, set.
 */
export function sobolPoints(n: number, d: number, options: { skip?: number; shift?: Rng } = {}): Float64Array {
  if (!(d >= 1 && d <= SOBOL_MAX_DIMENSIONS)) throw new RangeError(`the Sobol' table holds ${SOBOL_MAX_DIMENSIONS} dimensions, asked for ${d}`);
  const skip = options.skip ?? 0;
  if (skip + n > 2 ** BITS) throw new RangeError('at most 2^32 Sobol\' points');
  const out = new Float64Array(n * d);
  const x = new Uint32Array(d);
  const v = Array.from({ length: d }, (_, j) => directionNumbers(j + 1));
  const shift = new Uint32Array(d);
  if (options.shift) for (let j = 0; j < d; j++) shift[j] = Math.floor(options.shift() * 2 ** BITS) >>> 0;
  for (let i = 0; i < skip + n; i++) {
    if (i > 0) {
      // C: position (1-based) of the lowest zero bit of i − 1.
      let c = 1;
      let value = i - 1;
      while (value & 1) {
        value = Math.floor(value / 2);
        c++;
      }
      for (let j = 0; j < d; j++) x[j] = (x[j] ^ v[j][c]) >>> 0;
    }
    if (i < skip) continue;
    const row = (i - skip) * d;
    for (let j = 0; j < d; j++) out[row + j] = ((x[j] ^ shift[j]) >>> 0) / 2 ** BITS;
  }
  return out;
}
