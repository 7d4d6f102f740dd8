/**
 * How large a scenario may be: the bounds that keep a hostile or mistaken file from exhausting the
 * machine before a single run starts. Each is far above what a study needs (the shipped scenarios
 * use a few hundred points at most) and far below what would take minutes or gigabytes to expand.
 */
export const LIMITS = {
  /** Bytes of a scenario file. */
  fileBytes: 1_000_000,
  /** YAML alias expansions (`*name`) in one file: an alias bomb ("billion laughs") stops here. */
  aliases: 1000,
  /** Points of a design (compared strategies × sweep points × plans). */
  points: 100_000,
  /** Runs of a design (points × replications). */
  runs: 10_000_000,
} as const;

/** Field names that would reach an object's prototype if used as keys; refused anywhere in a scenario. */
export const FORBIDDEN_KEYS: readonly string[] = ['__proto__', 'constructor', 'prototype'];
