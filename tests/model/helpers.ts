import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { defaultParameters, type Parameters } from '../../src/model/parameters.js';

type Plain = Record<string, unknown>;

function isPlain(x: unknown): x is Plain {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}

/** The defaults with `overrides` merged in, group by group; arrays and series values replace whole. */
export function withOverrides(overrides: Plain, base: Parameters = defaultParameters()): Parameters {
  const merge = (target: Plain, source: Plain): Plain => {
    const out: Plain = { ...target };
    for (const [key, value] of Object.entries(source)) {
      out[key] = isPlain(value) && isPlain(target[key]) && !('points' in value) && !('steps' in value) ? merge(target[key] as Plain, value) : value;
    }
    return out;
  };
  return merge(base as unknown as Plain, overrides) as unknown as Parameters;
}

/** A scenario file's model parameters (its groups of PARAMETERS) and run settings, merged onto the defaults. */
export function loadScenario(path: string): { params: Parameters; horizon: number; sampleEvery: number; seed: number; doc: Plain } {
  const doc = parse(readFileSync(path, 'utf8')) as Plain;
  const groups: Plain = {};
  const base = defaultParameters() as unknown as Plain;
  for (const key of Object.keys(doc)) if (key in base) groups[key] = doc[key];
  return {
    params: withOverrides(groups),
    horizon: Number(doc.horizon ?? 156),
    sampleEvery: Number(doc.sampleEvery ?? 4),
    seed: Number(doc.seed ?? 1),
    doc,
  };
}
