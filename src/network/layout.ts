/**
 * Where residents live, as the network generators see it: residents of one neighbourhood hold a
 * contiguous id range, and every resident has a background group.
 */
export interface NetworkLayout {
  /** Neighbourhood of resident i, 0 … neighbourhoods − 1; each neighbourhood a contiguous id range. */
  readonly neighbourhoodOf: Int32Array;
  /** Background group of resident i, 0 … backgroundGroups − 1. */
  readonly background: Int32Array;
  /** Number of background groups. */
  readonly backgroundGroups: number;
}

/** The id range of each neighbourhood: residents start[b] … end[b] − 1 live in neighbourhood b. */
export interface NeighbourhoodRanges {
  readonly start: Int32Array;
  readonly end: Int32Array;
}

/** Find each neighbourhood's id range, checking that it is contiguous. Empty neighbourhoods get start = end = 0. */
export function neighbourhoodRanges(neighbourhoodOf: Int32Array): NeighbourhoodRanges {
  let count = 0;
  for (let i = 0; i < neighbourhoodOf.length; i++) {
    const b = neighbourhoodOf[i];
    if (b < 0) throw new RangeError(`resident ${i} has neighbourhood ${b}`);
    if (b >= count) count = b + 1;
  }
  const start = new Int32Array(count);
  const end = new Int32Array(count);
  const seen = new Uint8Array(count);
  for (let i = 0; i < neighbourhoodOf.length; i++) {
    const b = neighbourhoodOf[i];
    if (i > 0 && neighbourhoodOf[i - 1] === b) continue;
    if (seen[b]) throw new RangeError(`residents of neighbourhood ${b} do not hold one contiguous id range (again at ${i})`);
    seen[b] = 1;
    start[b] = i;
    let j = i;
    while (j < neighbourhoodOf.length && neighbourhoodOf[j] === b) j++;
    end[b] = j;
  }
  return { start, end };
}
