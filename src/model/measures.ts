import type { World } from './world.js';

/**
 * Measurement over neighbourhoods, for the metric registry (src/model/metrics.ts): the one place
 * each formula is written. A measure takes the world and the neighbourhoods to measure over — the
 * recorder's (all of them) when a week is recorded, a condition's own when it watches a metric.
 * Sums that several metrics share are taken once a recorded week and kept in world.scratch
 * (takenThisWeek).
 */

/** Neighbourhoods to measure over; an initiative's index is its neighbourhood's. */
export type Hoods = Int32Array;

/**
 * Whether sums kept in world.scratch (their week in `scratch[key]`) may be reused over `hoods`:
 * only over the recorder's neighbourhoods and within the week they were taken, as the recorder
 * measures every metric on one state at the end of a week. When not, the caller takes them afresh,
 * and they are marked as taken this week (the recorder's) or as not to be reused (any other set).
 */
function takenThisWeek(world: World, hoods: Hoods, key: 'residentSumsWeek' | 'hoodBelongingWeek' | 'groupTallyWeek'): boolean {
  const recorded = hoods === world.recorder.all;
  if (recorded && world.scratch[key] === world.week) return true;
  world.scratch[key] = recorded ? world.week : -1;
  return false;
}

/** The per-resident columns whose means are recorded, at their index in `residentSums`. */
export const SUPPORT = 0;
export const COMMITTED = 1;
export const TRUST = 2;
export const DRIVE = 3;
export const AWARENESS = 4;
const RESIDENTS = 5;

/**
 * Sums over the neighbourhoods' residents (in resident order) of support, committed, trust in
 * government, drive and awareness, and the residents counted, in world.scratch.residentSums at the
 * indices above: one walk for five means, each its own running sum, so each the same double as a
 * walk of its own; taken once a recorded week (takenThisWeek).
 */
function residentSums(world: World, hoods: Hoods): Float64Array {
  const sums = world.scratch.residentSums;
  if (takenThisWeek(world, hoods, 'residentSumsWeek')) return sums;
  const nb = world.neighbourhoods;
  const { support, committed, trustGov, drive, awareness } = world.residents;
  let supportSum = 0;
  let committedSum = 0;
  let trustSum = 0;
  let driveSum = 0;
  let awarenessSum = 0;
  let count = 0;
  for (let k = 0; k < hoods.length; k++) {
    const b = hoods[k];
    const end = nb.end[b];
    for (let i = nb.start[b]; i < end; i++) {
      supportSum += support[i];
      committedSum += committed[i];
      trustSum += trustGov[i];
      driveSum += drive[i];
      awarenessSum += awareness[i];
    }
    count += end - nb.start[b];
  }
  sums[SUPPORT] = supportSum;
  sums[COMMITTED] = committedSum;
  sums[TRUST] = trustSum;
  sums[DRIVE] = driveSum;
  sums[AWARENESS] = awarenessSum;
  sums[RESIDENTS] = count;
  return sums;
}

/** The mean over the neighbourhoods' residents of the column at `column` of residentSums. */
export function residentMean(column: number): (world: World, hoods: Hoods) => number {
  return (world, hoods) => {
    const sums = residentSums(world, hoods);
    return sums[column] * (sums[RESIDENTS] > 0 ? 1 / sums[RESIDENTS] : 0);
  };
}

/** Sum over the neighbourhoods of a per-neighbourhood total, divided by their residents. */
export function perResident(world: World, hoods: Hoods, total: (w: World, b: number) => number): number {
  const nb = world.neighbourhoods;
  let sum = 0;
  let count = 0;
  for (let k = 0; k < hoods.length; k++) {
    const b = hoods[k];
    sum += total(world, b);
    count += nb.end[b] - nb.start[b];
  }
  return sum * (count > 0 ? 1 / count : 0);
}

/** Mean over the neighbourhoods of a per-neighbourhood value. */
export function hoodMean(world: World, hoods: Hoods, value: (w: World, b: number) => number): number {
  let sum = 0;
  for (let k = 0; k < hoods.length; k++) sum += value(world, hoods[k]);
  return sum * (hoods.length > 0 ? 1 / hoods.length : 0);
}

/** Mean over the neighbourhoods' officials of a per-official column. */
export function officialMean(world: World, hoods: Hoods, values: Float64Array): number {
  const start = world.neighbourhoods.officialStart;
  let sum = 0;
  let count = 0;
  for (let k = 0; k < hoods.length; k++) {
    const b = hoods[k];
    for (let o = start[b]; o < start[b + 1]; o++) sum += values[o];
    count += start[b + 1] - start[b];
  }
  return sum * (count > 0 ? 1 / count : 0);
}

/**
 * Summed belonging of each neighbourhood's residents (in id order), in world.scratch.hoodBelonging
 * at the neighbourhood's index; `belonging` and `cohesion` both read it; taken once a recorded week
 * (takenThisWeek).
 */
function belongingSums(world: World, hoods: Hoods): Float64Array {
  const sums = world.scratch.hoodBelonging;
  if (takenThisWeek(world, hoods, 'hoodBelongingWeek')) return sums;
  const nb = world.neighbourhoods;
  const belonging = world.residents.belonging;
  for (let k = 0; k < hoods.length; k++) {
    const b = hoods[k];
    const end = nb.end[b];
    let sum = 0;
    for (let i = nb.start[b]; i < end; i++) sum += belonging[i];
    sums[b] = sum;
  }
  return sums;
}

/** Mean belonging over the neighbourhoods' residents, summed per neighbourhood. */
export function meanBelonging(world: World, hoods: Hoods): number {
  const sums = belongingSums(world, hoods);
  const nb = world.neighbourhoods;
  let sum = 0;
  let count = 0;
  for (let k = 0; k < hoods.length; k++) {
    const b = hoods[k];
    sum += sums[b];
    count += nb.end[b] - nb.start[b];
  }
  return sum * (count > 0 ? 1 / count : 0);
}

/**
 * Mean social cohesion over the neighbourhoods: a neighbourhood's cohesion is its residents' mean
 * belonging times the share of their ties that stay inside it (density of strong ties).
 */
export function meanCohesion(world: World, hoods: Hoods): number {
  const sums = belongingSums(world, hoods);
  const nb = world.neighbourhoods;
  let sum = 0;
  for (let k = 0; k < hoods.length; k++) {
    const b = hoods[k];
    const size = nb.end[b] - nb.start[b];
    sum += size > 0 ? (sums[b] / size) * nb.withinShare[b] : 0;
  }
  return sum * (hoods.length > 0 ? 1 / hoods.length : 0);
}

/** A neighbourhood's felt pressure times its residents. */
export const hoodPressure = (w: World, b: number) => w.neighbourhoods.feltPressure[b] * (w.neighbourhoods.end[b] - w.neighbourhoods.start[b]);
export const initiativeAlignment = (w: World, b: number) => w.initiatives.alignment[b];
export const initiativeProgress = (w: World, b: number) => w.initiatives.progress[b];

/** Share of the neighbourhoods' initiatives whose week column is set (> 0). */
export function initiativeShare(hoods: Hoods, weeks: Int32Array): number {
  let n = 0;
  for (let k = 0; k < hoods.length; k++) if (weeks[hoods[k]] > 0) n++;
  return n * (hoods.length > 0 ? 1 / hoods.length : 0);
}

/**
 * Who is at the table, by background group, over the neighbourhoods: residents, members and leaders
 * (the `initiator` flag: the initiators placed at the start, or with mechanisms.leadership those
 * leading this week) of each group g, in world.scratch.groupTally at g, G + g and 2G + g; taken
 * once a recorded week for the three participation metrics (takenThisWeek).
 */
function tallyGroups(world: World, hoods: Hoods): Float64Array {
  const tally = world.scratch.groupTally;
  if (takenThisWeek(world, hoods, 'groupTallyWeek')) return tally;
  const G = tally.length / 3;
  tally.fill(0);
  const nb = world.neighbourhoods;
  const { background, committed, initiator } = world.residents;
  for (let k = 0; k < hoods.length; k++) {
    const b = hoods[k];
    const end = nb.end[b];
    for (let i = nb.start[b]; i < end; i++) {
      const g = background[i];
      tally[g]++;
      tally[G + g] += committed[i];
      if (initiator[i] !== 0) tally[2 * G + g]++;
    }
  }
  return tally;
}

/** The committed share of the background group whose residents joined least (groups without residents left out; 0 without residents). */
export function leastGroupShare(world: World, hoods: Hoods): number {
  const tally = tallyGroups(world, hoods);
  const G = tally.length / 3;
  let least = Infinity;
  for (let g = 0; g < G; g++) if (tally[g] > 0 && tally[G + g] / tally[g] < least) least = tally[G + g] / tally[g];
  return least === Infinity ? 0 : least;
}

/**
 * The index of dissimilarity (Duncan & Duncan 1955) between a part of the residents and the rest,
 * across background groups: ½ Σ_g |part_g / P − (residents_g − part_g) / (R − P)|, with
 * `tally` holding residents per group at 0 … G − 1 and the part at `row` × G + g. 0 when the part
 * has the make-up of the rest, 1 when they share no group; 0 when the part or the rest is empty.
 */
export function dissimilarity(tally: ArrayLike<number>, groups: number, row: number): number {
  let residents = 0;
  let part = 0;
  for (let g = 0; g < groups; g++) {
    residents += tally[g];
    part += tally[row * groups + g];
  }
  const rest = residents - part;
  if (part <= 0 || rest <= 0) return 0;
  let sum = 0;
  for (let g = 0; g < groups; g++) {
    const p = tally[row * groups + g];
    sum += Math.abs(p / part - (tally[g] - p) / rest);
  }
  return sum / 2;
}

export const partDissimilarity = (row: number) => (world: World, hoods: Hoods) => {
  const tally = tallyGroups(world, hoods);
  return dissimilarity(tally, tally.length / 3, row);
};

