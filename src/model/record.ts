import { INITIATIVE_METRICS, SERIES_METRICS } from './output.js';
import type { Recorder, World } from './world.js';

export function sampleWeeks(horizon: number, sampleEvery: number): Int32Array {
  const weeks: number[] = [];
  for (let t = 0; t <= horizon; t += sampleEvery) weeks.push(t);
  if (weeks[weeks.length - 1] !== horizon) weeks.push(horizon);
  return Int32Array.from(weeks);
}

export function createRecorder(horizon: number, sampleEvery: number, initiatives: number): Recorder {
  const weeks = sampleWeeks(horizon, Math.max(1, Math.floor(sampleEvery)));
  return {
    weeks,
    series: new Float64Array(SERIES_METRICS.length * weeks.length),
    initiativeSeries: new Float64Array(initiatives * INITIATIVE_METRICS.length * weeks.length),
    next: 0,
  };
}

/** The world-level means recorded in a sample, in SERIES_METRICS order. */
export interface Snapshot {
  support: number;
  committedShare: number;
  trustGov: number;
  belonging: number;
  cohesion: number;
  drive: number;
  awareness: number;
  pressure: number;
  presence: number;
  orientation: number;
  trustInResidents: number;
  reachedShare: number;
  formalisedShare: number;
  alignment: number;
  progress: number;
}

/**
 * Means over residents, officials and initiatives. A neighbourhood's social cohesion is its
 * residents' mean belonging times the share of their ties that stay inside it (density of strong ties).
 */
export function snapshot(world: World, out: Snapshot): Snapshot {
  const res = world.residents;
  const hoods = world.neighbourhoods;
  const n = res.count;
  let support = 0;
  let committed = 0;
  let trust = 0;
  let belonging = 0;
  let drive = 0;
  let awareness = 0;
  let cohesion = 0;
  let pressure = 0;
  for (let b = 0; b < hoods.count; b++) {
    let hoodBelonging = 0;
    for (let i = hoods.start[b]; i < hoods.end[b]; i++) {
      support += res.support[i];
      committed += res.committed[i];
      trust += res.trustGov[i];
      hoodBelonging += res.belonging[i];
      drive += res.drive[i];
      awareness += res.awareness[i];
    }
    const size = hoods.end[b] - hoods.start[b];
    belonging += hoodBelonging;
    cohesion += size > 0 ? (hoodBelonging / size) * hoods.withinShare[b] : 0;
    pressure += hoods.feltPressure[b] * size;
  }
  const off = world.officials;
  let presence = 0;
  let orientation = 0;
  let tir = 0;
  for (let o = 0; o < off.count; o++) {
    presence += off.presence[o];
    orientation += off.orientation[o];
    tir += off.trustInResidents[o];
  }
  const ini = world.initiatives;
  let reached = 0;
  let formalised = 0;
  let alignment = 0;
  let progress = 0;
  for (let b = 0; b < ini.count; b++) {
    if (ini.reachedWeek[b] > 0) reached++;
    if (ini.formalisedWeek[b] > 0) formalised++;
    alignment += ini.alignment[b];
    progress += ini.progress[b];
  }
  const perResident = n > 0 ? 1 / n : 0;
  const perOfficial = off.count > 0 ? 1 / off.count : 0;
  const perInitiative = ini.count > 0 ? 1 / ini.count : 0;
  out.support = support * perResident;
  out.committedShare = committed * perResident;
  out.trustGov = trust * perResident;
  out.belonging = belonging * perResident;
  out.cohesion = cohesion * (hoods.count > 0 ? 1 / hoods.count : 0);
  out.drive = drive * perResident;
  out.awareness = awareness * perResident;
  out.pressure = pressure * perResident;
  out.presence = presence * perOfficial;
  out.orientation = orientation * perOfficial;
  out.trustInResidents = tir * perOfficial;
  out.reachedShare = reached * perInitiative;
  out.formalisedShare = formalised * perInitiative;
  out.alignment = alignment * perInitiative;
  out.progress = progress * perInitiative;
  return out;
}

export function emptySnapshot(): Snapshot {
  return {
    support: 0, committedShare: 0, trustGov: 0, belonging: 0, cohesion: 0, drive: 0, awareness: 0, pressure: 0,
    presence: 0, orientation: 0, trustInResidents: 0, reachedShare: 0, formalisedShare: 0, alignment: 0, progress: 0,
  };
}

const scratchSnapshot = emptySnapshot();

/** Step 7: write this week's sample, when this is a sampled week, in SERIES_METRICS order. Reach and formalisation weeks are set by the initiative process. */
export function recordMetrics(world: World): void {
  const rec = world.recorder;
  if (rec.next >= rec.weeks.length || rec.weeks[rec.next] !== world.week) return;
  const s = snapshot(world, scratchSnapshot);
  const samples = rec.weeks.length;
  const k = rec.next;
  const series = rec.series;
  series[k] = s.support;
  series[samples + k] = s.committedShare;
  series[2 * samples + k] = s.trustGov;
  series[3 * samples + k] = s.belonging;
  series[4 * samples + k] = s.cohesion;
  series[5 * samples + k] = s.drive;
  series[6 * samples + k] = s.awareness;
  series[7 * samples + k] = s.pressure;
  series[8 * samples + k] = s.presence;
  series[9 * samples + k] = s.orientation;
  series[10 * samples + k] = s.trustInResidents;
  series[11 * samples + k] = s.reachedShare;
  series[12 * samples + k] = s.formalisedShare;
  series[13 * samples + k] = s.alignment;
  series[14 * samples + k] = s.progress;
  const ini = world.initiatives;
  const perInitiative = INITIATIVE_METRICS.length * samples;
  for (let b = 0; b < ini.count; b++) rec.initiativeSeries[b * perInitiative + k] = ini.supportShare[b];
  rec.next++;
}

