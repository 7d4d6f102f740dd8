/// <reference lib="dom" />
import type { Intervention } from '../model/interventions/types.js';
import type { Parameters } from '../model/parameters.js';
import type { PresetName } from '../scenario/presets.js';
import type { Goal } from './lessons.js';

/** The metrics the page charts (names as in series.csv), which the worker also follows per neighbourhood. */
export const CHART_METRICS = ['reached_share', 'trust_gov', 'cohesion', 'drive'] as const;
export type ChartMetric = (typeof CHART_METRICS)[number];

/** What the map colours households by: their attitude, or their trust in government. */
export type ColourBy = 'state' | 'trust';

/** Messages from the page to the kernel's worker. */
export type ToWorker =
  /** The map's canvas, handed over once: the worker draws the map, so the page never does. */
  | { type: 'canvas'; canvas: OffscreenCanvas }
  /** How the map is drawn: the colouring and the neighbourhood picked (−1: none). */
  | { type: 'view'; colourBy: ColourBy; target: number }
  /** A fresh run; `interventions`: its timeline from the start, triggered as written (an imported plan). */
  | { type: 'reset'; params: Parameters; horizon: number; seed: number; interventions: Intervention[] }
  | { type: 'play' }
  | { type: 'pause' }
  | { type: 'step' }
  /** Weeks per second; 0 runs as fast as the machine allows. */
  | { type: 'speed'; weeksPerSecond: number }
  /** An intervention from the next week (its `at` is set by the worker). */
  | { type: 'intervene'; entry: Intervention }
  /** Try strategies on the same seed for a lesson's debrief. */
  | { type: 'search'; goal: Goal; levers: string[] };

/** Messages from the worker to the page. */
export type FromWorker =
  /** A fresh run: the metrics of every frame, and how many neighbourhoods the map shows. */
  | { type: 'started'; metrics: readonly string[]; neighbourhoods: number }
  /**
   * Weeks `from` … `from + count − 1` of both runs, metric values week-major
   * (value of metric m in week from + k is you[k * metrics + m]); the same weeks of CHART_METRICS
   * per neighbourhood (metric c of neighbourhood b in week from + k is
   * youLocal[(k * neighbourhoods + b) * CHART_METRICS.length + c]); `drawn`: maps drawn so far.
   */
  | { type: 'frame'; from: number; count: number; you: Float64Array; twin: Float64Array; youLocal: Float64Array; twinLocal: Float64Array; running: boolean; drawn: number }
  | { type: 'marked'; entry: Intervention }
  /** An entry of the starting timeline applied for the first time, in `week`. */
  | { type: 'fired'; index: number; week: number }
  | { type: 'found'; results: SearchResult[]; twin: number }
  | { type: 'error'; message: string };

/** One strategy tried for a debrief: the allowed lever values it sets (of a preset, when named), and its score. */
export interface SearchResult {
  preset?: PresetName;
  values: Record<string, number | string>;
  score: number;
}
