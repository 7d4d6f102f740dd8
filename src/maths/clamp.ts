/** x held to [0, 1]: every share, level and attitude of the model lives there. */
export function clamp01(x: number): number {
  return x < 0 ? 0 : x > 1 ? 1 : x;
}
