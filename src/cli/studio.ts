import { mkdirSync } from 'node:fs';
import { dirname, relative, resolve } from 'node:path';
import { writeFileAtomic } from '../run/atomic.js';
import { defaultParameters, defaultRunSettings } from '../model/parameters.js';
import { ScenarioError, formatProblem } from '../scenario/errors.js';
import { loadScenario } from '../scenario/load.js';
import { planRuns } from '../scenario/design.js';
import { langProblem, parseLang } from '../charts/words.js';
import { studioHtml, type StudioInput } from '../studio/page.js';

export interface StudioCommandOptions {
  out?: string;
  lang?: string;
}

/**
 * `draagvlak studio [SCENARIO]`: writes the studio as one offline HTML file, starting from the
 * scenario's first point (or the defaults), and prints its path. A scenario's timeline entries that
 * fire at a week (`at`) are applied from the start; entries that fire on a window or a condition
 * cannot be pressed in the studio, so the command names them and leaves them out. Exit 2 on bad input.
 */
export function studioCommand(file: string | undefined, options: StudioCommandOptions): number {
  const lang = parseLang(options.lang ?? 'en');
  if (lang === null) {
    process.stderr.write(`${langProblem(options.lang)}\n`);
    return 2;
  }
  let input: StudioInput = { params: defaultParameters(), seed: defaultRunSettings().seed, horizon: defaultRunSettings().horizon, lang, interventions: [] };
  if (file !== undefined) {
    try {
      const scenario = loadScenario(file);
      const plan = planRuns(scenario);
      const point = plan.points.find((p) => (p.interventions?.length ?? 0) > 0) ?? plan.points[0];
      const timeline = point.interventions ?? [];
      const kept = timeline.filter((e) => e.at !== undefined);
      if (kept.length < timeline.length) {
        process.stderr.write(`draagvlak studio: ${file}: ${timeline.length - kept.length} intervention(s) fire on a window or a condition and are left out (the studio applies entries with \`at\`)\n`);
      }
      input = { params: point.params, seed: scenario.seed, horizon: scenario.horizon, lang, interventions: kept };
    } catch (err) {
      if (!(err instanceof ScenarioError)) throw err;
      for (const p of err.problems) process.stderr.write(`${formatProblem(p)}\n`);
      return 2;
    }
  }
  const out = resolve(options.out ?? 'results/studio.html');
  mkdirSync(dirname(out), { recursive: true });
  writeFileAtomic(out, studioHtml(input));
  process.stdout.write(`draagvlak: studio: ${relative(process.cwd(), out) || out}\n`);
  return 0;
}
