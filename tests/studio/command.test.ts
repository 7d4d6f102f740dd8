import { existsSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import { draagvlak, exited, startDraagvlak, stopStarted, workdir } from '../e2e/cli.js';
import { planRuns } from '../../src/scenario/design.js';
import { parseScenario } from '../../src/scenario/load.js';
import { startNote, studioStart } from '../../src/studio/scenarioStart.js';

afterEach(stopStarted);

describe('draagvlak studio', () => {
  test('writes one self-contained page starting from a scenario, with its whole timeline as written', () => {
    const dir = workdir({
      'evening.yaml': 'name: evening\nseed: 9\nhorizon: 30\nstrategy: {serving: 0.8}\ninterventions:\n  - {at: 4, action: evening}\n  - {when: {metric: support_share, above: 0.2}, action: mandate}\n',
    });
    const r = draagvlak(['studio', 'evening.yaml', '--out', 'page/s.html', '--lang', 'nl'], dir);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toBe('draagvlak: studio: page/s.html\n');
    expect(r.stderr).toBe('');
    const html = readFileSync(join(dir, 'page', 's.html'), 'utf8');
    const boot = JSON.parse(html.match(/<script type="application\/json" id="studio-boot">(.*?)<\/script>/s)![1]);
    expect(boot.seed).toBe(9);
    expect(boot.horizon).toBe(30);
    expect(boot.lang).toBe('nl');
    expect(boot.params.strategy.serving).toBe(0.8);
    expect(boot.interventions).toEqual([{ at: 4, action: 'evening' }, { when: { metric: 'support_share', above: 0.2 }, action: 'mandate' }]);
    expect(html).toContain("default-src 'none'");
    expect(html).not.toMatch(/<script[^>]+src=/);
  });

  test('the note on the plan played gives its name in the page\'s language, as the scenario translates it', () => {
    const start = studioStart(parseScenario(`name: r
translations:
  nl:
    names: {"field before": "veld eerst"}
plans:
  - name: field before
    interventions: [{at: 13, action: field}]
  - name: field after
    interventions: [{at: 52, action: field}]
`, 'r.yaml'));
    expect(startNote(start, 'en')).toBe('Plays plan “field before”. Left out (the studio plays one run): 1 other plan');
    expect(startNote(start, 'nl')).toBe('Speelt plan “veld eerst”. Weggelaten (de studio speelt één run): 1 ander plan');
  });

  test('a scenario with plans or compared strategies starts as Import starts it, and what one run leaves out is said', () => {
    const plans = `name: rehearsal
seed: 11
horizon: 60
strategy: {buffer: 0.2}
interventions:
  - {at: 40, action: mandate, size: 0.4, name: mandate}
plans:
  - name: field before
    interventions: [{at: 13, action: field, size: 0.6}]
  - name: field after
    interventions: [{at: 52, action: field, size: 0.6}]
`;
    const dir = workdir({ 'plans.yaml': plans, 'compare.yaml': 'name: compared\nseed: 3\nstrategy: {serving: 0.7}\ncompare:\n  - {preset: classic}\n  - {preset: cooperative}\n' });
    const boot = (file: string) => JSON.parse(readFileSync(join(dir, file), 'utf8').match(/<script type="application\/json" id="studio-boot">(.*?)<\/script>/s)![1]);
    const r = draagvlak(['studio', 'plans.yaml', '--out', 'plans.html'], dir);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toBe('draagvlak: studio: plans.html\ndraagvlak: studio: Plays plan “field before”. Left out (the studio plays one run): 1 other plan\n');
    // the oracle: the first plan's point as `draagvlak run` builds it (the scenario's own mandate, then the plan's field)
    const point = planRuns(parseScenario(plans, 'plans.yaml')).points.find((p) => p.label === 'field before')!;
    expect(boot('plans.html').interventions).toEqual(point.interventions);
    expect(boot('plans.html').plan).toBe('field before');
    const c = draagvlak(['studio', 'compare.yaml', '--out', 'compare.html'], dir);
    expect(c.code, c.stderr).toBe(0);
    expect(c.stdout).toContain('Left out (the studio plays one run): compared strategies (the scenario’s own strategy is played)');
    expect(boot('compare.html').params.strategy.serving).toBe(0.7); // its own strategy, not the first compared (classic: 0.1)
  });

  test('bad input: one line naming what is wrong, exit 2, nothing written', () => {
    const dir = workdir({ 'bad.yaml': 'strategy: {serving: 7}\n' });
    const lang = draagvlak(['studio', '--lang', 'fr', '--out', 'a.html'], dir);
    expect(lang.code).toBe(2);
    expect(lang.stderr).toBe('--lang: expected one of en, nl, found "fr"\n');
    const bad = draagvlak(['studio', 'bad.yaml', '--out', 'b.html'], dir);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/^bad\.yaml: strategy\.serving: expected .*, found 7\n$/);
    expect(existsSync(join(dir, 'a.html')) || existsSync(join(dir, 'b.html'))).toBe(false);
  });

  test('--serve: the same page, byte for byte, on localhost at the URL it prints; Ctrl+C stops it cleanly', async () => {
    const dir = workdir();
    const child = startDraagvlak(['studio', '--serve', '--out', 'served.html'], dir);
    let out = '';
    child.stdout!.on('data', (d) => (out += d));
    const url = await new Promise<string>((found, failed) => {
      child.stdout!.on('data', () => {
        const m = /served at (http:\/\/127\.0\.0\.1:\d+\/)/.exec(out);
        if (m) found(m[1]);
      });
      child.once('exit', () => failed(new Error(`exited: ${out}`)));
    });
    const page = await fetch(url);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(Buffer.from(await page.arrayBuffer()).equals(readFileSync(join(dir, 'served.html')))).toBe(true);
    expect((await fetch(new URL('/elsewhere', url))).status).toBe(404);
    expect((await fetch(url, { method: 'POST' })).status).toBe(405);
    child.kill('SIGINT');
    expect(await exited(child)).toBe(0);
    expect(out).toContain('stopped serving');
    await expect(fetch(url)).rejects.toThrow();
  });

  test('--serve on a port in use, or a bad port: one line, exit 2, nothing written', async () => {
    const dir = workdir();
    const taken = createServer().listen(0, '127.0.0.1');
    await new Promise((ready) => taken.once('listening', ready));
    const port = (taken.address() as { port: number }).port;
    try {
      const busy = draagvlak(['studio', '--serve', '--port', String(port), '--out', 'a.html'], dir);
      expect(busy.code).toBe(2);
      expect(busy.stderr).toBe(`--port ${port}: already in use on localhost; choose another, or leave --port out for a free one\n`);
      const bad = draagvlak(['studio', '--serve', '--port', '70000', '--out', 'b.html'], dir);
      expect(bad.code).toBe(2);
      expect(bad.stderr).toBe('--port: expected a whole number from 0 to 65535, found "70000"\n');
      expect(existsSync(join(dir, 'a.html')) || existsSync(join(dir, 'b.html'))).toBe(false);
    } finally {
      taken.close();
    }
  });
});
