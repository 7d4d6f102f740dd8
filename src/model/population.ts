import type { CsrGraph } from '../network/csr.js';
import { normal, randomInt, type Rng } from '../random/streams.js';
import { clamp01 } from '../maths/clamp.js';
import type { Parameters } from './parameters.js';
import { COMPETENCE_DIMENSIONS, type Neighbourhoods, type Officials, type Residents } from './world.js';

/** Where residents live: neighbourhood b holds ids b·households … (b + 1)·households − 1. */
export function layoutNeighbourhoods(params: Pick<Parameters, 'population'>): Int32Array {
  const { neighbourhoods, households } = params.population;
  const out = new Int32Array(neighbourhoods * households);
  for (let i = 0; i < out.length; i++) out[i] = Math.floor(i / households);
  return out;
}

/** Each resident's background group, drawn uniformly — the first draws of the population stream. */
export function drawBackgrounds(count: number, groups: number, rng: Rng): Int32Array {
  const out = new Int32Array(count);
  for (let i = 0; i < count; i++) out[i] = randomInt(rng, groups);
  return out;
}

/**
 * The initial residents, drawn from the population stream after their backgrounds. Each
 * neighbourhood first draws its own offsets of mean trust, belonging and support
 * (`neighbourhoodSpread`), so neighbourhoods differ in cohesion and goodwill; residents then scatter
 * around those means. A few initiators per neighbourhood start committed with high drive and
 * threshold 0 (Granovetter's instigators).
 */
export function drawResidents(
  params: Pick<Parameters, 'population' | 'residents' | 'commitment'>,
  neighbourhood: Int32Array,
  background: Int32Array,
  graph: CsrGraph,
  hoods: Neighbourhoods,
  rng: Rng,
): Residents {
  const n = neighbourhood.length;
  const r = params.residents;
  const pop = params.population;
  const cols = {
    support: new Float64Array(n),
    threshold: new Float64Array(n),
    trustGov: new Float64Array(n),
    belonging: new Float64Array(n),
    drive: new Float64Array(n),
    awareness: new Float64Array(n),
    competence: new Float64Array(n * COMPETENCE_DIMENSIONS),
    initiator: new Uint8Array(n),
    committed: new Uint8Array(n),
  };
  const spread = pop.neighbourhoodSpread;
  for (let b = 0; b < hoods.count; b++) {
    const trustMean = r.trustGov + spread * normal(rng);
    const belongingMean = r.belonging + spread * normal(rng);
    const supportMean = r.support + spread * normal(rng);
    const lo = hoods.start[b];
    const hi = hoods.end[b];
    for (let i = lo; i < hi; i++) {
      cols.trustGov[i] = clamp01(trustMean + r.trustGovSpread * normal(rng));
      cols.belonging[i] = clamp01(belongingMean + r.belongingSpread * normal(rng));
      cols.drive[i] = clamp01(r.drive + r.driveSpread * normal(rng));
      cols.awareness[i] = clamp01(r.awareness + r.awarenessSpread * normal(rng));
      cols.support[i] = clamp01(supportMean + r.supportSpread * normal(rng));
      const list = r.thresholds;
      cols.threshold[i] = list && list.length > 0 ? clamp01(list[(i - lo) % list.length]) : clamp01(r.threshold + r.thresholdSpread * normal(rng));
      for (let d = 0; d < COMPETENCE_DIMENSIONS; d++) {
        cols.competence[i * COMPETENCE_DIMENSIONS + d] = clamp01(r.competence + r.competenceSpread * normal(rng));
      }
    }
    // Initiators: a partial Fisher–Yates shuffle of the neighbourhood picks them without repeats.
    const size = hi - lo;
    const k = Math.min(pop.initiators, size);
    if (k > 0) {
      const ids = new Int32Array(size);
      for (let j = 0; j < size; j++) ids[j] = lo + j;
      for (let j = 0; j < k; j++) {
        const pick = j + randomInt(rng, size - j);
        const id = ids[pick];
        ids[pick] = ids[j];
        ids[j] = id;
        cols.initiator[id] = 1;
        cols.committed[id] = 1;
        cols.drive[id] = r.initiatorDrive;
        cols.threshold[id] = 0;
      }
    }
  }

  const { offsets, targets } = graph;
  const invDegree = new Float64Array(n);
  const joinCount = new Int32Array(n);
  const leaveCount = new Int32Array(n);
  const committedNeighbours = new Int32Array(n);
  const h = params.commitment.hysteresis;
  for (let i = 0; i < n; i++) {
    const deg = offsets[i + 1] - offsets[i];
    invDegree[i] = deg > 0 ? 1 / deg : 0;
    joinCount[i] = neededNeighbours(cols.threshold[i], deg);
    leaveCount[i] = neededNeighbours(cols.threshold[i] - h, deg);
    let c = 0;
    for (let e = offsets[i]; e < offsets[i + 1]; e++) c += cols.committed[targets[e]];
    committedNeighbours[i] = c;
  }
  return {
    count: n,
    neighbourhood,
    background,
    support: cols.support,
    supportNext: Float64Array.from(cols.support),
    committed: cols.committed,
    threshold: cols.threshold,
    joinCount,
    leaveCount,
    committedNeighbours,
    invDegree,
    trustGov: cols.trustGov,
    belonging: cols.belonging,
    drive: cols.drive,
    awareness: cols.awareness,
    competence: cols.competence,
    expectation: new Float64Array(n),
    initiator: cols.initiator,
    agenda: new Float64Array(n),
    nudge: new Float64Array(n),
  };
}

/**
 * Residents' own agendas (mechanism agendas, ODD §7.6a), from their own stream so that no other
 * draw moves: per neighbourhood an offset (normal, sd `population.neighbourhoodSpread`), then per
 * resident agenda = clamp01(residents.agenda + offset + agendaSpread × normal).
 */
export function drawAgendas(params: Parameters, res: Residents, hoods: Neighbourhoods, rng: Rng): void {
  const { agenda: mean, agendaSpread } = params.residents;
  const spread = params.population.neighbourhoodSpread;
  for (let b = 0; b < hoods.count; b++) {
    const hoodMean = mean + spread * normal(rng);
    for (let i = hoods.start[b]; i < hoods.end[b]; i++) res.agenda[i] = clamp01(hoodMean + agendaSpread * normal(rng));
  }
}

/**
 * The committed neighbours a share threshold φ asks of a resident with `deg` ties, as a whole
 * number: ceil(φ · deg − 1e-9), so that a share that equals φ exactly counts as reaching it and
 * floating point cannot flip the tie (Watts 2002 uses "at least φ"). A resident without ties
 * reaches only a threshold ≤ 0.
 */
export function neededNeighbours(phi: number, deg: number): number {
  if (phi <= 0) return 0;
  if (deg === 0) return 1;
  return Math.ceil(phi * deg - 1e-9);
}

/** Officials per neighbourhood, all starting from the scenario's disposition. */
export function createOfficials(params: Parameters, neighbourhoods: number): Officials {
  const o = params.officials;
  const count = neighbourhoods * o.perNeighbourhood;
  const neighbourhood = new Int32Array(count);
  for (let k = 0; k < count; k++) neighbourhood[k] = Math.floor(k / o.perNeighbourhood);
  return {
    count,
    neighbourhood,
    pressure: new Float64Array(count),
    presence: new Float64Array(count).fill(o.presence),
    trustInResidents: new Float64Array(count).fill(o.trustInResidents),
    orientation: new Float64Array(count).fill(o.orientation),
  };
}

/**
 * The neighbourhoods' id ranges and the structure of ties between them: the share of ties that stay
 * inside (density of strong ties) and, for each pair, the bridging ties relative to households.
 */
export function describeNeighbourhoods(params: Pick<Parameters, 'population' | 'officials'>, neighbourhood: Int32Array, graph: CsrGraph): Neighbourhoods {
  const count = params.population.neighbourhoods;
  const households = params.population.households;
  const start = new Int32Array(count);
  const end = new Int32Array(count);
  for (let b = 0; b < count; b++) {
    start[b] = b * households;
    end[b] = (b + 1) * households;
  }
  const perHood = params.officials.perNeighbourhood;
  const officialStart = new Int32Array(count + 1);
  for (let b = 0; b <= count; b++) officialStart[b] = b * perHood;

  const within = new Float64Array(count);
  const all = new Float64Array(count);
  const bridges: Array<Map<number, number>> = Array.from({ length: count }, () => new Map());
  const { offsets, targets } = graph;
  for (let i = 0; i < graph.nodes; i++) {
    const b = neighbourhood[i];
    for (let e = offsets[i]; e < offsets[i + 1]; e++) {
      const c = neighbourhood[targets[e]];
      all[b]++;
      if (c === b) within[b]++;
      else bridges[b].set(c, (bridges[b].get(c) ?? 0) + 1);
    }
  }
  const withinShare = new Float64Array(count);
  for (let b = 0; b < count; b++) withinShare[b] = all[b] > 0 ? within[b] / all[b] : 1;
  const bridgeOffsets = new Int32Array(count + 1);
  for (let b = 0; b < count; b++) bridgeOffsets[b + 1] = bridgeOffsets[b] + bridges[b].size;
  const bridgeTargets = new Int32Array(bridgeOffsets[count]);
  const bridgeWeight = new Float64Array(bridgeOffsets[count]);
  for (let b = 0; b < count; b++) {
    let k = bridgeOffsets[b];
    const bridging = all[b] - within[b];
    for (const [c, ties] of [...bridges[b].entries()].sort((x, y) => x[0] - y[0])) {
      bridgeTargets[k] = c;
      bridgeWeight[k] = ties / bridging;
      k++;
    }
  }
  return {
    count,
    start,
    end,
    officialStart,
    withinShare,
    feltPressure: new Float64Array(count),
    officialTrust: new Float64Array(count).fill(1),
    bridgeOffsets,
    bridgeTargets,
    bridgeWeight,
  };
}
