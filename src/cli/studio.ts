import { mkdirSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { dirname, relative, resolve } from 'node:path';
import { writeFileAtomic } from '../run/atomic.js';
import { defaultParameters, defaultRunSettings } from '../model/parameters.js';
import { ScenarioError, formatProblem } from '../scenario/errors.js';
import { loadScenario } from '../scenario/load.js';
import { langProblem, parseLang } from '../charts/words.js';
import { studioHtml, type StudioInput } from '../studio/page.js';
import { NOTHING_LEFT_OUT, startNote, studioStart } from '../studio/scenarioStart.js';

export interface StudioCommandOptions {
  out?: string;
  lang?: string;
  /** Serve the page on localhost until interrupted. */
  serve?: boolean;
  /** The port to serve on (with --serve); 0 or none: a free one. */
  port?: string;
}

/**
 * `draagvlak studio [SCENARIO]`: writes the studio as one offline HTML file, starting from the
 * scenario as Import in the page starts from it (studioStart: its parameters, seed and one plan's
 * whole timeline, triggered as written), or from the defaults, and prints its path, and the plan
 * played and what was left out in one line, as the page says them. With `--serve`, it also serves that same page on localhost (node:http),
 * prints the URL and stops cleanly on SIGINT. Exit 2 on bad input, nothing written.
 */
export async function studioCommand(file: string | undefined, options: StudioCommandOptions): Promise<number> {
  const problems: string[] = [];
  const lang = parseLang(options.lang ?? 'en');
  if (lang === null) problems.push(langProblem(options.lang));
  const port = options.port === undefined ? 0 : Number(options.port);
  if (options.port !== undefined && !(/^\d+$/.test(options.port) && port <= 65535)) problems.push(`--port: expected a whole number from 0 to 65535, found ${JSON.stringify(options.port)}`);
  if (options.port !== undefined && !options.serve) problems.push('--port: only with --serve');
  let input: StudioInput = { params: defaultParameters(), seed: defaultRunSettings().seed, horizon: defaultRunSettings().horizon, lang: lang ?? 'en', interventions: [], leftOut: NOTHING_LEFT_OUT };
  if (file !== undefined) {
    try {
      input = { ...studioStart(loadScenario(file)), lang: lang ?? 'en' };
    } catch (err) {
      if (!(err instanceof ScenarioError)) throw err;
      problems.push(...err.problems.map(formatProblem));
    }
  }
  if (problems.length > 0) {
    for (const p of problems) process.stderr.write(`${p}\n`);
    return 2;
  }
  const html = studioHtml(input);
  const server = options.serve ? await listen(html, port) : null;
  if (typeof server === 'string') {
    process.stderr.write(`${server}\n`);
    return 2;
  }
  const out = resolve(options.out ?? 'results/studio.html');
  mkdirSync(dirname(out), { recursive: true });
  writeFileAtomic(out, html);
  process.stdout.write(`draagvlak: studio: ${relative(process.cwd(), out) || out}\n`);
  const note = startNote(input, 'en');
  if (note) process.stdout.write(`draagvlak: studio: ${note}\n`);
  if (!server) return 0;
  const address = server.address();
  const url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : port}/`;
  process.stdout.write(`draagvlak: studio served at ${url} (Ctrl+C stops)\n`);
  await new Promise<void>((stopped) => {
    process.once('SIGINT', () => {
      server.close(() => stopped());
      server.closeAllConnections();
    });
  });
  process.stdout.write('draagvlak: studio: stopped serving\n');
  return 0;
}

/**
 * Serves `html` at / (and /studio.html) on localhost only; anything else is 404, any method but
 * GET and HEAD 405. The listening server, or the one line saying why it could not listen.
 */
function listen(html: string, port: number): Promise<Server | string> {
  const body = Buffer.from(html, 'utf8');
  const server = createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0];
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { allow: 'GET, HEAD' }).end();
      return;
    }
    if (path !== '/' && path !== '/studio.html') {
      res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('not found: the studio is at /\n');
      return;
    }
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'content-length': body.length, 'cache-control': 'no-store' });
    res.end(req.method === 'HEAD' ? undefined : body);
  });
  return new Promise((done) => {
    server.once('error', (err: NodeJS.ErrnoException) =>
      done(err.code === 'EADDRINUSE' ? `--port ${port}: already in use on localhost; choose another, or leave --port out for a free one` : `--port ${port}: cannot listen on localhost: ${err.code ?? err.message}`),
    );
    server.listen(port, '127.0.0.1', () => done(server));
  });
}
