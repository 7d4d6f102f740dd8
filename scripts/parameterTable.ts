import { PARAMETERS, RUN_SETTINGS } from '../src/model/parameters.js';
import { walkSpecs, type ParamGroup, type ParamSpec } from '../src/model/spec.js';
import { cell, withSection } from './docTables.js';

function defaultOf(spec: ParamSpec): string {
  if (spec.kind === 'list' || spec.kind === 'signposts') return '—';
  return String(spec.default);
}

function rangeOf(spec: ParamSpec): string {
  switch (spec.kind) {
    case 'number':
    case 'series':
    case 'list':
      return `${spec.min} … ${spec.max}`;
    case 'boolean':
      return 'true / false';
    case 'enum':
      return spec.values.join(' / ');
    case 'signposts':
      return `metric: ${spec.metrics.join(' / ')}; below or above 0 … 1; respond: ${spec.responses.join(' / ')}`;
  }
}

function unitOf(spec: ParamSpec): string {
  switch (spec.kind) {
    case 'number':
      return spec.integer ? `${spec.unit} (whole)` : spec.unit;
    case 'series':
      return `${spec.unit}, series`;
    case 'list':
      return `${spec.unit}, list`;
    case 'boolean':
      return 'switch';
    case 'enum':
      return 'choice';
    case 'signposts':
      return 'list of signposts';
  }
}

function rows(group: ParamGroup): string[] {
  return [...walkSpecs(group)].map(
    ([path, spec]) =>
      `| \`${path}\` | ${cell(defaultOf(spec))} | ${cell(rangeOf(spec))} | ${cell(unitOf(spec))} | ${cell(spec.doc)} | ${cell(spec.source ?? '')} |`,
  );
}

/**
 * The parameter table of docs/ODD.md, generated from PARAMETERS and RUN_SETTINGS so that the
 * documentation cannot drift from the code: one row per parameter with its path, default, range,
 * unit, meaning and source.
 */
export function parameterTable(): string {
  return [
    '| path | default | range | unit | meaning | source |',
    '|---|---|---|---|---|---|',
    ...rows(PARAMETERS),
    ...rows(RUN_SETTINGS),
  ].join('\n');
}

export const TABLE_START = '<!-- parameters:start -->';
export const TABLE_END = '<!-- parameters:end -->';

/** The document with the section between the markers replaced by the generated table. */
export function withParameterTable(doc: string): string {
  return withSection(doc, TABLE_START, TABLE_END, parameterTable());
}
