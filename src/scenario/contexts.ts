import type { Parameters } from '../model/parameters.js';
import type { DeepPartial } from './presets.js';

/** The parameter groups that make up a manager's strategy: the levers and the officials the programme sends. */
export const STRATEGY_GROUPS = ['strategy', 'officials'] as const;

/** The starting conditions a strategy meets: the residents, their neighbourhoods and network, the environment. */
export type ContextOverrides = DeepPartial<Omit<Parameters, (typeof STRATEGY_GROUPS)[number] | 'mechanisms'>>;

export interface Context {
  /** What the starting conditions stand for, in a sentence. */
  description: string;
  /** The residents, population, network, initiative or environment values, over the defaults. */
  overrides: ContextOverrides;
}

/**
 * Named starting conditions: the history and neighbourhood a programme inherits, apart from the
 * strategy it chooses. A scenario's `context:` applies to every compared strategy, so strategies
 * compare like with like; a compare entry names its own context only when the comparison is about
 * the starting conditions themselves (and the report then says so).
 */
export type ContextName = 'low-trust' | 'high-trust';

export const CONTEXTS: Record<ContextName, Context> = {
  'low-trust': {
    description: 'Residents start out distrusting the municipality (mean trust in government 0.35), as after years of top-down programmes.',
    overrides: { residents: { trustGov: 0.35 } },
  },
  'high-trust': {
    description: 'Residents start out trusting the municipality (mean trust in government 0.65), as after a programme that kept its promises.',
    overrides: { residents: { trustGov: 0.65 } },
  },
};

export const CONTEXT_NAMES = Object.keys(CONTEXTS) as ContextName[];
