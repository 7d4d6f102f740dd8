import type { Intervention } from '../model/interventions/types.js';
import type { Parameters } from '../model/parameters.js';
import type { MapLayout, MapState } from './kernel.js';
import type { Goal } from './lessons.js';

/** Messages from the page to the kernel's worker. */
export type ToWorker =
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
  | { type: 'layout'; layout: MapLayout; horizon: number; metrics: readonly string[] }
  /**
   * Weeks `from` … `from + count − 1` of both runs, metric values week-major
   * (value of metric m in week from + k is you[k * metrics + m]), and the map after the last.
   */
  | { type: 'frame'; from: number; count: number; you: Float64Array; twin: Float64Array; map: MapState; running: boolean }
  | { type: 'marked'; entry: Intervention }
  /** An entry of the starting timeline applied for the first time, in `week`. */
  | { type: 'fired'; index: number; week: number }
  | { type: 'found'; results: SearchResult[]; twin: number }
  | { type: 'error'; message: string };

/** One strategy tried for a debrief: its label (a preset or lever values) and its score. */
export interface SearchResult {
  label: string;
  values: Record<string, number | string>;
  score: number;
}
