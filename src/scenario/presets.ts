import type { Parameters } from '../model/parameters.js';

/** Any part of T, at any depth: what a preset or a scenario file overrides. Arrays and series values are replaced whole. */
export type DeepPartial<T> = T extends ReadonlyArray<unknown>
  ? T
  : T extends object
    ? { [K in keyof T]?: DeepPartial<T[K]> }
    : T;

export interface Preset {
  /** What the strategy stands for, in a sentence. */
  description: string;
  /** The strategy and officials values that make it up, over the defaults: levers only, no starting conditions. */
  overrides: DeepPartial<Pick<Parameters, 'strategy' | 'officials'>>;
}

/**
 * The four strategies of a programme manager, as overrides of the default parameters. A preset
 * sets only the levers a manager holds (strategy) and the officials the programme sends (officials);
 * the neighbourhood, its people and their history are starting conditions (src/scenario/contexts.ts)
 * that every compared strategy shares, so strategies compare like with like.
 */
export type PresetName = 'classic' | 'cooperative' | 'laissez-faire' | 'network-steering' | 'process-management';

export const PRESETS: Record<PresetName, Preset> = {
  classic: {
    description:
      'Classic top-down programme: strong steering and policy pressure passed on, little participation, presence, serving, buffering or revenue sharing.',
    overrides: {
      strategy: { steering: 0.8, participation: 0.1, serving: 0.1, buffer: 0.1, revenueShare: 0.1 },
      officials: { orientation: 0.9, presence: 0.05 },
    },
  },
  cooperative: {
    description:
      'Cooperative programme management: officials in the field serving residents, real participation, the manager buffering top-down input and sharing revenues with the community.',
    overrides: {
      strategy: { steering: 0.5, participation: 0.8, serving: 0.9, buffer: 0.8, revenueShare: 0.8 },
      officials: { orientation: 0.6, presence: 0.3 },
    },
  },
  'laissez-faire': {
    description: 'Hands off: little steering, little presence, nothing buffered or shared; initiatives are left to themselves.',
    overrides: {
      strategy: { steering: 0.05, participation: 0.5, serving: 0.2, buffer: 0.2, revenueShare: 0.3, attentionBudget: 0.2 },
      officials: { presence: 0.05 },
    },
  },
  'network-steering': {
    description:
      'Network steering and process direction (procesregie): moderate steering through bridging people and process, with participation, some presence and buffering.',
    overrides: {
      strategy: { steering: 0.4, participation: 0.7, serving: 0.6, buffer: 0.6, revenueShare: 0.6, attention: 'most-lagging' },
      officials: { orientation: 0.7 },
    },
  },
  'process-management': {
    description:
      'Process management (De Bruijn, Ten Heuvelhof & In \'t Veld): the default levers, and a manager who watches four signposts and responds while one is passed — trust below legitimacy: serve more; support falling: open up; drive falling: shield residents from top-down input; most initiatives short of their quorum: attend to the lagging ones (docs/ODD.md §7.12).',
    overrides: {
      strategy: {
        signposts: [
          { metric: 'trust_gov', below: 0.5, respond: 'serve' },
          { metric: 'support', below: 0.35, respond: 'open-up' },
          { metric: 'drive', below: 0.25, respond: 'shield' },
          { metric: 'reached_share', below: 0.5, respond: 'attend-lagging' },
        ],
      },
    },
  },
};


/** The presets' names. */
export const PRESET_NAMES = Object.keys(PRESETS) as PresetName[];
