/**
 * Trust is asymmetric (Slovic 1993: trust comes on foot and leaves on horseback): a bad event
 * removes `asymmetry` times what a good event of the same size adds. Both stay inside [0, 1].
 */
export function gainTrust(trust: number, size: number): number {
  const t = trust + size;
  return t > 1 ? 1 : t;
}

export function loseTrust(trust: number, size: number, asymmetry: number): number {
  const t = trust - size * asymmetry;
  return t < 0 ? 0 : t;
}
